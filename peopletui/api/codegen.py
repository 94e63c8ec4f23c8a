"""Generate `peopletui/api/models.py` from Google's People API discovery document.

    python -m peopletui.api.codegen tests/reference/people.v1.discovery.json
    python -m peopletui.api.codegen tests/reference/people.v1.discovery.json --check

Every schema becomes a `PeopleModel` subclass (snake_case fields, camelCase on the wire, every
field optional because proto3 JSON omits empty values). Enums become `Literal` aliases wrapped in
`OpenEnum`; the field names that the `personFields`/`readMask` and `updatePersonFields` masks
accept (listed only in the parameter descriptions) become the `PersonField` and
`UpdatePersonField` aliases. The output is already in `ruff format` style, so the file checked in
is byte for byte what this script writes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic.alias_generators import to_camel, to_snake

DEFAULT_OUTPUT = Path(__file__).with_name("models.py")
LINE_LENGTH = 100
DOC_LIMIT = 400  # characters of a description kept in a docstring

_VALID_VALUES = re.compile(r"Valid values are:((?:\s*\*\s*[A-Za-z]+)+)")
# Methods whose mask parameters define the two mask aliases.
_READ_MASK_SOURCE = ("get", "personFields")
_UPDATE_MASK_SOURCE = ("updateContact", "updatePersonFields")
# Names for enums that the value prefix would name badly.
_ENUM_NAME_OVERRIDES = {("MiscKeyword", "type"): "MiscKeywordType"}


def _camel_case(words: str) -> str:
    return "".join(part.capitalize() for part in words.lower().split("_") if part)


class _EnumRegistry:
    """Names each distinct enum once, so shared enums (sources, ...) share one alias."""

    def __init__(self) -> None:
        self.by_values: dict[tuple[str, ...], str] = {}

    def alias(self, values: list[str], owner: str, prop: str) -> str:
        key = tuple(values)
        if key not in self.by_values:
            name = _ENUM_NAME_OVERRIDES.get((owner, prop)) or self._name(values, owner, prop)
            if name in self.by_values.values():
                raise ValueError(f"two different enums would both be named {name}")
            self.by_values[key] = name
        return self.by_values[key]

    @staticmethod
    def _name(values: list[str], owner: str, prop: str) -> str:
        # Google's enums mostly start with FOO_UNSPECIFIED, which names the enum FOO.
        for value in values:
            if value.endswith("_UNSPECIFIED") and value != "TYPE_UNSPECIFIED":
                return _camel_case(value.removesuffix("_UNSPECIFIED"))
        singular = prop[:-1] if prop.endswith("s") else prop
        return owner + singular[0].upper() + singular[1:]


def _docstring(text: str, indent: str) -> list[str]:
    text = " ".join(text.split())
    if len(text) > DOC_LIMIT:
        cut = text.rfind(". ", 0, DOC_LIMIT)
        text = text[: cut + 1] if cut > 0 else text[: DOC_LIMIT - 1].rstrip() + "…"
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    one_line = f'{indent}"""{text}"""'
    if len(one_line) <= LINE_LENGTH:
        return [one_line]
    width = LINE_LENGTH - len(indent)
    lines = textwrap.wrap(text, width=width, break_on_hyphens=False, initial_indent='"""')
    if len(lines) == 1:  # ruff joins a lone line with its closing quotes: split it instead
        lines = textwrap.wrap(text, width=width - 8, break_on_hyphens=False, initial_indent='"""')
    return [indent + line for line in lines] + [f'{indent}"""']


def _mask_values(discovery: dict[str, Any], method: str, param: str) -> list[str]:
    description = discovery["resources"]["people"]["methods"][method]["parameters"][param][
        "description"
    ]
    match = _VALID_VALUES.search(description)
    if match is None:
        raise ValueError(f"no 'Valid values' list in {method}.{param}")
    return re.findall(r"\*\s*([A-Za-z]+)", match.group(1))


def _annotation(prop: dict[str, Any], owner: str, name: str, enums: _EnumRegistry) -> str:
    if "$ref" in prop:
        return str(prop["$ref"])
    if "enum" in prop:
        return f"OpenEnum[{enums.alias(prop['enum'], owner, name)}]"
    kind = prop.get("type")
    if kind == "string":  # int64, bytes, timestamps and masks stay strings, as in Google's JSON
        return "str"
    if kind == "integer":
        return "int"
    if kind == "number":
        return "float"
    if kind == "boolean":
        return "bool"
    if kind == "any":
        return "Any"
    if kind == "array":
        return f"list[{_annotation(prop['items'], owner, name, enums)}]"
    if kind == "object":
        values = prop.get("additionalProperties")
        inner = _annotation(values, owner, name, enums) if values else "Any"
        return f"dict[str, {inner}]"
    raise ValueError(f"unsupported type {kind!r} in {owner}.{name}")


