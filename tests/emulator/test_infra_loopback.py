"""The loopback server on real sockets (127.0.0.1 only): HTTP/1.1 framing, drops, logging.

`EchoCore` stands in for the emulator at the adapter boundary so framing can be checked byte for
byte; the real `Emulator` over loopback is exercised in test_infra_emulator_loopback.py.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import h11
import httpx
import pytest

from peopletui.emulator.http import LoopbackServer, serve_in_thread
from peopletui.emulator.wire import DropConnection, WireRequest, WireResponse


class EchoCore:
    """Answers with the request's path and body; ``/drop`` and ``/drop-after`` hang up."""

    def __init__(self) -> None:
        self.public_url = "unset"
        self.seen: list[WireRequest] = []

    def handle(self, request: WireRequest) -> WireResponse:
        self.seen.append(request)
        if request.raw_path in ("/drop", "/drop-after"):
            raise DropConnection(after_processing=request.raw_path == "/drop-after")
        if request.raw_path == "/boom":
            raise RuntimeError("a bug in the core")
        return WireResponse.json(200, {"path": request.raw_path, "body": request.body.decode()})


@pytest.fixture
async def served() -> AsyncIterator[tuple[LoopbackServer, EchoCore]]:
    core = EchoCore()
    server = LoopbackServer(core)
    await server.start()
    try:
        yield server, core
    finally:
        await server.close()


