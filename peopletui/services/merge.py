"""Three-way merge of an edit with the server's newer version of the same contact.

`base` is the person the edit started from, `mine` the fields the user changed (new values),
`theirs` the person now on the server. Field by field (a field is the unit Google replaces):

- changed by me only: sent;
- changed by them only: kept as they are (not in my update mask, so untouched);
- changed by both to the same value: nothing to send (this is also how a resent update whose
  first delivery did arrive is recognised);
- changed by both to different values: a conflict, returned with the three values for the user
  to choose. Nothing is decided for the user and nothing they typed is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from peopletui.services.fields import PersonJson, holds, same_value

Choice = Literal["mine", "theirs"]


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field both sides changed, with the value of each version."""

    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class MergeResult:
    to_send: PersonJson
    """My changes the server does not hold yet (field -> my value)."""
    conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def three_way_merge(
    base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> MergeResult:
    to_send: PersonJson = {}
    conflicts: list[FieldConflict] = []
    for field, my_value in mine.items():
        their_value = theirs.get(field)
        if holds(field, their_value, my_value):
            continue
        base_value = base.get(field)
        if same_value(field, base_value, their_value):
            to_send[field] = my_value
        else:
            conflicts.append(FieldConflict(field, base_value, my_value, their_value))
    return MergeResult(to_send, tuple(conflicts))


def resolve(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    choices: Mapping[str, Choice],
) -> MergeResult:
    """Merge again against `theirs` (the latest version), settling each conflicting field the
    user chose for. Fields still in conflict without a choice (the server moved on again) are
    returned as conflicts."""
    merged = three_way_merge(base, mine, theirs)
    to_send = dict(merged.to_send)
    open_conflicts: list[FieldConflict] = []
    for conflict in merged.conflicts:
        choice = choices.get(conflict.field)
        if choice == "mine":
            to_send[conflict.field] = conflict.mine
        elif choice != "theirs":
            open_conflicts.append(conflict)
    return MergeResult(to_send, tuple(open_conflicts))
