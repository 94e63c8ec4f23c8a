"""From the services' events to Textual messages.

The services call their subscribers with plain dataclass events (`peopletui.services.events`),
on whatever thread emitted them. `EventBridge` subscribes on behalf of a widget or screen and
posts each event to it as a `ServiceEvent` message; `post_message` is thread-safe, so an event
from a worker thread is queued on the app's loop like any other message. The receiver handles
`on_service_event` and dispatches on the event's type.
"""

from __future__ import annotations

from textual.message import Message
from textual.message_pump import MessagePump

from peopletui.services.events import Event, EventBus


class ServiceEvent(Message, bubble=False):
    """One event from the services, delivered in the order the services emitted them."""

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event

    def __repr__(self) -> str:
        return f"ServiceEvent({self.event!r})"


class EventBridge:
    """Forwards the events of `bus` to `target` until `close()`."""

    def __init__(self, bus: EventBus, target: MessagePump) -> None:
        self._target = target
        self._unsubscribe = bus.subscribe(self._forward)

    def _forward(self, event: Event) -> None:
        self._target.post_message(ServiceEvent(event))

    def close(self) -> None:
        self._unsubscribe()
