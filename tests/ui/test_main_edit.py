"""Editing from the main screen: e (or enter) reloads the contact from the server and opens the
form; ctrl+s saves only the changed fields and the list and details show the server's version;
n creates; a change made elsewhere to the same field goes through the conflict screen; a save
the server cannot take now is kept as a draft."""

from __future__ import annotations

from typing import Any

from app_harness import (
    CONTACTS,
    SEED,
    first_with,
    main_screen,
    notices,
    recorded_session,
    running,
    screen_of,
    screen_text,
    server_names,
    server_person,
    settle,
    until,
)
from textual.widgets import Button

from peopletui.api import NO_RETRIES
from peopletui.services.events import BookChanged, WriteSaved
from peopletui.services.session import Session
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RowEditor
from peopletui.ui.screens.conflict import ConflictScreen
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen


def column(form: EditScreen, field: str, key: str, row: int = 0) -> ColumnInput:
    section = form.query_one(f"#section-{field}", FieldSection)
    editor = list(section.query_children(RowEditor))[row].editor_for(key)
    assert isinstance(editor, ColumnInput)
    return editor


def rows(form: EditScreen, field: str) -> list[RowEditor]:
    section = form.query_one(f"#section-{field}", FieldSection)
    return list(section.query_children(RowEditor))


def fill(row: RowEditor, **values: str) -> None:
    for key, value in values.items():
        editor = row.editor_for(key)
        assert isinstance(editor, ColumnInput), key
        editor.value = value


async def add_row_with_the_button(pilot: Any, form: EditScreen, field: str) -> RowEditor:
    """Focus the field's "+ Add" button and press it (enter); the new row is the last one."""
    before = len(rows(form, field))
    form.query_one(f"#section-{field} .add-row", Button).focus()
    await pilot.press("enter")
    await until(pilot, lambda: len(rows(form, field)) == before + 1)
    return rows(form, field)[-1]


def entries(person: dict[str, Any], field: str) -> list[dict[str, Any]]:
    """A field's entries without their metadata, as the server holds them."""
    return [
        {key: value for key, value in entry.items() if key != "metadata"}
        for entry in person.get(field, [])
    ]


async def open_form(pilot: Any, key_to_press: str = "e") -> EditScreen:
    await pilot.press(key_to_press)
    form: EditScreen = await screen_of(pilot, EditScreen)
    await form.rows_mounted.wait()
    return form


async def test_edit_and_save_changes_the_server_and_the_screen() -> None:
    async with running() as (app, pilot, session, recorder):
        screen = main_screen(app)
        key = first_with(session, "emailAddresses")
        screen.contact_list.move_to_key(key)
        before = await server_person(session, key)
        assert before is not None

        form = await open_form(pilot)
        column(form, "emailAddresses", "value").value = "changed.address@example.net"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        after = await server_person(session, key)
        assert after is not None and after["etag"] != before["etag"]
        assert after["emailAddresses"][0]["value"] == "changed.address@example.net"
        assert after.get("names") == before.get("names")  # only the changed field was sent
        assert (session.book.get(key) or {})["etag"] == after["etag"]
        assert screen.detail.person is session.book.get(key)
        assert "changed.address@example.net" in screen_text(app)
        assert any(isinstance(e, WriteSaved) and e.resource_name == key for e in recorder.events)
        assert any(isinstance(e, BookChanged) and key in e.changed for e in recorder.events)
        assert any(n.startswith("Saved “") for n in notices(app))


