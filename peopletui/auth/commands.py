"""The sign-in commands' names and help texts, apart from their code: ``peopletui --help`` lists
them without importing the OAuth flow, httpx or keyring (``auth/cli.py`` does)."""

from __future__ import annotations

# name: (the line in ``peopletui --help``, the description in ``peopletui NAME --help``)
COMMAND_HELP: dict[str, tuple[str, str | None]] = {
    "login": (
        "sign in with Google (your own Desktop-app OAuth client)",
        "Sign in with Google in your browser and keep the token in the keyring.",
    ),
    "logout": ("revoke the sign-in and remove its token from the keyring", None),
    "status": ("show signed-in accounts, token expiry, the keyring and known problems", None),
}
