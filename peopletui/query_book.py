"""Finding and reading an account's cache for `peopletui query`, with the standard library only.

Mail clients run the query on every completion, so this module avoids everything slow to import
(platformdirs, pathlib, hashlib's OpenSSL, the cache package's write side): the cache folder and
the file names are computed here the same way `peopletui.paths` and `peopletui.cache.files` do
(a test holds them equal), and the cache is opened read-only.
"""

from __future__ import annotations

import os
import sys

# Not `typing.TYPE_CHECKING`: importing typing costs some 2 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
else:
    # The sqlite3 package is the C module _sqlite3 plus DB-API date adapters that import
    # datetime: some 2 ms of a command that must answer in about 20. Reading needs only the
    # C module.
    try:
        import _sqlite3 as sqlite3
    except ImportError:  # another Python implementation
        import sqlite3

DatabaseError = sqlite3.Error  # what the query lets through to the user as a message

APP_NAME = "peopletui"
LAST_ACCOUNT_FILE = "last-account"  # = peopletui.cache.files.LAST_ACCOUNT_FILE
QUERY_SCHEMA = 3  # the first cache version with the addresses table
NEWEST_SCHEMA = 4  # = peopletui.cache.schema.SCHEMA_VERSION (v4 added only an index)
_SAFE_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._@+-")


class QueryError(Exception):
    """Something the user must fix; the message says what and how."""


def cache_folder() -> str:
    """`peopletui.paths.cache_dir()`, without importing platformdirs (some 13 ms) on the
    platforms that follow the XDG rules."""
    if sys.platform in ("win32", "darwin") or hasattr(sys, "getandroidapilevel"):
        from peopletui.paths import cache_dir

        return str(cache_dir())
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.expanduser("~/.cache")
    return os.path.join(base, APP_NAME)


def _sha256_hex(data: bytes) -> str:
    # hashlib loads OpenSSL (some 3 ms); CPython's own SHA-256 is built in.
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,unused-ignore]  # 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # 3.12+
        except ImportError:
            from hashlib import sha256
    return str(sha256(data).hexdigest())


def cache_file_name(account: str) -> str:
    """`peopletui.cache.files.cache_file_name`, without its regex."""
    readable: list[str] = []
    for char in account.casefold():
        if char in _SAFE_NAME_CHARS:
            readable.append(char)
        elif not readable or readable[-1] != "_":
            readable.append("_")
    name = "".join(readable)[:64].strip("._") or "account"
    return f"people-{name}-{_sha256_hex(account.encode('utf-8'))[:10]}.sqlite3"


def last_account(folder: str) -> str | None:
    try:
        with open(os.path.join(folder, LAST_ACCOUNT_FILE), encoding="utf-8") as file:
            account = file.readline().strip()
    except (OSError, UnicodeDecodeError):
        return None
    return account or None


def cache_files(folder: str) -> list[str]:
    """The caches in `folder` (set-aside ones, `…sqlite3.corrupt-…`, are not)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(
        os.path.join(folder, name)
        for name in names
        if name.startswith("people-") and name.endswith(".sqlite3")
    )


def open_read_only(path: str) -> sqlite3.Connection:
    # A URI keeps the query from ever creating or writing a cache; %-escape what URIs reserve.
    quoted = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return sqlite3.connect(f"file:{quoted}?mode=ro", uri=True)


def stored_account(path: str) -> str | None:
    """The account a cache file belongs to, from its meta table (None if unreadable)."""
    try:
        connection = open_read_only(path)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'account'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def choose_cache(folder: str, account: str | None) -> tuple[str, str | None]:
    """(the cache file to read, its account if known): the one of `account`, else the last
    account opened in the app, else the only cache there is."""
    if account is not None:
        path = os.path.join(folder, cache_file_name(account))
        if os.path.exists(path):
            return path, account
        raise QueryError(f"no contacts of {account} are cached here. {_known(folder)}")
    remembered = last_account(folder)
    if remembered is not None:
        path = os.path.join(folder, cache_file_name(remembered))
        if os.path.exists(path):
            return path, remembered
    caches = cache_files(folder)
    if len(caches) == 1:
        return caches[0], None
    if not caches:
        raise QueryError(
            "no contacts are cached yet: open peopletui once (it keeps a local copy of your "
            "contacts, which this command reads)."
        )
    raise QueryError(f"several accounts have contacts here. {_known(folder)}")


def _known(folder: str) -> str:
    accounts = sorted(filter(None, map(stored_account, cache_files(folder))))
    if not accounts:
        return "No account has contacts cached yet: open peopletui once."
    return "Choose one with --account: " + ", ".join(accounts) + "."


def open_book(path: str, account: str | None) -> sqlite3.Connection:
    """A read-only connection to a cache that has the addresses table. A cache from before it
    is upgraded first, as the app would on opening it."""
    connection = open_read_only(path)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as error:
        connection.close()
        raise QueryError(f"the cache {path} cannot be read ({error}): open peopletui") from None
    if QUERY_SCHEMA <= version <= NEWEST_SCHEMA:
        return connection
    connection.close()
    if version > NEWEST_SCHEMA:
        raise QueryError(f"the cache {path} was written by a newer peopletui: update this one.")
    _upgrade(path, account)
    return open_read_only(path)


def _upgrade(path: str, account: str | None) -> None:
    from pathlib import Path

    from peopletui.cache.store import CacheStore

    owner = account or stored_account(path)
    if owner is None:
        raise QueryError(f"the cache {path} names no account: open peopletui once.")
    CacheStore.open(Path(path), owner).close()
