"""Typed async client for the Google People API v1 (no Textual imports).

The public surface: `PeopleClient` and its 14 methods, the paged iterators, the batch helpers
(`batches`), the models (`models`, `Person` re-exported), the errors and the auth hooks.
"""

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
