"""What the services tell the UI, as plain dataclasses delivered to subscriber callbacks.

The UI turns each event into a Textual message; nothing here knows about Textual. Events carry
resource names, counts and short texts, never tokens, and never a person's data beyond names the
UI looks up in the book itself.

    unsubscribe = events.subscribe(print)      # any callable taking one event
    events.emit(SyncProgress(pages=3, people=3000, total=25000))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every service event."""


# -- the cache -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CacheOpened(Event):
    """The local cache was opened; `outcome` is the cache's `OpenOutcome` value ("opened",
    "created", "migrated", "rebuilt-corrupt", ...)."""

    outcome: str
    people: int


@dataclass(frozen=True, slots=True)
class CacheRebuilt(Event):
    """The cache file could not be used (corrupt, newer schema, another account's) and was set
    aside; the book starts empty and a full sync rebuilds it from the server."""

    outcome: str
    detail: str
    set_aside: str | None


# -- syncing -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncStarted(Event):
    full: bool
    reason: str
    """Why: "first sync", "no sync token", "sync token expired", "requested", "incremental"."""


@dataclass(frozen=True, slots=True)
class SyncProgress(Event):
    """One more page arrived: `pages` done so far, `people` received so far, `total` as the
    server announced it (None when it did not say)."""

    pages: int
    people: int
    total: int | None


@dataclass(frozen=True, slots=True)
class SyncFinished(Event):
    full: bool
    requests: int
    changed: int
    removed: int
    people: int
    """Contacts in the book afterwards."""


@dataclass(frozen=True, slots=True)
class SyncFailed(Event):
    """The sync stopped; the book keeps what it had. `message` is safe to show."""

    message: str


@dataclass(frozen=True, slots=True)
class SearchWarmedUp(Event):
    """The warmup searchContacts request was answered: server search may be used."""


# -- the book ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BookChanged(Event):
    """People were added or replaced (`changed`) or removed. `everything` means the whole book
    may have changed (after a full sync): reload the list rather than patch it."""

    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    everything: bool = False


# -- writes --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WriteQueued(Event):
    """A change was kept as a draft and waits its turn; `pending` drafts wait in all."""

    draft_id: int
    kind: str
    resource_name: str | None
    pending: int


@dataclass(frozen=True, slots=True)
class WriteSaved(Event):
    """The server confirmed a draft; `resource_name` is the contact's (new for a create)."""

    draft_id: int
    kind: str
    resource_name: str | None


@dataclass(frozen=True, slots=True)
class WriteConflict(Event):
    """Someone else changed the same fields: the draft waits for the user's choice."""

    draft_id: int
    resource_name: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WriteFailed(Event):
    """A draft was refused (`will_retry` False: kept for the user to fix or discard) or failed
    for now (`will_retry` True: the queue sends it again later). `message` is safe to show."""

    draft_id: int
    kind: str
    resource_name: str | None
    message: str
    will_retry: bool


@dataclass(frozen=True, slots=True)
class SignInRequired(Event):
    """The server refused the credentials: writes are paused (drafts kept) until the user signs
    in again and the UI calls `resume_writes()`."""

    message: str


@dataclass(frozen=True, slots=True)
class QueueIdle(Event):
    """Every draft that can be sent has been; `waiting` drafts need the user (conflicts,
    refusals)."""

    waiting: int


@dataclass(frozen=True, slots=True)
class UndoDone(Event):
    kinds: tuple[str, ...]
    """The kinds of change that were reversed, one per contact."""
    problems: int = 0


Subscriber = Callable[[Event], None]


@dataclass
class EventBus:
    """Delivers events to subscribers, in order, on the caller's thread (the event loop).

    A subscriber that raises is logged and skipped: a UI bug must not stop a sync or a write.
    """

    _subscribers: list[Subscriber] = field(default_factory=list)

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def emit(self, event: Event) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:
                logger.exception("an event subscriber failed on %s", type(event).__name__)
