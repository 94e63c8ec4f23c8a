"""The unusual showcase contacts: every phone type, companies, nameless contacts, very long
values, and text that a UI must show literally.

Contact data is untrusted text. The last two contacts put Rich/Textual markup, a terminal escape
sequence and a bidirectional override into the demo book, so that showing them literally (and
stripping the control characters) is exercised every time the demo runs, not only in a unit test.
"""

from __future__ import annotations

from typing import Any

from .seed_common import body_address, body_date, body_note, body_typed

Showcase = tuple[dict[str, Any], int | None]

_BIOGRAPHY_PARAGRAPHS = (
    "Bartholomew grew up above his parents' bookbindery in Hay-on-Wye, where he learned to sew "
    "signatures before he could ride a bicycle. He still insists that a book is not finished "
    "until its spine has been creased by a reader, and he will tell you so at length.",
    "After reading classics and then, to everyone's surprise, marine engineering, he spent eleven "
    "years restoring lighthouse lenses along the Atlantic coast: Fresnel optics from Brittany to "
    "the Outer Hebrides, each one catalogued in a notebook he calls the Big Book of Small Lights.",
    "He now chairs the committee described in his job title, a society whose official name is "
    "longer than most of its meetings. Minutes are kept in fountain pen; attendance is recorded "
    "with a brass stamp shaped like a heron; the biscuits are, by constitution, digestives.",
    "Things to remember: he takes his tea with lemon, never milk; he is allergic to cats but "
    "adores them anyway; he answers email only on Tuesdays; and he will ask after your mother, "
    "whom he met once in 2009 at a ferry terminal and has never forgotten.",
    "Gift ideas: anything about tide tables, a second-hand copy of a nautical almanac from before "
    "1950, good marmalade (thick cut, Seville oranges), or a postcard of a lighthouse he has not "
    "yet visited. He keeps a list; it is currently four hundred and twelve lighthouses long.",
    "If he calls, set aside an hour. He starts with the weather, moves on through the cricket, "
    "and reaches the point of the call only after a detour through the history of whichever "
    "place you happen to be standing in. It is always worth it. He is the kindest man we know.",
    "Addresses, for the record: the flat in Leith is let out most of the year, so post goes to "
    "the society's rooms; the cottage near Cape Cornwall has no signal at all, and the only "
    "reliable way to reach him there is a letter, a carrier pigeon, or a very patient neighbour.",
    "Last updated after his seventieth birthday party, where he gave a speech about the history "
    "of the birthday cake candle that ran, by our count, to twenty-three minutes. Nobody minded. "
    "The cake was lemon; the candles, naturally, were arranged in the shape of a lighthouse.",
)


def _long_biography() -> str:
    """A plain-text note of more than 2,000 characters, in paragraphs."""
    return "\n\n".join(_BIOGRAPHY_PARAGRAPHS)


def _long_organization_name() -> str:
    """An organization name of more than 300 characters."""
    return (
        "The Honourable and Ancient Society for the Preservation, Restoration, Cataloguing and "
        "Public Enjoyment of Historic Lighthouse Optics, Fog Signals, Tide Gauges, Harbour "
        "Lanterns and Associated Maritime Curiosities of the North Atlantic Seaboard, the Irish "
        "Sea, the Bay of Biscay and the Approaches Thereto (Incorporated by Royal Charter)"
    )


def _hostile_contacts() -> list[Showcase]:
    """Contacts whose text a UI must render literally, placed after the friendly showcase."""
    markup_link = "[link=https://evil.example]click[/link]"
    markup_action = "[@click=app.quit]x[/]"
    return [
        (
            {
                "names": [{"givenName": "[bold red]Eve[/]", "familyName": "Smith [/] Jr"}],
                "nicknames": [{"value": markup_action}],
                "emailAddresses": [
                    {"value": "eve.smith@example.com", "type": "home", "displayName": markup_link}
                ],
                "phoneNumbers": [{"value": "+1 212-555-0166", "type": "[reverse]mobile[/]"}],
                "organizations": [{"name": markup_link, "title": markup_action}],
                "urls": [{"value": f"https://evil.example/{markup_link}", "type": "home"}],
                "biographies": [
                    {
                        "value": (
                            f"Markup must show literally: [b]not bold[/b] {markup_link} "
                            f"{markup_action} $accent {{braces}} \\[escaped] [/]"
                        ),
                        "contentType": "TEXT_PLAIN",
                    }
                ],
            },
            None,
        ),
        (
            {
                "names": [{"givenName": "Mallory", "familyName": "Terminal"}],
                "emailAddresses": [{"value": "mallory@example.net", "type": "work"}],
                "biographies": [
                    {
                        # An ANSI colour escape and a right-to-left override: a UI must strip or
                        # neutralise both rather than pass them to the terminal.
                        "value": (
                            "Escape test: \x1b[31mthis should not turn red\x1b[0m.\n"
                            "Bidi test: invoice_\u202efdp.exe (a right-to-left override)."
                        ),
                        "contentType": "TEXT_PLAIN",
                    }
                ],
            },
            None,
        ),
    ]


