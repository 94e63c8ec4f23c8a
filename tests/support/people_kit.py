"""A direct harness for the emulator's `people` resource: `PeopleApi.handle` with `WireRequest`s.

No HTTP and no token registry: each call carries an `AccessGrant` made here, so tests can pick
the account and scopes. Every 2xx JSON answer is checked against the discovery document's schema
for the method, and every error against Google's envelope, so no test forgets to.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from peopletui.emulator.clock import Clock
from peopletui.emulator.errors import ApiError
from peopletui.emulator.people import PeopleApi
from peopletui.emulator.store import EmulatorState
from peopletui.emulator.tokens import AccessGrant
from peopletui.emulator.wire import WireRequest, WireResponse
from support.discovery_validator import (
    discovery,
    empty_values,
    validate_error_envelope,
    validate_response,
)

AUTH = "https://www.googleapis.com/auth/"
ALL_SCOPES = frozenset({AUTH + "contacts", AUTH + "directory.readonly", "openid", "email"})
READONLY_SCOPES = frozenset({AUTH + "contacts.readonly"})
ACCOUNT = "ada@analytical.example"
PUBLIC_URL = "https://people.emulator.test"
EVERY_FIELD = (
    "addresses,ageRanges,biographies,birthdays,calendarUrls,clientData,coverPhotos,"
    "emailAddresses,events,externalIds,genders,imClients,interests,locales,locations,memberships,"
    "metadata,miscKeywords,names,nicknames,occupations,organizations,phoneNumbers,photos,"
    "relations,sipAddresses,skills,urls,userDefined"
)

Query = dict[str, Any] | list[tuple[str, Any]]


class Kit:
    def __init__(
        self,
        *,
        account: str = ACCOUNT,
        scopes: frozenset[str] = ALL_SCOPES,
        sync_token_max_age: float = 7 * 24 * 3600.0,
        state: EmulatorState | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or Clock()
        self.state = state or EmulatorState()
        self.account = account
        self.scopes = scopes
        self.api = PeopleApi(
            self.state,
            clock=self.clock,
            public_url=lambda: PUBLIC_URL,
            sync_token_max_age=sync_token_max_age,
        )

    # --- raw exchanges -------------------------------------------------------------------------

    def send(
        self,
        verb: str,
        path: str,
        query: Query = (),
        *,
        body: Any = None,
        raw_body: bytes | None = None,
        account: str | None = None,
        scopes: frozenset[str] | None = None,
    ) -> WireResponse:
        pairs = list(query.items()) if isinstance(query, dict) else list(query)
        flat = []
        for key, value in pairs:
            for item in value if isinstance(value, list) else [value]:
                flat.append((key, str(item).lower() if isinstance(item, bool) else str(item)))
        data = raw_body if raw_body is not None else b""
        if body is not None:
            data = json.dumps(body).encode()
        request = WireRequest(verb, path, tuple(flat), {}, data)
        grant = AccessGrant(account or self.account, scopes or self.scopes, None)
        try:
            return self.api.handle(request, grant)
        except ApiError as error:
            return error.to_response()

    def call(self, verb: str, path: str, query: Query = (), **kwargs: Any) -> Any:
        """The JSON body of a call that must succeed, checked against the discovery schema."""
        response = self.send(verb, path, query, **kwargs)
        assert response.status == 200, response.body.decode()
        answer = json.loads(response.body)
        method = discovery().method_for(verb, path)
        assert method is not None, path
        problems = validate_response(method, answer) + empty_values(answer)
        assert not problems, "\n".join(problems)
        return answer

    def error(self, verb: str, path: str, status: int, query: Query = (), **kwargs: Any) -> Any:
        """The ``error`` object of a call that must fail with HTTP ``status``."""
        response = self.send(verb, path, query, **kwargs)
        assert response.status == status, response.body.decode()
        answer = json.loads(response.body)
        problems = validate_error_envelope(answer, status)
        assert not problems, "\n".join(problems)
        return answer["error"]

    # --- the methods, with sensible defaults ---------------------------------------------------

    def create(self, person: dict[str, Any], fields: str = EVERY_FIELD, **kwargs: Any) -> Any:
        query = {"personFields": fields}
        return self.call("POST", "/v1/people:createContact", query, body=person, **kwargs)

    def get(self, name: str, fields: str = EVERY_FIELD) -> Any:
        return self.call("GET", f"/v1/{name}", {"personFields": fields})

    def update(self, person: dict[str, Any], update_fields: str, fields: str = EVERY_FIELD) -> Any:
        query = {"updatePersonFields": update_fields, "personFields": fields}
        return self.call("PATCH", f"/v1/{person['resourceName']}:updateContact", query, body=person)

    def delete(self, name: str) -> Any:
        return self.call("DELETE", f"/v1/{name}:deleteContact")

    def connections(self, **query: Any) -> Any:
        query.setdefault("personFields", "names,metadata")
        return self.call("GET", "/v1/people/me/connections", query)

    def all_pages(self, **query: Any) -> list[Any]:
        pages = [self.connections(**query)]
        while "nextPageToken" in pages[-1]:
            pages.append(self.connections(**query, pageToken=pages[-1]["nextPageToken"]))
        return pages

    def search(self, text: str, **query: Any) -> Any:
        query = {"query": text, "readMask": "names"} | query
        return self.call("GET", "/v1/people:searchContacts", query)

    def add(self, given: str, family: str = "", **fields: Any) -> str:
        """A contact added behind the client's back (the store API); returns its name."""
        name = {"givenName": given} | ({"familyName": family} if family else {})
        return self.state.add_contact(self.account, {"names": [name], **fields})


def escaped(name: str) -> str:
    """``people/c1`` → ``people%2Fc1``, the form some generated clients put in the path."""
    return quote(name, safe="")


def people_of(pages: list[Any]) -> list[Any]:
    return [person for page in pages for person in page.get("connections", [])]
