"""Query parameters bound the way Google's front end binds them to a request message.

Each method accepts the query parameters its discovery entry lists plus the standard ones
(``alt``, ``fields``, ``prettyPrint``, ``key``, …). A name that binds to nothing is refused with
Google's message; so is a value that does not parse as the field's type. Both the JSON names
(``pageSize``) and the proto names (``page_size``) bind; list parameters repeat their key
(``resourceNames=a&resourceNames=b``). For a single-valued parameter sent twice the last value wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .body import payload_error, snake_case
from .wire import WireRequest

STANDARD_PARAMS: Final[frozenset[str]] = frozenset(
    {
        "$.xgafv",
        "access_token",
        "alt",
        "callback",
        "fields",
        "key",
        "oauth_token",
        "prettyPrint",
        "quotaUser",
        "uploadType",
        "upload_protocol",
    }
)

_ENUM_PREFIX = "type.googleapis.com/google.people.v1."
READ_SOURCE_TYPES = (
    "READ_SOURCE_TYPE_UNSPECIFIED",
    "READ_SOURCE_TYPE_PROFILE",
    "READ_SOURCE_TYPE_CONTACT",
    "READ_SOURCE_TYPE_DOMAIN_CONTACT",
    "READ_SOURCE_TYPE_OTHER_CONTACT",
)
DIRECTORY_SOURCE_TYPES = (
    "DIRECTORY_SOURCE_TYPE_UNSPECIFIED",
    "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT",
    "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE",
)
DIRECTORY_MERGE_SOURCE_TYPES = (
    "DIRECTORY_MERGE_SOURCE_TYPE_UNSPECIFIED",
    "DIRECTORY_MERGE_SOURCE_TYPE_CONTACT",
)
SORT_ORDERS = (
    "LAST_MODIFIED_ASCENDING",
    "LAST_MODIFIED_DESCENDING",
    "FIRST_NAME_ASCENDING",
    "LAST_NAME_ASCENDING",
)


@dataclass(frozen=True)
class Param:
    kind: str
    """``string``, ``mask``, ``int32``, ``bool`` or ``enum``."""
    repeated: bool = False
    enum: tuple[str, ...] = ()
    enum_type: str = ""


_STRING, _MASK, _INT, _BOOL = Param("string"), Param("mask"), Param("int32"), Param("bool")
_READ_SOURCES = Param("enum", True, READ_SOURCE_TYPES, "ReadSourceType")
_DIRECTORY_SOURCES = Param("enum", True, DIRECTORY_SOURCE_TYPES, "DirectorySourceType")
_MERGE_SOURCES = Param("enum", True, DIRECTORY_MERGE_SOURCE_TYPES, "DirectoryMergeSourceType")

# Query parameters per method (discovery ``parameters`` with location "query").
METHOD_PARAMS: Final[dict[str, dict[str, Param]]] = {
    "get": {"personFields": _MASK, "requestMask.includeField": _MASK, "sources": _READ_SOURCES},
    "getBatchGet": {
        "personFields": _MASK,
        "requestMask.includeField": _MASK,
        "resourceNames": Param("string", repeated=True),
        "sources": _READ_SOURCES,
    },
    "connections.list": {
        "pageSize": _INT,
        "pageToken": _STRING,
        "personFields": _MASK,
        "requestMask.includeField": _MASK,
        "requestSyncToken": _BOOL,
        "sortOrder": Param("enum", False, SORT_ORDERS, "ListConnectionsRequest.SortOrder"),
        "sources": _READ_SOURCES,
        "syncToken": _STRING,
    },
    "createContact": {"personFields": _MASK, "sources": _READ_SOURCES},
    "updateContact": {"personFields": _MASK, "sources": _READ_SOURCES, "updatePersonFields": _MASK},
    "deleteContact": {},
    "updateContactPhoto": {},
    "deleteContactPhoto": {"personFields": _MASK, "sources": _READ_SOURCES},
    "batchCreateContacts": {},
    "batchUpdateContacts": {},
    "batchDeleteContacts": {},
    "searchContacts": {
        "pageSize": _INT,
        "query": _STRING,
        "readMask": _MASK,
        "sources": _READ_SOURCES,
    },
    "listDirectoryPeople": {
        "mergeSources": _MERGE_SOURCES,
        "pageSize": _INT,
        "pageToken": _STRING,
        "readMask": _MASK,
        "requestSyncToken": _BOOL,
        "sources": _DIRECTORY_SOURCES,
        "syncToken": _STRING,
    },
    "searchDirectoryPeople": {
        "mergeSources": _MERGE_SOURCES,
        "pageSize": _INT,
        "pageToken": _STRING,
        "query": _STRING,
        "readMask": _MASK,
        "sources": _DIRECTORY_SOURCES,
    },
}
_STANDARD_TYPES = {"prettyPrint": _BOOL, "$.xgafv": Param("enum", False, ("1", "2"), "Xgafv")}


class QueryParams:
    """The validated query of one request: values by JSON name, standard parameters apart."""

    def __init__(self, request: WireRequest, method: str) -> None:
        spec = METHOD_PARAMS[method]
        aliases = {name: name for name in spec} | {snake_case(name): name for name in spec}
        self._values: dict[str, list[str]] = {}
        self.standard: dict[str, str] = {}
        for key, value in request.query:
            name = aliases.get(key)
            if name is not None:
                _check(spec[name], key, value, len(self._values.get(name, [])))
                self._values.setdefault(name, []).append(value)
            elif key in STANDARD_PARAMS:
                if key in _STANDARD_TYPES:
                    _check(_STANDARD_TYPES[key], key, value, 0)
                self.standard[key] = value
            else:
                message = (
                    f'Invalid JSON payload received. Unknown name "{key}": Cannot bind query '
                    f"parameter. Field '{key}' could not be found in request message."
                )
                raise payload_error(message)

    def text(self, name: str) -> str | None:
        values = self._values.get(name)
        return values[-1] if values else None

    def values(self, name: str) -> list[str]:
        return list(self._values.get(name, []))

    def int32(self, name: str, default: int = 0) -> int:
        value = self.text(name)
        return default if value is None else int(value)

    def flag(self, name: str) -> bool:
        return (self.text(name) or "").lower() in ("true", "1")

    def enums(self, name: str, allowed: tuple[str, ...]) -> list[str]:
        """Enum values by name (Google also binds their numbers)."""
        return [allowed[int(v)] if v.isdigit() else v for v in self.values(name)]

    def enum(self, name: str, allowed: tuple[str, ...]) -> str | None:
        values = self.enums(name, allowed)
        return values[-1] if values else None


def _check(param: Param, key: str, value: str, index: int) -> None:
    field = snake_case(key) if not key.startswith("$") else key
    if param.kind == "int32":
        ok = _is_int32(value)
        type_name = "TYPE_INT32"
    elif param.kind == "bool":
        ok = value.lower() in ("true", "false", "1", "0")
        type_name = "TYPE_BOOL"
    elif param.kind == "enum":
        ok = value in param.enum or (value.isdigit() and int(value) < len(param.enum))
        type_name = _ENUM_PREFIX + param.enum_type
        if param.repeated:
            field = f"{field}[{index}]"
    else:
        return
    if not ok:
        raise payload_error(f"Invalid value at '{field}' ({type_name}), \"{value}\"", field)


def _is_int32(value: str) -> bool:
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    return digits.isdigit() and -(2**31) <= int(text) <= 2**31 - 1
