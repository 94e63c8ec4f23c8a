"""ContactList: virtualised rendering, keys and mouse, marks, replacing rows, literal text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.strip import Strip

from peopletui.paths import styles_dir
from peopletui.ui.widgets.contact_list import ContactList, ContactRow

SIZE = (80, 24)  # the list fills the screen: 24 visible rows, 79 cells beside the scrollbar
VISIBLE = SIZE[1]


def make_rows(count: int, start: int = 0) -> list[ContactRow]:
    return [
        ContactRow(f"people/c{i}", f"Person {i}", f"person{i}@example.com")
        for i in range(start, start + count)
    ]


class CountingList(ContactList):
    """Counts the lines asked for and the rows actually laid out."""

    def __init__(self, rows: Sequence[ContactRow]) -> None:
        super().__init__(rows, id="contacts")
        self.render_calls = 0
        self.rows_asked: set[int] = set()
        self.rows_laid_out = 0

    def render_line(self, y: int) -> Strip:
        self.render_calls += 1
        self.rows_asked.add(self.scroll_offset.y + y)
        return super().render_line(y)

    def _render_row(self, row: ContactRow, width: int, highlighted: bool, selected: bool) -> Strip:
        self.rows_laid_out += 1
        return super()._render_row(row, width, highlighted, selected)


class ListApp(App[None]):
    CSS_PATH = str(styles_dir() / "widgets.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen_escape", id="test.escape", tooltip="test")
    ]

    def __init__(self, rows: Sequence[ContactRow]) -> None:
        super().__init__()
        self.rows = rows
        self.messages: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        yield CountingList(self.rows)

    @property
    def contacts(self) -> CountingList:
        return self.query_one(CountingList)

    def action_screen_escape(self) -> None:
        self.messages.append(("escape", None))

    @on(ContactList.Highlighted)
    def _highlighted(self, message: ContactList.Highlighted) -> None:
        self.messages.append(("highlighted", message.key))

    @on(ContactList.Opened)
    def _opened(self, message: ContactList.Opened) -> None:
        self.messages.append(("opened", message.key))

    @on(ContactList.SelectionChanged)
    def _selection(self, message: ContactList.SelectionChanged) -> None:
        self.messages.append(("selection", message.count))

    def take(self, kind: str) -> list[object]:
        """The payloads of `kind` messages so far, forgetting all messages."""
        found = [payload for name, payload in self.messages if name == kind]
        self.messages.clear()
        return found


async def test_25000_rows_mount_and_only_visible_rows_are_rendered() -> None:
    app = ListApp(make_rows(25_000))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        assert contacts.row_count == 25_000
        assert contacts.virtual_size.height == 25_000
        assert app.take("highlighted") == ["people/c0"]
        assert contacts.rows_asked == set(range(VISIBLE))
        assert contacts.rows_laid_out <= VISIBLE

        await pilot.press("pagedown")
        await pilot.pause()
        assert contacts.cursor == VISIBLE
        assert contacts.scroll_offset.y == VISIBLE
        # Two screens' worth, not 25,000.
        assert contacts.rows_asked <= set(range(2 * VISIBLE))
        assert contacts.render_calls <= 3 * VISIBLE
        assert contacts.rows_laid_out <= 2 * VISIBLE + 2

        # Back up a page: those rows come from the cache (only the two cursor rows change).
        laid_out = contacts.rows_laid_out
        await pilot.press("pageup")
        await pilot.pause()
        assert contacts.rows_laid_out - laid_out <= 2


async def test_vim_keys_and_arrows_move_the_cursor_and_keep_it_in_view() -> None:
    app = ListApp(make_rows(25_000))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts

        async def press(key: str, cursor: int, top: int) -> None:
            await pilot.press(key)
            assert (key, contacts.cursor, contacts.scroll_offset.y) == (key, cursor, top)

        await press("j", 1, 0)
        await press("down", 2, 0)
        await press("k", 1, 0)
        await press("up", 0, 0)
        await press("k", 0, 0)  # already at the top
        await press("G", 24_999, 24_999 - VISIBLE + 1)
        await press("j", 24_999, 24_999 - VISIBLE + 1)  # already at the bottom
        await press("g", 0, 0)
        await press("end", 24_999, 24_999 - VISIBLE + 1)
        await press("home", 0, 0)
        await press("ctrl+d", VISIBLE // 2, VISIBLE // 2)
        await press("ctrl+u", 0, 0)
        await press("ctrl+f", VISIBLE, VISIBLE)
        await press("ctrl+b", 0, 0)
        await press("pagedown", VISIBLE, VISIBLE)
        await press("pageup", 0, 0)
        contacts.move_cursor(VISIBLE - 1)  # the last visible row
        await press("j", VISIBLE, 1)  # one step past the bottom scrolls by one row
        await pilot.pause()
        assert app.take("highlighted")[-3:] == [
            "people/c0",
            f"people/c{VISIBLE - 1}",
            f"people/c{VISIBLE}",
        ]


async def test_keys_can_be_remapped_through_binding_ids() -> None:
    app = ListApp(make_rows(10))
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"list.down": "n"})
        await pilot.press("n", "n")
        assert app.contacts.cursor == 2


def test_every_binding_has_a_unique_id_and_a_tooltip() -> None:
    bindings = [b for b in ContactList.BINDINGS if isinstance(b, Binding)]
    assert len(bindings) == len(ContactList.BINDINGS)
    ids = [binding.id for binding in bindings]
    assert all(binding_id and binding_id.startswith("list.") for binding_id in ids)
    assert len(set(ids)) == len(ids)
    assert all(binding.tooltip for binding in bindings)


async def test_click_moves_the_cursor_and_double_click_opens() -> None:
    app = ListApp(make_rows(200))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        await pilot.press("pagedown")
        app.messages.clear()

        await pilot.click(contacts, offset=(10, 3))
        await pilot.pause()
        assert contacts.cursor == VISIBLE + 3
        assert app.take("highlighted") == [f"people/c{VISIBLE + 3}"]

        await pilot.double_click(contacts, offset=(10, 5))
        await pilot.pause()
        assert contacts.cursor == VISIBLE + 5
        assert app.take("opened") == [f"people/c{VISIBLE + 5}"]

        await pilot.press("enter")
        await pilot.pause()
        assert app.take("opened") == [f"people/c{VISIBLE + 5}"]

        # A click on the mark column ticks the row without moving on.
        await pilot.click(contacts, offset=(0, 7))
        await pilot.pause()
        assert contacts.cursor == VISIBLE + 7
        assert contacts.selected_keys == {f"people/c{VISIBLE + 7}"}
        assert app.take("selection") == [1]


async def test_space_marks_and_moves_down_select_all_and_none() -> None:
    app = ListApp(make_rows(25_000))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        await pilot.press("space", "space", "k", "space")
        await pilot.pause()
        assert contacts.cursor == 2  # the second space moved on after unmarking row 1
        assert contacts.selected_keys == {"people/c0"}
        assert app.take("selection") == [1, 2, 1]
        assert contacts.render_line(0).text.startswith("✓ Person 0")
        assert contacts.render_line(1).text.startswith("  Person 1")

        await pilot.press("ctrl+a")
        await pilot.pause()
        assert len(contacts.selected_keys) == 25_000
        assert app.take("selection") == [25_000]

        await pilot.press("escape")
        await pilot.pause()
        assert contacts.selected_keys == frozenset()
        assert app.take("selection") == [0]

        # With nothing marked, escape is left to the screen.
        await pilot.press("escape")
        await pilot.pause()
        assert app.take("escape") == [None]


async def test_set_rows_keeps_the_cursor_on_the_same_contact() -> None:
    app = ListApp(make_rows(1_000))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        contacts.move_cursor(100)
        await pilot.press("space")  # marks people/c100, moves to people/c101
        await pilot.pause()
        app.messages.clear()

        every_other = make_rows(1_000)[1::2]  # c1, c3, ... c101 is at index 50
        contacts.set_rows(every_other)
        await pilot.pause()
        assert contacts.cursor == 50
        assert contacts.highlighted_key == "people/c101"
        assert app.take("highlighted") == []  # still the same contact: nothing to announce

        contacts.set_rows(make_rows(1_000)[::2])  # c101 is gone: back to the best match
        await pilot.pause()
        assert (contacts.cursor, contacts.scroll_offset.y) == (0, 0)
        assert app.take("highlighted") == ["people/c0"]
        # Marks survive filtering, so a selection can be built across several filters.
        assert contacts.selected_keys == {"people/c100"}

        contacts.set_rows([])
        await pilot.pause()
        assert contacts.highlighted_key is None
        assert app.take("highlighted") == [None]
        await pilot.press("j", "enter", "space", "G")
        await pilot.pause()
        assert app.take("opened") == []
        assert contacts.render_line(0).text.strip() == ""


async def test_set_rows_on_a_large_list_renders_only_what_is_visible() -> None:
    app = ListApp(make_rows(25_000))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        await pilot.press("G")
        await pilot.pause()
        laid_out = contacts.rows_laid_out
        contacts.set_rows(make_rows(12_500, start=12_500))
        await pilot.pause()
        assert contacts.highlighted_key == "people/c24999"
        assert contacts.cursor == 12_499
        assert contacts.rows_laid_out - laid_out <= VISIBLE


async def test_a_renamed_contact_shows_its_new_title() -> None:
    app = ListApp(make_rows(5))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        assert contacts.render_line(2).text.startswith("  Person 2")
        renamed = make_rows(5)
        renamed[2] = ContactRow("people/c2", "Renamed", "new@example.com")
        contacts.set_rows(renamed)
        await pilot.pause()
        assert contacts.render_line(2).text.startswith("  Renamed")


def _segment_styles(strip: Strip) -> list[Style]:
    return [segment.style for segment in strip if segment.style is not None]


async def test_hostile_titles_are_rendered_literally() -> None:
    hostile = [
        ContactRow("people/c1", "[bold red]Eve[/]", "[link=https://evil.example]x[/link]"),
        ContactRow("people/c2", "[@click=app.quit]Mallory[/]", "Smith [/] Jr"),
        ContactRow("people/c3", "\x1b[31mRed\x1b[0m \x9b2J\x1b]8;;https://e.example\x07L", "\x07"),
        ContactRow("people/c4", "\u202eecilA\u202c Alice", "a\nb\tc"),
    ]
    app = ListApp(hostile)
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        lines = [contacts.render_line(y) for y in range(len(hostile))]
        texts = [line.text for line in lines]
        assert texts[0].startswith("  [bold red]Eve[/]")
        assert texts[0].rstrip().endswith("[link=https://evil.example]x[/link]")
        assert texts[1].startswith("  [@click=app.quit]Mallory[/]")
        assert texts[1].rstrip().endswith("Smith [/] Jr")
        assert texts[2].startswith("  Red L ")
        assert texts[3].startswith("  ecilA Alice")
        assert texts[3].rstrip().endswith("a b c")
        for line in lines:
            assert line.cell_length == SIZE[0]  # few rows: no scrollbar
            for style in _segment_styles(line):
                assert not style.link
                assert "@click" not in style.meta
        screen = app.export_screenshot()
        assert "\x1b" not in screen
        assert "\x9b" not in screen
        assert "\u202e" not in screen

        await pilot.click(app.contacts, offset=(10, 1))
        await pilot.pause()
        assert app.is_running  # the "[@click=app.quit]" title is text, not an action


async def test_wide_titles_are_cropped_to_the_width() -> None:
    rows = [ContactRow("people/c1", "山田太郎" * 30, "やまだ@example.jp" * 5)]
    app = ListApp(rows)
    async with app.run_test(size=(41, 5)) as pilot:
        await pilot.pause()
        line = app.contacts.render_line(0)
        assert line.cell_length == 41
        assert line.text.rstrip().endswith("…")
        assert "…" in line.text


async def test_the_cursor_colours_follow_focus() -> None:
    app = ListApp(make_rows(3))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        assert app.focused is contacts
        focused_style = _segment_styles(contacts.render_line(0))[0]
        plain_style = _segment_styles(contacts.render_line(1))[0]
        assert focused_style.bgcolor != plain_style.bgcolor

        app.set_focus(None)
        await pilot.pause()
        blurred_style = _segment_styles(contacts.render_line(0))[0]
        assert blurred_style.bgcolor != focused_style.bgcolor


async def test_a_short_list_after_a_long_one_is_shown_from_the_top() -> None:
    rows = make_rows(25_000)
    app = ListApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        await pilot.press("G")
        contacts.set_rows(rows[-10:])
        await pilot.pause()
        assert (contacts.cursor, contacts.scroll_offset.y) == (9, 0)
        assert contacts.render_line(9).text.startswith("  Person 24999")


async def test_move_to_key_and_set_selection() -> None:
    app = ListApp(make_rows(100))
    async with app.run_test(size=SIZE) as pilot:
        contacts = app.contacts
        assert contacts.move_to_key("people/c70")
        assert contacts.cursor == 70
        assert contacts.scroll_offset.y == 70 - VISIBLE + 1
        assert not contacts.move_to_key("people/c-missing")
        assert contacts.cursor == 70

        contacts.set_selection(["people/c1", "people/c2"])
        contacts.set_selection(["people/c2", "people/c1"])  # the same marks: no message
        await pilot.pause()
        assert contacts.selected_keys == {"people/c1", "people/c2"}
        assert app.take("selection") == [2]
