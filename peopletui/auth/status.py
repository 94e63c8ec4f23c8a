"""What `peopletui status` says about the signed-in accounts, without ever showing a token.

Built as plain data (`AuthStatus`) so the UI can show the same facts the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from .endpoints import (
    CONTACTS_READONLY_SCOPE,
    CONTACTS_SCOPE,
    DIRECTORY_READONLY_SCOPE,
    OAuthEndpoints,
)
from .errors import KeyringProblem
from .store import TokenStore
from .token import CorruptTokenBlob, StoredToken

SCOPE_PREFIX = "https://www.googleapis.com/auth/"
TESTING_REFRESH_LIFETIME_DAYS = 7
TESTING_MODE_TIP = (
    "If Google asks you to sign in again every 7 days, your OAuth consent screen is still in "
    "“Testing”, where refresh tokens last 7 days: publish the app (Google Auth Platform → "
    "Audience → Publish app), then sign in again."
)


@dataclass(frozen=True)
class AccountStatus:
    account: str
    last_used: bool
    token: StoredToken | None
    """None when the stored blob is unreadable."""


@dataclass
class AuthStatus:
    store_description: str
    accounts: list[AccountStatus] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    keyring_problem: KeyringProblem | None = None


async def collect_status(store: TokenStore, *, endpoints: OAuthEndpoints, now: float) -> AuthStatus:
    status = AuthStatus(store.description)
    try:
        index = await store.index()
        for account in index.accounts:
            try:
                token = await store.load(account)
            except CorruptTokenBlob:
                token = None
            status.accounts.append(AccountStatus(account, account == index.last_used, token))
    except KeyringProblem as problem:
        status.keyring_problem = problem
        status.problems.append(problem.summary)
        return status
    for entry in status.accounts:
        status.problems.extend(_problems(entry, endpoints=endpoints, now=now))
    if any(_google_token_without_known_expiry(entry.token) for entry in status.accounts):
        status.problems.append(TESTING_MODE_TIP)
    if store.warning:
        status.problems.append(store.warning)
    return status


def format_status(status: AuthStatus, *, now: float) -> list[str]:
    lines = [f"Token store: {status.store_description}"]
    if status.keyring_problem is not None:
        lines += ["", str(status.keyring_problem)]
        return lines
    if not status.accounts:
        lines += ["Accounts: none signed in (run `peopletui login`)."]
    else:
        lines.append("Accounts:")
        for entry in status.accounts:
            lines += _account_lines(entry, now=now)
    if status.problems:
        lines += ["", "Known problems:"]
        lines += [f"  • {problem}" for problem in status.problems]
    return lines


def _account_lines(entry: AccountStatus, *, now: float) -> list[str]:
    marker = "  (last used)" if entry.last_used else ""
    lines = [f"  {entry.account}{marker}"]
    token = entry.token
    if token is None:
        return [*lines, "    stored sign-in unreadable: run `peopletui login` again"]
    scopes = ", ".join(sorted(scope.removeprefix(SCOPE_PREFIX) for scope in token.scopes))
    lines.append(f"    scopes: {scopes}")
    if token.expires_at is None or token.access_token is None:
        lines.append("    access token: none yet (one is fetched on first use)")
    elif token.expires_at > now:
        lines.append(
            f"    access token: valid until {_when(token.expires_at)} "
            f"({_span(token.expires_at - now)} left)"
        )
    else:
        lines.append(f"    access token: expired {_when(token.expires_at)} (renewed on next use)")
    if token.signed_in_at is not None:
        lines.append(f"    signed in: {_when(token.signed_in_at)}")
    if token.refresh_expires_at is not None:
        lines.append(f"    sign-in expires: {_when(token.refresh_expires_at)}")
    if token.token_uri:
        lines.append(f"    token server: {urlsplit(token.token_uri).netloc}")
    return lines


def _problems(entry: AccountStatus, *, endpoints: OAuthEndpoints, now: float) -> list[str]:
    token = entry.token
    if token is None:
        return [f"{entry.account}: the stored sign-in is unreadable; sign in again."]
    problems = []
    if token.refresh_expires_at is not None:
        days_left = (token.refresh_expires_at - now) / 86400
        ends = "ended" if days_left <= 0 else "ends"
        lifetime_days = (
            (token.refresh_expires_at - token.signed_in_at) / 86400
            if token.signed_in_at is not None
            else days_left
        )
        problems.append(
            f"{entry.account}: the sign-in {ends} {_when(token.refresh_expires_at)}."
            + (
                " Google gives 7-day refresh tokens to apps whose OAuth consent screen is in "
                "“Testing”: publish the app (Google Auth Platform → Audience → Publish app) "
                "and sign in again to stop this."
                if lifetime_days <= TESTING_REFRESH_LIFETIME_DAYS + 1
                else ""
            )
        )
    if CONTACTS_SCOPE not in token.scopes and CONTACTS_READONLY_SCOPE in token.scopes:
        problems.append(f"{entry.account}: signed in read-only (--readonly); editing is off.")
    if DIRECTORY_READONLY_SCOPE not in token.scopes:
        problems.append(
            f"{entry.account}: the directory permission was not granted; the Workspace "
            "directory is unavailable. Sign in again to grant it."
        )
    if token.token_uri and token.token_uri != endpoints.token_uri:
        problems.append(
            f"{entry.account}: signed in at {urlsplit(token.token_uri).netloc}, but this run "
            f"uses {urlsplit(endpoints.token_uri).netloc}; refreshing will fail there."
        )
    return problems


def _google_token_without_known_expiry(token: StoredToken | None) -> bool:
    if token is None or token.refresh_expires_at is not None:
        return False
    host = urlsplit(token.token_uri or "https://oauth2.googleapis.com/token").hostname or ""
    return host.endswith((".googleapis.com", ".google.com"))


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().strftime("%Y-%m-%d %H:%M %Z")


def _span(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    return f"{hours} h" if hours < 48 else f"{hours // 24} days"
