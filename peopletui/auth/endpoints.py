"""Where the OAuth requests go, and which scopes peopletui asks for.

Every URI is configurable so that the app's ``--endpoint URL`` can point the whole sign-in at the
emulator, which serves the same paths as Google under one base URL.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTACTS_SCOPE = "https://www.googleapis.com/auth/contacts"
CONTACTS_READONLY_SCOPE = "https://www.googleapis.com/auth/contacts.readonly"
DIRECTORY_READONLY_SCOPE = "https://www.googleapis.com/auth/directory.readonly"
# "openid email" only tells us which account signed in (the id_token's email claim).
IDENTITY_SCOPES = ("openid", "email")


def requested_scopes(*, readonly: bool = False) -> tuple[str, ...]:
    contacts = CONTACTS_READONLY_SCOPE if readonly else CONTACTS_SCOPE
    return (contacts, DIRECTORY_READONLY_SCOPE, *IDENTITY_SCOPES)


def grants_contacts(scopes: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    return CONTACTS_SCOPE in scopes or CONTACTS_READONLY_SCOPE in scopes


@dataclass(frozen=True)
class OAuthEndpoints:
    auth_uri: str = "https://accounts.google.com/o/oauth2/auth"
    token_uri: str = "https://oauth2.googleapis.com/token"
    revoke_uri: str = "https://oauth2.googleapis.com/revoke"
    userinfo_uri: str = "https://www.googleapis.com/oauth2/v3/userinfo"

    @classmethod
    def at(cls, base_url: str) -> OAuthEndpoints:
        """All four endpoints under one base URL, on the paths the emulator serves (Google's)."""
        base = base_url.rstrip("/")
        return cls(
            auth_uri=f"{base}/o/oauth2/auth",
            token_uri=f"{base}/token",
            revoke_uri=f"{base}/revoke",
            userinfo_uri=f"{base}/oauth2/v3/userinfo",
        )


def endpoints_for(endpoint: str | None) -> OAuthEndpoints:
    """Google's endpoints, or those of the server at ``--endpoint URL``."""
    return OAuthEndpoints.at(endpoint) if endpoint else OAuthEndpoints()
