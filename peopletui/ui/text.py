"""Untrusted text made safe to show: no escape sequences, no control or bidi characters, no markup.

Every string that comes from the server or a file (names, emails, notes, a photo's file name) goes
through here before it reaches a widget. `clean` removes what could drive or spoof the terminal,
`single_line` also flattens line breaks for one-line places such as list rows, `truncate` caps how
much text is laid out, and `literal` wraps the result in a `Content` that is never parsed as markup,
so "[bold]Eve[/]" or "[@click=app.quit]x[/]" are shown as typed and never become styles or actions.
"""

from __future__ import annotations

import re
from typing import Final

from textual.content import Content
from textual.style import Style

# Longest text laid out by default. Far more than a screen shows, small enough that wrapping and
# measuring stay well under a frame even for a 10,000-character note.
DEFAULT_MAX_CHARS: Final = 2_000

ELLIPSIS: Final = "…"

# Whole escape sequences, so that "\x1b[31mred" becomes "red" rather than "[31mred":
# - CSI (ESC [ or its 8-bit form) with its parameters and final byte;
# - string sequences (OSC, DCS, SOS, PM, APC) up to their terminator (BEL or ST). A terminal
#   swallows an unterminated 7-bit one up to the end of the data, and so does this pattern. The
#   8-bit introducers are also what CP1252 text read as Latin-1 turns "ž" or "Ÿ" into, so without
#   a terminator only the introducer itself goes (with the other C1 controls, below);
# - every other ESC sequence (ESC, intermediate bytes, one final byte), such as ESC ( B or ESC c.
_ESCAPE_SEQUENCE: Final = re.compile(
    r"""
    (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?
  | \x1b[\]PX^_] .*? (?:\x07|\x1b\\|\x9c|\Z)
  | [\x90\x98\x9d\x9e\x9f] [^\x07\x1b\x9c]*? (?:\x07|\x1b\\|\x9c)
  | \x1b [\x20-\x2f]* [\x30-\x7e]?
    """,
    re.VERBOSE | re.DOTALL,
)

# Every way of breaking a line becomes "\n": CR LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR.
_LINE_BREAK: Final = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")

# Characters dropped from the text:
# - C0 controls except TAB and LF, DEL, and the C1 controls (U+0080–U+009F);
# - Unicode format characters (category Cf): bidi embeddings, overrides, isolates and marks
#   (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that reorder what the terminal shows
#   around them, invisible spaces and joiners (U+200B, U+2060–U+2064, U+FEFF), the soft hyphen,
#   interlinear annotations, tag characters (U+E0000 block, used to smuggle invisible text), and
#   the remaining script-specific format controls. ZWNJ and ZWJ (U+200C, U+200D) stay: Persian and
#   Indic names need them to be spelt right, and emoji sequences are built with them.
_DROPPED: Final = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    "]"
)

# A lone surrogate (JSON allows "\ud800") cannot be encoded for the terminal: writing it would
# raise, so it is shown as the replacement character instead.
_SURROGATE: Final = re.compile("[\ud800-\udfff]")

_FLATTEN: Final = str.maketrans({"\n": " ", "\t": " "})


def clean(text: str) -> str:
    """Remove escape sequences, control and format characters; keep newlines and tabs.

    Line breaks of every kind become "\\n", so a multi-line note keeps its shape.
    """
    # Nearly every name and email is printable already; skip the regexes for them.
    if text.isprintable():
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LINE_BREAK.sub("\n", text)
    text = _DROPPED.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def single_line(text: str) -> str:
    """`clean`, then turn newlines and tabs into spaces, for places that show one line."""
    return clean(text).translate(_FLATTEN)


def truncate(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Cut `text` to at most `max_chars` characters, ending with an ellipsis when cut."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    if len(text) <= max_chars:
        return text
    return text[: max_chars - 1] + ELLIPSIS


def literal(
    text: str,
    *,
    style: Style | str = "",
    max_chars: int = DEFAULT_MAX_CHARS,
    one_line: bool = False,
) -> Content:
    """A `Content` showing `text` exactly as written: cleaned, capped, and never parsed as markup.

    Args:
        text: Untrusted text.
        style: A style for the whole text (a style from our code, never from the data).
        max_chars: The most characters laid out; longer text ends with an ellipsis.
        one_line: Flatten newlines and tabs into spaces.
    """
    safe = single_line(text) if one_line else clean(text)
    safe = truncate(safe, max_chars)
    # Content(...) takes the string as plain text; Content.from_markup would interpret "[...]".
    if style:
        return Content.styled(safe, style)
    return Content(safe)
