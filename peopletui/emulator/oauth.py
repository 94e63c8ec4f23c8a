"""Google's OAuth 2.0 endpoints for installed apps, served by the emulator.

- ``GET /o/oauth2/auth`` and ``/o/oauth2/v2/auth``: the authorization endpoint. There is no
  person to ask, so it consents at once (as ``login_hint`` when it is an e-mail address, else the
  default account) and redirects to the loopback ``redirect_uri`` with ``code``, ``scope`` and
  ``state``. PKCE with S256 is required.
- ``POST /token``: ``authorization_code`` (code + code_verifier) and ``refresh_token`` grants.
- ``POST /revoke``: revokes an access or refresh token and the grant behind it.
- ``GET /oauth2/v3/userinfo``: ``sub``, ``email``, ``email_verified`` for a bearer token.

Messages follow what Google's endpoints answer (``invalid_grant`` / ``Bad Request`` for an unknown
or reused code, ``Token has been expired or revoked.`` for a dead refresh token, and so on). Codes
are single-use and live 10 minutes, access tokens ``expires_in`` seconds, both by the emulator's
clock, so tests expire them by advancing it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit

from .clock import Clock
from .errors import ApiError
from .tokens import (
    CONTACTS_READONLY_SCOPE,
    CONTACTS_SCOPE,
    DIRECTORY_READONLY_SCOPE,
    TokenRegistry,
)
from .wire import WireRequest, WireResponse

AUTHORIZATION_PATHS = ("/o/oauth2/auth", "/o/oauth2/v2/auth")
TOKEN_PATH = "/token"
REVOCATION_PATH = "/revoke"
USERINFO_PATH = "/oauth2/v3/userinfo"

ACCESS_TOKEN_LIFETIME = 3599
CODE_LIFETIME = 600.0
ISSUER = "https://accounts.google.com"

USERINFO_EMAIL_SCOPE = "https://www.googleapis.com/auth/userinfo.email"
USERINFO_PROFILE_SCOPE = "https://www.googleapis.com/auth/userinfo.profile"
KNOWN_SCOPES = frozenset(
    {
        CONTACTS_SCOPE,
        CONTACTS_READONLY_SCOPE,
        "https://www.googleapis.com/auth/contacts.other.readonly",
        DIRECTORY_READONLY_SCOPE,
        USERINFO_EMAIL_SCOPE,
        USERINFO_PROFILE_SCOPE,
        "openid",
        "email",
        "profile",
    }
)
# Google grants the long names for the short OpenID ones, and adds openid alongside userinfo
# scopes (which is why strict OAuth clients warn "Scope has changed").
_SCOPE_ALIASES = {"email": USERINFO_EMAIL_SCOPE, "profile": USERINFO_PROFILE_SCOPE}

_CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NO_STORE = [
    ("cache-control", "no-cache, no-store, max-age=0, must-revalidate"),
    ("pragma", "no-cache"),
]


@dataclass(frozen=True)
class _AuthorizationCode:
    client_id: str
    redirect_uri: str
    challenge: str
    scopes: frozenset[str]
    account: str
    expires_at: float


class _OAuthError(Exception):
    """An error answer of the token, revocation or userinfo endpoint."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


