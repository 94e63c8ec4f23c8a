"""Validate JSON values against the People API discovery document's schemas.

The discovery document (tests/reference/people.v1.discovery.json) is Google's own description of
every request and response body. This validator is deliberately small and strict: an unknown field,
a wrong type, a value outside an enum or a malformed formatted string is a problem, reported with a
JSON path (``$.connections[3].names[0].metadata.source.type``) so a failure says where it is.

Google's JSON mapping of protobuf (https://protobuf.dev/programming-guides/json/): int64/uint64 are
JSON strings, int32/uint32 JSON numbers, bytes base64, Timestamp RFC 3339 ("google-datetime"),
FieldMask a comma-separated string of camelCase paths ("google-fieldmask").
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

DISCOVERY_PATH = Path(__file__).resolve().parents[1] / "reference" / "people.v1.discovery.json"

_INT32 = (-(2**31), 2**31 - 1)
_UINT32 = (0, 2**32 - 1)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_FIELD_PATH = r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*"
_FIELDMASK = re.compile(rf"^{_FIELD_PATH}(,{_FIELD_PATH})*$")
_DURATION = re.compile(r"^-?\d+(\.\d{1,9})?s$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_STRING = re.compile(r"^-?\d+$")
_UINT_STRING = re.compile(r"^\d+$")

# HTTP status for every canonical code (google/rpc/code.proto and its HTTP mapping).
RPC_STATUS_HTTP = {
    "CANCELLED": 499,
    "UNKNOWN": 500,
    "INVALID_ARGUMENT": 400,
    "DEADLINE_EXCEEDED": 504,
    "NOT_FOUND": 404,
    "ALREADY_EXISTS": 409,
    "PERMISSION_DENIED": 403,
    "UNAUTHENTICATED": 401,
    "RESOURCE_EXHAUSTED": 429,
    "FAILED_PRECONDITION": 400,
    "ABORTED": 409,
    "OUT_OF_RANGE": 400,
    "UNIMPLEMENTED": 501,
    "INTERNAL": 500,
    "UNAVAILABLE": 503,
    "DATA_LOSS": 500,
}

# The fields of the google.rpc error-detail messages (google/rpc/error_details.proto) that may
# appear in ``error.details``; each item also carries its ``@type``.
ERROR_DETAIL_FIELDS: dict[str, frozenset[str]] = {
    "type.googleapis.com/google.rpc.ErrorInfo": frozenset({"reason", "domain", "metadata"}),
    "type.googleapis.com/google.rpc.RetryInfo": frozenset({"retryDelay"}),
    "type.googleapis.com/google.rpc.DebugInfo": frozenset({"stackEntries", "detail"}),
    "type.googleapis.com/google.rpc.QuotaFailure": frozenset({"violations"}),
    "type.googleapis.com/google.rpc.PreconditionFailure": frozenset({"violations"}),
    "type.googleapis.com/google.rpc.BadRequest": frozenset({"fieldViolations"}),
    "type.googleapis.com/google.rpc.RequestInfo": frozenset({"requestId", "servingData"}),
    "type.googleapis.com/google.rpc.ResourceInfo": frozenset(
        {"resourceType", "resourceName", "owner", "description"}
    ),
    "type.googleapis.com/google.rpc.Help": frozenset({"links"}),
    "type.googleapis.com/google.rpc.LocalizedMessage": frozenset({"locale", "message"}),
}


# Detail types the People API names in its discovery document ("If not successful, returns
# BatchCreateContactsErrorDetails ...") without describing their fields.
PEOPLE_ERROR_DETAIL_TYPES = frozenset(
    {
        "type.googleapis.com/google.people.v1.BatchCreateContactsErrorDetails",
        "type.googleapis.com/google.people.v1.BatchUpdateContactsErrorDetails",
    }
)


class Discovery:
    """The parts of a discovery document the validator needs: schemas and methods."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.schemas: dict[str, dict[str, Any]] = document["schemas"]
        self.methods: dict[str, dict[str, Any]] = {}
        self._collect_methods(document.get("resources", {}))
        # Fixed paths first, so `v1/people:batchGet` never matches `v1/people/{peopleId}`.
        self._routes = sorted(
            (
                (m["httpMethod"], _flat_path_regex(m["flatPath"]), mid)
                for mid, m in self.methods.items()
            ),
            key=lambda route: ("{" in self.methods[route[2]]["flatPath"], route[2]),
        )

    def _collect_methods(self, resources: dict[str, Any]) -> None:
        for resource in resources.values():
            for method in resource.get("methods", {}).values():
                self.methods[method["id"]] = method
            self._collect_methods(resource.get("resources", {}))

    def method_for(self, verb: str, raw_path: str) -> str | None:
        """The discovery method id a request goes to, or None (photo URLs, OAuth, bad paths).

        ``raw_path`` is the URL path as sent; `%2F` in a resource name is decoded first, as
        Google's front end does for generated clients that escape the ``{+resourceName}``.
        """
        path = unquote(raw_path).lstrip("/")
        for method_verb, regex, method_id in self._routes:
            if method_verb == verb.upper() and regex.fullmatch(path):
                return method_id
        return None

    def response_schema(self, method_id: str) -> str:
        return str(self.methods[method_id]["response"]["$ref"])


