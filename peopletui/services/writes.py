"""`WriteQueue`: the account's writes, kept as drafts on disk and sent one request at a time.

Google asks that mutations for one user be sent sequentially, so one task sends everything, in
the order it was asked for. Consecutive drafts of one change over many contacts (same kind, same
group) travel together in batch requests. A draft stays in the cache until the server confirms
it; then the book is updated, the change is journaled for undo, and the draft is removed, in
that order (a crash in between re-delivers the draft, which re-delivery recognises as done).

On start every unconfirmed draft (pending, or sent without an answer) is sent again, once; drafts
in conflict or refused wait for the user. Failures that may pass (429, 5xx, no connection, after
the client's own retries) back off and try again; a refused sign-in pauses the queue until
`resume()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peopletui.api import PeopleApiError, PeopleClient
from peopletui.api.batches import CREATE_LIMIT, DELETE_LIMIT, UPDATE_LIMIT
from peopletui.cache.records import ChangeKind, Draft, DraftStatus
from peopletui.cache.store import CacheStore
from peopletui.services import journaling
from peopletui.services.delivery import (
    SIGN_IN,
    Conflicted,
    Delivery,
    Done,
    Refused,
    Result,
    Retry,
    classify,
)
from peopletui.services.events import (
    EventBus,
    QueueIdle,
    SignInRequired,
    WriteConflict,
    WriteFailed,
    WriteQueued,
    WriteSaved,
)
from peopletui.services.fields import PersonJson, without_private
from peopletui.services.journaling import BATCH_KEY
from peopletui.services.local import LocalBook
from peopletui.services.merge import FieldConflict
from peopletui.services.results import SaveOutcome, SaveStatus

logger = logging.getLogger(__name__)

_BATCH_LIMITS = {
    ChangeKind.CREATE: CREATE_LIMIT,
    ChangeKind.UPDATE: UPDATE_LIMIT,
    ChangeKind.DELETE: DELETE_LIMIT,
}
SIGN_IN_NEEDED = (
    "The server no longer accepts this sign-in. Your changes are kept and will be sent once "
    "you sign in again."
)


@dataclass(frozen=True, slots=True)
class DraftSpec:
    """A change to keep and send: what `ContactBook` asks the queue for."""

    kind: ChangeKind
    resource_name: str | None
    base: PersonJson | None
    changes: PersonJson


class WriteQueue:
    def __init__(
        self,
        client: PeopleClient,
        local: LocalBook,
        events: EventBus,
        account_lock: asyncio.Lock,
        *,
        retry_delay: float = 1.0,
        max_retry_delay: float = 60.0,
    ) -> None:
        self._delivery = Delivery(client)
        self._local = local
        self._cache = local.cache
        self._events = events
        self._lock = account_lock
        self._retry_delay = retry_delay
        self._max_retry_delay = max_retry_delay
        self._pending: list[Draft] = []
        self._waiters: dict[int, asyncio.Future[SaveOutcome]] = {}
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._signed_in = asyncio.Event()
        self._signed_in.set()
        self._task: asyncio.Task[None] | None = None
        self._failures = 0

    # -- life ---------------------------------------------------------------------------------

    async def start(self) -> int:
        """Pick up the drafts a previous run left and start sending; returns how many."""
        drafts = await asyncio.to_thread(self._cache.drafts_list_pending)
        sendable = (DraftStatus.PENDING, DraftStatus.SENDING)
        self._pending = [draft for draft in drafts if draft.status in sendable]
        self._task = asyncio.create_task(self._run(), name="peopletui-write-queue")
        self._wake.set()
        return len(self._pending)

    async def stop(self) -> None:
        """Stop sending. A draft in flight stays on disk and is checked and re-sent next time."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for future in self._waiters.values():
            if not future.done():
                future.cancel()

    def resume(self) -> None:
        """Send again after the user signed in."""
        self._signed_in.set()
        self._wake.set()

    async def wait_idle(self) -> None:
        """Until nothing is left to send (drafts waiting for the user do not count)."""
        await self._idle.wait()

    @property
    def pending(self) -> int:
        return len(self._pending)

    # -- adding -------------------------------------------------------------------------------

    async def add(self, specs: Sequence[DraftSpec]) -> list[asyncio.Future[SaveOutcome]]:
        """Keep the drafts on disk, then queue them; one future per draft, resolved by the
        first definite answer (or QUEUED when it has to wait)."""

        if self._task is None:
            raise RuntimeError("the write queue is not running: start the book first")

        def keep() -> list[Draft]:
            return [
                self._cache.drafts_add(spec.kind, spec.resource_name, spec.base, spec.changes)
                for spec in specs
            ]

        drafts = await asyncio.to_thread(keep)
        futures = [self._future(draft.id) for draft in drafts]
        self._enqueue(drafts)
        return futures

    async def requeue(self, draft: Draft) -> asyncio.Future[SaveOutcome]:
        """Send a draft again that waited for the user (resolved conflict, retry)."""
        future = self._future(draft.id)
        self._enqueue([draft])
        return future

    def _future(self, draft_id: int) -> asyncio.Future[SaveOutcome]:
        future: asyncio.Future[SaveOutcome] = asyncio.get_running_loop().create_future()
        self._waiters[draft_id] = future
        return future

    def _enqueue(self, drafts: Iterable[Draft]) -> None:
        for draft in drafts:
            self._pending.append(draft)
            self._events.emit(
                WriteQueued(draft.id, draft.kind.value, draft.resource_name, len(self._pending))
            )
            if not self._signed_in.is_set():
                # Paused for a sign-in: say so now rather than leave the caller waiting.
                self._answer(draft, SaveStatus.QUEUED, message=SIGN_IN_NEEDED)
        self._idle.clear()
        self._wake.set()

    # -- sending ------------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            # Cleared before looking, so a draft added while we look still wakes us.
            self._wake.clear()
            if not self._pending:
                waiting = await asyncio.to_thread(self._cache.drafts_list_pending)
                if self._pending:
                    continue  # something arrived meanwhile
                self._idle.set()
                self._events.emit(QueueIdle(waiting=len(waiting)))
                await self._wake.wait()
                continue
            self._idle.clear()
            await self._signed_in.wait()
            try:
                again = await self._send_next()
            except Exception:
                # A bug (or a full disk) must neither end the queue silently nor spin on it.
                logger.exception("the write queue failed; trying again later")
                again = True
            if again:
                await self._back_off()
            else:
                self._failures = 0

    async def _send_next(self) -> bool:
        """Send the next shipment and settle it; True if something must be sent again later."""
        shipment = self._next_shipment()
        try:
            results = await self._send(shipment)
        except SIGN_IN as error:
            await self._pause(shipment, error)
            return False
        except PeopleApiError as error:
            # A read around the write (a photo, a person after a batch) failed after retries.
            results = [classify(draft, error) for draft in shipment]
        except Exception:
            logger.exception("sending %d draft(s) failed", len(shipment))
            message = "An internal error stopped this change; it is kept."
            results = [Refused(draft, message) for draft in shipment]
        return await self._settle(results)

    def _next_shipment(self) -> list[Draft]:
        head = self._pending[0]
        limit = _BATCH_LIMITS.get(head.kind, 1)
        batch = head.changes.get(BATCH_KEY)
        mask = _mask(head)
        shipment = [head]
        names = {head.resource_name}
        for draft in self._pending[1:]:
            if (
                len(shipment) >= limit
                or batch is None
                or draft.kind is not head.kind
                or draft.changes.get(BATCH_KEY) != batch
                or _mask(draft) != mask
                or (draft.resource_name is not None and draft.resource_name in names)
            ):
                break
            shipment.append(draft)
            names.add(draft.resource_name)
        return shipment

    async def _send(self, shipment: list[Draft]) -> list[Result]:
        async with self._lock:
            marked = await asyncio.to_thread(_mark_sending, self._cache, shipment)
            # The queue keeps the counted drafts (a resend must know they may have arrived);
            # this delivery goes by the counts from before it.
            self._pending[: len(marked)] = marked
            return await self._delivery.deliver(shipment, self._created)

    async def _created(self, draft: Draft, resource_name: str) -> None:
        # The contact exists; what remains (its photo) must not create it again.
        updated = await asyncio.to_thread(
            self._cache.drafts_update, draft.id, resource_name=resource_name
        )
        self._pending = [updated if d.id == draft.id else d for d in self._pending]

    async def _pause(self, shipment: list[Draft], error: PeopleApiError) -> None:
        """Wait for a sign-in (a 401/403, or a refused refresh token: `Unauthenticated` too).
        The server carried out none of what it refused (a contact created before its photo was
        refused is on the draft already), so the shipment goes back to PENDING, first in line."""
        self._signed_in.clear()
        held = {
            draft.id: draft
            for draft in await asyncio.to_thread(_mark_pending, self._cache, shipment)
        }
        self._pending = [held.get(draft.id, draft) for draft in self._pending]
        self._events.emit(SignInRequired(SIGN_IN_NEEDED))
        for draft in shipment:
            self._answer(draft, SaveStatus.QUEUED, message=SIGN_IN_NEEDED)
        logger.info("writes paused: %s", type(error).__name__)

    async def _back_off(self) -> None:
        self._failures += 1
        delay = min(self._max_retry_delay, self._retry_delay * 2 ** (self._failures - 1))
        await asyncio.sleep(delay)

    # -- settling -----------------------------------------------------------------------------

    async def _settle(self, results: list[Result]) -> bool:
        """Record what happened to each draft; True if some must be sent again later."""
        done = [result for result in results if isinstance(result, Done)]
        if done:
            await self._confirm(done)
        retry = False
        for result in results:
            draft = result.draft
            if isinstance(result, Done):
                continue
            if isinstance(result, Retry):
                retry = True
                self._events.emit(
                    WriteFailed(
                        draft.id, draft.kind.value, draft.resource_name, result.message, True
                    )
                )
                self._answer(draft, SaveStatus.QUEUED, message=result.message)
                continue
            self._drop(draft.id)
            if isinstance(result, Conflicted):
                await self._hold(draft, DraftStatus.CONFLICT, "conflict")
                fields = tuple(conflict.field for conflict in result.merge.conflicts)
                self._events.emit(WriteConflict(draft.id, draft.resource_name or "", fields))
                self._answer(
                    draft,
                    SaveStatus.CONFLICT,
                    conflicts=result.merge.conflicts,
                    message="Someone else changed the same fields.",
                )
            elif isinstance(result, Refused):
                await self._hold(draft, DraftStatus.FAILED, result.message)
                self._events.emit(
                    WriteFailed(
                        draft.id, draft.kind.value, draft.resource_name, result.message, False
                    )
                )
                self._answer(draft, SaveStatus.FAILED, message=result.message)
        return retry

    async def _confirm(self, done: list[Done]) -> None:
        deleted = [r.resource_name for r in done if r.draft.kind is ChangeKind.DELETE]
        stored = [
            r.person for r in done if r.person is not None and r.draft.kind is not ChangeKind.DELETE
        ]
        await self._local.drop(deleted)
        await self._local.store(stored)
        confirmed: list[journaling.Confirmed] = [
            (r.draft.kind, r.draft.changes, r.resource_name, r.person, r.before) for r in done
        ]
        await asyncio.to_thread(journaling.record, self._cache, confirmed)
        await asyncio.to_thread(_remove_drafts, self._cache, [r.draft.id for r in done])
        for result in done:
            draft = result.draft
            self._drop(draft.id)
            self._events.emit(WriteSaved(draft.id, draft.kind.value, result.resource_name))
            self._answer(
                draft,
                SaveStatus.SAVED,
                resource_name=result.resource_name,
                person=result.person,
                message=result.note,
            )

    def _drop(self, draft_id: int) -> None:
        self._pending = [draft for draft in self._pending if draft.id != draft_id]

    async def _hold(self, draft: Draft, status: DraftStatus, message: str) -> None:
        await asyncio.to_thread(
            self._cache.drafts_update, draft.id, status=status, last_error=message
        )

    def _answer(
        self,
        draft: Draft,
        status: SaveStatus,
        *,
        resource_name: str | None = None,
        person: PersonJson | None = None,
        conflicts: tuple[FieldConflict, ...] = (),
        message: str = "",
    ) -> None:
        future = self._waiters.pop(draft.id, None)
        if future is None or future.done():
            return
        future.set_result(
            SaveOutcome(
                status,
                draft.id,
                draft.kind.value,
                resource_name or draft.resource_name,
                person,
                conflicts,
                message,
            )
        )


def _mask(draft: Draft) -> frozenset[str] | None:
    if draft.kind is not ChangeKind.UPDATE:
        return None
    return frozenset(without_private(draft.changes))


def _mark_sending(cache: CacheStore, drafts: list[Draft]) -> list[Draft]:
    return [cache.drafts_mark_sending(draft.id) for draft in drafts]


def _mark_pending(cache: CacheStore, drafts: list[Draft]) -> list[Draft]:
    return [cache.drafts_update(draft.id, status=DraftStatus.PENDING) for draft in drafts]


def _remove_drafts(cache: CacheStore, draft_ids: list[int]) -> None:
    for draft_id in draft_ids:
        cache.drafts_remove(draft_id)
