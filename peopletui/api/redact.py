"""Strip credentials (and search text) out of anything that may end up in a log or an error."""

from __future__ import annotations

from collections.abc import Iterable

import httpx

REDACTED = "REDACTED"

# Query parameters whose value is a credential (access_token, oauth_token and key are Google's
# standard parameters) ...
_CREDENTIAL_PARAMS = frozenset(
    {"access_token", "oauth_token", "key", "token", "id_token", "refresh_token", "client_secret"}
)
# ... or an opaque cursor into the user's data, or the user's own search text.
_PRIVATE_PARAMS = _CREDENTIAL_PARAMS | {"code", "pagetoken", "synctoken", "query"}
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-goog-api-key"}
)


def redact_url(url: httpx.URL) -> str:
    """The URL with every credential-bearing query value replaced."""
    if not url.query:
        return str(url)
    params = [
        (name, REDACTED if name.lower() in _PRIVATE_PARAMS else value)
        for name, value in url.params.multi_items()
    ]
    return str(url.copy_with(params=params))


def redact_headers(headers: httpx.Headers) -> tuple[tuple[str, str], ...]:
    """The headers with Authorization (and other credentials) replaced."""
    return tuple(
        (name, REDACTED if name.lower() in _SECRET_HEADERS else value)
        for name, value in headers.multi_items()
    )


def request_secrets(request: httpx.Request) -> tuple[str, ...]:
    """The credential strings a request carries, to scrub them from any text we keep."""
    found: list[str] = []
    for name, value in request.headers.multi_items():
        if name.lower() in _SECRET_HEADERS and value:
            found.append(value)
            _, _, credential = value.partition(" ")
            if credential:
                found.append(credential)
    for name, value in request.url.params.multi_items():
        if name.lower() in _CREDENTIAL_PARAMS and value:
            found.append(value)
    return tuple(found)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every occurrence of a known secret replaced."""
    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) >= 4:  # never rewrite ordinary words that happen to be short tokens
            text = text.replace(secret, REDACTED)
    return text
