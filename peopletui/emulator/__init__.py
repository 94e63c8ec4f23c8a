"""A People API v1 emulator: Google's wire format and rules, in-process or on loopback.

It shares no code with `peopletui.api`: it is a second, independent reading of Google's documents.

The package's names load lazily so that importing one small part (``peopletui.emulator.wire``,
``peopletui.emulator.faults``) does not build the whole emulator.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import DEFAULT_ACCOUNT, IN_PROCESS_URL, Emulator
    from .http import LoopbackServer, serve_in_thread
    from .transport import EmulatorTransport

__all__ = [
    "DEFAULT_ACCOUNT",
    "IN_PROCESS_URL",
    "Emulator",
    "EmulatorTransport",
    "LoopbackServer",
    "serve_in_thread",
]

_HOMES = {
    "DEFAULT_ACCOUNT": ".core",
    "IN_PROCESS_URL": ".core",
    "Emulator": ".core",
    "EmulatorTransport": ".transport",
    "LoopbackServer": ".http",
    "serve_in_thread": ".http",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home, __name__), name)
