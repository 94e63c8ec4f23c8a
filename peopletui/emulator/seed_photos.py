"""Small generated contact photos for the seed data: coloured avatars, half PNG and half JPEG.

Thousands of seeded contacts share a palette of `AVATAR_COUNT` images, each drawn once and cached,
so seeding 25,000 contacts costs a few dozen renders rather than thousands.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw

AVATAR_SIZE = 96
AVATAR_COUNT = 24
# Drawn larger and scaled down, which smooths the edges without an anti-aliasing pass.
_SUPERSAMPLE = 3

# (background, foreground) pairs: saturated backgrounds with a light figure read well even when a
# terminal shows the photo as a handful of half-block cells.
_PALETTE: tuple[tuple[tuple[int, int, int], tuple[int, int, int]], ...] = (
    ((0x1E, 0x88, 0xE5), (0xE3, 0xF2, 0xFD)),
    ((0xD8, 0x1B, 0x60), (0xFC, 0xE4, 0xEC)),
    ((0x43, 0xA0, 0x47), (0xE8, 0xF5, 0xE9)),
    ((0xFB, 0x8C, 0x00), (0xFF, 0xF3, 0xE0)),
    ((0x5E, 0x35, 0xB1), (0xED, 0xE7, 0xF6)),
    ((0x00, 0x89, 0x7B), (0xE0, 0xF2, 0xF1)),
    ((0x6D, 0x4C, 0x41), (0xEF, 0xEB, 0xE9)),
    ((0x39, 0x49, 0xAB), (0xE8, 0xEA, 0xF6)),
)


def avatar_format(variant: int) -> str:
    """`"PNG"` for even variants, `"JPEG"` for odd ones."""
    return "PNG" if variant % 2 == 0 else "JPEG"


@cache
def avatar(variant: int) -> bytes:
    """The encoded photo for `variant` (taken modulo `AVATAR_COUNT`)."""
    variant %= AVATAR_COUNT
    # 3 shapes x 8 colours: since 3 and 8 are coprime, every variant gets its own combination.
    background, foreground = _PALETTE[variant % len(_PALETTE)]
    size = AVATAR_SIZE * _SUPERSAMPLE
    image = Image.new("RGB", (size, size), background)
    _draw_shape(ImageDraw.Draw(image), variant % 3, size, foreground, background)
    image = image.resize((AVATAR_SIZE, AVATAR_SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    fmt = avatar_format(variant)
    if fmt == "JPEG":
        image.save(buffer, fmt, quality=85)
    else:
        image.save(buffer, fmt, optimize=True)
    return buffer.getvalue()


def _draw_shape(
    draw: ImageDraw.ImageDraw,
    shape: int,
    size: int,
    foreground: tuple[int, int, int],
    background: tuple[int, int, int],
) -> None:
    unit = size / 12
    if shape == 0:  # head and shoulders
        draw.ellipse((4 * unit, 2 * unit, 8 * unit, 6 * unit), fill=foreground)
        draw.ellipse((2 * unit, 7 * unit, 10 * unit, 15 * unit), fill=foreground)
    elif shape == 1:  # ring around a dot
        draw.ellipse((2 * unit, 2 * unit, 10 * unit, 10 * unit), fill=foreground)
        draw.ellipse((3.2 * unit, 3.2 * unit, 8.8 * unit, 8.8 * unit), fill=background)
        draw.ellipse((5 * unit, 5 * unit, 7 * unit, 7 * unit), fill=foreground)
    else:  # a diamond with a cut-out, like a monogram badge
        centre = size / 2
        outer = [(centre, unit), (size - unit, centre), (centre, size - unit), (unit, centre)]
        inner = [(centre, 4 * unit), (8 * unit, centre), (centre, 8 * unit), (4 * unit, centre)]
        draw.polygon(outer, fill=foreground)
        draw.polygon(inner, fill=background)
