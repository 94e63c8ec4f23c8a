"""The benchmark data set: one book of N contacts, as peopletui, khard and abook each keep it.

Run: .venv/bin/python bench/dataset.py [--count 25000] [--seed 1] [--data bench/data]
                                        [--install-khard]

Writes into DATA (bench/data is git-ignored):
  emulator-state.json  the emulator's book, seeded once (`peopletui emulator --state ...` serves
                       the same people again); the bearer token is in dataset.json
  cache/peopletui/     the peopletui cache (XDG_CACHE_HOME=DATA/cache) filled by a real full
                       sync: PeopleClient on the emulator's in-process transport, through the
                       services layer (ContactBook.sync(full=True))
  vcards/              one vCard 3.0 file per contact, and khard/khard.conf pointing at them
  abook/addressbook    the same contacts in abook's own file format
  dataset.json         what the other benchmarks need: count, account, token, queries, and the
                       names of the first rows the app shows

The vCards and the abook file are written from the people the sync stored, so all three
programs hold the same contacts. `--install-khard` puts khard 0.22 from PyPI into its own
virtualenv, bench/.venvs/khard (never into the project's); without it khard is used only if
that virtualenv is there already.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from formats import abook_file, vcard  # noqa: E402

from peopletui.api import PeopleClient, StaticTokenAuth  # noqa: E402
from peopletui.cache.display import display_name  # noqa: E402
from peopletui.cache.store import CacheStore  # noqa: E402
from peopletui.cache.untrusted import one_line  # noqa: E402
from peopletui.emulator import DEFAULT_ACCOUNT, IN_PROCESS_URL, Emulator  # noqa: E402
from peopletui.services.contacts import ContactBook  # noqa: E402

KHARD_VERSION = "0.22.0"
KHARD_VENV = BENCH / ".venvs" / "khard"
TOKEN = "bench-token"  # the emulator's bearer token, fixed so a served copy accepts it too


def khard_program() -> Path | None:
    program = KHARD_VENV / "bin" / "khard"
    return program if program.exists() else None


def install_khard() -> Path:
    """khard from PyPI into bench/.venvs/khard, with the system's python3 (never the project's
    virtualenv)."""
    if khard_program() is None:
        python = shutil.which("python3") or sys.executable
        subprocess.run([python, "-m", "venv", str(KHARD_VENV)], check=True)
        pip = KHARD_VENV / "bin" / "pip"
        subprocess.run([str(pip), "install", "-q", f"khard=={KHARD_VERSION}"], check=True)
    program = khard_program()
    assert program is not None
    return program


async def sync_into_cache(
    emulator: Emulator, cache_home: Path
) -> tuple[list[dict[str, Any]], float]:
    """A real full sync into the account's cache; returns the stored people and its time."""
    from peopletui.paths import cache_dir

    os.environ["XDG_CACHE_HOME"] = str(cache_home)
    client = PeopleClient(
        IN_PROCESS_URL, transport=emulator.transport(), auth=StaticTokenAuth(emulator.token)
    )
    cache = CacheStore.open_for_account(cache_dir(), emulator.account)
    try:
        book = ContactBook(client, cache)
        await book.start(sync=False)
        started = time.perf_counter()
        await book.sync(full=True)
        elapsed = time.perf_counter() - started
        await book.close()
        return cache.load_all(), elapsed
    finally:
        cache.close()
        await client.aclose()


def first_rows(cache_home: Path, account: str, count: int = 20) -> list[str]:
    """The titles of the first rows, in the cache's display order and in plain sorted order
    (either is what an app shows first)."""
    from peopletui.paths import cache_dir

    os.environ["XDG_CACHE_HOME"] = str(cache_home)
    with CacheStore.open_for_account(cache_dir(), account) as cache:
        rows = cache.index_rows()
    by_display = [row.title for row in rows[:count]]
    by_title = sorted((row.title for row in rows), key=str.casefold)[:count]
    return list(dict.fromkeys(by_display + by_title))


