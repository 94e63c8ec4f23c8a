"""Pictures drawn with half blocks: each cell shows two pixels, "▀" over its background.

A terminal cell is about twice as tall as it is wide, so two pixels stacked in one cell are close
to square, and a photo keeps its shape. Decoding is Pillow's; the bytes are untrusted (a contact's
photo), so only JPEG and PNG are opened and the pixel count is capped before anything is decoded.
This module is pure and blocking: callers run it off the UI thread.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Final

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

UPPER_HALF_BLOCK: Final = "▀"

# The People API accepts only these; refusing the rest keeps Pillow's other parsers out of reach.
ACCEPTED_FORMATS: Final = ("JPEG", "PNG")

# A 40-megapixel photo is already larger than any camera's; beyond that it is an attack, and
# decoding it would eat memory for a picture a terminal shows in a few thousand cells.
MAX_SOURCE_PIXELS: Final = 40_000_000

RGB = tuple[int, int, int]


class UnreadableImage(ValueError):
    """The bytes are not a JPEG or PNG image that can be shown."""


def half_block_strips(
    image_bytes: bytes, width: int, height: int, *, background: RGB = (0, 0, 0)
) -> list[Strip]:
    """Draw an image in at most `width` × `height` cells, its aspect ratio kept.

    Each cell is "▀" with the upper pixel as foreground and the lower pixel as background; an
    odd last pixel row leaves the lower half to the terminal's own background. Transparent
    pixels are blended over `background`. The strips are as wide as the fitted picture (at most
    `width`), one per cell row; centring them is the caller's choice.

    Raises:
        UnreadableImage: the bytes are not a JPEG or PNG that can be decoded.
    """
    if width < 1 or height < 1:
        return []
    image = _fit(_decode(image_bytes, (width, height * 2), background), width, height * 2)
    pixels = image.tobytes()
    image_width, image_height = image.size
    row_bytes = image_width * 3
    styles: dict[tuple[RGB, RGB | None], Style] = {}

    def cell_style(upper: RGB, lower: RGB | None) -> Style:
        # Photos repeat colours a lot; building a Style per cell would dominate the cost.
        key = (upper, lower)
        style = styles.get(key)
        if style is None:
            style = Style(
                color=Color.from_rgb(*upper),
                bgcolor=None if lower is None else Color.from_rgb(*lower),
            )
            styles[key] = style
        return style

    strips: list[Strip] = []
    for top in range(0, image_height, 2):
        upper_row = pixels[top * row_bytes : (top + 1) * row_bytes]
        has_lower = top + 1 < image_height
        lower_row = pixels[(top + 1) * row_bytes : (top + 2) * row_bytes] if has_lower else b""
        segments = []
        for x in range(0, row_bytes, 3):
            upper = (upper_row[x], upper_row[x + 1], upper_row[x + 2])
            lower = (lower_row[x], lower_row[x + 1], lower_row[x + 2]) if has_lower else None
            segments.append(Segment(UPPER_HALF_BLOCK, cell_style(upper, lower)))
        strips.append(Strip(segments, image_width).simplify())
    return strips


def _decode(image_bytes: bytes, box: tuple[int, int], background: RGB) -> PILImage:
    # Pillow is imported here, in the worker thread, to keep it off the app's start-up path.
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(image_bytes), formats=ACCEPTED_FORMATS) as opened:
            if opened.width * opened.height > MAX_SOURCE_PIXELS:
                raise UnreadableImage(
                    f"the image is {opened.width}×{opened.height} pixels, too large to show"
                )
            # JPEG can decode at 1/2, 1/4 or 1/8 scale directly, far faster than full size.
            # Ask for a square box so a rotation by exif_transpose still leaves enough pixels.
            side = max(box)
            opened.draft("RGB", (side, side))
            upright = ImageOps.exif_transpose(opened)
            return _flatten(upright, background)
    except UnreadableImage:
        raise
    except Exception as error:
        # Pillow's decoders raise many types on corrupt data (OSError, SyntaxError, ValueError,
        # struct.error, EOFError...); for an untrusted photo they all mean the same thing.
        raise UnreadableImage("the image cannot be decoded") from error


def _flatten(image: PILImage, background: RGB) -> PILImage:
    """The image as opaque RGB, transparent parts blended over `background`."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        base = Image.new("RGBA", rgba.size, (*background, 255))
        return Image.alpha_composite(base, rgba).convert("RGB")
    return image.convert("RGB")


def _fit(image: PILImage, max_width: int, max_height: int) -> PILImage:
    """Scale to the largest size inside `max_width` × `max_height` with the same aspect ratio."""
    from PIL import Image

    scale = min(max_width / image.width, max_height / image.height)
    size = (
        max(1, min(max_width, round(image.width * scale))),
        max(1, min(max_height, round(image.height * scale))),
    )
    if size == image.size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS)
