"""Fixtures for the service tests: `books` opens contact books on real emulators with real
SQLite caches in a temporary folder, and closes them afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from book_harness import Books


@pytest.fixture
async def books(tmp_path: Path) -> AsyncIterator[Books]:
    opened = Books(tmp_path / "cache")
    yield opened
    await opened.close_all()
