"""The process the crash test kills: it opens the book from an existing cache, starts one change
against a loopback emulator and waits for an answer that the test makes sure never comes.

    python crash_child.py BASE_URL TOKEN CACHE_FOLDER ACCOUNT create GIVEN_NAME
    python crash_child.py BASE_URL TOKEN CACHE_FOLDER ACCOUNT update RESOURCE_NAME NICKNAME
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from peopletui.api import NO_RETRIES, PeopleClient, StaticTokenAuth
from peopletui.cache.store import CacheStore
from peopletui.services.contacts import ContactBook


async def main(base_url: str, token: str, folder: str, account: str, args: list[str]) -> None:
    client = PeopleClient(base_url, auth=StaticTokenAuth(token), retry=NO_RETRIES)
    cache = CacheStore.open_for_account(Path(folder), account)
    book = ContactBook(client, cache)
    await book.start(sync=False)
    kind = args[0]
    if kind == "create":
        print("saving", flush=True)
        await book.create({"names": [{"givenName": args[1]}]})
    else:
        edit = book.begin_edit(args[1])
        edit.values["nicknames"] = [{"value": args[2]}]
        print("saving", flush=True)
        await book.save(edit)
    print("answered", flush=True)  # never reached: the test kills this process first


if __name__ == "__main__":
    base_url, token, folder, account, *rest = sys.argv[1:]
    asyncio.run(main(base_url, token, folder, account, rest))
