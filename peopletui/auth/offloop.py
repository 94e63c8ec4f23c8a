"""Run a blocking call on a daemon thread and await it with a timeout.

Keyring backends block (D-Bus round trips, unlock prompts) and can hang for good when a Secret
Service waits on a prompt nobody sees. `asyncio.to_thread` would keep the event loop free, but its
worker threads are joined when the loop shuts down, so one hung call would hang the app's exit
too; a daemon thread is simply abandoned.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def run_off_loop(call: Callable[[], T], *, limit: float | None, name: str) -> T:
    """The result of ``call()``; `TimeoutError` if it takes longer than ``limit`` seconds."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def work() -> None:
        try:
            result = call()
        except BaseException as error:  # handed to the awaiting task, never lost
            failure = error
            _deliver(loop, settle, lambda: future.set_exception(failure))
        else:
            _deliver(loop, settle, lambda: future.set_result(result))

    threading.Thread(target=work, name=name, daemon=True).start()
    return await asyncio.wait_for(future, limit)


def _deliver(
    loop: asyncio.AbstractEventLoop,
    settle: Callable[[Callable[[], None]], None],
    outcome: Callable[[], None],
) -> None:
    # RuntimeError: the loop closed while the call ran, so nobody is waiting any more.
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(settle, outcome)
