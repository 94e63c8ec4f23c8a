"""People API v1 models, generated from the discovery document (revision 20251117).

Do not edit: run `python -m peopletui.api.codegen tests/reference/people.v1.discovery.json`.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from ._base import OpenEnum, PeopleModel

AgeRange: TypeAlias = Literal[
    "AGE_RANGE_UNSPECIFIED",
    "LESS_THAN_EIGHTEEN",
    "EIGHTEEN_TO_TWENTY",
    "TWENTY_ONE_OR_OLDER",
]

ContentType: TypeAlias = Literal["CONTENT_TYPE_UNSPECIFIED", "TEXT_PLAIN", "TEXT_HTML"]

DirectoryMergeSourceType: TypeAlias = Literal[
    "DIRECTORY_MERGE_SOURCE_TYPE_UNSPECIFIED",
    "DIRECTORY_MERGE_SOURCE_TYPE_CONTACT",
]

DirectorySourceType: TypeAlias = Literal[
    "DIRECTORY_SOURCE_TYPE_UNSPECIFIED",
    "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT",
    "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE",
]

GroupType: TypeAlias = Literal[
    "GROUP_TYPE_UNSPECIFIED",
    "USER_CONTACT_GROUP",
    "SYSTEM_CONTACT_GROUP",
]

MiscKeywordType: TypeAlias = Literal[
    "TYPE_UNSPECIFIED",
    "OUTLOOK_BILLING_INFORMATION",
    "OUTLOOK_DIRECTORY_SERVER",
    "OUTLOOK_KEYWORD",
    "OUTLOOK_MILEAGE",
    "OUTLOOK_PRIORITY",
    "OUTLOOK_SENSITIVITY",
    "OUTLOOK_SUBJECT",
    "OUTLOOK_USER",
    "HOME",
    "WORK",
    "OTHER",
]

NicknameType: TypeAlias = Literal[
    "DEFAULT",
    "MAIDEN_NAME",
    "INITIALS",
    "GPLUS",
    "OTHER_NAME",
    "ALTERNATE_NAME",
    "SHORT_NAME",
]

ObjectType: TypeAlias = Literal["OBJECT_TYPE_UNSPECIFIED", "PERSON", "PAGE"]

ProfileMetadataUserType: TypeAlias = Literal[
    "USER_TYPE_UNKNOWN",
    "GOOGLE_USER",
    "GPLUS_USER",
    "GOOGLE_APPS_USER",
]

ReadSourceType: TypeAlias = Literal[
    "READ_SOURCE_TYPE_UNSPECIFIED",
    "READ_SOURCE_TYPE_PROFILE",
    "READ_SOURCE_TYPE_CONTACT",
    "READ_SOURCE_TYPE_DOMAIN_CONTACT",
    "READ_SOURCE_TYPE_OTHER_CONTACT",
]

SortOrder: TypeAlias = Literal[
    "LAST_MODIFIED_ASCENDING",
    "LAST_MODIFIED_DESCENDING",
    "FIRST_NAME_ASCENDING",
    "LAST_NAME_ASCENDING",
]

SourceType: TypeAlias = Literal[
    "SOURCE_TYPE_UNSPECIFIED",
    "ACCOUNT",
    "PROFILE",
    "DOMAIN_PROFILE",
    "CONTACT",
    "OTHER_CONTACT",
    "DOMAIN_CONTACT",
]

PersonField: TypeAlias = Literal[
    "addresses",
    "ageRanges",
    "biographies",
    "birthdays",
    "calendarUrls",
    "clientData",
    "coverPhotos",
    "emailAddresses",
    "events",
    "externalIds",
    "genders",
    "imClients",
    "interests",
    "locales",
    "locations",
    "memberships",
    "metadata",
    "miscKeywords",
    "names",
    "nicknames",
    "occupations",
    "organizations",
    "phoneNumbers",
    "photos",
    "relations",
    "sipAddresses",
    "skills",
    "urls",
    "userDefined",
]
"""A field name for `personFields` and `readMask`."""

UpdatePersonField: TypeAlias = Literal[
    "addresses",
    "biographies",
    "birthdays",
    "calendarUrls",
    "clientData",
    "emailAddresses",
    "events",
    "externalIds",
    "genders",
    "imClients",
    "interests",
    "locales",
    "locations",
    "memberships",
    "miscKeywords",
    "names",
    "nicknames",
    "occupations",
    "organizations",
    "phoneNumbers",
    "relations",
    "sipAddresses",
    "urls",
    "userDefined",
]
"""A field name for the `updatePersonFields` mask of updateContact."""


class Address(PeopleModel):
    """A person's physical address. May be a P.O. box or street address. All fields are optional."""

    city: str | None = None
    """The city of the address."""

    country: str | None = None
    """The country of the address."""

    country_code: str | None = None
    """The [ISO 3166-1 alpha-2](http://www.iso.org/iso/country_codes.htm) country code of the
    address.
    """

    extended_address: str | None = None
    """The extended address of the address; for example, the apartment number."""

    formatted_type: str | None = None
    """Output only. The type of the address translated and formatted in the viewer's account locale
    or the `Accept-Language` HTTP header locale.
    """

    formatted_value: str | None = None
    """The unstructured value of the address. If this is not set by the user it will be
    automatically constructed from structured values.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the address."""

    po_box: str | None = None
    """The P.O. box of the address."""

    postal_code: str | None = None
    """The postal code of the address."""

    region: str | None = None
    """The region of the address; for example, the state or province."""

    street_address: str | None = None
    """The street address."""

    type: str | None = None
    """The type of the address. The type can be custom or one of these predefined values: * `home` *
    `work` * `other`
    """


class AgeRangeType(PeopleModel):
    """A person's age range."""

    age_range: OpenEnum[AgeRange] | None = None
    """The age range."""

    metadata: FieldMetadata | None = None
    """Metadata about the age range."""


