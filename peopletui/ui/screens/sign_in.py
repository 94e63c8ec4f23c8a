"""SignInScreen: sign in with Google without blocking the app.

The screen holds no auth objects: the app hands it a `SignInStarter` (see
`peopletui.services.sign_in`), which it runs in a worker with a `SignInUi` of its own. Each call
the flow makes on that `SignInUi` becomes a message to the screen, whose handlers change what is
shown; a pasted address travels the other way through a queue the flow awaits.

What it shows: why a sign-in is needed, the address to open (copy it with `c`), "waiting for the
browser…", a box for the redirected ``http://127.0.0.1:…`` address in the paste mode (SSH, no
browser; `p` and `b` switch modes), refused redirects, and every problem with its ways forward
(`r` tries again, `q` quits). It dismisses with the signed-in account's email, or None when the
user backs out with escape. Styles: `styles/sign_in.tcss`.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar, Final

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static
from textual.worker import Worker, WorkerState

from peopletui.paths import styles_dir
from peopletui.services.sign_in import (
    SignInMethod,
    SignInProblem,
    SignInStarter,
    preferred_method,
)
from peopletui.ui.screens.sign_in_text import (
    UNEXPECTED_PROBLEM,
    SignInReason,
    browser_opened_text,
    method_hint,
    problem_text,
    reason_text,
    waiting_text,
)
from peopletui.ui.text import literal
from peopletui.ui.workers import ForwardsWorkerErrors

__all__ = ["SignInReason", "SignInScreen"]

_FLOW_GROUP: Final = "sign-in"


class _ScreenSignInUi:
    """The `SignInUi` one run of the flow talks to. The flow runs in a worker, so every call
    becomes a message: the screen's handlers own what is shown. `run` tells the screen which
    run a message belongs to, so a cancelled run's last words are ignored."""

    def __init__(self, screen: SignInScreen, run: int) -> None:
        self._screen = screen
        self.run = run
        self._pasted: asyncio.Queue[str] = asyncio.Queue()

    def show_url(self, url: str) -> None:
        self._screen.post_message(SignInScreen.UrlShown(self.run, url))

    def show_browser_opened(self, opened: bool) -> None:
        self._screen.post_message(SignInScreen.BrowserStarted(self.run, opened))

    def show_waiting(self, redirect_uri: str, *, paste: bool) -> None:
        self._screen.post_message(SignInScreen.Waiting(self.run, redirect_uri, paste))

    def show_refused(self, reason: str) -> None:
        self._screen.post_message(SignInScreen.Refused(self.run, reason))

    def show_warning(self, text: str) -> None:
        self._screen.post_message(SignInScreen.Warned(self.run, text))

    async def read_redirect(self) -> str:
        return await self._pasted.get()

    def paste(self, address: str) -> None:
        self._pasted.put_nowait(address)


