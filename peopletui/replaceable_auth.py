"""`ReplaceableAuth`: an open session's credentials, whose source a new sign-in replaces in
place, so the book, its drafts and its write queue carry on (see `connectors.OAuthConnector`)."""

from __future__ import annotations

from peopletui.api import RefreshingTokenAuth


class ReplaceableAuth(RefreshingTokenAuth):
    """The session's auth, whose source of tokens a new sign-in can replace."""

    def __init__(self, inner: RefreshingTokenAuth) -> None:
        self.inner = inner

    async def current_token(self) -> str:
        return await self.inner.current_token()

    async def refreshed_token(self, rejected: str) -> str | None:
        return await self.inner.refreshed_token(rejected)

    def __repr__(self) -> str:
        return f"ReplaceableAuth({self.inner!r})"
