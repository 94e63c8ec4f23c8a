"""Bearer tokens the emulator accepts, and the OAuth grants behind them.

The people routes only ever call `TokenRegistry.authenticate`; the OAuth endpoints (oauth.py) mint
and revoke through the same registry, so refresh and expiry are exercised for real.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field

from .clock import Clock
from .errors import ApiError, error_info

UNAUTHENTICATED_MESSAGE = (
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
    "or other valid authentication credential. See "
    "https://developers.google.com/identity/sign-in/web/devconsole-project."
)
# Google answers a request without credentials on this API with the same status and this text.
MISSING_CREDENTIALS_MESSAGE = (
    "Request is missing required authentication credential. Expected OAuth 2 access token, login "
    "cookie or other valid authentication credential. See "
    "https://developers.google.com/identity/sign-in/web/devconsole-project."
)

CONTACTS_SCOPE = "https://www.googleapis.com/auth/contacts"
CONTACTS_READONLY_SCOPE = "https://www.googleapis.com/auth/contacts.readonly"
DIRECTORY_READONLY_SCOPE = "https://www.googleapis.com/auth/directory.readonly"
ALL_SCOPES = frozenset({CONTACTS_SCOPE, DIRECTORY_READONLY_SCOPE, "openid", "email"})


@dataclass
class AccessGrant:
    account: str
    scopes: frozenset[str]
    expires_at: float | None
    """None: never expires (the token printed by `peopletui emulator`, the demo's token)."""


@dataclass
class RefreshGrant:
    account: str
    scopes: frozenset[str]
    client_id: str
    access_tokens: set[str] = field(default_factory=set)


class TokenRegistry:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._access: dict[str, AccessGrant] = {}
        self._refresh: dict[str, RefreshGrant] = {}

    def issue_access_token(
        self,
        account: str,
        *,
        scopes: frozenset[str] = ALL_SCOPES,
        ttl: float | None = 3600.0,
        token: str | None = None,
    ) -> str:
        token = token or "ya29.emu-" + secrets.token_urlsafe(24)
        expires_at = None if ttl is None else self._clock.now() + ttl
        with self._lock:
            self._access[token] = AccessGrant(account, scopes, expires_at)
        return token

    def issue_refresh_token(self, account: str, *, scopes: frozenset[str], client_id: str) -> str:
        token = "1//emu-" + secrets.token_urlsafe(32)
        with self._lock:
            self._refresh[token] = RefreshGrant(account, scopes, client_id)
        return token

    def refresh_grant(self, refresh_token: str) -> RefreshGrant | None:
        with self._lock:
            return self._refresh.get(refresh_token)

    def link(self, refresh_token: str, access_token: str) -> None:
        with self._lock:
            grant = self._refresh.get(refresh_token)
            if grant is not None:
                grant.access_tokens.add(access_token)

    def revoke(self, token: str) -> bool:
        """Revoke an access or refresh token and, as Google does, the whole grant behind it:
        revoking a refresh token revokes its access tokens, and revoking an access token that came
        from a refresh token revokes that refresh token too."""
        with self._lock:
            parent = next((r for r, g in self._refresh.items() if token in g.access_tokens), None)
            grant = self._refresh.pop(parent or token, None)
            if grant is not None:
                for access in grant.access_tokens:
                    self._access.pop(access, None)
                return True
            return self._access.pop(token, None) is not None

    def account_of(self, authorization: str | None) -> str | None:
        """The account behind a valid bearer header, or None; never raises (quota metering)."""
        if not authorization or not authorization.lower().startswith("bearer "):
            return None
        with self._lock:
            grant = self._access.get(authorization[7:].strip())
        if grant is None or (
            grant.expires_at is not None and grant.expires_at <= self._clock.now()
        ):
            return None
        return grant.account

    def expire(self, token: str) -> None:
        """Make an access token expire now (tests of refresh-on-401)."""
        with self._lock:
            grant = self._access.get(token)
            if grant is not None:
                grant.expires_at = self._clock.now() - 1

    def authenticate(self, authorization: str | None) -> AccessGrant:
        """The grant behind an ``Authorization: Bearer …`` header, or 401 UNAUTHENTICATED."""
        if not authorization or not authorization.lower().startswith("bearer "):
            raise ApiError(
                "UNAUTHENTICATED",
                MISSING_CREDENTIALS_MESSAGE,
                details=[error_info("CREDENTIALS_MISSING", "googleapis.com")],
                headers=[("www-authenticate", 'Bearer realm="https://accounts.google.com/"')],
            )
        token = authorization[7:].strip()
        with self._lock:
            grant = self._access.get(token)
        if grant is None or (
            grant.expires_at is not None and grant.expires_at <= self._clock.now()
        ):
            reason = (
                "ACCESS_TOKEN_EXPIRED" if grant is not None else "ACCESS_TOKEN_TYPE_UNSUPPORTED"
            )
            raise ApiError(
                "UNAUTHENTICATED",
                UNAUTHENTICATED_MESSAGE,
                details=[error_info(reason, "googleapis.com", service="people.googleapis.com")],
                headers=[
                    (
                        "www-authenticate",
                        'Bearer realm="https://accounts.google.com/", error="invalid_token"',
                    )
                ],
            )
        return grant