class RawClient:
    """An HTTP/1.1 client on one socket, driven by h11, to see exactly what the server does."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.connection = h11.Connection(h11.CLIENT)

    @classmethod
    async def open(cls, base_url: str) -> RawClient:
        url = httpx.URL(base_url)
        reader, writer = await asyncio.open_connection(url.host, url.port)
        return cls(reader, writer)

    async def send(self, *events: h11.Event) -> None:
        for event in events:
            self.writer.write(self.connection.send(event) or b"")
        await self.writer.drain()

    async def next_event(self) -> h11.Event:
        while True:
            event = self.connection.next_event()
            if event is not h11.NEED_DATA:
                assert isinstance(event, h11.Event)
                return event
            self.connection.receive_data(await self.reader.read(65536))

    async def response(self) -> tuple[h11.Response, bytes]:
        head = await self.next_event()
        while isinstance(head, h11.InformationalResponse):
            head = await self.next_event()
        assert isinstance(head, h11.Response)
        body = b""
        while not isinstance(event := await self.next_event(), h11.EndOfMessage):
            assert isinstance(event, h11.Data)
            body += event.data
        return head, body

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


def get(target: str, *headers: tuple[str, str]) -> h11.Request:
    return h11.Request(method="GET", target=target, headers=[("host", "127.0.0.1"), *headers])


async def test_base_url_is_loopback_and_becomes_the_public_url(
    served: tuple[LoopbackServer, EchoCore],
) -> None:
    server, core = served
    assert server.base_url.startswith("http://127.0.0.1:")
    assert not server.base_url.endswith(":0")
    assert core.public_url == server.base_url


async def test_keep_alive_serves_several_requests_on_one_socket(
    served: tuple[LoopbackServer, EchoCore],
) -> None:
    server, _ = served
    raw = await RawClient.open(server.base_url)
    for path in ("/v1/first", "/v1/people%2Fc1"):
        await raw.send(get(path), h11.EndOfMessage())
        head, body = await raw.response()
        assert head.status_code == 200
        assert path.encode() in body
        raw.connection.start_next_cycle()
    await raw.close()


async def test_chunked_request_body_is_reassembled(
    served: tuple[LoopbackServer, EchoCore],
) -> None:
    server, core = served
    raw = await RawClient.open(server.base_url)
    await raw.send(
        h11.Request(
            method="POST",
            target="/v1/people:createContact",
            headers=[("host", "x"), ("transfer-encoding", "chunked")],
        ),
        h11.Data(data=b'{"names": '),
        h11.Data(data='[{"givenName": "Zoë"}]}'.encode()),
        h11.EndOfMessage(),
    )
    head, _ = await raw.response()
    await raw.close()
    assert head.status_code == 200
    assert core.seen[0].body == '{"names": [{"givenName": "Zoë"}]}'.encode()


async def test_content_length_body_after_expect_continue(
    served: tuple[LoopbackServer, EchoCore],
) -> None:
    server, core = served
    raw = await RawClient.open(server.base_url)
    body = b'{"resourceNames": ["people/c1"]}'
    await raw.send(
        h11.Request(
            method="POST",
            target="/v1/people:batchDeleteContacts",
            headers=[("host", "x"), ("content-length", str(len(body))), ("expect", "100-continue")],
        )
    )
    informational = await raw.next_event()
    assert isinstance(informational, h11.InformationalResponse)
    assert informational.status_code == 100
    await raw.send(h11.Data(data=body), h11.EndOfMessage())
    head, _ = await raw.response()
    await raw.close()
    assert head.status_code == 200
    assert core.seen[0].body == body


async def test_head_has_the_length_of_get_and_no_body(
    served: tuple[LoopbackServer, EchoCore],
) -> None:
    server, _ = served
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        head = await http.head("/v1/x")
        whole = await http.get("/v1/x")
        again = await http.get("/v1/y")  # the connection is still usable after a HEAD
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(whole.content))
    assert again.status_code == 200


async def test_malformed_request_gets_400(served: tuple[LoopbackServer, EchoCore]) -> None:
    server, core = served
    url = httpx.URL(server.base_url)
    reader, writer = await asyncio.open_connection(url.host, url.port)
    writer.write(b"NOT HTTP AT ALL\r\n\r\n")
    await writer.drain()
    answer = await reader.read()
    writer.close()
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert core.seen == []


@pytest.mark.parametrize("path", ["/drop", "/drop-after"])
async def test_dropped_connection_is_a_transport_error_for_httpx(
    served: tuple[LoopbackServer, EchoCore], path: str
) -> None:
    server, _ = served
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        before = await http.get("/v1/warm")  # the drop hits a kept-alive connection
        with pytest.raises(httpx.TransportError):
            await http.get(path)
        after = await http.get("/v1/after")
    assert before.status_code == after.status_code == 200


async def test_core_bug_becomes_googles_500_envelope(
    served: tuple[LoopbackServer, EchoCore],
) -> None:
    server, _ = served
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        response = await http.get("/boom")
    assert response.status_code == 500
    assert response.json()["error"]["status"] == "INTERNAL"


async def test_log_line_per_request_with_credentials_redacted(
    served: tuple[LoopbackServer, EchoCore], caplog: pytest.LogCaptureFixture
) -> None:
    server, _ = served
    caplog.set_level(logging.INFO, logger="peopletui.emulator.http")
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        await http.get(
            "/v1/people/me/connections",
            params={"personFields": "names", "access_token": "SECRET1", "key": "SECRET2"},
            headers={"Authorization": "Bearer SECRET3"},
        )
        with pytest.raises(httpx.TransportError):
            await http.get("/drop", params={"code": "SECRET4"})
    lines = [r.getMessage() for r in caplog.records if r.name == "peopletui.emulator.http"]
    assert len(lines) == 2
    first, second = lines
    assert first.startswith(
        "GET /v1/people/me/connections?personFields=names&access_token=REDACTED"
    )
    assert "key=REDACTED" in first
    assert " 200 " in first
    assert first.endswith("ms")
    assert second.startswith("GET /drop?code=REDACTED dropped")
    assert "SECRET" not in caplog.text


def test_non_loopback_address_is_refused_unless_allowed() -> None:
    with pytest.raises(ValueError, match="not a loopback address"):
        LoopbackServer(EchoCore(), host="0.0.0.0")
    with pytest.raises(ValueError, match="not a loopback address"):
        LoopbackServer(EchoCore(), host="192.168.1.10")
    LoopbackServer(EchoCore(), host="::1")
    LoopbackServer(EchoCore(), host="localhost")
    LoopbackServer(EchoCore(), host="0.0.0.0", allow_remote=True)  # constructing does not bind


def test_serve_in_thread_serves_sync_clients_and_shuts_down() -> None:
    core = EchoCore()
    with serve_in_thread(core) as base_url, httpx.Client(base_url=base_url) as http:
        response = http.get("/v1/people%2Fc7", params=[("f", "a"), ("f", "b")])
        with pytest.raises(httpx.TransportError):
            http.get("/drop")
    assert response.json()["path"] == "/v1/people%2Fc7"
    assert core.seen[0].query == (("f", "a"), ("f", "b"))
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url + "/v1/x")
