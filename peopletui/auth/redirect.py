"""Judging an OAuth redirect (``http://127.0.0.1:PORT/?state=…&code=…``), wherever it came from.

The loopback server and the paste-back prompt use the same rules: the path must be ours, the
``state`` must be the one this sign-in sent (so a stale or forged redirect cannot complete it), and
there must be a ``code`` — or an ``error``, which ends the sign-in.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from .errors import SignInFailed


class RedirectRefused(Exception):
    """Not the redirect this sign-in waits for; the sign-in goes on waiting.

    ``reason`` is safe to show: it never includes the code or state that arrived.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AuthorizationCode:
    code: str = field(repr=False)
    scopes: frozenset[str] | None
    """The ``scope`` parameter of the redirect, when present."""


def judge_redirect(
    path: str, query: str, *, expected_path: str, expected_state: str
) -> AuthorizationCode:
    """The code in a redirect, `RedirectRefused` for a stray one, `SignInFailed` for a denial."""
    if path != expected_path:
        raise RedirectRefused("this address is not the sign-in redirect.")
    params = parse_qs(query, keep_blank_values=True)
    states = params.get("state", [])
    if len(states) != 1:
        raise RedirectRefused("the redirect has no state; it is not from this sign-in.")
    if not hmac.compare_digest(states[0].encode(), expected_state.encode()):
        raise RedirectRefused(
            "the state does not match this sign-in (a redirect from an older attempt?)."
        )
    errors = params.get("error", [])
    if errors:
        raise SignInFailed(_denial_text(errors[0]))
    codes = params.get("code", [])
    if len(codes) != 1 or not codes[0]:
        raise RedirectRefused("the redirect has no authorization code.")
    scopes = params.get("scope")
    return AuthorizationCode(codes[0], frozenset(scopes[0].split()) if scopes else None)


def judge_pasted_url(text: str, *, redirect_uri: str, expected_state: str) -> AuthorizationCode:
    """The code in a redirect URL pasted back by the user (the ``--no-browser`` path)."""
    pasted = urlsplit(text.strip())
    expected = urlsplit(redirect_uri)
    if (pasted.scheme, pasted.netloc) != (expected.scheme, expected.netloc):
        raise RedirectRefused(
            f"paste the whole address the browser ended on; it starts with {redirect_uri}"
        )
    return judge_redirect(
        pasted.path or "/",
        pasted.query,
        expected_path=expected.path or "/",
        expected_state=expected_state,
    )


def _denial_text(error: str) -> str:
    if error == "access_denied":
        return "Sign-in was cancelled in the browser (access was not granted)."
    return f"Google ended the sign-in with the error “{error[:100]}”."
