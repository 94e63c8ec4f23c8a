"""Google's own discovery-based Python client drives the emulator through a full cycle.

`googleapiclient` builds its methods from tests/reference/people.v1.discovery.json (no network:
`build_from_document`, pointed at the loopback server with `client_options.api_endpoint`) and
sends exactly what Google's generated clients send: reserved-expansion paths, repeated query keys
for list parameters, `alt=json`, JSON bodies. If the emulator misreads the wire format anywhere,
this client fails the way a real one would. Every answer is also checked against its method's
discovery schema.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from typing import Any

import google_auth_httplib2
import httplib2
import pytest
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError
from support.conformance import Api, image_bytes
from support.discovery_validator import DISCOVERY_PATH, assert_valid_response

from peopletui.emulator import Emulator

STALE_ETAG_MESSAGE = (
    "Request person.etag is different than the current person.etag. Clear local cache and get "
    "the latest person."
)
DIRECTORY_SOURCES = ["DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE", "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT"]


def run(request: Any) -> Any:
    """Execute a googleapiclient request and validate its answer against the discovery schema."""
    result = request.execute(num_retries=0)
    assert_valid_response(request.methodId, result)
    return result


@pytest.fixture
def served(serve: Callable[..., Api]) -> Iterator[tuple[Any, Emulator, str]]:
    emulator = Emulator(contacts=12, seed=9)
    base_url = serve(emulator).base_url
    credentials = Credentials(token=emulator.token)
    http = google_auth_httplib2.AuthorizedHttp(credentials, http=httplib2.Http(timeout=10))
    service = build_from_document(
        DISCOVERY_PATH.read_text(encoding="utf-8"),
        http=http,
        client_options={"api_endpoint": base_url.rstrip("/") + "/"},
    )
    yield service, emulator, base_url
    service.close()


def test_a_full_contact_cycle(served: tuple[Any, Emulator, str]) -> None:
    service, _, _ = served
    people = service.people()

    created = run(
        people.createContact(
            personFields="names,emailAddresses",
            body={
                "names": [{"givenName": "Hedy", "familyName": "Lamarr"}],
                "emailAddresses": [{"value": "hedy@example.test"}],
            },
        )
    )
    name = created["resourceName"]
    assert created["names"][0]["displayName"] == "Hedy Lamarr"
    got = run(people.get(resourceName=name, personFields="names,emailAddresses"))
    assert got == created

    updated = run(
        people.updateContact(
            resourceName=name,
            updatePersonFields="names",
            personFields="names",
            body={"etag": got["etag"], "names": [{"givenName": "Hedwig", "familyName": "Kiesler"}]},
        )
    )
    assert updated["names"][0]["displayNameLastFirst"] == "Kiesler, Hedwig"

    with pytest.raises(HttpError) as stale:
        people.updateContact(
            resourceName=name,
            updatePersonFields="names",
            body={"etag": got["etag"], "names": [{"givenName": "Again"}]},
        ).execute(num_retries=0)
    assert stale.value.status_code == 400
    assert stale.value.reason == STALE_ETAG_MESSAGE
    assert json.loads(stale.value.content)["error"]["status"] == "FAILED_PRECONDITION"

    batch = run(
        people.batchCreateContacts(
            body={
                "contacts": [
                    {"contactPerson": {"names": [{"givenName": f"Batch{i}"}]}} for i in range(3)
                ],
                "readMask": "names",
            }
        )
    )
    batch_people = [r["person"] for r in batch["createdPeople"]]
    batch_names = [p["resourceName"] for p in batch_people]

    found = run(people.getBatchGet(resourceNames=[name, *batch_names], personFields="names"))
    assert [r["requestedResourceName"] for r in found["responses"]] == [name, *batch_names]

    changed = run(
        people.batchUpdateContacts(
            body={
                "contacts": {
                    p["resourceName"]: {**p, "nicknames": [{"value": "batched"}]}
                    for p in batch_people
                },
                "updateMask": "nicknames",
                "readMask": "nicknames",
            }
        )
    )
    assert set(changed["updateResult"]) == set(batch_names)

    assert run(people.batchDeleteContacts(body={"resourceNames": batch_names})) == {}
    assert run(people.deleteContact(resourceName=name)) == {}
    with pytest.raises(HttpError) as gone:
        people.get(resourceName=name, personFields="names").execute(num_retries=0)
    assert gone.value.status_code == 404


def test_connections_paging_and_sync(served: tuple[Any, Emulator, str]) -> None:
    service, _, _ = served
    connections = service.people().connections()
    request = connections.list(
        resourceName="people/me", personFields="names", pageSize=5, requestSyncToken=True
    )
    pages = []
    while request is not None:
        page = run(request)
        pages.append(page)
        request = connections.list_next(request, page)
    assert [len(p["connections"]) for p in pages] == [5, 5, 2]
    assert "nextSyncToken" in pages[-1]
    quiet = run(
        connections.list(
            resourceName="people/me", personFields="names", syncToken=pages[-1]["nextSyncToken"]
        )
    )
    assert set(quiet) == {"nextSyncToken"}


def test_search_with_warmup(served: tuple[Any, Emulator, str]) -> None:
    service, _, _ = served
    people = service.people()
    created = run(
        people.createContact(personFields="names", body={"names": [{"givenName": "Ramanujan"}]})
    )
    run(people.searchContacts(query="", readMask="names"))
    found = run(people.searchContacts(query="raman", readMask="names", pageSize=5))
    assert [r["person"]["resourceName"] for r in found["results"]] == [created["resourceName"]]


def _all_pages(method: Callable[..., Any], **params: Any) -> list[dict[str, Any]]:
    """Follow nextPageToken by hand: the client's own `*_next` helpers raise on repeated query
    parameters such as `sources` (googleapis/google-api-python-client#2178)."""
    pages = [run(method(**params))]
    while "nextPageToken" in pages[-1]:
        pages.append(run(method(**params, pageToken=pages[-1]["nextPageToken"])))
    return pages


def test_directory_list_and_search(served: tuple[Any, Emulator, str]) -> None:
    service, _, _ = served
    people = service.people()
    pages = _all_pages(
        people.listDirectoryPeople,
        readMask="names,emailAddresses",
        sources=DIRECTORY_SOURCES,
        pageSize=4,
        requestSyncToken=True,
    )
    listed = [person for page in pages for person in page.get("people", [])]
    assert len(pages) > 1
    assert "nextSyncToken" in pages[-1]
    first = next(p for p in listed if "names" in p)
    query = first["names"][0]["displayName"][:3]
    pages = _all_pages(
        people.searchDirectoryPeople,
        query=query,
        readMask="names",
        sources=DIRECTORY_SOURCES,
        pageSize=1,
    )
    found = [person for page in pages for person in page.get("people", [])]
    assert first["resourceName"] in {p["resourceName"] for p in found}


def test_photo_update_and_delete(served: tuple[Any, Emulator, str]) -> None:
    service, _, _ = served
    people = service.people()
    created = run(
        people.createContact(personFields="names", body={"names": [{"givenName": "Niépce"}]})
    )
    data = image_bytes("PNG", size=16)
    answer = run(
        people.updateContactPhoto(
            resourceName=created["resourceName"],
            body={"photoBytes": base64.b64encode(data).decode(), "personFields": "photos"},
        )
    )
    url = answer["person"]["photos"][0]["url"]
    response, content = httplib2.Http(timeout=10).request(url)
    assert response.status == 200
    assert response["content-type"] == "image/png"
    assert content == data
    removed = run(
        people.deleteContactPhoto(resourceName=created["resourceName"], personFields="photos")
    )
    assert removed["person"]["photos"][0]["default"] is True
