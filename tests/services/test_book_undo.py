"""Undo puts the server back as it was, for every kind of change: an update is reverted, a
deletion re-created with all its fields and its photo, a creation deleted, a photo change
reversed; a change over many contacts is undone as one step, and undo can be repeated."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from book_harness import Books, OpenBook, server_people, writable_view
from PIL import Image

from peopletui.emulator import Emulator
from peopletui.services.events import UndoDone
from peopletui.services.fields import custom_photo_url


def _png(colour: str, size: int = 24) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, "PNG")
    return out.getvalue()


async def _photo_of(opened: OpenBook, person: dict[str, Any]) -> bytes | None:
    url = custom_photo_url(person)
    return None if url is None else await opened.client.download_photo(url)


def _with_photo(opened: OpenBook, wanted: bool) -> str:
    for name in opened.book.names_in_order():
        person = opened.book.get(name) or {}
        if (custom_photo_url(person) is not None) == wanted:
            return name
    raise AssertionError("the seeded book has no such contact")


def _views(people: dict[str, dict[str, Any]]) -> Counter[str]:
    """The server's contacts as a multiset of their writable content (names change when a
    deleted contact is re-created)."""
    return Counter(repr(sorted(writable_view(p).items())) for p in people.values())


async def test_undo_of_an_update_restores_the_earlier_fields(books: Books) -> None:
    emulator = Emulator(contacts=6, seed=51)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    before = (await server_people(emulator))[name]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = [{"value": "Temporary"}]
    edit.values["emailAddresses"] = []
    assert (await opened.book.save(edit)).saved

    undone = await opened.book.undo()

    assert undone.done
    after = (await server_people(emulator))[name]
    assert writable_view(after) == writable_view(before)
    assert writable_view(opened.book.get(name)) == writable_view(before)
    assert opened.events_of(UndoDone)[-1].kinds == ("update",)


async def test_undo_of_a_creation_deletes_it(books: Books) -> None:
    emulator = Emulator(contacts=6, seed=52)
    opened = await books.open(emulator)
    before = await server_people(emulator)
    created = await opened.book.create({"names": [{"givenName": "Short", "familyName": "Lived"}]})
    assert created.saved and created.resource_name in opened.book

    assert (await opened.book.undo()).done

    assert await server_people(emulator) == before
    assert created.resource_name not in opened.book


async def test_undo_of_a_deletion_recreates_every_field_and_the_photo(books: Books) -> None:
    emulator = Emulator(contacts=30, seed=53)
    opened = await books.open(emulator)
    name = _with_photo(opened, True)
    before = (await server_people(emulator))[name]
    photo = await _photo_of(opened, before)
    assert photo is not None
    assert (await opened.book.delete(name)).saved
    assert name not in await server_people(emulator)

    undone = await opened.book.undo()

    assert undone.done
    [outcome] = undone.outcomes
    recreated = (await server_people(emulator))[outcome.resource_name or ""]
    assert writable_view(recreated) == writable_view(before)
    assert await _photo_of(opened, recreated) == photo
    assert outcome.resource_name in opened.book


async def test_undo_of_a_new_photo_puts_the_old_one_back(books: Books) -> None:
    emulator = Emulator(contacts=30, seed=54)
    opened = await books.open(emulator)
    name = _with_photo(opened, True)
    old = await _photo_of(opened, opened.book.get(name) or {})
    assert (await opened.book.set_photo(name, _png("red"))).saved
    assert await _photo_of(opened, (await server_people(emulator))[name]) == _png("red")

    assert (await opened.book.undo()).done

    assert await _photo_of(opened, (await server_people(emulator))[name]) == old


async def test_undo_of_a_first_photo_removes_it(books: Books) -> None:
    emulator = Emulator(contacts=30, seed=55)
    opened = await books.open(emulator)
    name = _with_photo(opened, False)
    assert (await opened.book.set_photo(name, _png("blue"))).saved

    assert (await opened.book.undo()).done

    person = (await server_people(emulator))[name]
    assert custom_photo_url(person) is None
    assert all(photo.get("default") for photo in person.get("photos", []))


async def test_undo_of_a_removed_photo_restores_it(books: Books) -> None:
    emulator = Emulator(contacts=30, seed=56)
    opened = await books.open(emulator)
    name = _with_photo(opened, True)
    old = await _photo_of(opened, opened.book.get(name) or {})
    assert (await opened.book.delete_photo(name)).saved
    assert custom_photo_url((await server_people(emulator))[name]) is None

    assert (await opened.book.undo()).done

    assert await _photo_of(opened, (await server_people(emulator))[name]) == old


async def test_a_batch_deletion_is_undone_as_one_step(books: Books) -> None:
    emulator = Emulator(contacts=320, seed=57)
    opened = await books.open(emulator)
    before = await server_people(emulator)
    chosen = opened.book.names_in_order()[:300]
    opened.transport.clear()
    deleted = await opened.book.delete_many(chosen)
    assert deleted.all_saved and len(opened.book) == 20
    assert len(opened.transport.api(":batchDeleteContacts")) == 1
    opened.transport.clear()

    undone = await opened.book.undo()

    assert undone.done and len(undone.outcomes) == 300
    # 300 re-creations in batches of 200, then each kept photo uploaded again.
    assert len(opened.transport.api(":batchCreateContacts")) == 2
    assert _views(await server_people(emulator)) == _views(before)
    assert len(opened.book) == 320
    assert not await opened.book.can_undo()


async def test_a_batch_creation_is_undone_in_one_request(books: Books) -> None:
    emulator = Emulator(contacts=5, seed=58)
    opened = await books.open(emulator)
    before = await server_people(emulator)
    created = await opened.book.create_many(
        [{"names": [{"givenName": f"Imported {i}"}]} for i in range(250)]
    )
    assert created.all_saved and len(opened.book) == 255
    opened.transport.clear()

    assert (await opened.book.undo()).done

    assert len(opened.transport.api()) == 1  # one batchDeleteContacts for all 250
    assert await server_people(emulator) == before
    assert len(opened.book) == 5


async def test_undo_goes_back_step_by_step(books: Books) -> None:
    emulator = Emulator(contacts=6, seed=59)
    opened = await books.open(emulator)
    original = await server_people(emulator)
    name = opened.book.names_in_order()[0]
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = [{"value": "Step one"}]
    assert (await opened.book.save(edit)).saved
    assert (await opened.book.delete(name)).saved

    first = await opened.book.undo()  # the deletion: re-created under a new name
    second = await opened.book.undo()  # the edit, applied to the re-created contact

    assert first.done and second.done
    assert _views(await server_people(emulator)) == _views(original)
    assert not await opened.book.can_undo()
    assert not (await opened.book.undo()).outcomes  # nothing left to undo