def _field_lines(name: str, prop: dict[str, Any], owner: str, enums: _EnumRegistry) -> list[str]:
    attribute = to_snake(name)
    annotation = _annotation(prop, owner, name, enums)
    if to_camel(attribute) == name:
        lines = [f"    {attribute}: {annotation} | None = None"]
    else:
        lines = [f'    {attribute}: {annotation} | None = Field(default=None, alias="{name}")']
    if len(lines[0]) > LINE_LENGTH:
        raise ValueError(f"field line too long for {owner}.{name}")
    if prop.get("description"):
        lines += _docstring(prop["description"], "    ")
    return lines


def _literal_alias(name: str, values: list[str]) -> list[str]:
    one_line = f"{name}: TypeAlias = Literal[{', '.join(json.dumps(v) for v in values)}]"
    if len(one_line) <= LINE_LENGTH:
        return [one_line]
    return [f"{name}: TypeAlias = Literal[", *(f"    {json.dumps(v)}," for v in values), "]"]


def _method_enums(discovery: dict[str, Any], enums: _EnumRegistry) -> None:
    """Register the enums of the `people` methods' query parameters (sources, sortOrder, ...)."""

    def methods(resource: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        yield from resource.get("methods", {}).items()
        for child in resource.get("resources", {}).values():
            yield from methods(child)

    for _, method in sorted(methods(discovery["resources"]["people"])):
        for param_name, param in sorted(method.get("parameters", {}).items()):
            if "enum" in param:
                enums.alias(param["enum"], "", param_name)


def generate(discovery: dict[str, Any]) -> str:
    """The text of models.py for this discovery document."""
    enums = _EnumRegistry()
    classes: list[str] = []
    for schema_name, schema in sorted(discovery["schemas"].items()):
        body = _docstring(schema.get("description", schema_name), "    ")
        for prop_name, prop in sorted(schema.get("properties", {}).items()):
            body += ["", *_field_lines(prop_name, prop, schema_name, enums)]
        classes.append("\n".join([f"class {schema_name}(PeopleModel):", *body]))
    _method_enums(discovery, enums)

    person_fields = _mask_values(discovery, *_READ_MASK_SOURCE)
    update_fields = _mask_values(discovery, *_UPDATE_MASK_SOURCE)
    aliases = [
        "\n".join(_literal_alias(name, list(values)))
        for values, name in sorted(enums.by_values.items(), key=lambda item: item[1])
    ]
    mask_aliases = [
        "\n".join(
            [
                *_literal_alias("PersonField", person_fields),
                '"""A field name for `personFields` and `readMask`."""',
            ]
        ),
        "\n".join(
            [
                *_literal_alias("UpdatePersonField", update_fields),
                '"""A field name for the `updatePersonFields` mask of updateContact."""',
            ]
        ),
    ]
    registry = [
        "MODELS: dict[str, type[PeopleModel]] = {",
        *(f'    "{name}": {name},' for name in sorted(discovery["schemas"])),
        "}",
        '"""Every generated model by its discovery schema name."""',
    ]
    header = [
        f'"""People API v1 models, generated from the discovery document (revision '
        f"{discovery.get('revision', '?')}).",
        "",
        "Do not edit: run `python -m peopletui.api.codegen "
        "tests/reference/people.v1.discovery.json`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any, Literal, TypeAlias",
        "",
        "from pydantic import Field",
        "",
        "from ._base import OpenEnum, PeopleModel",
    ]
    # One blank line after the imports (isort), two around classes (ruff format).
    sections = ["\n\n".join(aliases + mask_aliases), *classes, "\n".join(registry)]
    text = "\n".join(header) + "\n\n" + "\n\n\n".join(sections) + "\n"
    if "Field(" not in text:  # every alias follows to_camel: keep the import list honest
        text = text.replace("from pydantic import Field\n\n", "")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peopletui.api.codegen", description=__doc__)
    parser.add_argument("discovery", type=Path, help="path to people.v1.discovery.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args(argv)
    text = generate(json.loads(args.discovery.read_text(encoding="utf-8")))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: re-run the generator", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
