"""One account's credentials, as kept in the token store (a JSON blob per account).

`repr()` never shows a token, so a token cannot leak through a log line or a traceback that
happens to print the object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import AuthError

BLOB_VERSION = 1


class CorruptTokenBlob(AuthError):
    """The stored blob is not one we wrote (edited by hand, or from a newer version)."""


@dataclass(frozen=True)
class StoredToken:
    account: str
    refresh_token: str = field(repr=False)
    client_id: str
    client_secret: str = field(repr=False)
    scopes: frozenset[str]
    access_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None
    """Epoch seconds when the access token stops working."""
    token_uri: str | None = None
    """The token endpoint that issued it (tells Google's tokens from an emulator's)."""
    signed_in_at: float | None = None
    refresh_expires_at: float | None = None
    """Set when the server says the refresh token itself expires (``refresh_token_expires_in``),
    as Google does for apps whose consent screen is in Testing."""

    def access_token_valid(self, now: float, *, margin: float) -> bool:
        """True while the access token has more than ``margin`` seconds left."""
        return (
            self.access_token is not None
            and self.expires_at is not None
            and now < self.expires_at - margin
        )

    def with_access_token(
        self, access_token: str, expires_at: float, *, refresh_token: str | None = None
    ) -> StoredToken:
        return replace(
            self,
            access_token=access_token,
            expires_at=expires_at,
            refresh_token=refresh_token or self.refresh_token,
        )

    def to_json(self) -> str:
        blob: dict[str, Any] = {
            "version": BLOB_VERSION,
            "account": self.account,
            "refresh_token": self.refresh_token,
            "access_token": self.access_token,
            "expires_at": self.expires_at,
            "scopes": sorted(self.scopes),
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "token_uri": self.token_uri,
            "signed_in_at": self.signed_in_at,
            "refresh_expires_at": self.refresh_expires_at,
        }
        return json.dumps(blob, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> StoredToken:
        try:
            blob = json.loads(text)
            if not isinstance(blob, dict) or blob.get("version") != BLOB_VERSION:
                raise ValueError("unknown version")
            return cls(
                account=str(blob["account"]),
                refresh_token=str(blob["refresh_token"]),
                client_id=str(blob["client_id"]),
                client_secret=str(blob["client_secret"]),
                scopes=frozenset(str(scope) for scope in blob["scopes"]),
                access_token=_optional_str(blob.get("access_token")),
                expires_at=_optional_float(blob.get("expires_at")),
                token_uri=_optional_str(blob.get("token_uri")),
                signed_in_at=_optional_float(blob.get("signed_in_at")),
                refresh_expires_at=_optional_float(blob.get("refresh_expires_at")),
            )
        except (ValueError, KeyError, TypeError):
            # Deliberately no detail: the text holds tokens.
            raise CorruptTokenBlob("The stored sign-in is unreadable; sign in again.") from None


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _optional_float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
