"""Snapshots of the key screens at 120×36 on the demo book (fixed seed): main (with a photo in
the details), the edit form, the directory, the photo chooser with a preview, and help.

The scenes are the ones `python -m peopletui.ui.screenshots` renders for the README; cursors
do not blink in them and nothing on screen depends on the clock. Regenerate after a deliberate
UI change with `pytest tests/ui/test_snapshots.py --snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from peopletui.ui import screenshots
from peopletui.ui.screens.help import HelpScreen


@pytest.fixture
def photo_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with Pictures/portrait.png, entered by a relative path."""
    pictures = tmp_path / screenshots.PHOTO_FOLDER
    pictures.mkdir()
    (pictures / "portrait.png").write_bytes(screenshots.portrait_png())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def compare(snap_compare: Any, scene: screenshots.Scene) -> bool:
    return bool(
        snap_compare(screenshots.demo_app(), terminal_size=screenshots.SIZE, run_before=scene)
    )


def test_main_screen(snap_compare: Any) -> None:
    assert compare(snap_compare, screenshots.main_scene)


def test_edit_form(snap_compare: Any) -> None:
    assert compare(snap_compare, screenshots.edit_scene)


def test_directory(snap_compare: Any) -> None:
    assert compare(snap_compare, screenshots.directory_scene)


def test_photo_preview(snap_compare: Any, photo_folder: Path) -> None:
    assert compare(snap_compare, screenshots.photo_scene)


async def help_scene(pilot: Pilot[None]) -> None:
    await screenshots.opened(pilot)
    await pilot.press("question_mark")
    await screenshots.until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
    await pilot.pause()


def test_help(snap_compare: Any) -> None:
    assert compare(snap_compare, help_scene)
