"""PhotoScreen: a good PNG chosen by typed path or in the browser is previewed and returned as
bytes; bad files get their specific message and are never returned; escape cancels."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PIL import Image
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from peopletui.paths import styles_dir
from peopletui.ui.screens.photo import PhotoScreen, PhotoTree
from peopletui.ui.screens.photo_file import MAX_BYTES
from peopletui.ui.widgets import PhotoView

SIZE = (100, 30)


class Host(App[None]):
    CSS_PATH: ClassVar[list[Any]] = [styles_dir() / "app.tcss", styles_dir() / "widgets.tcss"]

    def __init__(self, screen: PhotoScreen) -> None:
        super().__init__()
        self.pushed = screen
        self.results: list[bytes | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.pushed, self.results.append)


def png(path: Path) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 160, 90)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


async def checked(app: Host) -> None:
    """Wait for the file check (a worker) to finish and its result to be shown."""
    await Pilot(app).pause()  # the choice's message is handled: its check has started
    checks = [worker for worker in app.workers if worker.group == "photo-check"]
    if checks:  # (an empty list would mean every worker, the browser's endless loader too)
        await app.workers.wait_for_complete(checks)
    await Pilot(app).pause()


def message(app: Host) -> str:
    return str(app.screen.query_one("#photo-message", Static).render())


async def type_path(app: Host, text: str) -> None:
    path = app.screen.query_one("#photo-path", Input)
    path.focus()
    path.value = text
    await path.action_submit()
    await checked(app)


async def test_a_typed_png_path_is_previewed_then_returned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    data = png(tmp_path / "me.png")
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await type_path(app, "~/me.png")
        screen = app.screen
        assert isinstance(screen, PhotoScreen)
        assert screen.query_one(PhotoView).image == data
        assert message(app).startswith("me.png — PNG, 32×24 pixels")
        assert not screen.query_one("#photo-use", Button).disabled
        assert app.results == []  # previewed, not yet confirmed
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [data]


async def test_enter_twice_on_the_typed_path_confirms(tmp_path: Path) -> None:
    data = png(tmp_path / "me.png")
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await type_path(app, str(tmp_path / "me.png"))
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [data]


async def test_choosing_in_the_browser(tmp_path: Path) -> None:
    data = png(tmp_path / "me.png")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / ".secret.png").write_bytes(data)
    (tmp_path / "Holidays").mkdir()
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        tree = app.screen.query_one(PhotoTree)
        await tree.reload()
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["Holidays", "me.png"]  # folders and images; nothing hidden

        tree.focus()
        tree.move_cursor(tree.root.children[1])
        await pilot.press("enter")
        await checked(app)
        assert app.screen.query_one("#photo-path", Input).value == str(tmp_path / "me.png")
        assert app.screen.query_one(PhotoView).image == data
        assert await pilot.click("#photo-use")
        await pilot.pause()
    assert app.results == [data]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("photo.gif", "gif", "photo.gif is a GIF image; Google accepts JPEG or PNG only"),
        (
            "notes.png",
            "text",
            "notes.png is a text file, not an image; choose a JPEG or PNG photo",
        ),
        ("huge.jpg", "huge", "huge.jpg is 21.0 MB; photos can be at most 20 MB"),
        ("gone.png", None, "There is no file at {path}"),
    ],
)
async def test_bad_files_get_a_specific_message_and_are_never_returned(
    tmp_path: Path, name: str, content: str | None, expected: str
) -> None:
    path = tmp_path / name
    if content == "gif":
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "GIF")
        path.write_bytes(buffer.getvalue())
    elif content == "text":
        path.write_text("not a picture\n", encoding="utf-8")
    elif content == "huge":
        with path.open("wb") as handle:
            handle.truncate(MAX_BYTES + 1024 * 1024)
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await type_path(app, str(path))
        status = app.screen.query_one("#photo-message", Static)
        assert message(app) == expected.format(path=path)
        assert status.has_class("-error")
        assert app.screen.query_one("#photo-use", Button).disabled
        assert app.screen.query_one(PhotoView).image is None

        await pilot.press("ctrl+s")  # checks again, refuses again
        await checked(app)
        assert app.results == []
        assert message(app) == expected.format(path=path)


async def test_a_later_choice_wins_over_an_earlier_one(tmp_path: Path) -> None:
    good = png(tmp_path / "good.png")
    (tmp_path / "bad.png").write_text("text")
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        path = app.screen.query_one("#photo-path", Input)
        path.value = str(tmp_path / "bad.png")
        await path.action_submit()
        path.value = str(tmp_path / "good.png")
        await path.action_submit()
        await checked(app)
        assert app.screen.query_one(PhotoView).image == good
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [good]


async def test_editing_the_path_withdraws_the_preview(tmp_path: Path) -> None:
    png(tmp_path / "me.png")
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await type_path(app, str(tmp_path / "me.png"))
        await pilot.press("backspace")
        assert app.screen.query_one("#photo-use", Button).disabled
        assert app.screen.query_one(PhotoView).image is None
        assert message(app) == "Press enter to check this file."


async def test_escape_cancels(tmp_path: Path) -> None:
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_hostile_file_names_are_shown_as_written(tmp_path: Path) -> None:
    png(tmp_path / "[@click=app.quit]x[-].png")
    app = Host(PhotoScreen(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        tree = app.screen.query_one(PhotoTree)
        await tree.reload()
        (node,) = tree.root.children
        assert node.label.plain == "[@click=app.quit]x[-].png"
        await pilot.click(PhotoTree, offset=(6, 1))
        await checked(app)
        assert app.is_running and isinstance(app.screen, PhotoScreen)
        assert message(app).startswith("[@click=app.quit]x[-].png — PNG")


def test_bindings_have_ids_and_tooltips() -> None:
    for binding in PhotoScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.id and binding.id.startswith("photo.") and binding.tooltip
