"""SignInScreen driving a real sign-in (`peopletui.services.sign_in`) against the emulator's OAuth
server: the test plays the browser — it follows the address the screen shows and lands on the
flow's loopback listener — or the user who pastes the redirected address back.

The desktop keyring is the one thing replaced: `MemoryKeyring` (tests/auth/auth_helpers.py) is a
real keyring backend class that keeps entries in a dict and can act locked, because the test
machine has no Secret Service. Everything else (OAuth endpoints, loopback listener, token store,
httpx) is the real thing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from auth.auth_helpers import EMULATOR_URL, MemoryKeyring, consent, with_param, write_client_file
from textual.app import App
from textual.message import Message
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from peopletui.auth import KeyringTokenStore, OAuthEndpoints, TokenStore, open_token_store
from peopletui.emulator import DEFAULT_ACCOUNT, Emulator
from peopletui.paths import styles_dir
from peopletui.services.sign_in import SignInMethod, SignInSetup, sign_in_starter
from peopletui.ui.screens.sign_in import SignInReason, SignInScreen

SIZE = (110, 40)
# A safety net for a hung test, not a measured time: every wait ends on a message.
PATIENCE = 20.0


class Host(App[None]):
    CSS_PATH: ClassVar[list[Any]] = [styles_dir() / "app.tcss", styles_dir() / "widgets.tcss"]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.pushed = screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.pushed, self.results.append)


class Arrivals:
    """Waits for messages of a kind to reach the screen (a `run_test` message hook). Each
    arrival is waited for once, and one that came before the wait began still counts."""

    def __init__(self) -> None:
        self._unclaimed: list[Message] = []
        self._arrived = asyncio.Event()

    def hook(self, message: Message) -> None:
        if isinstance(message, SignInScreen.Progress):
            self._unclaimed.append(message)
            self._arrived.set()

    async def wait(self, pilot: Pilot[Any], kind: type[Message]) -> None:
        async with asyncio.timeout(PATIENCE):
            while not any(isinstance(message, kind) for message in self._unclaimed):
                self._arrived.clear()
                await self._arrived.wait()
        first = next(message for message in self._unclaimed if isinstance(message, kind))
        del self._unclaimed[: self._unclaimed.index(first) + 1]
        await pilot.pause()  # let the screen handle it


@pytest.fixture(autouse=True)
def not_over_ssh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen starts in the browser mode unless told otherwise (an SSH session would pick
    the paste mode by itself)."""
    monkeypatch.delenv("SSH_CONNECTION", raising=False)


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(contacts=0)


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def setup_for(
    emulator: Emulator,
    keyring_backend: MemoryKeyring,
    client_file: Path,
    *,
    open_browser: Callable[[str], bool] = lambda url: False,
) -> SignInSetup:
    async def open_store() -> TokenStore:
        return await open_token_store("keyring", backend=keyring_backend, keyring_timeout=5)

    return SignInSetup(
        open_store=open_store,
        client_secrets=client_file,
        endpoints=OAuthEndpoints.at(EMULATOR_URL),
        transport=emulator.transport(),
        open_browser=open_browser,
        clock=emulator.clock.now,
    )