class BatchCreateContactsRequest(PeopleModel):
    """A request to create a batch of contacts."""

    contacts: list[ContactToCreate] | None = None
    """Required. The contact to create. Allows up to 200 contacts in a single request."""

    read_mask: str | None = None
    """Required. A field mask to restrict which fields on each person are returned in the response.
    Multiple fields can be specified by separating them with commas. If read mask is left empty, the
    post-mutate-get is skipped and no data will be returned in the response.
    """

    sources: list[OpenEnum[ReadSourceType]] | None = None
    """Optional. A mask of what source types to return in the post mutate read. Defaults to
    READ_SOURCE_TYPE_CONTACT and READ_SOURCE_TYPE_PROFILE if not set.
    """


class BatchCreateContactsResponse(PeopleModel):
    """If not successful, returns BatchCreateContactsErrorDetails which contains a list of errors
    for each invalid contact. The response to a request to create a batch of contacts.
    """

    created_people: list[PersonResponse] | None = None
    """The contacts that were created, unless the request `read_mask` is empty."""


class BatchDeleteContactsRequest(PeopleModel):
    """A request to delete a batch of existing contacts."""

    resource_names: list[str] | None = None
    """Required. The resource names of the contact to delete. It's repeatable. Allows up to 500
    resource names in a single request.
    """


class BatchGetContactGroupsResponse(PeopleModel):
    """The response to a batch get contact groups request."""

    responses: list[ContactGroupResponse] | None = None
    """The list of responses for each requested contact group resource."""


class BatchUpdateContactsRequest(PeopleModel):
    """A request to update a batch of contacts."""

    contacts: dict[str, Person] | None = None
    """Required. A map of resource names to the person data to be updated. Allows up to 200 contacts
    in a single request.
    """

    read_mask: str | None = None
    """Required. A field mask to restrict which fields on each person are returned. Multiple fields
    can be specified by separating them with commas. If read mask is left empty, the post-mutate-get
    is skipped and no data will be returned in the response.
    """

    sources: list[OpenEnum[ReadSourceType]] | None = None
    """Optional. A mask of what source types to return. Defaults to READ_SOURCE_TYPE_CONTACT and
    READ_SOURCE_TYPE_PROFILE if not set.
    """

    update_mask: str | None = None
    """Required. A field mask to restrict which fields on the person are updated. Multiple fields
    can be specified by separating them with commas. All specified fields will be replaced, or
    cleared if left empty for each person.
    """


class BatchUpdateContactsResponse(PeopleModel):
    """If not successful, returns BatchUpdateContactsErrorDetails, a list of errors corresponding to
    each contact. The response to a request to update a batch of contacts.
    """

    update_result: dict[str, PersonResponse] | None = None
    """A map of resource names to the contacts that were updated, unless the request `read_mask` is
    empty.
    """


class Biography(PeopleModel):
    """A person's short biography."""

    content_type: OpenEnum[ContentType] | None = None
    """The content type of the biography."""

    metadata: FieldMetadata | None = None
    """Metadata about the biography."""

    value: str | None = None
    """The short biography."""


class Birthday(PeopleModel):
    """A person's birthday. At least one of the `date` and `text` fields are specified. The `date`
    and `text` fields typically represent the same date, but are not guaranteed to. Clients should
    always set the `date` field when mutating birthdays.
    """

    date: Date | None = None
    """The structured date of the birthday."""

    metadata: FieldMetadata | None = None
    """Metadata about the birthday."""

    text: str | None = None
    """Prefer to use the `date` field if set. A free-form string representing the user's birthday.
    This value is not validated.
    """


class BraggingRights(PeopleModel):
    """**DEPRECATED**: No data will be returned A person's bragging rights."""

    metadata: FieldMetadata | None = None
    """Metadata about the bragging rights."""

    value: str | None = None
    """The bragging rights; for example, `climbed mount everest`."""


class CalendarUrl(PeopleModel):
    """A person's calendar URL."""

    formatted_type: str | None = None
    """Output only. The type of the calendar URL translated and formatted in the viewer's account
    locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the calendar URL."""

    type: str | None = None
    """The type of the calendar URL. The type can be custom or one of these predefined values: *
    `home` * `freeBusy` * `work`
    """

    url: str | None = None
    """The calendar URL."""


class ClientData(PeopleModel):
    """Arbitrary client data that is populated by clients. Duplicate keys and values are allowed."""

    key: str | None = None
    """The client specified key of the client data."""

    metadata: FieldMetadata | None = None
    """Metadata about the client data."""

    value: str | None = None
    """The client specified value of the client data."""


class ContactGroup(PeopleModel):
    """A contact group."""

    client_data: list[GroupClientData] | None = None
    """The group's client data."""

    etag: str | None = None
    """The [HTTP entity tag](https://en.wikipedia.org/wiki/HTTP_ETag) of the resource. Used for web
    cache validation.
    """

    formatted_name: str | None = None
    """Output only. The name translated and formatted in the viewer's account locale or the
    `Accept-Language` HTTP header locale for system groups names. Group names set by the owner are
    the same as name.
    """

    group_type: OpenEnum[GroupType] | None = None
    """Output only. The contact group type."""

    member_count: int | None = None
    """Output only. The total number of contacts in the group irrespective of max members in
    specified in the request.
    """

    member_resource_names: list[str] | None = None
    """Output only. The list of contact person resource names that are members of the contact group.
    The field is only populated for GET requests and will only return as many members as
    `maxMembers` in the get request.
    """

    metadata: ContactGroupMetadata | None = None
    """Output only. Metadata about the contact group."""

    name: str | None = None
    """The contact group name set by the group owner or a system provided name for system groups.
    For [`contactGroups.create`](/people/api/rest/v1/contactGroups/create) or
    [`contactGroups.update`](/people/api/rest/v1/contactGroups/update) the name must be unique to
    the users contact groups. Attempting to create a group with a duplicate name will return a HTTP
    409 error.
    """

    resource_name: str | None = None
    """The resource name for the contact group, assigned by the server. An ASCII string, in the form
    of `contactGroups/{contact_group_id}`.
    """


