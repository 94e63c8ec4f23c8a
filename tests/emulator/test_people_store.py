"""The emulator's state: seeding, the store API tests use, and saving and loading."""

from __future__ import annotations

import json

from support.people_kit import ACCOUNT, Kit

from peopletui.emulator.seed import seed_state
from peopletui.emulator.store import EmulatorState, Photo


def seeded(contacts: int = 40, *, workspace: bool = True, seed: int = 5) -> EmulatorState:
    state = EmulatorState()
    seed_state(state, account=ACCOUNT, workspace=workspace, contacts=contacts, seed=seed)
    return state


def test_seeding_is_deterministic() -> None:
    def contents(state: EmulatorState) -> list[tuple[str, str, str]]:
        records = state.account(ACCOUNT).contacts.records.values()
        # Everything but the update times, which come from the clock.
        return [(r.resource_name, r.etag, json.dumps(r.data, sort_keys=True)) for r in records]

    first, second = seeded(), seeded()
    assert contents(first) == contents(second)
    assert len(contents(first)) == 40


def test_seeding_a_workspace_account_fills_its_directory() -> None:
    directory = seeded().directory("analytical.example")
    kinds = {record.source_type for record in directory.records.values()}
    assert kinds == {"DOMAIN_PROFILE", "DOMAIN_CONTACT"}
    assert len(seeded(workspace=False).directories) == 0


def test_seeded_contacts_pass_the_api_checks() -> None:
    kit = Kit(state=seeded(60))
    pages = kit.all_pages(personFields="names,emailAddresses,phoneNumbers,photos,metadata")
    people = [p for page in pages for p in page.get("connections", [])]
    assert len(people) == 60
    assert any("default" not in p["photos"][0] for p in people)  # some seeded photos


def test_the_search_cache_starts_current_after_seeding() -> None:
    state = seeded(10)
    first = next(iter(state.account(ACCOUNT).contacts.records.values()))
    given = first.data["names"][0]["givenName"]
    kit = Kit(state=state)
    results = kit.search(given)["results"]
    assert first.resource_name in {r["person"]["resourceName"] for r in results}


def test_the_store_api_changes_the_book_behind_the_clients_back() -> None:
    kit = Kit()
    name = kit.state.add_contact(ACCOUNT, {"names": [{"givenName": "Behind"}]})
    etag = kit.get(name, "names")["etag"]
    new_etag = kit.state.edit_contact(ACCOUNT, name, {"nicknames": [{"value": "back"}]})
    assert new_etag != etag
    assert kit.get(name, "nicknames")["nicknames"][0]["value"] == "back"
    kit.state.delete_contact(ACCOUNT, name)
    kit.error("GET", f"/v1/{name}", 404, {"personFields": "names"})


def test_state_round_trips_through_json() -> None:
    state = seeded(25)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
    name = state.add_contact(
        ACCOUNT, {"names": [{"givenName": "Pic"}]}, photo=Photo("image/png", png)
    )
    state.delete_contact(ACCOUNT, next(iter(state.account(ACCOUNT).contacts.records)))
    state.set_workspace(ACCOUNT, False)
    saved = json.loads(json.dumps(state.to_json()))
    loaded = EmulatorState.from_json(saved)
    assert loaded.to_json() == saved
    account = loaded.account(ACCOUNT)
    assert account.workspace is False
    record = account.contacts.records[name.removeprefix("people/")]
    assert record.photo is not None and loaded.photos[record.photo].data == png
    assert len(account.contacts.tombstones) == 1
    before = Kit(state=state).get(name, "names,photos")
    after = Kit(state=loaded).get(name, "names,photos")
    assert before == after


def test_an_unknown_state_version_is_refused() -> None:
    saved = EmulatorState().to_json() | {"version": 99}
    try:
        EmulatorState.from_json(saved)
    except ValueError as error:
        assert "99" in str(error)
    else:
        raise AssertionError("a state file of another version was loaded")
