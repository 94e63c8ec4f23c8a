"""How method arguments go on the wire: paths, masks and query parameters.

- Resource names are expanded into paths the way Google's generated clients expand the
  discovery document's ``{+resourceName}`` template (reserved expansion: ``/`` stays, so
  ``people/c123`` gives ``/v1/people/c123:updateContact``), after checking the documented pattern.
- Masks are given as iterables of field names and sent comma-separated.
- List parameters (``sources``, ``resourceNames``, ...) are sent as repeated query keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import get_args
from urllib.parse import quote

from .models import PersonField, UpdatePersonField

ALL_PERSON_FIELDS: frozenset[PersonField] = frozenset(get_args(PersonField))
"""Every field name a `personFields` / `readMask` mask accepts."""
ALL_UPDATE_FIELDS: frozenset[UpdatePersonField] = frozenset(get_args(UpdatePersonField))
"""Every field name the `updatePersonFields` mask of updateContact accepts."""

_PERSON_NAME = re.compile(r"^people/[^/]+$")
# RFC 6570 reserved expansion keeps reserved and unreserved characters as they are.
_RESERVED_SAFE = ":/?#[]@!$&'()*+,;="

QueryParams = list[tuple[str, str]]


def person_path(resource_name: str, suffix: str = "") -> str:
    """``/v1/{+resourceName}{suffix}`` for a resource name matching ``^people/[^/]+$``."""
    if not _PERSON_NAME.match(resource_name):
        raise ValueError(f"not a person resource name (people/<id>): {resource_name!r}")
    return "/v1/" + quote(resource_name, safe=_RESERVED_SAFE) + suffix


def mask(fields: Iterable[str]) -> str:
    """A field mask: the field names, sorted and comma-separated."""
    if isinstance(fields, str):
        # A string is an iterable of characters: refuse it rather than send "n,a,m,e,s".
        raise TypeError("a mask is an iterable of field names, not a string")
    return ",".join(sorted(set(fields)))


def include_field_mask(fields: Iterable[str]) -> str:
    """The deprecated ``requestMask.includeField`` form: ``person.names,person.photos``."""
    return ",".join(f"person.{name}" for name in mask(fields).split(",") if name)


class Query:
    """Builds a query string, skipping arguments left at None."""

    def __init__(self) -> None:
        self.items: QueryParams = []

    def text(self, key: str, value: str | None) -> Query:
        if value is not None:
            self.items.append((key, value))
        return self

    def number(self, key: str, value: int | None) -> Query:
        if value is not None:
            self.items.append((key, str(value)))
        return self

    def flag(self, key: str, value: bool | None) -> Query:
        if value is not None:
            self.items.append((key, "true" if value else "false"))
        return self

    def mask(self, key: str, fields: Iterable[str] | None) -> Query:
        if fields is not None:
            self.items.append((key, mask(fields)))
        return self

    def repeated(self, key: str, values: Iterable[str] | None) -> Query:
        if values is not None:
            if isinstance(values, str):
                raise TypeError(f"{key} takes an iterable of values, not a string")
            self.items.extend((key, value) for value in values)
        return self
