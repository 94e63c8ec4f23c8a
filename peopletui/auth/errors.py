"""The errors sign-in and token storage raise, typed so callers branch on the type, not the text.

No message here ever contains a token: messages are written from fixed text plus account names,
file paths and the OAuth error code Google sent.
"""

from __future__ import annotations


class AuthError(Exception):
    """Base of every error in `peopletui.auth`."""


class ClientSecretsError(AuthError):
    """The OAuth client file is missing, unreadable, or not a Desktop-app client."""


class SignInRequired(AuthError):
    """The account has no usable sign-in (never signed in, revoked, or expired): sign in again.

    The UI answers this by showing the sign-in screen; drafts and queued edits stay where they are.
    """

    def __init__(self, account: str | None, reason: str) -> None:
        who = account or "this account"
        super().__init__(f"Sign-in needed for {who}: {reason}")
        self.account = account
        self.reason = reason


class SignInFailed(AuthError):
    """The sign-in flow stopped before a token was stored (denied consent, bad redirect, …)."""


class SignInCancelled(SignInFailed):
    """The user gave up (closed the prompt, pressed ctrl+c, or the wait timed out)."""


class TokenEndpointError(AuthError):
    """The token, revocation or userinfo endpoint refused a request or could not be reached."""

    def __init__(
        self, message: str, *, error: str | None = None, status: int | None = None
    ) -> None:
        super().__init__(message)
        self.error = error
        """The OAuth ``error`` code (``invalid_client``…), when one came back."""
        self.status = status


class TokenEndpointUnreachable(TokenEndpointError):
    """The request never got an answer (offline, DNS, TLS, timeout); ``cause`` is httpx's error."""

    def __init__(self, message: str, cause: Exception) -> None:
        super().__init__(message)
        self.cause = cause


class KeyringProblem(AuthError):
    """No safe place to keep tokens: no keyring, a locked or hung one, or only a weak backend.

    ``explanation`` is a few sentences for a person: what happened and the ways forward.
    """

    def __init__(self, summary: str, explanation: str) -> None:
        super().__init__(summary)
        self.summary = summary
        self.explanation = explanation

    def __str__(self) -> str:
        return f"{self.summary}\n\n{self.explanation}"
