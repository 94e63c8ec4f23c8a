"""Every write method of PeopleClient against the emulator."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image

from peopletui.api import (
    ALL_PERSON_FIELDS,
    ALL_UPDATE_FIELDS,
    BadRequest,
    EtagConflict,
    NotFound,
    PeopleClient,
    Person,
)
from peopletui.api.models import Name, Nickname
from peopletui.api.optags import OP_KEY

if TYPE_CHECKING:
    from api.conftest import RecordingTransport

    from peopletui.emulator import Emulator

# One value of every field type updateContact can write (see the updatePersonFields mask).
EVERY_FIELD: dict[str, Any] = {
    "names": [
        {
            "givenName": "Ada",
            "middleName": "King",
            "familyName": "Lovelace",
            "honorificPrefix": "Countess",
            "honorificSuffix": "FRS",
            "phoneticGivenName": "Ay-da",
            "phoneticFamilyName": "Luv-lace",
        }
    ],
    "nicknames": [{"value": "Ada", "type": "ALTERNATE_NAME"}],
    "emailAddresses": [{"value": "ada@example.test", "type": "work", "displayName": "Ada L."}],
    "phoneNumbers": [{"value": "+44 20 7946 0018", "type": "mobile"}],
    "addresses": [
        {
            "streetAddress": "12 St James's Square",
            "extendedAddress": "Flat 2",
            "poBox": "PO 7",
            "city": "London",
            "region": "Greater London",
            "postalCode": "SW1Y 4JH",
            "country": "United Kingdom",
            "countryCode": "GB",
            "type": "home",
        }
    ],
    "biographies": [{"value": "Wrote the first program.", "contentType": "TEXT_PLAIN"}],
    "birthdays": [{"date": {"year": 1815, "month": 12, "day": 10}}],
    "calendarUrls": [{"url": "https://calendar.example.test/ada", "type": "work"}],
    "clientData": [{"key": "app.colour", "value": "teal"}],
    "events": [{"date": {"month": 11, "day": 27}, "type": "anniversary"}],
    "externalIds": [{"value": "AL-1815", "type": "account"}],
    "genders": [{"value": "female", "addressMeAs": "she"}],
    "imClients": [{"username": "ada", "protocol": "jabber", "type": "home"}],
    "interests": [{"value": "Analytical engines"}],
    "locales": [{"value": "en-GB"}],
    "locations": [{"value": "Desk 5", "type": "desk", "buildingId": "B1", "current": True}],
    "memberships": [
        {"contactGroupMembership": {"contactGroupResourceName": "contactGroups/myContacts"}}
    ],
    "miscKeywords": [{"value": "VIP", "type": "OUTLOOK_KEYWORD"}],
    "occupations": [{"value": "Mathematician"}],
    "organizations": [
        {
            "name": "Analytical Society",
            "title": "Member",
            "department": "Mathematics",
            "type": "work",
            "startDate": {"year": 1833, "month": 6, "day": 5},
            "current": True,
        }
    ],
    "relations": [{"person": "Charles Babbage", "type": "friend"}],
    "sipAddresses": [{"value": "sip:ada@example.test", "type": "work"}],
    "urls": [{"value": "https://example.test/ada", "type": "homePage"}],
    "userDefined": [{"key": "favourite number", "value": "Bernoulli"}],
}


def _holds(current: Any, sent: Any) -> bool:
    """The server's value keeps everything sent (it may add computed keys and metadata)."""
    if isinstance(sent, dict):
        return isinstance(current, dict) and all(_holds(current.get(k), v) for k, v in sent.items())
    if isinstance(sent, list):
        return (
            isinstance(current, list)
            and len(current) == len(sent)
            and all(_holds(c, s) for c, s in zip(current, sent, strict=True))
        )
    return current == sent


def _content(person: Person) -> dict[str, Any]:
    """A person's JSON without what changes on every write (etags, update times)."""
    data = person.to_api()
    data.pop("etag", None)
    for source in (data.get("metadata") or {}).get("sources") or []:
        source.pop("etag", None)
        source.pop("updateTime", None)
    return data


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


async def test_a_person_with_every_field_survives_create_get_update_get(
    client: PeopleClient,
) -> None:
    created = await client.create_contact(
        Person.model_validate(EVERY_FIELD), person_fields=ALL_PERSON_FIELDS
    )
    assert created.resource_name and created.etag
    before = await client.get_person(created.resource_name, person_fields=ALL_PERSON_FIELDS)
    sent_back = before.to_api()
    for field, value in EVERY_FIELD.items():
        assert _holds(sent_back.get(field), value), field
    assert _content(before) == _content(created)

    # Change one field: nothing else may move.
    change = Person(etag=before.etag, nicknames=[Nickname(value="Enchantress of Numbers")])
    await client.update_contact(created.resource_name, change, update_person_fields={"nicknames"})
    after = await client.get_person(created.resource_name, person_fields=ALL_PERSON_FIELDS)
    assert after.etag != before.etag
    assert after.nicknames and after.nicknames[0].value == "Enchantress of Numbers"
    unchanged_before = {k: v for k, v in _content(before).items() if k != "nicknames"}
    unchanged_after = {k: v for k, v in _content(after).items() if k != "nicknames"}
    assert unchanged_after == unchanged_before

    # Write the whole person back as read: nothing is lost.
    await client.update_contact(
        created.resource_name, after, update_person_fields=ALL_UPDATE_FIELDS
    )
    final = await client.get_person(created.resource_name, person_fields=ALL_PERSON_FIELDS)
    assert _content(final) == _content(after)


