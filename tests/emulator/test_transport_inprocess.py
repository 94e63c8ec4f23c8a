"""The in-process httpx transport: what the core receives, and what the client gets back.

`EchoCore` stands in for the emulator at the adapter boundary (the transport depends only on a
``handle(WireRequest) -> WireResponse``): it answers with what it was given, so these tests can
check the adapter's translation exactly. The tests at the end go through the real `Emulator`.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from peopletui.emulator.transport import DISCONNECTED, EmulatorTransport
from peopletui.emulator.wire import DropConnection, WireRequest, WireResponse


class EchoCore:
    """Answers every request with a JSON description of it; ``/drop`` drops the connection."""

    public_url = "https://echo.invalid"

    def __init__(self) -> None:
        self.seen: list[WireRequest] = []

    def handle(self, request: WireRequest) -> WireResponse:
        self.seen.append(request)
        if request.raw_path == "/drop":
            raise DropConnection(after_processing=False)
        return WireResponse.json(200, {"path": request.raw_path, "body": request.body.decode()})


def client(core: EchoCore, base_url: str = "https://people.emulator.invalid") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=EmulatorTransport(core), base_url=base_url)


async def test_percent_encoded_slash_reaches_the_core_intact() -> None:
    core = EchoCore()
    async with client(core) as http:
        response = await http.patch("/v1/people%2Fc123:updateContact", content=b"{}")
    assert response.status_code == 200
    assert core.seen[0].raw_path == "/v1/people%2Fc123:updateContact"
    assert core.seen[0].method == "PATCH"


async def test_repeated_query_keys_stay_repeated_and_in_order() -> None:
    core = EchoCore()
    params = [
        ("resourceNames", "people/c1"),
        ("personFields", "names"),
        ("resourceNames", "people/c2"),
        ("query", "José Ø+1"),
        ("empty", ""),
    ]
    # A literal query string: httpx's own `params=` would group repeated keys together.
    target = (
        "/v1/people:batchGet?resourceNames=people%2Fc1&personFields=names"
        "&resourceNames=people%2Fc2&query=Jos%C3%A9+%C3%98%2B1&empty="
    )
    async with client(core) as http:
        await http.get(target)
    seen = core.seen[0]
    assert seen.raw_path == "/v1/people:batchGet"
    assert seen.query == tuple(params)
    assert seen.query_values("resourceNames") == ["people/c1", "people/c2"]


async def test_headers_arrive_lower_cased_and_body_whole() -> None:
    core = EchoCore()
    async with client(core) as http:
        await http.post(
            "/v1/people:createContact",
            headers={"Authorization": "Bearer t", "X-Goog-Request-Reason": "test"},
            json={"names": [{"givenName": "Ada"}]},
        )
    seen = core.seen[0]
    assert seen.header("authorization") == "Bearer t"
    assert seen.headers["x-goog-request-reason"] == "test"
    assert json.loads(seen.body) == {"names": [{"givenName": "Ada"}]}


async def test_streamed_request_body_is_read_whole() -> None:
    async def pieces() -> Any:
        for piece in (b'{"a":', b" 1}"):
            yield piece

    core = EchoCore()
    async with client(core) as http:
        response = await http.post("/v1/x", content=pieces())
    assert response.json()["body"] == '{"a": 1}'


async def test_any_host_is_served() -> None:
    core = EchoCore()
    async with client(core) as http:
        response = await http.get("http://127.0.0.1:9/photos/p1")
    assert response.status_code == 200
    assert core.seen[0].raw_path == "/photos/p1"


async def test_head_is_answered_as_get_without_a_body() -> None:
    core = EchoCore()
    async with client(core) as http:
        head = await http.head("/v1/x")
        get = await http.get("/v1/x")
    assert core.seen[0].method == "GET"
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))


async def test_drop_raises_what_httpx_raises_against_a_real_server() -> None:
    core = EchoCore()
    async with client(core) as http:
        with pytest.raises(httpx.RemoteProtocolError, match=DISCONNECTED) as caught:
            await http.get("/drop")
    assert caught.value.request.url.path == "/drop"
    assert isinstance(caught.value, httpx.TransportError)


def test_sync_client_is_served_too() -> None:
    core = EchoCore()
    with httpx.Client(transport=EmulatorTransport(core), base_url="https://e.invalid") as http:
        response = http.get("/v1/people%2Fme", params=[("a", "1"), ("a", "2")])
        with pytest.raises(httpx.RemoteProtocolError):
            http.get("/drop")
    assert response.json()["path"] == "/v1/people%2Fme"
    assert core.seen[0].query == (("a", "1"), ("a", "2"))
