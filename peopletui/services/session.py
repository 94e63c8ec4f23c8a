"""`Session`: the real services of one account, built in one place.

    session = Session.demo()                                  # in-process emulator
    session = Session.for_endpoint(url, token, account=...)   # e.g. a `peopletui emulator`
    session = Session.for_google(auth, account)               # the auth helper's httpx.Auth
    async with session:                                       # starts the book; closes it all
        session.book.search("ada")

Each session owns one `PeopleClient` (one long-lived httpx client), one cache file in the user
cache dir (named per account), the `ContactBook` and the `Directory`.

The demo book lives in memory unless a `state_file` keeps it: without one, its cache goes to a
temporary folder removed on close, since a cache of a book that no longer exists (new resource
names, pending drafts) would only get in the way of the next demo.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

import httpx

from peopletui import paths
from peopletui.api import GOOGLE_BASE_URL, PeopleClient, RetryPolicy, StaticTokenAuth
from peopletui.cache.preview import endpoint_account
from peopletui.cache.store import CacheStore
from peopletui.services.contacts import ContactBook
from peopletui.services.directory import Directory

if TYPE_CHECKING:
    from peopletui.emulator import Emulator


@dataclass
class Session:
    account: str
    """The name the cache file is kept under (the account's email, or a demo/endpoint label)."""
    client: PeopleClient
    cache: CacheStore
    book: ContactBook
    directory: Directory
    emulator: Emulator | None = None
    """The in-process emulator of a demo session (tests change it behind the book's back)."""
    _temporary: Path | None = field(default=None, repr=False)

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def demo(
        cls,
        *,
        contacts: int = 200,
        seed: int = 0,
        state_file: Path | None = None,
        faults: str | None = None,
        cache_dir: Path | None = None,
        retry: RetryPolicy | None = None,
    ) -> Session:
        """The built-in emulator with seeded demo contacts; no network, no account."""
        from peopletui.emulator import IN_PROCESS_URL, Emulator

        emulator = Emulator(contacts=contacts, seed=seed, state_file=state_file, faults=faults)

        def make_client() -> PeopleClient:
            return PeopleClient(
                IN_PROCESS_URL,
                auth=StaticTokenAuth(emulator.token),
                transport=emulator.transport(),
                retry=retry,
            )

        temporary = None
        if state_file is None and cache_dir is None:
            temporary = Path(tempfile.mkdtemp(prefix="peopletui-demo-"))
        session = cls._build(f"demo:{emulator.account}", make_client, temporary or cache_dir)
        session.emulator, session._temporary = emulator, temporary
        return session

    @classmethod
    def for_endpoint(
        cls,
        url: str,
        token: str,
        *,
        account: str | None = None,
        cache_dir: Path | None = None,
        retry: RetryPolicy | None = None,
    ) -> Session:
        """A People API at `url` (such as `peopletui emulator`) with a fixed bearer token."""
        return cls._build(
            account or endpoint_account(url),
            lambda: PeopleClient(url, auth=StaticTokenAuth(token), retry=retry),
            cache_dir,
        )

    @classmethod
    def for_google(
        cls,
        auth: httpx.Auth,
        account: str,
        *,
        cache_dir: Path | None = None,
        base_url: str = GOOGLE_BASE_URL,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
    ) -> Session:
        """Google's People API for a signed-in `account`, authenticated by `auth` (the auth
        helper's refreshing `httpx.Auth`, or any other)."""
        return cls._build(
            account,
            lambda: PeopleClient(base_url, auth=auth, transport=transport, retry=retry),
            cache_dir,
        )

    @classmethod
    def _build(
        cls, account: str, make_client: Callable[[], PeopleClient], cache_dir: Path | None
    ) -> Session:
        # The cache first: if it cannot be opened (disk full, locked), no client is left open.
        cache = CacheStore.open_for_account(cache_dir or paths.cache_dir(), account)
        client = make_client()
        book = ContactBook(client, cache)
        directory = Directory(client, book.create_many)
        return cls(account, client, cache, book, directory)

    # -- life ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Load the cache and start syncing in the background (see `ContactBook.start`)."""
        await self.book.start()

    async def close(self) -> None:
        """Stop the book, close the HTTP client and the cache; unsent drafts stay on disk."""
        try:
            await self.book.close()
        finally:
            await self.client.aclose()
            self.cache.close()
            if self.emulator is not None:
                self.emulator.close()
            if self._temporary is not None:
                shutil.rmtree(self._temporary, ignore_errors=True)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