def abook_first_names(people: list[dict[str, Any]], count: int = 20) -> list[str]:
    """Names abook shows first (it lists its file in order); ASCII ones, which its screen
    shows as they are."""
    names = (one_line(display_name(person)) for person in people[: count * 3])
    return [name for name in names if name.isascii()][:count]


def pick_queries(people: list[dict[str, Any]]) -> list[str]:
    """Queries a mail user types: a common given name, a common family name, the start of a
    family name, and one that matches nobody. ASCII, so abook (no accent folding) competes on
    the same terms."""
    given: Counter[str] = Counter()
    family: Counter[str] = Counter()
    for person in people:
        for name in person.get("names", [])[:1]:
            first, last = name.get("givenName", ""), name.get("familyName", "")
            if first.isascii() and first.isalpha():
                given[first.lower()] += 1
            if last.isascii() and last.isalpha():
                family[last.lower()] += 1
    common_given = given.most_common(1)[0][0] if given else "anna"
    ranked_family = [name for name, _ in family.most_common() if len(name) >= 5]
    common_family = ranked_family[0] if ranked_family else "weber"
    prefix = (ranked_family[1] if len(ranked_family) > 1 else common_family)[:4]
    return [common_given, common_family, prefix, "zqxjv"]


def write_vcards(people: list[dict[str, Any]], folder: Path) -> int:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, person in enumerate(people):
        (folder / f"contact-{number:05d}.vcf").write_text(vcard(person), encoding="utf-8")
    return len(people)


def write_khard_config(data: Path) -> Path:
    config = data / "khard" / "khard.conf"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        "[addressbooks]\n[[bench]]\npath = " + str(data / "vcards") + "\n",
        encoding="utf-8",
    )
    return config


def build(count: int, seed: int, data: Path, *, with_khard: bool = False) -> dict[str, Any]:
    data.mkdir(parents=True, exist_ok=True)
    state = data / "emulator-state.json"
    state.unlink(missing_ok=True)
    cache_home = data / "cache"
    shutil.rmtree(cache_home, ignore_errors=True)
    started = time.perf_counter()
    emulator = Emulator(contacts=count, seed=seed, workspace=False, state_file=state, token=TOKEN)
    seeded = time.perf_counter() - started
    people, sync_seconds = asyncio.run(sync_into_cache(emulator, cache_home))
    emulator.close()
    write_vcards(people, data / "vcards")
    khard_config = write_khard_config(data)
    abook = data / "abook" / "addressbook"
    abook.parent.mkdir(parents=True, exist_ok=True)
    abook.write_text(abook_file(people), encoding="utf-8")
    if with_khard:
        install_khard()
    summary = {
        "count": len(people),
        "seed": seed,
        "account": DEFAULT_ACCOUNT,
        "token": TOKEN,
        "state": str(state),
        "cache_home": str(cache_home),
        "vcards": str(data / "vcards"),
        "khard_config": str(khard_config),
        "abook": str(abook),
        "queries": pick_queries(people),
        "first_rows": first_rows(cache_home, DEFAULT_ACCOUNT),
        "abook_first": abook_first_names(people),
        "seed_seconds": round(seeded, 2),
        "full_sync_seconds": round(sync_seconds, 2),
    }
    (data / "dataset.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def load(data: Path) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads((data / "dataset.json").read_text(encoding="utf-8"))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--install-khard", action="store_true", help="install khard if missing")
    args = parser.parse_args()
    summary = build(args.count, args.seed, args.data.resolve(), with_khard=args.install_khard)
    print(f"dataset: {summary['count']} contacts in {args.data}")
    print(f"  emulator seeded in {summary['seed_seconds']} s")
    print(f"  full sync into the peopletui cache: {summary['full_sync_seconds']} s")
    print(f"  khard: {khard_program() or 'not installed (pass --install-khard)'}")
    print(f"  abook: {shutil.which('abook') or 'not installed (apt-get install -y abook)'}")
    print(f"  queries: {', '.join(summary['queries'])}")


if __name__ == "__main__":
    main()
