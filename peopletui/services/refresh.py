"""Reading contacts again from the server, and a contact's photo for the detail pane.

- One contact (people.get) or many (people.getBatchGet, 200 names a request): what the server
  sends replaces the book's copy, and a contact the server no longer has leaves the book. The UI
  uses this when a contact is opened (so an edit starts from the latest version and etag) and to
  refresh a selection or the rows on screen.
- `shown_photo_url` picks the photo the UI shows for a person; the book downloads it through
  its client (photo URLs are public: no credentials go there), so the UI never speaks HTTP.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from peopletui.api import ALL_PERSON_FIELDS, NotFound, PeopleClient
from peopletui.api import batches as api_batches
from peopletui.services.local import LocalBook


@dataclass(frozen=True, slots=True)
class RefreshReport:
    refreshed: tuple[str, ...] = ()
    """Contacts read again (the book holds the server's version now)."""
    gone: tuple[str, ...] = ()
    """Contacts the server no longer has; they left the book."""
    failed: int = 0
    """Contacts that could not be read this time (the book keeps its copy)."""
    requests: int = 0


async def refresh_people(
    client: PeopleClient, local: LocalBook, resource_names: Iterable[str]
) -> RefreshReport:
    """Read the named contacts again and put the server's versions in the book.

    One name costs one people.get; more go by getBatchGet (200 a request). A failure of the
    whole request (no connection, sign-in) is raised; a per-contact failure is counted."""
    names = list(dict.fromkeys(resource_names))
    if not names:
        return RefreshReport()
    if len(names) == 1:
        name = names[0]
        try:
            person = await client.get_person(name, person_fields=ALL_PERSON_FIELDS)
        except NotFound:
            await local.drop([name])
            return RefreshReport(gone=(name,), requests=1)
        await local.store([person.to_api()])
        return RefreshReport(refreshed=(name,), requests=1)
    outcome = await api_batches.get_people(client, names, person_fields=ALL_PERSON_FIELDS)
    found = [outcome.succeeded[name].to_api() for name in names if name in outcome.succeeded]
    gone = [name for name, error in outcome.failed.items() if isinstance(error, NotFound)]
    await local.store(found)
    await local.drop(gone)
    return RefreshReport(
        refreshed=tuple(person["resourceName"] for person in found),
        gone=tuple(gone),
        failed=len(outcome.failed) - len(gone),
        requests=outcome.requests,
    )


def shown_photo_url(person: Mapping[str, Any]) -> str | None:
    """The photo to show for a person: its own (contact) photo first, else another source's
    (a directory profile's); never Google's default letter avatar."""
    others: list[str] = []
    for photo in person.get("photos") or []:
        if not isinstance(photo, dict) or photo.get("default"):
            continue
        url = photo.get("url")
        if not isinstance(url, str) or not url:
            continue
        source = (photo.get("metadata") or {}).get("source") or {}
        if source.get("type", "CONTACT") == "CONTACT":
            return url
        others.append(url)
    return others[0] if others else None
