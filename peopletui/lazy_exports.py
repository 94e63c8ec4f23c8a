"""Lazy package exports: a package's public names, each imported from its submodule the first
time it is asked for (PEP 562). `peopletui.api` and `peopletui.auth` use it so that importing
one light submodule (the API errors, the token redaction) does not pull in httpx, pydantic or
keyring through the package's other names before the app's first paint."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], submodule_of: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's `__getattr__` and `__dir__`: `submodule_of` maps each public name to the
    submodule (relative to `package`) that defines it; a name once imported is kept in
    `namespace` (the package's globals) so the next use is a plain lookup."""

    def __getattr__(name: str) -> Any:
        submodule = submodule_of.get(name)
        if submodule is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{submodule}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *submodule_of])

    return __getattr__, __dir__