async def test_saving_structured_and_multi_row_fields_reaches_the_server() -> None:
    session = recorded_session()
    async with running(session) as (app, pilot, _session, _):
        screen = main_screen(app)
        key = first_with(session, "phoneNumbers")
        screen.contact_list.move_to_key(key)
        before = await server_person(session, key)
        assert before is not None
        old_phones = [phone["value"] for phone in before["phoneNumbers"]]

        form = await open_form(pilot)
        # A second phone: ctrl+n in the phone section adds a row and moves there; type into it.
        column(form, "phoneNumbers", "value").focus()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: len(rows(form, "phoneNumbers")) == len(old_phones) + 1)
        new_phone = rows(form, "phoneNumbers")[-1]
        new_value = new_phone.editor_for("value")
        assert new_value is not None and form.focused is new_value.as_widget()
        await pilot.press(*"+31205550199")
        fill(new_phone, type="work")
        # An address in parts, not as one formatted line.
        address = await add_row_with_the_button(pilot, form, "addresses")
        fill(
            address,
            streetAddress="Prinsengracht 263",
            extendedAddress="2nd floor",
            city="Amsterdam",
            region="Noord-Holland",
            postalCode="1016 GV",
            country="Netherlands",
            countryCode="NL",
            type="work",
        )
        # A birthday without a year (MM-DD).
        fill(rows(form, "birthdays")[0], date="12-10", text="")
        fill(await add_row_with_the_button(pilot, form, "userDefined"), key="Shoe size", value="44")
        fill(await add_row_with_the_button(pilot, form, "clientData"), key="crm-id", value="A-17")

        session.sent.clear()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert not any(n.startswith("The server refused") for n in notices(app))

        (update,) = session.sent.api(":updateContact")
        assert update.params["updatePersonFields"].split(",") == sorted(
            ["addresses", "birthdays", "clientData", "phoneNumbers", "userDefined"]
        )
        after = await server_person(session, key)
        assert after is not None and after["etag"] != before["etag"]
        assert [phone["value"] for phone in after["phoneNumbers"]] == [*old_phones, "+31205550199"]
        assert after["phoneNumbers"][-1]["type"] == "work"
        saved_address = entries(after, "addresses")[-1]
        assert (
            saved_address.items()
            >= {
                "streetAddress": "Prinsengracht 263",
                "extendedAddress": "2nd floor",
                "city": "Amsterdam",
                "region": "Noord-Holland",
                "postalCode": "1016 GV",
                "country": "Netherlands",
                "countryCode": "NL",
                "type": "work",
            }.items()
        )
        assert len(entries(after, "addresses")) == len(before.get("addresses", [])) + 1
        (birthday,) = after["birthdays"]
        assert birthday["date"] == {"month": 12, "day": 10}  # no year
        assert {"key": "Shoe size", "value": "44"} in entries(after, "userDefined")
        assert {"key": "crm-id", "value": "A-17"} in entries(after, "clientData")
        assert after.get("names") == before.get("names")
        assert (session.book.get(key) or {})["etag"] == after["etag"]


async def test_opening_a_contact_reloads_it_from_the_server_first() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = screen.contact_list.highlighted_key
        assert key is not None and session.emulator is not None
        session.emulator.state.edit_contact(
            session.emulator.account, key, {"nicknames": [{"value": "Changed elsewhere"}]}
        )
        form = await open_form(pilot, "enter")
        assert column(form, "nicknames", "value").value == "Changed elsewhere"
        await pilot.press("escape")
        await settle(pilot)
        assert [n["value"] for n in (session.book.get(key) or {})["nicknames"]] == [
            "Changed elsewhere"
        ]


async def test_n_creates_a_contact_and_puts_the_cursor_on_it() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        before = await server_names(session)
        form = await open_form(pilot, "n")
        assert form.creating
        column(form, "names", "givenName").value = "Zebedee"
        column(form, "names", "familyName").value = "Newcontact"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        (created,) = (await server_names(session)) - before
        person = await server_person(session, created)
        assert person is not None
        assert person["names"][0]["displayName"] == "Zebedee Newcontact"
        assert created in session.book.names_in_order()
        assert screen.contact_list.highlighted_key == created


