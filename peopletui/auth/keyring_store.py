"""The default `TokenStore`: the desktop keyring (Secret Service, macOS Keychain, Windows)."""

from __future__ import annotations

import contextlib

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from .errors import KeyringProblem
from .keyring_backend import (
    backend_name,
    choose_backend,
    failed_problem,
    hung_problem,
    locked_problem,
)
from .store import DEFAULT_TIMEOUT, TokenStore

SERVICE_NAME = "peopletui"


class KeyringTokenStore(TokenStore):
    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        service: str = SERVICE_NAME,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        """Raises `KeyringProblem` at once when the backend is missing or weak."""
        super().__init__(timeout=timeout)
        self.backend = choose_backend(backend)
        self.service = service
        self.description = f"keyring: {backend_name(self.backend)}"

    def _read(self, key: str) -> str | None:
        return self.backend.get_password(self.service, key)

    def _write(self, key: str, value: str) -> None:
        self.backend.set_password(self.service, key, value)

    def _erase(self, key: str) -> None:
        with contextlib.suppress(PasswordDeleteError):  # already gone: the goal of a delete
            self.backend.delete_password(self.service, key)

    def _problem(self, error: Exception) -> KeyringProblem:
        if isinstance(error, KeyringLocked):
            return locked_problem(backend_name(self.backend))
        return failed_problem(backend_name(self.backend), error)

    def _hung(self) -> KeyringProblem:
        return hung_problem(backend_name(self.backend), self.timeout)
