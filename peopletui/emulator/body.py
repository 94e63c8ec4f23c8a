"""Request bodies decoded the way Google's JSON front end decodes them.

Google maps JSON onto the request's protobuf message before the People service sees it, so the
errors a client gets for a malformed body come from that mapping, not from the service:
``Invalid JSON payload received. Unknown name "nmes" at 'person': Cannot find field.`` Paths in
those messages use the proto (snake_case) field names. Both the JSON names (``givenName``) and
the proto names (``given_name``) are accepted as keys, as proto3 JSON parsers do; ``null`` means
"not set".
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from functools import cache
from typing import Any

from .errors import BAD_REQUEST_TYPE, ApiError
from .schema import SCHEMAS, FieldType

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_SCALAR_TYPE_NAMES = {
    "string": "TYPE_STRING",
    "int32": "TYPE_INT32",
    "boolean": "TYPE_BOOL",
    "bytes": "TYPE_BYTES",
}
_PACKAGE = "type.googleapis.com/google.people.v1"


@cache
def snake_case(name: str) -> str:
    """``emailAddresses`` → ``email_addresses`` (the proto name Google quotes in errors)."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _aliases(schema: str) -> dict[str, str]:
    fields = SCHEMAS[schema]
    table = {name: name for name in fields}
    table.update({snake_case(name): name for name in fields})
    return table


_ALIASES: dict[str, dict[str, str]] = {name: _aliases(name) for name in SCHEMAS}


def payload_error(message: str, field: str = "") -> ApiError:
    """400 INVALID_ARGUMENT with Google's BadRequest detail naming the offending field."""
    violation = {"field": field, "description": message} if field else {"description": message}
    return ApiError(
        "INVALID_ARGUMENT",
        message,
        details=[{"@type": BAD_REQUEST_TYPE, "fieldViolations": [violation]}],
    )


