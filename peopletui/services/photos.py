"""Keeping a contact's photo bytes before a change that loses its photo URL (a deletion, a new
photo, a removed photo), so that undo can put the photo back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from peopletui.api import PeopleApiError, PeopleClient
from peopletui.services.fields import PHOTO_KEY, PersonJson, custom_photo_url, encode_photo

logger = logging.getLogger(__name__)

# Photo hosts answer quickly and in parallel; a few at once keep a 500-contact delete short.
CONCURRENT_DOWNLOADS = 8


async def with_photo(client: PeopleClient, person: PersonJson) -> PersonJson:
    """The person, plus its own photo's bytes under `PHOTO_KEY` when it has a photo that is not
    the default one. A photo that cannot be downloaded is left out (undo says so later)."""
    url = custom_photo_url(person)
    if url is None:
        return person
    try:
        data = await client.download_photo(url)
    except PeopleApiError as error:
        logger.warning("could not keep a photo for undo: %s", type(error).__name__)
        return person
    return {**person, PHOTO_KEY: encode_photo(data)}


async def with_photos(client: PeopleClient, people: Sequence[PersonJson]) -> list[PersonJson]:
    limit = asyncio.Semaphore(CONCURRENT_DOWNLOADS)

    async def one(person: PersonJson) -> PersonJson:
        async with limit:
            return await with_photo(client, person)

    return list(await asyncio.gather(*(one(person) for person in people)))
