"""The contact list's rows, made once per contact and kept.

The book keeps each person's title and subtitle in memory (`book.row`), but turning 25,000 of
them into list rows still takes some 25 ms, more than a frame. So rows are kept by resource
name and remade only for contacts that changed, and a whole book is made off the UI thread
(`build_all`) while the list shows what it has. A filter keystroke then only looks rows up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from peopletui.ui.widgets import ContactRow


class TitledRow(Protocol):
    """What the book says about a person's row (`cache.people.IndexRow`)."""

    @property
    def title(self) -> str: ...

    @property
    def subtitle(self) -> str: ...


Lookup = Callable[[str], TitledRow | None]


def make_row(resource_name: str, row: TitledRow | None) -> ContactRow:
    if row is None:
        return ContactRow(resource_name, resource_name)
    return ContactRow(resource_name, row.title, row.subtitle)


def build_all(names: Sequence[str], lookup: Lookup) -> dict[str, ContactRow]:
    """Rows for every name (blocking: run it in a thread for a large book)."""
    return {name: make_row(name, lookup(name)) for name in names}


class RowCache:
    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup
        self._rows: dict[str, ContactRow] = {}
        # Names that changed while a rebuild ran in a thread: its rows for them are stale.
        self._changed_during_rebuild: set[str] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def rows_for(self, names: Sequence[str]) -> list[ContactRow]:
        """The rows of `names`, in order; missing ones are built now."""
        rows = self._rows
        try:
            return list(map(rows.__getitem__, names))  # all known: a lookup in C per row
        except KeyError:
            pass
        found: list[ContactRow] = []
        for name in names:
            row = rows.get(name)
            if row is None:
                row = rows[name] = make_row(name, self._lookup(name))
            found.append(row)
        return found

    def forget(self, names: Iterable[str]) -> None:
        """These contacts changed or left: their rows are rebuilt when next needed."""
        changed = self._changed_during_rebuild
        for name in names:
            self._rows.pop(name, None)
            if changed is not None:
                changed.add(name)

    def start_rebuild(self) -> None:
        """A `build_all` is about to run elsewhere; remember what changes meanwhile."""
        self._changed_during_rebuild = set()

    def finish_rebuild(self, rows: dict[str, ContactRow]) -> None:
        """Take the rows `build_all` made as the whole cache, less those that went stale."""
        for name in self._changed_during_rebuild or ():
            rows.pop(name, None)
        self._changed_during_rebuild = None
        self._rows = rows

    def clear(self) -> None:
        self._rows = {}
