"""The Workspace directory: paged listing, a synced copy that follows changes, search, adding
people to My Contacts (one request for many), and a typed error on a personal account."""

from __future__ import annotations

import pytest
from book_harness import ACCOUNT, Books, OpenBook, server_people, writable_view

from peopletui.emulator import Emulator
from peopletui.services.directory import Directory
from peopletui.services.errors import DirectoryUnavailable
from peopletui.services.fields import writable_copy

DOMAIN = ACCOUNT.rpartition("@")[2]


async def _directory(books: Books, emulator: Emulator) -> tuple[Directory, OpenBook]:
    opened = await books.open(emulator)
    return Directory(opened.client, opened.book.create_many), opened


async def test_the_directory_is_listed_a_page_at_a_time(books: Books) -> None:
    emulator = Emulator(contacts=3, seed=71)
    directory, _ = await _directory(books, emulator)

    seen: list[str] = []
    token: str | None = None
    while True:
        page = await directory.list_page(token, page_size=40)
        assert len(page.people) <= 40
        seen += [person["resourceName"] for person in page.people]
        token = page.next_page_token
        if token is None:
            break

    assert len(seen) == len(set(seen)) > 40
    synced = await directory.sync()
    assert synced.full and synced.people == len(seen)
    assert {person["resourceName"] for person in directory.people()} == set(seen)


async def test_a_directory_sync_follows_changes(books: Books) -> None:
    emulator = Emulator(contacts=3, seed=72)
    directory, _ = await _directory(books, emulator)
    await directory.sync()
    leaving = directory.people()[0]["resourceName"]
    emulator.state.remove_directory_person(DOMAIN, leaving)
    joined = emulator.state.add_directory_person(
        DOMAIN,
        {
            "names": [{"givenName": "Newly", "familyName": "Hired"}],
            "emailAddresses": [{"value": f"newly.hired@{DOMAIN}"}],
        },
    )

    report = await directory.sync()

    assert not report.full and report.requests == 1
    assert (report.changed, report.removed) == (1, 1)
    assert directory.get(leaving) is None
    assert (directory.get(joined) or {})["names"][0]["givenName"] == "Newly"


async def test_directory_search_answers_pages_with_a_total(books: Books) -> None:
    emulator = Emulator(contacts=3, seed=73)
    directory, _ = await _directory(books, emulator)
    everyone = await directory.sync()

    page = await directory.search("a", page_size=5)

    assert len(page.people) == 5 and page.next_page_token is not None
    assert page.total is not None and 5 < page.total <= everyone.people


async def test_adding_directory_people_copies_their_writable_fields(books: Books) -> None:
    emulator = Emulator(contacts=3, seed=74)
    directory, opened = await _directory(books, emulator)
    await directory.sync()
    chosen = directory.people()[:3]
    opened.transport.clear()

    result = await directory.add_to_contacts(chosen)

    assert result.all_saved
    assert len(opened.transport.api(":batchCreateContacts")) == 1
    server = await server_people(emulator)
    for person, outcome in zip(chosen, result.outcomes, strict=True):
        added = server[outcome.resource_name or ""]
        expected = writable_view(writable_copy(person, leave_out={"memberships"}))
        view = writable_view(added)
        view.pop("memberships")  # a new contact joins My Contacts
        assert view == expected
    one = await directory.add_to_contacts([directory.people()[3]])
    assert one.all_saved and len(one.outcomes) == 1


async def test_a_personal_account_gets_a_typed_error(books: Books) -> None:
    emulator = Emulator(contacts=3, seed=75, workspace=False)
    directory, _ = await _directory(books, emulator)

    with pytest.raises(DirectoryUnavailable) as raised:
        await directory.list_page()
    assert "Workspace" in str(raised.value)
    with pytest.raises(DirectoryUnavailable):
        await directory.search("a")
    with pytest.raises(DirectoryUnavailable):
        await directory.sync()
