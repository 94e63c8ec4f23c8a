"""Saving an edit against a contact someone else changed meanwhile: fields changed on one side
merge by themselves, a field changed on both sides comes back as a conflict with both values,
and nothing the user typed is lost either way."""

from __future__ import annotations

from typing import Any

from book_harness import Books, server_people, writable_view

from peopletui.api import PeopleClient
from peopletui.api.models import Person
from peopletui.cache.records import DraftStatus
from peopletui.emulator import Emulator
from peopletui.services.events import WriteConflict
from peopletui.services.fields import comparable
from peopletui.services.results import SaveStatus

MY_NICKNAME = [{"value": "Mine ✍️"}]
THEIR_NICKNAME = [{"value": "Theirs"}]
THEIR_ORGANIZATION = [{"name": "Elsewhere Ltd", "title": "Editor"}]


async def _change_elsewhere(other: PeopleClient, name: str, fields: dict[str, Any]) -> None:
    current = await other.get_person(name, person_fields={"metadata"})
    await other.update_contact(
        name,
        Person.from_api({**fields, "etag": current.etag}),
        update_person_fields=set(fields),  # type: ignore[arg-type]
    )


async def test_an_edit_sends_only_the_changed_fields_with_its_versions_etag(
    books: Books,
) -> None:
    emulator = Emulator(contacts=5, seed=21)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = MY_NICKNAME
    edit.values["names"] = edit.base["names"]  # touched but unchanged: not sent
    opened.transport.clear()

    outcome = await opened.book.save(edit)

    assert outcome.status is SaveStatus.SAVED
    [update] = opened.transport.api(":updateContact")
    assert update.params["updatePersonFields"] == "nicknames"
    assert update.json()["etag"] == edit.base["etag"]
    assert set(update.json()) == {"etag", "nicknames"}
    saved = opened.book.get(name)
    assert saved is not None and comparable("nicknames", saved["nicknames"]) == MY_NICKNAME
    assert await opened.book.waiting_drafts() == []
    assert opened.cache.drafts_list_pending() == []


async def test_changes_to_different_fields_merge_by_themselves(books: Books) -> None:
    emulator = Emulator(contacts=5, seed=22)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)  # the version the user starts from
    edit.values["nicknames"] = MY_NICKNAME
    await _change_elsewhere(
        books.side_client(emulator), name, {"organizations": THEIR_ORGANIZATION}
    )

    outcome = await opened.book.save(edit)

    assert outcome.status is SaveStatus.SAVED
    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == MY_NICKNAME
    assert comparable("organizations", server["organizations"]) == THEIR_ORGANIZATION
    # The stale etag was refused once, then only my field went with the new etag.
    updates = opened.transport.api(":updateContact")
    assert [u.params["updatePersonFields"] for u in updates] == ["nicknames", "nicknames"]
    assert updates[1].json()["etag"] != edit.base["etag"]
    assert writable_view(opened.book.get(name)) == writable_view(server)


async def test_a_field_changed_on_both_sides_comes_back_as_a_conflict(books: Books) -> None:
    emulator = Emulator(contacts=5, seed=23)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = MY_NICKNAME
    edit.values["organizations"] = [{"name": "Mine Inc"}]
    await _change_elsewhere(books.side_client(emulator), name, {"nicknames": THEIR_NICKNAME})

    outcome = await opened.book.save(edit)

    assert outcome.status is SaveStatus.CONFLICT
    [conflict] = outcome.conflicts
    assert conflict.field == "nicknames"
    assert conflict.mine == MY_NICKNAME
    assert comparable("nicknames", conflict.theirs) == THEIR_NICKNAME
    assert comparable("nicknames", conflict.base) == comparable(
        "nicknames", edit.base.get("nicknames")
    )
    # Nothing was written over their change, and everything I typed is kept as a draft.
    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == THEIR_NICKNAME
    [waiting] = await opened.book.waiting_drafts()
    assert waiting.status is DraftStatus.CONFLICT
    assert waiting.changes["nicknames"] == MY_NICKNAME
    assert waiting.changes["organizations"] == [{"name": "Mine Inc"}]
    assert [e.fields for e in opened.events_of(WriteConflict)] == [("nicknames",)]


async def test_the_draft_in_conflict_survives_a_restart_and_resolves_as_mine(
    books: Books,
) -> None:
    emulator = Emulator(contacts=5, seed=24)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = MY_NICKNAME
    edit.values["organizations"] = [{"name": "Mine Inc"}]
    await _change_elsewhere(books.side_client(emulator), name, {"nicknames": THEIR_NICKNAME})
    first = await opened.book.save(edit)
    assert first.status is SaveStatus.CONFLICT
    await books.close(opened)

    reopened = await books.open(emulator)
    [waiting] = await reopened.book.waiting_drafts()
    assert waiting.id == first.draft_id
    outcome = await reopened.book.resolve_conflict(waiting.id, {"nicknames": "mine"})

    assert outcome.status is SaveStatus.SAVED
    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == MY_NICKNAME
    assert comparable("organizations", server["organizations"]) == [{"name": "Mine Inc"}]
    assert await reopened.book.waiting_drafts() == []


async def test_resolving_as_theirs_keeps_their_value_and_my_other_fields(
    books: Books,
) -> None:
    emulator = Emulator(contacts=5, seed=25)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = MY_NICKNAME
    edit.values["organizations"] = [{"name": "Mine Inc"}]
    await _change_elsewhere(books.side_client(emulator), name, {"nicknames": THEIR_NICKNAME})
    conflict = await opened.book.save(edit)

    outcome = await opened.book.resolve_conflict(conflict.draft_id, {"nicknames": "theirs"})

    assert outcome.status is SaveStatus.SAVED
    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == THEIR_NICKNAME
    assert comparable("organizations", server["organizations"]) == [{"name": "Mine Inc"}]
    assert writable_view(opened.book.get(name)) == writable_view(server)


async def test_a_conflict_left_open_is_asked_again_when_the_contact_moved_on(
    books: Books,
) -> None:
    emulator = Emulator(contacts=5, seed=26)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = MY_NICKNAME
    edit.values["organizations"] = [{"name": "Mine Inc"}]
    other = books.side_client(emulator)
    await _change_elsewhere(other, name, {"nicknames": THEIR_NICKNAME})
    conflict = await opened.book.save(edit)
    # While the user decides about the nickname, someone changes the organization too.
    await _change_elsewhere(other, name, {"organizations": THEIR_ORGANIZATION})

    again = await opened.book.resolve_conflict(conflict.draft_id, {"nicknames": "mine"})

    assert again.status is SaveStatus.CONFLICT
    assert [c.field for c in again.conflicts] == ["organizations"]
    final = await opened.book.resolve_conflict(
        conflict.draft_id, {"nicknames": "mine", "organizations": "mine"}
    )
    assert final.status is SaveStatus.SAVED
    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == MY_NICKNAME
    assert comparable("organizations", server["organizations"]) == [{"name": "Mine Inc"}]
