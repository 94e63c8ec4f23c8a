"""The values Google computes for a person's fields: display names, formatted types, canonical
phone numbers, formatted addresses and each item's field metadata.

A stored item holds only what a client wrote; `decorate` returns the item as the API returns it
(see tests/reference/recorded/*/contacts/person.json for Google's shapes).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

from .rules import ITEM_SCHEMAS

_COMMON = {"home": "Home", "work": "Work", "other": "Other"}
# Predefined `type` values (from the discovery document) and how Google formats them in English.
# A custom type is returned as it was written.
FORMATTED_TYPES: Final[dict[str, dict[str, str]]] = {
    "Address": _COMMON,
    "EmailAddress": _COMMON,
    "ImClient": _COMMON,
    "SipAddress": _COMMON | {"mobile": "Mobile"},
    "CalendarUrl": {"home": "Home", "freeBusy": "Free/Busy", "work": "Work"},
    "Event": {"anniversary": "Anniversary", "other": "Other"},
    "ExternalId": {
        "account": "Account",
        "customer": "Customer",
        "loginId": "Login Id",
        "network": "Network",
        "organization": "Organization",
    },
    "Organization": {"work": "Work", "school": "School"},
    "PhoneNumber": _COMMON
    | {
        "mobile": "Mobile",
        "homeFax": "Home Fax",
        "workFax": "Work Fax",
        "otherFax": "Other Fax",
        "pager": "Pager",
        "workMobile": "Work Mobile",
        "workPager": "Work Pager",
        "main": "Main",
        "googleVoice": "Google Voice",
    },
    "Relation": {
        "spouse": "Spouse",
        "child": "Child",
        "mother": "Mother",
        "father": "Father",
        "parent": "Parent",
        "brother": "Brother",
        "sister": "Sister",
        "friend": "Friend",
        "relative": "Relative",
        "domesticPartner": "Domestic Partner",
        "manager": "Manager",
        "assistant": "Assistant",
        "referredBy": "Referred By",
        "partner": "Partner",
    },
    "Url": _COMMON
    | {
        "blog": "Blog",
        "profile": "Profile",
        "homePage": "Home Page",
        "ftp": "FTP",
        "reservations": "Reservations",
        "appInstallPage": "App Install Page",
    },
    "MiscKeyword": {
        "OUTLOOK_BILLING_INFORMATION": "Billing Information",
        "OUTLOOK_DIRECTORY_SERVER": "Directory Server",
        "OUTLOOK_KEYWORD": "Keyword",
        "OUTLOOK_MILEAGE": "Mileage",
        "OUTLOOK_PRIORITY": "Priority",
        "OUTLOOK_SENSITIVITY": "Sensitivity",
        "OUTLOOK_SUBJECT": "Subject",
        "OUTLOOK_USER": "User",
        "HOME": "Home",
        "WORK": "Work",
        "OTHER": "Other",
    },
}
_PROTOCOLS = {
    "aim": "AIM",
    "msn": "MSN",
    "yahoo": "Yahoo",
    "skype": "Skype",
    "qq": "QQ",
    "googleTalk": "Google Talk",
    "icq": "ICQ",
    "jabber": "Jabber",
    "netMeeting": "NetMeeting",
}
_GENDERS = {"male": "Male", "female": "Female", "unspecified": "Unspecified"}
# Calling code and national trunk prefix for the regions an account may be set to.
_REGIONS: Final[dict[str, tuple[str, str]]] = {
    "US": ("1", "1"),
    "CA": ("1", "1"),
    "GB": ("44", "0"),
    "NL": ("31", "0"),
    "DE": ("49", "0"),
    "FR": ("33", "0"),
    "BE": ("32", "0"),
    "AU": ("61", "0"),
    "JP": ("81", "0"),
    "IN": ("91", "0"),
}
# Countries whose addresses put the postal code before the city.
_POSTAL_FIRST = frozenset(
    {
        "AT",
        "BE",
        "CH",
        "CZ",
        "DE",
        "DK",
        "ES",
        "FI",
        "FR",
        "HR",
        "IS",
        "IT",
        "LU",
        "NL",
        "NO",
        "PL",
        "PT",
        "SE",
        "SI",
        "SK",
    }
)
_EAST_ASIAN = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+$")


def display_names(name: dict[str, Any]) -> tuple[str, str]:
    """(displayName, displayNameLastFirst): "Dr. Ada Byron Lovelace", "Lovelace, Dr. Ada Byron".

    Chinese, Japanese and Korean names are written family name first without a space.
    """
    given, family = name.get("givenName", ""), name.get("familyName", "")
    prefix, middle = name.get("honorificPrefix", ""), name.get("middleName", "")
    suffix = name.get("honorificSuffix", "")
    if given and family and _EAST_ASIAN.match(given) and _EAST_ASIAN.match(family):
        full = family + middle + given
        return full, full
    front = " ".join(p for p in (prefix, given, middle) if p)
    display = " ".join(p for p in (front, family, suffix) if p)
    if not display:
        display = name.get("unstructuredName", "") or _phonetic(name)
    if family and front:
        last_first = f"{family}, {front}" + (f", {suffix}" if suffix else "")
    else:
        last_first = display
    return display, last_first


def _phonetic(name: dict[str, Any]) -> str:
    parts = ("phoneticGivenName", "phoneticMiddleName", "phoneticFamilyName")
    return name.get("phoneticFullName", "") or " ".join(name[p] for p in parts if name.get(p))


def canonical_phone(value: str, region: str) -> str | None:
    """The E.164 form Google reports as ``canonicalForm``, or None when it cannot tell."""
    text = value.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return f"+{digits}" if 7 <= len(digits) <= 15 else None
    if digits.startswith("00"):
        digits = digits[2:]
        return f"+{digits}" if 7 <= len(digits) <= 15 else None
    code, trunk = _REGIONS.get(region, _REGIONS["US"])
    if code == "1":
        if len(digits) == 11 and digits.startswith("1"):
            digits = digits[1:]
        return f"+1{digits}" if len(digits) == 10 and digits[0] not in "01" else None
    if digits.startswith(trunk) and 7 <= len(digits) - len(trunk) <= 12:
        return f"+{code}{digits[len(trunk) :]}"
    return None


def formatted_address(address: dict[str, Any]) -> str:
    """The unstructured address Google builds from the parts when the client sent none."""
    city, region = address.get("city", ""), address.get("region", "")
    postal, country_code = address.get("postalCode", ""), address.get("countryCode", "").upper()
    lines = [address.get(k, "") for k in ("poBox", "streetAddress", "extendedAddress")]
    if country_code in _POSTAL_FIRST:
        lines += [" ".join(p for p in (postal, city) if p), region]
    elif country_code in ("GB", "IE"):
        lines += [city, region, postal]
    else:
        lines.append(" ".join(p for p in (", ".join(p for p in (city, region) if p), postal) if p))
    lines.append(address.get("country", "") or country_code)
    return "\n".join(line for line in lines if line)


def decorate(
    field: str, item: dict[str, Any], *, primary: bool, source: dict[str, str], region: str
) -> dict[str, Any]:
    """A stored item as the API returns it: computed values plus field metadata."""
    schema = ITEM_SCHEMAS[field]
    out = dict(item)
    kind = item.get("type")
    if kind and schema in FORMATTED_TYPES:
        out["formattedType"] = FORMATTED_TYPES[schema].get(kind, kind)
    if schema == "Name":
        out["displayName"], out["displayNameLastFirst"] = display_names(item)
        out.setdefault("unstructuredName", out["displayName"])
    elif schema == "PhoneNumber" and item.get("value"):
        canonical = canonical_phone(item["value"], region)
        if canonical:
            out["canonicalForm"] = canonical
    elif schema == "Address" and "formattedValue" not in item:
        formatted = formatted_address(item)
        if formatted:
            out["formattedValue"] = formatted
    elif schema == "Gender" and item.get("value"):
        out["formattedValue"] = _GENDERS.get(item["value"], item["value"])
    elif schema == "ImClient" and item.get("protocol"):
        out["formattedProtocol"] = _PROTOCOLS.get(item["protocol"], item["protocol"])
    elif schema == "Membership":
        out = _membership(item)
    metadata: dict[str, Any] = {"source": source}
    if primary and schema != "Membership":
        metadata = {"primary": True, "source": source}
        if schema == "Name":
            metadata["sourcePrimary"] = True
    out["metadata"] = metadata
    return out


def _membership(item: dict[str, Any]) -> dict[str, Any]:
    group = dict(item.get("contactGroupMembership", {}))
    name = group.get("contactGroupResourceName", "")
    if name:
        group["contactGroupId"] = name.split("/", 1)[1]
    return {"contactGroupMembership": group} if group else {}


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching and name sorting."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
