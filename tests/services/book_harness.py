"""Helpers for the service tests: books on a real emulator (in-process transport) with a real
SQLite cache in a temporary folder, a transport that records what went over the wire, and a
second client that changes the emulator behind the book's back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from support.recording import RecordingTransport

from peopletui.api import ALL_PERSON_FIELDS, PeopleClient, RetryPolicy, StaticTokenAuth
from peopletui.cache.store import CacheStore
from peopletui.emulator import IN_PROCESS_URL, Emulator
from peopletui.services.contacts import ContactBook
from peopletui.services.events import Event
from peopletui.services.fields import WRITABLE_FIELDS, comparable

ACCOUNT = "demo@example.org"
# Tiny waits so that fault runs take seconds; many attempts so that a third of requests
# failing rarely exhausts them (the queue's own retries cover the rest).
FAST_RETRIES = RetryPolicy(max_attempts=12, base_delay=0.0005, max_delay=0.004, deadline=120.0)


@dataclass
class OpenBook:
    book: ContactBook
    client: PeopleClient
    cache: CacheStore
    transport: RecordingTransport
    events: list[Event] = field(default_factory=list)

    def events_of(self, kind: type[Event]) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]


class Books:
    """Opens books (and side clients) on emulators; `close_all` after the test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._books: list[OpenBook] = []
        self._clients: list[PeopleClient] = []

    async def open(
        self,
        emulator: Emulator,
        *,
        start: bool = True,
        wait: bool = True,
        folder: Path | None = None,
        retry: RetryPolicy = FAST_RETRIES,
        auth: httpx.Auth | None = None,
        base_url: str | None = None,
    ) -> OpenBook:
        """A book on a fresh client and the cache in `folder`; started and synced unless told
        otherwise. With `base_url` the client talks to a loopback server over sockets."""
        inner = emulator.transport() if base_url is None else httpx.AsyncHTTPTransport()
        transport = RecordingTransport(inner)
        client = PeopleClient(
            base_url or IN_PROCESS_URL,
            auth=auth or StaticTokenAuth(emulator.token),
            transport=transport,
            retry=retry,
        )
        cache = CacheStore.open_for_account(folder or self.folder, ACCOUNT)
        book = ContactBook(client, cache, retry_delay=0.001, max_retry_delay=0.01)
        opened = OpenBook(book, client, cache, transport)
        book.events.subscribe(opened.events.append)
        self._books.append(opened)
        if start:
            await book.start()
            if wait:
                await book.wait_synced()
        return opened

    async def close(self, opened: OpenBook) -> None:
        if opened in self._books:
            self._books.remove(opened)
            await opened.book.close()
            await opened.client.aclose()
            opened.cache.close()

    def side_client(self, emulator: Emulator) -> PeopleClient:
        """Another app on the same account: changes made behind the book's back."""
        client = PeopleClient(
            IN_PROCESS_URL,
            auth=StaticTokenAuth(emulator.token),
            transport=emulator.transport(),
            retry=FAST_RETRIES,
        )
        self._clients.append(client)
        return client

    async def close_all(self) -> None:
        for opened in list(self._books):
            await self.close(opened)
        for client in self._clients:
            await client.aclose()


async def server_people(emulator: Emulator) -> dict[str, dict[str, Any]]:
    """Every contact on the server now (read without faults), by resource name."""
    saved_faults = emulator.faults
    emulator.set_faults(None)
    try:
        async with PeopleClient(
            IN_PROCESS_URL, auth=StaticTokenAuth(emulator.token), transport=emulator.transport()
        ) as client:
            people = await client.iter_connections(person_fields=ALL_PERSON_FIELDS).all_people()
    finally:
        emulator.faults = saved_faults
    return {str(p.resource_name): p.to_api() for p in people}


def writable_view(person: dict[str, Any] | None) -> dict[str, Any]:
    """A person's writable fields as compared by the services (server-made parts left out)."""
    person = person or {}
    view = {name: comparable(name, person.get(name)) for name in WRITABLE_FIELDS}
    return {name: value for name, value in view.items() if value is not None}


def book_view(book: ContactBook) -> dict[str, str | None]:
    """The in-memory book as resource name -> etag."""
    return {name: (book.get(name) or {}).get("etag") for name in book.names_in_order()}


def cache_view(cache: CacheStore) -> dict[str, str | None]:
    return {p["resourceName"]: p.get("etag") for p in cache.load_all()}
