"""The loopback adapter: the emulator over real HTTP/1.1 (asyncio streams and h11).

One implementation covers keep-alive, Content-Length and chunked request bodies, HEAD and
``Expect: 100-continue``. A staged `DropConnection` closes the socket without an answer, which a
client sees exactly as it would a server that hung up. It listens on loopback only unless told
otherwise (``allow_remote=True``): the emulator accepts a fixed, printed bearer token.

Each request is logged on one line (method, path with credential-bearing query values redacted,
status, milliseconds) to the ``peopletui.emulator.http`` logger; ``peopletui emulator`` sends it
to stderr.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http import HTTPStatus
from typing import Protocol

import h11

from .errors import ApiError
from .target import redacted_target, wire_request
from .wire import DropConnection, WireRequest, WireResponse

logger = logging.getLogger(__name__)

READ_CHUNK = 64 * 1024
# Far above any People API body (a photo is a few megabytes of base64); a guard, not a rule.
MAX_BODY = 64 * 1024 * 1024
_FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding", "connection"})


class Served(Protocol):
    """What the server needs from the emulator."""

    public_url: str

    def handle(self, request: WireRequest) -> WireResponse: ...


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LoopbackServer:
    def __init__(
        self,
        emulator: Served,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        allow_remote: bool = False,
    ) -> None:
        if not allow_remote and not is_loopback(host):
            raise ValueError(
                f"refusing to listen on {host}, which is not a loopback address: anyone who can "
                "reach it could read and change the emulator's contacts with the printed token "
                "(allow it explicitly to do so anyway)"
            )
        self._emulator = emulator
        # "localhost" may resolve to both 127.0.0.1 and ::1, which would get two different
        # random ports; one address gives one URL.
        self._host = "127.0.0.1" if host == "localhost" else host
        self._port = port
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        self._closed: asyncio.Event | None = None
        self._base_url: str | None = None

    @property
    def base_url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the server has not been started")
        return self._base_url

    async def start(self) -> None:
        """Bind and start accepting; sets ``emulator.public_url`` to this server's base URL."""
        self._closed = asyncio.Event()
        self._server = await asyncio.start_server(self._serve_connection, self._host, self._port)
        host, port = self._server.sockets[0].getsockname()[:2]
        self._base_url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
        self._emulator.public_url = self._base_url

    async def serve_forever(self) -> None:
        """Wait until `close` is called."""
        if self._closed is None:
            raise RuntimeError("the server has not been started")
        await self._closed.wait()

    async def close(self) -> None:
        """Stop accepting, close every connection (idle keep-alive ones too), and wait for them."""
        if self._server is None:
            return
        server, self._server = self._server, None
        server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        await server.wait_closed()
        if self._closed is not None:
            self._closed.set()

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
        try:
            await self._serve_requests(h11.Connection(h11.SERVER), reader, writer)
        except (ConnectionError, h11.LocalProtocolError):
            pass  # the client went away mid-exchange; nothing left to answer
        except asyncio.CancelledError:
            # `close` cancels idle keep-alive connections. Ending quietly matters on Python 3.11,
            # whose stream protocol logs a cancelled connection task as an error.
            pass
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _serve_requests(
        self, connection: h11.Connection, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            received = await self._receive(connection, reader, writer)
            if received is None:
                return
            head, body = received
            started = time.perf_counter()
            method = head.method.decode("ascii", "replace")
            label = f"{method} {redacted_target(head.target)}"
            request = wire_request(method, head.target, head.headers, body)
            try:
                # The core is synchronous; a thread keeps other connections served meanwhile.
                response = await asyncio.to_thread(self._emulator.handle, request)
            except DropConnection as drop:
                when = "after processing" if drop.after_processing else "before processing"
                logger.info("%s dropped %s %.1fms", label, when, _elapsed_ms(started))
                return  # closing without a byte of answer is the fault
            except Exception:
                logger.exception("%s failed inside the emulator", label)
                response = ApiError("INTERNAL", "Internal error encountered.").to_response()
            if response.latency > 0:
                await asyncio.sleep(response.latency)
            await _send(connection, writer, response, head_only=method.upper() == "HEAD")
            logger.info("%s %d %.1fms", label, response.status, _elapsed_ms(started))
            if h11.MUST_CLOSE in (connection.our_state, connection.their_state):
                return
            connection.start_next_cycle()

    async def _receive(
        self, connection: h11.Connection, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> tuple[h11.Request, bytes] | None:
        """The next complete request, or None when the connection is over."""
        head: h11.Request | None = None
        body = bytearray()
        while True:
            try:
                event = connection.next_event()
            except h11.RemoteProtocolError as error:
                await _refuse(connection, writer, error.error_status_hint)
                return None
            if event is h11.NEED_DATA:
                if connection.they_are_waiting_for_100_continue:
                    writer.write(
                        _encode(connection, h11.InformationalResponse(status_code=100, headers=[]))
                    )
                connection.receive_data(await reader.read(READ_CHUNK))
            elif isinstance(event, h11.Request):
                head = event
            elif isinstance(event, h11.Data):
                body += event.data
                if len(body) > MAX_BODY:
                    await _refuse(connection, writer, 413)
                    return None
            elif isinstance(event, h11.EndOfMessage) and head is not None:
                return head, bytes(body)
            else:
                return None  # ConnectionClosed (or a state we never ask for)


async def _send(
    connection: h11.Connection,
    writer: asyncio.StreamWriter,
    response: WireResponse,
    *,
    head_only: bool,
) -> None:
    bodiless = head_only or response.status in (204, 304)
    headers = [(n, v) for n, v in response.headers if n.lower() not in _FRAMING_HEADERS]
    if response.status not in (204, 304):
        headers.append(("content-length", str(len(response.body))))
    headers += [("date", formatdate(usegmt=True)), ("server", "ESF")]
    events: list[h11.Event] = [
        h11.Response(status_code=response.status, headers=headers, reason=_reason(response.status))
    ]
    if not bodiless and response.body:
        events.append(h11.Data(data=response.body))
    events.append(h11.EndOfMessage())
    writer.write(_encode(connection, *events))
    await writer.drain()


async def _refuse(connection: h11.Connection, writer: asyncio.StreamWriter, status: int) -> None:
    """Answer a malformed or oversized request with a bare status, then close."""
    if connection.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
        return
    body = f"{status} {_reason(status).decode()}\n".encode()
    headers = [
        ("content-type", "text/plain; charset=UTF-8"),
        ("content-length", str(len(body))),
        ("connection", "close"),
    ]
    try:
        out = _encode(
            connection,
            h11.Response(status_code=status, headers=headers, reason=_reason(status)),
            h11.Data(data=body),
            h11.EndOfMessage(),
        )
    except h11.LocalProtocolError:
        return
    writer.write(out)
    with contextlib.suppress(ConnectionError):
        await writer.drain()


def _encode(connection: h11.Connection, *events: h11.Event) -> bytes:
    # send() returns None only for ConnectionClosed, which is never sent here.
    return b"".join(connection.send(event) or b"" for event in events)


def _reason(status: int) -> bytes:
    try:
        return HTTPStatus(status).phrase.encode("ascii")
    except ValueError:
        return b""


def _elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


@contextlib.contextmanager
def serve_in_thread(emulator: Served, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run a `LoopbackServer` on its own event loop in a daemon thread; yields its base URL.

    For synchronous callers (tests, Google's own discovery client). On exit the server closes
    every connection and the thread ends.
    """
    server = LoopbackServer(emulator, host, port)
    loop = asyncio.new_event_loop()
    started = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(server.start())
        except BaseException as error:
            failure.append(error)
            started.set()
            loop.close()
            return
        started.set()
        loop.run_forever()
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()

    thread = threading.Thread(target=run, name="peopletui-emulator-http", daemon=True)
    thread.start()
    started.wait()
    if failure:
        thread.join()
        raise failure[0]
    try:
        yield server.base_url
    finally:
        asyncio.run_coroutine_threadsafe(server.close(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
