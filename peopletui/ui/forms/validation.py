"""Checks of typed values: each takes the stripped text and returns a short message, or None.

Messages are short enough to sit under the field they describe, and say what a good value looks
like. Values are only checked once the user changed them (see `peopletui.ui.forms.problems`), so
an odd value already stored at Google never blocks saving an unrelated edit.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from peopletui.ui.forms.dates import DateError, parse_date

# Local part, "@", a domain with at least one dot, no spaces: the shape, not RFC 5322 in full.
_EMAIL: Final = re.compile(r"[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+")
# Besides digits and letters (vanity numbers such as 1-800-FLOWERS, "ext"), what people write in
# phone numbers: separators, a leading +, and the dial-string pause/wait and DTMF characters.
_PHONE_PUNCTUATION: Final = frozenset(" +-().,/;*#")
_HOST: Final = re.compile(r"[^\s/?#@:]+\.[^\s/?#@:]+(?::\d+)?")
_LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_COUNTRY_CODE: Final = re.compile(r"[A-Za-z]{2}")
_INT32_MAX: Final = 2**31 - 1


def email(text: str) -> str | None:
    if _EMAIL.fullmatch(text):
        return None
    if "@" not in text:
        return "Not an email address: it needs an @, as in name@example.com"
    return "Not an email address: expected name@example.com"


def phone(text: str) -> str | None:
    for char in text:
        if char.isdigit() or (char.isascii() and char.isalpha()) or char in _PHONE_PUNCTUATION:
            continue
        shown = repr(char) if char.isprintable() else f"U+{ord(char):04X}"
        return f"A phone number cannot contain {shown}"
    if not any(char.isdigit() for char in text):
        return "A phone number needs digits"
    if "+" in text[1:].lstrip("( "):
        return "A + can only start the number"
    return None


def url(text: str) -> str | None:
    if any(char.isspace() for char in text):
        return "A web address cannot contain spaces"
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme and parts.scheme.isascii() and parts.netloc:
            return None
        return "Not a web address: expected https://example.com/…"
    # A bare "example.com/page", as people type it; Google stores it as written.
    if _HOST.fullmatch(text.split("/", 1)[0]):
        return None
    return "Not a web address: expected https://example.com/…"


def sip_address(text: str) -> str | None:
    if any(char.isspace() for char in text):
        return "A SIP address cannot contain spaces"
    target = text.removeprefix("sip:").removeprefix("sips:")
    if "@" in target or target.replace("+", "", 1).isdigit():
        return None
    return "Not a SIP address: expected sip:name@example.com"


def date(text: str) -> str | None:
    try:
        parse_date(text)
    except DateError as error:
        return str(error)
    return None


def whole_number(text: str) -> str | None:
    if text.isascii() and text.isdigit() and int(text) <= _INT32_MAX:
        return None
    return "Enter a whole number, such as 50000 for half time"


def language_tag(text: str) -> str | None:
    if _LANGUAGE_TAG.fullmatch(text):
        return None
    return "Not a language tag: expected en, en-GB or zh-Hant-TW"


def country_code(text: str) -> str | None:
    if _COUNTRY_CODE.fullmatch(text):
        return None
    return "Use the two-letter ISO code, such as GB or NL"
