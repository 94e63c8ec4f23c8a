"""`TokenStore`: every signed-in account's credentials, and which account was used last.

Layout (the same in both stores): one entry per account, keyed by its email, holding the
`StoredToken` JSON blob; plus one index entry, ``:index``, listing the accounts and the last used
one (an email never starts with a colon, so the key cannot collide with an account).

Every storage call runs off the event loop with a timeout (`offloop.run_off_loop`): a hung Secret
Service turns into a `KeyringProblem`, never a frozen app.
"""

from __future__ import annotations

import abc
import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .errors import AuthError, KeyringProblem, SignInRequired
from .offloop import run_off_loop
from .token import CorruptTokenBlob, StoredToken

log = logging.getLogger(__name__)

INDEX_KEY = ":index"
# Long enough for a person to answer a desktop unlock prompt, short enough to not look frozen.
DEFAULT_TIMEOUT = 20.0

T = TypeVar("T")


@dataclass(frozen=True)
class AccountIndex:
    accounts: tuple[str, ...] = ()
    last_used: str | None = None

    def to_json(self) -> str:
        return json.dumps({"accounts": list(self.accounts), "last_used": self.last_used})

    @classmethod
    def from_json(cls, text: str | None) -> AccountIndex:
        if not text:
            return cls()
        try:
            blob = json.loads(text)
            accounts = tuple(str(account) for account in blob["accounts"])
            last = blob.get("last_used")
        except (ValueError, KeyError, TypeError):
            log.warning("The token store's account index is unreadable; starting a new one.")
            return cls()
        return cls(accounts, last if isinstance(last, str) and last in accounts else None)


class TokenStore(abc.ABC):
    """Async access to stored sign-ins; subclasses supply three blocking primitives."""

    description: str
    """Where tokens are kept, for `peopletui status` (e.g. the keyring backend's class)."""
    warning: str | None = None
    """Said to the user whenever this store is used (the plaintext file store's caveat)."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout
        self._lock = asyncio.Lock()
        self._stuck: KeyringProblem | None = None

    # -- blocking primitives, always called through `_call` -------------------------------------
    @abc.abstractmethod
    def _read(self, key: str) -> str | None: ...

    @abc.abstractmethod
    def _write(self, key: str, value: str) -> None: ...

    @abc.abstractmethod
    def _erase(self, key: str) -> None:
        """Remove ``key``; a missing key is not an error."""

    @abc.abstractmethod
    def _problem(self, error: Exception) -> KeyringProblem:
        """Translate a storage error into what the user should read."""

    @abc.abstractmethod
    def _hung(self) -> KeyringProblem: ...

    async def _call(self, call: Callable[[], T]) -> T:
        if self._stuck is not None:
            raise self._stuck  # a call already hung: do not pile up more threads behind it
        try:
            return await run_off_loop(call, limit=self.timeout, name="peopletui-token-store")
        except TimeoutError:
            self._stuck = self._hung()
            raise self._stuck from None
        except AuthError:
            raise
        except Exception as error:
            raise self._problem(error) from None

    # -- the API ---------------------------------------------------------------------------------
    async def check(self) -> None:
        """Prove the store answers (raises `KeyringProblem` for a locked or hung keyring)."""
        await self._call(lambda: self._read(INDEX_KEY))

    async def index(self) -> AccountIndex:
        return AccountIndex.from_json(await self._call(lambda: self._read(INDEX_KEY)))

    async def load(self, account: str) -> StoredToken | None:
        text = await self._call(lambda: self._read(account))
        return StoredToken.from_json(text) if text else None

    async def save(self, token: StoredToken, *, make_last_used: bool = True) -> None:
        async with self._lock:
            blob = token.to_json()
            await self._call(lambda: self._write(token.account, blob))
            index = await self.index()
            accounts = index.accounts
            if token.account not in accounts:
                accounts = (*accounts, token.account)
            last = token.account if make_last_used or index.last_used is None else index.last_used
            if (accounts, last) != (index.accounts, index.last_used):
                new_index = AccountIndex(accounts, last).to_json()
                await self._call(lambda: self._write(INDEX_KEY, new_index))

    async def delete(self, account: str) -> None:
        async with self._lock:
            await self._call(lambda: self._erase(account))
            index = await self.index()
            accounts = tuple(name for name in index.accounts if name != account)
            last = index.last_used if index.last_used != account else None
            if last is None and accounts:
                last = accounts[-1]
            new_index = AccountIndex(accounts, last).to_json()
            await self._call(lambda: self._write(INDEX_KEY, new_index))

    async def current(self, account: str | None = None) -> StoredToken:
        """The sign-in for ``account`` (``--account``), else for the last used account."""
        chosen = account or (await self.index()).last_used
        if chosen is None:
            raise SignInRequired(None, "no account is signed in; run `peopletui login`.")
        try:
            token = await self.load(chosen)
        except CorruptTokenBlob:
            raise SignInRequired(chosen, "the stored sign-in is unreadable.") from None
        if token is None:
            raise SignInRequired(chosen, "not signed in; run `peopletui login`.")
        return token
