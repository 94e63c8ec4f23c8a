"""One person's searchable text, folded (see `text.fold`) into a few compact strings.

    names   " anna weber"                    each word of the name after a space
    labels  " annaweber@example.org mina"    emails whole, nickname words, after a space
    text    names + labels + "\n0176\n35438016\n017635438016…"   + phones, organizations
    notes   the biographies, apart: they rank last and are usually empty

`" " + word in names` means that the word starts a word of the name, `" " + word in labels`
that it starts an email or a nickname, and `word in text` that it occurs anywhere but in the
notes. Query words never hold whitespace, so the spaces inside phones and
organizations become newlines, and no match can straddle two fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from peopletui.cache.display import Person, fallback_name, person_name
from peopletui.cache.text import fold_many, phone_digit_forms

FIELD = "\n"
# Bump when the folding or the layout changes: caches store haystacks and rebuild them on open
# when theirs were made by another format.
SEARCH_FORMAT = 2
# Long biographies are matched on their beginning: a note of many pages would otherwise cost
# the whole book's memory budget for one contact.
NOTES_LIMIT = 2000

_NAME_KEYS = (
    "displayName",
    "unstructuredName",
    "givenName",
    "middleName",
    "familyName",
    "honorificPrefix",
    "honorificSuffix",
    "phoneticFullName",
    "phoneticGivenName",
    "phoneticMiddleName",
    "phoneticFamilyName",
)
_ORGANIZATION_KEYS = ("name", "title", "department", "phoneticName")
_WORD_PUNCTUATION = str.maketrans({"-": " ", "'": " ", ".": " ", "_": " "})


class Haystack(NamedTuple):
    display: str  # folded display name: the sort key, and what exact/prefix ranks compare
    named: bool  # False when the display name stands in for a missing name
    names: str  # " w1 w2 …": the words of the name
    labels: str  # " e1 n1 …": emails and nickname words
    text: str  # names + labels + phones and organizations
    notes: str


def _values(person: Person, field: str, *keys: str) -> list[str]:
    entries = person.get(field)
    if not entries or not isinstance(entries, list):
        return []
    return [
        value
        for entry in entries
        if isinstance(entry, dict)
        for key in keys
        if isinstance(value := entry.get(key), str) and value
    ]


def _words(folded: Iterable[str]) -> dict[str, None]:
    """Each distinct word once, plus the parts of hyphenated or dotted words, so that "luc"
    starts a word of "Jean-Luc" and "obrien" finds "O'Brien"."""
    words: dict[str, None] = {}
    for word in " ".join(folded).split():
        words[word] = None
        if not word.isalnum():
            parts = word.translate(_WORD_PUNCTUATION).split()
            words.update(dict.fromkeys(parts))
            words["".join(parts)] = None
    words.pop("", None)
    return words


def _phone_digits(person: Person) -> list[str]:
    entries = person.get("phoneNumbers")
    if not entries or not isinstance(entries, list):
        return []
    forms: list[str] = []
    for entry in entries:
        if isinstance(entry, dict) and isinstance(value := entry.get("value"), str) and value:
            canonical = entry.get("canonicalForm")
            forms += phone_digit_forms(value, canonical if isinstance(canonical, str) else None)
    return forms


_SORT_IGNORED = "".join(chr(c) for c in range(0x21, 0x80) if not chr(c).isalnum()) + " "


def build_haystack(person: Person) -> Haystack:
    name = person_name(person)
    names = _values(person, "names", *_NAME_KEYS) if name else []
    emails = _values(person, "emailAddresses", "value")
    nicknames = _values(person, "nicknames", "value")
    others = _values(person, "phoneNumbers", "value")
    others += _values(person, "organizations", *_ORGANIZATION_KEYS)
    others += _values(person, "emailAddresses", "displayName")
    notes = " ".join(_values(person, "biographies", "value"))[: NOTES_LIMIT * 2]
    # One fold for the whole person: the Unicode work is the cost of building the index.
    folded = fold_many([name or fallback_name(person), notes, *names, *emails, *nicknames, *others])
    # Leading punctuation ("[Eve]", "'Ada'", "(Office)") must not sort a contact before the
    # letters; it stays searchable in the name words.
    display, notes = folded[0].lstrip(_SORT_IGNORED) or folded[0], folded[1][:NOTES_LIMIT]
    at = 2 + len(names)
    # Without a name, what stands in for it (an email, a phone) ranks as a name, whole.
    name_words = _words(folded[2:at]) if name else dict.fromkeys(display.split())
    # Emails stay whole (their beginning is what people type); nicknames split into words.
    labels = dict.fromkeys(email.replace(" ", "") for email in folded[at : at + len(emails)])
    at += len(emails)
    labels.update(_words(folded[at : at + len(nicknames)]))
    at += len(nicknames)
    # No query word holds a space, so spaces inside phones and organizations can become
    # newlines: then only a word start in the names or labels follows a space.
    others_text = FIELD.join(folded[at:] + _phone_digits(person)).replace(" ", FIELD)
    name_text = "".join(" " + word for word in name_words)
    label_text = "".join(" " + label for label in labels if label)
    text = name_text + label_text + FIELD + others_text
    return Haystack(display, bool(name), name_text, label_text, text, notes)


def is_tombstone(person: Mapping[str, Any]) -> bool:
    metadata = person.get("metadata")
    return isinstance(metadata, Mapping) and metadata.get("deleted") is True
