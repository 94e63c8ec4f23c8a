"""Contact text made safe for one line of plain output (`peopletui query`, read by mail clients
and terminals): no escape sequences, no control, format or bidi characters, no tabs or line
breaks (they separate the columns and lines of the output), no lone surrogates.

The same rules as the UI's `peopletui.ui.text.clean`, restated here without Textual so that the
cache and the query command can use them; stdlib only, and cheap for the common case of text
that is printable already.
"""

from __future__ import annotations

import re

# Whole escape sequences, so that "\x1b[31mred" becomes "red" rather than "[31mred": CSI (7- or
# 8-bit) with its parameters, string sequences (OSC, DCS, SOS, PM, APC) up to their terminator,
# and any other ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?
  | \x1b[\]PX^_] .*? (?:\x07|\x1b\\|\x9c|\Z)
  | [\x90\x98\x9d\x9e\x9f] [^\x07\x1b\x9c]*? (?:\x07|\x1b\\|\x9c)
  | \x1b [\x20-\x2f]* [\x30-\x7e]?
    """,
    re.VERBOSE | re.DOTALL,
)
# Format characters (Unicode category Cf) that reorder or hide text: bidi embeddings, overrides,
# isolates and marks, invisible spaces, the soft hyphen, tag characters. ZWNJ and ZWJ stay:
# Persian and Indic names and emoji sequences need them.
_DROPPED = re.compile(
    "["
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    "]"
)
# Every other control character, and every kind of whitespace or line break, becomes one space.
_BLANK_RUN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def one_line(text: str) -> str:
    """`text` as one safe line: what could drive or spoof a terminal is removed, whitespace
    runs (tabs and newlines included) become single spaces, and the ends are trimmed."""
    if text.isprintable():  # nearly every name and email: no regex needed
        return text.strip()
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _DROPPED.sub("", text)
    text = _BLANK_RUN.sub(" ", text)
    return _SURROGATE.sub("\ufffd", text).strip()
