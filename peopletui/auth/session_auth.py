"""`OAuthSessionAuth`: the `httpx.Auth` the People API client uses.

It adds the bearer token, refreshes it shortly before it expires and after a 401 (then retries the
request once), lets only one refresh run at a time, and stores every new token in the token store
at once. A refused refresh (``invalid_grant``) raises `SignInRequired` from `access_token()`,
and reaches the API client's callers as `Unauthenticated` (see `_sign_in_refused`). Asynchronous
only (`httpx.AsyncClient`).
"""

from __future__ import annotations

import asyncio
import logging
import time

import httpx

from peopletui.api.auth import RefreshingTokenAuth
from peopletui.api.errors import PeopleApiError, TransportError, Unauthenticated

from .errors import KeyringProblem, SignInRequired, TokenEndpointError, TokenEndpointUnreachable
from .store import TokenStore
from .token import StoredToken
from .token_client import Clock, TokenClient

log = logging.getLogger(__name__)

# Refresh this many seconds before expiry, so a request never leaves with a token that dies on
# the way (Google's access tokens last an hour).
DEFAULT_REFRESH_MARGIN = 60.0


class OAuthSessionAuth(RefreshingTokenAuth):
    """The 401-then-retry-once flow comes from `RefreshingTokenAuth` (the API client's contract);
    this class says where tokens come from and keeps refreshes single and stored."""

    def __init__(
        self,
        token: StoredToken,
        *,
        token_client: TokenClient,
        store: TokenStore,
        clock: Clock = time.time,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
    ) -> None:
        """``token_client`` holds its own httpx client: the refresh never goes through this auth."""
        self._token = token
        self._token_client = token_client
        self._store = store
        self._clock = clock
        self._margin = refresh_margin
        self._lock = asyncio.Lock()

    @classmethod
    async def for_account(
        cls,
        store: TokenStore,
        account: str | None,
        *,
        token_client: TokenClient,
        clock: Clock = time.time,
    ) -> OAuthSessionAuth:
        """The auth for ``account`` (``--account``) or the last used one; `SignInRequired` if
        there is none."""
        token = await store.current(account)
        return cls(token, token_client=token_client, store=store, clock=clock)

    @property
    def account(self) -> str:
        return self._token.account

    @property
    def token(self) -> StoredToken:
        return self._token

    # The two hooks the API client's auth flow calls: a refused sign-in leaves them as
    # `Unauthenticated`, never as `SignInRequired`.

    async def current_token(self) -> str:
        try:
            return await self.access_token()
        except SignInRequired as needed:
            raise _sign_in_refused(needed) from needed
        except TokenEndpointError as failed:
            raise _token_endpoint_failed(failed) from failed

    async def refreshed_token(self, rejected: str) -> str | None:
        """After a 401: a new token, unless another request already replaced ``rejected``."""
        try:
            return await self._refresh(unless_changed_from=rejected)
        except SignInRequired as needed:
            raise _sign_in_refused(needed) from needed
        except TokenEndpointError as failed:
            raise _token_endpoint_failed(failed) from failed

    async def access_token(self) -> str:
        """A token with more than the margin left, refreshing first if needed."""
        current = self._token
        if current.access_token is not None and current.access_token_valid(
            self._clock(), margin=self._margin
        ):
            return current.access_token
        return await self._refresh(unless_changed_from=current.access_token)

    async def _refresh(self, *, unless_changed_from: str | None) -> str:
        async with self._lock:
            current = self._token
            # Another request refreshed while this one waited for the lock: use its token.
            if (
                current.access_token is not None
                and current.access_token != unless_changed_from
                and current.access_token_valid(self._clock(), margin=self._margin)
            ):
                return current.access_token
            log.info("Refreshing the access token for %s", current.account)
            try:
                grant = await self._token_client.refresh(
                    client_id=current.client_id,
                    client_secret=current.client_secret,
                    refresh_token=current.refresh_token,
                    account=current.account,
                )
            except TokenEndpointUnreachable as unreachable:
                # Offline is offline: hand the API client httpx's own error, so its retries and
                # its "no connection" state apply to a refresh exactly as to any request.
                if isinstance(unreachable.cause, httpx.TransportError):
                    raise unreachable.cause from None
                raise
            refreshed = current.with_access_token(
                grant.access_token, grant.expires_at, refresh_token=grant.refresh_token
            )
            self._token = refreshed
            try:
                await self._store.save(refreshed, make_last_used=False)
            except KeyringProblem as problem:
                # The request can still go ahead with the token in memory; the next start will
                # meet the same keyring problem and explain it.
                log.warning("Could not store the refreshed token: %s", problem.summary)
            return grant.access_token


def _sign_in_refused(needed: SignInRequired) -> Unauthenticated:
    """A refused refresh token, in the API client's terms: the request fails as the 401 would.

    Raised inside the client's auth flow, a `SignInRequired` would escape every caller, which
    handles the `PeopleApiError`s a call can raise: the write queue stored the draft as FAILED
    ("internal error") instead of pausing, a sync died without `SyncFailed`. As `Unauthenticated`
    it takes the one path a 401 already has everywhere: the queue pauses with its drafts kept,
    the sync reports it, the book emits its sign-in event and the UI shows the sign-in screen.
    No request went out (or the one that did was refused), so nothing was carried out: re-sending
    after the next sign-in sends the change once. `__cause__` keeps the `SignInRequired`.
    """
    return Unauthenticated(str(needed), status="UNAUTHENTICATED")


def _token_endpoint_failed(failed: TokenEndpointError) -> PeopleApiError:
    """The token endpoint failed a refresh (an outage, a 5xx, or an OAuth error other than a
    refused grant), in the API client's terms. The People API request never went out, so it may
    always be sent again: a server failure is a `TransportError` that certainly did not reach
    the server (the write queue waits and re-sends; the UI says there is no connection); a
    refused client (``invalid_client``: the OAuth client was deleted or its secret changed)
    needs a new sign-in, as a 401 does."""
    if failed.status is not None and 400 <= failed.status < 500 and failed.status != 429:
        return Unauthenticated(f"The sign-in was refused: {failed}", status="UNAUTHENTICATED")
    return TransportError(
        f"Google's sign-in server did not refresh the token: {failed}", maybe_processed=False
    )
