"""Which Person fields the edit form shows, and how: one `FieldSpec` per `updatePersonFields` path.

Columns are the writable sub-keys of an item (per the discovery document's schemas). Keys marked
"Output only" there are listed in `output_only`: Google derives them from the values, so an item
whose values change drops them rather than send stale copies. `rebuilt` keys are writable but are
also rebuilt by Google from the other columns (a name's `unstructuredName`, an address's
`formattedValue`); they are dropped when the other columns change and they themselves did not.

Left out on purpose: `memberships` (contact groups, edited elsewhere) and `fileAses`, which the
People API reads but does not accept in `updatePersonFields`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from peopletui.ui.forms import validation as check


class ColumnKind(Enum):
    TEXT = "text"  # one line of free text
    MULTILINE = "multiline"  # notes, a full address
    CHOICE = "choice"  # free text with Google's predefined values suggested (types)
    ENUM = "enum"  # one of a fixed set of API values, typed as friendly words
    FLAG = "flag"  # a checkbox
    DATE = "date"  # Google's Date: year, month, day, each optional
    NUMBER = "number"  # a non-negative whole number


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    kind: ColumnKind = ColumnKind.TEXT
    choices: tuple[str, ...] = ()
    """CHOICE: suggested values. ENUM: the accepted API values, the unset (zero) value first."""
    check: Callable[[str], str | None] | None = None
    """A check of the typed text: an error message, or None when it is fine."""
    required: bool = False
    """The row needs this column once anything else in it is filled."""
    wide: bool = False
    placeholder: str = ""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    title: str
    item: str
    """What one row is called, for "Add email" and messages."""
    columns: tuple[Column, ...]
    singleton: bool = False
    output_only: frozenset[str] = field(default=frozenset({"formattedType"}))
    rebuilt: frozenset[str] = frozenset()
    grid: int = 2
    """How many columns the row's editors are laid out in."""

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"{self.name} has no column {key!r}")


TEXT, MULTILINE, CHOICE, ENUM, FLAG, DATE, NUMBER = (
    ColumnKind.TEXT,
    ColumnKind.MULTILINE,
    ColumnKind.CHOICE,
    ColumnKind.ENUM,
    ColumnKind.FLAG,
    ColumnKind.DATE,
    ColumnKind.NUMBER,
)

# Predefined type values, as the discovery document lists them for each schema.
HOME_WORK_OTHER: Final = ("home", "work", "other")
PHONE_TYPES: Final = (
    "mobile",
    "home",
    "work",
    "main",
    "homeFax",
    "workFax",
    "otherFax",
    "pager",
    "workMobile",
    "workPager",
    "googleVoice",
    "other",
)
RELATION_TYPES: Final = (
    "spouse",
    "partner",
    "child",
    "mother",
    "father",
    "parent",
    "brother",
    "sister",
    "friend",
    "relative",
    "domesticPartner",
    "manager",
    "assistant",
    "referredBy",
)
URL_TYPES: Final = (
    "home",
    "work",
    "blog",
    "profile",
    "homePage",
    "ftp",
    "reservations",
    "appInstallPage",
    "other",
)
IM_PROTOCOLS: Final = (
    "aim",
    "msn",
    "yahoo",
    "skype",
    "qq",
    "googleTalk",
    "icq",
    "jabber",
    "netMeeting",
)
NICKNAME_TYPES: Final = (
    "DEFAULT",
    "MAIDEN_NAME",
    "INITIALS",
    "GPLUS",
    "OTHER_NAME",
    "ALTERNATE_NAME",
    "SHORT_NAME",
)
MISC_KEYWORD_TYPES: Final = (
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
)
DATE_HINT: Final = "YYYY-MM-DD or MM-DD"


def _type(choices: tuple[str, ...]) -> Column:
    return Column("type", "Type", CHOICE, choices=choices, placeholder=", ".join(choices[:3]))


