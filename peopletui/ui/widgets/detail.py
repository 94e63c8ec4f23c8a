"""The detail pane: one contact with every field it has, and its photo.

It takes plain data — a person's JSON and, separately, the photo's bytes once someone fetched
them — and knows nothing of services. Every value is the contact's own text, shown literally
(see `peopletui.ui.text`). Focus it (tab, or `l` from the list) to scroll with j/k.

Styles come from `styles/main.tcss`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Final

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from peopletui.cache.display import display_name, secondary_line
from peopletui.ui.detail_fields import Section, person_sections
from peopletui.ui.text import literal
from peopletui.ui.widgets.photo import PhotoView

# Each value is capped: a 10,000-character note is shown in part, and says so with "…".
MAX_VALUE_CHARS: Final = 2_000
_SECTION_STYLE: Final = "bold $accent"
_QUALIFIER_STYLE: Final = "$foreground-muted"
_EMPTY_TEXT: Final = "No contact selected."


def fields_content(sections: list[Section]) -> Content:
    """The sections as one block of text: a title line, then one indented line per item."""
    parts: list[Content] = []
    for section in sections:
        if parts:
            parts.append(Content("\n\n"))
        parts.append(literal(section.title, style=_SECTION_STYLE, one_line=True))
        for item in section.items:
            parts.append(Content("\n  "))
            parts.append(literal(item.text.replace("\n", "\n  "), max_chars=MAX_VALUE_CHARS))
            if item.qualifiers:
                qualifiers = "  · " + " · ".join(item.qualifiers)
                parts.append(literal(qualifiers, style=_QUALIFIER_STYLE, one_line=True))
    return Content("").join(parts)


def _beyond_heading(sections: list[Section], heading: str) -> list[Section]:
    """The sections without a "Name" that only repeats the heading."""
    return [
        section
        for section in sections
        if not (
            section.field == "names"
            and len(section.items) == 1
            and section.items[0].text == heading
            and not section.items[0].qualifiers
        )
    ]


class DetailPane(VerticalScroll, can_focus=True):
    """Shows one person; `show_person(None)` empties it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j",
            "scroll_down",
            "Scroll down",
            show=False,
            id="detail.down",
            tooltip="Scroll the contact's details down",
        ),
        Binding(
            "k",
            "scroll_up",
            "Scroll up",
            show=False,
            id="detail.up",
            tooltip="Scroll the contact's details up",
        ),
        Binding(
            "g",
            "scroll_home",
            "Top",
            show=False,
            id="detail.top",
            tooltip="Back to the top of the details",
        ),
        Binding(
            "G",
            "scroll_end",
            "Bottom",
            show=False,
            id="detail.bottom",
            tooltip="To the end of the details",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.person: Mapping[str, Any] | None = None
        self.border_title = "Details"

    def compose(self) -> ComposeResult:
        with Horizontal(id="detail-head"):
            with Vertical(id="detail-titles"):
                yield Static(id="detail-name")
                yield Static(id="detail-subtitle")
                yield Static(id="detail-note")
            yield PhotoView(id="detail-photo")
        yield Static(id="detail-fields")

    def on_mount(self) -> None:
        self.show_person(None)

    def show_person(self, person: Mapping[str, Any] | None, *, note: str = "") -> None:
        """Show `person` (None: nothing selected). `note` is a short line of our own (such as
        "Not in your book yet: found by the server's search")."""
        changed_person = person is not self.person
        self.person = person
        name = self.query_one("#detail-name", Static)
        subtitle = self.query_one("#detail-subtitle", Static)
        fields = self.query_one("#detail-fields", Static)
        note_line = self.query_one("#detail-note", Static)
        note_line.update(literal(note, one_line=True))
        note_line.set_class(bool(note), "-shown")
        if person is None:
            name.update(Content(_EMPTY_TEXT))
            subtitle.update(Content(""))
            fields.update(Content(""))
            self.show_photo(None)
            return
        heading = display_name(person)
        name.update(literal(heading, one_line=True))
        subtitle.update(literal(secondary_line(person), one_line=True))
        fields.update(fields_content(_beyond_heading(person_sections(person), heading)))
        if changed_person:
            self.scroll_home(animate=False)

    def show_photo(self, image: bytes | None) -> None:
        """Show the person's photo (the pane hides the photo box when there is none)."""
        view = self.query_one("#detail-photo", PhotoView)
        view.display = image is not None
        view.set_image(image)

    @property
    def photo(self) -> PhotoView:
        return self.query_one("#detail-photo", PhotoView)
