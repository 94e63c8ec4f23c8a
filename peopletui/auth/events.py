"""What a sign-in reports while it runs, for whoever drives it (the CLI prints, a screen shows).

The flow never prints: it calls ``on_event(event)`` with one of these, in this order —
`OpenUrl`, then `BrowserOpened` (browser mode), `WaitingForRedirect`, any number of
`RequestRefused`, and finally `SignedIn` or `SignInFailedEvent` (none when the caller cancels the
task: it knows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import AuthError


@dataclass(frozen=True)
class OpenUrl:
    """Show (or open) this URL: Google's consent page for this sign-in."""

    url: str
    redirect_uri: str


@dataclass(frozen=True)
class BrowserOpened:
    opened: bool
    """False when no browser could be started: show the URL for the user to open."""


@dataclass(frozen=True)
class WaitingForRedirect:
    redirect_uri: str
    paste: bool
    """True when the user must paste the address the browser ended on."""


@dataclass(frozen=True)
class RequestRefused:
    """A stray or wrong redirect was turned away; the sign-in goes on waiting."""

    reason: str


@dataclass(frozen=True)
class SignedIn:
    account: str
    scopes: frozenset[str]
    missing_scopes: frozenset[str]
    """Requested but not granted (the directory scope can be unticked on the consent screen)."""


@dataclass(frozen=True)
class SignInFailedEvent:
    error: AuthError


SignInEvent = (
    OpenUrl | BrowserOpened | WaitingForRedirect | RequestRefused | SignedIn | (SignInFailedEvent)
)
EventSink = Callable[[SignInEvent], None]


def ignore_events(event: SignInEvent) -> None:
    """The default sink: a caller that only awaits the result needs no events."""
