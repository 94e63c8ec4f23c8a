"""ConfirmScreen: y confirms, n and escape cancel, enter presses the focused button (Cancel first
for dangerous actions), and a contact's name in the question is shown as written."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.content import Content
from textual.widgets import Button, Static

from peopletui.paths import styles_dir
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.text import literal


class Host(App[None]):
    CSS_PATH: ClassVar[list[Any]] = [styles_dir() / "app.tcss", styles_dir() / "widgets.tcss"]

    def __init__(self, screen: ConfirmScreen) -> None:
        super().__init__()
        self.pushed = screen
        self.results: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.pushed, self.results.append)


def question(app: Host) -> str:
    return str(app.screen.query_one("#confirm-question", Static).render())


@pytest.mark.parametrize(("keys", "answer"), [("y", True), ("n", False), ("escape", False)])
async def test_keys_answer(keys: str, answer: bool) -> None:
    app = Host(ConfirmScreen("Delete 37 contacts?"))
    async with app.run_test() as pilot:
        assert question(app) == "Delete 37 contacts?"
        await pilot.press(keys)
        await pilot.pause()
    assert app.results == [answer]


async def test_a_dangerous_question_starts_on_cancel_so_enter_is_safe() -> None:
    app = Host(ConfirmScreen("Delete Ada Lovelace?", confirm_label="Delete"))
    async with app.run_test() as pilot:
        focused = app.screen.focused
        assert isinstance(focused, Button) and focused.id == "confirm-no"
        assert app.screen.query_one("#confirm-yes", Button).variant == "error"
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [False]


async def test_a_safe_question_starts_on_confirm_so_enter_confirms() -> None:
    app = Host(ConfirmScreen("Keep the draft?", confirm_label="Keep", danger=False))
    async with app.run_test() as pilot:
        focused = app.screen.focused
        assert isinstance(focused, Button) and focused.id == "confirm-yes"
        assert str(focused.label) == "Keep"
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [True]


async def test_tab_then_enter_confirms_a_dangerous_action() -> None:
    app = Host(ConfirmScreen("Remove the photo?", confirm_label="Remove"))
    async with app.run_test() as pilot:
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
    assert app.results == [True]


@pytest.mark.parametrize(("button", "answer"), [("#confirm-yes", True), ("#confirm-no", False)])
async def test_the_mouse_answers(button: str, answer: bool) -> None:
    app = Host(ConfirmScreen("Discard your unsaved changes?", confirm_label="Discard"))
    async with app.run_test() as pilot:
        assert await pilot.click(button)
        await pilot.pause()
    assert app.results == [answer]


async def test_a_hostile_name_is_shown_as_written_and_never_acts() -> None:
    name = "[@click=app.quit]Eve[/] \x1b[2J[bold]x[/]"
    app = Host(ConfirmScreen(f"Delete {name}?"))
    async with app.run_test() as pilot:
        assert question(app) == "Delete [@click=app.quit]Eve[/] [bold]x[/]?"
        assert await pilot.click("#confirm-question")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
    assert app.results == [False]


async def test_a_content_question_keeps_its_styles() -> None:
    styled = Content.assemble("Delete ", literal("Ada", style="bold"), "?")
    app = Host(ConfirmScreen(styled))
    async with app.run_test() as pilot:
        assert question(app) == "Delete Ada?"
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [True]


def test_bindings_have_ids_and_tooltips() -> None:
    for binding in ConfirmScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.id and binding.id.startswith("confirm.") and binding.tooltip
