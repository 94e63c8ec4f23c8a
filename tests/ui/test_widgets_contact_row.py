"""How a row's title and subtitle share the cells of one line."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from peopletui.ui.text import ELLIPSIS
from peopletui.ui.widgets.contact_row import (
    GAP,
    MARK_WIDTH,
    RIGHT_MARGIN,
    RowLayout,
    fit_cells,
    layout_row,
)


def _cells(layout: RowLayout) -> int:
    return cell_len(layout.title + layout.padding + layout.subtitle)


def test_title_and_subtitle_that_fit_are_shown_whole_with_the_subtitle_right_aligned() -> None:
    layout = layout_row("Ada Lovelace", "ada@example.com", 40)
    assert layout.title == "Ada Lovelace"
    assert layout.subtitle == "ada@example.com"
    assert _cells(layout) == 40 - MARK_WIDTH - RIGHT_MARGIN
    assert len(layout.padding) >= GAP


def test_a_long_title_leaves_the_subtitle_a_fair_share() -> None:
    layout = layout_row("T" * 100, "someone.with.a.long.address@example.com", 50)
    available = 50 - MARK_WIDTH - RIGHT_MARGIN
    assert _cells(layout) == available
    assert layout.title.endswith(ELLIPSIS)
    assert layout.subtitle.endswith(ELLIPSIS)
    assert cell_len(layout.subtitle) == int(available * 0.4)


def test_a_short_subtitle_is_kept_whole_next_to_a_long_title() -> None:
    layout = layout_row("T" * 100, "Bob", 30)
    assert layout.subtitle == "Bob"
    assert layout.title.endswith(ELLIPSIS)
    assert _cells(layout) == 30 - MARK_WIDTH - RIGHT_MARGIN


def test_a_narrow_row_drops_the_subtitle_rather_than_show_a_sliver() -> None:
    layout = layout_row("Grace Hopper", "grace@example.com", 12)
    assert layout.subtitle == ""
    assert layout.title == "Grace Ho" + ELLIPSIS
    assert _cells(layout) == 12 - MARK_WIDTH - RIGHT_MARGIN


@pytest.mark.parametrize("width", range(0, 12))
def test_tiny_widths_never_overflow(width: int) -> None:
    layout = layout_row("名前名前名前", "メール@example.jp", width)
    assert _cells(layout) == max(0, width - MARK_WIDTH - RIGHT_MARGIN)


def test_wide_characters_are_counted_as_two_cells_and_never_split() -> None:
    title = "山田太郎山田太郎山田太郎"
    # 11 cells: five two-cell characters and the ellipsis.
    assert layout_row(title, "", 14).title == "山田太郎山" + ELLIPSIS
    # 12 cells: a sixth character would straddle the edge, so a space takes its place.
    assert layout_row(title, "", 15).title == "山田太郎山 " + ELLIPSIS


def test_right_to_left_text_keeps_its_characters_and_width() -> None:
    layout = layout_row("\u202eمحمد الأحمد", "שלום@example.com", 60)
    assert layout.title == "محمد الأحمد"  # the override that would reorder the row is gone
    assert layout.subtitle == "שלום@example.com"
    assert _cells(layout) == 60 - MARK_WIDTH - RIGHT_MARGIN


def test_titles_are_flattened_to_one_line_and_cleaned() -> None:
    layout = layout_row("Eve\n\x1b[31mEvil\tCorp", "a\nb", 40)
    assert layout.title == "Eve Evil Corp"
    assert layout.subtitle == "a b"


def test_a_huge_title_is_capped_before_measuring() -> None:
    layout = layout_row("x" * 10_000, "y" * 10_000, 80)
    assert _cells(layout) == 80 - MARK_WIDTH - RIGHT_MARGIN


def test_fit_cells() -> None:
    assert fit_cells("abc", 3) == "abc"
    assert fit_cells("abcd", 3) == "ab" + ELLIPSIS
    assert fit_cells("abc", 0) == ""
    assert cell_len(fit_cells("漢字漢字", 4)) == 4
