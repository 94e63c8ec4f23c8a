"""Where peopletui keeps things: platform dirs for config, cache, state and logs; its styles."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("peopletui", appauthor=False)


def _private_dir(path: Path) -> Path:
    # Contact data and drafts live here: only the user may read them.
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def config_dir() -> Path:
    return _private_dir(Path(_DIRS.user_config_dir))


def cache_dir() -> Path:
    return _private_dir(Path(_DIRS.user_cache_dir))


def state_dir() -> Path:
    return _private_dir(Path(_DIRS.user_state_dir))


def log_dir() -> Path:
    return _private_dir(Path(_DIRS.user_log_dir))


def styles_dir() -> Path:
    """The folder of .tcss files: inside the installed package, or at the top of a checkout."""
    packaged = Path(__file__).resolve().parent / "styles"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "styles"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"peopletui's stylesheets are missing: looked in {packaged} and {checkout}. "
        "Reinstall the package."
    )
