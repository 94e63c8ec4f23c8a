"""What the sign-in screen says: why a sign-in is needed, each step's guidance, and the ways
forward after each kind of problem. Account names are untrusted text and go through `literal`."""

from __future__ import annotations

from enum import Enum
from typing import Final

from textual.content import Content

from peopletui.services.sign_in import SignInProblem, SignInProblemKind
from peopletui.ui.text import literal

README_SECTION: Final = "“Signing in with Google”"


class SignInReason(Enum):
    NOT_SIGNED_IN = "not-signed-in"
    """No sign-in is saved (the first start, or an account never signed in here)."""
    REFUSED = "refused"
    """Google refused the saved sign-in (expired or revoked); writes wait for a new one."""


def reason_text(account: str | None, reason: SignInReason, detail: str = "") -> Content:
    if reason is SignInReason.REFUSED and account:
        text = Content.assemble(
            "Google refused the saved sign-in for ",
            literal(account, one_line=True),
            " (it may have expired after 7 days in Testing mode); your unsaved edits are kept "
            "and will be sent after you sign in.",
        )
    elif account:
        text = Content.assemble(
            literal(account, one_line=True),
            " is not signed in on this computer yet. Sign in to see and change its contacts.",
        )
    else:
        text = Content(
            "No Google account is signed in yet. Sign in to see and change your contacts."
        )
    if detail:
        text = Content.assemble(text, "\n", Content.styled("Details: ", "italic"), literal(detail))
    return text


def browser_opened_text(opened: bool) -> str:
    if opened:
        return "Your browser is open on Google's sign-in page: approve the access there."
    return "No browser could be opened here: open the address below in any browser."


def waiting_text(redirect_uri: str, *, paste: bool) -> str:
    if paste:
        return (
            "Open the address below in any browser and approve the access. The browser then "
            f"goes to an address starting with {redirect_uri} that does not load, which is "
            "expected: copy that whole address from the address bar, paste it in the box below "
            "and press enter."
        )
    return "Waiting for the browser… this screen carries on by itself once you approve."


def method_hint(paste: bool) -> str:
    if paste:
        return "Press b to open a browser on this computer instead."
    return "Browser on another machine (over SSH)? Press p to paste the address back instead."


_NEXT_STEPS: Final = {
    SignInProblemKind.KEYRING: (
        "Press r to try again once the keyring is unlocked, or q to quit and start peopletui "
        "again with --token-store file."
    ),
    SignInProblemKind.CLIENT_SECRETS: (
        "peopletui signs in with your own OAuth client: a “Desktop app” client from Google Cloud "
        f"Console. The README section {README_SECTION} shows how to make one in about five "
        "minutes. Save its JSON as client_secret.json in peopletui's config folder (or start "
        "peopletui with --client-secrets FILE), then press r to try again, or q to quit."
    ),
    SignInProblemKind.UNREACHABLE: "Press r to try again, or q to quit.",
    SignInProblemKind.FAILED: (
        "Press r to sign in again. If Google keeps refusing, check that the account is a test "
        f"user of your OAuth app (README, {README_SECTION})."
    ),
}


def problem_text(problem: SignInProblem) -> Content:
    """The problem's summary, its explanation, and what to do next."""
    # Summaries can hold file paths and Google's error text: shown as written.
    parts = [literal(problem.summary, style="bold")]
    if problem.explanation:
        parts.append(literal(problem.explanation))
    parts.append(Content(_NEXT_STEPS[problem.kind]))
    return Content("\n\n").join(parts)


UNEXPECTED_PROBLEM: Final = SignInProblem(
    SignInProblemKind.FAILED,
    "The sign-in stopped unexpectedly.",
    "Nothing was saved. The log file has the details.",
)
