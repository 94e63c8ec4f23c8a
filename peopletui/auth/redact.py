"""A logging filter that blanks out anything that looks like a credential.

Attach it to the app's log file handler (`install_redaction(handler)`): every record is formatted,
scrubbed, and passed on with its arguments already merged, so a token passed as ``%s`` argument or
inside an exception's traceback is caught too.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[REDACTED]"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization headers, however they are printed (header line, dict repr, httpx Headers).
    (
        re.compile(r"(?i)(authorization['\"]?\s*[:=,]\s*['\"]?)(bearer\s+|basic\s+)?[^\s'\",}]+"),
        rf"\1\2{REDACTED}",
    ),
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]{8,}"), rf"\1 {REDACTED}"),
    # Named credentials in JSON, form bodies and query strings.
    (
        re.compile(
            r"(?i)(['\"]?\b(?:access_token|refresh_token|id_token|client_secret|code_verifier|"
            r"token|password)['\"]?\s*[:=]\s*['\"]?)[^\s'\"&,;}]+"
        ),
        rf"\1{REDACTED}",
    ),
    # Authorization codes: only as a query parameter or a quoted JSON string, so that status
    # codes ("code": 401) stay readable.
    (re.compile(r"([?&]code=)[^&\s'\"]+"), rf"\1{REDACTED}"),
    (re.compile(r"(['\"]code['\"]\s*:\s*['\"])[^'\"]+"), rf"\1{REDACTED}"),
    # Google's token shapes, wherever they appear on their own.
    (re.compile(r"\bya29\.[A-Za-z0-9._~+/=-]+"), REDACTED),  # access tokens
    (re.compile(r"\b1//[A-Za-z0-9._~+/=-]+"), REDACTED),  # refresh tokens
    (re.compile(r"\b4/[A-Za-z0-9._~+/=-]{10,}"), REDACTED),  # authorization codes
    (re.compile(r"\bGOCSPX-[A-Za-z0-9._~+/=-]+"), REDACTED),  # client secrets
    (re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"), REDACTED),  # JWTs
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class TokenRedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with credentials replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what there is, scrubbed
            message = f"{record.msg} {record.args}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction(handler: logging.Handler) -> TokenRedactingFilter:
    token_filter = TokenRedactingFilter()
    handler.addFilter(token_filter)
    return token_filter
