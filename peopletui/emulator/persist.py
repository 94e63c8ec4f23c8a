"""The state file: the emulator's book saved as JSON so a demo survives restarts.

Writes are atomic (a temporary file in the same folder, fsync, then ``os.replace``), so a crash
leaves either the old file or the new one, never half of one. Writing 25,000 contacts after every
request would be slow, so `DebouncedSaver` saves at most once a second and always on close.
A file that cannot be read back is refused with an error naming it; it is never overwritten with
fresh demo data.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


class StateFileError(Exception):
    """The state file exists but cannot be used; the message names the file and what to do."""


def encode_state(data: dict[str, Any]) -> bytes:
    # Compact: a 25,000-contact book is several megabytes and is written often.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class StateFile:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def load(self) -> dict[str, Any] | None:
        """The saved state, or None when there is no file yet. Raises `StateFileError`."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StateFileError(
                f"cannot read the state file {self.path}: {error.strerror}"
            ) from None
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise self.corrupt(str(error)) from None
        if not isinstance(data, dict):
            raise self.corrupt("it does not hold a JSON object")
        return data

    def corrupt(self, why: str) -> StateFileError:
        return StateFileError(
            f"the state file {self.path} is not usable ({why}). It was left as it is; move it "
            "away or delete it to start again from fresh demo data."
        )

    def save(self, data: dict[str, Any]) -> None:
        self.write(encode_state(data))

    def write(self, payload: bytes) -> None:
        """Replace the file with ``payload`` atomically, readable by its owner only (0600)."""
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=folder
        )
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders and needs no call."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


class DebouncedSaver:
    """Writes a snapshot at most once per ``interval`` seconds, from a timer thread.

    ``snapshot`` returns the bytes to write, or None when nothing changed since the last one; it
    is called under no lock of ours, so it may take the emulator's. A failed write is kept and
    retried at the next save, so a full disk loses nothing that a later save can still write.
    """

    def __init__(
        self,
        state_file: StateFile,
        snapshot: Callable[[], bytes | None],
        *,
        interval: float = 1.0,
    ) -> None:
        self.state_file = state_file
        self._snapshot = snapshot
        self._interval = interval
        self._timer: threading.Timer | None = None
        self._timer_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._pending: bytes | None = None
        self._closed = False

    def changed(self) -> None:
        """Note that the state changed; a save follows within ``interval`` seconds."""
        with self._timer_lock:
            if self._closed or self._timer is not None:
                return
            self._timer = threading.Timer(self._interval, self._on_timer)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> None:
        """Save now if anything changed. Raises OSError if the write fails."""
        with self._timer_lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        self._write()

    def close(self) -> None:
        """Flush and stop saving."""
        with self._timer_lock:
            self._closed = True
        self.flush()

    def _on_timer(self) -> None:
        with self._timer_lock:
            self._timer = None
        try:
            self._write()
        except OSError as error:
            logger.error("could not save the state file %s: %s", self.state_file.path, error)
            self.changed()

    def _write(self) -> None:
        with self._write_lock:
            payload = self._snapshot()
            if payload is not None:
                self._pending = payload
            if self._pending is None:
                return
            self.state_file.write(self._pending)
            self._pending = None
