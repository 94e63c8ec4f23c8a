"""Deterministic demo data stored into an `EmulatorState`.

The people come from `seed_data` (pure generators); they are stored through the same decoding and
validation as a ``people:createContact`` body (`EmulatorState.add_contact`), and seed photos are
checked as ``updateContactPhoto`` checks uploads.
"""

from __future__ import annotations

from .photos import image_type
from .seed_data import directory_people, iter_demo_contacts
from .store import EmulatorState, Photo

DIRECTORY_SIZE = 150
"""Seeded directory people per Workspace domain: enough to page through at small page sizes."""


def seed_state(
    state: EmulatorState, *, account: str, workspace: bool, contacts: int, seed: int
) -> None:
    """Provision ``account`` with ``contacts`` demo contacts and, for a Workspace account, a
    directory of its domain. The same arguments always produce the same people."""
    book = state.account(account, workspace=workspace)
    photos = _Photos()
    for contact in iter_demo_contacts(contacts, seed):
        state.add_contact(account, contact.person, photo=photos.get(contact.photo))
    if workspace:
        for person in directory_people(book.domain, DIRECTORY_SIZE, seed):
            state.add_directory_person(
                book.domain, person.person, kind=person.kind, photo=photos.get(person.photo)
            )
    # The search cache starts out current, as if the account had been warmed up at start.
    book.refresh_search_index()


class _Photos:
    """Seed photos checked once per distinct image: thousands of contacts share a few dozen
    avatars, and decoding each copy again was a tenth of the seed time."""

    def __init__(self) -> None:
        self._checked: dict[bytes, Photo] = {}

    def get(self, data: bytes | None) -> Photo | None:
        if not data:
            return None
        photo = self._checked.get(data)
        if photo is None:
            photo = self._checked[data] = Photo(image_type(data), data)
        return photo
