"""Waiting changes: a conflict left for later is listed by w; enter resolves it through the
conflict screen, x discards it after asking; with nothing waiting, w says so."""

from __future__ import annotations

from typing import Any

from app_harness import (
    first_with,
    main_screen,
    notices,
    running,
    screen_of,
    screen_text,
    server_person,
    settle,
    until,
)

from peopletui.services.session import Session
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RowEditor
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.conflict import ConflictScreen
from peopletui.ui.screens.drafts import DraftsScreen
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen


async def leave_a_conflict(app: Any, pilot: Any, session: Session) -> str:
    """Edit an email while someone else changes it, and leave the conflict for later."""
    key = first_with(session, "emailAddresses")
    main_screen(app).contact_list.move_to_key(key)
    await pilot.press("e")
    form: EditScreen = await screen_of(pilot, EditScreen)
    await form.rows_mounted.wait()
    section = form.query_one("#section-emailAddresses", FieldSection)
    editor = next(iter(section.query_children(RowEditor))).editor_for("value")
    assert isinstance(editor, ColumnInput)
    editor.value = "mine.later@example.org"
    emulator = session.emulator
    assert emulator is not None
    emulator.state.edit_contact(
        emulator.account, key, {"emailAddresses": [{"value": "theirs.now@example.org"}]}
    )
    await pilot.press("ctrl+s")
    await screen_of(pilot, ConflictScreen)
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, MainScreen))
    await settle(pilot)
    return key


async def test_a_waiting_conflict_is_resolved_from_the_list() -> None:
    async with running() as (app, pilot, session, _):
        key = await leave_a_conflict(app, pilot, session)
        await pilot.press("w")
        await screen_of(pilot, DraftsScreen)
        assert "1 change waiting for you" in screen_text(app)
        assert "conflict" in screen_text(app)
        await pilot.press("enter")
        await screen_of(pilot, ConflictScreen)
        await pilot.press("1", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        after = await server_person(session, key)
        assert after is not None
        assert [e["value"] for e in after["emailAddresses"]] == ["mine.later@example.org"]
        assert await session.book.waiting_drafts() == []
        assert main_screen(app).waiting == 0


async def test_a_waiting_change_can_be_discarded_after_a_question() -> None:
    async with running() as (app, pilot, session, _):
        key = await leave_a_conflict(app, pilot, session)
        await pilot.press("w")
        await screen_of(pilot, DraftsScreen)
        await pilot.press("x")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert await session.book.waiting_drafts() == []
        after = await server_person(session, key)
        assert after is not None
        assert [e["value"] for e in after["emailAddresses"]] == ["theirs.now@example.org"]
        assert "The change was discarded." in notices(app)


async def test_w_with_nothing_waiting_says_so() -> None:
    async with running() as (app, pilot, _session, _):
        await pilot.press("w")
        await settle(pilot)
        assert "No changes are waiting: everything was sent." in notices(app)