class ContactGroupMembership(PeopleModel):
    """A Google contact group membership."""

    contact_group_id: str | None = None
    """Output only. The contact group ID for the contact group membership."""

    contact_group_resource_name: str | None = None
    """The resource name for the contact group, assigned by the server. An ASCII string, in the form
    of `contactGroups/{contact_group_id}`. Only contact_group_resource_name can be used for
    modifying memberships. Any contact group membership can be removed, but only user group or
    "myContacts" or "starred" system groups memberships can be added.
    """


class ContactGroupMetadata(PeopleModel):
    """The metadata about a contact group."""

    deleted: bool | None = None
    """Output only. True if the contact group resource has been deleted. Populated only for
    [`ListContactGroups`](/people/api/rest/v1/contactgroups/list) requests that include a sync
    token.
    """

    update_time: str | None = None
    """Output only. The time the group was last updated."""


class ContactGroupResponse(PeopleModel):
    """The response for a specific contact group."""

    contact_group: ContactGroup | None = None
    """The contact group."""

    requested_resource_name: str | None = None
    """The original requested resource name."""

    status: Status | None = None
    """The status of the response."""


class ContactToCreate(PeopleModel):
    """A wrapper that contains the person data to populate a newly created source."""

    contact_person: Person | None = None
    """Required. The person data to populate a newly created source."""


class CopyOtherContactToMyContactsGroupRequest(PeopleModel):
    """A request to copy an "Other contact" to my contacts group."""

    copy_mask: str | None = None
    """Required. A field mask to restrict which fields are copied into the new contact. Valid values
    are: * emailAddresses * names * phoneNumbers
    """

    read_mask: str | None = None
    """Optional. A field mask to restrict which fields on the person are returned. Multiple fields
    can be specified by separating them with commas. Defaults to the copy mask with metadata and
    membership fields if not set.
    """

    sources: list[OpenEnum[ReadSourceType]] | None = None
    """Optional. A mask of what source types to return. Defaults to READ_SOURCE_TYPE_CONTACT and
    READ_SOURCE_TYPE_PROFILE if not set.
    """


class CoverPhoto(PeopleModel):
    """A person's cover photo. A large image shown on the person's profile page that represents who
    they are or what they care about.
    """

    default: bool | None = None
    """True if the cover photo is the default cover photo; false if the cover photo is a
    user-provided cover photo.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the cover photo."""

    url: str | None = None
    """The URL of the cover photo."""


class CreateContactGroupRequest(PeopleModel):
    """A request to create a new contact group."""

    contact_group: ContactGroup | None = None
    """Required. The contact group to create."""

    read_group_fields: str | None = None
    """Optional. A field mask to restrict which fields on the group are returned. Defaults to
    `metadata`, `groupType`, and `name` if not set or set to empty. Valid fields are: * clientData *
    groupType * metadata * name
    """


class Date(PeopleModel):
    """Represents a whole or partial calendar date, such as a birthday. The time of day and time
    zone are either specified elsewhere or are insignificant. The date is relative to the Gregorian
    Calendar. This can represent one of the following: * A full date, with non-zero year, month, and
    day values. * A month and day, with a zero year (for example, an anniversary).
    """

    day: int | None = None
    """Day of a month. Must be from 1 to 31 and valid for the year and month, or 0 to specify a year
    by itself or a year and month where the day isn't significant.
    """

    month: int | None = None
    """Month of a year. Must be from 1 to 12, or 0 to specify a year without a month and day."""

    year: int | None = None
    """Year of the date. Must be from 1 to 9999, or 0 to specify a date without a year."""


class DeleteContactPhotoResponse(PeopleModel):
    """The response for deleting a contact's photo."""

    person: Person | None = None
    """The updated person, if person_fields is set in the DeleteContactPhotoRequest; otherwise this
    will be unset.
    """


class DomainMembership(PeopleModel):
    """A Google Workspace Domain membership."""

    in_viewer_domain: bool | None = None
    """True if the person is in the viewer's Google Workspace domain."""


class EmailAddress(PeopleModel):
    """A person's email address."""

    display_name: str | None = None
    """The display name of the email."""

    formatted_type: str | None = None
    """Output only. The type of the email address translated and formatted in the viewer's account
    locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the email address."""

    type: str | None = None
    """The type of the email address. The type can be custom or one of these predefined values: *
    `home` * `work` * `other`
    """

    value: str | None = None
    """The email address."""


class Empty(PeopleModel):
    """A generic empty message that you can re-use to avoid defining duplicated empty messages in
    your APIs. A typical example is to use it as the request or the response type of an API method.
    For instance: service Foo { rpc Bar(google.protobuf.Empty) returns (google.protobuf.Empty); }
    """


class Event(PeopleModel):
    """An event related to the person."""

    date: Date | None = None
    """The date of the event."""

    formatted_type: str | None = None
    """Output only. The type of the event translated and formatted in the viewer's account locale or
    the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the event."""

    type: str | None = None
    """The type of the event. The type can be custom or one of these predefined values: *
    `anniversary` * `other`
    """


class ExternalId(PeopleModel):
    """An identifier from an external entity related to the person."""

    formatted_type: str | None = None
    """Output only. The type of the event translated and formatted in the viewer's account locale or
    the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the external ID."""

    type: str | None = None
    """The type of the external ID. The type can be custom or one of these predefined values: *
    `account` * `customer` * `loginId` * `network` * `organization`
    """

    value: str | None = None
    """The value of the external ID."""


