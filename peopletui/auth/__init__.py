"""Sign in with Google (installed-app flow with PKCE) and keep tokens in the keyring.

No Textual here: the sign-in screen drives `SignInFlow` through its async methods and events, and
the API client authenticates with `OAuthSessionAuth`. google-auth-oauthlib (and `requests`) is
imported only while a sign-in builds its URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peopletui.lazy_exports import lazy_exports

# Eager and cheap (logging and re only), and it must be: the function `redact` shares its name
# with the submodule, and only an import here keeps the function the package's attribute.
from .redact import TokenRedactingFilter, install_redaction, redact

if TYPE_CHECKING:
    from .client_secrets import OAuthClient, find_client_secrets, load_client_secrets
    from .endpoints import OAuthEndpoints, endpoints_for, requested_scopes
    from .errors import (
        AuthError,
        ClientSecretsError,
        KeyringProblem,
        SignInCancelled,
        SignInFailed,
        SignInRequired,
        TokenEndpointError,
        TokenEndpointUnreachable,
    )
    from .events import (
        BrowserOpened,
        OpenUrl,
        RequestRefused,
        SignedIn,
        SignInEvent,
        SignInFailedEvent,
        WaitingForRedirect,
    )
    from .file_store import FileTokenStore
    from .keyring_store import KeyringTokenStore
    from .open_store import open_token_store
    from .session_auth import OAuthSessionAuth
    from .signin import SignInFlow
    from .status import AuthStatus, collect_status, format_status
    from .store import AccountIndex, TokenStore
    from .store_kinds import TokenStoreKind
    from .token import StoredToken
    from .token_client import TokenClient, TokenGrant

# Lazy exports: `peopletui.auth.errors` or `install_redaction` must not import keyring, the
# loopback server and the sign-in flow (tens of ms at the app's start).
_SUBMODULE_OF: dict[str, str] = {
    "OAuthClient": "client_secrets",
    "find_client_secrets": "client_secrets",
    "load_client_secrets": "client_secrets",
    "OAuthEndpoints": "endpoints",
    "endpoints_for": "endpoints",
    "requested_scopes": "endpoints",
    "AuthError": "errors",
    "ClientSecretsError": "errors",
    "KeyringProblem": "errors",
    "SignInCancelled": "errors",
    "SignInFailed": "errors",
    "SignInRequired": "errors",
    "TokenEndpointError": "errors",
    "TokenEndpointUnreachable": "errors",
    "BrowserOpened": "events",
    "OpenUrl": "events",
    "RequestRefused": "events",
    "SignInEvent": "events",
    "SignInFailedEvent": "events",
    "SignedIn": "events",
    "WaitingForRedirect": "events",
    "FileTokenStore": "file_store",
    "KeyringTokenStore": "keyring_store",
    "TokenStoreKind": "store_kinds",
    "open_token_store": "open_store",
    "OAuthSessionAuth": "session_auth",
    "SignInFlow": "signin",
    "AuthStatus": "status",
    "collect_status": "status",
    "format_status": "status",
    "AccountIndex": "store",
    "TokenStore": "store",
    "StoredToken": "token",
    "TokenClient": "token_client",
    "TokenGrant": "token_client",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _SUBMODULE_OF)

__all__ = [
    "AccountIndex",
    "AuthError",
    "AuthStatus",
    "BrowserOpened",
    "ClientSecretsError",
    "FileTokenStore",
    "KeyringProblem",
    "KeyringTokenStore",
    "OAuthClient",
    "OAuthEndpoints",
    "OAuthSessionAuth",
    "OpenUrl",
    "RequestRefused",
    "SignInCancelled",
    "SignInEvent",
    "SignInFailed",
    "SignInFailedEvent",
    "SignInFlow",
    "SignInRequired",
    "SignedIn",
    "StoredToken",
    "TokenClient",
    "TokenEndpointError",
    "TokenEndpointUnreachable",
    "TokenGrant",
    "TokenRedactingFilter",
    "TokenStore",
    "TokenStoreKind",
    "WaitingForRedirect",
    "collect_status",
    "endpoints_for",
    "find_client_secrets",
    "format_status",
    "install_redaction",
    "load_client_secrets",
    "open_token_store",
    "redact",
    "requested_scopes",
]
