"""Loading the user's Desktop-app OAuth client, and the errors for everything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from auth_helpers import CLIENT_ID, CLIENT_SECRET, write_client_file

from peopletui.auth import ClientSecretsError, find_client_secrets, load_client_secrets


def test_a_desktop_client_loads(client_file: Path) -> None:
    client = load_client_secrets(client_file)
    assert (client.client_id, client.client_secret) == (CLIENT_ID, CLIENT_SECRET)
    assert client.project_id == "peopletui-test"
    assert CLIENT_SECRET not in repr(client)


def test_a_missing_file_says_where_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(ClientSecretsError, match="No OAuth client file at") as error:
        load_client_secrets(tmp_path / "nope.json")
    assert "Desktop app" in str(error.value)


def test_a_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "client_secret.json"
    path.write_text("<html>Sign in</html>")
    with pytest.raises(ClientSecretsError, match=r"is not JSON \(line 1, column 1"):
        load_client_secrets(path)


def test_a_web_client_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = write_client_file(tmp_path, {"web": {"client_id": "x", "client_secret": "y"}})
    with pytest.raises(ClientSecretsError, match="Web application") as error:
        load_client_secrets(path)
    assert "Desktop app" in str(error.value)


def test_a_service_account_key_is_refused(tmp_path: Path) -> None:
    path = write_client_file(tmp_path, {"type": "service_account", "private_key": "-----"})
    with pytest.raises(ClientSecretsError, match="service-account key"):
        load_client_secrets(path)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([1, 2], "not a JSON object"),
        ({"installed": "x"}, "not a JSON object"),
        ({"something": {}}, "no “installed” section"),
        ({"installed": {"client_id": "abc"}}, "without client_secret"),
        ({"installed": {"client_secret": "abc", "client_id": " "}}, "without client_id"),
    ],
)
def test_malformed_clients_name_what_is_wrong(
    tmp_path: Path, document: object, message: str
) -> None:
    with pytest.raises(ClientSecretsError, match=message):
        load_client_secrets(write_client_file(tmp_path, document))


def test_find_uses_the_only_downloaded_client_in_the_config_dir(tmp_path: Path) -> None:
    path = write_client_file(tmp_path)
    assert find_client_secrets(tmp_path) == path


def test_find_prefers_client_secret_json(tmp_path: Path) -> None:
    write_client_file(tmp_path)
    exact = tmp_path / "client_secret.json"
    exact.write_text("{}")
    assert find_client_secrets(tmp_path) == exact


def test_find_refuses_to_guess_between_several(tmp_path: Path) -> None:
    write_client_file(tmp_path)
    (tmp_path / "client_secret_other.json").write_text("{}")
    with pytest.raises(ClientSecretsError, match="Several OAuth client files"):
        find_client_secrets(tmp_path)


def test_find_in_the_default_config_dir_says_where_to_put_it(
    isolated_dirs: Path,
) -> None:
    with pytest.raises(ClientSecretsError, match="--client-secrets FILE") as error:
        find_client_secrets()
    assert str(isolated_dirs / "config" / "peopletui" / "client_secret.json") in str(error.value)
