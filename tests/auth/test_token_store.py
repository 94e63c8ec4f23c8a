"""The token stores: several accounts, the last used one, and a keyring that is missing, weak,
locked or hung (the desktop keyring is replaced by `MemoryKeyring`, see auth_helpers)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from auth_helpers import MemoryKeyring
from keyring.backends import chainer, fail, null

from peopletui.auth import (
    FileTokenStore,
    KeyringProblem,
    KeyringTokenStore,
    SignInRequired,
    StoredToken,
    open_token_store,
)


def token(account: str, access: str = "ya29.access", refresh: str = "1//refresh") -> StoredToken:
    return StoredToken(
        account=account,
        refresh_token=refresh,
        client_id="client",
        client_secret="GOCSPX-secret",
        scopes=frozenset({"https://www.googleapis.com/auth/contacts"}),
        access_token=access,
        expires_at=2_000_000_000.0,
        signed_in_at=1_700_000_000.0,
    )


async def test_accounts_are_kept_apart_and_the_last_used_one_is_current(
    store: KeyringTokenStore, memory_keyring: MemoryKeyring
) -> None:
    await store.save(token("ann@example.org", access="ya29.ann"))
    await store.save(token("bob@example.org", access="ya29.bob"))
    index = await store.index()
    assert index.accounts == ("ann@example.org", "bob@example.org")
    assert index.last_used == "bob@example.org"
    assert (await store.current()).access_token == "ya29.bob"
    assert (await store.current("ann@example.org")).access_token == "ya29.ann"
    # One entry per account plus the index, all under the service name "peopletui".
    assert sorted(memory_keyring.entries) == [
        ("peopletui", ":index"),
        ("peopletui", "ann@example.org"),
        ("peopletui", "bob@example.org"),
    ]
    blob = json.loads(memory_keyring.entries[("peopletui", "ann@example.org")])
    assert blob["refresh_token"] == "1//refresh"
    assert blob["client_id"] == "client"


async def test_saving_a_refreshed_token_keeps_the_last_used_account(
    store: KeyringTokenStore,
) -> None:
    await store.save(token("ann@example.org"))
    await store.save(token("bob@example.org"))
    await store.save(token("ann@example.org", access="ya29.new"), make_last_used=False)
    assert (await store.index()).last_used == "bob@example.org"
    assert (await store.current("ann@example.org")).access_token == "ya29.new"


async def test_deleting_the_last_used_account_falls_back_to_another(
    store: KeyringTokenStore, memory_keyring: MemoryKeyring
) -> None:
    await store.save(token("ann@example.org"))
    await store.save(token("bob@example.org"))
    await store.delete("bob@example.org")
    assert await store.index() == type(await store.index())(("ann@example.org",), "ann@example.org")
    assert ("peopletui", "bob@example.org") not in memory_keyring.entries
    await store.delete("ann@example.org")
    await store.delete("ann@example.org")  # twice is fine
    with pytest.raises(SignInRequired, match="no account is signed in"):
        await store.current()


async def test_an_unknown_account_needs_a_sign_in(store: KeyringTokenStore) -> None:
    await store.save(token("ann@example.org"))
    with pytest.raises(SignInRequired) as error:
        await store.current("zoe@example.org")
    assert error.value.account == "zoe@example.org"


async def test_an_unreadable_blob_needs_a_sign_in_and_its_text_is_not_shown(
    store: KeyringTokenStore, memory_keyring: MemoryKeyring
) -> None:
    await store.save(token("ann@example.org"))
    memory_keyring.entries[("peopletui", "ann@example.org")] = '{"refresh_token": "1//leak"'
    with pytest.raises(SignInRequired) as error:
        await store.current()
    assert "1//leak" not in str(error.value)


def test_token_repr_hides_every_secret() -> None:
    text = repr(token("ann@example.org"))
    assert "ya29" not in text and "1//" not in text and "GOCSPX" not in text


async def test_a_locked_keyring_explains_what_to_do(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.locked = True
    with pytest.raises(KeyringProblem) as error:
        await open_token_store(backend=memory_keyring)
    assert error.value.summary == "The keyring is locked."
    assert "Unlock it" in error.value.explanation
    assert "--token-store file" in error.value.explanation


async def test_a_hung_keyring_times_out_with_an_explanation(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.hanging = True
    store = KeyringTokenStore(memory_keyring, timeout=0.05)
    with pytest.raises(KeyringProblem, match="did not answer") as error:
        await store.check()
    assert "0.05 seconds" in error.value.explanation
    # Later calls fail at once instead of stacking more threads behind the stuck one.
    with pytest.raises(KeyringProblem, match="did not answer"):
        await store.index()


@pytest.mark.parametrize(
    ("backend", "summary"),
    [
        (fail.Keyring(), "No keyring is available"),
        (null.Keyring(), "switched off"),
    ],
)
async def test_missing_or_null_keyrings_are_refused(backend: object, summary: str) -> None:
    with pytest.raises(KeyringProblem, match=summary) as error:
        await open_token_store(backend=backend)  # type: ignore[arg-type]
    explanation = error.value.explanation
    assert "gnome-keyring" in explanation and "KeePassXC" in explanation
    assert "--token-store file" in explanation


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring (same module path, same low priority)."""

    priority = 0.5  # type: ignore[assignment]


PlaintextKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(MemoryKeyring):
    priority = 0.2  # type: ignore[assignment]


@pytest.mark.parametrize("weak", [PlaintextKeyring, LowPriorityKeyring])
def test_weak_backends_are_never_chosen_silently(weak: type[MemoryKeyring]) -> None:
    with pytest.raises(KeyringProblem, match="weak keyring backend") as error:
        KeyringTokenStore(weak())
    assert "not encrypted" in error.value.explanation


def test_a_chainer_is_judged_by_the_backend_it_would_write_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    strong = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [strong, PlaintextKeyring()])
    assert KeyringTokenStore(chainer.ChainerBackend()).backend is strong
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring()])
    with pytest.raises(KeyringProblem, match="weak"):
        KeyringTokenStore(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with pytest.raises(KeyringProblem, match="No keyring"):
        KeyringTokenStore(chainer.ChainerBackend())


def test_the_default_backend_is_keyrings_choice(no_desktop_keyring: MemoryKeyring) -> None:
    assert KeyringTokenStore().backend is no_desktop_keyring


async def test_the_file_store_is_private_and_replaced_atomically(isolated_dirs: Path) -> None:
    store = await open_token_store("file")
    assert isinstance(store, FileTokenStore)
    assert store.path == isolated_dirs / "state" / "peopletui" / "tokens.json"
    assert store.warning is not None and "not encrypted" in store.warning
    await store.save(token("ann@example.org"))
    await store.save(token("bob@example.org"))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert [p.name for p in store.path.parent.iterdir()] == ["tokens.json"]  # no temp files left
    reopened = FileTokenStore(store.path)
    assert (await reopened.current()).account == "bob@example.org"
    await reopened.delete("bob@example.org")
    assert (await store.index()).accounts == ("ann@example.org",)


async def test_the_file_store_tightens_loose_permissions(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "state" / "tokens.json")
    await store.save(token("ann@example.org"))
    store.path.chmod(0o644)
    await store.load("ann@example.org")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


async def test_a_damaged_token_file_is_a_keyring_problem(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text("1//not-json")
    path.chmod(0o600)
    with pytest.raises(KeyringProblem, match="damaged") as error:
        await FileTokenStore(path).check()
    assert "1//not-json" not in str(error.value)
