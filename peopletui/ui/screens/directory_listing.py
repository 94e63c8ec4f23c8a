"""One directory listing (a query's pages, or the whole directory's) and the status line that
describes it. Plain state and a pure function: the screen owns when they change."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.content import Content

from peopletui.services.directory import DirectoryPage
from peopletui.services.fields import PersonJson
from peopletui.ui.text import literal


@dataclass
class Listing:
    """The rows shown: one query's pages, in the server's order (the empty query browses)."""

    query: str
    keys: list[str] = field(default_factory=list)
    next_token: str | None = None
    total: int | None = None
    """How many there are in all: a search says so; a browse knows only on its last page."""
    loaded: bool = False
    """False until its first page arrived."""

    @property
    def complete(self) -> bool:
        return self.next_token is None

    def add_page(self, page: DirectoryPage) -> list[tuple[str, PersonJson]]:
        """Append a page; returns the people it added (a person already listed is skipped)."""
        shown = set(self.keys)
        added: list[tuple[str, PersonJson]] = []
        for person in page.people:
            key = person.get("resourceName")
            if isinstance(key, str) and key not in shown:
                shown.add(key)
                added.append((key, person))
        self.keys += [key for key, _ in added]
        self.loaded = True
        self.next_token = page.next_page_token
        if page.total is not None:
            self.total = page.total
        if self.complete:
            self.total = len(self.keys)
        return added


def status_text(
    listing: Listing, *, wanted: str, loading: bool, failed: bool, marked: int
) -> Content:
    """The status line: "n of total", what is on its way, how many are marked."""
    if failed:
        parts = ["Could not reach the directory (ctrl+r tries again)"]
    elif loading and (listing.query != wanted or not listing.loaded):
        parts = ["Searching…" if wanted else "Loading the directory…"]
    elif not listing.keys and listing.complete and listing.query:
        return Content.assemble(
            "No one in the directory matches “", literal(wanted, one_line=True), "”."
        )
    elif not listing.keys and listing.complete:
        parts = ["The directory is empty."]
    else:
        count = len(listing.keys)
        shown = f"{count} of {listing.total}" if listing.total is not None else f"{count}"
        parts = [f"{shown} {'matches' if listing.query else 'people'}"]
        if loading:
            parts.append("loading more…")
        elif not listing.complete:
            parts.append("more below (m)")
    if marked:
        parts.append(f"{marked} marked")
    return Content(" · ".join(parts))
