"""Changes over many contacts are cut into the API's limits (200 creates or updates, 500
deletes a request) and report each contact's own result."""

from __future__ import annotations

from book_harness import ACCOUNT, Books, book_view, server_people

from peopletui.emulator import Emulator
from peopletui.services.fields import comparable
from peopletui.services.results import SaveStatus


async def test_deleting_500_selected_contacts_is_one_request(books: Books) -> None:
    emulator = Emulator(contacts=520, seed=61)
    opened = await books.open(emulator)
    chosen = opened.book.names_in_order()[10:510]
    opened.transport.clear()

    result = await opened.book.delete_many(chosen)

    assert result.all_saved and len(result.outcomes) == 500
    assert [s.path for s in opened.transport.api()] == ["/v1/people:batchDeleteContacts"]
    assert len(opened.book) == 20
    server = await server_people(emulator)
    assert not set(chosen) & set(server)
    assert book_view(opened.book) == {name: p["etag"] for name, p in server.items()}


async def test_creating_450_contacts_takes_three_requests(books: Books) -> None:
    emulator = Emulator(contacts=3, seed=62)
    opened = await books.open(emulator)
    opened.transport.clear()

    result = await opened.book.create_many(
        [{"names": [{"givenName": f"Guest {i:03d}"}]} for i in range(450)]
    )

    assert result.all_saved
    assert len(opened.transport.api(":batchCreateContacts")) == 3  # 200 + 200 + 50
    assert len(opened.transport.api()) == 3
    names = [outcome.resource_name for outcome in result.outcomes]
    assert len(set(names)) == 450 and all(name in opened.book for name in names)
    # Outcomes come back in the order the contacts were given.
    first = opened.book.get(names[0]) or {}
    assert first["names"][0]["givenName"] == "Guest 000"
    assert len(await server_people(emulator)) == 453


async def test_a_batch_update_reports_each_contact(books: Books) -> None:
    emulator = Emulator(contacts=12, seed=63)
    opened = await books.open(emulator)
    names = opened.book.names_in_order()[:5]
    organisation = [{"name": "Merged Org", "title": "Member"}]
    values = {name: {"organizations": organisation} for name in names}
    gone = names[2]
    emulator.state.delete_contact(ACCOUNT, gone)  # deleted elsewhere meanwhile
    opened.transport.clear()

    result = await opened.book.update_many(values)

    statuses = [outcome.status for outcome in result.outcomes]
    assert statuses[2] is SaveStatus.FAILED
    assert statuses[:2] + statuses[3:] == [SaveStatus.SAVED] * 4
    assert "no longer exists" in result.outcomes[2].message
    server = await server_people(emulator)
    for name in names[:2] + names[3:]:
        assert comparable("organizations", server[name]["organizations"]) == organisation
    # The refused change stays as a draft, nothing the user asked for is dropped.
    [waiting] = await opened.book.waiting_drafts()
    assert waiting.resource_name == gone
    await opened.book.discard_draft(waiting.id)
    assert await opened.book.waiting_drafts() == []


async def test_unchanged_contacts_in_a_batch_update_send_nothing(books: Books) -> None:
    emulator = Emulator(contacts=4, seed=64)
    opened = await books.open(emulator)
    names = opened.book.names_in_order()
    same = {name: {"names": (opened.book.get(name) or {}).get("names", [])} for name in names}
    opened.transport.clear()

    result = await opened.book.update_many(same)

    assert result.all_saved and opened.transport.api() == []
