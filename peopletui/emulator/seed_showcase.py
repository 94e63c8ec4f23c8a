"""Hand-written showcase contacts: the first screen of the demo, and every writable field type.

Friendly contacts come first, so the demo opens on something pleasant; the unusual ones (no name,
companies only, extreme lengths, text that a UI must show literally) follow from `seed_edge_cases`.
Each entry is ``(createContact body, avatar variant or None)``; bodies are built afresh on every
call so a caller may mutate what it gets.
"""

from __future__ import annotations

from typing import Any

from .seed_common import body_address, body_date, body_note, body_typed
from .seed_edge_cases import edge_case_contacts

Showcase = tuple[dict[str, Any], int | None]
"""A createContact body and the avatar variant of its photo (None: no photo)."""


def _zoe() -> Showcase:
    return {
        "names": [{"givenName": "Zoë", "familyName": "Ångström-Müller", "honorificPrefix": "Dr."}],
        "nicknames": [{"value": "Zo"}],
        "emailAddresses": [
            {"value": "zoe.angstrom@example.com", "type": "home", "displayName": "Zoë Å-M"},
            {"value": "zoe@lindqvist-aberg.example", "type": "work"},
            {"value": "zoe.am@example.org", "type": "Club"},
        ],
        "phoneNumbers": body_typed(
            "value", ("+46 70-123 45 67", "mobile"), ("+46 8-555 010 11", "work"),
            ("+46 8-555 010 19", "homeFax"),
        ),
        "addresses": [
            body_address("home", "SE", "Sweden", "Stockholm", streetAddress="Götgatan 22",
                         extendedAddress="lgh 1102", postalCode="118 46", region="Stockholms län"),
            body_address("work", "DE", "Germany", "Berlin", streetAddress="Kastanienallee 12",
                         postalCode="10435", region="Berlin"),
        ],
        "organizations": [{
            "name": "Lindqvist & Åberg Arkitekter", "title": "Architect",
            "department": "Urban Design", "type": "work", "current": True,
            "startDate": body_date(9, 1, 2016),
        }],
        "birthdays": [{"date": body_date(3, 14, 1988)}],
        "events": [{"type": "anniversary", "date": body_date(6, 20, 2015)}],
        "relations": [{"person": "Henrik Åberg", "type": "spouse"}],
        "urls": [{"value": "https://zoe.example.com", "type": "homePage"}],
        "biographies": body_note("Knows every bakery in Södermalm 🥐 — ask her before any fika."),
        "genders": [{"value": "female", "addressMeAs": "she/her"}],
        "locales": [{"value": "sv-SE"}, {"value": "de-DE"}],
        "interests": [{"value": "urban sketching"}, {"value": "sourdough baking"}],
    }, 0  # fmt: skip


def _lukasz() -> Showcase:
    return {
        "names": [{"givenName": "Łukasz", "familyName": "Wiśniewski"}],
        "nicknames": [{"value": "Łuki"}],
        "emailAddresses": body_typed("value", ("lukasz.wisniewski@example.net", "home")),
        "phoneNumbers": body_typed("value", ("+48 601 234 567", "mobile"),
                                   ("+48 12 555 01 23", "home")),
        "addresses": [body_address("home", "PL", "Poland", "Kraków",
                                   streetAddress="ul. Floriańska 15", extendedAddress="m. 4",
                                   postalCode="31-019", region="małopolskie")],
        "organizations": [{"name": "Zielona Łąka Sp. z o.o.", "title": "Logistics Coordinator",
                           "current": True}],
        "birthdays": [{"date": body_date(11, 2)}],
        "imClients": [{"username": "lukasz@chat.example.org", "protocol": "jabber",
                       "type": "home"}],
    }, 3  # fmt: skip


