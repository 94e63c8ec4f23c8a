"""A transport that records what goes over the wire, shared by the service and the UI harnesses,
and the People API method each recorded request is (`api_method`)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import httpx

# The People API methods the app uses: the last path segment's ":verb" (the URL's name for it),
# or the resource path itself for the two methods that have no verb.
_VERBS = {
    "batchCreateContacts": "batchCreateContacts",
    "batchDeleteContacts": "batchDeleteContacts",
    "batchUpdateContacts": "batchUpdateContacts",
    "createContact": "createContact",
    "deleteContact": "deleteContact",
    "deleteContactPhoto": "deleteContactPhoto",
    "batchGet": "getBatchGet",
    "listDirectoryPeople": "listDirectoryPeople",
    "searchContacts": "searchContacts",
    "searchDirectoryPeople": "searchDirectoryPeople",
    "updateContact": "updateContact",
    "updateContactPhoto": "updateContactPhoto",
}


@dataclass(frozen=True)
class Sent:
    method: str
    path: str
    params: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def api_method(self) -> str | None:
        """The People API method this request calls (as the discovery document names it), or
        None for anything else (a photo download)."""
        if not self.path.startswith("/v1/people"):
            return None
        resource, _, verb = self.path.removeprefix("/v1/").partition(":")
        if verb:
            return _VERBS.get(verb, verb)
        if self.method == "GET" and resource == "people/me/connections":
            return "connections.list"
        if self.method == "GET" and resource.count("/") == 1:
            return "get"
        return f"{self.method} {resource}"


class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests to the emulator and keeps a copy of each."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.sent: list[Sent] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        params = dict(request.url.params.multi_items())
        self.sent.append(Sent(request.method, request.url.path, params, body))
        return await self.inner.handle_async_request(request)

    def api(self, fragment: str = "") -> list[Sent]:
        """The People API requests (not photo downloads) whose path contains `fragment`."""
        return [s for s in self.sent if s.path.startswith("/v1/") and fragment in s.path]

    def methods(self) -> Counter[str]:
        """How many requests of each People API method were sent."""
        return Counter(m for s in self.sent if (m := s.api_method) is not None)

    def clear(self) -> None:
        self.sent.clear()
