"""Typed async client for the Google People API v1 (no Textual imports).

The public surface: `PeopleClient` and its 14 methods, the paged iterators, the batch helpers
(`batches`), the models (`models`, `Person` re-exported), the errors and the auth hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peopletui.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .auth import RefreshingTokenAuth, StaticTokenAuth
    from .client import PeopleClient
    from .errors import (
        BadRequest,
        EtagConflict,
        FailedRequest,
        NotFound,
        NotWorkspaceAccount,
        PeopleApiError,
        PermissionDenied,
        RateLimited,
        ServerError,
        SyncTokenExpired,
        TransportError,
        Unauthenticated,
    )
    from .http import GOOGLE_BASE_URL
    from .models import Person, PersonField, UpdatePersonField
    from .paging import Pages
    from .params import ALL_PERSON_FIELDS, ALL_UPDATE_FIELDS
    from .retry import NO_RETRIES, RetryPolicy, RetryStats

# Lazy exports: importing one submodule (`peopletui.api.errors` for the app's first paint)
# must not pull in httpx and pydantic through the client and the models.
_SUBMODULE_OF: dict[str, str] = {
    "RefreshingTokenAuth": "auth",
    "StaticTokenAuth": "auth",
    "PeopleClient": "client",
    "BadRequest": "errors",
    "EtagConflict": "errors",
    "FailedRequest": "errors",
    "NotFound": "errors",
    "NotWorkspaceAccount": "errors",
    "PeopleApiError": "errors",
    "PermissionDenied": "errors",
    "RateLimited": "errors",
    "ServerError": "errors",
    "SyncTokenExpired": "errors",
    "TransportError": "errors",
    "Unauthenticated": "errors",
    "GOOGLE_BASE_URL": "http",
    "Person": "models",
    "PersonField": "models",
    "UpdatePersonField": "models",
    "Pages": "paging",
    "ALL_PERSON_FIELDS": "params",
    "ALL_UPDATE_FIELDS": "params",
    "NO_RETRIES": "retry",
    "RetryPolicy": "retry",
    "RetryStats": "retry",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _SUBMODULE_OF)

__all__ = [
    "ALL_PERSON_FIELDS",
    "ALL_UPDATE_FIELDS",
    "GOOGLE_BASE_URL",
    "NO_RETRIES",
    "BadRequest",
    "EtagConflict",
    "FailedRequest",
    "NotFound",
    "NotWorkspaceAccount",
    "Pages",
    "PeopleApiError",
    "PeopleClient",
    "PermissionDenied",
    "Person",
    "PersonField",
    "RateLimited",
    "RefreshingTokenAuth",
    "RetryPolicy",
    "RetryStats",
    "ServerError",
    "StaticTokenAuth",
    "SyncTokenExpired",
    "TransportError",
    "Unauthenticated",
    "UpdatePersonField",
]
