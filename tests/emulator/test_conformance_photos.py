"""updateContactPhoto / deleteContactPhoto and the photo URLs a person carries.

Rules: UpdateContactPhotoRequest.photoBytes is base64 ("format": "byte"); its personFields
"Defaults to empty if not set, which will skip the post mutate get" (so the answer carries no
person); only JPEG and PNG are accepted (the design's reading of Google's photo guide). A contact
without a photo carries a default one (`"default": true`, recorded person_created.json). Photo URLs
(lh3.googleusercontent.com on Google) are fetched without the API's bearer token.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from support.conformance import Api, check_response, image_bytes


@pytest.fixture
def anonymous() -> Iterator[httpx.Client]:
    """A client with no credentials, as an image tag or a photo cache would fetch."""
    with httpx.Client(timeout=10.0, event_hooks={"response": [check_response]}) as client:
        yield client


def upload(api: Api, person: dict[str, Any], data: bytes, **extra: Any) -> dict[str, Any]:
    body = {"photoBytes": base64.b64encode(data).decode(), **extra}
    answer: dict[str, Any] = api.call(
        "PATCH", f"/v1/{person['resourceName']}:updateContactPhoto", body=body
    )
    return answer


@pytest.mark.parametrize(("fmt", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_an_uploaded_photo_is_served_back(
    api: Api, anonymous: httpx.Client, fmt: str, content_type: str
) -> None:
    person = api.create({"names": [{"givenName": "Photogenic"}]})
    assert person["photos"][0]["default"] is True
    data = image_bytes(fmt, colour=(10, 120, 200), size=32)
    answer = upload(api, person, data, personFields="photos,names")
    updated = answer["person"]
    assert set(answer) == {"person"}
    photo = updated["photos"][0]
    assert "default" not in photo
    assert photo["metadata"]["primary"] is True
    assert updated["etag"] != person["etag"]
    assert api.get(person["resourceName"], fields="photos")["photos"] == updated["photos"]
    served = anonymous.get(photo["url"])
    assert served.status_code == 200
    assert served.headers["content-type"] == content_type
    assert served.content == data


def test_without_person_fields_the_answer_is_empty(api: Api) -> None:
    person = api.create({"names": [{"givenName": "Quiet"}]})
    assert upload(api, person, image_bytes("PNG")) == {}
    after = api.get(person["resourceName"], fields="photos")
    assert "default" not in after["photos"][0]
    assert after["etag"] != person["etag"]


def test_deleting_a_photo_restores_the_default(api: Api, anonymous: httpx.Client) -> None:
    person = api.create({"names": [{"givenName": "Shy"}]})
    uploaded = upload(api, person, image_bytes("PNG"), personFields="photos")["person"]
    answer = api.call(
        "DELETE",
        f"/v1/{person['resourceName']}:deleteContactPhoto",
        params={"personFields": "photos"},
    )
    restored = answer["person"]
    assert restored["photos"][0]["default"] is True
    assert restored["photos"][0]["url"] != uploaded["photos"][0]["url"]
    assert restored["etag"] != uploaded["etag"]
    default = anonymous.get(restored["photos"][0]["url"])
    assert default.status_code == 200  # check_response: it is an image
    # Without personFields the answer is empty, as for the upload.
    upload(api, restored, image_bytes("JPEG"))
    assert api.call("DELETE", f"/v1/{person['resourceName']}:deleteContactPhoto") == {}
    assert api.get(person["resourceName"], fields="photos")["photos"][0]["default"] is True


@pytest.mark.parametrize(
    "data",
    [
        image_bytes("GIF"),
        image_bytes("BMP"),
        b"this is not an image at all",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 16,  # a PNG signature and nothing valid after it
    ],
    ids=["gif", "bmp", "text", "truncated-png"],
)
def test_only_jpeg_and_png_are_accepted(api: Api, data: bytes) -> None:
    person = api.create({"names": [{"givenName": "Picky"}]})
    error = api.error(
        "PATCH",
        f"/v1/{person['resourceName']}:updateContactPhoto",
        400,
        body={"photoBytes": base64.b64encode(data).decode()},
    )
    assert error["status"] == "INVALID_ARGUMENT"
    assert api.get(person["resourceName"], fields="photos")["etag"] == person["etag"]


@pytest.mark.parametrize("body", [{}, {"photoBytes": "%%% not base64 %%%"}], ids=["none", "bad"])
def test_photo_bytes_are_required_base64(api: Api, body: dict[str, str]) -> None:
    person = api.create({"names": [{"givenName": "Blank"}]})
    error = api.error("PATCH", f"/v1/{person['resourceName']}:updateContactPhoto", 400, body=body)
    assert error["status"] == "INVALID_ARGUMENT"


def test_a_photo_can_be_listed_in_connections(api: Api) -> None:
    person = api.create({"names": [{"givenName": "Listed"}]})
    uploaded = upload(api, person, image_bytes("JPEG"), personFields="photos")["person"]
    everyone = api.connection_pages(personFields="photos", pageSize=1000)[0]["connections"]
    [listed] = [p for p in everyone if p["resourceName"] == person["resourceName"]]
    assert listed["photos"] == uploaded["photos"]
