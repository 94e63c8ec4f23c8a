"""Checking a photo file: good JPEG and PNG are read; every refusal names the file and the
reason."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from peopletui.ui.screens.photo_file import (
    MAX_BYTES,
    PhotoRejected,
    expand,
    is_shown_in_browser,
    read_photo,
)


def image_file(path: Path, fmt: str, size: tuple[int, int] = (8, 6)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 90)).save(buffer, fmt)
    path.write_bytes(buffer.getvalue())
    return path


def rejection(path: Path) -> str:
    with pytest.raises(PhotoRejected) as caught:
        read_photo(path)
    return str(caught.value)


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "me.png"), ("JPEG", "me.jpg")])
def test_a_good_photo_is_read(tmp_path: Path, fmt: str, name: str) -> None:
    path = image_file(tmp_path / name, fmt)
    photo = read_photo(path)
    assert photo.data == path.read_bytes()
    assert (photo.format, photo.width, photo.height) == (fmt, 8, 6)
    assert photo.describe().startswith(f"{name} — {fmt}, 8×6 pixels, ")


def test_the_format_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    assert read_photo(image_file(tmp_path / "really-a-png.jpg", "PNG")).format == "PNG"
    gif = image_file(tmp_path / "photo.png", "GIF")
    assert rejection(gif) == "photo.png is a GIF image; Google accepts JPEG or PNG only"


@pytest.mark.parametrize(
    ("fmt", "name", "what"),
    [
        ("GIF", "photo.gif", "a GIF image"),
        ("BMP", "photo.bmp", "a BMP image"),
        ("TIFF", "photo.tif", "a TIFF image"),
        ("WEBP", "photo.webp", "a WebP image"),
    ],
)
def test_other_image_formats_are_named(tmp_path: Path, fmt: str, name: str, what: str) -> None:
    path = image_file(tmp_path / name, fmt)
    assert rejection(path) == f"{name} is {what}; Google accepts JPEG or PNG only"


def test_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("Dear Ada,\nthe engine works. — C.\n", encoding="utf-8")
    assert rejection(path) == "notes.png is a text file, not an image; choose a JPEG or PNG photo"


def test_an_svg_and_a_pdf(tmp_path: Path) -> None:
    svg = tmp_path / "logo.svg"
    svg.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    assert rejection(svg).startswith("logo.svg is an SVG drawing, not an image")
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    assert rejection(pdf).startswith("cv.pdf is a PDF document, not an image")


def test_unknown_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.jpg"
    path.write_bytes(bytes(range(256)) * 4)
    assert rejection(path) == "blob.jpg is not a JPEG or PNG image"


def test_a_missing_path(tmp_path: Path) -> None:
    assert rejection(tmp_path / "gone.jpg") == f"There is no file at {tmp_path / 'gone.jpg'}"


def test_a_folder_and_an_empty_file(tmp_path: Path) -> None:
    folder = tmp_path / "Pictures"
    folder.mkdir()
    assert rejection(folder) == "Pictures is a folder; choose an image file in it"
    empty = tmp_path / "empty.png"
    empty.touch()
    assert rejection(empty) == "empty.png is empty"


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    assert rejection(path) == "huge.png is 20.1 MB; photos can be at most 20 MB"
    with path.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024)
    assert rejection(path) == "huge.png is 25.0 MB; photos can be at most 20 MB"


def test_absurd_dimensions(tmp_path: Path) -> None:
    # A tiny file claiming an enormous picture (a "decompression bomb") is refused by its header.
    path = image_file(tmp_path / "banner.png", "PNG", size=(12_000, 2))
    assert rejection(path) == (
        "banner.png is 12000×2 pixels; use a picture at most 10,000 pixels a side"
    )


def test_a_damaged_image(tmp_path: Path) -> None:
    good = image_file(tmp_path / "ok.jpg", "JPEG", size=(64, 64)).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(good[: len(good) // 3])
    assert (
        rejection(cut) == "cut.jpg looks like a JPEG image but cannot be decoded; it may be damaged"
    )


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads any file, so permissions cannot be tested"
)
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = image_file(tmp_path / "locked.png", "PNG")
    path.chmod(0)
    assert rejection(path) == "locked.png cannot be read: permission denied"


def test_names_are_shown_without_escape_sequences(tmp_path: Path) -> None:
    path = image_file(tmp_path / "\x1b[31mred.gif", "GIF")
    assert rejection(path) == "red.gif is a GIF image; Google accepts JPEG or PNG only"


def test_typed_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert expand("~/Pictures/me.jpg") == tmp_path / "Pictures/me.jpg"
    assert expand('  "/tmp/with space.png" ') == Path("/tmp/with space.png")
    assert expand("'/a/b.png'") == Path("/a/b.png")


def test_the_browser_lists_folders_and_images_but_nothing_hidden(tmp_path: Path) -> None:
    (tmp_path / "Pictures").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("a.JPG", "b.png", "c.gif", "d.txt", ".hidden.png"):
        (tmp_path / name).touch()
    shown = sorted(p.name for p in tmp_path.iterdir() if is_shown_in_browser(p))
    assert shown == ["Pictures", "a.JPG", "b.png", "c.gif"]