class FieldMetadata(PeopleModel):
    """Metadata about a field."""

    primary: bool | None = None
    """Output only. True if the field is the primary field for all sources in the person. Each
    person will have at most one field with `primary` set to true.
    """

    source: Source | None = None
    """The source of the field."""

    source_primary: bool | None = None
    """True if the field is the primary field for the source. Each source must have at most one
    field with `source_primary` set to true.
    """

    verified: bool | None = None
    """Output only. True if the field is verified; false if the field is unverified. A verified
    field is typically a name, email address, phone number, or website that has been confirmed to be
    owned by the person.
    """


class FileAs(PeopleModel):
    """The name that should be used to sort the person in a list."""

    metadata: FieldMetadata | None = None
    """Metadata about the file-as."""

    value: str | None = None
    """The file-as value"""


class Gender(PeopleModel):
    """A person's gender."""

    address_me_as: str | None = None
    """Free form text field for pronouns that should be used to address the person. Common values
    are: * `he`/`him` * `she`/`her` * `they`/`them`
    """

    formatted_value: str | None = None
    """Output only. The value of the gender translated and formatted in the viewer's account locale
    or the `Accept-Language` HTTP header locale. Unspecified or custom value are not localized.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the gender."""

    value: str | None = None
    """The gender for the person. The gender can be custom or one of these predefined values: *
    `male` * `female` * `unspecified`
    """


class GetPeopleResponse(PeopleModel):
    """The response to a get request for a list of people by resource name."""

    responses: list[PersonResponse] | None = None
    """The response for each requested resource name."""


class GroupClientData(PeopleModel):
    """Arbitrary client data that is populated by clients. Duplicate keys and values are allowed."""

    key: str | None = None
    """The client specified key of the client data."""

    value: str | None = None
    """The client specified value of the client data."""


class ImClient(PeopleModel):
    """A person's instant messaging client."""

    formatted_protocol: str | None = None
    """Output only. The protocol of the IM client formatted in the viewer's account locale or the
    `Accept-Language` HTTP header locale.
    """

    formatted_type: str | None = None
    """Output only. The type of the IM client translated and formatted in the viewer's account
    locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the IM client."""

    protocol: str | None = None
    """The protocol of the IM client. The protocol can be custom or one of these predefined values:
    * `aim` * `msn` * `yahoo` * `skype` * `qq` * `googleTalk` * `icq` * `jabber` * `netMeeting`
    """

    type: str | None = None
    """The type of the IM client. The type can be custom or one of these predefined values: * `home`
    * `work` * `other`
    """

    username: str | None = None
    """The user name used in the IM client."""


class Interest(PeopleModel):
    """One of the person's interests."""

    metadata: FieldMetadata | None = None
    """Metadata about the interest."""

    value: str | None = None
    """The interest; for example, `stargazing`."""


class ListConnectionsResponse(PeopleModel):
    """The response to a request for the authenticated user's connections."""

    connections: list[Person] | None = None
    """The list of people that the requestor is connected to."""

    next_page_token: str | None = None
    """A token, which can be sent as `page_token` to retrieve the next page. If this field is
    omitted, there are no subsequent pages.
    """

    next_sync_token: str | None = None
    """A token, which can be sent as `sync_token` to retrieve changes since the last request.
    Request must set `request_sync_token` to return the sync token. When the response is paginated,
    only the last page will contain `nextSyncToken`.
    """

    total_items: int | None = None
    """The total number of items in the list without pagination."""

    total_people: int | None = None
    """**DEPRECATED** (Please use totalItems) The total number of people in the list without
    pagination.
    """


class ListContactGroupsResponse(PeopleModel):
    """The response to a list contact groups request."""

    contact_groups: list[ContactGroup] | None = None
    """The list of contact groups. Members of the contact groups are not populated."""

    next_page_token: str | None = None
    """The token that can be used to retrieve the next page of results."""

    next_sync_token: str | None = None
    """The token that can be used to retrieve changes since the last request."""

    total_items: int | None = None
    """The total number of items in the list without pagination."""


class ListDirectoryPeopleResponse(PeopleModel):
    """The response to a request for the authenticated user's domain directory."""

    next_page_token: str | None = None
    """A token, which can be sent as `page_token` to retrieve the next page. If this field is
    omitted, there are no subsequent pages.
    """

    next_sync_token: str | None = None
    """A token, which can be sent as `sync_token` to retrieve changes since the last request.
    Request must set `request_sync_token` to return the sync token.
    """

    people: list[Person] | None = None
    """The list of people in the domain directory."""


class ListOtherContactsResponse(PeopleModel):
    """The response to a request for the authenticated user's "Other contacts"."""

    next_page_token: str | None = None
    """A token, which can be sent as `page_token` to retrieve the next page. If this field is
    omitted, there are no subsequent pages.
    """

    next_sync_token: str | None = None
    """A token, which can be sent as `sync_token` to retrieve changes since the last request.
    Request must set `request_sync_token` to return the sync token.
    """

    other_contacts: list[Person] | None = None
    """The list of "Other contacts" returned as Person resources. "Other contacts" support a limited
    subset of fields. See ListOtherContactsRequest.request_mask for more detailed information.
    """

    total_size: int | None = None
    """The total number of other contacts in the list without pagination."""


class Locale(PeopleModel):
    """A person's locale preference."""

    metadata: FieldMetadata | None = None
    """Metadata about the locale."""

    value: str | None = None
    """The well-formed [IETF BCP 47](https://tools.ietf.org/html/bcp47) language tag representing
    the locale.
    """


class Location(PeopleModel):
    """A person's location."""

    building_id: str | None = None
    """The building identifier."""

    current: bool | None = None
    """Whether the location is the current location."""

    desk_code: str | None = None
    """The individual desk location."""

    floor: str | None = None
    """The floor name or number."""

    floor_section: str | None = None
    """The floor section in `floor_name`."""

    metadata: FieldMetadata | None = None
    """Metadata about the location."""

    type: str | None = None
    """The type of the location. The type can be custom or one of these predefined values: * `desk`
    * `grewUp`
    """

    value: str | None = None
    """The free-form value of the location."""


