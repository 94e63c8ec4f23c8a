"""Word lists for the seed data: employers, titles, interests, notes and the like.

Every domain here is reserved for documentation (RFC 2606 / RFC 6761: ``example.com``,
``example.org``, ``example.net`` and names under ``.example``), so demo data can never point at a
real mailbox or website.
"""

from __future__ import annotations


def _split(text: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(sep) if item.strip())


# Reserved second-level domains that personal addresses live at.
PERSONAL_EMAIL_DOMAINS = _split(
    "example.com, example.org, example.net, mail.example.com, post.example.net, inbox.example.org"
)
RESERVED_EMAIL_SUFFIXES = ("example.com", "example.org", "example.net", ".example", ".test")

# (employer name, the label its `.example` domain is made of). Fictional, in several languages.
COMPANIES: tuple[tuple[str, str], ...] = tuple(
    (name.strip(), slug.strip())
    for name, _, slug in (
        line.partition("|")
        for line in _split(
            """
            Northwind Trading|northwind; Blue Harbour Bakery|blueharbour;
            Lindqvist & Åberg Arkitekter|lindqvist-aberg; Müller & Söhne GmbH|mueller-soehne;
            Boulangerie Lefèvre SARL|boulangerie-lefevre; Estudio Creativo Alba|estudio-alba;
            Padaria Pão Quente Ltda.|paoquente; Zielona Łąka Sp. z o.o.|zielona-laka;
            Fjord Analytics ApS|fjord-analytics; Kaya Lojistik A.Ş.|kaya-lojistik;
            株式会社さくらソフト|sakura-soft; 上海明光科技有限公司|mingguang;
            한빛 디자인 스튜디오|hanbit-design; ООО «Северный ветер»|severny-veter;
            Ελληνική Ναυτιλιακή Α.Ε.|hellenic-shipping; مكتبة النيل|nile-books;
            סטודיו גליל|galil-studio; शर्मा टेक्सटाइल्स|sharma-textiles;
            Quantum Orchard Labs|quantum-orchard; Riverbend Veterinary Clinic|riverbend-vet;
            Contoso Pharmaceuticals|contoso; Fabrikam Legal LLP|fabrikam;
            Tailspin Toys|tailspin; Wide World Importers|wideworld;
            Adventure Works Cycles|adventure;
            Lakeside Community College|lakeside-college; Summit Physiotherapy|summit-physio;
            Golden Gate Dental|goldengate-dental; Kilimanjaro Coffee Exporters|kilimanjaro-coffee;
            Lagos Fintech Hub|lagos-fintech; Café La Esquina|cafe-esquina;
            Hotel Bellavista|bellavista; Ceramiche Amalfitane Snc|ceramiche-amalfi;
            Nordlys Energi AS|nordlys; Van Dijk Fietsen B.V.|vandijk-fietsen
            """,
            ";",
        )
    )
)

JOB_TITLES = _split(
    "Software Engineer, Senior Software Engineer, Product Manager, Designer, Data Scientist, "
    "Account Executive, Office Manager, Head Chef, Pharmacist, Nurse Practitioner, "
    "Veterinarian, Architect, Site Reliability Engineer, Marketing Lead, Paralegal, Partner, "
    "Founder & CEO, CFO, Barista, Teacher, Professor of Linguistics, Translator, Photographer, "
    "Logistics Coordinator, Customer Success Manager, Recruiter, Electrician, Accountant"
)
DEPARTMENTS = _split(
    "Engineering, Product, Design, Sales, Marketing, Finance, People Operations, Legal, "
    "Customer Support, IT, Facilities, Research"
)
OCCUPATIONS = _split(
    "carpenter, midwife, ship's captain, beekeeper, luthier, sommelier, glassblower, "
    "translator, dentist, firefighter, florist, locksmith, cartographer, violinist"
)
INTERESTS = _split(
    "stargazing, bouldering, sourdough baking, chess, birdwatching, jazz piano, marathon running, "
    "origami, calligraphy, scuba diving, board games, urban sketching, beekeeping, kite surfing, "
    "fermentation, K-dramas, vinyl records, bonsai, salsa dancing, amateur radio"
)
NICKNAMES = _split(
    "Bubbles, Doc, Ace, Sunny, Coach, Captain, Peanut, Bean, Shortstop, Sparky, "
    "🐙 Octo, 🌻 Sunflower, ☕ Espresso, 🎸 Riff, 🦊 Fox"
)
CUSTOM_EMAIL_TYPES = _split("School, Club, Newsletter, Old work, Volunteering")
CUSTOM_PHONE_TYPES = _split("Boat, Cabin, Front desk, Emergency, Satellite")
RELATION_TYPES = _split(
    "spouse, child, mother, father, parent, brother, sister, friend, relative, domesticPartner, "
    "manager, assistant, referredBy, partner, godmother, mentor"
)
EVENT_LABELS = _split("First met, Graduation, Moved to Lisbon, Name day")
IM_PROTOCOLS = _split("skype, jabber, qq, googleTalk, icq, Matrix, Signal")
URL_TYPES = _split("home, work, blog, profile, homePage, other, Portfolio")
MISC_KEYWORD_TYPES = _split(
    "OUTLOOK_BILLING_INFORMATION, OUTLOOK_DIRECTORY_SERVER, OUTLOOK_KEYWORD, OUTLOOK_MILEAGE, "
    "OUTLOOK_PRIORITY, OUTLOOK_SENSITIVITY, OUTLOOK_SUBJECT, OUTLOOK_USER, HOME, WORK, OTHER"
)