def _soren() -> Showcase:
    return {
        "names": [{"givenName": "Søren", "familyName": "Østergaard"}],
        "emailAddresses": body_typed("value", ("soren@fjord-analytics.example", "work")),
        "phoneNumbers": body_typed("value", ("+45 20 55 01 42", "workMobile")),
        "addresses": [body_address("home", "DK", "Denmark", "København",
                                   streetAddress="Nørrebrogade 44", extendedAddress="2. th.",
                                   postalCode="2200", region="Hovedstaden")],
        "organizations": [{
            "name": "Fjord Analytics ApS", "title": "Data Scientist", "department": "Forecasting",
            "symbol": "FJRD", "domain": "fjord-analytics.example", "costCenter": "DK-4471",
            "location": "Aarhus office", "current": True, "type": "work",
        }],
        "birthdays": [{"date": body_date(7, 30, 1979)}],
        "sipAddresses": [{"value": "sip:soren@voip.example.net", "type": "work"}],
        "calendarUrls": [{"url": "https://calendar.example.net/soren/freebusy",
                          "type": "freeBusy"}],
        "externalIds": [{"value": "fjord-4471", "type": "account"}],
    }, None  # fmt: skip


def _minh_anh() -> Showcase:
    return {
        "names": [{"familyName": "Nguyễn", "middleName": "Thị", "givenName": "Minh Anh"}],
        "nicknames": [{"value": "Mina"}],
        "emailAddresses": body_typed("value", ("minhanh.nguyen@example.net", "home")),
        "phoneNumbers": body_typed("value", ("+84 91 234 56 78", "mobile")),
        "addresses": [body_address("home", "VN", "Vietnam", "Hà Nội",
                                   streetAddress="12 Phố Hàng Bạc",
                                   extendedAddress="Phường Hàng Bạc, Quận Hoàn Kiếm",
                                   postalCode="100000")],
        "birthdays": [{"date": body_date(2, 10, 1995)}],
        "locales": [{"value": "vi-VN"}],
    }, 5  # fmt: skip


def _giorgos() -> Showcase:
    return {
        "names": [{"givenName": "Γιώργος", "familyName": "Παπαδόπουλος"}],
        "emailAddresses": body_typed("value", ("giorgos.papadopoulos@example.org", "home")),
        "phoneNumbers": body_typed("value", ("+30 694 123 4567", "mobile")),
        "addresses": [body_address("home", "GR", "Ελλάδα", "Αθήνα", streetAddress="Ερμού 54",
                                   postalCode="105 63", region="Αττική")],
        "organizations": [{"name": "Ελληνική Ναυτιλιακή Α.Ε.", "title": "Ναυτιλιακός πράκτορας"}],
        "events": [{"type": "Ονομαστική εορτή", "date": body_date(4, 23)}],
    }, None  # fmt: skip


def _anna() -> Showcase:
    return {
        "names": [{"givenName": "Анна", "middleName": "Сергеевна", "familyName": "Кузнецова"}],
        "emailAddresses": body_typed("value", ("anna.kuznetsova@example.com", "home")),
        "phoneNumbers": body_typed("value", ("+7 916 123-45-67", "mobile")),
        "addresses": [body_address("home", "RU", "Россия", "Москва",
                                   streetAddress="ул. Тверская, д. 7", extendedAddress="кв. 12",
                                   postalCode="125009", region="Москва")],
        "birthdays": [{"date": body_date(12, 5, 1990)}],
        "genders": [{"value": "female"}],
        "occupations": [{"value": "переводчица"}],
    }, 6  # fmt: skip


def _layla() -> Showcase:
    return {
        "names": [{"givenName": "ليلى", "familyName": "حداد"}],
        "emailAddresses": body_typed("value", ("layla.haddad@example.org", "work")),
        "phoneNumbers": body_typed("value", ("+20 10 1234 5678", "mobile")),
        "addresses": [body_address("work", "EG", "مصر", "القاهرة",
                                   streetAddress="١٥ شارع قصر النيل", postalCode="11511",
                                   region="محافظة القاهرة")],
        "organizations": [{"name": "مكتبة النيل", "title": "مديرة", "current": True}],
        "biographies": body_note("زميلة من الجامعة، تحب القهوة التركية ☕"),
        "locales": [{"value": "ar-EG"}],
    }, None  # fmt: skip


def _noa() -> Showcase:
    return {
        "names": [{"givenName": "נועה", "familyName": "כהן"}],
        "nicknames": [{"value": "נונה"}],
        "emailAddresses": body_typed("value", ("noa.cohen@example.net", "home")),
        "phoneNumbers": body_typed("value", ("+972 52-555-0142", "mobile")),
        "addresses": [body_address("home", "IL", "Israel", "תל אביב-יפו",
                                   streetAddress="רחוב דיזנגוף 99", postalCode="6433222")],
        "birthdays": [{"date": body_date(9, 18, 1992)}],
        "relations": [{"person": "תמר כהן", "type": "sister"}],
        "urls": [{"value": "https://noa.example.net", "type": "profile"}],
    }, 9  # fmt: skip


