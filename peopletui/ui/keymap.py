"""Every key binding of the app, grouped as the help screen shows them, and the keys each one
answers to once the user's keymap (`[keymap]` in the config file) is applied.

The catalogue is built from the `BINDINGS` of the app, the screens and the widgets, so a new
binding appears in help and the palette without being listed twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType


def bindings_of(source: Iterable[BindingType]) -> list[Binding]:
    return [binding for binding in source if isinstance(binding, Binding)]


def keys_for(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys `binding` answers to: the keymap's for its id, else its own."""
    keys = keymap.get(binding.id or "") or binding.key
    return [key.strip() for key in keys.split(",") if key.strip()]


@dataclass(frozen=True, slots=True)
class HelpRow:
    keys: str
    description: str
    binding_id: str
    tooltip: str


@dataclass(frozen=True, slots=True)
class HelpGroup:
    title: str
    rows: tuple[HelpRow, ...]


def help_groups(
    groups: Sequence[tuple[str, Sequence[Binding]]],
    keymap: Mapping[str, str],
    key_display: Callable[[Binding], str],
) -> list[HelpGroup]:
    """The groups with each binding's effective keys, as shown ("x delete")."""
    shown: list[HelpGroup] = []
    for title, bindings in groups:
        rows = []
        for binding in bindings:
            keys = keys_for(binding, keymap)
            display = " ".join(key_display(binding.with_key(key)) for key in keys)
            rows.append(HelpRow(display, binding.description, binding.id or "", binding.tooltip))
        shown.append(HelpGroup(title, tuple(rows)))
    return shown


def known_ids(groups: Sequence[tuple[str, Sequence[Binding]]]) -> set[str]:
    return {binding.id for _, bindings in groups for binding in bindings if binding.id}


def unknown_ids(
    keymap: Mapping[str, str], groups: Sequence[tuple[str, Sequence[Binding]]]
) -> list[str]:
    """Ids in the user's keymap that no binding has (a typo in the config file)."""
    known = known_ids(groups)
    return sorted(binding_id for binding_id in keymap if binding_id not in known)
