"""Importing peopletui.auth stays light: no Textual ever, and google-auth-oauthlib (with
`requests`) only once a sign-in builds its URL."""

from __future__ import annotations

import subprocess
import sys


def test_importing_auth_loads_neither_textual_nor_the_sign_in_libraries() -> None:
    code = (
        "import sys, peopletui.auth, peopletui.auth.cli\n"
        "heavy = ('textual', 'requests', 'google_auth_oauthlib', 'oauthlib')\n"
        "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
