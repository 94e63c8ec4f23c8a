"""Contact photos: updateContactPhoto, deleteContactPhoto, and the photo URLs themselves.

``photoBytes`` must be a JPEG or PNG ("All requests must have a valid photo format: JPEG or
PNG"): the bytes are sniffed and decoded before anything is stored. A stored photo gets a new,
unguessable URL under ``/emulator/photos/`` on the emulator's public URL; like Google's
lh3.googleusercontent.com URLs they are served without authentication. A person without a photo
carries a default photo (``default: true``) whose URL serves a generated letter avatar. Both honour
Google's ``sz`` size parameter. Neither method takes an etag, but both change the person's etag.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from .body import payload_error
from .call import Call, contact_id
from .errors import not_found
from .persons import DEFAULT_PHOTO_PATH, PHOTO_PATH
from .rules import READABLE_FIELDS, parse_mask
from .store import EmulatorState
from .wire import WireRequest, WireResponse

_JPEG, _PNG = b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"
_DEFAULT_SIZE, _MAX_SIZE = 100, 1024
_PALETTE = ("#5C6BC0", "#26A69A", "#EF6C00", "#8D6E63", "#AB47BC", "#43A047", "#EC407A", "#78909C")
# Google's text, as its Node client reports it for a GIF (GaxiosError: Invalid photo format).
INVALID_PHOTO_MESSAGE = "Invalid photo format"


def update_contact_photo(call: Call) -> dict[str, Any]:
    assert call.route.resource_name is not None
    rid = contact_id(call.route.resource_name)
    body = call.body("UpdateContactPhotoRequest", "")
    mask = parse_mask(body.get("personFields"), "personFields", READABLE_FIELDS, required=False)
    photo: bytes = body.get("photoBytes", b"")
    content_type = image_type(photo)
    record = call.account.contacts.records.get(rid)
    if record is None:
        raise not_found()
    state = call.services.state
    key = state.add_photo(content_type, photo)
    if record.photo:
        state.photos.pop(record.photo, None)
    updated = state.replace_contact(call.account.email, record, record.data, photo=key)
    return {"person": call.render(updated, mask)} if mask else {}


def delete_contact_photo(call: Call) -> dict[str, Any]:
    assert call.route.resource_name is not None
    rid = contact_id(call.route.resource_name)
    mask = call.person_mask(required=False)
    call.read_sources()
    record = call.account.contacts.records.get(rid)
    if record is None:
        raise not_found()
    state = call.services.state
    if record.photo:
        state.photos.pop(record.photo, None)
        record = state.replace_contact(call.account.email, record, record.data, photo="")
    return {"person": call.render(record, mask)} if mask else {}


def image_type(photo: bytes) -> str:
    """``image/jpeg`` or ``image/png`` for bytes that decode as such; otherwise 400."""
    if photo.startswith(_JPEG):
        content_type = "image/jpeg"
    elif photo.startswith(_PNG):
        content_type = "image/png"
    else:
        raise payload_error(INVALID_PHOTO_MESSAGE, "photo_bytes")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(photo)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise payload_error(INVALID_PHOTO_MESSAGE, "photo_bytes") from None
    return content_type


def owns_photo(raw_path: str) -> bool:
    return raw_path.startswith(PHOTO_PATH)


def serve_photo(state: EmulatorState, request: WireRequest) -> WireResponse:
    if request.method != "GET":
        return _plain(405, "Method not allowed")
    size = _requested_size(request)
    key = unquote(request.raw_path[len(PHOTO_PATH) :])
    if request.raw_path.startswith(DEFAULT_PHOTO_PATH):
        code = key.removeprefix("default/")
        try:
            letter = chr(int(code, 16))
        except (ValueError, OverflowError):
            return _plain(404, "Not found")
        return _image(_letter_avatar(letter, size or _DEFAULT_SIZE), "image/png")
    photo = state.photos.get(key)
    if photo is None:
        return _plain(404, "Not found")
    data = _resized(photo.data, size) if size else photo.data
    return _image(data, photo.content_type)


def _requested_size(request: WireRequest) -> int | None:
    values = request.query_values("sz")
    if values and values[-1].isdigit():
        return max(1, min(int(values[-1]), _MAX_SIZE))
    return None


def _image(data: bytes, content_type: str) -> WireResponse:
    headers = [("content-type", content_type), ("cache-control", "public, max-age=86400")]
    return WireResponse(200, data, headers)


def _plain(status: int, text: str) -> WireResponse:
    return WireResponse(status, text.encode(), [("content-type", "text/plain; charset=UTF-8")])


@lru_cache(maxsize=256)
def _letter_avatar(letter: str, size: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), _PALETTE[ord(letter) % len(_PALETTE)])
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=max(8, size // 2))
    draw.text((size / 2, size / 2), letter, fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _resized(data: bytes, size: int) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        kind = image.format or "PNG"
        copy = image.convert("RGB") if kind == "JPEG" else image.copy()
    copy.thumbnail((size, size))
    out = io.BytesIO()
    copy.save(out, kind)
    return out.getvalue()