def _xiaoming() -> Showcase:
    return {
        "names": [{"familyName": "王", "givenName": "小明", "phoneticFamilyName": "Wáng",
                   "phoneticGivenName": "Xiǎomíng"}],
        "emailAddresses": body_typed("value", ("xiaoming.wang@example.com", "work")),
        "phoneNumbers": body_typed("value", ("+86 138 0013 8000", "mobile")),
        "addresses": [body_address("work", "CN", "中国", "上海市", streetAddress="南京西路1266号",
                                   postalCode="200040", region="上海市")],
        "organizations": [{"name": "上海明光科技有限公司", "title": "工程师",
                           "phoneticName": "Shànghǎi Míngguāng Kējì", "current": True}],
        "imClients": [{"username": "82047731", "protocol": "qq", "type": "home"}],
    }, None  # fmt: skip


def _hanako() -> Showcase:
    return {
        "names": [{"familyName": "山田", "givenName": "花子", "phoneticFamilyName": "やまだ",
                   "phoneticGivenName": "はなこ", "phoneticFullName": "やまだ はなこ"}],
        "emailAddresses": body_typed("value", ("hanako.yamada@example.com", "home"),
                                     ("yamada@sakura-soft.example", "work")),
        "phoneNumbers": body_typed("value", ("+81 90-1234-5678", "mobile")),
        "addresses": [body_address("home", "JP", "日本", "渋谷区", streetAddress="神宮前1-2-3",
                                   postalCode="150-0001", region="東京都")],
        "organizations": [{"name": "株式会社さくらソフト",
                           "phoneticName": "かぶしきがいしゃさくらソフト",
                           "title": "デザイナー", "department": "UXデザイン部", "current": True}],
        "birthdays": [{"date": body_date(4, 1)}],
    }, 8  # fmt: skip


def _minjun() -> Showcase:
    return {
        "names": [{"familyName": "김", "givenName": "민준", "phoneticFamilyName": "Kim",
                   "phoneticGivenName": "Min-jun"}],
        "emailAddresses": body_typed("value", ("minjun.kim@example.org", "home")),
        "phoneNumbers": body_typed("value", ("+82 10-1234-5678", "mobile")),
        "addresses": [body_address("work", "KR", "대한민국", "강남구", streetAddress="테헤란로 152",
                                   postalCode="06236", region="서울특별시")],
        "organizations": [{"name": "한빛 디자인 스튜디오", "title": "디자이너"}],
        "events": [{"type": "anniversary", "date": body_date(10, 9, 2019)}],
        "imClients": [{"username": "minjun.kim", "protocol": "KakaoTalk", "type": "home"}],
    }, 11  # fmt: skip


def _priya() -> Showcase:
    return {
        "names": [{"givenName": "प्रिया", "familyName": "शर्मा"}],
        "emailAddresses": body_typed("value", ("priya.sharma@example.com", "home"),
                                     ("priya@sharma-textiles.example", "work")),
        "phoneNumbers": body_typed("value", ("+91 98765 43210", "mobile"),
                                   ("+91 22 5550 1234", "work")),
        "addresses": [body_address("work", "IN", "India", "Mumbai",
                                   streetAddress="42, Linking Road, Bandra West",
                                   postalCode="400050", region="Maharashtra")],
        "organizations": [{"name": "शर्मा टेक्सटाइल्स", "title": "Managing Director",
                           "current": True}],
        "birthdays": [{"date": body_date(8, 15, 1985)}],
        "biographies": body_note("बहुत अच्छी दोस्त — loves masala chai ☕ and Bollywood trivia."),
        "locales": [{"value": "hi-IN"}, {"value": "en-IN"}],
    }, None  # fmt: skip


