"""Half-block pictures: exact colours, aspect ratio kept, bad bytes refused; PhotoView in an app."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import pytest
from PIL import Image
from rich.color import Color
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip

from peopletui.paths import styles_dir
from peopletui.ui.widgets.photo import PhotoState, PhotoView, UnreadableImage, half_block_strips

RED, GREEN, BLUE, WHITE = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)


def image_bytes(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def two_by_two() -> bytes:
    image = Image.new("RGB", (2, 2))
    image.putpixel((0, 0), RED)
    image.putpixel((1, 0), GREEN)
    image.putpixel((0, 1), BLUE)
    image.putpixel((1, 1), WHITE)
    return image_bytes(image)


def cells(strip: Strip) -> list[tuple[str, Style]]:
    """One (character, style) pair per cell."""
    return [(char, segment.style or Style()) for segment in strip for char in segment.text]


def rgb(color: Color | None) -> tuple[int, int, int] | None:
    return None if color is None else color.get_truecolor()


def test_two_by_two_image_gives_upper_and_lower_pixel_colours() -> None:
    (strip,) = half_block_strips(two_by_two(), 2, 1)
    (left_char, left), (right_char, right) = cells(strip)
    assert left_char == right_char == "▀"
    assert (rgb(left.color), rgb(left.bgcolor)) == (RED, BLUE)
    assert (rgb(right.color), rgb(right.bgcolor)) == (GREEN, WHITE)


def test_an_odd_last_pixel_row_leaves_the_lower_half_to_the_terminal() -> None:
    image = Image.new("RGB", (1, 3), RED)
    image.putpixel((0, 2), GREEN)
    top, bottom = half_block_strips(image_bytes(image), 1, 2)
    ((_, top_style),) = cells(top)
    ((_, bottom_style),) = cells(bottom)
    assert (rgb(top_style.color), rgb(top_style.bgcolor)) == (RED, RED)
    assert (rgb(bottom_style.color), bottom_style.bgcolor) == (GREEN, None)


@pytest.mark.parametrize(
    ("source", "box", "expected_cells"),
    [
        ((300, 100), (30, 10), (30, 5)),  # wide: fills the width, 10 pixel rows in 5 cell rows
        ((100, 300), (30, 10), (7, 10)),  # tall: fills the 20 pixel rows, 7 pixels wide
        ((50, 50), (80, 10), (20, 10)),  # square: 20 × 20 pixels
        ((2, 2), (40, 20), (40, 20)),  # small pictures are enlarged to fit
    ],
)
def test_the_picture_fits_the_box_with_its_aspect_ratio_kept(
    source: tuple[int, int], box: tuple[int, int], expected_cells: tuple[int, int]
) -> None:
    data = image_bytes(Image.new("RGB", source, (10, 120, 200)))
    strips = half_block_strips(data, *box)
    assert (strips[0].cell_length, len(strips)) == expected_cells
    assert all(strip.cell_length == expected_cells[0] for strip in strips)
    assert {rgb(style.color) for strip in strips for _, style in cells(strip)} == {(10, 120, 200)}


def test_a_jpeg_is_shown_upright_from_its_exif_orientation() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side: rotate 90° clockwise to view
    data = image_bytes(Image.new("RGB", (40, 20), GREEN), "JPEG", exif=exif.tobytes())
    strips = half_block_strips(data, 10, 10)
    assert (strips[0].cell_length, len(strips)) == (10, 10)  # 10 × 20 pixels: now taller


def test_transparent_pixels_are_blended_over_the_background() -> None:
    image = Image.new("RGBA", (1, 2), (0, 0, 0, 0))
    image.putpixel((0, 1), (255, 0, 0, 255))
    (strip,) = half_block_strips(image_bytes(image), 1, 1, background=(20, 30, 40))
    ((_, style),) = cells(strip)
    assert (rgb(style.color), rgb(style.bgcolor)) == ((20, 30, 40), RED)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a size but holds (almost) no pixel data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b""))
        + _png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not an image at all",
        two_by_two()[:40],  # truncated PNG
        image_bytes(Image.new("RGB", (4, 4)), "GIF"),  # a format the People API refuses
        _png_header_only(100_000, 100_000),  # claims 10 gigapixels: refused before decoding
    ],
    ids=["empty", "text", "truncated", "gif", "huge"],
)
def test_bad_bytes_raise_unreadable_image(data: bytes) -> None:
    with pytest.raises(UnreadableImage):
        half_block_strips(data, 10, 5)


def test_a_picture_larger_than_any_camera_makes_is_refused_before_decoding() -> None:
    # 64 megapixels: under Pillow's own bomb limit, over ours. The header alone decides.
    with pytest.raises(UnreadableImage, match="too large"):
        half_block_strips(_png_header_only(8_000, 8_000), 10, 5)


def test_a_zero_box_gives_no_strips() -> None:
    assert half_block_strips(two_by_two(), 0, 5) == []
    assert half_block_strips(two_by_two(), 5, 0) == []


# -- PhotoView in an app --------------------------------------------------------------------------


class CountingPhotoView(PhotoView):
    """Counts the renderings started, to show that each size is drawn once."""

    renderings_started = 0

    def _render_in_thread(self, *args: Any) -> None:
        type(self).renderings_started += 1
        super()._render_in_thread(*args)


class PhotoApp(App[None]):
    CSS_PATH = str(styles_dir() / "widgets.tcss")

    def __init__(self, image: bytes | None) -> None:
        super().__init__()
        self.image = image

    def compose(self) -> ComposeResult:
        yield CountingPhotoView(self.image)


def _screen_lines(view: PhotoView) -> list[Strip]:
    return [view.render_line(y) for y in range(view.size.height)]


async def test_photo_view_draws_a_png_centred_in_the_widget() -> None:
    quarters = Image.new("RGB", (20, 20), RED)
    quarters.paste(BLUE, (0, 10, 20, 20))
    app = PhotoApp(image_bytes(quarters))
    async with app.run_test(size=(30, 10)) as pilot:
        view = app.query_one(CountingPhotoView)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.state is PhotoState.READY
        lines = _screen_lines(view)
        # 20 × 20 pixels in 20 columns × 10 rows, centred with 5 blank columns either side.
        for line in lines:
            assert line.cell_length == 30
            assert line.text == " " * 5 + "▀" * 20 + " " * 5
        top_cell = cells(lines[0])[15][1]
        bottom_cell = cells(lines[9])[15][1]
        assert (rgb(top_cell.color), rgb(top_cell.bgcolor)) == (RED, RED)
        assert (rgb(bottom_cell.color), rgb(bottom_cell.bgcolor)) == (BLUE, BLUE)
        screen = app.export_screenshot()
        assert "▀" in screen


async def test_each_size_is_rendered_once_in_a_worker() -> None:
    CountingPhotoView.renderings_started = 0
    app = PhotoApp(two_by_two())
    async with app.run_test(size=(30, 10)) as pilot:
        view = app.query_one(CountingPhotoView)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert CountingPhotoView.renderings_started == 1

        await pilot.resize_terminal(20, 8)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.state is PhotoState.READY
        assert _screen_lines(view)[0].cell_length == 20
        assert CountingPhotoView.renderings_started == 2

        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert view.state is PhotoState.READY  # from the cache, straight away
        await app.workers.wait_for_complete()
        assert CountingPhotoView.renderings_started == 2


async def test_bad_bytes_show_a_short_note_and_none_shows_no_photo() -> None:
    app = PhotoApp(b"\x89PNG\r\n\x1a\n garbage")
    async with app.run_test(size=(30, 9)) as pilot:
        view = app.query_one(CountingPhotoView)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.state is PhotoState.UNREADABLE
        assert [line.text.strip() for line in _screen_lines(view)] == [""] * 4 + [
            "cannot show this image"
        ] + [""] * 4

        view.set_image(None)
        await pilot.pause()
        assert view.state is PhotoState.EMPTY
        assert _screen_lines(view)[4].text.strip() == "no photo"

        view.set_image(two_by_two())
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.state is PhotoState.READY
        assert "▀" in _screen_lines(view)[4].text
