"""Every sentence the store writes for a user comes out in the user's language.

Each test runs one of the store's user-facing error paths on a real catalog file under
Vietnamese and checks the message the user would read: it is a :class:`db.said.Said`
whose code (the English template) has a Vietnamese translation, what is shown is that
translation (not the English), and the same sentence written again in English is the
English one, so callers and tests compare codes, never words.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db import backup, health, i18n, ops, schema
from db.catalog import (
    Catalog,
    CatalogError,
    CatalogInUseError,
    DamagedCatalogError,
    NewerCatalogError,
    NotACatalogError,
    ReadOnlyCatalogError,
    create_catalog,
    open_catalog,
)
from db.i18n import _translations
from db.interchange.duplicates import candidates
from db.interchange.fields import header, match_header
from db.interchange.source import import_prepared, prepare
from db.interchange.tables import FileProblem
from db.kinds import RecordKind
from db.said import Said
from db.search import search
from db.search_words import shown_subtitle
from db.titles import attestation_error
from db.vocabulary import count, noun

K = RecordKind
ROOT = Path(__file__).resolve().parents[2]


def assert_vietnamese(message: object) -> Said:
    """*message* is a Said, translated, and written in Vietnamese (not its English)."""
    assert isinstance(message, Said), f"not a Said: {message!r}"
    vi = _translations("vi")
    translated = (vi.ngettext(message.code, message.plural, message.n) if message.plural
                  else vi.gettext(message.code))
    assert translated not in (message.code, message.plural), f"no Vietnamese: {message.code!r}"
    english = message.in_language("en")
    assert str(message) != english, f"shown in English: {message!r}"
    assert str(message) == message.in_language("vi")
    for value in message.params.values():  # a reason inside the sentence: Vietnamese too
        if isinstance(value, Said):
            assert_vietnamese(value)
    return message


def said_by(exc: BaseException) -> Said:
    """The sentence an exception was raised with."""
    assert len(exc.args) == 1, exc.args
    return assert_vietnamese(exc.args[0])


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    with i18n.using("vi"):
        yield


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A small real catalog, closed (nothing of this process holds it)."""
    path = tmp_path / "office.liaison"
    with i18n.using("en"):
        create_catalog(path, sample=False).close()
    return path


def test_a_file_that_is_not_a_catalog_is_refused_in_vietnamese(tmp_path: Path) -> None:
    notes = tmp_path / "notes.liaison"
    notes.write_text("meeting notes, not a catalog\n" * 10)
    with pytest.raises(NotACatalogError) as caught:
        open_catalog(notes)
    said = said_by(caught.value)
    assert said.code.startswith("{path} is not a Liaison catalog")
    assert "không phải là danh mục Liaison" in said
    assert "đây không phải là cơ sở dữ liệu SQLite" in said  # the reason, in Vietnamese too

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(NotACatalogError) as caught:
        open_catalog(other)
    assert "cơ sở dữ liệu SQLite của một chương trình khác" in said_by(caught.value)


def test_a_damaged_catalog_is_set_aside_with_a_vietnamese_message(made: Path) -> None:
    data = bytearray(made.read_bytes())
    page = 4096
    data[page * 2: page * 2 + 200] = b"\xff" * 200  # garble a table page
    made.write_bytes(bytes(data))
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(made)
    said = said_by(caught.value)
    assert " bị hỏng (" in said and "Liaison đã chuyển tệp sang một bên" in said
    assert isinstance(said.params["problem"], Said)  # SQLite's "malformed", in words
    assert caught.value.quarantined is not None and caught.value.quarantined.exists()


def test_a_catalog_from_a_newer_liaison_is_refused_in_vietnamese(made: Path) -> None:
    conn = sqlite3.connect(made)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerCatalogError) as caught:
        open_catalog(made)
    assert "phiên bản Liaison mới hơn" in said_by(caught.value)
    report = health.check_file(made)
    assert_vietnamese(report.problems[0])


