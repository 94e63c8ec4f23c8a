"""Time as the emulator sees it: real by default, advanceable in tests (token and sync expiry)."""

from __future__ import annotations

import threading
import time


class Clock:
    """Wall-clock seconds since the epoch plus an offset that tests can advance."""

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += seconds