class Membership(PeopleModel):
    """A person's membership in a group. Only contact group memberships can be modified."""

    contact_group_membership: ContactGroupMembership | None = None
    """The contact group membership."""

    domain_membership: DomainMembership | None = None
    """Output only. The domain membership."""

    metadata: FieldMetadata | None = None
    """Metadata about the membership."""


class MiscKeyword(PeopleModel):
    """A person's miscellaneous keyword."""

    formatted_type: str | None = None
    """Output only. The type of the miscellaneous keyword translated and formatted in the viewer's
    account locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the miscellaneous keyword."""

    type: OpenEnum[MiscKeywordType] | None = None
    """The miscellaneous keyword type."""

    value: str | None = None
    """The value of the miscellaneous keyword."""


class ModifyContactGroupMembersRequest(PeopleModel):
    """A request to modify an existing contact group's members. Contacts can be removed from any
    group but they can only be added to a user group or "myContacts" or "starred" system groups.
    """

    resource_names_to_add: list[str] | None = None
    """Optional. The resource names of the contact people to add in the form of
    `people/{person_id}`. The total number of resource names in `resource_names_to_add` and
    `resource_names_to_remove` must be less than or equal to 1000.
    """

    resource_names_to_remove: list[str] | None = None
    """Optional. The resource names of the contact people to remove in the form of
    `people/{person_id}`. The total number of resource names in `resource_names_to_add` and
    `resource_names_to_remove` must be less than or equal to 1000.
    """


class ModifyContactGroupMembersResponse(PeopleModel):
    """The response to a modify contact group members request."""

    can_not_remove_last_contact_group_resource_names: list[str] | None = None
    """The contact people resource names that cannot be removed from their last contact group."""

    not_found_resource_names: list[str] | None = None
    """The contact people resource names that were not found."""


class Name(PeopleModel):
    """A person's name. If the name is a mononym, the family name is empty."""

    display_name: str | None = None
    """Output only. The display name formatted according to the locale specified by the viewer's
    account or the `Accept-Language` HTTP header.
    """

    display_name_last_first: str | None = None
    """Output only. The display name with the last name first formatted according to the locale
    specified by the viewer's account or the `Accept-Language` HTTP header.
    """

    family_name: str | None = None
    """The family name."""

    given_name: str | None = None
    """The given name."""

    honorific_prefix: str | None = None
    """The honorific prefixes, such as `Mrs.` or `Dr.`"""

    honorific_suffix: str | None = None
    """The honorific suffixes, such as `Jr.`"""

    metadata: FieldMetadata | None = None
    """Metadata about the name."""

    middle_name: str | None = None
    """The middle name(s)."""

    phonetic_family_name: str | None = None
    """The family name spelled as it sounds."""

    phonetic_full_name: str | None = None
    """The full name spelled as it sounds."""

    phonetic_given_name: str | None = None
    """The given name spelled as it sounds."""

    phonetic_honorific_prefix: str | None = None
    """The honorific prefixes spelled as they sound."""

    phonetic_honorific_suffix: str | None = None
    """The honorific suffixes spelled as they sound."""

    phonetic_middle_name: str | None = None
    """The middle name(s) spelled as they sound."""

    unstructured_name: str | None = None
    """The free form name value."""


class Nickname(PeopleModel):
    """A person's nickname."""

    metadata: FieldMetadata | None = None
    """Metadata about the nickname."""

    type: OpenEnum[NicknameType] | None = None
    """The type of the nickname."""

    value: str | None = None
    """The nickname."""


class Occupation(PeopleModel):
    """A person's occupation."""

    metadata: FieldMetadata | None = None
    """Metadata about the occupation."""

    value: str | None = None
    """The occupation; for example, `carpenter`."""


class Organization(PeopleModel):
    """A person's past or current organization. Overlapping date ranges are permitted."""

    cost_center: str | None = None
    """The person's cost center at the organization."""

    current: bool | None = None
    """True if the organization is the person's current organization; false if the organization is a
    past organization.
    """

    department: str | None = None
    """The person's department at the organization."""

    domain: str | None = None
    """The domain name associated with the organization; for example, `google.com`."""

    end_date: Date | None = None
    """The end date when the person left the organization."""

    formatted_type: str | None = None
    """Output only. The type of the organization translated and formatted in the viewer's account
    locale or the `Accept-Language` HTTP header locale.
    """

    full_time_equivalent_millipercent: int | None = None
    """The person's full-time equivalent millipercent within the organization (100000 = 100%)."""

    job_description: str | None = None
    """The person's job description at the organization."""

    location: str | None = None
    """The location of the organization office the person works at."""

    metadata: FieldMetadata | None = None
    """Metadata about the organization."""

    name: str | None = None
    """The name of the organization."""

    phonetic_name: str | None = None
    """The phonetic name of the organization."""

    start_date: Date | None = None
    """The start date when the person joined the organization."""

    symbol: str | None = None
    """The symbol associated with the organization; for example, a stock ticker symbol,
    abbreviation, or acronym.
    """

    title: str | None = None
    """The person's job title at the organization."""

    type: str | None = None
    """The type of the organization. The type can be custom or one of these predefined values: *
    `work` * `school`
    """


