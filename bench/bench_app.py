"""The app's start and memory with the data set's book (design §5: first rows within 1.3× of an
empty Textual app's first screen; under 250 MB RSS with 25,000 contacts), beside abook's first
screen, each measured from outside in a pseudo-terminal of 120×40 (bench/terminal.py).

Run: .venv/bin/python bench/bench_app.py [--data bench/data] [--runs 5]

- peopletui: the real `peopletui --endpoint URL --account EMAIL` process, its cache filled
  (XDG_CACHE_HOME of the data set, the account's cache file, which the data set's full sync
  wrote), against `peopletui emulator` serving the same book on loopback; timed from
  fork until one of the first rows' names is on screen. Its RSS is read once it has been quiet
  for a second (the whole book loaded).
  Also timed until the main screen (keys and all) has taken over from the cached rows.
- an empty Textual app (one Static): fork to its text on screen, for scale.
- abook on the data set's addressbook file: fork to the first contact's name on screen.
Medians of the runs are printed, and the ratio to the empty Textual app.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from dataset import load  # noqa: E402
from measure import median  # noqa: E402
from terminal import Screen, time_to_screen  # noqa: E402

EMPTY_APP_TEXT = "peopletui-bench-empty-app"
EMPTY_APP = f"""
from textual.app import App
from textual.widgets import Static

class Empty(App):
    def compose(self):
        yield Static("{EMPTY_APP_TEXT}")

Empty().run()
"""


@contextmanager
def served_book(data: Path, summary: dict[str, object]) -> Iterator[str]:
    """`peopletui emulator` serving the data set's book on loopback; yields its base URL."""
    script = Path(sys.executable).parent / "peopletui"
    command = [str(script), "emulator", "--state", str(summary["state"])]
    command += ["--token", str(summary["token"]), "--account", str(summary["account"])]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=data
    )
    try:
        assert server.stdout is not None
        for line in server.stdout:
            found = re.search(r"listening on (\S+)", line)
            if found:
                yield found.group(1)
                return
        raise RuntimeError("peopletui emulator did not start")
    finally:
        server.terminate()
        server.wait(timeout=30)


def terminal_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **extra}
    for name in ("COLUMNS", "LINES", "TEXTUAL"):
        env.pop(name, None)
    return env


# Only the main screen has the footer: its palette key's label marks the app as usable (the
# cached rows before it are shown while the services are imported and opened).
MAIN_SCREEN_TEXT = "Commands"


def measure_peopletui(data: Path, runs: int, *, until_usable: bool = False) -> list[Screen]:
    summary = load(data)
    names = [str(name) for name in summary["first_rows"]]
    if until_usable:
        names = [MAIN_SCREEN_TEXT]
    env = terminal_env(
        XDG_CACHE_HOME=str(summary["cache_home"]), PEOPLETUI_TOKEN=str(summary["token"])
    )
    script = str(Path(sys.executable).parent / "peopletui")
    with served_book(data, summary) as url:
        # The account names the cache file: without it the cache would be keyed by the
        # endpoint's URL, whose port is new on every run, and each start would be a cold one.
        command = [script, "--endpoint", url, "--account", str(summary["account"])]
        return [time_to_screen(command, names, env, settle=1.0) for _ in range(runs)]


def measure_empty_textual(runs: int) -> list[Screen]:
    env = terminal_env()
    command = [sys.executable, "-c", EMPTY_APP]
    return [time_to_screen(command, [EMPTY_APP_TEXT], env, timeout=60) for _ in range(runs)]


def measure_abook(data: Path, runs: int) -> list[Screen] | None:
    abook = shutil.which("abook")
    if abook is None:
        return None
    summary = load(data)
    home = data / "home"
    home.mkdir(exist_ok=True)
    env = terminal_env(HOME=str(home))
    names = [str(name)[:20] for name in summary["abook_first"]]
    command = [abook, "--datafile", str(summary["abook"])]
    return [time_to_screen(command, names, env, timeout=60, quit_keys=b"Q") for _ in range(runs)]


def _median_ms(screens: list[Screen]) -> str:
    times = [screen.seconds for screen in screens if screen.seconds is not None]
    if len(times) < len(screens):
        return f"did not show within the time allowed ({len(screens) - len(times)} runs)"
    return f"{median(times) * 1000:8.1f} ms median of {len(times)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = args.data.resolve()
    empty = measure_empty_textual(args.runs)
    ours = measure_peopletui(data, args.runs)
    usable = measure_peopletui(data, args.runs, until_usable=True)
    abook = measure_abook(data, args.runs)
    print(f"first screen, {load(data)['count']} contacts, terminal 120x40")
    print(f"  empty Textual app     {_median_ms(empty)}")
    print(f"  peopletui first rows  {_median_ms(ours)}")
    print(f"  peopletui main screen {_median_ms(usable)}")
    print(f"  abook first screen    {_median_ms(abook) if abook else 'skipped: not installed'}")
    good = [s.seconds for s in ours if s.seconds] and [s.seconds for s in empty if s.seconds]
    if good:
        ratio = median([s.seconds for s in ours if s.seconds]) / median(
            [s.seconds for s in empty if s.seconds]
        )
        print(f"  peopletui / empty Textual app = {ratio:.2f}×")
    rss = [screen.rss_mib for screen in ours if screen.rss_mib is not None]
    if rss:
        print(f"memory: peopletui RSS with the book loaded {median(rss):.0f} MiB (median)")


if __name__ == "__main__":
    main()
