"""Text folding for search and sorting: case-, accent- and width-insensitive, one rule for both
the index and the query so that whatever the user types meets the stored text halfway."""

from __future__ import annotations

import re
import unicodedata

# Diacritics a user types without (Latin/Greek/Cyrillic accents, Arabic harakat, Hebrew points).
# Kana voicing marks and Indic vowel signs are kept on purpose: there they change the word.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# Letters that are not "letter + accent" in Unicode, so NFKD leaves them alone, yet a user
# typing on a plain keyboard writes them as these ASCII spellings.
_LETTERS = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "ŧ": "t",
    "ƶ": "z",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ĸ": "k",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
}
# A regex finds them (in C) far faster than str.translate walks every character.
_LETTER = re.compile("[" + "".join(_LETTERS) + "]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_NON_DIGITS = re.compile(r"\D+", re.ASCII)
_PHONE_WORD = re.compile(r"[0-9+\-().\s/]*[0-9][0-9+\-().\s/]*", re.ASCII)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text; `fold("  Zoë  MÜLLER ")` is "zoe muller".

    Control characters and runs of whitespace become single spaces, so folded text never
    holds a newline: the search index puts those between fields."""
    text = _CONTROL.sub(" ", text)
    if text.isascii():
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFKD", text).casefold()
    # Recompose what the marks did not cover (Hangul syllables, voiced kana) to keep it short.
    return " ".join(unicodedata.normalize("NFC", _strip_accents(folded)).split())


def _strip_accents(decomposed: str) -> str:
    stripped = _MARKS.sub("", decomposed)
    return _LETTER.sub(lambda letter: _LETTERS[letter.group()], stripped)


def fold_many(texts: list[str]) -> list[str]:
    """`[fold(text) for text in texts]`, with the Unicode work done once for the lot."""
    joined = _CONTROL_BUT_NEWLINE.sub(" ", "\n".join(texts))
    if joined.count("\n") != len(texts) - 1:  # a text held a newline of its own
        return [fold(text) for text in texts]
    if joined.isascii():
        joined = joined.lower()
    else:
        joined = unicodedata.normalize("NFKD", joined).casefold()
        joined = unicodedata.normalize("NFC", _strip_accents(joined))
    return [" ".join(line.split()) for line in joined.split("\n")]


def digits_only(text: str) -> str:
    return _NON_DIGITS.sub("", text)


def is_phone_like(word: str) -> bool:
    """A query word that reads as (part of) a phone number: digits with phone punctuation."""
    return _PHONE_WORD.fullmatch(word) is not None


# ITU-T E.164 country calling codes are prefix-free: 1 and 7 are the one-digit codes, these
# are the two-digit ones, every other code has three digits.
_TWO_DIGIT_CODE = re.compile(r"2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]")
# The trunk prefix dialled before a national number at home is "0" in most countries and "8"
# in Russia and Kazakhstan. There is none in North America (people dial the "1" or nothing),
# nor where numbers are always dialled whole (Italy keeps its leading 0 inside +39).
_NO_TRUNK_PREFIX = re.compile(r"1|3[049]|4[57]|35[124-7]|37[126-9]")


def _country_code(e164: str) -> str:
    if e164[0] in "17":
        return e164[0]
    return e164[:2] if _TWO_DIGIT_CODE.fullmatch(e164[:2]) else e164[:3]


def phone_digit_forms(value: str, canonical: str | None = None) -> list[str]:
    """The digit strings a phone number is found by: as written, and for an international
    number also as dialled at home ("+31 6 1234" -> "3161234", "061234")."""
    forms: list[str] = []
    written = digits_only(value)
    if written:
        forms.append(written)
    international = canonical or (value if value.lstrip().startswith("+") else "")
    e164 = digits_only(international)
    if e164:
        if e164 not in forms:
            forms.append(e164)
        code = _country_code(e164)
        if not _NO_TRUNK_PREFIX.fullmatch(code) and len(e164) > len(code):
            national = ("8" if code == "7" else "0") + e164[len(code) :]
            if national not in forms:
                forms.append(national)
    return forms
