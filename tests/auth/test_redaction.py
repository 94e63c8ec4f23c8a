"""The logging filter that keeps credentials out of the app's log file."""

from __future__ import annotations

import io
import logging

import pytest

from peopletui.auth import TokenRedactingFilter, install_redaction, redact

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIn0.c2lnbmF0dXJl"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer abcdefghijklmnop", "abcdefghijklmnop"),
        ("headers={'authorization': 'Bearer ya29.a0AfB_byC'}", "a0AfB_byC"),
        ("Headers({'Authorization': '[secure]xyz123456'})", "xyz123456"),
        ('{"access_token": "ya29.zzz", "expires_in": 3599}', "ya29.zzz"),
        ('{"refresh_token":"1//0gAbCdEf"}', "1//0gAbCdEf"),
        ("grant_type=refresh_token&refresh_token=1%2F%2F0gX&client_secret=GOCSPX-a", "1%2F%2F0gX"),
        ("client_secret=GOCSPX-abc123&x=1", "GOCSPX-abc123"),
        ("GET /?state=s&code=4/0AX4XfWh-secret&scope=email", "4/0AX4XfWh-secret"),
        ('{"code": "4/0Adeu5BW-secret"}', "4/0Adeu5BW-secret"),
        ("token=ya29.revoke-me", "ya29.revoke-me"),
        ("stray ya29.a0Af-loose-token in text", "ya29.a0Af-loose-token"),
        ("stray 1//03-loose-refresh in text", "1//03-loose-refresh"),
        (f"id_token {JWT}", JWT),
        ("code_verifier=abcDEF123-._~", "abcDEF123"),
    ],
)
def test_credentials_are_blanked(text: str, secret: str) -> None:
    redacted = redact(text)
    assert secret not in redacted
    assert "[REDACTED]" in redacted


def test_ordinary_text_and_status_codes_stay_readable() -> None:
    text = 'HTTP Request: GET https://people.googleapis.com/v1/people/me "HTTP/1.1 401" code: 401'
    assert redact(text) == text
    assert redact('{"error": {"code": 401, "status": "UNAUTHENTICATED"}}').count("401") == 1


def record_through_filter(logger_name: str, emit: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    install_redaction(handler)
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        emit(logger)  # type: ignore[operator]
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_arguments_are_merged_before_redaction() -> None:
    output = record_through_filter(
        "test.redact.args",
        lambda log: log.info("sending %s with %r", "Bearer ya29.secret-arg", {"token": "1//x"}),
    )
    assert "ya29.secret-arg" not in output and "1//x" not in output
    assert output.startswith("INFO sending Bearer [REDACTED]")


def test_tracebacks_are_redacted() -> None:
    def emit(log: logging.Logger) -> None:
        try:
            raise RuntimeError("refresh failed for refresh_token=1//in-traceback")
        except RuntimeError:
            log.exception("refresh crashed")

    output = record_through_filter("test.redact.exc", emit)
    assert "Traceback" in output and "RuntimeError" in output
    assert "1//in-traceback" not in output


def test_the_filter_never_drops_a_record() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "broken %d", ("x",), None)
    assert TokenRedactingFilter().filter(record)
    assert "broken" in record.getMessage()
