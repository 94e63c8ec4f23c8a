"""Photos from the main screen: p picks an image file (PhotoScreen) and uploads it
(updateContactPhoto), the detail pane shows the new photo; P asks, then removes it
(deleteContactPhoto)."""

from __future__ import annotations

import io
from pathlib import Path

from app_harness import (
    main_screen,
    notices,
    running,
    screen_of,
    screen_text,
    server_person,
    settle,
    until,
)
from PIL import Image
from textual.widgets import Input

from peopletui.services.fields import custom_photo_url
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.screens.photo import PhotoScreen
from peopletui.ui.widgets.photo import PhotoState


def write_png(path: Path) -> bytes:
    image = Image.new("RGB", (64, 64), (200, 40, 40))
    for x in range(64):
        image.putpixel((x, x), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


async def test_p_uploads_a_photo_and_shift_p_removes_it(tmp_path: Path) -> None:
    picture = tmp_path / "portrait.png"
    write_png(picture)
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        screen.photo_folder = tmp_path
        key = next(
            n
            for n in session.book.names_in_order()
            if custom_photo_url(session.book.get(n) or {}) is None
        )
        screen.contact_list.move_to_key(key)
        await settle(pilot)
        assert not screen.detail.photo.display

        await pilot.press("p")
        chooser: PhotoScreen = await screen_of(pilot, PhotoScreen)
        chooser.query_one("#photo-path", Input).value = str(picture)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        on_server = await server_person(session, key)
        assert on_server is not None and custom_photo_url(on_server) is not None
        assert custom_photo_url(session.book.get(key) or {}) is not None
        view = screen.detail.photo
        assert view.display and view.image is not None
        await until(pilot, lambda: view.state is PhotoState.READY)
        assert any(n.startswith("New photo saved for") for n in notices(app))

        await pilot.press("P")
        await screen_of(pilot, ConfirmScreen)
        assert "Remove the photo of" in screen_text(app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        on_server = await server_person(session, key)
        assert on_server is not None and custom_photo_url(on_server) is None
        assert not screen.detail.photo.display


async def test_removing_a_photo_from_a_contact_without_one_says_so() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = next(
            n
            for n in session.book.names_in_order()
            if custom_photo_url(session.book.get(n) or {}) is None
        )
        screen.contact_list.move_to_key(key)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any("has no photo of their own" in n for n in notices(app))