def shown(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def stored_account(keyring_backend: MemoryKeyring) -> str:
    return (await KeyringTokenStore(keyring_backend).current()).account


async def test_browser_sign_in_dismisses_with_the_account(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    setup = setup_for(emulator, keyring_backend, write_client_file(tmp_path))
    app = Host(SignInScreen(sign_in_starter(setup)))
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Waiting)
        assert "No Google account is signed in yet." in shown(app, "#sign-in-reason")
        assert "No browser could be opened here" in shown(app, "#sign-in-state")
        assert "Waiting for the browser" in shown(app, "#sign-in-waiting")
        url = shown(app, "#sign-in-url")
        await pilot.press("c")
        assert app.clipboard == url
        # The browser: Google's consent page answers with a redirect to the loopback listener.
        async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
            redirect = await consent(at_emulator, url)
        async with httpx.AsyncClient() as browser:
            stray = await browser.get(with_param(redirect, state="forged"))
            await arrivals.wait(pilot, SignInScreen.Refused)
            assert "Not accepted: the state does not match" in shown(app, "#sign-in-refused")
            assert (await browser.get(redirect)).status_code == 200
        assert stray.status_code == 400
        await arrivals.wait(pilot, SignInScreen.Finished)
        assert app.results == [DEFAULT_ACCOUNT]
    assert await stored_account(keyring_backend) == DEFAULT_ACCOUNT


async def test_pasted_redirect_signs_in(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    def no_browser(url: str) -> bool:
        raise AssertionError("the paste mode must not open a browser")

    setup = setup_for(
        emulator, keyring_backend, write_client_file(tmp_path), open_browser=no_browser
    )
    screen = SignInScreen(
        sign_in_starter(setup, login_hint="ada@example.org"),
        account="ada@example.org",
        reason=SignInReason.REFUSED,
        method=SignInMethod.PASTE,
    )
    app = Host(screen)
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Waiting)
        assert shown(app, "#sign-in-reason") == (
            "Google refused the saved sign-in for ada@example.org (it may have expired after 7 "
            "days in Testing mode); your unsaved edits are kept and will be sent after you sign in."
        )
        assert "copy that whole address" in shown(app, "#sign-in-state")
        url = shown(app, "#sign-in-url")
        async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
            redirect = await consent(at_emulator, url)
        await pilot.press("c")  # copies the address and moves to the paste box
        paste_box = app.screen.query_one("#sign-in-paste-input", Input)
        assert app.focused is paste_box
        paste_box.value = "the code is 4/abc"
        await pilot.press("enter")
        await arrivals.wait(pilot, SignInScreen.Refused)
        assert "Not accepted: paste the whole address" in shown(app, "#sign-in-refused")
        paste_box.value = f"  {redirect}  "
        await pilot.press("enter")
        await arrivals.wait(pilot, SignInScreen.Finished)
        assert app.results == ["ada@example.org"]
    assert await stored_account(keyring_backend) == "ada@example.org"


async def test_a_locked_keyring_is_explained_and_retry_recovers(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    keyring_backend.locked = True
    setup = setup_for(emulator, keyring_backend, write_client_file(tmp_path))
    app = Host(SignInScreen(sign_in_starter(setup)))
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Stopped)
        assert app.screen.has_class("-problem")
        text = shown(app, "#sign-in-problem-text")
        assert text.startswith("The keyring is locked.")
        assert "Install and start a Secret Service provider" in text
        assert "--token-store file" in text
        assert "q to quit" in text
        assert app.screen.query_one("#sign-in-quit", Button).display
        keyring_backend.locked = False  # the user unlocks it
        await pilot.press("r")
        await arrivals.wait(pilot, SignInScreen.Waiting)
        assert not app.screen.has_class("-problem")
        assert shown(app, "#sign-in-url").startswith(EMULATOR_URL)


async def test_quit_leaves_the_app(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    keyring_backend.locked = True
    setup = setup_for(emulator, keyring_backend, write_client_file(tmp_path))
    app = Host(SignInScreen(sign_in_starter(setup)))
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Stopped)
        await pilot.click("#sign-in-quit")
        await pilot.pause()
        assert app._exit
        assert app.results == []


async def test_missing_client_secrets_point_to_the_readme(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    setup = setup_for(emulator, keyring_backend, tmp_path / "client_secret.json")
    app = Host(SignInScreen(sign_in_starter(setup)))
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Stopped)
        text = shown(app, "#sign-in-problem-text")
        assert text.startswith(f"No OAuth client file at {tmp_path / 'client_secret.json'}")
        assert "“Signing in with Google”" in text
        assert "--client-secrets FILE" in text


async def test_escape_gives_up_and_closes_the_listener(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    setup = setup_for(emulator, keyring_backend, write_client_file(tmp_path))
    app = Host(SignInScreen(sign_in_starter(setup)))
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Waiting)
        async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
            redirect = await consent(at_emulator, shown(app, "#sign-in-url"))
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        assert app.results == [None]
        async with httpx.AsyncClient() as browser:
            with pytest.raises(httpx.ConnectError):
                await browser.get(redirect)
    assert keyring_backend.entries == {}  # nothing was stored


async def test_switching_to_paste_starts_a_new_sign_in(
    emulator: Emulator, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    setup = setup_for(emulator, keyring_backend, write_client_file(tmp_path))
    app = Host(SignInScreen(sign_in_starter(setup)))
    arrivals = Arrivals()
    async with app.run_test(size=SIZE, message_hook=arrivals.hook) as pilot:
        await arrivals.wait(pilot, SignInScreen.Waiting)
        browser_url = shown(app, "#sign-in-url")
        assert "press p to paste" in shown(app, "#sign-in-hint").lower()
        await pilot.press("p")
        await arrivals.wait(pilot, SignInScreen.Waiting)
        assert app.screen.has_class("-paste")
        assert shown(app, "#sign-in-url") != browser_url
        assert "Press b to open a browser" in shown(app, "#sign-in-hint")
