"""The first rows of an account's cache, read before the app has imported its services.

The app paints these while it imports and opens the rest (the API client, its models, the
services: a few hundred milliseconds), so a warm start shows the contacts at once. Standard
library only, like `peopletui.query_book` (whose folder and file-name rules it shares), and
read-only: a cache that is missing, locked, corrupt or of another schema gives no rows, and the
real opening deals with it.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from peopletui.cache.order import DISPLAY_ORDER
from peopletui.query_book import (
    DatabaseError,
    cache_file_name,
    cache_folder,
    last_account,
    open_read_only,
)

PREVIEW_ROWS = 200  # more than a tall terminal shows; `LocalBook.load_first_rows` reads as many,
# so the main screen's first rows are the opening screen's and the list does not jump


class PreviewRow(NamedTuple):
    resource_name: str
    title: str
    subtitle: str


def endpoint_account(url: str) -> str:
    """The name an endpoint's cache is kept under when no account is given."""
    return f"endpoint:{url}"


def first_rows(
    account: str | None, *, folder: str | None = None, limit: int = PREVIEW_ROWS
) -> list[PreviewRow]:
    """The first `limit` rows of `account`'s cache (the last account opened when None), in the
    list's display order (`cache.people.index_rows`); [] when there is nothing to show."""
    folder = folder or cache_folder()
    account = account or last_account(folder)
    if account is None:
        return []
    path = os.path.join(folder, cache_file_name(account))
    if not os.path.exists(path):
        return []
    try:
        connection = open_read_only(path)
        try:
            cursor = connection.execute(
                "SELECT resource_name, title, subtitle FROM people"
                f" ORDER BY {DISPLAY_ORDER} LIMIT ?",
                (limit,),
            )
            return [
                PreviewRow(str(name), str(title), str(subtitle)) for name, title, subtitle in cursor
            ]
        finally:
            connection.close()
    except DatabaseError:
        return []
