"""The checked-in models are exactly what the generator writes from the discovery document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import get_args

from peopletui.api import codegen, models
from peopletui.api._base import PeopleModel

ROOT = Path(__file__).resolve().parents[2]
DISCOVERY = ROOT / "tests" / "reference" / "people.v1.discovery.json"


def _discovery() -> dict:
    return json.loads(DISCOVERY.read_text(encoding="utf-8"))


def test_checked_in_models_match_a_fresh_generation() -> None:
    assert (ROOT / "peopletui" / "api" / "models.py").read_text(encoding="utf-8") == (
        codegen.generate(_discovery())
    )


def test_generator_check_mode_runs_as_a_module(tmp_path: Path) -> None:
    output = tmp_path / "models.py"
    command = [
        sys.executable,
        "-m",
        "peopletui.api.codegen",
        str(DISCOVERY),
        "--output",
        str(output),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    assert output.read_text(encoding="utf-8") == codegen.generate(_discovery())
    check = subprocess.run([*command, "--check"], cwd=ROOT, capture_output=True)
    assert check.returncode == 0
    output.write_text("stale\n", encoding="utf-8")
    stale = subprocess.run([*command, "--check"], cwd=ROOT, capture_output=True, text=True)
    assert stale.returncode == 1 and "stale" in stale.stderr


def test_every_schema_and_property_has_a_model_field() -> None:
    schemas = _discovery()["schemas"]
    assert len(schemas) == 72
    assert set(models.MODELS) == set(schemas)
    for name, schema in schemas.items():
        model = models.MODELS[name]
        assert issubclass(model, PeopleModel)
        model.model_rebuild()  # aliases are filled in when the deferred schema is built
        aliases = {field.alias or field_name for field_name, field in model.model_fields.items()}
        assert aliases == set(schema.get("properties", {})), name


def test_enums_are_literals_and_masks_list_googles_field_names() -> None:
    schema_enum = _discovery()["schemas"]["Source"]["properties"]["type"]["enum"]
    assert list(get_args(models.SourceType)) == schema_enum
    assert "LAST_MODIFIED_DESCENDING" in get_args(models.SortOrder)
    assert {"names", "emailAddresses", "photos", "metadata"} <= set(get_args(models.PersonField))
    # Read-only fields cannot be updated, so they are not in the update mask's names.
    update_fields = set(get_args(models.UpdatePersonField))
    assert "photos" not in update_fields and "metadata" not in update_fields
    assert update_fields < set(get_args(models.PersonField))


def test_docstrings_come_from_the_discovery_descriptions() -> None:
    assert models.Person.__doc__ is not None
    assert models.Person.__doc__.startswith("Information about a person merged from various")