def _jose() -> Showcase:
    return {
        "names": [{"givenName": "José", "familyName": "Álvarez Núñez"}],
        "emailAddresses": body_typed("value", ("jose.alvarez@example.com", "home"),
                                     ("jalvarez@estudio-alba.example", "work")),
        "phoneNumbers": body_typed("value", ("+52 55 1234 5678", "mobile")),
        "addresses": [body_address("home", "MX", "Mexico", "Ciudad de México",
                                   streetAddress="Avenida Álvaro Obregón 130",
                                   extendedAddress="Col. Roma Norte", postalCode="06700",
                                   region="CDMX")],
        "birthdays": [{"date": body_date(1, 28, 1972)}],
        "genders": [{"value": "male", "addressMeAs": "he/him"}],
        "relations": [{"person": "Sofía Álvarez", "type": "child"},
                      {"person": "Marisol Núñez", "type": "spouse"}],
        "urls": [{"value": "https://jose.example.com/blog", "type": "blog"}],
    }, 12  # fmt: skip


def _francois() -> Showcase:
    return {
        "names": [{"honorificPrefix": "Dr", "givenName": "François",
                   "familyName": "Lefèvre-Dupont"}],
        "emailAddresses": body_typed("value", ("francois.lefevre@example.org", "work")),
        "phoneNumbers": body_typed("value", ("+33 1 99 00 12 34", "work"),
                                   ("+33 6 39 98 76 54", "mobile")),
        "addresses": [body_address("work", "FR", "France", "Paris",
                                   streetAddress="27 rue de la Roquette",
                                   extendedAddress="Bâtiment B, 3ᵉ étage", postalCode="75011",
                                   region="Île-de-France")],
        "organizations": [{"name": "Contoso Pharmaceuticals", "title": "Pharmacien responsable",
                           "current": True}],
    }, None  # fmt: skip


def _amara() -> Showcase:
    return {
        "names": [{"honorificPrefix": "Dr.", "givenName": "Amara", "familyName": "Okafor",
                   "honorificSuffix": "PhD"}],
        "emailAddresses": body_typed("value", ("amara.okafor@lagos-fintech.example", "work"),
                                     ("amara@example.net", "home")),
        "phoneNumbers": body_typed("value", ("+234 803 123 4567", "mobile")),
        "addresses": [body_address("work", "NG", "Nigeria", "Lagos",
                                   streetAddress="15 Admiralty Way, Lekki Phase 1",
                                   postalCode="106104", region="Lagos State")],
        "organizations": [
            {"name": "Lagos Fintech Hub", "title": "Chief Economist", "current": True,
             "type": "work", "startDate": body_date(2, 1, 2021)},
            {"name": "Lakeside Community College", "title": "Lecturer", "current": False,
             "type": "school", "startDate": body_date(9, 1, 2014),
             "endDate": body_date(12, 31, 2020)},
        ],
        "occupations": [{"value": "economist"}],
        "externalIds": [{"value": "CUST-00417", "type": "customer"}],
    }, 14  # fmt: skip


def _mary_kate() -> Showcase:
    return {
        "names": [{"givenName": "Mary-Kate", "familyName": "O'Brien"}],
        "nicknames": [{"value": "MK", "type": "INITIALS"}],
        "emailAddresses": body_typed("value", ("marykate.obrien@example.com", "home")),
        "phoneNumbers": body_typed("value", ("+353 87 555 0123", "mobile")),
        "addresses": [body_address("home", "IE", "Ireland", "Dublin",
                                   streetAddress="14 Camden Street Lower", region="Co. Dublin",
                                   postalCode="D02 X285")],
        "birthdays": [{"date": body_date(3, 17)}],
    }, None  # fmt: skip


def _gudrun() -> Showcase:
    return {
        "names": [{"givenName": "Guðrún", "familyName": "Þórsdóttir"}],
        "emailAddresses": body_typed("value", ("gudrun.thorsdottir@example.org", "home")),
        "phoneNumbers": body_typed("value", ("+354 555 0123", "home")),
        "addresses": [body_address("home", "IS", "Iceland", "Reykjavík",
                                   streetAddress="Laugavegur 21", postalCode="101")],
        "interests": [{"value": "knitting lopapeysur"}, {"value": "stargazing"}],
        "locations": [{"value": "Ísafjörður", "type": "grewUp"}],
    }, 17  # fmt: skip


