"""What the sample catalog must contain, written by reading the five seed articles.

These lists were compiled from the articles in ``/work/shared/seeds`` (000 and 003: the
EU World Cities meeting in Hanoi on 13 June 2017; 001: Vietnam-Asia Smart City Summit 2023;
002: Vietnam-Asia Smart City Summit 2024, The Hanoi Times; 004: CICON HCMC 2023, Viet Nam
News), independently of ``assets/sample/catalog.json``, so a test can compare the loaded
catalog against them by display text rather than by the data file's own keys.

People are given as full display names in their own order, with Vietnamese diacritics (NFC);
cities by English name; pairings as pairs of English city names.
"""

from typing import Final

EXPECTED_SOURCES: Final[list[str]] = [
    "Work Meeting in Vietnam",
    "Opening of Vietnam – Asia Smart City Summit 2023",
    "Innovation, digital transformation: Key to Hanoi's future growth",
    "Milan hỗ trợ Hà Nội xây dựng đô thị thông minh",
    "HCM City seeks partnership with RoK to build smart city",
]

EXPECTED_PEOPLE: Final[list[str]] = [
    # 000 / 003: EU World Cities, June 2017
    "Nguyễn Đức Chung",
    "Bruno Angelet",
    "Ramón López",
    "Cecilia Piccioni",
    "Igor Pakolak",
    "Trần Đại Quang",
    "Hoan",
    # 001: Vietnam-Asia Smart City Summit 2023
    "Trần Sỹ Thanh",
    "Nguyễn Huy Dũng",
    "Trương Gia Bình",
    # 002: Vietnam-Asia Smart City Summit 2024 (and its related-news teasers, photo credits)
    "Hà Minh Hải",
    "Nguyễn Văn Khoa",
    "Paul Yeo",
    "Phạm Minh Chính",
    "Hồ Chí Minh",
    "Pham Hung",
    # 004: CICON HCMC 2023
    "Phan Văn Mãi",
    "Kwon Young Gull",
]

EXPECTED_ORGANISATIONS: Final[list[str]] = [
    # Vietnam: government
    "Government of Vietnam",
    "Office of the President of Vietnam",
    "Ministry of Information and Communications",
    "Hanoi People's Committee",
    "Hanoi Department of Information and Communications",
    "Tây Hồ District People's Committee",
    "Hanoi Start-Up Centre",
    "Ho Chi Minh City People's Committee",
    "Ho Chi Minh City Hall",
    "Management Board of the Saigon River Tunnel",
    "Saigon Hi-Tech Park",
    "Quang Trung Software City",
    # Vietnam: companies, associations, universities, venues, media
    "FPT Corporation",
    "FPT Software",
    "Viettel",
    "Vietnam Posts and Telecommunications Group",
    "Vietnam Software and IT Services Association",
    "National Convention Center",
    "Foreign Trade University",
    "Vietnam-Germany University",
    "Ho Chi Minh City Union of Business Associations",
    "Young Business People Association of Ho Chi Minh City",
    "Imex Pan Pacific Group",
    "The Hanoi Times",
    "Viet Nam News",
    "Sài Gòn Giải Phóng",
    # Europe
    "European Union",
    "European Commission",
    "Directorate-General for Regional and Urban Policy",
    "Delegation of the European Union to Vietnam",
    "Embassy of Italy in Vietnam",
    "Embassy of the Slovak Republic in Vietnam",
    "Deutsche Gesellschaft für Internationale Zusammenarbeit",
    "GIZ International Services",
    # Korea, Malaysia, international
    "Office of the President of the Republic of Korea",
    "National Architectural Policy Committee",
    "Seoul Design Foundation",
    "Korea CEO Summit",
    "Confexhub",
    "Malaysia Smart Cities Alliance",
    "United Nations",
    "United Nations Educational, Scientific and Cultural Organization",
    "Association of Southeast Asian Nations",
]

EXPECTED_CITIES: Final[list[str]] = [
    "Hanoi",
    "Ho Chi Minh City",
    "Milan",
    "Košice",
    "Da Nang",
    "Thu Duc City",
    "Seoul",
    "Xi'an",
    "Qingdao",
    "Ulaanbaatar",
    "Lam Dong",
    "Binh Duong",
]

EXPECTED_PROGRAMMES: Final[list[str]] = [
    "EU World Cities",
]

EXPECTED_PAIRINGS: Final[list[tuple[str, str]]] = [
    ("Hanoi", "Milan"),
    ("Ho Chi Minh City", "Košice"),
    ("Hanoi", "Lam Dong"),
]

EXPECTED_COOPERATION_AREAS: Final[list[str]] = [
    "Smart city",
    "Mobility",
    "Circular economy",
    "Start-up ecosystem",
    "E-government",
    "Water quality management",
    "Fashion industry",
    "Universities and research institutions",
    "IT solutions for smart cities",
    "Design",
    "Renovation",
    "Health care",
    "Administrative reform",
    "Silk supply for craft villages",
]

EXPECTED_EVENTS: Final[list[str]] = [
    "EU World Cities Kick-Off Event in Hanoi",
    "Vietnam-Asia Smart City Summit 2023",
    "Vietnam-Asia Smart City Summit 2024",
    "CICON HCMC 2023",
    "CICON Seoul 2012",
    "CICON Xi'an",
    "CICON Qingdao",
    "CICON Ulaanbaatar",
    "CICON Hanoi 2022",
    "Tu Lien Bridge kick-off",
]

EXPECTED_DELEGATIONS: Final[list[str]] = [
    "EU World Cities delegation to Hanoi (Milan pairing), June 2017",
    "EU World Cities delegation to Ho Chi Minh City (Košice pairing), 2017",
    "President Trần Đại Quang's visit to Italy, November 2016",
    "Chairman Nguyễn Đức Chung's visit to Milan, second half of 2017 (invitation)",
]

# (person's full name, ISO date, title the person held on that date per the articles)
EXPECTED_TITLES_ON_DATE: Final[list[tuple[str, str, str]]] = [
    ("Nguyễn Đức Chung", "2017-06-13", "Chairman of the Hanoi People's Committee"),
    ("Bruno Angelet", "2017-06-13", "Head of the European Union Delegation to Vietnam"),
    ("Cecilia Piccioni", "2017-06-13", "Ambassador of Italy to Vietnam"),
    ("Igor Pakolak", "2017-06-13", "Ambassador of the Slovak Republic to Vietnam"),
    ("Phan Văn Mãi", "2023-06-07", "Chairman of the Ho Chi Minh City People's Committee"),
    ("Kwon Young Gull", "2023-06-07", "Chairman of the Seoul Design Foundation"),
    ("Trần Sỹ Thanh", "2023-11-29", "Chairman of the Hanoi People's Committee"),
    ("Nguyễn Huy Dũng", "2023-11-29", "Deputy Minister of Information and Communications"),
    ("Trần Sỹ Thanh", "2024-12-02", "Chairman of the Hanoi People's Committee"),
    ("Hà Minh Hải", "2024-12-02", "Deputy Chairman of the Hanoi People's Committee"),
]
