"""Deleting and changing many: x asks, naming the contact, then deletes; marked contacts are
deleted in one batch after a question with their count; batch edit sets one field on every
marked contact; c copies them; u undoes the last change and says what it undid."""

from __future__ import annotations

from app_harness import (
    main_screen,
    notices,
    running,
    screen_of,
    screen_text,
    server_names,
    server_person,
    settle,
    until,
)
from textual.widgets import Input, Select

from peopletui.cache.display import display_name
from peopletui.ui.screens.batch_edit import BatchEditScreen
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.main import MainScreen


async def test_x_asks_with_the_name_then_deletes_and_u_brings_it_back() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = screen.contact_list.highlighted_key
        assert key is not None
        name = display_name(session.book.get(key) or {})

        await pilot.press("x")
        await screen_of(pilot, ConfirmScreen)
        assert f"Delete “{name}”?" in screen_text(app)
        await pilot.press("n")  # no: nothing happens
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert key in await server_names(session)

        await pilot.press("x")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert key not in await server_names(session)
        assert key not in [row.key for row in screen.contact_list.rows]
        assert any(n.startswith(f"Deleted “{name}”") for n in notices(app))

        await pilot.press("u")
        await settle(pilot)
        restored = [
            n
            for n in session.book.names_in_order()
            if display_name(session.book.get(n) or {}) == name
        ]
        assert restored and restored[0] in await server_names(session)
        assert f"Undid the deletion of “{name}”." in notices(app)


async def test_marked_contacts_are_deleted_in_one_batch_after_a_counted_question() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        names = session.book.names_in_order()
        await pilot.press("space", "space", "space")  # marks three, moving down
        assert screen.contact_list.selected_keys == set(names[:3])
        assert "3 marked" in screen_text(app)

        await pilot.press("delete")
        await screen_of(pilot, ConfirmScreen)
        assert "Delete 3 marked contacts?" in screen_text(app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        remaining = await server_names(session)
        assert not remaining & set(names[:3])
        assert len(remaining) == len(names) - 3
        assert screen.contact_list.selected_keys == frozenset()
        assert any(n.startswith("Deleted 3 contacts") for n in notices(app))

        await pilot.press("u")
        await settle(pilot)
        assert len(await server_names(session)) == len(names)
        assert any(n.startswith("Undid the deletion of 3 contacts") for n in notices(app))


async def test_batch_edit_sets_the_company_on_every_marked_contact() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        names = session.book.names_in_order()[5:9]
        screen.contact_list.set_selection(names)
        await pilot.pause()

        await pilot.press("b")
        dialog: BatchEditScreen = await screen_of(pilot, BatchEditScreen)
        assert "Change 4 marked contacts" in screen_text(app)
        dialog.query_one(Select).value = "company"
        value = dialog.query_one("#batch-value", Input)
        value.focus()
        value.value = "Acme Rockets"
        await pilot.press("enter")
        await screen_of(pilot, ConfirmScreen)
        assert "Set the company to “Acme Rockets” on 4 contacts?" in screen_text(app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        for name in names:
            person = await server_person(session, name)
            assert person is not None
            assert person["organizations"][0]["name"] == "Acme Rockets"
        assert any(n.startswith("Changed 4 contacts") for n in notices(app))

        await pilot.press("u")
        await settle(pilot)
        for name in names:
            person = await server_person(session, name)
            assert person is not None
            orgs = person.get("organizations") or [{}]
            assert orgs[0].get("name") != "Acme Rockets"
        assert any(n.startswith("Undid the edit of 4 contacts") for n in notices(app))


HOW_TO_MARK = "Mark contacts first: space marks one, ctrl+a marks every one shown."


async def test_pressing_b_without_marks_says_how_to_mark() -> None:
    async with running() as (app, pilot, _session, _):
        await pilot.press("b")
        await settle(pilot)
        assert HOW_TO_MARK in notices(app)


async def test_c_copies_the_marked_contacts_in_one_batch() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        names = session.book.names_in_order()[:2]
        before = await server_names(session)
        screen.contact_list.set_selection(names)
        await pilot.pause()
        await pilot.press("c")
        await screen_of(pilot, ConfirmScreen)
        assert "Create a copy of 2 contacts?" in screen_text(app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        copies = (await server_names(session)) - before
        assert len(copies) == 2
        originals = {display_name(session.book.get(n) or {}) for n in names}
        assert {display_name(session.book.get(c) or {}) for c in copies} == originals
        assert any(n.startswith("Copied 2 contacts") for n in notices(app))


async def test_u_with_nothing_to_undo_says_so() -> None:
    async with running() as (app, pilot, _session, _):
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo." in notices(app)
