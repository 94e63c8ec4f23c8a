"""updateContactPhoto, deleteContactPhoto and the photo URLs people carry."""

from __future__ import annotations

import base64
import io
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image
from support.people_kit import PUBLIC_URL, Kit

from peopletui.emulator.wire import WireRequest, WireResponse


def image(kind: str, size: int = 64) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), "teal").save(out, kind)
    return out.getvalue()


@pytest.fixture
def kit() -> Kit:
    return Kit()


@pytest.fixture
def person(kit: Kit) -> dict[str, Any]:
    created: dict[str, Any] = kit.create({"names": [{"givenName": "Niépce"}]}, "names,photos")
    return created


def upload(kit: Kit, name: str, data: bytes, **extra: Any) -> Any:
    body = {"photoBytes": base64.b64encode(data).decode()} | extra
    return kit.call("PATCH", f"/v1/{name}:updateContactPhoto", body=body)


def fetch(kit: Kit, url: str, **query: str) -> WireResponse:
    assert url.startswith(PUBLIC_URL)
    path = urlsplit(url).path
    assert kit.api.owns_photo(path)
    return kit.api.serve_photo(WireRequest("GET", path, tuple(query.items())))


@pytest.mark.parametrize(("kind", "content_type"), [("JPEG", "image/jpeg"), ("PNG", "image/png")])
def test_an_uploaded_photo_is_served_back(
    kit: Kit, person: dict[str, Any], kind: str, content_type: str
) -> None:
    data = image(kind)
    answer = upload(kit, person["resourceName"], data, personFields="photos")
    [photo] = answer["person"]["photos"]
    assert "default" not in photo
    assert answer["person"]["etag"] != person["etag"]
    served = fetch(kit, photo["url"])
    assert served.status == 200
    assert served.body == data
    assert dict(served.headers)["content-type"] == content_type


def test_without_person_fields_the_answer_is_empty(kit: Kit, person: dict[str, Any]) -> None:
    assert upload(kit, person["resourceName"], image("PNG")) == {}
    assert "default" not in kit.get(person["resourceName"], "photos")["photos"][0]


@pytest.mark.parametrize("data", [b"GIF89a\x01\x00\x01\x00", b"\x89PNG\r\n\x1a\nbroken", b""])
def test_only_jpeg_or_png_is_accepted(kit: Kit, person: dict[str, Any], data: bytes) -> None:
    body = {"photoBytes": base64.b64encode(data).decode()}
    error = kit.error("PATCH", f"/v1/{person['resourceName']}:updateContactPhoto", 400, body=body)
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == "Invalid photo format"


def test_bad_base64_is_refused(kit: Kit, person: dict[str, Any]) -> None:
    body = {"photoBytes": "not base64!"}
    error = kit.error("PATCH", f"/v1/{person['resourceName']}:updateContactPhoto", 400, body=body)
    assert error["message"].startswith("Invalid value at 'photo_bytes' (TYPE_BYTES)")


def test_the_default_photo_is_a_generated_image(kit: Kit, person: dict[str, Any]) -> None:
    [photo] = person["photos"]
    assert photo["default"] is True
    served = fetch(kit, photo["url"])
    assert dict(served.headers)["content-type"] == "image/png"
    with Image.open(io.BytesIO(served.body)) as picture:
        assert picture.size == (100, 100)


def test_the_size_parameter_scales_photos(kit: Kit, person: dict[str, Any]) -> None:
    with Image.open(io.BytesIO(fetch(kit, person["photos"][0]["url"], sz="48").body)) as picture:
        assert picture.size == (48, 48)
    answer = upload(kit, person["resourceName"], image("JPEG", 200), personFields="photos")
    served = fetch(kit, answer["person"]["photos"][0]["url"], sz="50")
    with Image.open(io.BytesIO(served.body)) as picture:
        assert picture.size == (50, 50) and picture.format == "JPEG"


def test_delete_photo_restores_the_default(kit: Kit, person: dict[str, Any]) -> None:
    answer = upload(kit, person["resourceName"], image("PNG"), personFields="photos")
    old_url = answer["person"]["photos"][0]["url"]
    path = f"/v1/{person['resourceName']}:deleteContactPhoto"
    deleted = kit.call("DELETE", path, {"personFields": "photos"})
    assert deleted["person"]["photos"][0]["default"] is True
    assert deleted["person"]["etag"] != answer["person"]["etag"]
    assert fetch(kit, old_url).status == 404
    assert kit.call("DELETE", path) == {}


def test_photo_methods_on_unknown_contacts_are_not_found(kit: Kit) -> None:
    name = "people/c1234567890123456789"
    body = {"photoBytes": base64.b64encode(image("PNG")).decode()}
    kit.error("PATCH", f"/v1/{name}:updateContactPhoto", 404, body=body)
    kit.error("DELETE", f"/v1/{name}:deleteContactPhoto", 404)


def test_an_unknown_photo_url_is_not_found(kit: Kit) -> None:
    response = kit.api.serve_photo(WireRequest("GET", "/emulator/photos/nothing-here"))
    assert response.status == 404
