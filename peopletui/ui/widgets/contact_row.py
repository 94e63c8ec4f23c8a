"""One row of the contact list: its data, and how its title and subtitle share a line of cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rich.cells import cell_len, set_cell_size

from peopletui.ui.text import ELLIPSIS, single_line, truncate

MARK_WIDTH: Final = 2
"""Cells for the selection mark ("✓ ") at the start of each row."""

GAP: Final = 2
"""Least space between the title and the subtitle."""

RIGHT_MARGIN: Final = 1

# No terminal line is wider than this, so measuring more characters would be wasted work.
_MAX_ROW_CHARS: Final = 512

# Below this many cells the subtitle is left out: a few cropped letters help nobody.
_MIN_SUBTITLE_CELLS: Final = 6

# When both do not fit, the subtitle keeps at least this share of the line.
_SUBTITLE_SHARE: Final = 0.4


@dataclass(frozen=True, slots=True)
class ContactRow:
    """What the list shows for one contact. `title` and `subtitle` are untrusted text."""

    key: str
    title: str
    subtitle: str = ""


@dataclass(frozen=True, slots=True)
class RowLayout:
    """A row's text cut to fit: `title` + `padding` + `subtitle` fill the cells between the
    mark and the right margin exactly."""

    title: str
    padding: str
    subtitle: str


def fit_cells(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, ending with an ellipsis when cut.

    Wide (CJK, emoji) characters count two cells; one that would straddle the edge is replaced
    by a space, so the result never spills over.
    """
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + ELLIPSIS


def layout_row(title: str, subtitle: str, width: int) -> RowLayout:
    """Share `width` cells (the whole row) between a title and a right-aligned subtitle.

    The title comes first; the subtitle takes what is left, but never less than a fair share
    of the line when it has something to show. Both are cleaned to one line first.
    """
    title = single_line(truncate(title, _MAX_ROW_CHARS))
    subtitle = single_line(truncate(subtitle, _MAX_ROW_CHARS))
    available = max(0, width - MARK_WIDTH - RIGHT_MARGIN)
    title_cells = cell_len(title)
    subtitle_cells = cell_len(subtitle)

    subtitle_room = 0
    least_useful = min(subtitle_cells, _MIN_SUBTITLE_CELLS)
    if subtitle_cells and title_cells + GAP + subtitle_cells <= available:
        subtitle_room = subtitle_cells
    elif subtitle_cells:
        fair_share = int(available * _SUBTITLE_SHARE)
        subtitle_room = min(subtitle_cells, max(available - GAP - title_cells, fair_share))
        if subtitle_room < least_useful:
            subtitle_room = 0

    title_room = available - (subtitle_room + GAP if subtitle_room else 0)
    shown_title = fit_cells(title, title_room)
    shown_subtitle = fit_cells(subtitle, subtitle_room)
    padding = available - cell_len(shown_title) - cell_len(shown_subtitle)
    return RowLayout(shown_title, " " * padding, shown_subtitle)
