"""The emulator as one object: state, tokens, faults and routing behind a single `handle`.

Contract between the emulator's parts (each module has one job):
- `store.EmulatorState`   accounts, their contacts, photos, change log, the Workspace directory;
                          `to_json()` / `EmulatorState.from_json()` for the state file.
- `seed.seed_state`       deterministic demo data.
- `people.PeopleApi`      the 14 `people` methods and the photo URLs, Google's rules and errors.
- `oauth.OAuthServer`     authorization, token and revocation endpoints.
- `faults.FaultInjector`  seeded 429/500/503 answers, latency and dropped connections, and the
                          per-minute quotas of `quotas.QuotaMeter`.
- `persist.StateFile`     atomic load/save of the state file (`DebouncedSaver` paces the saves).
- `transport.EmulatorTransport` (in-process httpx) and `http.LoopbackServer` (h11 on loopback)
                          are the two adapters; both call `Emulator.handle` and nothing else.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from types import TracebackType

from .clock import Clock
from .errors import ApiError
from .faults import FaultInjector, FaultSpec
from .oauth import OAuthServer
from .people import PeopleApi
from .persist import DebouncedSaver, StateFile, encode_state
from .seed import seed_state
from .store import EmulatorState
from .tokens import TokenRegistry
from .transport import EmulatorTransport
from .wire import DropConnection, WireRequest, WireResponse

logger = logging.getLogger(__name__)

DEFAULT_ACCOUNT = "demo@example.org"
# A name that can never resolve: in-process requests never leave the process, and photo URLs built
# on it are served by the same transport.
IN_PROCESS_URL = "https://people.emulator.invalid"


class Emulator:
    def __init__(
        self,
        *,
        contacts: int = 60,
        seed: int = 0,
        account: str = DEFAULT_ACCOUNT,
        workspace: bool = True,
        faults: FaultSpec | str | None = None,
        state_file: Path | None = None,
        token: str | None = None,
        sync_token_max_age: float = 7 * 24 * 3600.0,
        public_url: str = IN_PROCESS_URL,
    ) -> None:
        """Raises `persist.StateFileError` for an unusable state file and ValueError for a
        malformed fault spec; both messages are meant for the user."""
        self.clock = Clock()
        self.public_url = public_url
        self.account = account
        self.tokens = TokenRegistry(self.clock)
        self._lock = threading.RLock()
        spec = faults if isinstance(faults, FaultSpec) else FaultSpec.parse(faults or "")
        self.state = self._load_or_seed(state_file, account, workspace, contacts, seed)
        self._saver = DebouncedSaver(StateFile(state_file), self._snapshot) if state_file else None
        if self._saver is not None and self.state.dirty:
            self._saver.changed()  # a freshly seeded book reaches the file without a write
        self.people = PeopleApi(
            self.state,
            clock=self.clock,
            public_url=lambda: self.public_url,
            sync_token_max_age=sync_token_max_age,
        )
        self.oauth = OAuthServer(self.tokens, clock=self.clock, default_account=account)
        self.faults = self._injector(spec)
        # The bearer token any client may use: printed by `peopletui emulator`, used by the demo.
        self.token = self.tokens.issue_access_token(account, ttl=None, token=token)

    def handle(self, request: WireRequest) -> WireResponse:
        """Answer one request. Thread-safe; raises `DropConnection` for a staged dropped
        connection."""
        with self._lock:
            fault = self.faults.before(request)
            if fault is not None:
                return fault
            pretty = request.query_values("prettyPrint")[-1:] != ["false"]
            try:
                if self.oauth.owns(request.raw_path):
                    response = self.oauth.handle(request)
                elif self.people.owns_photo(request.raw_path):
                    response = self.people.serve_photo(request)
                else:
                    grant = self.tokens.authenticate(request.header("authorization"))
                    response = self.people.handle(request, grant)
            except ApiError as error:
                response = error.to_response(pretty=pretty)
            except Exception:
                # A bug here must look like Google's 500 to the client (whose retry path is
                # then exercised), not hang or crash the adapter; the log keeps the traceback.
                logger.exception(
                    "%s %s failed inside the emulator", request.method, request.raw_path
                )
                response = ApiError("INTERNAL", "Internal error encountered.").to_response()
            if self._saver is not None and self.state.dirty:
                self._saver.changed()
            self.faults.after(request, response)  # may raise DropConnection(after_processing=True)
            return response

    def set_faults(self, faults: FaultSpec | str | None) -> None:
        """Replace the fault spec while running (counts start again from zero)."""
        spec = faults if isinstance(faults, FaultSpec) else FaultSpec.parse(faults or "")
        with self._lock:
            self.faults = self._injector(spec)

    def _injector(self, spec: FaultSpec) -> FaultInjector:
        return FaultInjector(
            spec,
            clock=self.clock,
            account_of=lambda request: self.tokens.account_of(request.header("authorization")),
            exempt=self.people.owns_photo,
        )

    def transport(self) -> EmulatorTransport:
        """An httpx transport that answers from this emulator in-process."""
        return EmulatorTransport(self)

    def flush(self) -> None:
        """Write the state file now if anything changed (no-op without a state file)."""
        if self._saver is not None:
            self._saver.flush()

    def close(self) -> None:
        """Flush the state file and stop saving. Safe to call more than once."""
        if self._saver is not None:
            self._saver.close()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _load_or_seed(
        self, path: Path | None, account: str, workspace: bool, contacts: int, seed: int
    ) -> EmulatorState:
        state_file = StateFile(path) if path else None
        loaded = state_file.load() if state_file else None
        if state_file is not None and loaded is not None:
            try:
                return EmulatorState.from_json(loaded)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise state_file.corrupt(f"it does not hold emulator state: {error!r}") from None
        state = EmulatorState()
        seed_state(state, account=account, workspace=workspace, contacts=contacts, seed=seed)
        state.dirty = state_file is not None
        return state

    def _snapshot(self) -> bytes | None:
        # Serialised under the lock so the file never mixes two moments of the book.
        with self._lock:
            if not self.state.dirty:
                return None
            payload = encode_state(self.state.to_json())
            self.state.dirty = False
            return payload


__all__ = ["DEFAULT_ACCOUNT", "IN_PROCESS_URL", "DropConnection", "Emulator", "EmulatorTransport"]
