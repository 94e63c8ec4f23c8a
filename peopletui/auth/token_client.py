"""The OAuth token, revocation and userinfo endpoints, spoken over httpx (async).

This is done here rather than through google-auth-oauthlib (which uses `requests`, blocking) so that
nothing blocks the event loop and so that tests point the very same code at the emulator's
transport. Tokens only ever travel in request bodies and headers, never in a URL, because URLs end
up in httpx's own log lines.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from .endpoints import OAuthEndpoints
from .errors import (
    SignInFailed,
    SignInRequired,
    TokenEndpointError,
    TokenEndpointUnreachable,
)

Clock = Callable[[], float]


@dataclass(frozen=True)
class TokenGrant:
    """What the token endpoint answered, with lifetimes turned into epoch seconds."""

    access_token: str = field(repr=False)
    expires_at: float
    refresh_token: str | None = field(default=None, repr=False)
    scopes: frozenset[str] | None = None
    """None when the server did not say (then the requested scopes are assumed)."""
    id_token: str | None = field(default=None, repr=False)
    refresh_expires_at: float | None = None


class TokenClient:
    def __init__(
        self, http: httpx.AsyncClient, endpoints: OAuthEndpoints, *, clock: Clock = time.time
    ) -> None:
        self.http = http
        self.endpoints = endpoints
        self.clock = clock

    async def exchange_code(
        self,
        *,
        client_id: str,
        client_secret: str,
        code: str,
        code_verifier: str,
        redirect_uri: str,
    ) -> TokenGrant:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "code_verifier": code_verifier,
            "redirect_uri": redirect_uri,
            "client_id": client_id,
            "client_secret": client_secret,
        }
        status, body = await self._post(self.endpoints.token_uri, form)
        if status != 200:
            error, description = _oauth_error(body)
            raise SignInFailed(
                f"The sign-in was refused when exchanging the code ({error}: {description})."
            )
        return self._grant(body)

    async def refresh(
        self, *, client_id: str, client_secret: str, refresh_token: str, account: str | None
    ) -> TokenGrant:
        """A new access token; `SignInRequired` when the refresh token is no longer accepted."""
        form = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": client_id,
            "client_secret": client_secret,
        }
        status, body = await self._post(self.endpoints.token_uri, form)
        if status != 200:
            error, description = _oauth_error(body)
            if error == "invalid_grant":
                raise SignInRequired(
                    account, f"the saved sign-in was refused ({error}: {description})."
                )
            raise _endpoint_error("refresh the access token", status, error, description)
        return self._grant(body)

    async def revoke(self, token: str) -> bool:
        """Revoke a refresh (or access) token: True when revoked, False if it was already dead."""
        status, body = await self._post(self.endpoints.revoke_uri, {"token": token})
        if status == 200:
            return True
        error, description = _oauth_error(body)
        if error in {"invalid_token", "invalid_grant"}:
            return False
        raise _endpoint_error("revoke the sign-in", status, error, description)

    async def userinfo_email(self, access_token: str) -> str:
        try:
            response = await self.http.get(
                self.endpoints.userinfo_uri, headers={"Authorization": f"Bearer {access_token}"}
            )
        except httpx.RequestError as error:
            raise _unreachable(self.endpoints.userinfo_uri, error) from None
        body = _json_object(response)
        email = body.get("email")
        if response.status_code != 200 or not isinstance(email, str):
            raise TokenEndpointError(
                f"The userinfo endpoint did not say which account signed in "
                f"(HTTP {response.status_code}).",
                status=response.status_code,
            )
        return email

    async def _post(self, url: str, form: Mapping[str, str]) -> tuple[int, dict[str, Any]]:
        try:
            response = await self.http.post(
                url, data=dict(form), headers={"Accept": "application/json"}
            )
        except httpx.RequestError as error:
            raise _unreachable(url, error) from None
        return response.status_code, _json_object(response)

    def _grant(self, body: Mapping[str, Any]) -> TokenGrant:
        now = self.clock()
        access = body.get("access_token")
        lifetime = body.get("expires_in")
        if not isinstance(access, str) or not isinstance(lifetime, int | float):
            raise TokenEndpointError("The token endpoint answered without an access token.")
        scope = body.get("scope")
        refresh = body.get("refresh_token")
        id_token = body.get("id_token")
        refresh_lifetime = body.get("refresh_token_expires_in")
        return TokenGrant(
            access_token=access,
            expires_at=now + float(lifetime),
            refresh_token=refresh if isinstance(refresh, str) else None,
            scopes=frozenset(scope.split()) if isinstance(scope, str) else None,
            id_token=id_token if isinstance(id_token, str) else None,
            refresh_expires_at=(
                now + float(refresh_lifetime) if isinstance(refresh_lifetime, int | float) else None
            ),
        )


def email_from_id_token(id_token: str, *, audience: str) -> str | None:
    """The ``email`` claim of an ID token issued to ``audience`` (our client id).

    The signature is not checked: Google's OpenID Connect guide says a token received straight
    from its token endpoint over HTTPS, in exchange for our client secret, can be trusted as is.
    """
    parts = id_token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(claims, dict) or claims.get("aud") != audience:
        return None
    email = claims.get("email")
    return email if isinstance(email, str) and email else None


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _oauth_error(body: Mapping[str, Any]) -> tuple[str, str]:
    error = body.get("error")
    description = body.get("error_description")
    if isinstance(error, dict):  # some Google endpoints answer with the API error envelope
        description = error.get("message")
        error = error.get("status")
    return (
        error if isinstance(error, str) else "unknown_error",
        description if isinstance(description, str) else "no description",
    )


def _endpoint_error(action: str, status: int, error: str, description: str) -> TokenEndpointError:
    hint = ""
    if error in {"invalid_client", "unauthorized_client"}:
        hint = (
            " The OAuth client was refused: was it deleted, or its secret reset, in Google Cloud "
            "Console? Download it again and run `peopletui login --client-secrets FILE`."
        )
    return TokenEndpointError(
        f"Could not {action}: HTTP {status}, {error}: {description}.{hint}",
        error=error,
        status=status,
    )


def _unreachable(url: str, error: httpx.RequestError) -> TokenEndpointUnreachable:
    host = urlsplit(url).netloc
    return TokenEndpointUnreachable(
        f"Could not reach {host}: {type(error).__name__}: {error}", error
    )