FIELD_SPECS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec(
        "names",
        "Name",
        "name",
        (
            Column("honorificPrefix", "Prefix", placeholder="Dr."),
            Column("givenName", "Given name"),
            Column("middleName", "Middle name"),
            Column("familyName", "Family name"),
            Column("honorificSuffix", "Suffix", placeholder="Jr."),
            Column("phoneticGivenName", "Phonetic given name"),
            Column("phoneticMiddleName", "Phonetic middle name"),
            Column("phoneticFamilyName", "Phonetic family name"),
            Column("phoneticFullName", "Phonetic full name"),
            Column("phoneticHonorificPrefix", "Phonetic prefix"),
            Column("phoneticHonorificSuffix", "Phonetic suffix"),
        ),
        singleton=True,
        output_only=frozenset({"displayName", "displayNameLastFirst"}),
        rebuilt=frozenset({"unstructuredName"}),
        grid=5,
    ),
    FieldSpec(
        "nicknames",
        "Nicknames",
        "nickname",
        (
            Column("value", "Nickname", wide=True),
            Column("type", "Kind", ENUM, choices=NICKNAME_TYPES),
        ),
        output_only=frozenset(),
        grid=3,
    ),
    FieldSpec(
        "emailAddresses",
        "Email addresses",
        "email",
        (
            Column("value", "Email", check=check.email, required=True, wide=True),
            _type(HOME_WORK_OTHER),
            Column("displayName", "Display name"),
        ),
        grid=4,
    ),
    FieldSpec(
        "phoneNumbers",
        "Phone numbers",
        "phone",
        (
            Column("value", "Phone", check=check.phone, required=True, wide=True),
            _type(PHONE_TYPES),
        ),
        output_only=frozenset({"formattedType", "canonicalForm"}),
        grid=3,
    ),
    FieldSpec(
        "addresses",
        "Addresses",
        "address",
        (
            Column("streetAddress", "Street", wide=True),
            Column("extendedAddress", "Apartment, suite"),
            Column("poBox", "PO box"),
            Column("city", "City"),
            Column("region", "Region or state"),
            Column("postalCode", "Postal code"),
            Column("country", "Country"),
            Column("countryCode", "Country code", check=check.country_code, placeholder="GB"),
            _type(HOME_WORK_OTHER),
            Column(
                "formattedValue",
                "Full address",
                MULTILINE,
                wide=True,
                placeholder="Google builds it from the parts when left as it was",
            ),
        ),
        rebuilt=frozenset({"formattedValue"}),
        grid=4,
    ),
    FieldSpec(
        "organizations",
        "Organizations",
        "organization",
        (
            Column("name", "Organization", wide=True),
            Column("title", "Job title"),
            Column("department", "Department"),
            Column("jobDescription", "Job description"),
            _type(("work", "school")),
            Column("current", "Current", FLAG),
            Column("startDate", "Start date", DATE, check=check.date, placeholder=DATE_HINT),
            Column("endDate", "End date", DATE, check=check.date, placeholder=DATE_HINT),
            Column("location", "Office location"),
            Column("symbol", "Symbol", placeholder="GOOG"),
            Column("domain", "Domain", placeholder="example.com"),
            Column("costCenter", "Cost center"),
            Column("phoneticName", "Phonetic name"),
            Column(
                "fullTimeEquivalentMillipercent",
                "Full-time share",
                NUMBER,
                check=check.whole_number,
                placeholder="100000 = full time",
            ),
        ),
        grid=4,
    ),
    FieldSpec(
        "birthdays",
        "Birthday",
        "birthday",
        (
            Column("date", "Date", DATE, check=check.date, placeholder=DATE_HINT),
            Column("text", "As text", placeholder="free text, if no date fits"),
        ),
        singleton=True,
        output_only=frozenset(),
        grid=2,
    ),
    FieldSpec(
        "events",
        "Events",
        "event",
        (
            Column("date", "Date", DATE, check=check.date, required=True, placeholder=DATE_HINT),
            _type(("anniversary", "other")),
        ),
        grid=2,
    ),
    FieldSpec(
        "relations",
        "Relations",
        "relation",
        (Column("person", "Person", required=True, wide=True), _type(RELATION_TYPES)),
        grid=3,
    ),
    FieldSpec(
        "urls",
        "Websites",
        "website",
        (
            Column("value", "URL", check=check.url, required=True, wide=True),
            _type(URL_TYPES),
        ),
        grid=3,
    ),
    FieldSpec(
        "imClients",
        "Chat accounts",
        "chat account",
        (
            Column("username", "Username", required=True, wide=True),
            Column("protocol", "Service", CHOICE, choices=IM_PROTOCOLS, placeholder="skype…"),
            _type(HOME_WORK_OTHER),
        ),
        output_only=frozenset({"formattedType", "formattedProtocol"}),
        grid=4,
    ),
    FieldSpec(
        "sipAddresses",
        "SIP addresses",
        "SIP address",
        (
            Column("value", "SIP address", check=check.sip_address, required=True, wide=True),
            _type(("home", "work", "mobile", "other")),
        ),
        grid=3,
    ),
    FieldSpec(
        "biographies",
        "Notes",
        "note",
        (Column("value", "Notes", MULTILINE, wide=True),),
        singleton=True,
        output_only=frozenset(),
        grid=1,
    ),
    FieldSpec(
        "genders",
        "Gender",
        "gender",
        (
            Column(
                "value",
                "Gender",
                CHOICE,
                choices=("female", "male", "unspecified"),
                placeholder="female, male, unspecified…",
            ),
            Column("addressMeAs", "Address me as", placeholder="she/her, they/them…"),
        ),
        singleton=True,
        output_only=frozenset({"formattedValue"}),
        grid=2,
    ),
    FieldSpec(
        "occupations",
        "Occupations",
        "occupation",
        (Column("value", "Occupation", wide=True),),
        output_only=frozenset(),
        grid=1,
    ),
    FieldSpec(
        "interests",
        "Interests",
        "interest",
        (Column("value", "Interest", wide=True),),
        output_only=frozenset(),
        grid=1,
    ),
    FieldSpec(
        "locales",
        "Languages",
        "language",
        (Column("value", "Language tag", check=check.language_tag, placeholder="en-GB"),),
        output_only=frozenset(),
        grid=1,
    ),
    FieldSpec(
        "locations",
        "Locations",
        "location",
        (
            Column("value", "Location", wide=True),
            _type(("desk", "grewUp")),
            Column("current", "Current", FLAG),
            Column("buildingId", "Building"),
            Column("floor", "Floor"),
            Column("floorSection", "Floor section"),
            Column("deskCode", "Desk"),
        ),
        output_only=frozenset(),
        grid=4,
    ),
    FieldSpec(
        "externalIds",
        "External IDs",
        "external ID",
        (
            Column("value", "ID", required=True, wide=True),
            _type(("account", "customer", "loginId", "network", "organization")),
        ),
        grid=3,
    ),
    FieldSpec(
        "userDefined",
        "Custom fields",
        "custom field",
        (Column("key", "Label", required=True), Column("value", "Value", wide=True)),
        output_only=frozenset(),
        grid=3,
    ),
    FieldSpec(
        "clientData",
        "Client data",
        "client data entry",
        (Column("key", "Key", required=True), Column("value", "Value", wide=True)),
        output_only=frozenset(),
        grid=3,
    ),
    FieldSpec(
        "miscKeywords",
        "Keywords",
        "keyword",
        (
            Column("value", "Keyword", required=True, wide=True),
            Column("type", "Kind", ENUM, choices=MISC_KEYWORD_TYPES),
        ),
        grid=3,
    ),
    FieldSpec(
        "calendarUrls",
        "Calendars",
        "calendar",
        (
            Column("url", "Calendar URL", check=check.url, required=True, wide=True),
            _type(("home", "freeBusy", "work")),
        ),
        grid=3,
    ),
)

SPECS_BY_NAME: Final[dict[str, FieldSpec]] = {spec.name: spec for spec in FIELD_SPECS}
