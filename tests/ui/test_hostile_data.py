"""Hostile contact data, loaded through the emulator before the app starts: markup, escape
sequences, bidi overrides, 10,000-character values and empty names. The app does not crash,
shows each as written, never turns markup into a style, link or action, and no ESC or C1 byte
from the data reaches what it renders."""

from __future__ import annotations

import re
from typing import Any

from app_harness import (
    demo_session,
    main_screen,
    notices,
    running,
    screen_of,
    screen_text,
    settle,
    until,
)
from textual import events
from textual.widgets import Input, TextArea

from peopletui.app import PeopleApp
from peopletui.services.session import Session
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen

ESC_OR_C1 = re.compile("[\x1b\x80-\x9f]")
# Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what
# the terminal shows around them, so a name could make the text after it read backwards.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
LONG = "Ü" * 10_000

HOSTILE: list[dict[str, Any]] = [
    {"names": [{"givenName": "Smith [/] Jr"}], "emailAddresses": [{"value": "smith@example.com"}]},
    {
        "names": [{"givenName": "[link=https://evil.example]Click me[/link]"}],
        "nicknames": [{"value": "[@click=app.quit]Quit now[/]"}],
        "organizations": [{"name": "[bold red]Loud[/] Corp"}],
    },
    {
        "names": [{"givenName": "Red\x1b[31mAlert\x1b[0m", "familyName": "Title\x1b]0;pwned\x07"}],
        "biographies": [{"value": "C1 CSI \x9b31m here, bell \x07, null-ish \x01 and DEL \x7f."}],
    },
    {
        "names": [{"givenName": "Bidi \u202eevil\u202c override"}],
        "emailAddresses": [{"value": "bidi\u2066x\u2069@example.com", "type": "\u202ehome"}],
    },
    {"names": [{"givenName": "Longname " + LONG}], "biographies": [{"value": LONG}]},
    {"phoneNumbers": [{"value": "+1 555 0100"}]},  # no name at all
    {"emailAddresses": [{"value": "nameless@example.com"}], "names": [{"givenName": "   "}]},
]


def hostile_session() -> tuple[Session, list[str]]:
    session = demo_session(contacts=10)
    emulator = session.emulator
    assert emulator is not None
    names = [emulator.state.add_contact(emulator.account, person) for person in HOSTILE]
    return session, names


def assert_clean_render(app: PeopleApp) -> None:
    for strip in app.screen._compositor.render_strips():
        assert not ESC_OR_C1.search(strip.text), repr(strip.text)
        assert not BIDI.search(strip.text), repr(strip.text)
        for segment in strip:
            style = segment.style
            if style is None:
                continue
            assert not style.link, f"a link reached the screen: {segment.text!r}"
            assert not any("click" in str(key) for key in (style.meta or {})), segment.text
    svg = app.export_screenshot()
    assert not ESC_OR_C1.search(svg)
    assert not BIDI.search(svg)
    assert not any("evil.example" in href for href in re.findall(r'href="([^"]*)"', svg))


async def test_hostile_contacts_are_shown_literally_and_nothing_escapes() -> None:
    session, names = hostile_session()
    async with running(session) as (app, pilot, session, _):
        screen = main_screen(app)
        shown = [row.key for row in screen.contact_list.rows]
        assert set(names) <= set(shown)
        # The data reached the app as hostile as it was sent.
        given = (session.book.get(names[2]) or {})["names"][0]["givenName"]
        assert "\x1b[31m" in given
        assert "\u202e" in (session.book.get(names[3]) or {})["names"][0]["givenName"]
        for key in names:
            screen.contact_list.move_to_key(key)
            await settle(pilot)
            assert screen.detail.person is session.book.get(key)
            assert_clean_render(app)
        assert app.is_running

        screen.contact_list.move_to_key(names[0])
        await pilot.pause()
        assert "Smith [/] Jr" in screen_text(app)
        screen.contact_list.move_to_key(names[1])
        await pilot.pause()
        text = screen_text(app)
        assert "[link=https://evil.example]Click me[/link]" in text
        assert "[@click=app.quit]Quit now[/]" in text
        assert "[bold red]Loud[/] Corp" in text
        screen.contact_list.move_to_key(names[2])
        await pilot.pause()
        assert "RedAlert" in screen_text(app)  # the escape sequence went, the text stayed


async def test_the_filter_and_notices_take_hostile_text_literally() -> None:
    session, names = hostile_session()
    async with running(session) as (app, pilot, session, _):
        screen = main_screen(app)
        await pilot.press("slash", *"[/]")
        await settle(pilot)
        assert names[0] in [row.key for row in screen.contact_list.rows]
        await pilot.press("enter")
        screen.contact_list.move_to_key(names[0])

        await pilot.press("x")
        await screen_of(pilot, ConfirmScreen)
        assert "Delete “Smith [/] Jr”?" in screen_text(app)
        assert_clean_render(app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert any(n.startswith("Deleted “Smith [/] Jr”") for n in notices(app))
        assert all(not n.markup for n in app._notifications if "Smith" in n.message)
        assert_clean_render(app)


async def test_the_longest_values_are_capped_not_laid_out_whole() -> None:
    session, names = hostile_session()
    async with running(session) as (app, pilot, session, _):
        screen = main_screen(app)
        screen.contact_list.move_to_key(names[4])
        await settle(pilot)
        await pilot.press("l", "G")  # to the details, then to their end
        await pilot.pause()
        text = screen_text(app)
        assert "…" in text
        assert text.count("Ü") < 10_000
        assert_clean_render(app)


async def test_the_edit_form_of_a_hostile_contact_renders_cleanly() -> None:
    session, names = hostile_session()
    async with running(session) as (app, pilot, session, _):
        screen = main_screen(app)
        for index in (1, 2, 3):
            screen.contact_list.move_to_key(names[index])
            await settle(pilot)
            await pilot.press("e")
            form: EditScreen = await screen_of(pilot, EditScreen)
            await form.rows_mounted.wait()
            await pilot.pause()
            assert_clean_render(app)
            text = screen_text(app)
            if index == 1:
                assert "[link=https://evil.example]Click me[/link]" in text
                assert "[@click=app.quit]Quit now[/]" in text
            elif index == 2:
                assert "RedAlert" in text
            else:
                assert "Bidi evil override" in text
                email = form.query_one("#section-emailAddresses .column-value", Input)
                assert email.value == "bidix@example.com"
                email.focus()
                email.scroll_visible(animate=False)
                await pilot.pause()
                assert_clean_render(app)
                assert "bidix@example.com" in screen_text(app)
                # Pasted or typed text goes in as cleanly as the server's is shown.
                email.value = ""
                email.post_message(events.Paste("paste\u202egnp.exe\u2066\x1b[31m@example.com"))
                await pilot.press("\u2067", *"x")
                await pilot.pause()
                assert email.value == "pastegnp.exe@example.comx"
                assert email.cursor_position == len(email.value)
                assert_clean_render(app)
                notes = form.query_one("#section-biographies TextArea", TextArea)
                notes.focus()
                notes.scroll_visible(animate=False)
                notes.post_message(events.Paste("one\u202e line\nand \x1b]0;pwned\x07two"))
                await pilot.pause()
                assert notes.text.startswith("one line\nand two")
                assert_clean_render(app)
                await pilot.press("escape")  # changed: it asks first
                await screen_of(pilot, ConfirmScreen)
                assert_clean_render(app)
                await pilot.press("y")
            if index != 3:
                await pilot.press("escape")  # nothing changed: it closes at once
            await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.is_running
