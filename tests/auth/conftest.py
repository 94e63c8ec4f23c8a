"""Fixtures for the sign-in tests: the emulator's OAuth server, an in-memory keyring, a client file.

The desktop keyring is the one thing replaced (see `auth_helpers.MemoryKeyring`); everything else
— the OAuth endpoints, the loopback listener, httpx — is the real thing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import keyring
import pytest
from auth_helpers import EMULATOR_URL, CountingTransport, MemoryKeyring, write_client_file

from peopletui.auth import KeyringTokenStore, OAuthEndpoints, TokenClient

if TYPE_CHECKING:
    from peopletui.emulator import Emulator


@pytest.fixture(autouse=True)
def no_desktop_keyring() -> Iterator[MemoryKeyring]:
    """Whatever asks keyring for its default backend gets an in-memory one, never the user's."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    yield backend
    backend.hang.set()  # release any thread a test left blocked


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> KeyringTokenStore:
    return KeyringTokenStore(memory_keyring)


@pytest.fixture
def emulator() -> Emulator:
    from peopletui.emulator import Emulator

    return Emulator(contacts=5)


@pytest.fixture
def endpoints() -> OAuthEndpoints:
    return OAuthEndpoints.at(EMULATOR_URL)


@pytest.fixture
def counting_transport(emulator: Emulator) -> CountingTransport:
    return CountingTransport(emulator.transport())


@pytest.fixture
async def token_client(
    counting_transport: CountingTransport, endpoints: OAuthEndpoints, emulator: Emulator
) -> AsyncIterator[TokenClient]:
    async with httpx.AsyncClient(transport=counting_transport) as http:
        yield TokenClient(http, endpoints, clock=emulator.clock.now)


@pytest.fixture
def client_file(tmp_path: Path) -> Path:
    return write_client_file(tmp_path)
