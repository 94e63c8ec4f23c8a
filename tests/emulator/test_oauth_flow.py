"""The emulator's OAuth endpoints, through the real emulator: code + PKCE, refresh, revoke, expiry.

Requests go through the in-process transport; there is no browser, so the test plays its part by
reading the authorization endpoint's redirect.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from support.discovery_validator import validate_error_envelope

from peopletui.emulator import Emulator
from peopletui.emulator.clock import Clock
from peopletui.emulator.oauth import OAuthServer
from peopletui.emulator.tokens import TokenRegistry
from peopletui.emulator.wire import WireRequest

CLIENT_ID = "1234-emulator.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-test"
REDIRECT = "http://127.0.0.1:8765/"
CONTACTS = "https://www.googleapis.com/auth/contacts"
USERINFO_EMAIL = "https://www.googleapis.com/auth/userinfo.email"
CONNECTIONS = "/v1/people/me/connections?personFields=names"


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(contacts=3)


@pytest.fixture
async def http(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url="https://people.emulator.invalid"
    ) as client:
        yield client


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


async def authorize(
    http: httpx.AsyncClient, challenge: str, **overrides: str | None
) -> httpx.Response:
    params: dict[str, str | None] = {
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "response_type": "code",
        "scope": f"{CONTACTS} openid email",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "state": "st-42",
    }
    params.update(overrides)
    sent = {key: value for key, value in params.items() if value is not None}
    return await http.get("/o/oauth2/v2/auth", params=sent)


def redirect_params(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(REDIRECT)
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


async def token(http: httpx.AsyncClient, **form: str) -> httpx.Response:
    fields = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **form}
    return await http.post("/token", data=fields)


async def exchange(
    http: httpx.AsyncClient, code: str, verifier: str, redirect_uri: str = REDIRECT
) -> httpx.Response:
    return await token(
        http,
        grant_type="authorization_code",
        code=code,
        code_verifier=verifier,
        redirect_uri=redirect_uri,
    )


async def sign_in(http: httpx.AsyncClient, **overrides: str | None) -> dict[str, Any]:
    verifier, challenge = pkce()
    code = redirect_params(await authorize(http, challenge, **overrides))["code"]
    response = await exchange(http, code, verifier)
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


def jwt_claims(jwt: str) -> dict[str, Any]:
    payload = jwt.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


async def api(http: httpx.AsyncClient, access_token: str) -> httpx.Response:
    return await http.get(CONNECTIONS, headers={"Authorization": f"Bearer {access_token}"})


def oauth_error(response: httpx.Response) -> tuple[int, str, str]:
    body = response.json()
    return response.status_code, body["error"], body["error_description"]


async def test_code_flow_with_pkce(http: httpx.AsyncClient, emulator: Emulator) -> None:
    verifier, challenge = pkce()
    redirected = redirect_params(await authorize(http, challenge, login_hint="ada@example.org"))
    assert redirected["state"] == "st-42"
    # Google grants the long name for "email", and openid with it.
    assert set(redirected["scope"].split()) == {CONTACTS, USERINFO_EMAIL, "openid"}

    response = await exchange(http, redirected["code"], verifier)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "no-store" in response.headers["cache-control"]
    body = response.json()
    assert body["expires_in"] == 3599
    assert body["token_type"] == "Bearer"
    assert set(body["scope"].split()) == {CONTACTS, USERINFO_EMAIL, "openid"}
    assert body["refresh_token"]
    claims = jwt_claims(body["id_token"])
    assert claims["iss"] == "https://accounts.google.com"
    assert claims["aud"] == CLIENT_ID
    assert claims["email"] == "ada@example.org"
    assert claims["email_verified"] is True
    assert claims["exp"] > claims["iat"] >= int(emulator.clock.now()) - 5

    userinfo = await http.get(
        "/oauth2/v3/userinfo", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert userinfo.json() == {
        "sub": claims["sub"],
        "email": "ada@example.org",
        "email_verified": True,
    }


async def test_signed_in_token_reads_the_default_book(http: httpx.AsyncClient) -> None:
    tokens = await sign_in(http)
    response = await api(http, tokens["access_token"])
    assert response.status_code == 200
    assert "connections" in response.json()


async def test_wrong_verifier_is_refused_and_spends_the_code(http: httpx.AsyncClient) -> None:
    verifier, challenge = pkce()
    code = redirect_params(await authorize(http, challenge))["code"]
    wrong = await exchange(http, code, pkce()[0])
    assert oauth_error(wrong) == (400, "invalid_grant", "Invalid code verifier.")
    retry = await exchange(http, code, verifier)
    assert oauth_error(retry) == (400, "invalid_grant", "Bad Request")


async def test_missing_verifier_is_refused(http: httpx.AsyncClient) -> None:
    _, challenge = pkce()
    code = redirect_params(await authorize(http, challenge))["code"]
    response = await token(http, grant_type="authorization_code", code=code, redirect_uri=REDIRECT)
    assert oauth_error(response) == (400, "invalid_grant", "Missing code verifier.")


async def test_code_is_single_use(http: httpx.AsyncClient) -> None:
    verifier, challenge = pkce()
    code = redirect_params(await authorize(http, challenge))["code"]
    assert (await exchange(http, code, verifier)).status_code == 200
    again = await exchange(http, code, verifier)
    assert oauth_error(again) == (400, "invalid_grant", "Bad Request")
    unknown = await exchange(http, "4/0never-issued", verifier)
    assert oauth_error(unknown) == (400, "invalid_grant", "Bad Request")


async def test_code_expires_after_ten_minutes(http: httpx.AsyncClient, emulator: Emulator) -> None:
    verifier, challenge = pkce()
    code = redirect_params(await authorize(http, challenge))["code"]
    emulator.clock.advance(601)
    assert oauth_error(await exchange(http, code, verifier))[1] == "invalid_grant"


async def test_redirect_uri_must_match_at_the_token_endpoint(http: httpx.AsyncClient) -> None:
    verifier, challenge = pkce()
    code = redirect_params(await authorize(http, challenge))["code"]
    response = await exchange(http, code, verifier, redirect_uri="http://127.0.0.1:9999/")
    assert oauth_error(response) == (400, "redirect_uri_mismatch", "Bad Request")


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.example/callback",
        "http://192.168.1.5:8765/",
        "http://127.0.0.1/",  # no port
        "https://127.0.0.1:8765/",
        "urn:ietf:wg:oauth:2.0:oob",
    ],
)
async def test_non_loopback_redirect_gets_an_error_page_not_a_redirect(
    http: httpx.AsyncClient, redirect_uri: str
) -> None:
    response = await authorize(http, pkce()[1], redirect_uri=redirect_uri)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "redirect_uri_mismatch" in response.text


@pytest.mark.parametrize("redirect_uri", ["http://[::1]:8765/", "http://localhost:8765/cb"])
async def test_every_loopback_form_is_accepted(http: httpx.AsyncClient, redirect_uri: str) -> None:
    response = await authorize(http, pkce()[1], redirect_uri=redirect_uri)
    assert response.status_code == 302
    assert response.headers["location"].startswith(redirect_uri + "?")


async def test_missing_client_id_gets_an_error_page(http: httpx.AsyncClient) -> None:
    response = await authorize(http, pkce()[1], client_id=None)
    assert response.status_code == 400
    assert "Missing required parameter: client_id" in response.text


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge_method": None}, "invalid_request"),
        ({"code_challenge": None}, "invalid_request"),
        ({"code_challenge": "too-short"}, "invalid_request"),
        ({"scope": f"{CONTACTS} https://mail.google.com/"}, "invalid_scope"),
        ({"scope": None}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
)
async def test_authorization_errors_redirect_with_error_and_state(
    http: httpx.AsyncClient, overrides: dict[str, str | None], error: str
) -> None:
    redirected = redirect_params(await authorize(http, pkce()[1], **overrides))
    assert redirected["error"] == error
    assert redirected["state"] == "st-42"
    assert "code" not in redirected


async def test_refresh_gives_a_new_working_access_token(http: httpx.AsyncClient) -> None:
    tokens = await sign_in(http)
    response = await token(http, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert response.status_code == 200
    refreshed = response.json()
    assert "refresh_token" not in refreshed  # only the first exchange returns one
    assert refreshed["expires_in"] == 3599
    assert refreshed["access_token"] != tokens["access_token"]
    assert jwt_claims(refreshed["id_token"])["sub"] == jwt_claims(tokens["id_token"])["sub"]
    assert (await api(http, refreshed["access_token"])).status_code == 200
    assert (await api(http, tokens["access_token"])).status_code == 200


async def test_access_token_expires_by_the_emulator_clock(
    http: httpx.AsyncClient, emulator: Emulator
) -> None:
    tokens = await sign_in(http)
    emulator.clock.advance(3599)
    expired = await api(http, tokens["access_token"])
    assert expired.status_code == 401
    assert validate_error_envelope(expired.json(), 401) == []
    assert expired.json()["error"]["status"] == "UNAUTHENTICATED"
    assert "invalid_token" in expired.headers["www-authenticate"]
    response = await token(http, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert (await api(http, response.json()["access_token"])).status_code == 200


async def test_revoked_refresh_token_cannot_refresh(http: httpx.AsyncClient) -> None:
    tokens = await sign_in(http)
    revoked = await http.post("/revoke", data={"token": tokens["refresh_token"]})
    assert revoked.status_code == 200
    assert revoked.json() == {}
    refresh = await token(http, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert oauth_error(refresh) == (400, "invalid_grant", "Token has been expired or revoked.")
    assert (await api(http, tokens["access_token"])).status_code == 401
    again = await http.post("/revoke", data={"token": tokens["refresh_token"]})
    assert oauth_error(again) == (400, "invalid_token", "Token expired or revoked")


async def test_revoking_the_access_token_revokes_its_grant(http: httpx.AsyncClient) -> None:
    tokens = await sign_in(http)
    revoked = await http.post("/revoke", params={"token": tokens["access_token"]})
    assert revoked.status_code == 200
    refresh = await token(http, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert oauth_error(refresh)[1] == "invalid_grant"


async def test_userinfo_needs_a_valid_token(http: httpx.AsyncClient) -> None:
    response = await http.get("/oauth2/v3/userinfo", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_request"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        (
            {"grant_type": "refresh_token", "client_id": ""},
            (400, "invalid_request", "Could not determine client ID from request."),
        ),
        (
            {"grant_type": "refresh_token", "client_secret": ""},
            (400, "invalid_request", "client_secret is missing."),
        ),
        (
            {"grant_type": "password"},
            (400, "unsupported_grant_type", "Invalid grant_type: password"),
        ),
        ({}, (400, "invalid_request", "Missing required parameter: grant_type")),
        (
            {"grant_type": "refresh_token"},
            (400, "invalid_request", "Missing required parameter: refresh_token"),
        ),
        (
            {"grant_type": "refresh_token", "refresh_token": "1//never-issued"},
            (400, "invalid_grant", "Token has been expired or revoked."),
        ),
    ],
)
async def test_token_endpoint_errors(
    http: httpx.AsyncClient, form: dict[str, str], expected: tuple[int, str, str]
) -> None:
    assert oauth_error(await token(http, **form)) == expected


async def test_refresh_token_belongs_to_its_client(http: httpx.AsyncClient) -> None:
    tokens = await sign_in(http)
    response = await token(
        http,
        grant_type="refresh_token",
        refresh_token=tokens["refresh_token"],
        client_id="someone-else",
    )
    assert oauth_error(response) == (401, "unauthorized_client", "Unauthorized")


def test_registered_clients_are_checked() -> None:
    server = OAuthServer(
        TokenRegistry(Clock()),
        clock=Clock(),
        default_account="demo@example.org",
        clients={CLIENT_ID: CLIENT_SECRET},
    )

    def post(form: str) -> tuple[int, str]:
        response = server.handle(WireRequest("POST", "/token", body=form.encode()))
        return response.status, json.loads(response.body)["error"]

    assert post("grant_type=refresh_token&client_id=unknown&client_secret=x") == (
        401,
        "invalid_client",
    )
    assert post(f"grant_type=refresh_token&client_id={CLIENT_ID}&client_secret=wrong") == (
        401,
        "invalid_client",
    )
    page = server.handle(WireRequest("GET", "/o/oauth2/auth", (("client_id", "unknown"),)))
    assert page.status == 401
    assert b"invalid_client" in page.body


async def test_faults_never_touch_the_oauth_endpoints() -> None:
    emulator = Emulator(contacts=2, faults="rate=1,kinds=500+drop")
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url="https://people.emulator.invalid"
    ) as http:
        tokens = await sign_in(http)
        outcomes: set[int | str] = set()
        for _ in range(20):
            try:
                outcomes.add((await api(http, tokens["access_token"])).status_code)
            except httpx.RemoteProtocolError:
                outcomes.add("drop")
        refreshed = await token(
            http, grant_type="refresh_token", refresh_token=tokens["refresh_token"]
        )
    assert outcomes == {500, "drop"}
    assert refreshed.status_code == 200
