"""A real Secret Service: gnome-keyring in a private D-Bus session, driven through keyring.

Needs `dbus-run-session` (Debian package dbus-daemon) and `gnome-keyring-daemon` (gnome-keyring);
skipped, with that reason, where they are not installed. The user's own session bus and keyring
are never touched: the probe runs with its own bus, HOME and XDG dirs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("secret_service_probe.py")
REQUIRED = ("dbus-run-session", "gnome-keyring-daemon")
missing = [tool for tool in REQUIRED if shutil.which(tool) is None]

pytestmark = pytest.mark.skipif(
    bool(missing),
    reason=f"no real Secret Service here: {', '.join(missing)} not installed "
    "(apt-get install dbus-daemon gnome-keyring)",
)

# gnome-keyring creates and unlocks the "login" collection with the password read on stdin (an
# empty line: an empty password), then the probe runs on the same private bus.
SESSION_SCRIPT = (
    'echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" "$1"'
)


def test_tokens_round_trip_through_gnome_keyring_and_a_locked_one_is_explained(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "XDG_", "GNOME_KEYRING", "PYTHON_KEYRING"))
    }
    environment |= {
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "DISPLAY": "",  # no unlock prompt can appear: a locked keyring must stay locked
    }
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", SESSION_SCRIPT, sys.executable, str(PROBE)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout.strip().splitlines()[-1])
    assert findings["backend"] == "keyring: keyring.backends.SecretService.Keyring"
    assert findings["read_back_equal"] is True
    assert findings["index"] == ["probe@example.org"]
    assert findings["raw_has_refresh"] is True
    assert findings["after_delete"] is None
    assert findings["locked"] == "The keyring is locked."
    assert "Unlock it" in findings["locked_explanation"]
    assert "probe-refresh-token" not in result.stdout + result.stderr
