"""`peopletui.services.sign_in`, the glue the sign-in screen calls: the flow's events become
`SignInUi` calls, its failures one `SignInProblem` each, and the browser opener never starts a
text-mode browser inside the app's terminal.

Replaced here: the browser (`webbrowser`'s choice, and Google's unreachable token endpoint, which
an `httpx.MockTransport` that refuses every connection stands in for). The OAuth server is the
emulator's and the token store a real file store.
"""

from __future__ import annotations

import asyncio
import sys
import webbrowser
from functools import partial
from pathlib import Path

import httpx
import pytest
from auth.auth_helpers import EMULATOR_URL, consent, write_client_file

from peopletui.auth import AccountIndex, FileTokenStore, OAuthEndpoints, open_token_store
from peopletui.emulator import DEFAULT_ACCOUNT, Emulator
from peopletui.services.sign_in import (
    SignInMethod,
    SignInProblem,
    SignInProblemKind,
    SignInSetup,
    open_in_window,
    preferred_method,
    sign_in,
)


class ScriptedUser:
    """A `SignInUi` that writes down what it is shown and pastes what the emulator answers."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.shown: list[tuple[str, object]] = []
        self.url: str | None = None

    def show_url(self, url: str) -> None:
        self.url = url
        self.shown.append(("url", url))

    def show_browser_opened(self, opened: bool) -> None:
        self.shown.append(("browser", opened))

    def show_waiting(self, redirect_uri: str, *, paste: bool) -> None:
        self.shown.append(("waiting", paste))

    def show_refused(self, reason: str) -> None:
        self.shown.append(("refused", reason))

    def show_warning(self, text: str) -> None:
        self.shown.append(("warning", text))

    async def read_redirect(self) -> str:
        assert self.url is not None
        async with httpx.AsyncClient(transport=self.emulator.transport()) as at_emulator:
            return await consent(at_emulator, self.url)


def file_store_setup(tmp_path: Path, transport: httpx.AsyncBaseTransport) -> SignInSetup:
    return SignInSetup(
        open_store=partial(open_token_store, "file", path=tmp_path / "tokens.json"),
        client_secrets=write_client_file(tmp_path),
        endpoints=OAuthEndpoints.at(EMULATOR_URL),
        transport=transport,
    )


async def test_paste_sign_in_reports_each_step_and_stores_the_token(tmp_path: Path) -> None:
    emulator = Emulator(contacts=0)
    user = ScriptedUser(emulator)
    setup = file_store_setup(tmp_path, emulator.transport())
    account = await sign_in(setup, user, SignInMethod.PASTE)
    assert account == DEFAULT_ACCOUNT
    kinds = [kind for kind, _ in user.shown]
    # The file store's caveat first (it is not encrypted), then the flow's steps in order.
    assert kinds == ["warning", "url", "waiting"]
    assert "not encrypted" in str(user.shown[0][1])
    assert ("waiting", True) in user.shown
    token = await FileTokenStore(tmp_path / "tokens.json").load(DEFAULT_ACCOUNT)
    assert token is not None


async def test_an_unreachable_token_endpoint_is_one_problem(tmp_path: Path) -> None:
    emulator = Emulator(contacts=0)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    setup = file_store_setup(tmp_path, httpx.MockTransport(refuse))
    with pytest.raises(SignInProblem) as caught:
        await sign_in(setup, ScriptedUser(emulator), SignInMethod.PASTE)
    assert caught.value.kind is SignInProblemKind.UNREACHABLE


async def test_a_bad_client_file_is_a_client_secrets_problem(tmp_path: Path) -> None:
    emulator = Emulator(contacts=0)
    setup = file_store_setup(tmp_path, emulator.transport())
    assert setup.client_secrets is not None
    setup.client_secrets.write_text("{}")
    with pytest.raises(SignInProblem) as caught:
        await sign_in(setup, ScriptedUser(emulator), SignInMethod.BROWSER)
    assert caught.value.kind is SignInProblemKind.CLIENT_SECRETS


async def test_cancelling_a_sign_in_stores_nothing(tmp_path: Path) -> None:
    emulator = Emulator(contacts=0)
    waiting = asyncio.Event()

    class Waiter(ScriptedUser):
        def show_waiting(self, redirect_uri: str, *, paste: bool) -> None:
            waiting.set()

    setup = file_store_setup(tmp_path, emulator.transport())
    task = asyncio.create_task(sign_in(setup, Waiter(emulator), SignInMethod.BROWSER))
    await asyncio.wait_for(waiting.wait(), 20)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await FileTokenStore(tmp_path / "tokens.json").index() == AccountIndex()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays")
def test_no_windowed_browser_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)

    def no_lookup(*args: object) -> webbrowser.BaseBrowser:
        raise AssertionError("without a display no browser is looked up")

    monkeypatch.setattr(webbrowser, "get", no_lookup)
    assert open_in_window("https://example.org/") is False


class RecordingBrowser(webbrowser.BackgroundBrowser):
    """Stands in for a windowed browser (none can run here)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def test_text_mode_browsers_are_never_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    lynx = webbrowser.GenericBrowser("lynx")
    monkeypatch.setattr(webbrowser, "get", lambda *args: lynx)
    monkeypatch.setattr(lynx, "open", lambda *args: pytest.fail("lynx must not start"))
    assert open_in_window("https://example.org/") is False

    windowed = RecordingBrowser("firefox")
    monkeypatch.setattr(webbrowser, "get", lambda *args: windowed)
    assert open_in_window("https://example.org/") is True
    assert windowed.opened == ["https://example.org/"]


def test_an_ssh_session_prefers_pasting_the_address() -> None:
    assert preferred_method({"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22"}) is SignInMethod.PASTE
    assert preferred_method({}) is SignInMethod.BROWSER
