"""The cache's files on disk: private from the first byte, named per account, set aside whole.

SQLite gives its -wal and -shm files the permissions of the database file, so a database
created 0600 keeps every companion 0600 too; the restrictive umask while opening covers any
file SQLite creates before that copy happens.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
# Beside the caches: the account whose book was opened last, in plain text, so that
# `peopletui query` can pick it without the keyring (slow, and not needed to read a cache).
LAST_ACCOUNT_FILE = "last-account"
_UNSAFE = re.compile(r"[^a-z0-9._@+-]+")


def cache_file_name(account: str) -> str:
    """A readable, filesystem-safe name; the hash keeps accounts that fold alike apart."""
    readable = _UNSAFE.sub("_", account.casefold())[:64].strip("._") or "account"
    digest = hashlib.sha256(account.encode("utf-8")).hexdigest()[:10]
    return f"people-{readable}-{digest}.sqlite3"


@contextlib.contextmanager
def restrictive_umask() -> Iterator[None]:
    # The umask is process-wide; holding it briefly only makes other files more private.
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_private_dir(folder: Path) -> None:
    with restrictive_umask():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(folder, PRIVATE_DIR)


def make_private_file(path: Path) -> bool:
    """Create `path` empty with mode 0600 unless it exists; tighten an existing one (and its
    companions). Returns True when the file is new."""
    with restrictive_umask():
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        except FileExistsError:
            for existing in (path, *companions(path)):
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(existing, PRIVATE_FILE)
            return False
    os.close(descriptor)
    return True


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]


def set_aside(path: Path, reason: str) -> Path:
    """Move an unusable cache (and its companions) out of the way, kept for inspection:
    `people-x.sqlite3.corrupt-20260101T120000`. Companions go with it because SQLite would
    otherwise replay a stale -wal into the fresh file."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}")
    os.replace(path, target)
    os.chmod(target, PRIVATE_FILE)
    for companion, suffix in zip(companions(path), COMPANION_SUFFIXES, strict=True):
        if companion.exists():
            moved = target.with_name(target.name + suffix)
            os.replace(companion, moved)
            os.chmod(moved, PRIVATE_FILE)
    return target


def remember_last_account(folder: Path, account: str) -> None:
    """Record `account` as the last one opened (atomically, 0600; untouched if unchanged)."""
    path = folder / LAST_ACCOUNT_FILE
    text = account + "\n"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if path.read_text(encoding="utf-8") == text:
            return
    temporary = path.with_name(f".{LAST_ACCOUNT_FILE}.{os.getpid()}")
    with restrictive_umask():
        temporary.write_text(text, encoding="utf-8")
    os.chmod(temporary, PRIVATE_FILE)
    os.replace(temporary, path)
