"""Render the README's screenshots from the demo data, by the app itself:

    python -m peopletui.ui.screenshots [FOLDER]      # default: ./screenshots

Each scene starts the app on a fresh demo book (fixed seed, fixed size), drives it with a Pilot
to the screen it shows, and saves an SVG. Nothing depends on the clock or the machine: the
photo scene works in a temporary folder entered by a relative path, so no path of this machine
appears in the picture. The snapshot tests (`tests/ui/test_snapshots.py`) use the same scenes.
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from peopletui.app import PeopleApp
from peopletui.config import Settings
from peopletui.services.refresh import shown_photo_url
from peopletui.services.session import Session
from peopletui.ui.connection import ReadyConnector
from peopletui.ui.screens.directory import DirectoryScreen
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.screens.photo import PhotoScreen
from peopletui.ui.widgets.photo import PhotoState, PhotoView

SIZE: Final = (120, 36)
SEED: Final = 0
CONTACTS: Final = 200
PHOTO_FOLDER: Final = Path("Pictures")
"""Relative to the working folder the photo scene sets up (so the tree says "Pictures")."""
_DEADLINE: Final = 30.0

Scene = Callable[[Pilot[None]], Awaitable[None]]


def demo_app(*, contacts: int = CONTACTS, seed: int = SEED) -> PeopleApp:
    """The app on a fresh demo book, with default settings (not the user's)."""
    session = Session.demo(contacts=contacts, seed=seed)
    return PeopleApp(ReadyConnector(session, label="the demo book"), settings=Settings())


async def until(pilot: Pilot[None], condition: Callable[[], object]) -> None:
    deadline = time.monotonic() + _DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the scene")
        await pilot.pause(0.01)


async def settle(pilot: Pilot[None]) -> None:
    """Until every worker is done (never while a dialog a worker waits for is open)."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def still(pilot: Pilot[None]) -> None:
    """No blinking cursors in a picture."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


async def opened(pilot: Pilot[None]) -> MainScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def show_contact_with_photo(pilot: Pilot[None]) -> MainScreen:
    """The main screen on the first contact with a photo and an address."""
    screen = await opened(pilot)
    book = screen.book
    key = next(
        name
        for name in book.names_in_order()
        if shown_photo_url(book.get(name) or {}) and (book.get(name) or {}).get("addresses")
    )
    screen.contact_list.move_to_key(key)
    await settle(pilot)
    photo = screen.detail.photo
    await until(pilot, lambda: photo.state is PhotoState.READY)
    await pilot.pause()
    return screen


async def main_scene(pilot: Pilot[None]) -> None:
    await show_contact_with_photo(pilot)


async def edit_scene(pilot: Pilot[None]) -> None:
    await show_contact_with_photo(pilot)
    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, EditScreen))
    form = pilot.app.screen
    assert isinstance(form, EditScreen)
    await form.rows_mounted.wait()
    still(pilot)
    await pilot.pause()


async def directory_scene(pilot: Pilot[None]) -> None:
    await opened(pilot)
    await pilot.press("d")
    await until(pilot, lambda: isinstance(pilot.app.screen, DirectoryScreen))
    await settle(pilot)
    still(pilot)
    await pilot.pause()


async def photo_scene(pilot: Pilot[None]) -> None:
    """The photo chooser with a picture previewed (run inside `photo_folder()`)."""
    screen = await opened(pilot)
    screen.photo_folder = PHOTO_FOLDER
    await pilot.press("p")
    await until(pilot, lambda: isinstance(pilot.app.screen, PhotoScreen))
    chooser = pilot.app.screen
    assert isinstance(chooser, PhotoScreen)
    path_box = chooser.query_one("#photo-path", Input)
    path_box.value = str(PHOTO_FOLDER / "portrait.png")
    path_box.focus()
    await pilot.press("enter")
    preview = chooser.query_one("#photo-preview", PhotoView)
    await until(pilot, lambda: preview.state is PhotoState.READY)
    # Not `settle`: the worker that opened this chooser waits for it to close.
    await pilot.pause()
    still(pilot)
    await pilot.pause()


SCENES: Final[dict[str, Scene]] = {
    "main": main_scene,
    "edit": edit_scene,
    "directory": directory_scene,
    "photo": photo_scene,
}


def portrait_png() -> bytes:
    """A small made-up portrait: a face-coloured disc on a gradient (deterministic)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (96, 96))
    draw = ImageDraw.Draw(image)
    for y in range(96):
        draw.line([(0, y), (95, y)], fill=(40 + y, 90 + y // 2, 160))
    draw.ellipse((24, 14, 72, 62), fill=(232, 190, 160))
    draw.ellipse((14, 60, 82, 120), fill=(60, 60, 90))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@contextmanager
def photo_folder() -> Iterator[Path]:
    """A temporary working folder holding `Pictures/portrait.png`."""
    previous = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="peopletui-shots-") as folder:
        pictures = Path(folder) / PHOTO_FOLDER
        pictures.mkdir()
        (pictures / "portrait.png").write_bytes(portrait_png())
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(previous)


async def render(name: str, folder: Path) -> Path:
    app = demo_app()
    scene = SCENES[name]
    async with app.run_test(size=SIZE) as pilot:
        await scene(pilot)
        await pilot.wait_for_scheduled_animations()
        path = app.save_screenshot(filename=f"{name}.svg", path=str(folder))
    return Path(path)


async def render_all(folder: Path) -> list[Path]:
    """Render every scene into `folder` (an absolute path: the photo scene changes the working
    folder)."""
    saved = []
    for name in SCENES:
        if name == "photo":
            with photo_folder():
                saved.append(await render(name, folder))
        else:
            saved.append(await render(name, folder))
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = (Path(args[0]) if args else Path("screenshots")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(render_all(folder)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
