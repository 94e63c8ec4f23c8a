"""`PeopleClient`: the 14 methods of the People API `people` resource, typed and retried.

One long-lived `httpx.AsyncClient` per account (keep-alive, explicit timeouts). Every method
takes keyword arguments named after the discovery document's parameters, masks as iterables of
field names, and returns pydantic models. Failures raise the typed errors of `errors.py`; 429,
5xx, timeouts and dropped connections are retried as `retry.py` describes, with writes made safe
to repeat (`optags.py`, `recovery.py`).

Usage::

    async with PeopleClient(auth=StaticTokenAuth(token)) as client:
        me = await client.get_person("people/me", person_fields={"names"})
"""

from __future__ import annotations

from .core import ClientCore
from .writes import WriteMethods

__all__ = ["ClientCore", "PeopleClient"]


class PeopleClient(WriteMethods):
    """An async People API client for one account.

    `base_url` is Google's by default; pass the emulator's for the demo and tests. `auth` adds
    the bearer token (see `auth.py`); `transport` replaces the network (the emulator's
    in-process transport in tests). `retry` sets the retry limits; `retry_stats` counts what was
    survived. The methods live in `reads.py` (reads and paged iteration) and `writes.py`.
    """