class Person(PeopleModel):
    """Information about a person merged from various data sources such as the authenticated user's
    contacts and profile data. Most fields can have multiple items. The items in a field have no
    guaranteed order, but each non-empty field is guaranteed to have exactly one field with
    `metadata.primary` set to true.
    """

    addresses: list[Address] | None = None
    """The person's street addresses."""

    age_range: OpenEnum[AgeRange] | None = None
    """Output only. **DEPRECATED** (Please use `person.ageRanges` instead) The person's age
    range.
    """

    age_ranges: list[AgeRangeType] | None = None
    """Output only. The person's age ranges."""

    biographies: list[Biography] | None = None
    """The person's biographies. This field is a singleton for contact sources."""

    birthdays: list[Birthday] | None = None
    """The person's birthdays. This field is a singleton for contact sources."""

    bragging_rights: list[BraggingRights] | None = None
    """**DEPRECATED**: No data will be returned The person's bragging rights."""

    calendar_urls: list[CalendarUrl] | None = None
    """The person's calendar URLs."""

    client_data: list[ClientData] | None = None
    """The person's client data."""

    cover_photos: list[CoverPhoto] | None = None
    """Output only. The person's cover photos."""

    email_addresses: list[EmailAddress] | None = None
    """The person's email addresses. For `people.connections.list` and `otherContacts.list` the
    number of email addresses is limited to 100. If a Person has more email addresses the entire set
    can be obtained by calling GetPeople.
    """

    etag: str | None = None
    """The [HTTP entity tag](https://en.wikipedia.org/wiki/HTTP_ETag) of the resource. Used for web
    cache validation.
    """

    events: list[Event] | None = None
    """The person's events."""

    external_ids: list[ExternalId] | None = None
    """The person's external IDs."""

    file_ases: list[FileAs] | None = None
    """The person's file-ases."""

    genders: list[Gender] | None = None
    """The person's genders. This field is a singleton for contact sources."""

    im_clients: list[ImClient] | None = None
    """The person's instant messaging clients."""

    interests: list[Interest] | None = None
    """The person's interests."""

    locales: list[Locale] | None = None
    """The person's locale preferences."""

    locations: list[Location] | None = None
    """The person's locations."""

    memberships: list[Membership] | None = None
    """The person's group memberships."""

    metadata: PersonMetadata | None = None
    """Output only. Metadata about the person."""

    misc_keywords: list[MiscKeyword] | None = None
    """The person's miscellaneous keywords."""

    names: list[Name] | None = None
    """The person's names. This field is a singleton for contact sources."""

    nicknames: list[Nickname] | None = None
    """The person's nicknames."""

    occupations: list[Occupation] | None = None
    """The person's occupations."""

    organizations: list[Organization] | None = None
    """The person's past or current organizations."""

    phone_numbers: list[PhoneNumber] | None = None
    """The person's phone numbers. For `people.connections.list` and `otherContacts.list` the number
    of phone numbers is limited to 100. If a Person has more phone numbers the entire set can be
    obtained by calling GetPeople.
    """

    photos: list[Photo] | None = None
    """Output only. The person's photos."""

    relations: list[Relation] | None = None
    """The person's relations."""

    relationship_interests: list[RelationshipInterest] | None = None
    """Output only. **DEPRECATED**: No data will be returned The person's relationship interests."""

    relationship_statuses: list[RelationshipStatus] | None = None
    """Output only. **DEPRECATED**: No data will be returned The person's relationship statuses."""

    residences: list[Residence] | None = None
    """**DEPRECATED**: (Please use `person.locations` instead) The person's residences."""

    resource_name: str | None = None
    """The resource name for the person, assigned by the server. An ASCII string in the form of
    `people/{person_id}`.
    """

    sip_addresses: list[SipAddress] | None = None
    """The person's SIP addresses."""

    skills: list[Skill] | None = None
    """The person's skills."""

    taglines: list[Tagline] | None = None
    """Output only. **DEPRECATED**: No data will be returned The person's taglines."""

    urls: list[Url] | None = None
    """The person's associated URLs."""

    user_defined: list[UserDefined] | None = None
    """The person's user defined data."""


class PersonMetadata(PeopleModel):
    """The metadata about a person."""

    deleted: bool | None = None
    """Output only. True if the person resource has been deleted. Populated only for
    `people.connections.list` and `otherContacts.list` sync requests.
    """

    linked_people_resource_names: list[str] | None = None
    """Output only. Resource names of people linked to this resource."""

    object_type: OpenEnum[ObjectType] | None = None
    """Output only. **DEPRECATED** (Please use `person.metadata.sources.profileMetadata.objectType`
    instead) The type of the person object.
    """

    previous_resource_names: list[str] | None = None
    """Output only. Any former resource names this person has had. Populated only for
    `people.connections.list` requests that include a sync token. The resource name may change when
    adding or removing fields that link a contact and profile such as a verified email, verified
    phone number, or profile URL.
    """

    sources: list[Source] | None = None
    """The sources of data for the person."""


class PersonResponse(PeopleModel):
    """The response for a single person"""

    http_status_code: int | None = None
    """**DEPRECATED** (Please use status instead) [HTTP 1.1 status code]
    (http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html).
    """

    person: Person | None = None
    """The person."""

    requested_resource_name: str | None = None
    """The original requested resource name. May be different than the resource name on the returned
    person. The resource name can change when adding or removing fields that link a contact and
    profile such as a verified email, verified phone number, or a profile URL.
    """

    status: Status | None = None
    """The status of the response."""


class PhoneNumber(PeopleModel):
    """A person's phone number."""

    canonical_form: str | None = None
    """Output only. The canonicalized [ITU-T
    E.164](https://law.resource.org/pub/us/cfr/ibr/004/itu-t.E.164.1.2008.pdf) form of the phone
    number.
    """

    formatted_type: str | None = None
    """Output only. The type of the phone number translated and formatted in the viewer's account
    locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the phone number."""

    type: str | None = None
    """The type of the phone number. The type can be custom or one of these predefined values: *
    `home` * `work` * `mobile` * `homeFax` * `workFax` * `otherFax` * `pager` * `workMobile` *
    `workPager` * `main` * `googleVoice` * `other`
    """

    value: str | None = None
    """The phone number."""


