"""The People API message shapes the emulator reads from request bodies.

Transcribed from Google's discovery document (tests/reference/people.v1.discovery.json, revision
20251117) so that body decoding can name unknown fields, reject wrong JSON types and enum values,
and drop output-only fields, as Google's JSON front end does. Only the schemas reachable from the
request bodies of the ``people`` methods are listed.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class FieldType(NamedTuple):
    kind: str
    """``string``, ``int32``, ``boolean``, ``bytes``, ``enum`` or ``message``."""
    arg: str | tuple[str, ...] | None = None
    """The message name for ``message``, the allowed values for ``enum``."""
    repeated: bool = False
    map_of: bool = False
    """A JSON object whose values have this type (proto ``map<string, …>``)."""
    output_only: bool = False


def _f(
    kind: str,
    arg: str | tuple[str, ...] | None = None,
    *,
    repeated: bool = False,
    map_of: bool = False,
    output_only: bool = False,
) -> FieldType:
    return FieldType(kind, arg, repeated, map_of, output_only)


SCHEMAS: Final[dict[str, dict[str, FieldType]]] = {
    "Address": {
        "city": _f("string"),
        "country": _f("string"),
        "countryCode": _f("string"),
        "extendedAddress": _f("string"),
        "formattedType": _f("string", output_only=True),
        "formattedValue": _f("string"),
        "metadata": _f("message", "FieldMetadata"),
        "poBox": _f("string"),
        "postalCode": _f("string"),
        "region": _f("string"),
        "streetAddress": _f("string"),
        "type": _f("string"),
    },
    "AgeRangeType": {
        "ageRange": _f(
            "enum",
            (
                "AGE_RANGE_UNSPECIFIED",
                "LESS_THAN_EIGHTEEN",
                "EIGHTEEN_TO_TWENTY",
                "TWENTY_ONE_OR_OLDER",
            ),
        ),
        "metadata": _f("message", "FieldMetadata"),
    },
    "BatchCreateContactsRequest": {
        "contacts": _f("message", "ContactToCreate", repeated=True),
        "readMask": _f("string"),
        "sources": _f(
            "enum",
            (
                "READ_SOURCE_TYPE_UNSPECIFIED",
                "READ_SOURCE_TYPE_PROFILE",
                "READ_SOURCE_TYPE_CONTACT",
                "READ_SOURCE_TYPE_DOMAIN_CONTACT",
                "READ_SOURCE_TYPE_OTHER_CONTACT",
            ),
            repeated=True,
        ),
    },
    "BatchDeleteContactsRequest": {
        "resourceNames": _f("string", repeated=True),
    },
    "BatchUpdateContactsRequest": {
        "contacts": _f("message", "Person", map_of=True),
        "readMask": _f("string"),
        "sources": _f(
            "enum",
            (
                "READ_SOURCE_TYPE_UNSPECIFIED",
                "READ_SOURCE_TYPE_PROFILE",
                "READ_SOURCE_TYPE_CONTACT",
                "READ_SOURCE_TYPE_DOMAIN_CONTACT",
                "READ_SOURCE_TYPE_OTHER_CONTACT",
            ),
            repeated=True,
        ),
        "updateMask": _f("string"),
    },
    "Biography": {
        "contentType": _f("enum", ("CONTENT_TYPE_UNSPECIFIED", "TEXT_PLAIN", "TEXT_HTML")),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Birthday": {
        "date": _f("message", "Date"),
        "metadata": _f("message", "FieldMetadata"),
        "text": _f("string"),
    },
    "BraggingRights": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "CalendarUrl": {
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "url": _f("string"),
    },
    "ClientData": {
        "key": _f("string"),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "ContactGroupMembership": {
        "contactGroupId": _f("string", output_only=True),
        "contactGroupResourceName": _f("string"),
    },
    "ContactToCreate": {
        "contactPerson": _f("message", "Person"),
    },
    "CoverPhoto": {
        "default": _f("boolean"),
        "metadata": _f("message", "FieldMetadata"),
        "url": _f("string"),
    },
    "Date": {
        "day": _f("int32"),
        "month": _f("int32"),
        "year": _f("int32"),
    },
    "DomainMembership": {
        "inViewerDomain": _f("boolean"),
    },
    "EmailAddress": {
        "displayName": _f("string"),
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "value": _f("string"),
    },
    "Event": {
        "date": _f("message", "Date"),
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
    },
    "ExternalId": {
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "value": _f("string"),
    },
    "FieldMetadata": {
        "primary": _f("boolean", output_only=True),
        "source": _f("message", "Source"),
        "sourcePrimary": _f("boolean"),
        "verified": _f("boolean", output_only=True),
    },
    "FileAs": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Gender": {
        "addressMeAs": _f("string"),
        "formattedValue": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "ImClient": {
        "formattedProtocol": _f("string", output_only=True),
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "protocol": _f("string"),
        "type": _f("string"),
        "username": _f("string"),
    },
    "Interest": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Locale": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Location": {
        "buildingId": _f("string"),
        "current": _f("boolean"),
        "deskCode": _f("string"),
        "floor": _f("string"),
        "floorSection": _f("string"),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "value": _f("string"),
    },
    "Membership": {
        "contactGroupMembership": _f("message", "ContactGroupMembership"),
        "domainMembership": _f("message", "DomainMembership", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
    },
    "MiscKeyword": {
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f(
            "enum",
            (
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
            ),
        ),
        "value": _f("string"),
    },
    "Name": {
        "displayName": _f("string", output_only=True),
        "displayNameLastFirst": _f("string", output_only=True),
        "familyName": _f("string"),
        "givenName": _f("string"),
        "honorificPrefix": _f("string"),
        "honorificSuffix": _f("string"),
        "metadata": _f("message", "FieldMetadata"),
        "middleName": _f("string"),
        "phoneticFamilyName": _f("string"),
        "phoneticFullName": _f("string"),
        "phoneticGivenName": _f("string"),
        "phoneticHonorificPrefix": _f("string"),
        "phoneticHonorificSuffix": _f("string"),
        "phoneticMiddleName": _f("string"),
        "unstructuredName": _f("string"),
    },
    "Nickname": {
        "metadata": _f("message", "FieldMetadata"),
        "type": _f(
            "enum",
            (
                "DEFAULT",
                "MAIDEN_NAME",
                "INITIALS",
                "GPLUS",
                "OTHER_NAME",
                "ALTERNATE_NAME",
                "SHORT_NAME",
            ),
        ),
        "value": _f("string"),
    },
    "Occupation": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Organization": {
        "costCenter": _f("string"),
        "current": _f("boolean"),
        "department": _f("string"),
        "domain": _f("string"),
        "endDate": _f("message", "Date"),
        "formattedType": _f("string", output_only=True),
        "fullTimeEquivalentMillipercent": _f("int32"),
        "jobDescription": _f("string"),
        "location": _f("string"),
        "metadata": _f("message", "FieldMetadata"),
        "name": _f("string"),
        "phoneticName": _f("string"),
        "startDate": _f("message", "Date"),
        "symbol": _f("string"),
        "title": _f("string"),
        "type": _f("string"),
    },
    "Person": {
        "addresses": _f("message", "Address", repeated=True),
        "ageRange": _f(
            "enum",
            (
                "AGE_RANGE_UNSPECIFIED",
                "LESS_THAN_EIGHTEEN",
                "EIGHTEEN_TO_TWENTY",
                "TWENTY_ONE_OR_OLDER",
            ),
            output_only=True,
        ),
        "ageRanges": _f("message", "AgeRangeType", repeated=True, output_only=True),
        "biographies": _f("message", "Biography", repeated=True),
        "birthdays": _f("message", "Birthday", repeated=True),
        "braggingRights": _f("message", "BraggingRights", repeated=True),
        "calendarUrls": _f("message", "CalendarUrl", repeated=True),
        "clientData": _f("message", "ClientData", repeated=True),
        "coverPhotos": _f("message", "CoverPhoto", repeated=True, output_only=True),
        "emailAddresses": _f("message", "EmailAddress", repeated=True),
        "etag": _f("string"),
        "events": _f("message", "Event", repeated=True),
        "externalIds": _f("message", "ExternalId", repeated=True),
        "fileAses": _f("message", "FileAs", repeated=True),
        "genders": _f("message", "Gender", repeated=True),
        "imClients": _f("message", "ImClient", repeated=True),
        "interests": _f("message", "Interest", repeated=True),
        "locales": _f("message", "Locale", repeated=True),
        "locations": _f("message", "Location", repeated=True),
        "memberships": _f("message", "Membership", repeated=True),
        "metadata": _f("message", "PersonMetadata", output_only=True),
        "miscKeywords": _f("message", "MiscKeyword", repeated=True),
        "names": _f("message", "Name", repeated=True),
        "nicknames": _f("message", "Nickname", repeated=True),
        "occupations": _f("message", "Occupation", repeated=True),
        "organizations": _f("message", "Organization", repeated=True),
        "phoneNumbers": _f("message", "PhoneNumber", repeated=True),
        "photos": _f("message", "Photo", repeated=True, output_only=True),
        "relations": _f("message", "Relation", repeated=True),
        "relationshipInterests": _f(
            "message", "RelationshipInterest", repeated=True, output_only=True
        ),
        "relationshipStatuses": _f(
            "message", "RelationshipStatus", repeated=True, output_only=True
        ),
        "residences": _f("message", "Residence", repeated=True),
        "resourceName": _f("string"),
        "sipAddresses": _f("message", "SipAddress", repeated=True),
        "skills": _f("message", "Skill", repeated=True),
        "taglines": _f("message", "Tagline", repeated=True, output_only=True),
        "urls": _f("message", "Url", repeated=True),
        "userDefined": _f("message", "UserDefined", repeated=True),
    },
    "PersonMetadata": {
        "deleted": _f("boolean", output_only=True),
        "linkedPeopleResourceNames": _f("string", repeated=True, output_only=True),
        "objectType": _f("enum", ("OBJECT_TYPE_UNSPECIFIED", "PERSON", "PAGE"), output_only=True),
        "previousResourceNames": _f("string", repeated=True, output_only=True),
        "sources": _f("message", "Source", repeated=True),
    },
    "PhoneNumber": {
        "canonicalForm": _f("string", output_only=True),
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "value": _f("string"),
    },
    "Photo": {
        "default": _f("boolean"),
        "metadata": _f("message", "FieldMetadata"),
        "url": _f("string"),
    },
    "ProfileMetadata": {
        "objectType": _f("enum", ("OBJECT_TYPE_UNSPECIFIED", "PERSON", "PAGE"), output_only=True),
        "userTypes": _f(
            "enum",
            ("USER_TYPE_UNKNOWN", "GOOGLE_USER", "GPLUS_USER", "GOOGLE_APPS_USER"),
            repeated=True,
            output_only=True,
        ),
    },
    "Relation": {
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "person": _f("string"),
        "type": _f("string"),
    },
    "RelationshipInterest": {
        "formattedValue": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "RelationshipStatus": {
        "formattedValue": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Residence": {
        "current": _f("boolean"),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "SipAddress": {
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "value": _f("string"),
    },
    "Skill": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "Source": {
        "etag": _f("string"),
        "id": _f("string"),
        "profileMetadata": _f("message", "ProfileMetadata", output_only=True),
        "type": _f(
            "enum",
            (
                "SOURCE_TYPE_UNSPECIFIED",
                "ACCOUNT",
                "PROFILE",
                "DOMAIN_PROFILE",
                "CONTACT",
                "OTHER_CONTACT",
                "DOMAIN_CONTACT",
            ),
        ),
        "updateTime": _f("string", output_only=True),
    },
    "Tagline": {
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
    "UpdateContactPhotoRequest": {
        "personFields": _f("string"),
        "photoBytes": _f("bytes"),
        "sources": _f(
            "enum",
            (
                "READ_SOURCE_TYPE_UNSPECIFIED",
                "READ_SOURCE_TYPE_PROFILE",
                "READ_SOURCE_TYPE_CONTACT",
                "READ_SOURCE_TYPE_DOMAIN_CONTACT",
                "READ_SOURCE_TYPE_OTHER_CONTACT",
            ),
            repeated=True,
        ),
    },
    "Url": {
        "formattedType": _f("string", output_only=True),
        "metadata": _f("message", "FieldMetadata"),
        "type": _f("string"),
        "value": _f("string"),
    },
    "UserDefined": {
        "key": _f("string"),
        "metadata": _f("message", "FieldMetadata"),
        "value": _f("string"),
    },
}
