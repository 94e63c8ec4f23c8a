"""ConflictScreen: yours and theirs shown readably and literally; picks by key, button and click;
apply only once every field has a choice; escape cancels."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App
from textual.screen import Screen
from textual.widgets import Button

from peopletui.paths import styles_dir
from peopletui.ui.screens.conflict import (
    ConflictChoice,
    ConflictScreen,
    ConflictSide,
    FieldConflict,
)

SIZE = (110, 40)


class Host(App[None]):
    CSS_PATH: ClassVar[list[Any]] = [styles_dir() / "app.tcss", styles_dir() / "widgets.tcss"]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.pushed = screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.pushed, self.results.append)


def screen_text(app: App[Any]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def conflicts() -> list[FieldConflict]:
    return [
        FieldConflict(
            "emailAddresses",
            base=[{"value": "ada@example.com", "type": "work"}],
            mine=[{"value": "ada@mine.example", "type": "work"}],
            theirs=[{"value": "ada@theirs.example", "type": "home"}],
        ),
        FieldConflict(
            "names",
            base=[{"givenName": "Ada", "familyName": "Lovelace"}],
            mine=[{"givenName": "Augusta Ada", "familyName": "Lovelace"}],
            theirs=[{"givenName": "Ada", "familyName": "King"}],
        ),
        FieldConflict(
            "birthdays",
            base=[],
            mine=[{"date": {"year": 1815, "month": 12, "day": 10}}],
            theirs=[],
        ),
    ]


async def test_values_are_shown_readably_side_by_side() -> None:
    app = Host(ConflictScreen(conflicts()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for shown in (
            "Email addresses",
            "ada@mine.example (work)",
            "ada@theirs.example (home)",
            "Before: ada@example.com (work)",
            "Augusta Ada Lovelace",
            "Ada King",
            "1815-12-10",
            "(nothing)",
            "0 of 3 chosen",
        ):
            assert shown in text, shown
        assert '"value"' not in text  # not raw JSON


async def test_keys_pick_each_field_and_apply_returns_the_choices() -> None:
    app = Host(ConflictScreen(conflicts()))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ConflictScreen)
        await pilot.press("1")  # emails: mine; focus moves on to names
        await pilot.press("right")  # names: theirs
        await pilot.press("ctrl+s")  # the birthday is still open: refused
        await pilot.pause()
        assert app.results == []
        assert str(list(app._notifications)[-1].message).endswith("for: Birthday")
        await pilot.press("2")  # birthday: theirs
        assert isinstance(screen.focused, Button) and screen.focused.id == "conflict-apply"
        choices = [c.choice for c in screen.query(ConflictChoice)]
        assert choices == ["mine", "theirs", "theirs"]
        assert "3 of 3 chosen" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [{"emailAddresses": "mine", "names": "theirs", "birthdays": "theirs"}]


async def test_up_and_down_move_between_fields_and_a_pick_can_be_changed() -> None:
    app = Host(ConflictScreen(conflicts()[:2]))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("down", "2")  # names: theirs, then focus wraps back to the open emails
        await pilot.press("left")  # emails: mine
        assert isinstance(screen.focused, Button) and screen.focused.id == "conflict-apply"
        await pilot.press("up", "up", "right")  # back to emails: change to theirs
        assert [c.choice for c in screen.query(ConflictChoice)] == ["theirs", "theirs"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [{"emailAddresses": "theirs", "names": "theirs"}]


async def test_buttons_and_clicks_pick_too() -> None:
    app = Host(ConflictScreen(conflicts()[:2]))
    async with app.run_test(size=SIZE) as pilot:
        first, second = app.screen.query(ConflictChoice)
        assert await pilot.click(first.button("theirs"))
        await pilot.pause()
        assert first.choice == "theirs"
        mine_side = next(s for s in second.query(ConflictSide) if s.side == "mine")
        await pilot.click(mine_side, offset=(2, 1))  # on the value, not the button
        await pilot.pause()
        assert second.choice == "mine"
        assert await pilot.click("#conflict-apply")
        await pilot.pause()
    assert app.results == [{"emailAddresses": "theirs", "names": "mine"}]


async def test_escape_cancels() -> None:
    app = Host(ConflictScreen(conflicts()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_hostile_values_are_shown_as_written_and_never_act() -> None:
    hostile = [
        FieldConflict(
            "nicknames",
            base=[{"value": "[bold]x[/]"}],
            mine=[{"value": "[@click=app.quit]quit[/]"}],
            theirs=[{"value": "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1b[31mred"}],
        ),
        FieldConflict("[@click=app.quit]field[/]", base=None, mine={"a": "[b]"}, theirs=[]),
    ]
    app = Host(ConflictScreen(hostile))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Before: [bold]x[/]" in text
        assert "[@click=app.quit]quit[/]" in text
        assert "link red" in text and "\x1b" not in text and "evil" not in text
        assert "[@click=app.quit]field[/]" in text  # an unknown field, named literally
        assert '{"a": "[b]"}' in text
        mine_side = next(iter(app.screen.query(ConflictSide)))
        await pilot.click(mine_side, offset=(3, 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConflictScreen)
        assert next(iter(app.screen.query(ConflictChoice))).choice == "mine"  # the click landed


def test_bindings_have_ids_and_tooltips() -> None:
    for binding in ConflictScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.id and binding.id.startswith("conflict.") and binding.tooltip