class Photo(PeopleModel):
    """A person's photo. A picture shown next to the person's name to help others recognize the
    person.
    """

    default: bool | None = None
    """True if the photo is a default photo; false if the photo is a user-provided photo."""

    metadata: FieldMetadata | None = None
    """Metadata about the photo."""

    url: str | None = None
    """The URL of the photo. You can change the desired size by appending a query parameter
    `sz={size}` at the end of the url, where {size} is the size in pixels. Example: https://lh3.goog
    leusercontent.com/-T_wVWLlmg7w/AAAAAAAAAAI/AAAAAAAABa8/00gzXvDBYqw/s100/photo.jpg?sz=50
    """


class ProfileMetadata(PeopleModel):
    """The metadata about a profile."""

    object_type: OpenEnum[ObjectType] | None = None
    """Output only. The profile object type."""

    user_types: list[OpenEnum[ProfileMetadataUserType]] | None = None
    """Output only. The user types."""


class Relation(PeopleModel):
    """A person's relation to another person."""

    formatted_type: str | None = None
    """Output only. The type of the relation translated and formatted in the viewer's account locale
    or the locale specified in the Accept-Language HTTP header.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the relation."""

    person: str | None = None
    """The name of the other person this relation refers to."""

    type: str | None = None
    """The person's relation to the other person. The type can be custom or one of these predefined
    values: * `spouse` * `child` * `mother` * `father` * `parent` * `brother` * `sister` * `friend`
    * `relative` * `domesticPartner` * `manager` * `assistant` * `referredBy` * `partner`
    """


class RelationshipInterest(PeopleModel):
    """**DEPRECATED**: No data will be returned A person's relationship interest ."""

    formatted_value: str | None = None
    """Output only. The value of the relationship interest translated and formatted in the viewer's
    account locale or the locale specified in the Accept-Language HTTP header.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the relationship interest."""

    value: str | None = None
    """The kind of relationship the person is looking for. The value can be custom or one of these
    predefined values: * `friend` * `date` * `relationship` * `networking`
    """


class RelationshipStatus(PeopleModel):
    """**DEPRECATED**: No data will be returned A person's relationship status."""

    formatted_value: str | None = None
    """Output only. The value of the relationship status translated and formatted in the viewer's
    account locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the relationship status."""

    value: str | None = None
    """The relationship status. The value can be custom or one of these predefined values: *
    `single` * `inARelationship` * `engaged` * `married` * `itsComplicated` * `openRelationship` *
    `widowed` * `inDomesticPartnership` * `inCivilUnion`
    """


class Residence(PeopleModel):
    """**DEPRECATED**: Please use `person.locations` instead. A person's past or current
    residence.
    """

    current: bool | None = None
    """True if the residence is the person's current residence; false if the residence is a past
    residence.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the residence."""

    value: str | None = None
    """The address of the residence."""


class SearchDirectoryPeopleResponse(PeopleModel):
    """The response to a request for people in the authenticated user's domain directory that match
    the specified query.
    """

    next_page_token: str | None = None
    """A token, which can be sent as `page_token` to retrieve the next page. If this field is
    omitted, there are no subsequent pages.
    """

    people: list[Person] | None = None
    """The list of people in the domain directory that match the query."""

    total_size: int | None = None
    """The total number of items in the list without pagination."""


class SearchResponse(PeopleModel):
    """The response to a search request for the authenticated user, given a query."""

    results: list[SearchResult] | None = None
    """The results of the request."""


class SearchResult(PeopleModel):
    """A result of a search query."""

    person: Person | None = None
    """The matched Person."""


class SipAddress(PeopleModel):
    """A person's SIP address. Session Initial Protocol addresses are used for VoIP communications
    to make voice or video calls over the internet.
    """

    formatted_type: str | None = None
    """Output only. The type of the SIP address translated and formatted in the viewer's account
    locale or the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the SIP address."""

    type: str | None = None
    """The type of the SIP address. The type can be custom or or one of these predefined values: *
    `home` * `work` * `mobile` * `other`
    """

    value: str | None = None
    """The SIP address in the [RFC 3261 19.1](https://tools.ietf.org/html/rfc3261#section-19.1) SIP
    URI format.
    """


class Skill(PeopleModel):
    """A skill that the person has."""

    metadata: FieldMetadata | None = None
    """Metadata about the skill."""

    value: str | None = None
    """The skill; for example, `underwater basket weaving`."""


class Source(PeopleModel):
    """The source of a field."""

    etag: str | None = None
    """**Only populated in `person.metadata.sources`.** The [HTTP entity
    tag](https://en.wikipedia.org/wiki/HTTP_ETag) of the source. Used for web cache validation.
    """

    id: str | None = None
    """The unique identifier within the source type generated by the server."""

    profile_metadata: ProfileMetadata | None = None
    """Output only. **Only populated in `person.metadata.sources`.** Metadata about a source of type
    PROFILE.
    """

    type: OpenEnum[SourceType] | None = None
    """The source type."""

    update_time: str | None = None
    """Output only. **Only populated in `person.metadata.sources`.** Last update timestamp of this
    source.
    """


class Status(PeopleModel):
    """The `Status` type defines a logical error model that is suitable for different programming
    environments, including REST APIs and RPC APIs. It is used by [gRPC](https://github.com/grpc).
    Each `Status` message contains three pieces of data: error code, error message, and error
    details.
    """

    code: int | None = None
    """The status code, which should be an enum value of google.rpc.Code."""

    details: list[dict[str, Any]] | None = None
    """A list of messages that carry the error details. There is a common set of message types for
    APIs to use.
    """

    message: str | None = None
    """A developer-facing error message, which should be in English. Any user-facing error message
    should be localized and sent in the google.rpc.Status.details field, or localized by the client.
    """


class Tagline(PeopleModel):
    """**DEPRECATED**: No data will be returned A brief one-line description of the person."""

    metadata: FieldMetadata | None = None
    """Metadata about the tagline."""

    value: str | None = None
    """The tagline."""


