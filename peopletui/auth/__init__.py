"""Sign in with Google (installed-app flow with PKCE) and keep tokens in the keyring.

No Textual here: the sign-in screen drives `SignInFlow` through its async methods and events, and
the API client authenticates with `OAuthSessionAuth`. google-auth-oauthlib (and `requests`) is
imported only while a sign-in builds its URL.
"""

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
from .open_store import TokenStoreKind, open_token_store
from .redact import TokenRedactingFilter, install_redaction, redact
from .session_auth import OAuthSessionAuth
from .signin import SignInFlow
from .status import AuthStatus, collect_status, format_status
from .store import AccountIndex, TokenStore
from .token import StoredToken
from .token_client import TokenClient, TokenGrant

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