def _ayse() -> Showcase:
    return {
        "names": [{"givenName": "Ayşe", "familyName": "Yılmaz"}],
        "emailAddresses": body_typed("value", ("ayse.yilmaz@example.net", "work")),
        "phoneNumbers": body_typed("value", ("+90 532 123 45 67", "mobile")),
        "addresses": [body_address("home", "TR", "Türkiye", "İstanbul",
                                   streetAddress="Bağdat Caddesi No:210", extendedAddress="Daire 5",
                                   postalCode="34728", region="İstanbul")],
        "organizations": [{"name": "Kaya Lojistik A.Ş.", "title": "Operasyon Müdürü"}],
    }, None  # fmt: skip


def _joao() -> Showcase:
    return {
        "names": [{"givenName": "João", "familyName": "Gonçalves"}],
        "emailAddresses": body_typed("value", ("joao.goncalves@example.com", "home")),
        "phoneNumbers": body_typed("value", ("+55 11 91234-5678", "mobile"),
                                   ("+55 12 3555-0199", "Cabin")),
        "addresses": [body_address("home", "BR", "Brazil", "São Paulo",
                                   streetAddress="Rua Augusta, 1500", extendedAddress="apto 82",
                                   postalCode="01304-001", region="SP")],
        "birthdays": [{"date": body_date(5, 5, 1999)}],
        "genders": [{"value": "male"}],
        "urls": [{"value": "https://joao.example.com/portfolio", "type": "Portfolio"}],
    }, 18  # fmt: skip


def _wanjiru() -> Showcase:
    return {
        "names": [{"givenName": "Wanjiru", "familyName": "Kamau"}],
        "emailAddresses": body_typed("value", ("wanjiru.kamau@kilimanjaro-coffee.example", "work")),
        "phoneNumbers": body_typed("value", ("+254 712 345 678", "mobile")),
        "addresses": [body_address("work", "KE", "Kenya", "Nairobi", poBox="P.O. Box 30125-00100",
                                   streetAddress="Ngong Road", postalCode="00100",
                                   region="Nairobi County")],
        "organizations": [{"name": "Kilimanjaro Coffee Exporters", "title": "Export Manager",
                           "current": True}],
    }, None  # fmt: skip


def _sam() -> Showcase:
    return {
        "names": [{"givenName": "Sam", "familyName": "Rivera"}],
        "nicknames": [{"value": "🐙 Octo"}],
        "emailAddresses": body_typed("value", ("sam.rivera@example.com", "home")),
        "phoneNumbers": body_typed("value", ("(415) 555-0134", "mobile")),
        "genders": [{"value": "non-binary", "addressMeAs": "they/them"}],
        "biographies": body_note("Climbing buddy 🧗 — free most weekends.\nFavourite: 🐙🌈✨"),
        "interests": [{"value": "bouldering"}],
    }, 20  # fmt: skip


def _rosa() -> Showcase:
    return {
        "names": [{"givenName": "Rosa", "familyName": "Bianchi"}],
        "nicknames": [{"value": "Nonna"}],
        "phoneNumbers": body_typed("value", ("+39 081 555 1234", "home")),
        "addresses": [body_address("home", "IT", "Italy", "Napoli", streetAddress="Via Toledo, 256",
                                   postalCode="80134", region="Campania")],
        "birthdays": [{"date": body_date(10, 12, 1941)}],
        "events": [{"type": "First met", "date": body_date(8, 15, 1962)}],
        "relations": [{"person": "Giulia Bianchi", "type": "grandmother"}],
        "biographies": body_note("Recipes:\n- ragù (Sunday, six hours)\n- sfogliatelle 🥐"),
        "occupations": [{"value": "retired seamstress"}],
        "userDefined": [{"key": "Favourite dish", "value": "Parmigiana di melanzane"}],
    }, None  # fmt: skip


def showcase_contacts() -> list[Showcase]:
    """The hand-written contacts, in the order the demo shows them."""
    friendly = [
        _zoe(), _lukasz(), _soren(), _minh_anh(), _giorgos(), _anna(), _layla(), _noa(),
        _xiaoming(), _hanako(), _minjun(), _priya(), _jose(), _francois(), _amara(),
        _mary_kate(), _gudrun(), _ayse(), _joao(), _wanjiru(), _sam(), _rosa(),
    ]  # fmt: skip
    return [*friendly, *edge_case_contacts()]
