"""PeopleApp: opens the account's services (through a `Connector`), shows the main screen, and
owns what is app-wide: the one handler of worker errors, sign-in, the theme and the keymap.

Nothing crashes the app: every worker runs with `exit_on_error=False`, screens forward their
failed workers here (`ForwardsWorkerErrors`), and `explain` turns any error into a notice that
says what happened and what was kept.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from peopletui import config
from peopletui.paths import log_dir, styles_dir
from peopletui.ui.commands import ActionCommands
from peopletui.ui.connection import Connector, OpenedAccount, SignInNeeded
from peopletui.ui.keymap import help_groups, unknown_ids
from peopletui.ui.screens.opening import OpeningScreen
from peopletui.ui.text import literal

# The first frame shows the cached rows (`OpeningScreen`) before the rest is imported: the main
# screen and every other screen, the services behind them, the API client's errors and models,
# the OAuth flow and the keyring are imported where they are first used, some 300 ms that a
# warm start's first paint does not wait for.
if TYPE_CHECKING:
    from peopletui.ui.screens.sign_in import SignInReason

logger = logging.getLogger(__name__)

APP_BINDINGS: list[BindingType] = [
    Binding(
        "q", "quit", "Quit", id="app.quit", tooltip="Leave peopletui (unsent changes are kept)"
    ),
    Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key, and its id"),
    Binding(
        "ctrl+p",
        "command_palette",
        "Commands",
        show=False,  # the footer shows the palette key on its own, at the right
        id="app.command_palette",
        tooltip="Find any action by name",
    ),
    Binding("T", "change_theme", "Theme", show=False, id="app.theme", tooltip="Pick a theme"),
]


class PeopleApp(App[None]):
    TITLE = "peopletui"
    CSS_PATH: ClassVar[list[Any]] = [
        styles_dir() / "app.tcss",
        styles_dir() / "widgets.tcss",
        styles_dir() / "main.tcss",  # for `OpeningScreen` too, the first frame
    ]
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    COMMANDS: ClassVar[set[Any]] = App.COMMANDS | {ActionCommands}

    def __init__(
        self,
        connector: Connector,
        *,
        settings: config.Settings | None = None,
        notes: tuple[str, ...] = (),
    ) -> None:
        """`notes`: problems found before the app started (a bad config file), shown once."""
        super().__init__()
        self.connector = connector
        self.settings = settings or config.Settings()
        self.opened: OpenedAccount | None = None
        self._notes = notes
        self._signing_in = False
        self._closed = False

    def get_default_screen(self) -> Screen[Any]:
        return OpeningScreen(self.connector.label, self.connector.cached_rows())

    def on_mount(self) -> None:
        self._apply_settings()
        for note in self._notes:
            self.notify(note, severity="warning", markup=False, timeout=15)
        # After the first frame: opening imports the services (hundreds of ms in this loop),
        # and the cached rows must be on screen first.
        self.call_after_refresh(self._connect)

    # -- settings -------------------------------------------------------------------------------

    def _apply_settings(self) -> None:
        theme = self.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(f"Unknown theme {theme!r}; using the default.", markup=False)
        keymap = dict(self.settings.keymap)
        # Without a keymap nothing can be unknown: skip importing every screen for the check.
        unknown = unknown_ids(keymap, self.binding_groups()) if keymap else []
        if unknown:
            self.notify(
                "The keymap in the config file names bindings that do not exist: "
                + ", ".join(unknown)
                + ". Press ? for the ids.",
                severity="warning",
                markup=False,
            )
        self.set_keymap(keymap)
        # Remember choices made from now on (not the one just applied).
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        try:
            config.remember("theme", theme.name)
        except OSError as error:
            logger.warning("could not remember the theme: %s", error)

    def binding_groups(self) -> list[tuple[str, list[Binding]]]:
        from peopletui.ui.catalogue import binding_groups

        return binding_groups(APP_BINDINGS)

    def action_help(self) -> None:
        from peopletui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        keymap = dict(self.settings.keymap)
        groups = help_groups(self.binding_groups(), keymap, self.get_key_display)
        self.push_screen(HelpScreen(groups))

    # -- opening the account --------------------------------------------------------------------

    def _connect(self) -> None:
        self.run_worker(self._open(), name="open", group="connect", exit_on_error=False)

    async def _open(self) -> None:
        from peopletui.auth.errors import KeyringProblem, SignInRequired
        from peopletui.ui.screens.main import MainScreen

        try:
            opened = await self.connector.open()
        except SignInRequired as needed:
            from peopletui.ui.screens.sign_in import SignInReason

            self._show_opening(f"Not signed in: {needed.reason}")
            self.request_sign_in(needed.account, SignInReason.NOT_SIGNED_IN, needed.reason)
            return
        except KeyringProblem as problem:
            self._show_opening(str(problem))
            self.notify(problem.summary, severity="error", markup=False, timeout=20)
            return
        except Exception as error:
            # The app's error handler says what happened; this screen says it in place.
            self._show_opening(f"Could not open {self.connector.label}: {error}")
            raise
        self.opened = opened
        await self.push_screen(MainScreen(opened.book, opened.directory, account=opened.account))
        await self._replay_early_keys()
        for notice in self.connector.notices():
            self.notify(notice, severity="warning", markup=False, timeout=15)

    async def _replay_early_keys(self) -> None:
        """The keys typed while the account opened, now for the main screen, one at a time:
        each must land before the next (`/` focuses the filter, which the letters then fill)."""
        # Textual's own wait for simulated keys (its Pilot uses it); textual is pinned exactly.
        from textual._wait import wait_for_idle

        opening = self.screen_stack[0]
        if isinstance(opening, OpeningScreen):
            for key in opening.take_keys():
                self.post_message(events.Key(key.key, key.character))
                await wait_for_idle(0)

    def _show_opening(self, text: str) -> None:
        with contextlib.suppress(Exception):
            self.query_one("#opening", Static).update(literal(text))

    # -- signing in -----------------------------------------------------------------------------

    @on(SignInNeeded)
    def _sign_in_needed(self, message: SignInNeeded) -> None:
        from peopletui.ui.screens.sign_in import SignInReason

        account = self.opened.account if self.opened else None
        self.request_sign_in(account, SignInReason.REFUSED, message.reason)

    def request_sign_in(self, account: str | None, reason: SignInReason, detail: str) -> None:
        """Show the sign-in screen (once); changes waiting to be sent stay as drafts."""
        from peopletui.ui.screens.sign_in import SignInScreen

        if self._signing_in:
            return
        start = self.connector.sign_in(account)
        if start is None:
            self.notify(
                f"The server refused the credentials: {detail} Your changes are kept as drafts. "
                "Restart with a valid token (PEOPLETUI_TOKEN) to send them.",
                severity="error",
                markup=False,
                timeout=20,
            )
            return
        self._signing_in = True
        screen = SignInScreen(start, account=account, reason=reason, detail=detail)
        self.push_screen(screen, self._signed_in)

    def _signed_in(self, account: str | None) -> None:
        self._signing_in = False
        if account is None:
            self.notify(
                "Not signed in. Your changes are kept and will be sent after you sign in.",
                severity="warning",
                markup=False,
            )
            return
        self.run_worker(self._after_sign_in(account), group="connect", exit_on_error=False)

    async def _after_sign_in(self, account: str) -> None:
        reopen = await self.connector.signed_in(account)
        opened = self.opened
        if opened is None or reopen:
            if opened is not None:
                await self.pop_screen()
                await opened.close()
                self.opened = None
            self._connect()
            return
        opened.book.resume_writes()
        self.notify("Signed in again: sending the waiting changes.", markup=False)

    # -- errors ---------------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one handler of worker errors (screens forward theirs)."""
        error = event.worker.error
        if event.state is not WorkerState.ERROR or error is None:
            return
        logger.warning("worker %r failed: %s: %s", event.worker.name, type(error).__name__, error)
        self.explain(error)

    def explain(self, error: BaseException) -> None:
        """Say what went wrong in a notice; ask for a sign-in when that is the cause."""
        from peopletui.api.errors import (
            PeopleApiError,
            PermissionDenied,
            TransportError,
            Unauthenticated,
        )
        from peopletui.auth.errors import KeyringProblem, SignInRequired
        from peopletui.services.errors import ServiceError
        from peopletui.ui.screens.sign_in import SignInReason

        if isinstance(error, SignInRequired):
            self.request_sign_in(error.account, SignInReason.REFUSED, error.reason)
            return
        if isinstance(error, (Unauthenticated, PermissionDenied)):
            account = self.opened.account if self.opened else None
            self.request_sign_in(account, SignInReason.REFUSED, error.message)
            return
        if isinstance(error, TransportError):
            text = (
                "No connection to the server. Everything already on this device stays readable, "
                "and changes are kept as drafts until the server answers."
            )
        elif isinstance(error, PeopleApiError):
            text = f"The server said: {error.message}. Nothing was lost; try again later."
        elif isinstance(error, (ServiceError, KeyringProblem)):
            text = str(error)
        else:
            logger.error("unexpected error in a worker", exc_info=error)
            text = (
                f"Something went wrong ({type(error).__name__}). Your contacts and changes are "
                f"kept. Details are in the log in {log_dir()}."
            )
        self.notify(text, severity="error", markup=False, timeout=15)

    # -- leaving --------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        await self.close_account()
        self.exit()

    async def close_account(self) -> None:
        """Stop syncing and sending; drafts not yet sent stay on disk for the next start."""
        if self._closed:
            return
        self._closed = True
        opened, self.opened = self.opened, None
        try:
            if opened is not None:
                await opened.close()
        finally:
            await self.connector.close()

    async def on_unmount(self) -> None:
        await self.close_account()