# Short notes; `{city}` and `{interest}` are filled in. Some carry emoji, some span lines.
NOTES = _split(
    """
    Met at the conference in {city}.|
    Prefers text messages over email.|
    Allergic to peanuts 🥜 — remember for the dinner party.|
    Owes me a coffee ☕|
    Gift idea: anything about {interest} 🎁|
    Call after 6 pm their time.|
    Neighbour from the old flat in {city}.
    Waters the plants when we travel 🌱|
    Thursday evenings: {interest} club.|
    Introduced by a friend of a friend; very kind.|
    🎂 Loves lemon cake.|
    Parking: use the side gate, code is on the fridge.
    Spare key with the neighbour at no. 7.|
    Speaks four languages 🇩🇪 🇯🇵 🇧🇷 🇰🇪|
    Helped us move house in {city} 🚚
    """,
    "|",
)

# Workspace directory: (building id, city, country code, floors, cultures that staff it).
DIRECTORY_BUILDINGS: tuple[tuple[str, str, str, int, tuple[str, ...]], ...] = (
    ("SFO-1", "San Francisco", "US", 6, ("us", "us", "us", "mx", "zh", "hi", "ko")),
    ("NYC-2", "New York", "US", 4, ("us", "us", "gb", "he", "ru", "br")),
    ("LON-1", "London", "GB", 5, ("gb", "gb", "fr", "pl", "it", "ng", "hi")),
    ("BER-3", "Berlin", "DE", 3, ("de", "de", "tr", "da", "sv", "el", "nl")),
    ("TYO-1", "東京", "JP", 8, ("ja", "ja", "ja", "ko", "zh")),
    ("BLR-2", "Bengaluru", "IN", 4, ("hi", "hi", "hi", "gb")),
    ("SAO-1", "São Paulo", "BR", 2, ("br", "br", "es", "mx")),
    ("NBO-1", "Nairobi", "KE", 2, ("ke", "ke", "ng", "ar")),
)

# What staff below the department head are called, by department.
DEPARTMENT_TITLES: dict[str, tuple[str, ...]] = {
    "Engineering": _split(
        "Software Engineer, Senior Software Engineer, Staff Engineer, Site Reliability Engineer"
    ),
    "Product": _split("Product Manager, Senior Product Manager, Product Analyst"),
    "Design": _split("Product Designer, UX Researcher, Content Designer"),
    "Sales": _split("Account Executive, Sales Engineer, Sales Development Representative"),
    "Marketing": _split("Marketing Manager, Brand Designer, Growth Analyst"),
    "Finance": _split("Financial Analyst, Controller, Accounts Payable Specialist"),
    "People Operations": _split("People Partner, Recruiter, Learning & Development Lead"),
    "Legal": _split("Counsel, Senior Counsel, Paralegal"),
    "Customer Support": _split("Support Specialist, Support Engineer, Support Team Lead"),
    "IT": _split("IT Support Engineer, Systems Administrator, Security Analyst"),
    "Facilities": _split("Facilities Coordinator, Workplace Manager"),
    "Research": _split("Research Scientist, Research Engineer, Research Intern"),
}
