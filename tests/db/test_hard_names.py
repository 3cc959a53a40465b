"""Hard names as they come in public lists: split, address and search rank.

The names are public figures' names as printed in Vietnam's National Assembly
lists (EveryPolitician, term 13), government and press pages: aliases in
brackets, ethnic-minority names (Tày, Thái, Hmông, Khmer, Ê Đê, Jrai),
academic, religious and military titles, namesakes that differ only by a tone.
"""

from __future__ import annotations

from typing import Any

import pytest

from db import ops, search
from db.catalog import Catalog
from db.folding import fold
from db.kinds import RecordKind
from db.names import address_name, form_of_address
from db.names_data import VIETNAMESE_FAMILY_NAMES
from db.names_parse import split_name

K = RecordKind

# (pasted, honorific, given names, family name, order, aliases, address with "Chairman")
SPLITS: list[tuple[str, str | None, str | None, str, str, tuple[str, ...], str]] = [
    ("Nguyễn Tấn Dũng (Ba Dũng)", None, "Tấn Dũng", "Nguyễn", "family_first", ("Ba Dũng",),
     "Chairman Dũng"),
    ("Hà Thị Khích (Hà Thị Khiết)", None, "Thị Khích", "Hà", "family_first",
     ("Hà Thị Khiết",), "Chairman Khích"),
    ("Nông Đức Mạnh", None, "Đức Mạnh", "Nông", "family_first", (), "Chairman Mạnh"),
    ("Phùng Quốc Hiển", None, "Quốc Hiển", "Phùng", "family_first", (), "Chairman Hiển"),
    ("Mai Tiến Dũng", None, "Tiến Dũng", "Mai", "family_first", (), "Chairman Dũng"),
    ("Giàng Seo Phử", None, "Seo Phử", "Giàng", "family_first", (), "Chairman Phử"),
    ("Bà Tòng Thị Phóng", "Bà", "Thị Phóng", "Tòng", "family_first", (), "Chairman Phóng"),
    ("Thạch Phước Bình", None, "Phước Bình", "Thạch", "family_first", (), "Chairman Bình"),
    ("Đồng Sỹ Nguyên", None, "Sỹ Nguyên", "Đồng", "family_first", (), "Chairman Nguyên"),
    ("Vi Đức Hồi", None, "Đức Hồi", "Vi", "family_first", (), "Chairman Hồi"),
    ("Tôn Thất Thuyết", None, "Thuyết", "Tôn Thất", "family_first", (), "Chairman Thuyết"),
    ("Ông Ích Khiêm", None, "Ích Khiêm", "Ông", "family_first", (), "Chairman Khiêm"),
    ("Ksor Phước Hà", None, "Phước Hà", "Ksor", "family_first", (), "Chairman Hà"),
    ("Y Biêr Niê", None, "Y Biêr", "Niê", "given_first", (), "Chairman Y Biêr"),
    ("H'Hen Niê", None, "H'Hen", "Niê", "given_first", (), "Chairman H'Hen"),
    ("H`Yim Kđoh", None, "H`Yim", "Kđoh", "given_first", (), "Chairman H`Yim"),
    ("Linh mục Lê Ngọc Hoàn", "Linh mục", "Ngọc Hoàn", "Lê", "family_first", (),
     "Chairman Hoàn"),
    ("Hòa thượng Thích Thanh Quyết", "Hòa thượng", "Thanh Quyết", "Thích", "family_first", (),
     "Chairman Quyết"),
    ("Mục sư Nguyễn Hồng Quang", "Mục sư", "Hồng Quang", "Nguyễn", "family_first", (),
     "Chairman Quang"),
    ("Đại đức Thích Minh Tuệ", "Đại đức", "Minh Tuệ", "Thích", "family_first", (),
     "Chairman Tuệ"),
    ("GS.TS. Nguyễn Thiện Nhân", "GS.TS.", "Thiện Nhân", "Nguyễn", "family_first", (),
     "Chairman Nhân"),
    ("PGS. TS. Nguyễn Anh Trí", "PGS. TS.", "Anh Trí", "Nguyễn", "family_first", (),
     "Chairman Trí"),
    ("ThS. Trần Thị Hoa Ry", "ThS.", "Thị Hoa Ry", "Trần", "family_first", (), "Chairman Ry"),
    ("Đại tướng Võ Nguyên Giáp", "Đại tướng", "Nguyên Giáp", "Võ", "family_first", (),
     "Chairman Giáp"),
    ("Thượng tướng Trần Quang Phương", "Thượng tướng", "Quang Phương", "Trần", "family_first",
     (), "Chairman Phương"),
    ("Most Venerable Thích Thiện Nhơn", "Most Venerable", "Thiện Nhơn", "Thích",
     "family_first", (), "Chairman Nhơn"),
    ("H.E. Mrs Cecilia Piccioni", "H.E. Mrs", "Cecilia", "Piccioni", "given_first", (),
     "Chairman Piccioni"),
    ("Dr Ursula von der Leyen", "Dr", "Ursula", "von der Leyen", "given_first", (),
     "Chairman von der Leyen"),
    ("Kwon Young Gull", None, "Young Gull", "Kwon", "family_first", (), "Chairman Kwon"),
]