async def test_the_operation_tag_never_reaches_the_caller(client: PeopleClient) -> None:
    person = Person.model_validate(
        {"names": [{"givenName": "Tagged"}], "clientData": [{"key": "mine", "value": "1"}]}
    )
    created = await client.create_contact(person, person_fields={"clientData", "names"})
    assert [(c.key, c.value) for c in created.client_data or []] == [("mine", "1")]
    assert created.resource_name
    read = await client.get_person(created.resource_name, person_fields={"clientData"})
    assert [c.key for c in read.client_data or []] == ["mine"]
    listed = await client.iter_connections(person_fields={"clientData"}).all_people()
    assert all(OP_KEY not in {c.key for c in p.client_data or []} for p in listed)


async def test_a_stale_etag_is_an_etag_conflict(client: PeopleClient) -> None:
    created = await client.create_contact(Person(names=[Name(given_name="Etag")]))
    assert created.resource_name
    first = Person(etag=created.etag, names=[Name(given_name="Etag", family_name="One")])
    await client.update_contact(created.resource_name, first, update_person_fields={"names"})
    stale = Person(etag=created.etag, names=[Name(given_name="Etag", family_name="Two")])
    with pytest.raises(EtagConflict) as caught:
        await client.update_contact(created.resource_name, stale, update_person_fields={"names"})
    assert caught.value.status == "FAILED_PRECONDITION"
    no_etag = Person(names=[Name(given_name="Etag", family_name="Three")])
    with pytest.raises(EtagConflict):
        await client.update_contact(created.resource_name, no_etag, update_person_fields={"names"})


async def test_update_sends_googles_path_and_masks(
    wired: tuple[PeopleClient, RecordingTransport],
) -> None:
    client, transport = wired
    created = await client.create_contact(Person(names=[Name(given_name="Path")]))
    assert created.resource_name
    change = Person(etag=created.etag, names=[Name(given_name="Path", family_name="Checked")])
    await client.update_contact(
        created.resource_name,
        change,
        update_person_fields={"names"},
        person_fields={"names", "emailAddresses"},
    )
    request = transport.api_requests("updateContact")[-1]
    assert request.method == "PATCH"
    assert request.url.raw_path.decode().split("?")[0] == (
        f"/v1/{created.resource_name}:updateContact"
    )
    assert request.url.params["updatePersonFields"] == "names"
    assert request.url.params["personFields"] == "emailAddresses,names"


async def test_delete_contact_then_it_is_gone(client: PeopleClient) -> None:
    created = await client.create_contact(Person(names=[Name(given_name="Doomed")]))
    assert created.resource_name
    await client.delete_contact(created.resource_name)
    with pytest.raises(NotFound):
        await client.get_person(created.resource_name, person_fields={"names"})
    with pytest.raises(NotFound):  # no unknown outcome: a second delete is a real 404
        await client.delete_contact(created.resource_name)


async def test_photo_upload_and_removal(client: PeopleClient) -> None:
    created = await client.create_contact(Person(names=[Name(given_name="Photo")]))
    assert created.resource_name
    for kind in ("PNG", "JPEG"):
        answer = await client.update_contact_photo(
            created.resource_name, _image(kind), person_fields={"photos"}
        )
        assert answer.person and answer.person.photos
        assert any(not photo.default for photo in answer.person.photos)
    removed = await client.delete_contact_photo(created.resource_name, person_fields={"photos"})
    assert removed.person is not None
    assert all(photo.default for photo in removed.person.photos or [])


async def test_a_gif_photo_is_refused_with_googles_message(client: PeopleClient) -> None:
    created = await client.create_contact(Person(names=[Name(given_name="Gif")]))
    assert created.resource_name
    with pytest.raises(BadRequest) as caught:
        await client.update_contact_photo(created.resource_name, _image("GIF"))
    assert type(caught.value) is BadRequest
    assert caught.value.message == "Invalid photo format"


async def test_batch_methods_create_update_and_delete(client: PeopleClient) -> None:
    people = [Person(names=[Name(given_name=f"Batch{i}")]) for i in range(3)]
    created = await client.batch_create_contacts(people, read_mask={"names"})
    persons = [r.person for r in created.created_people or [] if r.person]
    assert [p.names[0].given_name for p in persons if p.names] == ["Batch0", "Batch1", "Batch2"]
    changes = {
        p.resource_name: Person(etag=p.etag, names=[Name(given_name=f"Renamed{i}")])
        for i, p in enumerate(persons)
        if p.resource_name
    }
    updated = await client.batch_update_contacts(
        changes, update_mask={"names"}, read_mask={"names"}
    )
    assert updated.update_result and set(updated.update_result) == set(changes)
    await client.batch_delete_contacts(list(changes))
    answer = await client.get_people(list(changes), person_fields={"names"})
    assert all(r.person is None for r in answer.responses or [])


async def test_an_unchanged_person_is_not_modified_by_a_model_round_trip(
    client: PeopleClient,
) -> None:
    created = await client.create_contact(
        Person.model_validate(copy.deepcopy(EVERY_FIELD)), person_fields=ALL_PERSON_FIELDS
    )
    reparsed = Person.model_validate_json(
        created.model_dump_json(by_alias=True, exclude_unset=True)
    )
    assert reparsed.to_api() == created.to_api()


async def test_missing_contact_update_is_not_found(
    emulator: Emulator, connect: Callable[..., tuple[PeopleClient, RecordingTransport]]
) -> None:
    client, _ = connect(emulator)
    with pytest.raises(NotFound):
        await client.update_contact(
            "people/c424242424242",
            Person(etag="%EgUBAj0", names=[Name(given_name="Nobody")]),
            update_person_fields={"names"},
        )
