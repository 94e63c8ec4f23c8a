"""Errors the services raise for the UI to explain. Each message says what happened and what
to do; none carries a token or a contact's data."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of the services' own errors; `str(error)` is meant for the user."""


class ContactNotFound(ServiceError):
    """The contact is neither in the book nor on the server (deleted meanwhile)."""

    def __init__(self, resource_name: str) -> None:
        super().__init__("This contact no longer exists. Sync to refresh the list.")
        self.resource_name = resource_name


class DraftNotFound(ServiceError):
    """No waiting draft has this id (it was sent, resolved or discarded meanwhile)."""

    def __init__(self, draft_id: int) -> None:
        super().__init__("This change is no longer waiting: it was saved or discarded.")
        self.draft_id = draft_id


class DirectoryUnavailable(ServiceError):
    """The account is not a Google Workspace account: it has no directory to show."""

    def __init__(self) -> None:
        super().__init__(
            "The directory is only available to Google Workspace accounts. This account is a "
            "personal Google account, so there is no organisation directory to browse; your "
            "own contacts are unaffected."
        )
