"""The app's `Connector`s, one per target: the demo emulator, an endpoint with a fixed token, and
an OAuth sign-in (Google, or the emulator's OAuth server at ``--endpoint URL``).

This is where the real services are built (`Session`), so the UI never sees HTTP clients,
keyrings or tokens. A sign-in made in the app replaces the credentials of the open session in
place (`ReplaceableAuth`), so the book, its drafts and its write queue carry on.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from peopletui.auth.endpoints import endpoints_for
from peopletui.cache.preview import PreviewRow, endpoint_account, first_rows

# Everything that talks to a server (httpx, the API client and its models, the services, the
# keyring, the sign-in flow) is imported in `open` and `sign_in`: the app paints the cached
# rows (`cached_rows`) before it, and that paint must not wait some 300 ms for those imports.
if TYPE_CHECKING:
    import httpx

    from peopletui.auth import OAuthSessionAuth, TokenStore, TokenStoreKind
    from peopletui.replaceable_auth import ReplaceableAuth
    from peopletui.services.session import Session
    from peopletui.services.sign_in import SignInStarter

TOKEN_HTTP_TIMEOUT_SECONDS = 30.0


class DemoConnector:
    """The built-in emulator with seeded contacts, photos and a Workspace directory."""

    def __init__(self, *, contacts: int = 200, seed: int = 0) -> None:
        self._contacts = contacts
        self._seed = seed

    @property
    def label(self) -> str:
        return f"the demo book ({self._contacts:,} contacts)"

    def cached_rows(self) -> list[PreviewRow]:
        return []  # the demo book is seeded anew each time

    async def open(self) -> Session:
        from peopletui.services.session import Session

        # Seeding 25,000 contacts takes seconds: keep the app's loop free meanwhile.
        return await asyncio.to_thread(Session.demo, contacts=self._contacts, seed=self._seed)

    def sign_in(self, account: str | None) -> SignInStarter | None:
        return None  # the demo's token never expires

    async def signed_in(self, account: str) -> bool:
        return False

    def notices(self) -> tuple[str, ...]:
        return ()

    async def close(self) -> None:
        return None


class TokenConnector:
    """A People API at `url` (such as `peopletui emulator`) with a bearer token given up front
    (``PEOPLETUI_TOKEN``)."""

    def __init__(self, url: str, token: str, *, account: str | None = None) -> None:
        self._url = url
        self._token = token
        self._account = account

    @property
    def label(self) -> str:
        return self._url

    def cached_rows(self) -> list[PreviewRow]:
        return first_rows(self._account or endpoint_account(self._url))

    async def open(self) -> Session:
        from peopletui.services.session import Session

        return Session.for_endpoint(self._url, self._token, account=self._account)

    def sign_in(self, account: str | None) -> SignInStarter | None:
        return None  # the token came from outside: a new one comes the same way

    async def signed_in(self, account: str) -> bool:
        return False

    def notices(self) -> tuple[str, ...]:
        return ()

    async def close(self) -> None:
        return None


class OAuthConnector:
    """A signed-in account (``peopletui login``, or the sign-in screen): Google's People API,
    or the API and OAuth server at ``endpoint``."""

    def __init__(
        self,
        *,
        account: str | None = None,
        endpoint: str | None = None,
        token_store: TokenStoreKind = "keyring",
        client_secrets: Path | None = None,
    ) -> None:
        self._account = account
        self._client_secrets = client_secrets
        self._endpoint = endpoint
        self._endpoints = endpoints_for(endpoint)
        self._token_store = token_store
        self._store: TokenStore | None = None
        self._http: httpx.AsyncClient | None = None
        self._auth: ReplaceableAuth | None = None
        self._opened_account: str | None = None
        self._store_warned = False
        """The store's warning (``--token-store file``) was said: by `notices` or a sign-in."""

    @property
    def label(self) -> str:
        return self._account or self._endpoint or "your Google contacts"

    def cached_rows(self) -> list[PreviewRow]:
        # Without --account, the account opened last (whose sign-in `open` will use).
        return first_rows(self._account)

    async def _session_auth(self, account: str | None) -> OAuthSessionAuth:
        import httpx

        from peopletui.auth import OAuthSessionAuth, TokenClient, open_token_store

        if self._store is None:
            self._store = await open_token_store(self._token_store)
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=TOKEN_HTTP_TIMEOUT_SECONDS)
        token_client = TokenClient(self._http, self._endpoints)
        return await OAuthSessionAuth.for_account(self._store, account, token_client=token_client)

    async def open(self) -> Session:
        from peopletui.api import GOOGLE_BASE_URL
        from peopletui.replaceable_auth import ReplaceableAuth
        from peopletui.services.session import Session

        auth = await self._session_auth(self._account)
        self._auth = ReplaceableAuth(auth)
        self._opened_account = auth.account
        base_url = self._endpoint or GOOGLE_BASE_URL
        return Session.for_google(self._auth, auth.account, base_url=base_url)

    def sign_in(self, account: str | None) -> SignInStarter | None:
        from peopletui.auth import open_token_store
        from peopletui.services.sign_in import SignInSetup, sign_in_starter

        setup = SignInSetup(
            open_store=lambda: open_token_store(self._token_store),
            client_secrets=self._client_secrets,
            endpoints=self._endpoints,
        )
        self._store_warned = True  # the sign-in shows the store's warning itself
        return sign_in_starter(setup, login_hint=account or self._account)

    async def signed_in(self, account: str) -> bool:
        self._account = account
        if self._auth is None or self._opened_account != account:
            return True  # nothing open yet, or another account: open it afresh
        self._auth.inner = await self._session_auth(account)
        return False

    def notices(self) -> tuple[str, ...]:
        """The file store's plaintext caveat, once: `peopletui login` and the sign-in screen
        say it whenever they use that store, and so does the app when it opens with it."""
        warning = self._store.warning if self._store is not None else None
        if warning is None or self._store_warned:
            return ()
        self._store_warned = True
        return (warning,)

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
