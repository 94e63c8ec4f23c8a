"""Keys, help, palette, keymap and themes: ? lists every binding grouped with its id and tooltip;
ctrl+p finds and runs any action by name; the config file's keymap rebinds a key by its id;
every built-in theme renders, and the theme chosen is remembered for the next start."""

from __future__ import annotations

from app_harness import main_screen, notices, running, screen_of, screen_text, settle, until
from textual.command import CommandPalette
from textual.content import Content

from peopletui import config
from peopletui.config import Settings
from peopletui.services.events import SyncStarted
from peopletui.ui.commands import ActionCommands
from peopletui.ui.screens import main_keys
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.help import HelpScreen
from peopletui.ui.screens.main import MainScreen


def help_text(screen: HelpScreen) -> str:
    parts = []
    for static in screen.query(".help-group"):
        content = static.content
        assert isinstance(content, Content)
        parts.append(content.plain)
    return "\n".join(parts)


async def test_help_lists_every_binding_grouped_with_ids_and_tooltips() -> None:
    async with running() as (app, pilot, _session, _):
        await pilot.press("question_mark")
        help_screen: HelpScreen = await screen_of(pilot, HelpScreen)
        text = help_text(help_screen)
        for title, bindings in app.binding_groups():
            assert title in text
            for binding in bindings:
                assert binding.id and binding.id in text
                assert binding.tooltip and binding.tooltip in text
        assert "Filter the list as you type" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_the_palette_finds_and_runs_an_action_by_name() -> None:
    async with running() as (app, pilot, _session, recorder):
        await pilot.press("ctrl+p")
        await screen_of(pilot, CommandPalette)
        await pilot.press(*"full sync")
        await until(pilot, lambda: "Full sync" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert [event.full for event in recorder.of(SyncStarted)] == [True, True]


async def test_every_main_action_has_a_palette_entry() -> None:
    async with running() as (app, pilot, _session, _):
        await pilot.press("space")  # one marked, so the actions on marks are offered too
        titles = {entry.title for entry in ActionCommands(main_screen(app))._entries()}
        wanted = {binding.description for binding in main_keys.BINDINGS}
        wanted |= {extra.title for extra in main_keys.PALETTE_ONLY}
        wanted.discard("Clear filter")  # offered only while a filter is set
        assert wanted <= titles
        main_screen(app).apply_filter("a")
        titles = {entry.title for entry in ActionCommands(main_screen(app))._entries()}
        assert "Clear filter" in titles


async def test_the_keymap_in_the_config_rebinds_a_key_by_its_id() -> None:
    settings = Settings(keymap={"main.edit": "f2", "no.such.binding": "f9"})
    async with running(settings=settings) as (app, pilot, _session, _):
        assert any("no.such.binding" in n for n in notices(app))
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)  # e no longer edits
        await pilot.press("f2")
        form: EditScreen = await screen_of(pilot, EditScreen)
        await form.rows_mounted.wait()
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("question_mark")
        help_screen: HelpScreen = await screen_of(pilot, HelpScreen)
        line = next(line for line in help_text(help_screen).splitlines() if "main.edit" in line)
        assert line.split()[0] == "f2"


async def test_every_builtin_theme_renders_and_the_choice_is_remembered() -> None:
    async with running() as (app, pilot, _session, _):
        for name in sorted(app.available_themes):
            app.theme = name
            await pilot.pause()
            svg = app.export_screenshot()
            assert "Filter" in svg or "Filter".replace(" ", "&#160;") in svg
        app.theme = "nord"
        await pilot.pause()
    assert config.load_settings().theme == "nord"
    async with running(settings=config.load_settings()) as (app, _pilot, _session, _):
        assert app.theme == "nord"
