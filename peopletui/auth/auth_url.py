"""Google's authorization URL and its PKCE pair, built by google-auth-oauthlib.

google-auth-oauthlib's `Flow` is what Google ships for exactly this step: it generates the PKCE
code verifier, derives the S256 challenge and assembles the consent URL with Google's parameters.
Its token exchange is not used (it is blocking `requests`; see token_client.py). It is imported
lazily because it pulls in `requests` and google-auth, which the app only needs while signing in.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Sequence
from urllib.parse import urlsplit

from .client_secrets import OAuthClient


def authorization_request(
    client: OAuthClient,
    *,
    auth_uri: str,
    token_uri: str,
    scopes: Sequence[str],
    redirect_uri: str,
    state: str,
    login_hint: str | None = None,
) -> tuple[str, str]:
    """(authorization URL, PKCE code verifier) for one sign-in attempt."""
    from google_auth_oauthlib.flow import Flow  # type: ignore[import-untyped]

    _allow_plain_http_on_loopback(auth_uri)
    flow = Flow.from_client_config(
        client.client_config(auth_uri=auth_uri, token_uri=token_uri),
        scopes=list(scopes),
        redirect_uri=redirect_uri,
        autogenerate_code_verifier=True,
    )
    extra = {"login_hint": login_hint} if login_hint else {}
    # offline + consent: Google sends a refresh token only with these, even on a repeat sign-in.
    url, _ = flow.authorization_url(state=state, access_type="offline", prompt="consent", **extra)
    verifier = flow.code_verifier
    if not isinstance(url, str) or not isinstance(verifier, str):
        raise TypeError("google-auth-oauthlib returned no URL or code verifier")
    return url, verifier


def _allow_plain_http_on_loopback(auth_uri: str) -> None:
    """oauthlib refuses http URLs; the emulator on 127.0.0.1 (``--endpoint``) is plain http.

    oauthlib's own switch is an environment variable; it is set only when the authorization server
    is on this machine, where there is no network to protect.
    """
    parts = urlsplit(auth_uri)
    if parts.scheme != "http" or not parts.hostname:
        return
    try:
        loopback = ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        loopback = parts.hostname == "localhost"
    if loopback:
        os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
