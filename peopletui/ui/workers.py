"""Worker failures go to one place: the app's error handler.

Textual posts `Worker.StateChanged` to the node that started the worker and does not bubble it.
Screens mix in `ForwardsWorkerErrors` so that a worker that raised is reported once, by the app
(`PeopleApp.on_worker_state_changed`), which explains the error in a notice — or asks for a
sign-in — and never lets it end the app (every worker runs with `exit_on_error=False`).
"""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState


class ForwardsWorkerErrors(MessagePump):
    """For screens and widgets: pass failed workers on to the app."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.app.post_message(Worker.StateChanged(event.worker, event.state))
