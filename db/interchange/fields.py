"""Which fields a file may fill for each kind, and the headers that name them.

The fields come from the tables (``db.models``): every column a user edits is
importable under its own name, and every reference column ``X_id`` is
importable by the referenced record's name as ``X`` (``city`` for ``city_id``).
On top of those a few fields belong to the import itself: a person's
``full_name`` (split as the person form splits a pasted name), the current
position's ``title`` and ``organisation``, the ``city`` or province that tells
two namesakes apart, delegation ``members`` and event ``participants``.

The header table below only lists the *words* offices use for these fields, in
English and Vietnamese; it adds no field and no type. Headers are compared
folded (``db.folding.fold``), so ``Ho va ten``, ``HỌ VÀ TÊN`` and ``Họ và tên``
are the same header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy.sql.schema import Column

from db.folding import fold
from db.i18n import N_
from db.models import TABLES, RecordKind
from db.said import say

# Kinds a spreadsheet or a file of rows can bring in.
ROW_KINDS: tuple[RecordKind, ...] = (
    RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.CITY, RecordKind.PAIRING,
    RecordKind.DELEGATION, RecordKind.EVENT,
)
_NEVER = frozenset({"id", "created_at", "updated_at", "version", "sort_key", "sort_date",
                     "portrait"})

# Fields that are not columns of the kind's own table (see the module docstring).
EXTRA_FIELDS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.PERSON: ("full_name", "title", "organisation", "city", "photo"),
    RecordKind.ORGANISATION: (),
    RecordKind.CITY: (),
    RecordKind.PAIRING: ("areas",),
    RecordKind.DELEGATION: ("members",),
    RecordKind.EVENT: ("participants",),
}
# Fields holding several values, written "a; b; c" in one cell.
LIST_FIELDS = frozenset({"aliases", "languages", "areas", "members", "participants"})

# Header words by field: English first, then Vietnamese. The first of each language is
# the header an export writes. Fields not listed are matched by their own name.
_HEADERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "full_name": (("Full name", "Name", "Full names", "Contact name"),
                  ("Họ và tên", "Họ tên", "Tên đầy đủ")),
    "family_name": (("Family name", "Surname", "Last name"), ("Họ",)),
    "given_names": (("Given names", "Given name", "First name", "First names"), ("Tên",)),
    "honorific": (("Honorific", "Prefix", "Salutation"), ("Danh xưng",)),
    "title": (("Position", "Job title", "Title", "Role"), ("Chức vụ", "Chức danh")),
    "organisation": (("Organisation", "Organization", "Company", "Agency", "Employer"),
                     ("Cơ quan", "Đơn vị", "Tổ chức", "Cơ quan công tác")),
    "city": (("City", "Province", "Constituency", "Locality"),
             ("Tỉnh/Thành phố", "Tỉnh", "Thành phố", "Địa phương", "Tỉnh thành")),
    "nationality": (("Nationality", "Citizenship"), ("Quốc tịch",)),
    "email": (("Email", "E-mail", "E-mail address", "Email address"),
              ("Thư điện tử", "Địa chỉ email")),
    "phone": (("Phone", "Telephone", "Mobile", "Phone number", "Tel"),
              ("Điện thoại", "Số điện thoại", "SĐT", "Di động")),
    "birth_date": (("Birth date", "Date of birth", "Birthday", "DOB"), ("Ngày sinh",)),
    "languages": (("Languages",), ("Ngôn ngữ",)),
    "biography": (("Biography", "Bio"), ("Tiểu sử",)),
    "protocol_notes": (("Protocol notes",), ("Ghi chú lễ tân",)),
    "private_notes": (("Private notes",), ("Ghi chú riêng",)),
    "pronunciation": (("Pronunciation",), ("Cách đọc tên",)),
    "written_address": (("Written style of address", "Written address"),
                        ("Cách ghi danh xưng (văn bản)", "Cách ghi danh xưng")),
    "interpreter": (("Interpreter needs", "Interpreter"), ("Nhu cầu phiên dịch", "Phiên dịch")),
    "dietary": (("Dietary requirements", "Dietary", "Diet"), ("Chế độ ăn", "Ăn uống")),
    "notes": (("Notes", "Note", "Comments"), ("Ghi chú",)),
    "original_script": (("Original script", "Name in original script"), ("Tên gốc",)),
    "form_of_address": (("Form of address",), ("Cách xưng hô",)),
    "name_order": (("Name order",), ("Thứ tự tên",)),
    "address_by": (("Addressed by",), ("Xưng hô theo",)),
    "photo": (("Photo",), ("Ảnh",)),
    "name": (("Name",), ("Tên",)),
    "acronym": (("Acronym", "Abbreviation"), ("Viết tắt", "Tên viết tắt")),
    "org_kind": (("Kind", "Type", "Category"), ("Loại", "Loại hình")),
    "country": (("Country",), ("Quốc gia", "Nước")),
    "parent": (("Parent organisation", "Parent", "Part of"), ("Cơ quan chủ quản", "Trực thuộc")),
    "website": (("Website", "Web", "URL"), ("Trang web", "Website")),
    "local_name": (("Local name", "Name in the local language"), ("Tên địa phương",)),
    # The Vietnamese form of a name (db.bilingual), where the kind has one.
    "name_vi": (("Vietnamese name", "Name in Vietnamese", "Name (Vietnamese)"),
                ("Tên tiếng Việt", "Tên bằng tiếng Việt")),
    "aliases": (("Aliases", "Other names"), ("Tên khác",)),
    "region": (("Region", "State"), ("Vùng", "Khu vực")),
    "latitude": (("Latitude", "Lat"), ("Vĩ độ",)),
    "longitude": (("Longitude", "Lon", "Lng"), ("Kinh độ",)),
    "city_a": (("City A", "First city", "City 1"), ("Thành phố A", "Thành phố 1")),
    "city_b": (("City B", "Second city", "Partner city", "City 2"),
               ("Thành phố B", "Thành phố kết nghĩa", "Thành phố 2")),
    "programme": (("Programme", "Program"), ("Chương trình",)),
    "pairing_kind": (("Kind", "Type", "Pairing kind"), ("Loại", "Hình thức")),
    "status": (("Status",), ("Trạng thái", "Tình trạng")),
    "since": (("Since",), ("Từ năm", "Từ ngày")),
    "summary": (("Summary",), ("Tóm tắt",)),
    "areas": (("Areas", "Areas of cooperation"), ("Lĩnh vực", "Lĩnh vực hợp tác")),
    "direction": (("Direction",), ("Chiều", "Đoàn ra/vào")),
    "sending_city": (("Sending city", "From city"), ("Thành phố cử đoàn",)),
    "sending_organisation": (("Sending organisation", "Sending organization"),
                             ("Cơ quan cử đoàn",)),
    "host_city": (("Host city",), ("Thành phố đón", "Nơi đến")),
    "start_date": (("Start date", "From", "Start"), ("Ngày bắt đầu", "Từ ngày")),
    "end_date": (("End date", "To", "End", "Until"), ("Ngày kết thúc", "Đến ngày")),
    "date_note": (("Date note",), ("Ghi chú ngày",)),
    "purpose": (("Purpose",), ("Mục đích",)),
    "outcomes": (("Outcomes", "Results"), ("Kết quả",)),
    "follow_ups": (("Follow-ups", "Follow ups"), ("Việc tiếp theo",)),
    "members": (("Members", "Delegation members"), ("Thành viên", "Thành phần đoàn")),
    "arrival": (("Arrival",), ("Đón đoàn", "Lịch đến")),
    "departure": (("Departure",), ("Tiễn đoàn", "Lịch về")),
    "accommodation": (("Accommodation", "Hotel"), ("Nơi lưu trú", "Khách sạn")),
    "our_contact": (("Our contact officer",), ("Cán bộ liên lạc phía ta",)),
    "our_contact_details": (("Our contact details",), ("Liên lạc phía ta",)),
    "their_contact": (("Their contact officer",), ("Cán bộ liên lạc phía bạn",)),
    "their_contact_details": (("Their contact details",), ("Liên lạc phía bạn",)),
    "press": (("Press", "Media"), ("Báo chí",)),
    "series": (("Series",), ("Chuỗi sự kiện",)),
    "venue": (("Venue", "Place"), ("Địa điểm",)),
    "venue_note": (("Venue note",), ("Ghi chú địa điểm",)),
    "theme": (("Theme", "Topic"), ("Chủ đề",)),
    "description": (("Description",), ("Mô tả",)),
    "attendance": (("Attendance", "Attendees"), ("Số người tham dự",)),
    "figures": (("Figures",), ("Số liệu",)),
    "participants": (("Participants",), ("Người tham dự", "Thành phần tham dự")),
    "pairing": (("Pairing",), ("Kết nghĩa",)),
    "event": (("Event",), ("Sự kiện",)),
    "nationality_id": (("Nationality",), ("Quốc tịch",)),
}
# Per-kind words that mean a different field than the shared table says.
_KIND_HEADERS: dict[RecordKind, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    RecordKind.ORGANISATION: {"name": (("Name", "Organisation", "Organization"),
                                       ("Tên", "Tên cơ quan", "Cơ quan"))},
    RecordKind.CITY: {"name": (("Name", "City", "City name"), ("Tên", "Thành phố"))},
    RecordKind.DELEGATION: {"title": (("Title", "Delegation", "Name"), ("Tên đoàn", "Đoàn"))},
    RecordKind.EVENT: {"name": (("Name", "Event", "Event name"), ("Tên sự kiện", "Sự kiện"))},
    RecordKind.PERSON: {"notes": (("Notes", "Note", "Comments"), ("Ghi chú",))},
}


@dataclass(frozen=True)
class FieldInfo:
    """One importable field of a kind: its name, the column it fills (None for the
    import's own fields) and the table a name in it refers to."""

    name: str
    column: Column[Any] | None
    refers_to: RecordKind | None = None

    @property
    def is_list(self) -> bool:
        return self.name in LIST_FIELDS


def _table_kind(table_name: str) -> RecordKind:
    for kind, model in TABLES.items():
        if model.__tablename__ == table_name:
            return kind
    raise KeyError(table_name)


@cache
def fields(kind: RecordKind) -> dict[str, FieldInfo]:
    """Every field a row of *kind* may carry, in the table's column order (do not modify:
    the answer is shared)."""
    model = TABLES[kind]
    found: dict[str, FieldInfo] = {}
    for name, column in model.__table__.columns.items():  # type: ignore[attr-defined]
        if name in _NEVER:
            continue
        foreign = next(iter(column.foreign_keys), None)
        if foreign is not None:
            field_name = name.removesuffix("_id")
            found[field_name] = FieldInfo(field_name, column,
                                          _table_kind(foreign.column.table.name))
        else:
            found[name] = FieldInfo(name, column)
    if kind == RecordKind.PERSON:
        found["nationality"] = FieldInfo("nationality", found.pop("nationality").column,
                                         RecordKind.COUNTRY)
        found["notes"] = FieldInfo("notes", None)  # "Notes" means private notes on people
    for extra in EXTRA_FIELDS.get(kind, ()):
        refers = {"organisation": RecordKind.ORGANISATION, "city": RecordKind.CITY}.get(extra)
        found.setdefault(extra, FieldInfo(extra, None, refers))
    return found


def _words(kind: RecordKind, field_name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    own = _KIND_HEADERS.get(kind, {}).get(field_name)
    if own is not None:
        return own
    return _HEADERS.get(field_name, ((field_name.replace("_", " ").capitalize(),), ()))


def header(kind: RecordKind, field_name: str, language: str = "en") -> str:
    """The header an export writes for a field, in English or Vietnamese."""
    english, vietnamese = _words(kind, field_name)
    if language == "vi" and vietnamese:
        return vietnamese[0]
    return english[0]


def header_key(text: str) -> str:
    """A header as compared: folded, punctuation and spacing ignored (``E-mail`` = ``email``)."""
    return re.sub(r"[^0-9a-z]+", "", fold(text))


def match_header(kind: RecordKind, text: str) -> str | None:
    """The field a column header names, or None when it names none of *kind*'s fields."""
    key = header_key(text)
    if not key:
        return None
    known = fields(kind)
    for name in known:  # a field's own name always wins ("given_names")
        if header_key(name) == key:
            return name
    for name in known:
        english, vietnamese = _words(kind, name)
        if any(header_key(word) == key for word in (*english, *vietnamese)):
            return name
    return None


def parse_mapping(kind: RecordKind, pairs: list[str]) -> dict[str, str]:
    """``--map COLUMN=FIELD`` options as {column header: field}; unknown fields refused."""
    mapping: dict[str, str] = {}
    known = fields(kind)
    for pair in pairs:
        column, sep, field_name = pair.partition("=")
        if not sep or not column.strip() or not field_name.strip():
            raise ValueError(say(N_("--map wants COLUMN=FIELD, not {pair!r}"), pair=pair))
        field_name = field_name.strip()
        if field_name not in known and field_name != "-":
            raise ValueError(say(N_("{kind} has no field {field!r} (fields: {fields})"),
                                 kind=kind.value, field=field_name, fields=", ".join(known)))
        mapping[column.strip()] = field_name
    return mapping
