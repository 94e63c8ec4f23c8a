"""The stylesheets ship inside the wheel; the app finds them from a checkout and from a wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_styles_found_from_checkout() -> None:
    from peopletui.paths import styles_dir

    found = styles_dir()
    assert found == ROOT / "styles"
    assert sorted(p.name for p in found.glob("*.tcss")) == sorted(
        p.name for p in (ROOT / "styles").glob("*.tcss")
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: hatchling is a test dependency, so the build needs no network.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("peopletui-*.whl")
    return built


def test_wheel_contains_every_stylesheet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"peopletui/styles/{p.name}" for p in (ROOT / "styles").glob("*.tcss")}
    assert expected, "styles/ holds no stylesheet"
    assert expected <= names
    assert "peopletui/__main__.py" in names


def test_installed_wheel_finds_its_styles(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Put the unpacked wheel first so it, not the editable checkout, provides `peopletui`, and run
    # from a folder outside the checkout.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import peopletui.paths as p\n"
        "d = p.styles_dir()\n"
        "print(p.__file__); print(d); print(sorted(x.name for x in d.glob('*.tcss')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, styles, names = result.stdout.splitlines()
    assert module_file.startswith(str(target))
    assert Path(styles) == target / "peopletui" / "styles"
    assert names == repr(sorted(p.name for p in (ROOT / "styles").glob("*.tcss")))
