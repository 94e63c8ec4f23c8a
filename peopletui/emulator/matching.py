"""Prefix-phrase matching, as searchContacts and searchDirectoryPeople describe it.

"A person with name "foo name" matches queries such as "f", "fo", "foo", "foo n", "nam", etc.,
but not "oo n"." So the query's words must match consecutive words of one value, all but the
last exactly and the last as a prefix. Matching ignores case and accents. Phone numbers also
match on their digits, so "+31 20" and "020" find "+31 20 123 4567".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .render import canonical_phone, display_names, fold

_WORD = re.compile(r"\w+")
_PHONE_QUERY = re.compile(r"^[\d\s()+.\-]+$")


@dataclass(frozen=True, slots=True)
class Terms:
    """What one person can be found by: word lists of its values, and its phone digits."""

    phrases: tuple[tuple[str, ...], ...]
    phones: tuple[str, ...]


def terms_for(data: dict[str, list[dict[str, Any]]], region: str) -> Terms:
    """Searchable values of names, nicknames, email addresses, phone numbers, organizations."""
    values: list[str] = []
    for name in data.get("names", []):
        values += display_names(name)  # "Quixote, Zebulon" matches "quixote zeb"
        values += [name.get(k, "") for k in ("givenName", "familyName", "unstructuredName")]
    values += [n.get("value", "") for n in data.get("nicknames", [])]
    for email in data.get("emailAddresses", []):
        value = email.get("value", "")
        values += [value, value.replace("@", " @ ").replace(".", " ")]
    for org in data.get("organizations", []):
        values += [org.get(k, "") for k in ("name", "title", "department")]
    phones: list[str] = []
    for phone in data.get("phoneNumbers", []):
        value = phone.get("value", "")
        values.append(value)  # as written: "915 550" finds "+34 915 550 123"
        phones.append(re.sub(r"\D", "", value))
        canonical = canonical_phone(value, region)
        if canonical:
            phones.append(canonical[1:])
    phrases = {tuple(_words(v)) for v in values if v}
    whole = {(fold(v).strip(),) for v in values if v and " " not in v.strip()}
    return Terms(tuple(phrases | whole), tuple(p for p in phones if p))


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def matches(terms: Terms, query: str) -> bool:
    words = _words(query)
    folded = fold(query).strip()
    digits = re.sub(r"\D", "", query) if _PHONE_QUERY.match(query) else ""
    if digits and any(phone.startswith(digits) for phone in terms.phones):
        return True
    if not words:
        return False
    single = (folded,) if " " not in folded else None
    for phrase in terms.phrases:
        if single and len(phrase) == 1 and phrase[0].startswith(single[0]):
            return True
        if _phrase_prefix(phrase, words):
            return True
    return False


def _phrase_prefix(phrase: tuple[str, ...], words: list[str]) -> bool:
    last = len(words) - 1
    for start in range(len(phrase) - last):
        if phrase[start + last].startswith(words[last]) and all(
            phrase[start + i] == words[i] for i in range(last)
        ):
            return True
    return False