def parse_json(raw: bytes) -> Any:
    """The JSON document in a request body; an empty body is an empty message."""
    if not raw.strip():
        return {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise payload_error("Invalid JSON payload received. Invalid UTF-8 in the body.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise payload_error(_syntax_message(text, error.pos)) from None


def _syntax_message(text: str, pos: int) -> str:
    # Google quotes the text around the failure with a caret under it.
    start = max(0, pos - 20)
    snippet = text[start : pos + 20].replace("\n", " ")
    return f"Invalid JSON payload received. Unexpected token.\n{snippet}\n{' ' * (pos - start)}^"


def decode_message(value: Any, schema: str, path: str = "") -> dict[str, Any]:
    """Check ``value`` against a message schema and return it with JSON (camelCase) keys.

    ``path`` is the proto path of ``value`` itself (``person``, or ``""`` for a whole request
    body). Unset (``null``) fields are dropped; bytes fields come back decoded.
    """
    # A well-formed body of the usual types takes the fast pass, which builds no error paths;
    # anything else (an error, a number sent as a string, bytes) takes the full one.
    if type(value) is dict:
        try:
            return _fast_message(value, schema)
        except _Unusual:
            pass
    return _decode_message(value, schema, path)


class _Unusual(Exception):
    """Raised by the fast pass for any value it does not decode itself."""


_STRING, _BOOLEAN, _INT32, _ENUM, _MESSAGE, _OTHER = range(6)
_SCALAR, _LIST, _MAP = range(3)
_KIND_CODES = {"string": _STRING, "boolean": _BOOLEAN, "int32": _INT32, "enum": _ENUM,
               "message": _MESSAGE}  # fmt: skip
_FastEntry = tuple[str, int, int, Any]
"""(JSON field name, container, kind code, enum names or message schema)."""


def _fast_table(schema: str) -> dict[str, _FastEntry]:
    table: dict[str, _FastEntry] = {}
    for key, name in _ALIASES[schema].items():
        field = SCHEMAS[schema][name]
        container = _LIST if field.repeated else _MAP if field.map_of else _SCALAR
        code = _KIND_CODES.get(field.kind, _OTHER)
        arg = frozenset(field.arg or ()) if code == _ENUM else field.arg
        table[key] = (name, container, code, arg)
    return table


_FAST: dict[str, dict[str, _FastEntry]] = {name: _fast_table(name) for name in SCHEMAS}


def _fast_message(value: dict[str, Any], schema: str) -> dict[str, Any]:
    table = _FAST[schema]
    decoded: dict[str, Any] = {}
    for key, item in value.items():
        entry = table.get(key)
        if entry is None:
            raise _Unusual
        if item is None:
            continue
        name, container, code, arg = entry
        if container == _SCALAR:
            if code == _STRING and type(item) is str:
                decoded[name] = item
            else:
                decoded[name] = _fast_single(item, code, arg)
        elif container == _LIST and type(item) is list:
            decoded[name] = [_fast_single(one, code, arg) for one in item]
        elif container == _MAP and type(item) is dict:
            decoded[name] = {str(k): _fast_single(one, code, arg) for k, one in item.items()}
        else:
            raise _Unusual
    return decoded


def _fast_single(value: Any, code: int, arg: Any) -> Any:
    kind = type(value)
    if code == _MESSAGE:
        if kind is dict:
            return _fast_message(value, arg)
    elif code == _STRING:
        if kind is str:
            return value
    elif code == _BOOLEAN:
        if kind is bool:
            return value
    elif code == _INT32:
        if kind is int and _INT32_MIN <= value <= _INT32_MAX:
            return value
    elif code == _ENUM and kind is str and value in arg:
        return value
    raise _Unusual


def _decode_message(value: Any, schema: str, path: str) -> dict[str, Any]:
    """The full pass of `decode_message`, which names the offending field in its errors."""
    if not isinstance(value, dict):
        if not path:
            raise payload_error(
                'Invalid JSON payload received. Unknown name "": Root element must be a message.'
            )
        raise _invalid_value(path, FieldType("message", schema), value)
    aliases = _ALIASES[schema]
    fields = SCHEMAS[schema]
    decoded: dict[str, Any] = {}
    for key, item in value.items():
        name = aliases.get(key)
        if name is None:
            where = f" at '{path}'" if path else ""
            raise payload_error(
                f'Invalid JSON payload received. Unknown name "{key}"{where}: Cannot find field.',
                path,
            )
        if item is None:
            continue
        child = f"{path}.{snake_case(name)}" if path else snake_case(name)
        decoded[name] = _decode_field(item, fields[name], child)
    return decoded


def _decode_field(value: Any, field: FieldType, path: str) -> Any:
    if field.repeated:
        if not isinstance(value, list):
            raise _invalid_value(path, field, value)
        return [_decode_single(item, field, f"{path}[{i}]") for i, item in enumerate(value)]
    if field.map_of:
        if not isinstance(value, dict):
            raise _invalid_value(path, field, value)
        return {
            str(key): _decode_single(item, field, f'{path}["{key}"]') for key, item in value.items()
        }
    return _decode_single(value, field, path)


def _decode_single(value: Any, field: FieldType, path: str) -> Any:
    kind = field.kind
    if kind == "message":
        assert isinstance(field.arg, str)
        return _decode_message(value, field.arg, path)
    if kind == "string" and isinstance(value, str):
        return value
    if kind == "boolean" and isinstance(value, bool):
        return value
    if kind == "int32":
        number = _int32(value)
        if number is not None:
            return number
    if kind == "enum":
        names = field.arg or ()
        if isinstance(value, str) and value in names:
            return value
        if type(value) is int and 0 <= value < len(names):
            return names[value]  # proto3 JSON also takes an enum's number
    if kind == "bytes" and isinstance(value, str):
        return _base64(value, path)
    raise _invalid_value(path, field, value)


def _int32(value: Any) -> int | None:
    # proto3 JSON takes numbers or decimal strings for int32, but not fractions.
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif (isinstance(value, float) and value.is_integer()) or (
        isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip())
    ):
        number = int(value)
    if number is None or not _INT32_MIN <= number <= _INT32_MAX:
        return None
    return number


def _base64(text: str, path: str) -> bytes:
    alphabet = text.strip().replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(alphabet + "=" * (-len(alphabet) % 4), validate=True)
    except (binascii.Error, ValueError):
        message = (
            f"Invalid value at '{path}' (TYPE_BYTES), Base64 decoding failed for \"{text[:40]}\""
        )
        raise payload_error(message, path) from None


def _invalid_value(path: str, field: FieldType, value: Any) -> ApiError:
    if field.kind == "message":
        type_name = f"{_PACKAGE}.{field.arg}"
    elif field.kind == "enum":
        leaf = path.rsplit(".", 1)[-1].split("[", 1)[0]
        type_name = f"{_PACKAGE}.{''.join(p.title() for p in leaf.split('_'))}"
    else:
        type_name = _SCALAR_TYPE_NAMES[field.kind]
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return payload_error(f"Invalid value at '{path}' ({type_name}), {shown}", path)
