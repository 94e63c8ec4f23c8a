"""Deterministic demo data stored into an `EmulatorState`.

The people come from `seed_data` (pure generators); they are stored through the same decoding and
validation as a ``people:createContact`` body (`EmulatorState.add_contact`), and seed photos are
checked as ``updateContactPhoto`` checks uploads.
"""

from __future__ import annotations

from .photos import image_type
from .seed_data import demo_contacts, directory_people
from .store import EmulatorState, Photo

DIRECTORY_SIZE = 150
"""Seeded directory people per Workspace domain: enough to page through at small page sizes."""


def seed_state(
    state: EmulatorState, *, account: str, workspace: bool, contacts: int, seed: int
) -> None:
    """Provision ``account`` with ``contacts`` demo contacts and, for a Workspace account, a
    directory of its domain. The same arguments always produce the same people."""
    book = state.account(account, workspace=workspace)
    for contact in demo_contacts(contacts, seed):
        state.add_contact(account, contact.person, photo=_photo(contact.photo))
    if workspace:
        for person in directory_people(book.domain, DIRECTORY_SIZE, seed):
            state.add_directory_person(
                book.domain, person.person, kind=person.kind, photo=_photo(person.photo)
            )
    # The search cache starts out current, as if the account had been warmed up at start.
    book.refresh_search_index()


def _photo(data: bytes | None) -> Photo | None:
    return Photo(image_type(data), data) if data else None
