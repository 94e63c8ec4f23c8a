"""The standard ``fields`` parameter: partial responses.

Supported syntax (Google's): a comma-separated list of selections; ``a/b`` selects ``b`` inside
``a``; ``a(b,c)`` selects several sub-fields; ``*`` selects every field at its level. Selections
apply to each element of a list. A malformed selector is refused with 400; a well-formed name that
the response does not have selects nothing (Google checks names against the response schema, which
the emulator does not).
"""

from __future__ import annotations

from typing import Any

from .errors import invalid_argument

Selection = dict[str, "Selection | None"]
"""Field name → what to keep inside it (None: all of it)."""


def parse(expression: str) -> Selection:
    parser = _Parser(expression.replace(" ", ""))
    selection = parser.selections()
    if parser.pos != len(parser.text) or not selection:
        raise invalid_argument(f"Invalid field selection {expression}")
    return selection


def apply(value: Any, selection: Selection | None) -> Any:
    if selection is None:
        return value
    if isinstance(value, list):
        return [apply(item, selection) for item in value]
    if not isinstance(value, dict):
        return value
    if "*" in selection:
        inner = selection["*"]
        return {k: apply(v, inner) for k, v in value.items()}
    out: dict[str, Any] = {}
    for name, inner in selection.items():
        if name in value:
            kept = apply(value[name], inner)
            if kept not in ({}, []):
                out[name] = kept
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def selections(self) -> Selection:
        result: Selection = {}
        while True:
            path = self._path()
            inner: Selection | None = None
            if self._peek("("):
                self.pos += 1
                inner = self.selections()
                if not self._peek(")"):
                    raise invalid_argument(f"Invalid field selection {self.text}")
                self.pos += 1
            _merge(result, path, inner)
            if not self._peek(","):
                return result
            self.pos += 1

    def _path(self) -> list[str]:
        names = [self._name()]
        while self._peek("/"):
            self.pos += 1
            names.append(self._name())
        return names

    def _name(self) -> str:
        start = self.pos
        while self.pos < len(self.text) and (
            self.text[self.pos].isalnum() or self.text[self.pos] in "_*.$@"
        ):
            self.pos += 1
        if start == self.pos:
            raise invalid_argument(f"Invalid field selection {self.text}")
        return self.text[start : self.pos]

    def _peek(self, char: str) -> bool:
        return self.pos < len(self.text) and self.text[self.pos] == char


def _merge(into: Selection, path: list[str], inner: Selection | None) -> None:
    head, rest = path[0], path[1:]
    leaf = _nest(rest, inner)
    if head in into:
        current = into[head]
        if current is None or leaf is None:
            into[head] = None  # selecting the whole field wins over parts of it
        else:
            for name, sub in leaf.items():
                _merge(current, [name], sub)
    else:
        into[head] = leaf


def _nest(path: list[str], inner: Selection | None) -> Selection | None:
    if not path:
        return inner
    return {path[0]: _nest(path[1:], inner)}
