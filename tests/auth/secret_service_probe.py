"""Run inside a private D-Bus session with gnome-keyring unlocked (see test_secret_service.py).

Stores, reads and deletes a token through keyring's real SecretService backend and our
`KeyringTokenStore`, then locks the collection and records what the store says. Prints one JSON
object with the findings; never prints the token itself.
"""

from __future__ import annotations

import asyncio
import json

import secretstorage
from keyring.backends import SecretService

from peopletui.auth import KeyringProblem, KeyringTokenStore, StoredToken

TOKEN = StoredToken(
    account="probe@example.org",
    refresh_token="1//probe-refresh-token",
    client_id="probe-client",
    client_secret="GOCSPX-probe",
    scopes=frozenset({"https://www.googleapis.com/auth/contacts"}),
    access_token="ya29.probe-access-token",
    expires_at=2_000_000_000.0,
)


async def probe() -> dict[str, object]:
    backend = SecretService.Keyring()
    store = KeyringTokenStore(backend)
    findings: dict[str, object] = {"backend": store.description}
    await store.check()
    await store.save(TOKEN)
    findings["read_back_equal"] = await store.load(TOKEN.account) == TOKEN
    findings["index"] = list((await store.index()).accounts)
    # What another program (secret-tool, Seahorse) would find under our service name.
    findings["raw_has_refresh"] = "1//probe-refresh-token" in (
        backend.get_password("peopletui", TOKEN.account) or ""
    )
    await store.delete(TOKEN.account)
    findings["after_delete"] = await store.load(TOKEN.account)

    connection = secretstorage.dbus_init()
    secretstorage.get_default_collection(connection).lock()
    try:
        await store.index()
        findings["locked"] = "no error"
    except KeyringProblem as problem:
        findings["locked"] = problem.summary
        findings["locked_explanation"] = problem.explanation
    return findings


if __name__ == "__main__":
    print(json.dumps(asyncio.run(probe())))
