"""Checked HTTP calls to the People API emulator, shared by the conformance suites.

`check_response` is installed as an httpx response hook by tests/emulator/conftest.py: a 2xx body
from a People API path must match its method's discovery schema and its Person objects must carry
no empty values (proto3 JSON omits them), a 4xx/5xx body must be Google's error envelope, and a
photo URL must answer with an image. A test cannot forget to validate, and a departure fails the
test that provoked it.
"""

from __future__ import annotations

import base64
import io
import json
from typing import TYPE_CHECKING, Any

import httpx
from PIL import Image

from .discovery_validator import (
    discovery,
    empty_values,
    validate_error_envelope,
    validate_response,
    values_of_schema,
)

if TYPE_CHECKING:
    from peopletui.emulator import Emulator

# Every path `personFields` / `readMask` accepts (the discovery document lists them per method).
READ_FIELDS = (
    "addresses,ageRanges,biographies,birthdays,calendarUrls,clientData,coverPhotos,"
    "emailAddresses,events,externalIds,genders,imClients,interests,locales,locations,memberships,"
    "metadata,miscKeywords,names,nicknames,occupations,organizations,phoneNumbers,photos,"
    "relations,sipAddresses,skills,urls,userDefined"
)
SEED_CONTACTS = 40


def check_response(response: httpx.Response) -> None:
    """Fail on any response that departs from Google's documents (an httpx response hook)."""
    response.read()
    request = response.request
    path = request.url.raw_path.decode("ascii").partition("?")[0]
    where = f"{request.method} {path} -> {response.status_code}"
    method_id = discovery().method_for(request.method, path)
    if method_id is None and response.is_success:
        # Not an API method: a photo URL handed out in a person's `photos[].url`.
        kind = response.headers.get("content-type", "")
        assert kind.startswith("image/"), f"{where}: a 2xx answer that is no method and no photo"
        return
    if method_id is None and not path.startswith("/v1/"):
        return  # Google serves photos from another host, whose errors are not the envelope.
    problems: list[str]
    if response.is_success:
        assert method_id is not None
        body = _json_body(response, where)
        problems = validate_response(method_id, body)
        schema = discovery().response_schema(method_id)
        for person_path, person in values_of_schema(body, schema, "Person"):
            problems += [person_path + p[1:] for p in empty_values(person)]
    else:
        problems = validate_error_envelope(_json_body(response, where), response.status_code)
    assert not problems, f"{where} departs from Google's documents:\n" + "\n".join(problems)


def _json_body(response: httpx.Response, where: str) -> Any:
    kind = response.headers.get("content-type", "")
    assert kind.startswith("application/json"), f"{where}: content-type {kind!r}"
    try:
        return json.loads(response.content)
    except ValueError as error:
        raise AssertionError(f"{where}: body is not JSON: {response.content[:200]!r}") from error


class Api:
    """A thin, checked caller of the People API over HTTP; tests still see raw JSON."""

    def __init__(self, http: httpx.Client, emulator: Emulator, base_url: str) -> None:
        self.http = http
        self.emulator = emulator
        self.base_url = base_url

    def call(
        self,
        verb: str,
        path: str,
        *,
        expect: int = 200,
        params: Any = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        response = self.http.request(verb, path, params=params, json=body, headers=headers)
        assert response.status_code == expect, (
            f"{verb} {path}: expected {expect}, got {response.status_code}: {response.text[:600]}"
        )
        return response.json()

    def error(self, verb: str, path: str, status: int, **kwargs: Any) -> dict[str, Any]:
        """The `error` object of a call that must fail with HTTP `status`."""
        error: dict[str, Any] = self.call(verb, path, expect=status, **kwargs)["error"]
        return error

    def create(self, person: dict[str, Any], fields: str = READ_FIELDS) -> dict[str, Any]:
        created: dict[str, Any] = self.call(
            "POST", "/v1/people:createContact", params={"personFields": fields}, body=person
        )
        return created

    def get(self, resource_name: str, fields: str = READ_FIELDS) -> dict[str, Any]:
        person: dict[str, Any] = self.call(
            "GET", f"/v1/{resource_name}", params={"personFields": fields}
        )
        return person

    def update(
        self, person: dict[str, Any], update_fields: str, fields: str = READ_FIELDS
    ) -> dict[str, Any]:
        params = {"updatePersonFields": update_fields, "personFields": fields}
        updated: dict[str, Any] = self.call(
            "PATCH", f"/v1/{person['resourceName']}:updateContact", params=params, body=person
        )
        return updated

    def delete(self, resource_name: str) -> None:
        assert self.call("DELETE", f"/v1/{resource_name}:deleteContact") == {}

    def connections(self, **params: Any) -> dict[str, Any]:
        params.setdefault("personFields", "names,metadata")
        page: dict[str, Any] = self.call("GET", "/v1/people/me/connections", params=params)
        return page

    def connection_pages(self, **params: Any) -> list[dict[str, Any]]:
        """Every page of one listing, following nextPageToken with the same parameters."""
        pages = [self.connections(**params)]
        while "nextPageToken" in pages[-1]:
            pages.append(self.connections(**params, pageToken=pages[-1]["nextPageToken"]))
            assert len(pages) < 1000, "paging never ends"
        return pages

    def warm_up_search(self) -> None:
        self.call("GET", "/v1/people:searchContacts", params={"query": "", "readMask": "names"})

    def search(self, query: str, **params: Any) -> list[dict[str, Any]]:
        params.setdefault("readMask", "names,emailAddresses")
        found = self.call("GET", "/v1/people:searchContacts", params={"query": query, **params})
        assert set(found) <= {"results"}
        return [result["person"] for result in found.get("results", [])]


def ada() -> dict[str, Any]:
    """A contact with one value of most field types (after the recorded person.json)."""
    return {
        "names": [
            {
                "givenName": "Ada",
                "familyName": "Lovelace",
                "middleName": "Byron",
                "honorificPrefix": "Dr.",
            }
        ],
        "nicknames": [{"value": "Countess"}],
        "emailAddresses": [
            {"value": "ada.lovelace@example.test", "type": "work"},
            {"value": "ada@home.example.test", "type": "home"},
        ],
        "phoneNumbers": [{"value": "+31 20 123 4567", "type": "work"}],
        "organizations": [{"name": "Analytical Engines BV", "title": "Principal Engineer"}],
        "biographies": [{"value": "Wrote the first program.", "contentType": "TEXT_PLAIN"}],
        "birthdays": [{"date": {"year": 1815, "month": 12, "day": 10}}],
        "addresses": [
            {
                "streetAddress": "Keizersgracht 1",
                "city": "Amsterdam",
                "postalCode": "1015 CJ",
                "country": "Netherlands",
                "countryCode": "NL",
                "type": "work",
            }
        ],
        "urls": [{"value": "https://example.test/ada", "type": "work"}],
        "relations": [{"person": "Charles Babbage", "type": "colleague"}],
        "userDefined": [{"key": "fixture", "value": "conformance"}],
    }


def image_bytes(fmt: str, colour: tuple[int, int, int] = (200, 30, 90), size: int = 8) -> bytes:
    """A small real image in `fmt` (PNG, JPEG, GIF...) drawn with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(buffer, format=fmt)
    return buffer.getvalue()


def png_base64() -> str:
    return base64.b64encode(image_bytes("PNG")).decode()
