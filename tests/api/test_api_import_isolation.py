"""Importing the API client never drags in the UI toolkit."""

from __future__ import annotations

import subprocess
import sys


def test_importing_peopletui_api_does_not_import_textual() -> None:
    code = (
        "import sys, peopletui.api, peopletui.api.batches, peopletui.api.codegen; "
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