def _flat_path_regex(flat_path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", flat_path)
    return re.compile("".join("[^/:]+" if p.startswith("{") else re.escape(p) for p in parts))


@cache
def discovery() -> Discovery:
    return Discovery(json.loads(DISCOVERY_PATH.read_text(encoding="utf-8")))


def validate(value: Any, schema_name: str, *, doc: Discovery | None = None) -> list[str]:
    """Every way `value` departs from the named schema, each as ``"<json path>: <problem>"``.

    Read-only fields are accepted (they are what responses carry); unknown fields are not.
    """
    d = doc or discovery()
    if schema_name not in d.schemas:
        raise KeyError(f"no schema {schema_name!r} in the discovery document")
    problems: list[str] = []
    _check(value, {"$ref": schema_name}, "$", d, problems)
    return problems


def assert_valid(value: Any, schema_name: str, *, doc: Discovery | None = None) -> None:
    problems = validate(value, schema_name, doc=doc)
    assert not problems, f"{schema_name} does not match the discovery schema:\n" + "\n".join(
        problems
    )


def validate_response(method_id: str, body: Any, *, doc: Discovery | None = None) -> list[str]:
    """Problems of a method's 2xx response body against its discovery ``response.$ref``."""
    d = doc or discovery()
    return validate(body, d.response_schema(method_id), doc=d)


def assert_valid_response(method_id: str, body: Any) -> None:
    problems = validate_response(method_id, body)
    assert not problems, f"{method_id} response does not match the discovery schema:\n" + (
        "\n".join(problems)
    )


def validate_error_envelope(body: Any, http_status: int) -> list[str]:
    """Problems of a 4xx/5xx body against Google's error envelope (google.rpc.Status in JSON).

    ``{"error": {"code": <http status>, "message": str, "status": <canonical code>,
    "details": [{"@type": "type.googleapis.com/google.rpc.…", …}]}}``; details is optional.
    """
    if not isinstance(body, dict) or set(body) != {"error"} or not isinstance(body["error"], dict):
        return ['$: expected exactly {"error": {...}}']
    error = body["error"]
    problems = [f"$.error.{key}: unknown field" for key in error if key not in _ERROR_FIELDS]
    problems += [
        f"$.error.{key}: missing" for key in ("code", "message", "status") if key not in error
    ]
    code, message, status = error.get("code"), error.get("message"), error.get("status")
    if "code" in error and (type(code) is not int or code != http_status):
        problems.append(f"$.error.code: {code!r} is not the HTTP status {http_status}")
    if "message" in error and (not isinstance(message, str) or not message):
        problems.append(f"$.error.message: {message!r} is not a non-empty string")
    expected_http = RPC_STATUS_HTTP.get(status) if isinstance(status, str) else None
    if "status" in error and expected_http is None:
        problems.append(f"$.error.status: {status!r} is not a google.rpc.Code name")
    elif "status" in error and expected_http != http_status:
        problems.append(f"$.error.status: {status} maps to {expected_http}, not {http_status}")
    if "details" in error:
        problems += _error_details_problems(error["details"])
    return problems


_ERROR_FIELDS = frozenset({"code", "message", "status", "details"})


def _error_details_problems(details: Any) -> list[str]:
    if not isinstance(details, list) or not details:
        return ["$.error.details: expected a non-empty array (omitted when empty)"]
    problems: list[str] = []
    for i, item in enumerate(details):
        path = f"$.error.details[{i}]"
        type_url = item.get("@type") if isinstance(item, dict) else None
        if not isinstance(type_url, str):
            problems.append(f"{path}: expected an object with an @type string")
            continue
        if type_url in PEOPLE_ERROR_DETAIL_TYPES:
            continue
        allowed = ERROR_DETAIL_FIELDS.get(type_url)
        if allowed is None:
            problems.append(f"{path}.@type: unknown error detail type {type_url!r}")
            continue
        problems += [
            f"{path}.{k}: unknown field" for k in item if k != "@type" and k not in allowed
        ]
        if type_url.endswith("ErrorInfo"):
            for key in ("reason", "domain"):
                if not isinstance(item.get(key), str) or not item[key]:
                    problems.append(f"{path}.{key}: expected a non-empty string")
            metadata = item.get("metadata", {})
            if not isinstance(metadata, dict) or not all(
                isinstance(v, str) for v in metadata.values()
            ):
                problems.append(f"{path}.metadata: expected a map of strings")
    return problems


def empty_values(value: Any, path: str = "$") -> list[str]:
    """Paths of values proto3 JSON never sends: "", [], {} and null below the top level."""
    found: list[str] = []
    children: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        children = [(f"{path}.{k}", v) for k, v in value.items()]
    elif isinstance(value, list):
        children = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
    for child_path, child in children:
        if child is None or (isinstance(child, str | list | dict) and len(child) == 0):
            found.append(f"{child_path}: empty value {json.dumps(child)}")
        else:
            found += empty_values(child, child_path)
    return found


def values_of_schema(
    value: Any, schema_name: str, target: str, *, doc: Discovery | None = None
) -> list[tuple[str, Any]]:
    """Every value inside `value` (a `schema_name`) that the schema types as `target`, with its
    JSON path: for example every Person inside a ListConnectionsResponse."""
    d = doc or discovery()
    found: list[tuple[str, Any]] = []
    _collect(value, {"$ref": schema_name}, "$", target, d, found)
    return found


def _collect(
    value: Any, schema: dict[str, Any], path: str, target: str, d: Discovery, out: list[Any]
) -> None:
    if "$ref" in schema:
        if schema["$ref"] == target:
            out.append((path, value))
            return
        schema = d.schemas[schema["$ref"]]
    if schema.get("type") == "array" and isinstance(value, list):
        for i, item in enumerate(value):
            _collect(item, schema["items"], f"{path}[{i}]", target, d, out)
    elif schema.get("type") == "object" and isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                _collect(item, properties[key], f"{path}.{key}", target, d, out)
            elif isinstance(extra, dict):
                _collect(item, extra, f"{path}[{json.dumps(key)}]", target, d, out)


# --- the schema walk ------------------------------------------------------------------------


def _check(value: Any, schema: dict[str, Any], path: str, d: Discovery, out: list[str]) -> None:
    if "$ref" in schema:
        schema = d.schemas[schema["$ref"]]
    kind = schema.get("type")
    if value is None:
        out.append(f"{path}: null (proto3 JSON omits unset fields)")
        return
    if kind == "any":
        return
    if kind == "object":
        _check_object(value, schema, path, d, out)
    elif kind == "array":
        if not isinstance(value, list):
            out.append(f"{path}: expected array, got {_json_type(value)}")
            return
        for i, item in enumerate(value):
            _check(item, schema["items"], f"{path}[{i}]", d, out)
    elif kind in _SCALAR_CHECKS:
        problem = _SCALAR_CHECKS[kind](value, schema.get("format"))
        if problem:
            out.append(f"{path}: {problem}")
        elif "enum" in schema and value not in schema["enum"]:
            out.append(f"{path}: {value!r} is not one of the enum values")
    else:
        raise ValueError(f"unsupported schema type {kind!r} at {path}")


def _check_object(
    value: Any, schema: dict[str, Any], path: str, d: Discovery, out: list[str]
) -> None:
    if not isinstance(value, dict):
        out.append(f"{path}: expected object, got {_json_type(value)}")
        return
    properties: dict[str, Any] = schema.get("properties", {})
    extra = schema.get("additionalProperties")
    for key, item in value.items():
        if key in properties:
            _check(item, properties[key], f"{path}.{key}", d, out)
        elif isinstance(extra, dict):
            _check(item, extra, f"{path}[{json.dumps(key)}]", d, out)
        else:
            out.append(f"{path}.{key}: unknown field")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    names: dict[type, str] = {str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def _check_integer(value: Any, fmt: str | None) -> str | None:
    if type(value) is not int:
        return f"expected integer, got {_json_type(value)} {value!r}"
    low, high = _UINT32 if fmt == "uint32" else _INT32
    if fmt in ("int32", "uint32") and not low <= value <= high:
        return f"{value} is out of the {fmt} range"
    return None


def _check_number(value: Any, fmt: str | None) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected number, got {_json_type(value)} {value!r}"
    return None


def _check_boolean(value: Any, fmt: str | None) -> str | None:
    return None if isinstance(value, bool) else f"expected boolean, got {_json_type(value)}"


def _check_string(value: Any, fmt: str | None) -> str | None:
    if not isinstance(value, str):
        return f"expected string, got {_json_type(value)} {value!r}"
    check = _STRING_FORMATS.get(fmt or "")
    if check is not None and not check(value):
        return f"{value!r} is not a valid {fmt}"
    return None


def _is_base64(text: str) -> bool:
    # Google writes bytes as standard base64 and accepts the URL-safe alphabet too.
    alphabet = text.replace("-", "+").replace("_", "/")
    try:
        base64.b64decode(alphabet + "=" * (-len(alphabet) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


_STRING_FORMATS: dict[str, Callable[[str], bool]] = {
    "google-datetime": lambda s: _RFC3339.fullmatch(s) is not None,
    "google-fieldmask": lambda s: _FIELDMASK.fullmatch(s) is not None,
    "google-duration": lambda s: _DURATION.fullmatch(s) is not None,
    "date": lambda s: _DATE.fullmatch(s) is not None,
    "int64": lambda s: _INT_STRING.fullmatch(s) is not None and -(2**63) <= int(s) < 2**63,
    "uint64": lambda s: _UINT_STRING.fullmatch(s) is not None and int(s) < 2**64,
    "byte": _is_base64,
}

_SCALAR_CHECKS: dict[str, Callable[[Any, str | None], str | None]] = {
    "integer": _check_integer,
    "number": _check_number,
    "boolean": _check_boolean,
    "string": _check_string,
}
