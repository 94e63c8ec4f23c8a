"""Google's own Python libraries against the emulator on loopback: sign-in, refresh, API calls.

google-auth-oauthlib drives the code + PKCE flow and google-auth refreshes the token; the browser
is the only part played by the test (it follows the authorization redirect with httpx). The
token endpoint is plain http on 127.0.0.1, which oauthlib only accepts with
OAUTHLIB_INSECURE_TRANSPORT set.
"""

from __future__ import annotations

from collections.abc import Iterator

import google.auth.transport.requests
import httpx
import pytest
from google_auth_oauthlib.flow import Flow

from peopletui.emulator import Emulator
from peopletui.emulator.http import serve_in_thread

SCOPES = [
    "https://www.googleapis.com/auth/contacts",
    "openid",
    "https://www.googleapis.com/auth/userinfo.email",
]


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Emulator, str]]:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    emulator = Emulator(contacts=4)
    with serve_in_thread(emulator) as base_url:
        yield emulator, base_url


def test_google_auth_oauthlib_signs_in_and_google_auth_refreshes(
    served: tuple[Emulator, str],
) -> None:
    emulator, base_url = served
    config = {
        "installed": {
            "client_id": "1234-emulator.apps.googleusercontent.com",
            "client_secret": "GOCSPX-test",
            "auth_uri": f"{base_url}/o/oauth2/auth",
            "token_uri": f"{base_url}/token",
            "redirect_uris": ["http://127.0.0.1"],
        }
    }
    flow = Flow.from_client_config(config, scopes=SCOPES, redirect_uri="http://127.0.0.1:8765/")
    url, _state = flow.authorization_url()
    assert "code_challenge_method=S256" in url
    redirect = httpx.get(url, follow_redirects=False)  # the browser's part
    flow.fetch_token(authorization_response=redirect.headers["location"])
    credentials = flow.credentials
    assert credentials.refresh_token
    assert credentials.id_token

    def connections(token: str) -> int:
        response = httpx.get(
            f"{base_url}/v1/people/me/connections",
            params={"personFields": "names"},
            headers={"Authorization": f"Bearer {token}"},
        )
        return response.status_code

    assert connections(credentials.token) == 200
    first_token = credentials.token
    emulator.clock.advance(3600)
    assert connections(first_token) == 401
    credentials.refresh(google.auth.transport.requests.Request())
    assert credentials.token != first_token
    assert connections(credentials.token) == 200
