"""Fixtures for the emulator conformance suite: a fresh emulator per test, served on loopback.

Every response goes through `support.conformance.check_response` (see there): schema-checked
against the discovery document, so no test can forget to validate what it received.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING

import httpx
import pytest
from support.conformance import SEED_CONTACTS, Api, check_response

if TYPE_CHECKING:
    from peopletui.emulator import Emulator


@pytest.fixture
def serve() -> Iterator[Callable[..., Api]]:
    """Serve an emulator on loopback and return a checked client for it (torn down after)."""
    from peopletui.emulator.http import serve_in_thread

    with ExitStack() as stack:

        def start(emulator: Emulator, *, token: str | None = None) -> Api:
            base_url = stack.enter_context(serve_in_thread(emulator))
            bearer = emulator.token if token is None else token
            headers = {"authorization": f"Bearer {bearer}"} if bearer else {}
            http = stack.enter_context(
                httpx.Client(
                    base_url=base_url,
                    headers=headers,
                    timeout=10.0,
                    event_hooks={"response": [check_response]},
                )
            )
            return Api(http, emulator, base_url)

        yield start


@pytest.fixture
def emulator() -> Emulator:
    # Imported here so the validator's own tests in this folder run without the emulator.
    from peopletui.emulator import Emulator

    return Emulator(contacts=SEED_CONTACTS, seed=7)


@pytest.fixture
def api(serve: Callable[..., Api], emulator: Emulator) -> Api:
    return serve(emulator)