@pytest.mark.parametrize(("pasted", "honorific", "given", "family", "order", "aliases",
                          "address"), SPLITS, ids=[row[0] for row in SPLITS])
def test_hard_names_split_as_people_write_them(pasted: str, honorific: str | None,
                                               given: str | None, family: str, order: str,
                                               aliases: tuple[str, ...], address: str) -> None:
    found = split_name(pasted)
    assert found is not None
    assert (found.honorific, found.given_names, found.family_name, found.name_order,
            found.aliases) == (honorific, given, family, order, aliases)
    assert found.sure, found.doubts
    printed = form_of_address(explicit=None, address_title="Chairman", honorific=None,
                              given_names=found.given_names, family_name=found.family_name,
                              address_by=found.address_by)
    assert printed == address
    assert not set(printed) & set("()[]\"“”,")


@pytest.mark.parametrize(("pasted", "doubt"), [
    ("Ba Dũng", "Ba"),  # a nickname ("Three Dũng"), never honorific "Bà"
    ("Van Morrison", "Van"),  # Văn is a Vietnamese family name, Van a Western given name
    ("Kim Young Sam", "Korean"),  # Kim: Korean and Vietnamese alike
    ("Gabriel García Márquez", "given names"),
])
def test_the_splitter_says_when_it_guesses(pasted: str, doubt: str) -> None:
    found = split_name(pasted)
    assert found is not None
    assert not found.sure
    assert doubt in " ".join(found.doubts)
    assert found.honorific is None


def test_ba_dung_is_not_mrs_dung_but_ba_dung_with_accents_is() -> None:
    nickname, madam = split_name("Ba Dũng"), split_name("Bà Dũng")
    assert nickname is not None and madam is not None
    assert nickname.honorific is None and "Ba" in (nickname.family_name, nickname.given_names)
    assert (madam.honorific, madam.family_name) == ("Bà", "Dũng")


def test_degrees_after_a_name_are_not_the_family_name() -> None:
    found = split_name("Jane Doe, PhD")
    assert found is not None
    assert (found.given_names, found.family_name, found.suffix) == ("Jane", "Doe", "PhD")


def test_the_family_name_list_covers_the_whole_alphabet_and_the_minorities() -> None:
    folded = {fold(name) for name in VIETNAMESE_FAMILY_NAMES}
    assert len(folded) > 200
    for name in ("Phùng", "Mai", "Nông", "Giàng", "Thạch", "Vi", "Đồng", "Lò", "Sầm", "Cầm",
                 "Hầu", "Thào", "Vàng", "Sùng", "Lường", "Quàng", "Tòng", "Danh", "Ma", "Bế",
                 "Triệu", "Chu", "Nghiêm", "Khuất", "Tôn Thất", "Âu Dương"):
        assert fold(name) in folded, name
    assert {fold(n)[0] for n in VIETNAMESE_FAMILY_NAMES} >= set("abcdghklmnpqstuvy")


def test_an_address_never_carries_a_bracket() -> None:
    assert address_name("Tấn Dũng (Ba Dũng)", "Nguyễn", "given") == "Dũng"
    assert address_name("Thị Khích", "(Hà)", "family") == "Hà"


# ---------------------------------------------------------------- search rank


def _person(tx: ops.Transaction, name: str, **values: Any) -> int:
    found = split_name(name)
    assert found is not None
    person = tx.create(K.PERSON, {"family_name": found.family_name,
                                  "given_names": found.given_names,
                                  "name_order": found.name_order,
                                  "address_by": found.address_by,
                                  "aliases": list(found.aliases), **values})
    return int(person)


def _first(catalog: Catalog, query: str) -> list[str]:
    with catalog.read_session() as session:
        return [hit.title for hit in search.search(session, query, kinds=["person"], limit=10)]


