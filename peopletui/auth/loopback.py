"""The one-shot HTTP listener on 127.0.0.1 that receives Google's redirect after consent.

It runs on the caller's event loop (asyncio streams, h11 for the HTTP parsing), listens on a
random port, and accepts exactly one valid callback: the expected path with the expected state.
Anything else — another path, a wrong state, no code, a second callback — gets a 400 page and the
sign-in keeps waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import Callable
from types import TracebackType

import h11

from .errors import SignInFailed
from .redirect import AuthorizationCode, RedirectRefused, judge_redirect

log = logging.getLogger(__name__)

CALLBACK_PATH = "/"
MAX_REQUEST_BYTES = 16 * 1024
# A browser sends its request at once; a connection that says nothing for this long is dropped.
READ_TIMEOUT = 10.0

DONE_PAGE = "Signed in. You can close this tab and go back to peopletui."
DENIED_PAGE = "Sign-in was not completed. Go back to peopletui to try again."


class LoopbackRedirectServer:
    """``async with LoopbackRedirectServer(state) as server: code = await server.wait()``."""

    def __init__(
        self,
        expected_state: str,
        *,
        host: str = "127.0.0.1",
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        self._expected_state = expected_state
        self._host = host
        self._on_refused = on_refused
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[AuthorizationCode] | None = None
        self.port = 0

    @property
    def redirect_uri(self) -> str:
        return f"http://{self._host}:{self.port}{CALLBACK_PATH}"

    async def start(self) -> None:
        self._result = asyncio.get_running_loop().create_future()
        self._server = await asyncio.start_server(self._serve, self._host, 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def wait(self) -> AuthorizationCode:
        """The code of the one accepted callback; `SignInFailed` if the user denied consent."""
        assert self._result is not None, "start() first"
        return await asyncio.shield(self._result)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        if self._result is not None and not self._result.done():
            self._result.cancel()

    async def __aenter__(self) -> LoopbackRedirectServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            target = await asyncio.wait_for(_read_request_target(reader), READ_TIMEOUT)
            if target is None:
                status, page = 400, "Bad request."
            else:
                status, page = self._answer(*target)
            writer.write(_response_bytes(status, page))
            await writer.drain()
        except (TimeoutError, ConnectionError, h11.RemoteProtocolError):
            pass  # a silent or broken client; the sign-in goes on waiting
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _answer(self, method: str, path: str, query: str) -> tuple[int, str]:
        result = self._result
        if result is None or result.done():
            return self._refuse("this sign-in is already finished.")
        if method != "GET":
            return self._refuse(f"{method[:10]} is not how a browser arrives here.")
        try:
            code = judge_redirect(
                path, query, expected_path=CALLBACK_PATH, expected_state=self._expected_state
            )
        except RedirectRefused as refused:
            return self._refuse(refused.reason)
        except SignInFailed as failed:
            result.set_exception(failed)
            return 200, DENIED_PAGE
        result.set_result(code)
        return 200, DONE_PAGE

    def _refuse(self, reason: str) -> tuple[int, str]:
        log.info("Refused a request to the sign-in listener: %s", reason)
        if self._on_refused is not None:
            self._on_refused(reason)
        return 400, f"peopletui refused this request: {reason}"


async def _read_request_target(reader: asyncio.StreamReader) -> tuple[str, str, str] | None:
    """(method, path, query) of one HTTP request, or None if it is not HTTP we can read."""
    connection = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_REQUEST_BYTES)
    request: h11.Request | None = None
    received = 0
    while True:
        event = connection.next_event()
        if event is h11.NEED_DATA:
            data = await reader.read(4096)
            received += len(data)
            if received > MAX_REQUEST_BYTES:
                return None
            connection.receive_data(data)
        elif isinstance(event, h11.Request):
            request = event
        elif isinstance(event, h11.EndOfMessage) and request is not None:
            target = request.target.decode("ascii", "replace")
            path, _, query = target.partition("?")
            return request.method.decode("ascii", "replace"), path, query
        elif isinstance(event, h11.ConnectionClosed | h11.PAUSED):
            return None


def _response_bytes(status: int, message: str) -> bytes:
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>peopletui sign-in</title></head>"
        f"<body><p>{html.escape(message)}</p></body></html>"
    ).encode()
    reason = {200: "OK", 400: "Bad Request"}[status]
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(page)}\r\n"
        "Cache-Control: no-store\r\n"
        "Referrer-Policy: no-referrer\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + page