def _alex() -> Showcase:
    """Every predefined e-mail and phone type, a few custom ones, and the rarer field types."""
    phone_types = (
        "mobile",
        "home",
        "work",
        "homeFax",
        "workFax",
        "otherFax",
        "pager",
        "workMobile",
        "workPager",
        "main",
        "googleVoice",
        "other",
        "Boat",
    )
    return {
        "names": [{"givenName": "Alex", "middleName": "J.", "familyName": "Chen"}],
        "emailAddresses": body_typed(
            "value", ("alex.chen@example.com", "home"), ("alex.chen@northwind.example", "work"),
            ("alexc@example.org", "other"), ("alex+news@example.net", "Newsletter"),
            ("a.chen@tailspin.example", "Old work"),
        ),
        "phoneNumbers": [
            {"value": f"+1 415-555-01{10 + index:02d}", "type": kind}
            for index, kind in enumerate(phone_types)
        ],
        "imClients": [{"username": "alex.chen.sf", "protocol": "skype", "type": "work"}],
        "sipAddresses": [{"value": "sip:alex.chen@voip.example.com", "type": "mobile"}],
        "calendarUrls": [{"url": "https://calendar.example.com/alex/work.ics", "type": "work"}],
        "locations": [{"type": "desk", "buildingId": "SFO-1", "floor": "3", "floorSection": "B",
                       "deskCode": "3B-17", "current": True}],
        "userDefined": [{"key": "Shirt size", "value": "M"}, {"key": "Locker", "value": "B-12"}],
        "clientData": [{"key": "crm.lastSync", "value": "2024-11-02T09:30:00Z"}],
        "miscKeywords": [{"type": "HOME", "value": "Weekend hiking group"}],
        "genders": [{"value": "unspecified"}],
        "birthdays": [{"date": body_date(2, 29, 1996)}],
    }, 2  # fmt: skip


def _companies_and_nameless() -> list[Showcase]:
    return [
        ({
            "organizations": [{"name": "Blue Harbour Bakery", "type": "work", "current": True}],
            "emailAddresses": body_typed("value", ("orders@blueharbour.example", "work")),
            "phoneNumbers": body_typed("value", ("+44 20 7946 0321", "main")),
            "addresses": [body_address("work", "GB", "United Kingdom", "London",
                                       streetAddress="8 Rye Lane", postalCode="SE15 5EW")],
            "urls": body_typed("value", ("https://blueharbour.example", "homePage"),
                               ("https://blueharbour.example/book", "reservations")),
        }, 4),
        ({
            "organizations": [{"name": "Nordlys Energi AS", "symbol": "NLYS",
                               "domain": "nordlys.example", "type": "work"}],
            "phoneNumbers": body_typed("value", ("+47 22 55 01 00", "main")),
        }, None),
        ({"emailAddresses": body_typed("value", ("billing@northwind.example", "work"))}, None),
        ({"phoneNumbers": body_typed("value", ("+1 202-555-0147", "mobile"))}, None),
    ]  # fmt: skip


def _bartholomew() -> Showcase:
    """Long values: a 2,000-character note, a 300-character employer, a very long name."""
    return {
        "names": [{"honorificPrefix": "The Rt Hon.", "givenName": "Bartholomew",
                   "middleName": "Aurelius Peregrine",
                   "familyName": "Featherstonehaugh-Wolfeschlegel",
                   "phoneticFamilyName": "Fanshaw-Wolfeschlegel", "honorificSuffix": "KC, FRSA"}],
        "emailAddresses": body_typed(
            "value", ("bartholomew.aurelius.peregrine.featherstonehaugh@example.org", "home")
        ),
        "organizations": [{"name": _long_organization_name(),
                           "title": "Honorary Keeper of the Long Descriptions"}],
        "biographies": body_note(_long_biography()),
        "miscKeywords": [{"type": "OUTLOOK_BILLING_INFORMATION", "value": "Invoice quarterly"},
                         {"type": "OUTLOOK_MILEAGE", "value": "42 km"}],
    }, None  # fmt: skip


def edge_case_contacts() -> list[Showcase]:
    """The unusual showcase contacts, after the friendly ones: odd shapes first, hostile last."""
    return [_alex(), *_companies_and_nameless(), _bartholomew(), *_hostile_contacts()]
