"""Choose the keyring backend, and refuse the ones that would not really protect a token.

`keyring` quietly falls back to backends that keep secrets in a plain or weakly encrypted file
(``keyrings.alt``), to a null backend, or to one that fails every call. None of them is chosen
silently here: the user gets a `KeyringProblem` that names the ways forward, one of which is the
explicit ``--token-store file`` opt-in.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from .errors import KeyringProblem

# Backends below this priority are keyring's own fallbacks: plaintext/"encrypted" files (0.5–0.6
# in keyrings.alt), null (-1), fail (0). Every real OS keyring ranks at least 1.
MINIMUM_PRIORITY = 1.0
WEAK_MODULE_PREFIXES = ("keyrings.alt",)

WAYS_FORWARD = (
    "Ways forward:\n"
    "  • Install and start a Secret Service provider — GNOME Keyring (package gnome-keyring) or "
    "KeePassXC with its Secret Service integration turned on — and unlock it, then try again. "
    "(On macOS and Windows the system keychain is used by itself.)\n"
    "  • Or keep the tokens in a file instead, by adding --token-store file. The file is readable "
    "only by you but not encrypted: anyone who can read your files can use your contacts."
)


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def choose_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The backend to keep tokens in: ``backend`` or keyring's choice, if it is a safe one.

    A chainer is unwrapped to the backend it would write to (its highest-priority one), so that
    the check below sees the real thing.
    """
    chosen = backend if backend is not None else keyring.get_keyring()
    if isinstance(chosen, chainer.ChainerBackend):
        chained = list(chosen.backends)
        if not chained:
            raise _no_backend(backend_name(chosen))
        chosen = chained[0]
    check_backend(chosen)
    return chosen


def check_backend(backend: KeyringBackend) -> None:
    name = backend_name(backend)
    if isinstance(backend, fail.Keyring):
        raise _no_backend(name)
    if isinstance(backend, null.Keyring):
        raise KeyringProblem(
            "The keyring is switched off.",
            f"keyring is set to its null backend ({name}), which forgets every token at once "
            "(set by PYTHON_KEYRING_BACKEND or keyringrc.cfg).\n\n" + WAYS_FORWARD,
        )
    priority = _priority(backend)
    if priority is None:
        raise _no_backend(name)
    if type(backend).__module__.startswith(WEAK_MODULE_PREFIXES) or priority < MINIMUM_PRIORITY:
        raise KeyringProblem(
            "Only a weak keyring backend is available.",
            f"The keyring backend found is {name}, which keeps secrets in a file that is either "
            "plain text or protected by a password kept next to it. peopletui does not put your "
            "Google sign-in there without asking.\n\n" + WAYS_FORWARD,
        )


def _no_backend(name: str) -> KeyringProblem:
    return KeyringProblem(
        "No keyring is available to keep your sign-in.",
        f"keyring found no usable backend ({name}): no Secret Service is running on this "
        "session's D-Bus, or there is no session bus at all (common over SSH and in "
        "containers).\n\n" + WAYS_FORWARD,
    )


def _priority(backend: KeyringBackend) -> float | None:
    try:
        return float(backend.priority)
    except Exception:  # keyring's way of saying "not viable here" (e.g. no D-Bus session)
        return None


def locked_problem(name: str) -> KeyringProblem:
    return KeyringProblem(
        "The keyring is locked.",
        f"The keyring ({name}) is locked and did not unlock. Unlock it — log in to your desktop "
        "session, or open Seahorse or KeePassXC and unlock the collection — then try again.\n\n"
        + WAYS_FORWARD,
    )


def hung_problem(name: str, timeout: float) -> KeyringProblem:
    return KeyringProblem(
        "The keyring did not answer.",
        f"The keyring ({name}) did not answer within {timeout:g} seconds. A Secret Service that "
        "waits for an unlock prompt nobody can see (over SSH, or with the desktop locked) does "
        "this. Unlock it in your desktop session and try again.\n\n" + WAYS_FORWARD,
    )


def failed_problem(name: str, error: Exception) -> KeyringProblem:
    return KeyringProblem(
        "The keyring refused the request.",
        f"The keyring ({name}) answered with an error: {type(error).__name__}: {error}\n\n"
        + WAYS_FORWARD,
    )
