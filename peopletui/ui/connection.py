"""How the app reaches an account's services without knowing how they are built.

`launch.py` builds a `Connector` for the target the user chose (the demo emulator, an endpoint,
Google); the app calls `open()` to get the account's services and `close()` them on the way
out. A connector that can sign in returns a `SignInStarter` for the sign-in screen. Tests hand
in a `ReadyConnector` around a session they built themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.message import Message

# Annotations only: the sign-in starter's module imports the OAuth and keyring code.
if TYPE_CHECKING:
    from collections.abc import Sequence

    from peopletui.cache.preview import PreviewRow
    from peopletui.services.interfaces import ContactBookService, DirectoryService
    from peopletui.services.sign_in import SignInStarter


class OpenedAccount(Protocol):
    """An account's services (a `Session` is one)."""

    @property
    def account(self) -> str: ...

    @property
    def book(self) -> ContactBookService: ...

    @property
    def directory(self) -> DirectoryService: ...

    async def close(self) -> None: ...


class Connector(Protocol):
    @property
    def label(self) -> str:
        """What is being opened, for the first screen ("the demo book", an address)."""
        ...

    def cached_rows(self) -> Sequence[PreviewRow]:
        """The account's first rows from its local cache, read without opening anything else:
        the app paints them while `open` imports and builds the services ([] for none)."""
        ...

    async def open(self) -> OpenedAccount:
        """The account's services (not started: the main screen starts the book).

        Raises `peopletui.auth.SignInRequired` when no usable sign-in is stored, and
        `peopletui.auth.KeyringProblem` when tokens cannot be read."""
        ...

    def sign_in(self, account: str | None) -> SignInStarter | None:
        """What the sign-in screen runs for `account`; None when this target cannot sign in."""
        ...

    async def signed_in(self, account: str) -> bool:
        """A sign-in finished (the token is in the store). Use it from now on; True when the
        account's services must be opened again (another account than the one open)."""
        ...

    def notices(self) -> tuple[str, ...]:
        """What to tell the user once `open` succeeded (the plaintext token file's caveat).
        Each is given once: later calls, and a sign-in that already said it, leave it out."""
        ...

    async def close(self) -> None:
        """Release what `open` needed besides the account (an HTTP client for tokens)."""
        ...


class ReadyConnector:
    """A connector around services built elsewhere (tests, screenshots). `sign_in` stands in
    for the browser sign-in that cannot run there."""

    def __init__(
        self,
        opened: OpenedAccount,
        *,
        label: str = "the book",
        sign_in: SignInStarter | None = None,
        cached_rows: Sequence[PreviewRow] = (),
    ) -> None:
        self._opened = opened
        self._cached_rows = cached_rows
        self._label = label
        self._sign_in = sign_in

    @property
    def label(self) -> str:
        return self._label

    def cached_rows(self) -> Sequence[PreviewRow]:
        return self._cached_rows

    async def open(self) -> OpenedAccount:
        return self._opened

    def sign_in(self, account: str | None) -> SignInStarter | None:
        return self._sign_in

    async def signed_in(self, account: str) -> bool:
        return False

    def notices(self) -> tuple[str, ...]:
        return ()

    async def close(self) -> None:
        return None


class SignInNeeded(Message):
    """Posted to the app when the server stopped accepting the sign-in (writes wait, drafts
    are kept); the app shows the sign-in screen."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
