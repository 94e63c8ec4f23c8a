"""Checking a photo file before upload: what it is, whether Google will take it, and its bytes.

Blocking and pure (file reads and Pillow): callers run `read_photo` off the UI thread. Each
refusal says what is wrong with this particular file ("photo.gif is a GIF image; Google accepts
JPEG or PNG only"), never just "invalid".
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from peopletui.ui.text import single_line

MAX_BYTES: Final = 20 * 1024 * 1024
# A contact photo is shown at most a few hundred pixels wide; a side beyond this is a banner, a
# scan or an attack (a "decompression bomb"), not a face.
MAX_SIDE: Final = 10_000
MAX_PIXELS: Final = 40_000_000

IMAGE_SUFFIXES: Final = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".heif"}
    | {".avif", ".svg", ".ico"}
)

_JPEG: Final = b"\xff\xd8\xff"
_PNG: Final = b"\x89PNG\r\n\x1a\n"
# Other files people try, named so the message can say what the file is.
_OTHER_IMAGES: Final = (
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an ICO image"),
)
_NOT_IMAGES: Final = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
)


class PhotoRejected(ValueError):
    """The file cannot be uploaded as a photo; the message says why, naming the file."""


@dataclass(frozen=True, slots=True)
class PhotoFile:
    path: Path
    data: bytes
    format: str  # "JPEG" or "PNG"
    width: int
    height: int

    def describe(self) -> str:
        return (
            f"{single_line(self.path.name)} — {self.format}, {self.width}×{self.height} pixels, "
            f"{human_size(len(self.data))}"
        )


def expand(text: str) -> Path:
    """A typed path: surrounding spaces and quotes dropped, "~" expanded."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return Path(text).expanduser()


def read_photo(path: Path) -> PhotoFile:
    """Read and check `path`.

    Raises:
        PhotoRejected: with a message that names the file and the problem.
    """
    name = single_line(path.name or str(path))
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise PhotoRejected(f"There is no file at {single_line(str(path))}") from None
    except PermissionError:
        raise PhotoRejected(f"{name} cannot be reached: permission denied") from None
    except OSError as error:
        raise PhotoRejected(f"{name} cannot be read: {error.strerror or error}") from None
    if path.is_dir():
        raise PhotoRejected(f"{name} is a folder; choose an image file in it")
    if not path.is_file():
        raise PhotoRejected(f"{name} is not a regular file")
    if stat.st_size == 0:
        raise PhotoRejected(f"{name} is empty")
    if stat.st_size > MAX_BYTES:
        # Rounded up, so a file just over the limit never reads "20.0 MB; at most 20 MB".
        megabytes = math.ceil(stat.st_size / (1024 * 1024) * 10) / 10
        raise PhotoRejected(
            f"{name} is {megabytes:.1f} MB; photos can be at most {MAX_BYTES // (1024 * 1024)} MB"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise PhotoRejected(f"{name} cannot be read: permission denied") from None
    except OSError as error:
        raise PhotoRejected(f"{name} cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:  # it grew after the stat
        raise PhotoRejected(f"{name} is over {human_size(MAX_BYTES)}")
    fmt = _format(name, data)
    width, height = _decode(name, data, fmt)
    return PhotoFile(path, data, fmt, width, height)


def _format(name: str, data: bytes) -> str:
    if data.startswith(_JPEG):
        return "JPEG"
    if data.startswith(_PNG):
        return "PNG"
    image = _other_image(data)
    if image is not None:
        raise PhotoRejected(f"{name} is {image}; Google accepts JPEG or PNG only")
    other = _not_an_image(data)
    if other is not None:
        raise PhotoRejected(f"{name} is {other}, not an image; choose a JPEG or PNG photo")
    raise PhotoRejected(f"{name} is not a JPEG or PNG image")


def _other_image(data: bytes) -> str | None:
    for magic, what in _OTHER_IMAGES:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return "a HEIC image"
        if brand in (b"avif", b"avis"):
            return "an AVIF image"
    return None


def _not_an_image(data: bytes) -> str | None:
    for magic, what in _NOT_IMAGES:
        if data.startswith(magic):
            return what
    if data[4:8] == b"ftyp":
        return "a video or other media file"
    head = data[:4096]
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the sample
            return None
        text = head[: error.start].decode("utf-8")
    return "an SVG drawing" if "<svg" in text.lower() else "a text file"


def _decode(name: str, data: bytes, fmt: str) -> tuple[int, int]:
    """The image's size, after Pillow has decoded it (a damaged file fails here, not later)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=(fmt,)) as image:
            width, height = image.size
            if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                raise PhotoRejected(
                    f"{name} is {width}×{height} pixels; use a picture at most "
                    f"{MAX_SIDE:,} pixels a side"
                )
            # JPEG can decode at a fraction of its size; enough to prove the data is whole.
            image.draft("RGB", (512, 512))
            image.load()
    except PhotoRejected:
        raise
    except Exception as error:
        # Pillow raises many types on damaged data (OSError, SyntaxError, ValueError...).
        raise PhotoRejected(
            f"{name} looks like a {fmt} image but cannot be decoded; it may be damaged"
        ) from error
    return width, height


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def is_shown_in_browser(path: Path) -> bool:
    """Whether the file browser lists `path`: folders and image files, nothing hidden."""
    if path.name.startswith("."):
        return False
    try:
        if path.is_dir():
            return True
    except OSError:
        return False
    return path.suffix.lower() in IMAGE_SUFFIXES
