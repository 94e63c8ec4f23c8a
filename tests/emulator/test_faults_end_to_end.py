"""Faults through the whole emulator, in-process and on a real loopback socket.

The case that matters most for the client: ``drop_after`` applies a create and then hangs up, so
the client sees a transport error for a write that did happen.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from support.discovery_validator import validate_error_envelope

from peopletui.emulator import Emulator
from peopletui.emulator.http import LoopbackServer

CONNECTIONS = "/v1/people/me/connections"


@pytest.fixture
async def served() -> AsyncIterator[tuple[Emulator, httpx.AsyncClient]]:
    emulator = Emulator(contacts=5)
    server = LoopbackServer(emulator)
    await server.start()
    headers = {"Authorization": f"Bearer {emulator.token}"}
    try:
        async with httpx.AsyncClient(base_url=server.base_url, headers=headers) as http:
            yield emulator, http
    finally:
        await server.close()


async def names_in_book(http: httpx.AsyncClient) -> list[str]:
    response = await http.get(CONNECTIONS, params={"personFields": "names", "pageSize": "1000"})
    assert response.status_code == 200, response.text
    return [
        name.get("displayName", "")
        for person in response.json().get("connections", [])
        for name in person.get("names", [])
    ]


async def test_drop_after_applies_the_create_then_hangs_up(
    served: tuple[Emulator, httpx.AsyncClient],
) -> None:
    emulator, http = served
    before = await names_in_book(http)
    emulator.set_faults("rate=1,kinds=drop_after")
    with pytest.raises(httpx.RemoteProtocolError):
        await http.post(
            "/v1/people:createContact",
            params={"personFields": "names"},
            json={"names": [{"givenName": "Dropped", "familyName": "Afterwards"}]},
        )
    assert emulator.faults.counts["drop_after"] == 1
    emulator.set_faults(None)
    after = await names_in_book(http)
    assert len(after) == len(before) + 1
    assert "Dropped Afterwards" in after


async def test_drop_before_processing_changes_nothing(
    served: tuple[Emulator, httpx.AsyncClient],
) -> None:
    emulator, http = served
    before = await names_in_book(http)
    emulator.set_faults("rate=1,kinds=drop")
    with pytest.raises(httpx.RemoteProtocolError):
        await http.post(
            "/v1/people:createContact",
            json={"names": [{"givenName": "Never", "familyName": "Made"}]},
        )
    emulator.set_faults(None)
    assert await names_in_book(http) == before


async def test_quota_429_on_the_wire_then_a_minute_later_it_passes(
    served: tuple[Emulator, httpx.AsyncClient],
) -> None:
    emulator, http = served
    emulator.set_faults("quota=2/min")
    params = {"personFields": "names"}
    statuses = [(await http.get(CONNECTIONS, params=params)).status_code for _ in range(2)]
    refused = await http.get(CONNECTIONS, params=params)
    assert statuses == [200, 200]
    assert refused.status_code == 429
    assert validate_error_envelope(refused.json(), 429) == []
    assert refused.json()["error"]["details"][0]["reason"] == "RATE_LIMIT_EXCEEDED"
    assert "retry-after" not in refused.headers
    emulator.clock.advance(60)
    assert (await http.get(CONNECTIONS, params=params)).status_code == 200


async def test_same_seed_same_faults_through_the_emulator() -> None:
    async def statuses(spec: str) -> list[int | str]:
        emulator = Emulator(contacts=3, faults=spec)
        seen: list[int | str] = []
        async with httpx.AsyncClient(
            transport=emulator.transport(),
            base_url="https://people.emulator.invalid",
            headers={"Authorization": f"Bearer {emulator.token}"},
        ) as http:
            for _ in range(40):
                try:
                    response = await http.get(CONNECTIONS, params={"personFields": "names"})
                    seen.append(response.status_code)
                except httpx.RemoteProtocolError:
                    seen.append("dropped")
        return seen

    first = await statuses("rate=0.4,seed=11")
    assert first == await statuses("rate=0.4,seed=11")
    assert {200, "dropped"} <= set(first)
