"""Reading contacts again: one by people.get, many by getBatchGet (200 names a request); the
server's version replaces the book's, a contact deleted elsewhere leaves the book; and the photo
the UI shows is downloaded through the book's client."""

from __future__ import annotations

from book_harness import ACCOUNT, Books

from peopletui.emulator import Emulator
from peopletui.services.events import BookChanged
from peopletui.services.refresh import shown_photo_url


async def test_refreshing_one_contact_uses_people_get_and_keeps_the_servers_version(
    books: Books,
) -> None:
    emulator = Emulator(contacts=20, seed=3)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[0]
    etag = emulator.state.edit_contact(ACCOUNT, name, {"nicknames": [{"value": "Refreshed"}]})
    opened.transport.clear()

    report = await opened.book.refresh([name])

    assert report.refreshed == (name,) and report.gone == () and report.requests == 1
    gets = opened.transport.api()
    assert len(gets) == 1 and gets[0].path == f"/v1/{name}"
    person = opened.book.get(name) or {}
    assert person["etag"] == etag
    assert [n["value"] for n in person["nicknames"]] == ["Refreshed"]
    assert {p["resourceName"] for p in opened.cache.load_all()} >= {name}
    assert any(isinstance(e, BookChanged) and name in e.changed for e in opened.events)


async def test_refreshing_many_uses_batch_get_in_chunks_and_drops_the_deleted(
    books: Books,
) -> None:
    emulator = Emulator(contacts=250, seed=4)
    opened = await books.open(emulator)
    names = opened.book.names_in_order()[:230]
    gone = names[5]
    emulator.state.delete_contact(ACCOUNT, gone)
    edited = names[200]
    emulator.state.edit_contact(ACCOUNT, edited, {"nicknames": [{"value": "Batch"}]})
    opened.transport.clear()

    report = await opened.book.refresh(names)

    batch_gets = opened.transport.api(":batchGet")
    assert len(batch_gets) >= 2  # 230 names at 200 a request
    assert all("resourceNames" in sent.params for sent in batch_gets)
    assert report.gone == (gone,)
    assert len(report.refreshed) == 229 and report.failed == 0
    assert gone not in opened.book
    assert [n["value"] for n in (opened.book.get(edited) or {})["nicknames"]] == ["Batch"]


async def test_refreshing_a_contact_deleted_elsewhere_removes_it(books: Books) -> None:
    emulator = Emulator(contacts=10, seed=5)
    opened = await books.open(emulator)
    name = opened.book.names_in_order()[2]
    emulator.state.delete_contact(ACCOUNT, name)

    report = await opened.book.refresh([name])

    assert report.gone == (name,)
    assert name not in opened.book
    assert name not in {p["resourceName"] for p in opened.cache.load_all()}


async def test_the_shown_photo_downloads_through_the_books_client(books: Books) -> None:
    emulator = Emulator(contacts=60, seed=0)
    opened = await books.open(emulator)
    with_photo = [
        name
        for name in opened.book.names_in_order()
        if shown_photo_url(opened.book.get(name) or {}) is not None
    ]
    assert with_photo, "the demo seed gives some contacts a photo"
    url = shown_photo_url(opened.book.get(with_photo[0]) or {})
    assert url is not None

    image = await opened.book.photo_bytes(url)

    assert image[:3] == b"\xff\xd8\xff" or image[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_default_letter_avatar_is_never_shown() -> None:
    default = {"url": "https://example.invalid/a", "default": True}
    profile = {"url": "https://example.invalid/p", "metadata": {"source": {"type": "PROFILE"}}}
    own = {"url": "https://example.invalid/c", "metadata": {"source": {"type": "CONTACT"}}}
    assert shown_photo_url({"photos": [default]}) is None
    assert shown_photo_url({"photos": [default, profile]}) == profile["url"]
    assert shown_photo_url({"photos": [profile, own]}) == own["url"]