class SignInScreen(ForwardsWorkerErrors, Screen["str | None"]):
    CSS_PATH = str(styles_dir() / "sign_in.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "c",
            "copy_url",
            "Copy address",
            id="sign_in.copy_url",
            tooltip="Copy the sign-in address to the clipboard",
        ),
        Binding(
            "p",
            "use_paste",
            "Paste instead",
            id="sign_in.use_paste",
            tooltip="Sign in with a browser anywhere, then paste back the address it ends on",
        ),
        Binding(
            "b",
            "use_browser",
            "Use a browser here",
            id="sign_in.use_browser",
            tooltip="Open a browser on this computer and wait for it",
        ),
        Binding("r", "retry", "Try again", id="sign_in.retry", tooltip="Start the sign-in again"),
        Binding("q", "quit", "Quit", id="sign_in.quit", tooltip="Leave peopletui"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="sign_in.cancel",
            tooltip="Stop signing in and go back",
        ),
    ]

    class Progress(Message):
        """Something happened in one run of the sign-in."""

        def __init__(self, run: int) -> None:
            super().__init__()
            self.run = run

    class UrlShown(Progress):
        def __init__(self, run: int, url: str) -> None:
            super().__init__(run)
            self.url = url

    class BrowserStarted(Progress):
        def __init__(self, run: int, opened: bool) -> None:
            super().__init__(run)
            self.opened = opened

    class Waiting(Progress):
        def __init__(self, run: int, redirect_uri: str, paste: bool) -> None:
            super().__init__(run)
            self.redirect_uri = redirect_uri
            self.paste = paste

    class Refused(Progress):
        def __init__(self, run: int, reason: str) -> None:
            super().__init__(run)
            self.reason = reason

    class Warned(Progress):
        def __init__(self, run: int, text: str) -> None:
            super().__init__(run)
            self.text = text

    class Finished(Progress):
        def __init__(self, run: int, account: str) -> None:
            super().__init__(run)
            self.account = account

    class Stopped(Progress):
        def __init__(self, run: int, problem: SignInProblem) -> None:
            super().__init__(run)
            self.problem = problem

    def __init__(
        self,
        start: SignInStarter,
        *,
        account: str | None = None,
        reason: SignInReason = SignInReason.NOT_SIGNED_IN,
        detail: str = "",
        method: SignInMethod | None = None,
    ) -> None:
        """`account`: the account expected (None on a first start); `detail`: the error's own
        words, shown small; `method`: how to start (by default PASTE in an SSH session, as
        `peopletui login` does; pass PASTE for ``--no-browser``). `p` and `b` switch."""
        super().__init__()
        self._start = start
        self._account = account
        self._reason = reason
        self._detail = detail
        self._method = method or preferred_method()
        self._ui: _ScreenSignInUi | None = None
        self._url: str | None = None
        self._problem: SignInProblem | None = None
        self._flow_worker: Worker[None] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in-dialog"):
            yield Static("Sign in with Google", id="sign-in-title")
            yield Static(
                reason_text(self._account, self._reason, self._detail), id="sign-in-reason"
            )
            with Vertical(id="sign-in-progress"):
                yield Static(id="sign-in-state")
                yield Static(id="sign-in-waiting")
                with Vertical(id="sign-in-address"):
                    yield Static("Open this address in a browser:", id="sign-in-address-label")
                    yield Static(id="sign-in-url")
                    yield Button("Copy address", id="sign-in-copy", variant="primary")
                with Vertical(id="sign-in-paste"):
                    yield Input(placeholder="http://127.0.0.1:…", id="sign-in-paste-input")
                yield Static(id="sign-in-refused")
                yield Static(id="sign-in-hint")
            with Vertical(id="sign-in-problem"):
                yield Static(id="sign-in-problem-text")
                with Horizontal(id="sign-in-problem-buttons"):
                    yield Button("Try again", id="sign-in-retry", variant="primary")
                    yield Button("Quit", id="sign-in-quit")
        yield Footer()

    def on_mount(self) -> None:
        self._begin()

    # -- running the flow ----------------------------------------------------------------------

    def _begin(self) -> None:
        """Start a new run (the first, a retry, or after switching the method)."""
        run = self._ui.run + 1 if self._ui is not None else 1
        self._ui = _ScreenSignInUi(self, run)
        self._url = None
        self._problem = None
        paste = self._method is SignInMethod.PASTE
        self.set_class(paste, "-paste")
        self.remove_class("-has-url", "-waiting", "-problem")
        self._state("Preparing the sign-in…")
        self.query_one("#sign-in-waiting", Static).update("")
        self.query_one("#sign-in-url", Static).update("")
        self.query_one("#sign-in-refused", Static).update("")
        self.query_one("#sign-in-paste-input", Input).clear()
        self.query_one("#sign-in-hint", Static).update(method_hint(paste))
        self.refresh_bindings()
        self._flow_worker = self._flow(self._ui, self._method)

    @work(group=_FLOW_GROUP, exclusive=True, exit_on_error=False)
    async def _flow(self, ui: _ScreenSignInUi, method: SignInMethod) -> None:
        # Exclusive: switching the method cancels the running flow, which closes its listener.
        try:
            account = await self._start(ui, method)
        except SignInProblem as problem:
            self.post_message(self.Stopped(ui.run, problem))
            return
        self.post_message(self.Finished(ui.run, account))

    def _current(self, message: Progress) -> bool:
        return self._ui is not None and message.run == self._ui.run

    def _state(self, text: str) -> None:
        self.query_one("#sign-in-state", Static).update(literal(text))

    @on(UrlShown)
    def _url_shown(self, message: UrlShown) -> None:
        if not self._current(message):
            return
        self._url = message.url
        self.add_class("-has-url")
        self.query_one("#sign-in-url", Static).update(literal(message.url))
        self.query_one("#sign-in-copy", Button).focus()
        self.refresh_bindings()

    @on(BrowserStarted)
    def _browser_started(self, message: BrowserStarted) -> None:
        if self._current(message):
            self._state(browser_opened_text(message.opened))

    @on(Waiting)
    def _waiting(self, message: Waiting) -> None:
        if not self._current(message):
            return
        self.add_class("-waiting")
        waiting = waiting_text(message.redirect_uri, paste=message.paste)
        if message.paste:
            self._state(waiting)  # the paste mode opens no browser: its guidance replaces all
        else:
            self.query_one("#sign-in-waiting", Static).update(waiting)

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        if self._current(message):
            self.query_one("#sign-in-refused", Static).update(
                literal(f"Not accepted: {message.reason}")
            )

    @on(Warned)
    def _warned(self, message: Warned) -> None:
        if self._current(message):
            self.app.notify(message.text, severity="warning", markup=False, timeout=10)

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        if self._current(message):
            self.dismiss(message.account)

    @on(Stopped)
    def _stopped(self, message: Stopped) -> None:
        if self._current(message):
            self._show_problem(message.problem)

    def _show_problem(self, problem: SignInProblem) -> None:
        self._problem = problem
        self.add_class("-problem")
        self.query_one("#sign-in-problem-text", Static).update(problem_text(problem))
        self.query_one("#sign-in-retry", Button).focus()
        self.refresh_bindings()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Not a `SignInProblem`: a bug. `ForwardsWorkerErrors` hands it to the app's error
        # handler (and its log); the screen offers to try again.
        if event.worker is self._flow_worker and event.state is WorkerState.ERROR:
            self._show_problem(UNEXPECTED_PROBLEM)

    # -- the user's side -----------------------------------------------------------------------

    @on(Input.Submitted, "#sign-in-paste-input")
    def _pasted(self, event: Input.Submitted) -> None:
        address = event.value.strip()
        if not address or self._ui is None or self._method is not SignInMethod.PASTE:
            return
        event.input.clear()
        self.query_one("#sign-in-refused", Static).update("Checking the address…")
        self._ui.paste(address)

    @on(Button.Pressed, "#sign-in-copy")
    def _copy_pressed(self) -> None:
        self.action_copy_url()

    @on(Button.Pressed, "#sign-in-retry")
    def _retry_pressed(self) -> None:
        self.action_retry()

    @on(Button.Pressed, "#sign-in-quit")
    def _quit_pressed(self) -> None:
        self.action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        problem = self._problem is not None
        if action == "copy_url":
            return self._url is not None and not problem
        if action == "use_paste":
            return self._method is not SignInMethod.PASTE
        if action == "use_browser":
            return self._method is not SignInMethod.BROWSER
        if action == "retry":
            return problem
        return True

    def action_copy_url(self) -> None:
        if self._url is None:
            return
        self.app.copy_to_clipboard(self._url)
        self.notify("The address is on the clipboard.", markup=False)
        if self._method is SignInMethod.PASTE:
            self.query_one("#sign-in-paste-input", Input).focus()

    def action_use_paste(self) -> None:
        self._switch(SignInMethod.PASTE)

    def action_use_browser(self) -> None:
        self._switch(SignInMethod.BROWSER)

    def _switch(self, method: SignInMethod) -> None:
        if method is not self._method:
            self._method = method or preferred_method()
            self._begin()

    def action_retry(self) -> None:
        self._begin()

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, _FLOW_GROUP)
        self.dismiss(None)

    def action_quit(self) -> None:
        self.workers.cancel_group(self, _FLOW_GROUP)
        self.app.exit()
