"""Untrusted text is shown literally: no escape sequence, control, bidi or markup gets through."""

from __future__ import annotations

import html
import sys
import unicodedata

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Label, Static

from peopletui.ui.text import DEFAULT_MAX_CHARS, ELLIPSIS, clean, literal, single_line, truncate

HOSTILE = [
    "Smith [/] Jr",
    "[bold red]Eve[/]",
    "[link=https://evil.example]x[/link]",
    "[@click=app.quit]x[/]",
    "[b]unclosed",
    "$primary [$accent]",
]

C1 = "".join(chr(code) for code in range(0x80, 0xA0))
KEPT_JOINERS = {"\u200c", "\u200d"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[38;2;255;0;0mtrue\x1b[m colour", "true colour"),
        ("a\x1b]8;;https://evil.example\x07link\x1b]8;;\x07b", "alinkb"),
        ("a\x1b]0;new window title\x1b\\b", "ab"),
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),
        ("a\x1b_payload\x9cb", "ab"),
        ("a\x1b]52;c;aGVsbG8=", "a"),  # unterminated OSC 52 (clipboard) runs to the end
        ("x\x9b31my", "xy"),
        ("x\x9d0;title\x07y", "xy"),
        ("a\x1b(Bb\x1b7c\x1bcd", "abcd"),
        ("trailing\x1b", "trailing"),
        ("bell\x07 back\x08space nul\x00", "bell backspace nul"),
        ("del\x7f", "del"),
        ("rtl\u202eevil\u202c", "rtlevil"),
        ("iso\u2066late\u2069 \u200emark\u200f \u061c", "isolate mark "),
        ("zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"),
        ("tag\U000e0041\U000e0042s", "tags"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        (
            "line\r\nbreaks\rand\x0bmore\x0cand\x85some\u2028more\u2029",
            "line\nbreaks\nand\nmore\nand\nsome\nmore\n",
        ),
        ("keeps\ttab\nand newline", "keeps\ttab\nand newline"),
        (
            "مرحبا שלום 名前 😀 👩\u200d👩\u200d👧 می\u200cخواهم",
            "مرحبا שלום 名前 😀 👩\u200d👩\u200d👧 می\u200cخواهم",
        ),
    ],
)
def test_clean_removes_what_could_drive_or_spoof_the_terminal(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_leaves_printable_text_untouched_and_is_idempotent() -> None:
    name = "Zoë O'Brien-Ñúñez [CEO] <zoe@example.com>"
    assert clean(name) is name
    messy = "\x1b[1m\x9d\x9e\u202e ok \x1b]8;;x\x07\x1b"
    assert clean(clean(messy)) == clean(messy) == " ok "


def test_every_control_character_except_tab_and_newline_is_removed() -> None:
    controls = "".join(chr(code) for code in range(0x20)) + "\x7f" + C1
    # TAB stays; LF, VT, FF, CR and NEL (U+0085) are line breaks and become "\n".
    assert clean(f"a{controls}b") == "a\t\n\n\n\n\nb"


def test_mojibake_c1_characters_do_not_hide_the_rest_of_the_text() -> None:
    # "Ÿ" and "ž" from CP1252 read as Latin-1 are U+009F and U+009E: not a real sequence here.
    assert clean("Zo\x9fe \x9eivkovi\x92c") == "Zoe ivkovic"
    assert clean("a\x9d0;title\x1b\\b") == "ab"


def test_every_format_character_except_the_joiners_is_removed() -> None:
    format_chars = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and chr(code) not in KEPT_JOINERS
    ]
    assert len(format_chars) > 150
    assert clean("<" + "".join(format_chars) + ">") == "<>"
    assert clean("a\u200cb\u200dc") == "a\u200cb\u200dc"


def test_single_line_flattens_newlines_and_tabs() -> None:
    assert single_line("Ada\nLovelace\tCountess\r\nof Lovelace\x1b[2J") == (
        "Ada Lovelace Countess of Lovelace"
    )


def test_truncate_caps_long_values_with_an_ellipsis() -> None:
    assert truncate("short", 10) == "short"
    assert truncate("abcdefghij", 10) == "abcdefghij"
    assert truncate("abcdefghijk", 10) == "abcdefghi" + ELLIPSIS
    long_value = "x" * 10_000
    capped = truncate(long_value)
    assert len(capped) == DEFAULT_MAX_CHARS
    assert capped.endswith(ELLIPSIS)
    with pytest.raises(ValueError):
        truncate("x", 0)


@pytest.mark.parametrize("raw", HOSTILE)
def test_literal_never_parses_markup(raw: str) -> None:
    content = literal(raw)
    assert content.plain == raw
    assert list(content.spans) == []
    styled = literal(raw, style="bold")
    assert styled.plain == raw
    assert [span.style for span in styled.spans] == ["bold"]


def test_literal_cleans_caps_and_flattens() -> None:
    assert literal("\x1b[31mEve\x1b[0m").plain == "Eve"
    assert literal("a\nb", one_line=True).plain == "a b"
    assert literal("a\nb").plain == "a\nb"
    long_content = literal("y" * 10_000)
    assert len(long_content.plain) == DEFAULT_MAX_CHARS
    assert long_content.plain.endswith(ELLIPSIS)
    assert literal("y" * 50, max_chars=10).plain == "y" * 9 + ELLIPSIS


# -- shown inside a running app -------------------------------------------------------------------

ESCAPED = "\x1b[31mred\x1b[0m \x9b1mbold \x1b]8;;https://evil.example\x07link\x1b]8;;\x07"
BIDI = "Alice \u202eecilA"
LONG_NOTE = "note " * 2_000  # 10,000 characters


class LiteralApp(App[None]):
    def compose(self) -> ComposeResult:
        for index, raw in enumerate(HOSTILE):
            yield Label(literal(raw), id=f"hostile-{index}")
        yield Static(literal(ESCAPED), id="escaped")
        yield Label(literal(BIDI), id="bidi")
        yield Static(literal(LONG_NOTE), id="long")


def _rendered_text(widget: Widget) -> list[str]:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    for strip in strips:
        for segment in strip:
            style = segment.style
            assert style is None or not style.link, "untrusted text became a link"
            assert style is None or "@click" not in style.meta, "untrusted text became an action"
    return [strip.text for strip in strips]


def _assert_no_terminal_controls(text: str) -> None:
    assert "\x1b" not in text
    assert not set(text) & set(C1)
    assert not set(text) & {"\u202e", "\u202c"}


async def test_hostile_text_renders_literally_inside_an_app() -> None:
    app = LiteralApp()
    async with app.run_test(size=(100, 40)) as pilot:
        for index, raw in enumerate(HOSTILE):
            lines = _rendered_text(app.query_one(f"#hostile-{index}", Label))
            assert lines[0].rstrip() == raw
        escaped_lines = _rendered_text(app.query_one("#escaped", Static))
        assert escaped_lines[0].rstrip() == "red bold link"
        assert _rendered_text(app.query_one("#bidi", Label))[0].rstrip() == "Alice ecilA"
        long_lines = _rendered_text(app.query_one("#long", Static))
        assert "".join(long_lines).rstrip().endswith(ELLIPSIS)

        screen = app.export_screenshot()
        _assert_no_terminal_controls(screen)
        shown = html.unescape(screen).replace("\xa0", " ")
        for raw in HOSTILE:
            assert raw in shown
        assert "red bold link" in shown

        # The "[@click=app.quit]" label is only text: clicking it leaves the app running.
        await pilot.click("#hostile-3")
        await pilot.pause()
        assert app.is_running
