"""`Session` builds the real services for one account in one place: the demo (in-process
emulator), an endpoint with a token (a loopback emulator here), or Google with any httpx.Auth
(pointed at the emulator, since Google's servers cannot be reached from the tests)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from peopletui import paths
from peopletui.api import StaticTokenAuth
from peopletui.cache.files import cache_file_name
from peopletui.emulator import IN_PROCESS_URL, Emulator, serve_in_thread
from peopletui.services.events import CacheOpened
from peopletui.services.session import Session


async def test_a_demo_session_works_offline_and_leaves_nothing_behind() -> None:
    session = Session.demo(contacts=50, seed=3)
    cache_path = session.cache.path
    async with session:
        await session.book.wait_synced()
        assert len(session.book) == 50
        assert session.book.complete
        assert (await session.directory.list_page(page_size=5)).people
        name = session.book.names_in_order()[0]
        edit = session.book.begin_edit(name)
        edit.values["nicknames"] = [{"value": "Demo"}]
        assert (await session.book.save(edit)).saved
        assert session.emulator is not None
    assert not cache_path.exists()  # the demo's cache was temporary


async def test_a_demo_with_a_state_file_keeps_its_cache(tmp_path: Path) -> None:
    state = tmp_path / "demo-state.json"
    async with Session.demo(contacts=20, seed=4, state_file=state) as first:
        await first.book.wait_synced()
        assert first.cache.path.parent == paths.cache_dir()

    async with Session.demo(contacts=20, seed=4, state_file=state) as second:
        opened = []
        second.book.events.subscribe(opened.append)
        assert len(second.book) == 20  # painted from the cache kept from the first run
        await second.book.wait_synced()


async def test_an_endpoint_session_talks_to_a_loopback_server(tmp_path: Path) -> None:
    emulator = Emulator(contacts=30, seed=5)
    with serve_in_thread(emulator) as url:
        session = Session.for_endpoint(
            url, emulator.token, account="someone@example.org", cache_dir=tmp_path
        )
        events: list[object] = []
        session.book.events.subscribe(events.append)
        async with session:
            await session.book.wait_synced()
            assert len(session.book) == 30
            assert session.book.search("a", limit=3).resource_names
    assert [e.outcome for e in events if isinstance(e, CacheOpened)] == ["created"]
    cache = tmp_path / cache_file_name("someone@example.org")
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o600


async def test_a_google_session_accepts_any_httpx_auth(tmp_path: Path) -> None:
    emulator = Emulator(contacts=12, seed=6)
    session = Session.for_google(
        StaticTokenAuth(emulator.token),
        "someone@example.org",
        cache_dir=tmp_path,
        base_url=IN_PROCESS_URL,
        transport=emulator.transport(),
    )
    async with session:
        await session.book.wait_synced()
        assert len(session.book) == 12
        assert session.account == "someone@example.org"
        assert session.emulator is None


def test_importing_the_services_does_not_import_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import peopletui.services as services\n"
        "for info in pkgutil.walk_packages(services.__path__, 'peopletui.services.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
