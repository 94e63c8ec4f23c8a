"""Paths, masks and query parameters as Google's generated clients write them."""

from __future__ import annotations

import pytest

from peopletui.api.params import ALL_PERSON_FIELDS, Query, include_field_mask, mask, person_path


def test_resource_names_expand_like_googles_reserved_template() -> None:
    assert person_path("people/c123", ":updateContact") == "/v1/people/c123:updateContact"
    assert person_path("people/me") == "/v1/people/me"
    assert person_path("people/me", "/connections") == "/v1/people/me/connections"
    # Characters outside the reserved set are percent-encoded, as uritemplate does.
    assert person_path("people/c 1") == "/v1/people/c%201"


@pytest.mark.parametrize("name", ["c123", "people/", "people/c1/x", "contactGroups/1", ""])
def test_malformed_resource_names_are_refused_before_sending(name: str) -> None:
    with pytest.raises(ValueError, match="people/<id>"):
        person_path(name)


def test_masks_are_sorted_comma_separated_field_names() -> None:
    assert mask({"phoneNumbers", "names", "emailAddresses"}) == "emailAddresses,names,phoneNumbers"
    assert mask(name for name in ["names", "names"]) == "names"
    assert include_field_mask(["photos", "names"]) == "person.names,person.photos"
    assert len(mask(ALL_PERSON_FIELDS).split(",")) == 29


def test_a_string_is_refused_as_a_mask() -> None:
    with pytest.raises(TypeError):
        mask("names")
    with pytest.raises(TypeError):
        Query().repeated("sources", "READ_SOURCE_TYPE_CONTACT")


def test_query_skips_unset_arguments_and_repeats_list_keys() -> None:
    query = (
        Query()
        .text("pageToken", None)
        .number("pageSize", 0)
        .flag("requestSyncToken", False)
        .repeated("sources", ["READ_SOURCE_TYPE_CONTACT", "READ_SOURCE_TYPE_PROFILE"])
        .mask("personFields", None)
    )
    assert query.items == [
        ("pageSize", "0"),
        ("requestSyncToken", "false"),
        ("sources", "READ_SOURCE_TYPE_CONTACT"),
        ("sources", "READ_SOURCE_TYPE_PROFILE"),
    ]