async def test_u_undoes_an_edit_on_the_server_and_names_the_contact() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = first_with(session, "emailAddresses")
        screen.contact_list.move_to_key(key)
        before = await server_person(session, key)
        assert before is not None
        name = before["names"][0]["displayName"]
        form = await open_form(pilot)
        column(form, "emailAddresses", "value").value = "undo.me@example.net"
        column(form, "names", "familyName").value = "Renamed"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        edited = await server_person(session, key)
        assert edited is not None and edited["emailAddresses"][0]["value"] == "undo.me@example.net"

        await pilot.press("u")
        await settle(pilot)
        after = await server_person(session, key)
        assert after is not None and after["etag"] != edited["etag"]
        assert entries(after, "emailAddresses") == entries(before, "emailAddresses")
        assert after["names"][0]["displayName"] == name
        assert (session.book.get(key) or {})["etag"] == after["etag"]
        assert f"Undid the edit of “{name}”." in notices(app)
        assert name in screen_text(app)


async def test_u_undoes_a_creation_on_the_server_and_names_the_contact() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        before = await server_names(session)
        form = await open_form(pilot, "n")
        column(form, "names", "givenName").value = "Ephemeral"
        column(form, "names", "familyName").value = "Newcomer"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        (created,) = (await server_names(session)) - before
        assert screen.contact_list.highlighted_key == created

        await pilot.press("u")
        await settle(pilot)
        assert await server_person(session, created) is None
        assert await server_names(session) == before
        assert created not in [row.key for row in screen.contact_list.rows]
        assert "Undid the creation of “Ephemeral Newcomer”." in notices(app)
        await pilot.press("u")  # the journal is empty again
        await settle(pilot)
        assert notices(app)[-1] == "Nothing to undo."


async def test_a_conflicting_change_goes_through_the_conflict_screen() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = first_with(session, "emailAddresses")
        screen.contact_list.move_to_key(key)
        form = await open_form(pilot)
        column(form, "emailAddresses", "value").value = "mine@example.org"
        emulator = session.emulator
        assert emulator is not None
        # Someone else changes the same field while the form is open.
        emulator.state.edit_contact(
            emulator.account, key, {"emailAddresses": [{"value": "theirs@example.org"}]}
        )
        await pilot.press("ctrl+s")
        conflict: ConflictScreen = await screen_of(pilot, ConflictScreen)
        assert "theirs@example.org" in screen_text(app)
        assert "mine@example.org" in screen_text(app)
        await pilot.press("1")  # keep mine
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert conflict.is_attached is False

        after = await server_person(session, key)
        assert after is not None
        assert [e["value"] for e in after["emailAddresses"]] == ["mine@example.org"]
        assert await session.book.waiting_drafts() == []


async def test_leaving_the_conflict_screen_keeps_the_change_waiting() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = first_with(session, "emailAddresses")
        screen.contact_list.move_to_key(key)
        form = await open_form(pilot)
        column(form, "emailAddresses", "value").value = "mine@example.org"
        emulator = session.emulator
        assert emulator is not None
        emulator.state.edit_contact(
            emulator.account, key, {"emailAddresses": [{"value": "theirs@example.org"}]}
        )
        await pilot.press("ctrl+s")
        await screen_of(pilot, ConflictScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        (waiting,) = await session.book.waiting_drafts()
        assert waiting.resource_name == key
        assert screen.waiting == 1
        assert "waiting for you" in screen_text(app)
        assert any("waiting change" in n for n in notices(app))


async def test_a_save_the_server_cannot_take_now_is_kept_as_a_draft() -> None:
    # No client-side retries: the write queue's own retry is what this test is about.
    session = Session.demo(contacts=CONTACTS, seed=SEED, retry=NO_RETRIES)
    async with running(session) as (app, pilot, session, _):
        screen = main_screen(app)
        key = first_with(session, "emailAddresses")
        screen.contact_list.move_to_key(key)
        form = await open_form(pilot)
        column(form, "emailAddresses", "value").value = "offline@example.org"
        emulator = session.emulator
        assert emulator is not None
        emulator.set_faults("rate=1,kinds=503")  # every request fails for now
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("Saved as a draft; will retry" in n for n in notices(app)))
        assert session.book.pending_writes == 1
        assert "1 change sending" in screen_text(app)

        emulator.set_faults(None)  # the server is back: the queue sends the draft
        await until(pilot, lambda: session.book.pending_writes == 0)
        after = await server_person(session, key)
        assert after is not None
        assert after["emailAddresses"][0]["value"] == "offline@example.org"