@pytest.fixture
def assembly(empty_catalog: Catalog) -> Catalog:
    """A small assembly whose creation order favours the wrong answers."""
    with ops.transaction(empty_catalog) as tx:
        assembly = tx.create(K.ORGANISATION, {"name": "National Assembly of Vietnam"})
        hanoi = tx.create(K.CITY, {"name": "Hanoi", "region": "Hà Nội"})
        danang = tx.create(K.CITY, {"name": "Da Nang", "region": "Đà Nẵng"})
        hanoi_org = tx.create(K.ORGANISATION, {"name": "Hanoi Party Committee",
                                               "city_id": hanoi})
        danang_org = tx.create(K.ORGANISATION, {"name": "Da Nang People's Committee",
                                                "city_id": danang})
        vn = tx.create(K.COUNTRY, {"code": "VN", "name": "Vietnam"})
        for name in ("Nguyễn Văn Hiện", "Vũ Văn Hải", "Nguyễn Văn Hiến", "Vũ Hải Hà",
                     "Nguyễn Tấn Dũng (Ba Dũng)", "H`Yim Kđoh", "Vi Đức Hồi", "Đồng Sỹ Nguyên"):
            _person(tx, name, nationality_id=vn)
        # A longer indexed text than "Vũ Văn Hải": only the whole name puts it first.
        _person(tx, "Vũ Hải", nationality_id=vn,
                form_of_address="Deputy Director General Hải")
        # People whose titles and organisations hold the query words, not their names.
        for name, title in (("Trần Văn Sơn", "Deputy Chairman"),
                            ("Lê Văn Minh", "Member of the National Assembly"),
                            ("Phạm Thị Dung", "Head of the Vietnam Women's Union")):
            person = _person(tx, name, nationality_id=vn)
            tx.create(K.POSITION, {"person_id": person, "organisation_id": assembly,
                                   "title": title})
        for org, start in ((hanoi_org, "2016-04-01"), (danang_org, "2021-07-20")):
            person = _person(tx, "Trần Văn Nam")
            tx.create(K.POSITION, {"person_id": person, "organisation_id": org,
                                   "title": "Deputy", "start_date": start})
    return empty_catalog


@pytest.mark.parametrize(("query", "first"), [
    ("Nguyễn Văn Hiến", "Nguyễn Văn Hiến"),
    ("Nguyễn Văn Hiện", "Nguyễn Văn Hiện"),
    ("Hiến", "Nguyễn Văn Hiến"),
    ("NGUYỄN VĂN HIẾN", "Nguyễn Văn Hiến"),
    ("Vũ Hải Hà", "Vũ Hải Hà"),
    ("vu hai ha", "Vũ Hải Hà"),
    ("Vũ Hải", "Vũ Hải"),
    ("vu hai", "Vũ Hải"),
    ("hyim", "H`Yim Kđoh"),
    ("HYim", "H`Yim Kđoh"),
    ("H'Yim", "H`Yim Kđoh"),
    ("H’Yim Kđoh", "H`Yim Kđoh"),
    ("HʼYim", "H`Yim Kđoh"),
    ("yim", "H`Yim Kđoh"),
    ("Ba Dũng", "Nguyễn Tấn Dũng"),
    ("ba dung", "Nguyễn Tấn Dũng"),
    ("Vi", "Vi Đức Hồi"),
    ("vi duc hoi", "Vi Đức Hồi"),
    ("Đồng Sỹ Nguyên", "Đồng Sỹ Nguyên"),
    ("dong sy nguyen", "Đồng Sỹ Nguyên"),
])
def test_the_exact_name_ranks_first(assembly: Catalog, query: str, first: str) -> None:
    assert _first(assembly, query)[:1] == [first]


def test_accent_free_query_finds_both_tones_first(assembly: Catalog) -> None:
    assert set(_first(assembly, "nguyen van hien")[:2]) == {"Nguyễn Văn Hiến", "Nguyễn Văn Hiện"}


def test_short_words_do_not_match_the_start_of_titles(assembly: Catalog) -> None:
    assert "Lê Văn Minh" not in _first(assembly, "a")  # "Assembly"
    assert "Trần Văn Sơn" not in _first(assembly, "de")  # "Deputy"
    assert "Phạm Thị Dung" not in _first(assembly, "vi")  # "Vietnam"
    assert "Lê Văn Minh" in _first(assembly, "assembly")
    assert "Trần Văn Sơn" in _first(assembly, "deputy")


def test_names_rank_above_titles(assembly: Catalog) -> None:
    found = _first(assembly, "nam")
    assert found[:2] == ["Trần Văn Nam", "Trần Văn Nam"]


def test_namesakes_show_what_tells_them_apart(assembly: Catalog) -> None:
    with assembly.read_session() as session:
        hits = [h for h in search.search(session, "Trần Văn Nam", kinds=["person"])
                if h.title == "Trần Văn Nam"]
        alone = search.search(session, "Vi Đức Hồi", kinds=["person"])[0]
    assert len(hits) == 2
    assert len({h.subtitle for h in hits}) == 2
    assert {("Hà Nội" in h.subtitle, "2016" in h.subtitle) for h in hits} == {
        (True, True), (False, False)}
    assert any("Da Nang" in h.subtitle and "2021" in h.subtitle for h in hits)
    assert alone.subtitle == ""  # no namesake, nothing added
