"""The main screen's key bindings, in the groups the help screen shows them in.

Every binding has an id (`main.…`) that the `[keymap]` table of the config file can rebind, and
a tooltip that the help screen and the command palette show. The footer shows only the few keys
a newcomer needs (`show=True`); `?` lists everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from textual.binding import Binding


def _key(keys: str, action: str, description: str, tooltip: str, *, show: bool = False) -> Binding:
    return Binding(keys, action, description, show=show, id=f"main.{action}", tooltip=tooltip)


FIND: Final = (
    _key("slash", "focus_filter", "Filter", "Filter the list as you type", show=True),
    _key(
        "escape",
        "clear_filter",
        "Clear filter",
        "Clear the filter and show every contact",
    ),
    _key(
        "S",
        "search_server",
        "Search server",
        "Ask the server's search for the filter text (finds contacts not synced yet)",
    ),
    _key("h", "focus_list", "List", "Move to the contact list"),
    _key("l", "focus_detail", "Details", "Move to the details pane (then j/k scroll)"),
)

CHANGE: Final = (
    _key("e", "edit", "Edit", "Edit the highlighted contact (reloads it first)", show=True),
    _key("n", "create", "New", "Create a contact", show=True),
    _key(
        "x,delete",
        "delete",
        "Delete",
        "Delete the highlighted contact, or every marked one",
        show=True,
    ),
    _key("u", "undo", "Undo", "Undo the last change", show=True),
    _key(
        "w",
        "drafts",
        "Waiting changes",
        "Changes the server refused or that conflict: resolve, retry or discard them",
    ),
)

SELECTION: Final = (
    _key(
        "b",
        "batch_edit",
        "Batch edit",
        "Set one field (company, job title, nickname, email type) on every marked contact",
    ),
    _key(
        "c",
        "duplicate",
        "Copy",
        "Create copies of the marked contacts (or of the highlighted one)",
    ),
)

PHOTOS: Final = (
    _key("p", "set_photo", "Set photo", "Choose an image file as the contact's photo"),
    _key("P", "remove_photo", "Remove photo", "Remove the contact's own photo"),
)

SERVER: Final = (
    _key("r", "reload", "Reload", "Read the highlighted contact again from the server"),
    _key(
        "R",
        "reload_many",
        "Reload marked",
        "Read the marked contacts (or those on screen) again from the server",
    ),
    _key("s", "sync", "Sync", "Fetch what changed on the server since the last sync"),
    _key("d", "directory", "Directory", "Browse your organisation's directory", show=True),
)

GROUPS: Final = (
    ("Find", FIND),
    ("Change", CHANGE),
    ("Marked contacts", SELECTION),
    ("Photos", PHOTOS),
    ("Server", SERVER),
)

BINDINGS: Final = [binding for _, group in GROUPS for binding in group]


@dataclass(frozen=True, slots=True)
class PaletteOnly:
    """An action offered in the command palette without a key of its own."""

    action: str
    title: str
    help: str


PALETTE_ONLY: Final = (
    PaletteOnly("full_sync", "Full sync", "List every contact again from the server"),
    PaletteOnly("select_all", "Select all", "Mark every contact in the list"),
    PaletteOnly("select_none", "Select none", "Clear every mark"),
)
