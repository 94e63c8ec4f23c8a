"""The user's own "Desktop app" OAuth client: find it, load it, say clearly what is wrong.

Google Cloud Console downloads it as ``client_secret_<id>.apps.googleusercontent.com.json`` with an
``"installed"`` section. Google documents that the secret of an installed app cannot be kept
secret; it still never appears in our logs or messages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ClientSecretsError

CONSOLE_HINT = (
    "Create one in Google Cloud Console: APIs & Services → Credentials → Create credentials → "
    "OAuth client ID → Application type “Desktop app”, then download its JSON."
)


@dataclass(frozen=True)
class OAuthClient:
    client_id: str
    client_secret: str = field(repr=False)
    project_id: str | None = None
    source: Path | None = None

    def client_config(self, *, auth_uri: str, token_uri: str) -> dict[str, Any]:
        """The client in Google's client-secrets shape, for google-auth-oauthlib's `Flow`."""
        return {
            "installed": {
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "auth_uri": auth_uri,
                "token_uri": token_uri,
            }
        }


def default_client_secrets_dir() -> Path:
    return Path(platformdirs.user_config_dir("peopletui"))


def find_client_secrets(directory: Path | None = None) -> Path:
    """``client_secret.json`` in the config dir, or the one ``client_secret*.json`` there."""
    folder = directory or default_client_secrets_dir()
    exact = folder / "client_secret.json"
    if exact.is_file():
        return exact
    candidates = sorted(folder.glob("client_secret*.json")) if folder.is_dir() else []
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        names = ", ".join(path.name for path in candidates)
        raise ClientSecretsError(
            f"Several OAuth client files in {folder} ({names}). "
            "Pass the one to use with --client-secrets FILE."
        )
    raise ClientSecretsError(
        f"No OAuth client file found: pass --client-secrets FILE, or save it as {exact}.\n"
        + CONSOLE_HINT
    )


def load_client_secrets(path: Path) -> OAuthClient:
    """Read and validate a client file; every failure says what is wrong and how to fix it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClientSecretsError(f"No OAuth client file at {path}.\n{CONSOLE_HINT}") from None
    except IsADirectoryError:
        raise ClientSecretsError(f"{path} is a folder, not an OAuth client file.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ClientSecretsError(f"Cannot read the OAuth client file {path}: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ClientSecretsError(
            f"{path} is not JSON (line {error.lineno}, column {error.colno}: {error.msg}). "
            "Download the client's JSON again from Google Cloud Console."
        ) from None
    return parse_client_config(document, source=path)


def parse_client_config(document: object, *, source: Path | None = None) -> OAuthClient:
    where = str(source) if source else "The OAuth client"
    if not isinstance(document, dict):
        raise ClientSecretsError(f"{where} is not a Google OAuth client file (not a JSON object).")
    if "installed" not in document:
        raise ClientSecretsError(f"{where} {_what_it_is_instead(document)}\n{CONSOLE_HINT}")
    installed = document["installed"]
    if not isinstance(installed, dict):
        raise ClientSecretsError(f"{where}: its “installed” section is not a JSON object.")
    missing = [
        key
        for key in ("client_id", "client_secret")
        if not isinstance(installed.get(key), str) or not installed[key].strip()
    ]
    if missing:
        raise ClientSecretsError(
            f"{where} is a Desktop-app client without {' and '.join(missing)}. "
            "Download the client's JSON again from Google Cloud Console."
        )
    project = installed.get("project_id")
    return OAuthClient(
        client_id=installed["client_id"].strip(),
        client_secret=installed["client_secret"].strip(),
        project_id=project if isinstance(project, str) else None,
        source=source,
    )


def _what_it_is_instead(document: dict[str, Any]) -> str:
    if "web" in document:
        return (
            "holds a “Web application” OAuth client. peopletui signs in like a desktop program "
            "and needs a “Desktop app” client."
        )
    if document.get("type") == "service_account":
        return (
            "is a service-account key. peopletui signs in as you, with a “Desktop app” OAuth "
            "client, and never uses service accounts."
        )
    return "is not a Desktop-app OAuth client file (it has no “installed” section)."
