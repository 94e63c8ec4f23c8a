"""The token stores a user can choose: a module of its own so the command line can offer the
choice without importing keyring (which `open_store` needs)."""

from __future__ import annotations

from typing import Literal

TokenStoreKind = Literal["keyring", "file"]
TOKEN_STORE_KINDS: tuple[TokenStoreKind, ...] = ("keyring", "file")
