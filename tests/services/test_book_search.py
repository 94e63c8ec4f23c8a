"""Search: the local index answers as you type; while the first full sync is still under way
the server's searchContacts fills in, always after the warmup Google asks for."""

from __future__ import annotations

from book_harness import Books, server_people

from peopletui.emulator import Emulator


async def test_the_local_index_finds_people_by_any_part(books: Books) -> None:
    emulator = Emulator(contacts=300, seed=91)
    opened = await books.open(emulator)
    person = next(
        p
        for p in (opened.book.get(n) or {} for n in opened.book.names_in_order())
        if p.get("emailAddresses") and p.get("names")
    )
    email = person["emailAddresses"][0]["value"]
    family = person["names"][0].get("familyName") or person["names"][0]["givenName"]
    opened.transport.clear()

    assert person["resourceName"] in opened.book.search(email).resource_names
    assert person["resourceName"] in opened.book.search(family[:3]).resource_names
    assert opened.book.search("").total == 300
    assert opened.transport.sent == []  # all local


async def test_an_incomplete_book_asks_the_server_after_the_warmup(books: Books) -> None:
    emulator = Emulator(contacts=300, seed=92)
    target = next(p for p in (await server_people(emulator)).values() if p.get("names"))
    given = target["names"][0]["givenName"]
    opened = await books.open(emulator, start=False)
    await opened.book.start(sync=False)  # as if the first sync had not finished yet
    assert not opened.book.complete and len(opened.book) == 0

    found = await opened.book.search_server(given)

    assert target["resourceName"] in [p["resourceName"] for p in found]
    queries = [s.params["query"] for s in opened.transport.api(":searchContacts")]
    assert queries == ["", given]  # the warmup went first


async def test_server_search_sees_our_own_new_contact(books: Books) -> None:
    emulator = Emulator(contacts=50, seed=93)
    opened = await books.open(emulator, start=False)
    await opened.book.start(sync=False)
    assert await opened.book.search_server("Quetzalcoatl") == []
    created = await opened.book.create({"names": [{"givenName": "Quetzalcoatl"}]})
    opened.transport.clear()

    found = await opened.book.search_server("Quetzal")

    assert [p["resourceName"] for p in found] == [created.resource_name]
    # Google's search cache lags writes until a warmup: one was sent again first.
    assert [s.params["query"] for s in opened.transport.api()] == ["", "Quetzal"]
