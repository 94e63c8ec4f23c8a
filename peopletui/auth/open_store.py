"""Open the token store the user chose: the keyring (default) or, by explicit opt-in, a file."""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend

from .file_store import FileTokenStore
from .keyring_backend import hung_problem
from .keyring_store import KeyringTokenStore
from .offloop import run_off_loop
from .store import DEFAULT_TIMEOUT, TokenStore
from .store_kinds import TOKEN_STORE_KINDS, TokenStoreKind

__all__ = ["TOKEN_STORE_KINDS", "TokenStoreKind", "open_token_store"]


async def open_token_store(
    kind: TokenStoreKind = "keyring",
    *,
    backend: KeyringBackend | None = None,
    path: Path | None = None,
    keyring_timeout: float = DEFAULT_TIMEOUT,
) -> TokenStore:
    """A store that answered one read; raises `KeyringProblem` with the reason otherwise."""
    store: TokenStore
    if kind == "file":
        store = FileTokenStore(path, timeout=keyring_timeout)
    else:
        # Choosing the backend can already talk to D-Bus (keyring probes the Secret Service).
        try:
            store = await run_off_loop(
                lambda: KeyringTokenStore(backend, timeout=keyring_timeout),
                limit=keyring_timeout,
                name="peopletui-keyring-probe",
            )
        except TimeoutError:
            raise hung_problem("the default keyring", keyring_timeout) from None
    await store.check()
    return store
