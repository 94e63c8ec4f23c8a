"""PhotoView: a contact's photo drawn with half blocks, fitted to the widget with its shape kept.

Decoding and scaling happen in a thread worker, never on the UI thread; each size the widget has
been drawn at is kept, so resizing back and forth is instant. Bytes that are not a readable JPEG
or PNG show a short note instead, and no photo shows "no photo".

Styles come from `styles/widgets.tcss` (component class `photo-view--message`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import ClassVar, Final

from rich.cells import cell_len
from rich.segment import Segment
from textual import events, on
from textual.cache import LRUCache
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from peopletui.ui.widgets.contact_row import fit_cells
from peopletui.ui.widgets.half_block import RGB, UnreadableImage, half_block_strips

__all__ = ["PhotoState", "PhotoView", "UnreadableImage", "half_block_strips"]

# Sizes kept per photo: a few layouts (pane, maximised, resized terminal) without unbounded growth.
_SIZES_KEPT: Final = 4


class PhotoState(Enum):
    EMPTY = "empty"
    LOADING = "loading"
    READY = "ready"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class _Request:
    generation: int
    width: int
    height: int


class PhotoView(Widget):
    """Shows JPEG or PNG bytes as half-block characters."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"photo-view--message"}

    EMPTY_TEXT: ClassVar[str] = "no photo"
    UNREADABLE_TEXT: ClassVar[str] = "cannot show this image"

    class Rendered(Message):
        """A rendering finished (or failed) for the photo currently set."""

        def __init__(
            self, photo_view: PhotoView, request: _Request, strips: list[Strip] | None
        ) -> None:
            super().__init__()
            self.photo_view = photo_view
            self.request = request
            self.strips = strips

        @property
        def control(self) -> PhotoView:
            return self.photo_view

    def __init__(
        self,
        image: bytes | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._image = image
        self._generation = 0
        self._unreadable = False
        self._renderings: LRUCache[tuple[int, int], list[Strip]] = LRUCache(_SIZES_KEPT)
        self._pending: _Request | None = None

    @property
    def image(self) -> bytes | None:
        return self._image

    @property
    def state(self) -> PhotoState:
        if self._image is None:
            return PhotoState.EMPTY
        if self._unreadable:
            return PhotoState.UNREADABLE
        if (self.size.width, self.size.height) in self._renderings:
            return PhotoState.READY
        return PhotoState.LOADING

    def set_image(self, image: bytes | None) -> None:
        """Show `image` (JPEG or PNG bytes), or the empty state for None."""
        if image == self._image:
            return
        self._image = image
        self._generation += 1
        self._unreadable = False
        self._renderings.clear()
        self._pending = None
        self._request_rendering()
        self.refresh()

    # -- rendering in a worker ------------------------------------------------------------------

    def _on_resize(self, event: events.Resize) -> None:
        self._request_rendering()

    def _request_rendering(self) -> None:
        width, height = self.size
        if self._image is None or self._unreadable or width < 1 or height < 1:
            return
        if (width, height) in self._renderings:
            return
        request = _Request(self._generation, width, height)
        if request == self._pending:
            return
        self._pending = request
        self.run_worker(
            partial(self._render_in_thread, request, self._image, self._background_rgb()),
            thread=True,
            group="photo-view",
            exclusive=True,
            exit_on_error=False,
        )

    def _render_in_thread(self, request: _Request, image: bytes, background: RGB) -> None:
        try:
            strips: list[Strip] | None = half_block_strips(
                image, request.width, request.height, background=background
            )
        except UnreadableImage:
            strips = None
        self.post_message(self.Rendered(self, request, strips))

    @on(Rendered)
    def _store_rendering(self, message: Rendered) -> None:
        request = message.request
        if request.generation != self._generation:
            return  # an older photo's result, arriving after a newer photo was set
        if request == self._pending:
            self._pending = None
        if message.strips is None:
            self._unreadable = True
        else:
            self._renderings[(request.width, request.height)] = message.strips
        self.refresh()

    def _background_rgb(self) -> RGB:
        # The colour actually behind the widget, so transparent pixels blend in.
        _, color = self.background_colors
        return (color.r, color.g, color.b)

    # -- Line API -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        base = self.rich_style
        strips = self._renderings.get((width, height))
        if strips is not None:
            top = (height - len(strips)) // 2
            if 0 <= y - top < len(strips):
                picture = strips[y - top]
                left = (width - picture.cell_length) // 2
                return Strip.join([Strip.blank(left, base), picture]).extend_cell_length(
                    width, base
                )
            return Strip.blank(width, base)
        message = self._message_text()
        if message and y == height // 2:
            style = self.get_visual_style("photo-view--message").rich_style
            text = fit_cells(message, width)
            left = (width - cell_len(text)) // 2
            segments = [Segment(" " * left, base), Segment(text, style)]
            return Strip(segments).extend_cell_length(width, base)
        return Strip.blank(width, base)

    def _message_text(self) -> str:
        state = self.state
        if state is PhotoState.EMPTY:
            return self.EMPTY_TEXT
        if state is PhotoState.UNREADABLE:
            return self.UNREADABLE_TEXT
        return ""  # loading: a blank pane for the few milliseconds a decode takes
