"""The base every generated model shares, and the lenient enum annotation.

Kept apart from the generated `models.py` so the generator only writes data classes.
"""

from __future__ import annotations

from typing import Annotated, Any, Self, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, ValidatorFunctionWrapHandler
from pydantic.alias_generators import to_camel
from pydantic.functional_validators import WrapValidator

T = TypeVar("T")


def _keep_unknown_enum_value(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # Google adds enum values over time; a contact carrying a value newer than our discovery
    # document must still load and be written back unchanged, so an unknown string is kept as is.
    try:
        return handler(value)
    except ValidationError:
        if isinstance(value, str):
            return value
        raise


OpenEnum: TypeAlias = Annotated[T, WrapValidator(_keep_unknown_enum_value)]
"""A `Literal` enum for type checkers that still accepts values Google adds later."""


class PeopleModel(BaseModel):
    """Base of every People API model.

    Fields are snake_case in Python and camelCase on the wire. Unknown fields are kept
    (``extra="allow"``) so a person read and written back loses nothing, and schemas are built on
    first use (``defer_build``) so importing the 72 models stays fast.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        serialize_by_alias=True,
        extra="allow",
        defer_build=True,
    )

    def to_api(self) -> dict[str, Any]:
        """The JSON object Google expects: camelCase keys, only the fields that were set."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    @classmethod
    def from_api(cls, data: Any) -> Self:
        """Parse a JSON object as Google sends it."""
        return cls.model_validate(data)
