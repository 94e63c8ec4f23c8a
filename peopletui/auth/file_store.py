"""The opt-in `TokenStore` for machines without a keyring (``--token-store file``).

Tokens sit in one JSON file, mode 0600, inside a 0700 state folder, replaced atomically on every
write so a crash never leaves half a file. It is not encrypted, and the user is told so each time.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
import tempfile
from pathlib import Path

import platformdirs

from .errors import KeyringProblem
from .store import DEFAULT_TIMEOUT, TokenStore

log = logging.getLogger(__name__)

FILE_NAME = "tokens.json"


def default_token_file() -> Path:
    return Path(platformdirs.user_state_dir("peopletui")) / FILE_NAME


class FileTokenStore(TokenStore):
    def __init__(self, path: Path | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(timeout=timeout)
        self.path = path or default_token_file()
        self.description = f"file: {self.path} (opted in with --token-store file)"
        self.warning = (
            f"Tokens are kept in {self.path}: readable only by you, but not encrypted. "
            "Anyone who can read your files can use your contacts."
        )

    def _entries(self) -> dict[str, str]:
        try:
            with self.path.open(encoding="utf-8") as handle:
                mode = os.fstat(handle.fileno()).st_mode
                text = handle.read()
        except FileNotFoundError:
            return {}
        if stat.S_IMODE(mode) & 0o077:
            log.warning("The token file was readable by others; making it private again.")
            self.path.chmod(0o600)
        try:
            entries = json.loads(text)
        except ValueError:
            entries = None
        if not isinstance(entries, dict):
            # No detail from the text: it holds tokens.
            raise KeyringProblem(
                "The token file is damaged.",
                f"{self.path} is not a token file peopletui wrote. Delete it and sign in again "
                "with `peopletui login --token-store file`.",
            )
        return {str(key): str(value) for key, value in entries.items()}

    def _replace(self, entries: dict[str, str]) -> None:
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
        # mkstemp creates the file 0600 before anything is written to it.
        fd, temporary = tempfile.mkstemp(prefix=".tokens-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entries, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise

    def _read(self, key: str) -> str | None:
        return self._entries().get(key)

    def _write(self, key: str, value: str) -> None:
        entries = self._entries()
        entries[key] = value
        self._replace(entries)

    def _erase(self, key: str) -> None:
        entries = self._entries()
        if entries.pop(key, None) is not None:
            self._replace(entries)

    def _problem(self, error: Exception) -> KeyringProblem:
        return KeyringProblem(
            "The token file cannot be used.",
            f"{self.path}: {type(error).__name__}: {error}. Check the folder's permissions and "
            "free space.",
        )

    def _hung(self) -> KeyringProblem:
        return KeyringProblem(
            "The token file did not answer.",
            f"Reading or writing {self.path} took longer than {self.timeout:g} seconds "
            "(a stalled network file system?).",
        )
