"""``peopletui emulator`` as a user runs it: a real process on a random loopback port."""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from peopletui.emulator.cli import add_arguments, run

STARTUP_DEADLINE = 60.0  # generous: a loaded CI machine imports slowly; not a timing assertion


CLI_MODULE = ("peopletui.emulator.cli",)
PEOPLETUI_EMULATOR = ("peopletui", "emulator")  # `peopletui emulator`, through the main command


class EmulatorProcess:
    def __init__(self, *args: str, command: tuple[str, ...] = CLI_MODULE) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", *command, "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.banner = self._read_banner()
        url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", self.banner)
        token = re.search(r"token:\s+(\S+)", self.banner)
        assert url and token, self.banner
        self.base_url, self.token = url.group(1), token.group(1)

    def _read_banner(self) -> str:
        # A thread reads stdout so that a silent process cannot hang the test.
        assert self.process.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        stdout = self.process.stdout

        def pump() -> None:
            for line in stdout:
                lines.put(line)

        threading.Thread(target=pump, daemon=True).start()
        banner: list[str] = []
        while True:
            try:
                line = lines.get(timeout=STARTUP_DEADLINE)
            except queue.Empty:
                break
            banner.append(line)
            if line.startswith("Ctrl-C"):
                return "".join(banner)
        self.process.kill()
        raise AssertionError(f"no banner from the emulator: {''.join(banner)!r}")

    def stop(self, signum: signal.Signals = signal.SIGTERM) -> tuple[int, str]:
        self.process.send_signal(signum)
        _, stderr = self.process.communicate(timeout=STARTUP_DEADLINE)
        return self.process.returncode, stderr


@pytest.fixture
def started(request: pytest.FixtureRequest) -> Iterator[EmulatorProcess]:
    args: tuple[str, ...] = getattr(request, "param", ())
    emulator = EmulatorProcess("--contacts", "5", *args)
    try:
        yield emulator
    finally:
        if emulator.process.poll() is None:
            emulator.process.kill()
            emulator.process.communicate()


def test_starts_on_a_random_port_answers_and_stops_on_sigterm(started: EmulatorProcess) -> None:
    assert not started.base_url.endswith(":0")
    assert f"curl -H 'Authorization: Bearer {started.token}'" in started.banner
    assert f"'{started.base_url}/v1/people/me/connections?personFields=names'" in started.banner
    response = httpx.get(
        f"{started.base_url}/v1/people/me/connections",
        params={"personFields": "names", "access_token": "not-logged"},
        headers={"Authorization": f"Bearer {started.token}"},
    )
    assert response.status_code == 200
    assert len(response.json()["connections"]) == 5
    code, stderr = started.stop()
    assert code == 0
    assert "GET /v1/people/me/connections?personFields=names&access_token=REDACTED 200" in stderr
    assert "not-logged" not in stderr
    assert started.token not in stderr


def test_ctrl_c_stops_peopletui_emulator_cleanly(tmp_path: Path) -> None:
    """Ctrl-C in the terminal is SIGINT: a clean stop (exit 0, the state saved, the stop said on
    stderr), not a KeyboardInterrupt traceback."""
    state = tmp_path / "book.json"
    emulator = EmulatorProcess(
        *("--contacts", "4", "--state", str(state)), command=PEOPLETUI_EMULATOR
    )
    try:
        answer = httpx.post(
            f"{emulator.base_url}/v1/people:createContact",
            json={"names": [{"givenName": "Before", "familyName": "Interrupt"}]},
            headers={"Authorization": f"Bearer {emulator.token}"},
        )
        assert answer.status_code == 200, answer.text
        code, stderr = emulator.stop(signal.SIGINT)
    finally:
        if emulator.process.poll() is None:
            emulator.process.kill()
            emulator.process.communicate()
    assert code == 0, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.rstrip().endswith("peopletui emulator: stopped"), stderr
    assert "Before" in state.read_text(encoding="utf-8")  # the last change reached the file


def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "book.json"
    first = EmulatorProcess("--contacts", "3", "--state", str(state), "--token", "fixed-token")
    headers = {"Authorization": "Bearer fixed-token"}
    created = httpx.post(
        f"{first.base_url}/v1/people:createContact",
        json={"names": [{"givenName": "Persisted", "familyName": "Person"}]},
        headers=headers,
    )
    assert created.status_code == 200, created.text
    assert first.stop()[0] == 0
    assert isinstance(json.loads(state.read_text()), dict)

    second = EmulatorProcess("--contacts", "3", "--state", str(state), "--token", "fixed-token")
    try:
        listed = httpx.get(
            f"{second.base_url}/v1/people/me/connections",
            params={"personFields": "names"},
            headers=headers,
        )
        names = [p["names"][0]["displayName"] for p in listed.json()["connections"]]
        assert "Persisted Person" in names
    finally:
        assert second.stop()[0] == 0


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_corrupt_state_file_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "book.json"
    state.write_text("{ half a file")
    assert run(parse("--state", str(state))) == 2
    assert str(state) in capsys.readouterr().err
    assert state.read_text() == "{ half a file"


def test_bad_fault_spec_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(parse("--faults", "rate=2")) == 2
    assert "rate must be from 0 to 1" in capsys.readouterr().err


def test_non_loopback_host_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(parse("--host", "0.0.0.0")) == 2
    assert "--allow-remote" in capsys.readouterr().err


def test_arguments_are_checked() -> None:
    with pytest.raises(SystemExit):
        parse("--port", "70000")
    with pytest.raises(SystemExit):
        parse("--contacts", "-1")
    args = parse("--consumer", "--faults", "quota=90/min", "--seed", "3")
    assert args.consumer and args.faults == "quota=90/min" and args.seed == 3