class OAuthServer:
    def __init__(
        self,
        tokens: TokenRegistry,
        *,
        clock: Clock,
        default_account: str,
        clients: Mapping[str, str] | None = None,
    ) -> None:
        """``clients`` (client_id → client_secret) makes unknown clients and wrong secrets fail as
        ``invalid_client``; without it any client id and secret are accepted."""
        self._tokens = tokens
        self._clock = clock
        self._default_account = default_account
        self._clients = clients
        self._codes: dict[str, _AuthorizationCode] = {}
        # ID tokens come straight from the token endpoint, so clients only decode them; a key per
        # emulator keeps them honest JWTs all the same.
        self._signing_key = secrets.token_bytes(32)

    def owns(self, raw_path: str) -> bool:
        return raw_path in AUTHORIZATION_PATHS or raw_path in (
            TOKEN_PATH,
            REVOCATION_PATH,
            USERINFO_PATH,
        )

    def handle(self, request: WireRequest) -> WireResponse:
        path, method = request.raw_path, request.method
        try:
            if path in AUTHORIZATION_PATHS:
                return self._allowed(method, ("GET",)) or self._authorize(request)
            if path == TOKEN_PATH:
                return self._allowed(method, ("POST",)) or self._token(request)
            if path == REVOCATION_PATH:
                return self._allowed(method, ("GET", "POST")) or self._revoke(request)
            return self._allowed(method, ("GET", "POST")) or self._userinfo(request)
        except _OAuthError as error:
            body = {"error": error.error, "error_description": error.description}
            return _json(error.status, body)

    # -- authorization endpoint -------------------------------------------------------------

    def _authorize(self, request: WireRequest) -> WireResponse:
        params = _first_values(request.query)
        client_id = params.get("client_id", "")
        redirect_uri = params.get("redirect_uri", "")
        # Without a trustworthy redirect target Google shows an error page instead of redirecting.
        if not client_id:
            return _error_page(400, "invalid_request", "Missing required parameter: client_id")
        if self._clients is not None and client_id not in self._clients:
            return _error_page(401, "invalid_client", "The OAuth client was not found.")
        if not redirect_uri:
            return _error_page(400, "invalid_request", "Missing required parameter: redirect_uri")
        if not _is_loopback_redirect(redirect_uri):
            return _error_page(
                400,
                "redirect_uri_mismatch",
                f"The redirect URI in the request, {redirect_uri}, is not a loopback address with "
                "a port (http://127.0.0.1:PORT, http://[::1]:PORT or http://localhost:PORT).",
            )
        state = params.get("state")

        def refuse(error: str, description: str) -> WireResponse:
            return _redirect(
                redirect_uri, {"error": error, "error_description": description, "state": state}
            )

        if params.get("response_type") != "code":
            return refuse(
                "unsupported_response_type",
                f"Invalid response_type: {params.get('response_type', '')}",
            )
        requested = params.get("scope", "").split()
        if not requested:
            return refuse("invalid_request", "Missing required parameter: scope")
        invalid = [scope for scope in requested if scope not in KNOWN_SCOPES]
        if invalid:
            return refuse(
                "invalid_scope",
                f"Some requested scopes were invalid. {{invalid=[{', '.join(invalid)}]}}",
            )
        challenge = params.get("code_challenge", "")
        method = params.get("code_challenge_method", "")
        if not challenge:
            return refuse("invalid_request", "Missing required parameter: code_challenge")
        if method != "S256":
            return refuse(
                "invalid_request",
                f"Invalid code_challenge_method: {method or 'plain'}. Only S256 is accepted.",
            )
        if not _CHALLENGE.match(challenge):
            return refuse("invalid_request", "Invalid code_challenge.")
        hint = params.get("login_hint", "")
        account = hint if _EMAIL.match(hint) else self._default_account
        scopes = granted_scopes(requested)
        code = "4/0emu-" + secrets.token_urlsafe(32)
        self._drop_expired_codes()
        self._codes[code] = _AuthorizationCode(
            client_id=client_id,
            redirect_uri=redirect_uri,
            challenge=challenge,
            scopes=scopes,
            account=account,
            expires_at=self._clock.now() + CODE_LIFETIME,
        )
        return _redirect(
            redirect_uri,
            {
                "state": state,
                "code": code,
                "scope": " ".join(sorted(scopes)),
                "authuser": "0",
                "prompt": "consent",
            },
        )

    def _drop_expired_codes(self) -> None:
        now = self._clock.now()
        for code in [c for c, record in self._codes.items() if record.expires_at <= now]:
            del self._codes[code]

    # -- token endpoint ---------------------------------------------------------------------

    def _token(self, request: WireRequest) -> WireResponse:
        form = _form(request)
        client_id, client_secret = _client_credentials(request, form)
        grant_type = form.get("grant_type")
        if not grant_type:
            raise _OAuthError(400, "invalid_request", "Missing required parameter: grant_type")
        if not client_id:
            raise _OAuthError(400, "invalid_request", "Could not determine client ID from request.")
        if self._clients is not None and client_id not in self._clients:
            raise _OAuthError(401, "invalid_client", "The OAuth client was not found.")
        if not client_secret:
            raise _OAuthError(400, "invalid_request", "client_secret is missing.")
        if self._clients is not None and not hmac.compare_digest(
            self._clients[client_id], client_secret
        ):
            raise _OAuthError(401, "invalid_client", "Unauthorized")
        if grant_type == "authorization_code":
            return self._exchange_code(form, client_id)
        if grant_type == "refresh_token":
            return self._refresh(form, client_id)
        raise _OAuthError(400, "unsupported_grant_type", f"Invalid grant_type: {grant_type}")

    def _exchange_code(self, form: dict[str, str], client_id: str) -> WireResponse:
        code = form.get("code")
        if not code:
            raise _OAuthError(400, "invalid_request", "Missing required parameter: code")
        redirect_uri = form.get("redirect_uri")
        if not redirect_uri:
            raise _OAuthError(400, "invalid_request", "Missing required parameter: redirect_uri")
        # Single use: any attempt spends the code, so a wrong verifier cannot be retried.
        record = self._codes.pop(code, None)
        if record is None or record.expires_at <= self._clock.now():
            raise _OAuthError(400, "invalid_grant", "Bad Request")
        if record.client_id != client_id:
            raise _OAuthError(400, "invalid_grant", "Bad Request")
        if record.redirect_uri != redirect_uri:
            raise _OAuthError(400, "redirect_uri_mismatch", "Bad Request")
        verifier = form.get("code_verifier")
        if not verifier:
            raise _OAuthError(400, "invalid_grant", "Missing code verifier.")
        if not hmac.compare_digest(s256_challenge(verifier), record.challenge):
            raise _OAuthError(400, "invalid_grant", "Invalid code verifier.")
        refresh_token = self._tokens.issue_refresh_token(
            record.account, scopes=record.scopes, client_id=client_id
        )
        return self._token_response(
            record.account, record.scopes, client_id, refresh_token, include_refresh=True
        )

    def _refresh(self, form: dict[str, str], client_id: str) -> WireResponse:
        refresh_token = form.get("refresh_token")
        if not refresh_token:
            raise _OAuthError(400, "invalid_request", "Missing required parameter: refresh_token")
        grant = self._tokens.refresh_grant(refresh_token)
        if grant is None:
            raise _OAuthError(400, "invalid_grant", "Token has been expired or revoked.")
        if grant.client_id != client_id:
            raise _OAuthError(401, "unauthorized_client", "Unauthorized")
        return self._token_response(
            grant.account, grant.scopes, client_id, refresh_token, include_refresh=False
        )

    def _token_response(
        self,
        account: str,
        scopes: frozenset[str],
        client_id: str,
        refresh_token: str,
        *,
        include_refresh: bool,
    ) -> WireResponse:
        access_token = self._tokens.issue_access_token(
            account, scopes=scopes, ttl=float(ACCESS_TOKEN_LIFETIME)
        )
        self._tokens.link(refresh_token, access_token)
        body: dict[str, Any] = {
            "access_token": access_token,
            "expires_in": ACCESS_TOKEN_LIFETIME,
        }
        if include_refresh:
            body["refresh_token"] = refresh_token
        body["scope"] = " ".join(sorted(scopes))
        body["token_type"] = "Bearer"
        if "openid" in scopes:
            body["id_token"] = self._id_token(account, client_id, access_token, scopes)
        return _json(200, body)

    def _id_token(
        self, account: str, client_id: str, access_token: str, scopes: frozenset[str]
    ) -> str:
        now = int(self._clock.now())
        digest = hashlib.sha256(access_token.encode()).digest()
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "azp": client_id,
            "aud": client_id,
            "sub": subject_id(account),
            "at_hash": _b64url(digest[:16]),
            "iat": now,
            "exp": now + 3600,
        }
        if USERINFO_EMAIL_SCOPE in scopes:
            claims["email"] = account
            claims["email_verified"] = True
        header = {"alg": "HS256", "kid": "peopletui-emulator", "typ": "JWT"}
        signing_input = f"{_b64url_json(header)}.{_b64url_json(claims)}"
        signature = hmac.new(self._signing_key, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{_b64url(signature)}"

    # -- revocation and userinfo ------------------------------------------------------------

    def _revoke(self, request: WireRequest) -> WireResponse:
        form = _form(request)
        token = form.get("token") or _first_values(request.query).get("token")
        if not token:
            raise _OAuthError(400, "invalid_request", "Missing required parameter: token")
        if not self._tokens.revoke(token):
            raise _OAuthError(400, "invalid_token", "Token expired or revoked")
        return _json(200, {})

    def _userinfo(self, request: WireRequest) -> WireResponse:
        try:
            grant = self._tokens.authenticate(request.header("authorization"))
        except ApiError:
            response = _json(
                401, {"error": "invalid_request", "error_description": "Invalid Credentials"}
            )
            response.headers.append(
                ("www-authenticate", 'Bearer realm="https://accounts.google.com/"')
            )
            return response
        body: dict[str, Any] = {"sub": subject_id(grant.account)}
        if grant.scopes & {USERINFO_EMAIL_SCOPE, "email"}:
            body["email"] = grant.account
            body["email_verified"] = True
        return _json(200, body)

    @staticmethod
    def _allowed(method: str, allowed: tuple[str, ...]) -> WireResponse | None:
        if method in allowed:
            return None
        return WireResponse(
            405,
            b"Method Not Allowed",
            [("allow", ", ".join(allowed)), ("content-type", "text/plain; charset=UTF-8")],
        )


def granted_scopes(requested: list[str]) -> frozenset[str]:
    """The scopes Google grants for a request: long names for email/profile, plus openid."""
    scopes = {_SCOPE_ALIASES.get(scope, scope) for scope in requested}
    if scopes & {USERINFO_EMAIL_SCOPE, USERINFO_PROFILE_SCOPE}:
        scopes.add("openid")
    return frozenset(scopes)


def s256_challenge(verifier: str) -> str:
    """RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))) without padding."""
    return _b64url(hashlib.sha256(verifier.encode("ascii", "replace")).digest())


def subject_id(account: str) -> str:
    """A stable, Google-looking numeric ``sub`` for an account (21 digits)."""
    number = int.from_bytes(hashlib.sha256(account.lower().encode()).digest()[:8], "big")
    return "1" + str(number).zfill(20)[:20]


def _is_loopback_redirect(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme == "http"
        and parts.hostname in ("127.0.0.1", "::1", "localhost")
        and port is not None
        and not parts.fragment
    )


def _redirect(redirect_uri: str, params: dict[str, str | None]) -> WireResponse:
    query = urlencode({key: value for key, value in params.items() if value is not None})
    location = f"{redirect_uri}{'&' if '?' in redirect_uri else '?'}{query}"
    body = f'<html><body><a href="{html.escape(location)}">Moved</a></body></html>'
    return WireResponse(
        302,
        body.encode(),
        [("location", location), ("content-type", "text/html; charset=UTF-8"), *_NO_STORE],
    )


def _error_page(status: int, error: str, description: str) -> WireResponse:
    page = (
        "<!DOCTYPE html><html lang=en><title>Error</title><body>"
        f"<p><b>{status}.</b> That's an error.</p>"
        f"<p>Error: {html.escape(error)}</p><p>{html.escape(description)}</p></body></html>"
    )
    return WireResponse(status, page.encode(), [("content-type", "text/html; charset=UTF-8")])


def _json(status: int, payload: dict[str, Any]) -> WireResponse:
    text = json.dumps(payload, indent=2)
    return WireResponse(
        status,
        text.encode(),
        [("content-type", "application/json; charset=utf-8"), *_NO_STORE],
    )


def _form(request: WireRequest) -> dict[str, str]:
    pairs = parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True)
    return _first_values(tuple(pairs))


def _first_values(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in pairs:
        values.setdefault(key, value)
    return values


def _client_credentials(request: WireRequest, form: dict[str, str]) -> tuple[str, str]:
    """client_id and secret from the form, or from HTTP Basic (client_secret_basic)."""
    client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
    authorization = request.header("authorization") or ""
    if authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
        except ValueError:
            decoded = ""
        # RFC 6749 §2.3.1: both halves are form-encoded before joining.
        basic_id, _, basic_secret = (unquote_plus(part) for part in decoded.partition(":"))
        client_id = client_id or basic_id
        client_secret = client_secret or basic_secret
    return client_id, client_secret


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_json(value: dict[str, Any]) -> str:
    return _b64url(json.dumps(value, separators=(",", ":")).encode())
