"""Running a full-screen program in a pseudo-terminal and timing it to a given screen, as a
person would see it: start the clock, fork on a pty of a fixed size, read what the program
writes until one of the expected texts shows (escape sequences removed), stop the clock."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

COLUMNS, LINES = 120, 40
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b."
)


@dataclass
class Screen:
    seconds: float | None  # None: the text never showed within the time allowed
    rss_mib: float | None  # the program's resident memory once it had settled
    found: str | None


def visible_text(output: bytes) -> str:
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


def _rss_mib(pid: int) -> float | None:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def time_to_screen(
    command: Sequence[str],
    expected: Sequence[str],
    env: dict[str, str],
    *,
    timeout: float = 120.0,
    settle: float = 0.0,
    quit_keys: bytes = b"\x11",
) -> Screen:
    """Seconds from fork to the first of `expected` on screen; with `settle`, also the RSS once
    the program has written nothing for that long (its data loaded, its screen idle)."""
    started = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:  # the child: become the program, on a terminal of the benchmark's size
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        os.execvpe(command[0], list(command), env)
    output = bytearray()
    seconds: float | None = None
    found: str | None = None
    deadline = started + timeout
    try:
        while seconds is None and time.perf_counter() < deadline:
            chunk = _read(master, deadline - time.perf_counter())
            if chunk is None:
                break
            output += chunk
            text = visible_text(bytes(output[-65536:]))
            found = next((item for item in expected if item in text), None)
            if found is not None:
                seconds = time.perf_counter() - started
        rss = _settled_rss(pid, master, settle, deadline) if seconds and settle else None
    finally:
        _stop(pid, master, quit_keys)
    return Screen(seconds, rss, found)


def _read(master: int, wait: float) -> bytes | None:
    ready, _, _ = select.select([master], [], [], max(wait, 0.0))
    if not ready:
        return b""
    try:
        return os.read(master, 65536) or None
    except OSError:  # the program ended
        return None


def _settled_rss(pid: int, master: int, quiet: float, deadline: float) -> float | None:
    last_output = time.perf_counter()
    while time.perf_counter() - last_output < quiet and time.perf_counter() < deadline:
        chunk = _read(master, 0.1)
        if chunk is None:
            break
        if chunk:
            last_output = time.perf_counter()
    return _rss_mib(pid)


def _stop(pid: int, master: int, quit_keys: bytes) -> None:
    with contextlib.suppress(OSError):
        os.write(master, quit_keys)
    for _ in range(30):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        with contextlib.suppress(OSError):
            os.read(master, 65536) if select.select([master], [], [], 0.1)[0] else None
    else:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(master)
