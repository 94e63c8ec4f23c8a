"""Settings: the user's TOML config (read only) and the choices the app remembers (JSON state).

The config file is the user's to edit, so the app never rewrites it; what the app remembers on its
own (the theme last chosen) lives apart in the state dir.

``config.toml``::

    theme = "nord"                 # the default theme (a choice made in the app wins)
    [keymap]                        # binding id = keys, as in the help screen
    "list.down" = "j,down"
    "app.filter" = "slash,ctrl+f"
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from peopletui import paths


class ConfigError(Exception):
    """The config file exists but cannot be used; the message says where and why."""


@dataclass
class Settings:
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)


def config_file() -> Path:
    return paths.config_dir() / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_file()
    remembered = _load_state()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raw = {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    keymap = raw.get("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keymap.items()
    ):
        raise ConfigError(
            f'{path}: [keymap] maps binding ids to key strings, like "list.down" = "j"'
        )
    # The theme last picked in the app wins over the file's default, so the choice is remembered.
    theme = remembered.get("theme", raw.get("theme"))
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(f"{path}: theme must be a string")
    return Settings(theme=theme, keymap=dict(keymap))


def _state_file() -> Path:
    return paths.state_dir() / "remembered.json"


def _load_state() -> dict[str, object]:
    try:
        data = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(key: str, value: str) -> None:
    """Store one remembered choice, atomically (a crash never leaves half a file)."""
    data = _load_state()
    data[key] = value
    target = _state_file()
    temp = target.with_suffix(".tmp")
    temp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(temp, target)
