"""PhotoScreen: choose an image file for a contact's photo, see it, and confirm.

A file browser (folders and image files; hidden files hidden) and a typed path (with "~") both
work. A chosen file is read and checked off the UI thread — it must exist, be readable, be a JPEG
or PNG that Pillow decodes, at most 20 MB and of sensible dimensions — and then previewed. ctrl+s,
the "Use photo" button, or enter on the typed path that is already previewed dismisses with the
bytes that were previewed (so what is uploaded is exactly what was shown); escape cancels (None).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text, TextType
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DirectoryTree, Footer, Input, Static

from peopletui.paths import styles_dir
from peopletui.ui.screens.photo_file import (
    PhotoFile,
    PhotoRejected,
    expand,
    is_shown_in_browser,
    read_photo,
)
from peopletui.ui.text import literal, single_line
from peopletui.ui.widgets import PhotoView


class PhotoTree(DirectoryTree):
    """A DirectoryTree of folders and image files, with file names shown as written."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if is_shown_in_browser(path)]

    def process_label(self, label: TextType) -> Text:
        # File names are untrusted: "[bold]x[/].png" is a name, not markup.
        if isinstance(label, str):
            return Text(single_line(label), end="")
        return super().process_label(label)


class PhotoScreen(Screen["bytes | None"]):
    CSS_PATH = str(styles_dir() / "photo.tcss")
    AUTO_FOCUS = "#photo-tree"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "use",
            "Use photo",
            id="photo.use",
            tooltip="Upload the photo shown",
            priority=True,
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="photo.cancel",
            tooltip="Close without changing the photo",
        ),
        Binding(
            "ctrl+l",
            "type_path",
            "Type a path",
            id="photo.type_path",
            tooltip="Type or paste the photo's path",
        ),
    ]

    class Checked(Message):
        """A file was read and checked: a `PhotoFile`, or the reason it was refused."""

        def __init__(self, path: Path, result: PhotoFile | str) -> None:
            super().__init__()
            self.path = path
            self.result = result

    def __init__(self, start_dir: Path) -> None:
        super().__init__()
        self._start_dir = start_dir.expanduser() if start_dir.expanduser().is_dir() else Path.home()
        self._wanted: Path | None = None  # the file being checked or shown
        self._photo: PhotoFile | None = None  # the file shown, when it checked out
        self._use_when_checked = False

    @property
    def photo(self) -> PhotoFile | None:
        return self._photo

    def compose(self) -> ComposeResult:
        yield Static(Content("Choose a photo: a JPEG or PNG file"), id="photo-title")
        with Horizontal(id="photo-main"):
            yield PhotoTree(self._start_dir, id="photo-tree")
            with Vertical(id="photo-side"):
                yield PhotoView(id="photo-preview")
                yield Static(
                    Content("Pick a file on the left, or type its path below."),
                    id="photo-message",
                )
        with Horizontal(id="photo-bar"):
            yield Input(placeholder="Path, such as ~/Pictures/me.jpg", id="photo-path")
            yield Button("Use photo", id="photo-use", variant="primary", disabled=True)
            yield Button("Cancel", id="photo-cancel")
        yield Footer()

    # -- choosing a file --------------------------------------------------------------------------

    @on(DirectoryTree.FileSelected)
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._check(event.path)
        self.query_one("#photo-path", Input).value = str(event.path)

    @on(Input.Submitted, "#photo-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        path = expand(event.value)
        if self._photo is not None and self._photo.path == path:
            self.dismiss(self._photo.data)
        else:
            self._check(path)

    @on(Input.Changed, "#photo-path")
    def _path_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._wanted is not None and expand(event.value) == self._wanted:
            return  # the path of the file already chosen, filled in for the user
        self._wanted = None
        self._show(None, "Press enter to check this file.", error=False)

    def _check(self, path: Path, *, then_use: bool = False) -> None:
        self._wanted = path
        self._use_when_checked = then_use
        self._show(None, f"Checking {path.name or path}…", error=False)
        self._read(path)

    @work(group="photo-check", exclusive=True, exit_on_error=False)
    async def _read(self, path: Path) -> None:
        try:
            result: PhotoFile | str = await asyncio.to_thread(read_photo, path)
        except PhotoRejected as rejected:
            result = str(rejected)
        self.post_message(self.Checked(path, result))

    @on(Checked)
    def _checked(self, message: Checked) -> None:
        if message.path != self._wanted:
            return  # an older choice, answered after a newer one was made
        result = message.result
        if isinstance(result, str):
            self._show(None, result, error=True)
            return
        self._show(result, f"{result.describe()}\nctrl+s uses this photo.", error=False)
        if self._use_when_checked:
            self.dismiss(result.data)

    def _show(self, photo: PhotoFile | None, message: str, *, error: bool) -> None:
        self._photo = photo
        self.query_one("#photo-preview", PhotoView).set_image(photo.data if photo else None)
        status = self.query_one("#photo-message", Static)
        status.update(literal(message))  # it names the file: shown as written
        status.set_class(error, "-error")
        self.query_one("#photo-use", Button).disabled = photo is None

    # -- leaving ----------------------------------------------------------------------------------

    def action_use(self) -> None:
        if self._photo is not None:
            self.dismiss(self._photo.data)
            return
        typed = self.query_one("#photo-path", Input).value
        if typed.strip():
            self._check(expand(typed), then_use=True)
        else:
            self.notify("Choose a photo first.", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_type_path(self) -> None:
        self.query_one("#photo-path", Input).focus()

    @on(Button.Pressed, "#photo-use")
    def _use_pressed(self) -> None:
        self.action_use()

    @on(Button.Pressed, "#photo-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