def test_a_missing_folder_and_an_existing_file_are_said_in_vietnamese(made: Path,
                                                                     tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        create_catalog(made, sample=False)
    assert "đã tồn tại" in said_by(caught.value)
    with pytest.raises(CatalogError) as caught:
        create_catalog(tmp_path / "nowhere" / "x.liaison", sample=False)
    said_by(caught.value)


def test_a_read_only_catalog_says_why_and_refuses_writes_in_vietnamese(made: Path) -> None:
    made.chmod(0o444)
    try:
        with open_catalog(made) as catalog:
            assert catalog.read_only
            assert_vietnamese(catalog.read_only_reason)
            with pytest.raises(ReadOnlyCatalogError) as caught:
                ops.create(catalog, K.CITY, {"name": "Huế"})
            said = said_by(caught.value)
            assert said.startswith("Danh mục này chỉ đọc (tệp ở chế độ chỉ đọc)")
            assert said.params["todo"].code.startswith("To edit, copy it")
        with open_catalog(made, read_only=True) as catalog:
            said = assert_vietnamese(catalog.read_only_message())
            assert said.params["todo"].code == "To edit, open it again normally."
    finally:
        made.chmod(0o644)


def test_a_restore_while_another_program_holds_the_catalog_is_refused_in_vietnamese(
        made: Path) -> None:
    with i18n.using("en"):
        taken = backup.backup_now(made, "manual")
    # Another process holds a read transaction open on the catalog, as another window would.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN'); c.execute('SELECT count(*) FROM person').fetchone(); "
         "print('holding', flush=True); sys.stdin.read()", str(made)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(CatalogInUseError) as caught:
            backup.restore(made, taken.path)
        assert "đang được mở trong một cửa sổ hoặc chương trình khác" in said_by(caught.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_restoring_something_that_is_not_a_backup_is_refused_in_vietnamese(
        made: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.liaison"
    junk.write_bytes(b"not a backup")
    with pytest.raises(CatalogError) as caught:
        backup.restore(made, junk)
    said = said_by(caught.value)
    assert said.startswith("Không khôi phục được từ junk.liaison")


def test_a_shared_database_is_not_backed_up_here_said_in_vietnamese() -> None:
    engine = create_engine("sqlite://")
    server = Catalog(engine=engine, url="postgresql://office/liaison", path=None)
    try:
        with pytest.raises(CatalogError) as caught:
            backup.backup_now(server)
        assert said_by(caught.value).startswith("Cơ sở dữ liệu dùng chung của cơ quan")
    finally:
        engine.dispose()


def test_field_limits_and_bad_dates_are_said_in_vietnamese(empty_catalog: Catalog) -> None:
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(empty_catalog, K.PERSON, {"family_name": "n" * 2_000})
    said = assert_vietnamese(caught.value.errors["family_name"])
    assert said == "Họ quá dài (2.000 ký tự; tối đa 500)."
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(empty_catalog, K.PERSON, {"family_name": b"Nguyen"})
    assert_vietnamese(caught.value.errors["family_name"])
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(empty_catalog, K.DELEGATION, {"title": "Đoàn Busan",
                                                 "start_date": "13/13/2017"})
    assert_vietnamese(caught.value.errors["start_date"])
    assert_vietnamese(attestation_error("tháng Sáu"))
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(empty_catalog, K.PERSON, {"family_name": "Nguyễn", "email": "an@ubnd"})
    said = assert_vietnamese(caught.value.errors["email"])
    assert isinstance(said.params["reason"], Said)  # email-validator's English, in words
    with pytest.raises(ops.NotFoundError) as caught:
        ops.update(empty_catalog, K.CITY, 999, {"name": "Huế"}, expected_version=1)
    assert said_by(caught.value) == "Không có thành phố nào mang số hiệu 999."


BAD_ROWS = (
    "Họ và tên,Quốc tịch,Ngày sinh,Email\n"
    "Nguyễn Văn An,Việt Nam,14/03/1965,an@example.vn\n"
    "Trần Thị Bình,Atlantis,1970,binh@example.vn\n"
    "Lê Văn Cường,Việt Nam,tháng Ba,cuong@example.vn\n"
    ",Việt Nam,1980,\n"
)


def test_an_import_with_bad_rows_reports_each_row_in_vietnamese(empty_catalog: Catalog,
                                                                tmp_path: Path) -> None:
    source = tmp_path / "danh-sach.csv"
    source.write_text(BAD_ROWS, encoding="utf-8")
    prepared = prepare(source)
    report = import_prepared(empty_catalog, prepared, dry_run=True)
    assert report.bad_rows == [3, 4, 5]
    for issue in report.errors:
        assert_vietnamese(issue.message)
        assert_vietnamese(issue.__str__())
        assert issue.as_dict()["code"] == issue.message.code  # type: ignore[attr-defined]
    codes = {issue.message.code for issue in report.errors}  # type: ignore[attr-defined]
    assert ("{text!r} is not a country this catalog knows (use the country's English name "
            "or ISO code)") in codes
    with pytest.raises(FileProblem) as caught:
        prepare(tmp_path / "none.csv")
    said_by(caught.value)


def test_the_import_command_reports_bad_rows_in_vietnamese(made: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(BAD_ROWS, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "gui", "--language", "vi", "import", str(source), "--dry-run",
         "--json", "--catalog", str(made)],
        cwd=ROOT, text=True, capture_output=True, timeout=120,
        env={**os.environ, "LANGUAGE": "vi"})
    assert "Traceback" not in run.stderr, run.stderr
    found = json.loads(run.stdout)
    messages = [issue["message"] for issue in found["errors"]]
    assert messages and all(issue["code"] for issue in found["errors"])
    assert any("không phải là quốc gia mà danh mục biết" in m for m in messages), messages
    assert any("không phải là ngày" in m for m in messages), messages


def test_duplicate_reasons_are_given_in_vietnamese(empty_catalog: Catalog) -> None:
    for given in ("Văn An", "Van An"):
        ops.create(empty_catalog, K.PERSON, {"family_name": "Nguyễn", "given_names": given,
                                             "name_order": "family_first",
                                             "email": "an@example.vn"})
    with empty_catalog.read_session() as session:
        pairs = candidates(session, K.PERSON)
    assert pairs, "the two namesakes are candidates"
    reasons = pairs[0].reasons
    assert [assert_vietnamese(r).code for r in reasons] == ["same e-mail"]
    assert pairs[0].as_dict()["reasons"] == ["cùng e-mail"]
    assert pairs[0].as_dict()["reason_codes"] == ["same e-mail"]


def test_the_check_report_is_in_vietnamese_and_repair_still_recognises_index_gaps(
        made: Path) -> None:
    with i18n.using("en"), open_catalog(made) as catalog:
        ops.create(catalog, K.CITY, {"name": "Huế"})
        backup.backup_now(catalog, "manual")
    conn = sqlite3.connect(made)
    conn.execute("DELETE FROM search_index")
    conn.commit()
    conn.close()
    report = health.check_file(made)
    for line in (*report.facts, *report.problems):
        assert_vietnamese(line)
    assert report.repairable
    # The daily backup taken on opening, then the manual one.
    assert any(fact.startswith("2 bản sao lưu, mới nhất lúc ") and fact.endswith("(thủ công)")
               for fact in report.facts), report.facts
    assert any("chỉ mục tìm kiếm có 0/1 bản ghi thành phố" in p for p in report.problems)
    health.repair(made)
    assert health.check_file(made).ok


def test_kind_nouns_joined_in_counts_hold_no_comma() -> None:
    """"3 cơ quan, tổ chức, 2 thành phố" reads as four things: no noun may hold a comma."""
    for kind in RecordKind:
        for number in (1, 2):
            assert "," not in noun(kind, number), (kind, noun(kind, number))
    assert count(K.ORGANISATION, 43) == "43 cơ quan/tổ chức"


def test_a_vietnamese_name_column_fills_the_vietnamese_form(empty_catalog: Catalog,
                                                           tmp_path: Path) -> None:
    for kind in (K.ORGANISATION, K.CITY, K.EVENT):
        assert match_header(kind, "Tên tiếng Việt") == "name_vi"
        assert header(kind, "name_vi", "vi") == "Tên tiếng Việt"
    assert match_header(K.CITY, "Tên địa phương") == "local_name"
    source = tmp_path / "co-quan.csv"
    source.write_text("Name,Tên tiếng Việt\nHanoi People's Committee,UBND TP Hà Nội\n",
                      encoding="utf-8")
    prepared = prepare(source, kind="organisation")
    report = import_prepared(empty_catalog, prepared, backup=False)
    assert report.written and not report.errors
    with empty_catalog.read_session() as session:
        row = session.execute(text("SELECT name, name_vi FROM organisation")).one()
    assert tuple(row) == ("Hanoi People's Committee", "UBND TP Hà Nội")


def test_search_result_lines_are_written_in_the_readers_language(sample_catalog: Catalog) -> None:
    """The index keeps what was written when a record was saved (here: in English by
    ``init``); a Vietnamese reader sees its dates and pairing kinds in Vietnamese."""
    with sample_catalog.read_session() as session:
        hits = search(session, "Meeting with Chairman", kinds=["engagement"])
    assert hits and hits[0].subtitle.startswith("13/06/2017"), hits[:1]
    with i18n.using("en"), sample_catalog.read_session() as session:
        english = search(session, "Meeting with Chairman", kinds=["engagement"])
    assert english[0].subtitle.startswith("13/06/2017")  # both offices write dd/MM/yyyy
    assert shown_subtitle("pairing", "sister cities") == "kết nghĩa"
    with i18n.using("en"):
        assert shown_subtitle("pairing", "kết nghĩa") == "sister cities"
