"""The in-process adapter: an httpx transport that answers from the emulator without a socket.

Any host is accepted, so photo URLs built on the emulator's public URL resolve through the same
transport. A staged dropped connection surfaces as the exception httpx raises against a real
server that hangs up: ``httpx.RemoteProtocolError("Server disconnected without sending a
response.")``.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

import httpx

from .target import wire_request
from .wire import DropConnection, WireRequest, WireResponse

DISCONNECTED = "Server disconnected without sending a response."


class Handler(Protocol):
    """What the transport needs from the emulator: `Emulator.handle`."""

    def handle(self, request: WireRequest) -> WireResponse: ...


class EmulatorTransport(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """Serves `httpx.AsyncClient` (and `httpx.Client`) requests from an emulator in this process."""

    def __init__(self, emulator: Handler) -> None:
        self._emulator = emulator

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        wire = _to_wire(request, body)
        # The core is synchronous and may take a while on a large book; a worker thread keeps the
        # caller's event loop (the UI) responsive. The emulator serialises requests with its lock.
        try:
            response = await asyncio.to_thread(self._emulator.handle, wire)
        except DropConnection as drop:
            raise httpx.RemoteProtocolError(DISCONNECTED, request=request) from drop
        if response.latency > 0:
            await asyncio.sleep(response.latency)
        return _to_httpx(request, response)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        try:
            response = self._emulator.handle(_to_wire(request, body))
        except DropConnection as drop:
            raise httpx.RemoteProtocolError(DISCONNECTED, request=request) from drop
        if response.latency > 0:
            time.sleep(response.latency)
        return _to_httpx(request, response)


def _to_wire(request: httpx.Request, body: bytes) -> WireRequest:
    return wire_request(request.method, request.url.raw_path, request.headers.raw, body)


def _to_httpx(request: httpx.Request, response: WireResponse) -> httpx.Response:
    content = b"" if request.method.upper() == "HEAD" else response.body
    headers = [
        (name, value) for name, value in response.headers if name.lower() != "content-length"
    ]
    headers.append(("content-length", str(len(response.body))))
    return httpx.Response(
        response.status,
        headers=headers,
        content=content,
        request=request,
        extensions={"http_version": b"HTTP/1.1"},
    )