class UpdateContactGroupRequest(PeopleModel):
    """A request to update an existing user contact group. All updated fields will be replaced."""

    contact_group: ContactGroup | None = None
    """Required. The contact group to update."""

    read_group_fields: str | None = None
    """Optional. A field mask to restrict which fields on the group are returned. Defaults to
    `metadata`, `groupType`, and `name` if not set or set to empty. Valid fields are: * clientData *
    groupType * memberCount * metadata * name
    """

    update_group_fields: str | None = None
    """Optional. A field mask to restrict which fields on the group are updated. Multiple fields can
    be specified by separating them with commas. Defaults to `name` if not set or set to empty.
    Updated fields are replaced. Valid values are: * clientData * name
    """


class UpdateContactPhotoRequest(PeopleModel):
    """A request to update an existing contact's photo. All requests must have a valid photo format:
    JPEG or PNG.
    """

    person_fields: str | None = None
    """Optional. A field mask to restrict which fields on the person are returned. Multiple fields
    can be specified by separating them with commas. Defaults to empty if not set, which will skip
    the post mutate get.
    """

    photo_bytes: str | None = None
    """Required. Raw photo bytes"""

    sources: list[OpenEnum[ReadSourceType]] | None = None
    """Optional. A mask of what source types to return. Defaults to READ_SOURCE_TYPE_CONTACT and
    READ_SOURCE_TYPE_PROFILE if not set.
    """


class UpdateContactPhotoResponse(PeopleModel):
    """The response for updating a contact's photo."""

    person: Person | None = None
    """The updated person, if person_fields is set in the UpdateContactPhotoRequest; otherwise this
    will be unset.
    """


class Url(PeopleModel):
    """A person's associated URLs."""

    formatted_type: str | None = None
    """Output only. The type of the URL translated and formatted in the viewer's account locale or
    the `Accept-Language` HTTP header locale.
    """

    metadata: FieldMetadata | None = None
    """Metadata about the URL."""

    type: str | None = None
    """The type of the URL. The type can be custom or one of these predefined values: * `home` *
    `work` * `blog` * `profile` * `homePage` * `ftp` * `reservations` * `appInstallPage`: website
    for a Currents application. * `other`
    """

    value: str | None = None
    """The URL."""


class UserDefined(PeopleModel):
    """Arbitrary user data that is populated by the end users."""

    key: str | None = None
    """The end user specified key of the user defined data."""

    metadata: FieldMetadata | None = None
    """Metadata about the user defined data."""

    value: str | None = None
    """The end user specified value of the user defined data."""


MODELS: dict[str, type[PeopleModel]] = {
    "Address": Address,
    "AgeRangeType": AgeRangeType,
    "BatchCreateContactsRequest": BatchCreateContactsRequest,
    "BatchCreateContactsResponse": BatchCreateContactsResponse,
    "BatchDeleteContactsRequest": BatchDeleteContactsRequest,
    "BatchGetContactGroupsResponse": BatchGetContactGroupsResponse,
    "BatchUpdateContactsRequest": BatchUpdateContactsRequest,
    "BatchUpdateContactsResponse": BatchUpdateContactsResponse,
    "Biography": Biography,
    "Birthday": Birthday,
    "BraggingRights": BraggingRights,
    "CalendarUrl": CalendarUrl,
    "ClientData": ClientData,
    "ContactGroup": ContactGroup,
    "ContactGroupMembership": ContactGroupMembership,
    "ContactGroupMetadata": ContactGroupMetadata,
    "ContactGroupResponse": ContactGroupResponse,
    "ContactToCreate": ContactToCreate,
    "CopyOtherContactToMyContactsGroupRequest": CopyOtherContactToMyContactsGroupRequest,
    "CoverPhoto": CoverPhoto,
    "CreateContactGroupRequest": CreateContactGroupRequest,
    "Date": Date,
    "DeleteContactPhotoResponse": DeleteContactPhotoResponse,
    "DomainMembership": DomainMembership,
    "EmailAddress": EmailAddress,
    "Empty": Empty,
    "Event": Event,
    "ExternalId": ExternalId,
    "FieldMetadata": FieldMetadata,
    "FileAs": FileAs,
    "Gender": Gender,
    "GetPeopleResponse": GetPeopleResponse,
    "GroupClientData": GroupClientData,
    "ImClient": ImClient,
    "Interest": Interest,
    "ListConnectionsResponse": ListConnectionsResponse,
    "ListContactGroupsResponse": ListContactGroupsResponse,
    "ListDirectoryPeopleResponse": ListDirectoryPeopleResponse,
    "ListOtherContactsResponse": ListOtherContactsResponse,
    "Locale": Locale,
    "Location": Location,
    "Membership": Membership,
    "MiscKeyword": MiscKeyword,
    "ModifyContactGroupMembersRequest": ModifyContactGroupMembersRequest,
    "ModifyContactGroupMembersResponse": ModifyContactGroupMembersResponse,
    "Name": Name,
    "Nickname": Nickname,
    "Occupation": Occupation,
    "Organization": Organization,
    "Person": Person,
    "PersonMetadata": PersonMetadata,
    "PersonResponse": PersonResponse,
    "PhoneNumber": PhoneNumber,
    "Photo": Photo,
    "ProfileMetadata": ProfileMetadata,
    "Relation": Relation,
    "RelationshipInterest": RelationshipInterest,
    "RelationshipStatus": RelationshipStatus,
    "Residence": Residence,
    "SearchDirectoryPeopleResponse": SearchDirectoryPeopleResponse,
    "SearchResponse": SearchResponse,
    "SearchResult": SearchResult,
    "SipAddress": SipAddress,
    "Skill": Skill,
    "Source": Source,
    "Status": Status,
    "Tagline": Tagline,
    "UpdateContactGroupRequest": UpdateContactGroupRequest,
    "UpdateContactPhotoRequest": UpdateContactPhotoRequest,
    "UpdateContactPhotoResponse": UpdateContactPhotoResponse,
    "Url": Url,
    "UserDefined": UserDefined,
}
"""Every generated model by its discovery schema name."""
