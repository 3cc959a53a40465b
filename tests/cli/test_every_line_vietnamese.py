"""Every line the command line writes is Vietnamese when the user asks for Vietnamese.

Exhaustive by construction where it can be: the help of every command the parser has
(a new command is checked without touching this file), every option must carry a help
text, and the table of user errors must name every command. Each output line is read
word by word (:mod:`tests.cli.words`): English left behind is named by the test.

Most cases run in this process through ``gui.__main__.main`` (a CLI process is ~0.3 s
on this machine); a few real processes check the path from the environment
(LANGUAGE, LANG) to the words end to end.
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gui.__main__ import main
from gui.cli.output import OS_SENTENCES, os_error_sentence
from tests.cli.words import COMMANDS, PARSER, english_words, vietnamese

ROOT = Path(__file__).resolve().parents[2]


def test_the_word_check_tells_english_from_vietnamese() -> None:
    """The check itself: English found, Vietnamese (with or without marks), names,
    paths and what the user typed let through."""
    assert english_words("liaison: /tmp/x is not a Liaison catalog (it is a folder)") == [
        "catalog", "folder"]
    assert english_words("Wrote 12 records to /tmp/a.csv") == ["Wrote", "records"]
    assert english_words("liaison: tham số --limit: 'abc' không phải là số nguyên",
                         given=("abc",)) == []
    assert english_words("trong danh muc theo thanh pho, xem `liaison backup --list`") == []
    assert english_words("nhập bản ghi từ CSV, XLSX, JSON, Popolo, vCard hoặc iCalendar") == []
    assert english_words("ổ đĩa chứa /srv/c.liaison chỉ cho phép đọc") == []


# --- where the commands run -------------------------------------------------------------

@dataclass(frozen=True)
class Places:
    catalog: Path
    folder: Path
    notes: Path
    people: Path
    junk: Path
    backup: Path

    def fill(self, args: tuple[str, ...]) -> list[str]:
        names = {"catalog": self.catalog, "folder": self.folder, "notes": self.notes,
                 "people": self.people, "junk": self.junk, "backup": self.backup,
                 "missing": self.folder / "nowhere" / "x.liaison"}
        return [arg.format(**names) for arg in args]


@pytest.fixture(scope="module")
def places(sample_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Places:
    from db import backup

    root = tmp_path_factory.mktemp("vi")
    catalog = root / "Sổ tay.liaison"
    shutil.copyfile(sample_template, catalog)
    folder = root / "thư mục"
    folder.mkdir()
    notes = root / "ghi chép.txt"
    notes.write_text("Biên bản họp, không phải danh mục\n", encoding="utf-8")
    people = root / "khách.csv"
    people.write_text("Họ và tên;Email\nNguyễn Văn Sáu;sau@hanoi.gov.vn\n", encoding="utf-8")
    junk = root / "bảng.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    taken = backup.backup_now(catalog, "manual").path
    return Places(catalog, folder, notes, people, junk, taken)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    """``liaison ARGS`` in this process; an exception escaping it would be a traceback."""
    capsys.readouterr()
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


@pytest.fixture(params=["option", "environment"])
def speak_vietnamese(request: pytest.FixtureRequest,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The words before the command that ask for Vietnamese: ``--language vi``, or
    nothing and LANGUAGE=vi."""
    if request.param == "option":
        yield ["--language", "vi"]
    else:
        monkeypatch.setenv("LANGUAGE", "vi")
        yield []


# --- help -------------------------------------------------------------------------------

def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_option_and_command_says_what_it_is_for() -> None:
    missing = [f"{name} {' / '.join(action.option_strings) or action.dest}"
               for name, sub in {"liaison": PARSER, **_subparsers(PARSER)}.items()
               for action in sub._actions if not action.help]
    assert missing == []
    assert [name for name, sub in _subparsers(PARSER).items() if not sub.description] == []


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_vietnamese(command: str | None, speak_vietnamese: list[str],
                            capsys: pytest.CaptureFixture[str]) -> None:
    result = run([*speak_vietnamese, *([command] if command else []), "--help"], capsys)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("cách dùng: liaison")
    assert english_words(result.out) == [], result.out


# --- user errors: exit 2, one Vietnamese line ------------------------------------------

USER_ERRORS = [
    pytest.param(("search",), id="search-without-query"),
    pytest.param(("frobnicate",), id="unknown-command"),
    pytest.param(("search", "x", "--limit", "0"), id="limit-0"),
    pytest.param(("search", "x", "--limit", "-1"), id="limit-negative"),
    pytest.param(("search", "x", "--limit", "abc"), id="limit-not-a-number"),
    pytest.param(("search", "x", "--kind", "spaceship"), id="unknown-kind"),
    pytest.param(("search", "x", "--catalog", "{catalog}", "--database-url", "postgresql://h/d"),
                 id="catalog-and-url"),
    pytest.param(("search", "x", "--catalog", "{missing}"), id="no-such-catalog"),
    pytest.param(("search", "x", "--catalog", "{folder}"), id="catalog-is-a-folder"),
    pytest.param(("search", "x", "--catalog", "{notes}"), id="not-a-catalog"),
    pytest.param(("search", "x", "--database-url", "bogus://nowhere"), id="bad-url"),
    pytest.param(("check", "--catalog", "{notes}"), id="check-not-a-catalog"),
    pytest.param(("init",), id="init-without-path"),
    pytest.param(("init", "{folder}/a.liaison", "--database-url", "postgresql://h/d"),
                 id="init-path-and-url"),
    pytest.param(("init", "{catalog}"), id="init-existing"),
    pytest.param(("demo", "--people", "5"), id="demo-without-path"),
    pytest.param(("demo", "{catalog}", "--people", "5"), id="demo-existing"),
    pytest.param(("demo", "{folder}/d.liaison", "--people", "0"), id="demo-people-0"),
    pytest.param(("demo", "{folder}/d.liaison", "--people", "many"), id="demo-people-word"),
    pytest.param(("brief", "delegation", "999", "-o", "{folder}/b.pdf", "--catalog", "{catalog}"),
                 id="unknown-record-id"),
    pytest.param(("brief", "delegation", "abc", "-o", "{folder}/b.pdf"), id="id-not-a-number"),
    pytest.param(("brief", "delegation", "0", "-o", "{folder}/b.pdf"), id="id-0"),
    pytest.param(("brief", "person", "-o", "{folder}/b.pdf"), id="brief-without-id"),
    pytest.param(("brief", "person", "1", "--all", "-o", "{folder}"), id="brief-id-and-all"),
    pytest.param(("brief", "person", "1", "--pack", "-o", "{folder}/b.pdf"), id="pack-person"),
    pytest.param(("brief", "delegation", "1", "-o", "{folder}"), id="brief-into-a-folder"),
    pytest.param(("brief", "delegation", "1", "-o", "{folder}/no/b.pdf"), id="brief-no-folder"),
    pytest.param(("brief", "delegation", "--all", "-o", "{notes}"), id="brief-all-into-a-file"),
    pytest.param(("brief", "week", "--from", "2031-13-01", "-o", "{folder}/w.pdf",
                  "--catalog", "{catalog}"), id="bad-date"),
    pytest.param(("brief", "week", "--days", "400", "-o", "{folder}/w.pdf"), id="days-400"),
    pytest.param(("brief", "week", "--days", "0", "-o", "{folder}/w.pdf"), id="days-0"),
    pytest.param(("brief", "week", "7", "-o", "{folder}/w.pdf"), id="week-with-id"),
    pytest.param(("brief", "pamphlet", "1", "-o", "{folder}/b.pdf"), id="unknown-sheet"),
    pytest.param(("backup", "--database-url", "postgresql://h/d"), id="backup-on-a-server"),
    pytest.param(("restore", "nothing", "--catalog", "{catalog}"), id="restore-unknown"),
    pytest.param(("restore", "{backup}", "--catalog", "{catalog}"), id="restore-unconfirmed"),
    pytest.param(("import", "{folder}/absent.csv", "--catalog", "{catalog}"),
                 id="import-missing-file"),
    pytest.param(("import", "{junk}", "--catalog", "{catalog}"), id="import-unreadable"),
    pytest.param(("import", "{people}", "--map", "zz", "--catalog", "{catalog}"),
                 id="import-bad-map"),
    pytest.param(("import", "{people}", "--encoding", "nope", "--catalog", "{catalog}"),
                 id="import-bad-encoding"),
    pytest.param(("import", "{people}", "--kind", "spaceship"), id="import-unknown-kind"),
    pytest.param(("export", "pdf", "-o", "{folder}/x.pdf"), id="export-unknown-format"),
    pytest.param(("export", "csv", "-o", "{folder}", "--catalog", "{catalog}"),
                 id="export-into-a-folder"),
    pytest.param(("export", "csv", "-o", "{folder}/no/x.csv", "--catalog", "{catalog}"),
                 id="export-no-folder"),
    pytest.param(("duplicates", "--limit", "0"), id="duplicates-limit-0"),
    pytest.param(("duplicates", "--kind", "city"), id="duplicates-unknown-kind"),
]


def test_every_command_has_user_errors_in_the_table() -> None:
    named = {case.values[0][0] for case in USER_ERRORS}
    assert set(COMMANDS) - named == set()


@pytest.mark.parametrize("args", USER_ERRORS)
def test_user_errors_are_one_vietnamese_line(args: tuple[str, ...], places: Places,
                                             speak_vietnamese: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    given = places.fill(args)
    result = run([*speak_vietnamese, *given], capsys)
    assert result.code == 2, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("liaison: "), result.err
    assert "Traceback" not in result.err
    assert vietnamese(lines[0]), lines[0]
    assert english_words(lines[0], tuple(given)) == [], lines[0]


@pytest.mark.parametrize("query", ["", '"', "NEAR(", "zzzz"])
def test_a_search_that_finds_nothing_says_so_in_vietnamese(
        query: str, places: Places, speak_vietnamese: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    result = run([*speak_vietnamese, "search", query, "--catalog", str(places.catalog)], capsys)
    assert (result.code, result.out) == (0, "")
    assert result.err == f"Không có bản ghi nào khớp với “{query}”.\n"


# --- what commands report when they work -----------------------------------------------

@pytest.fixture
def own(places: Places, tmp_path: Path) -> Places:
    """The places, with a catalog of this test's own to change (and a backup of it)."""
    from db import backup

    catalog = tmp_path / "Của tôi.liaison"
    shutil.copyfile(places.catalog, catalog)
    taken = backup.backup_now(catalog, "before import").path
    return Places(catalog, tmp_path, places.notes, places.people, places.junk, taken)


REPORTS = [
    pytest.param(("init", "{folder}/mới.liaison"), "gồm 18 người", id="init"),
    pytest.param(("init", "{folder}/trống.liaison", "--empty"), "(trống)", id="init-empty"),
    pytest.param(("export", "csv", "-o", "{folder}/x.csv", "--catalog", "{catalog}"),
                 "Đã ghi 18 bản ghi vào", id="export"),
    pytest.param(("import", "{people}", "--dry-run", "--catalog", "{catalog}"),
                 "khách.csv: 1 dòng: sẽ tạo 1 người (chạy thử: không ghi gì)", id="import-dry"),
    pytest.param(("import", "{people}", "--catalog", "{catalog}"),
                 "khách.csv: 1 dòng: đã tạo 1 người", id="import"),
    pytest.param(("backup", "--catalog", "{catalog}"),
                 "(đã kiểm tra; 18 người, 43 ", id="backup"),
    pytest.param(("backup", "--list", "--catalog", "{catalog}"), "trước khi nhập",
                 id="backup-list"),
    pytest.param(("restore", "{backup}", "--yes", "--catalog", "{catalog}"),
                 "Danh mục trước đó được giữ lại thành", id="restore"),
    pytest.param(("duplicates", "--catalog", "{catalog}"),
                 "Không thấy người nào có thể bị trùng.", id="duplicates"),
    pytest.param(("check", "--catalog", "{catalog}"), ": không có lỗi", id="check"),
    pytest.param(("demo", "{folder}/demo.liaison", "--people", "5"), "5 người", id="demo"),
]


@pytest.mark.parametrize(("args", "said"), REPORTS)
def test_reports_are_vietnamese(args: tuple[str, ...], said: str, own: Places,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """What a command says when it worked (the language is chosen as for errors: the
    environment's way is checked there, and end to end below)."""
    given = own.fill(args)
    result = run(["--language", "vi", *given], capsys)
    assert result.code == 0, result
    text = result.out + result.err
    assert said in text, text
    assert "Traceback" not in text
    assert english_words(text, tuple(given)) == [], text


def refused_import(own: Places, capsys: pytest.CaptureFixture[str]) -> tuple[Run, list[str]]:
    bad = own.folder / "khách mời.csv"
    bad.write_text("Họ và tên;Ngày sinh\nNguyễn Văn Bảy;32/13/1990\nNguyễn Văn Tám;01/02/1990\n",
                   encoding="utf-8")
    given = ["import", str(bad), "--catalog", str(own.catalog)]
    return run(["--language", "vi", *given], capsys), given


def test_a_refused_import_says_so_in_one_vietnamese_line(
        own: Places, capsys: pytest.CaptureFixture[str]) -> None:
    """Rows refused: the report on stdout, then one line on stderr, exit 2."""
    result, _given = refused_import(own, capsys)
    assert result.code == 2
    assert result.out.startswith("lỗi: dòng 2, Ngày sinh: ") and result.out.count("\n") == 1
    assert result.err == (
        "liaison: khách mời.csv: 2 dòng, 1 dòng bị từ chối (liệt kê ở trên); chưa nhập gì. "
        "Hãy sửa các dòng đó, hoặc nhập các dòng còn lại bằng --skip-bad-rows\n")


def test_a_refused_row_is_explained_in_vietnamese(
        own: Places, capsys: pytest.CaptureFixture[str]) -> None:
    result, given = refused_import(own, capsys)
    assert english_words(result.out, tuple(given)) == [], result.out


def test_search_lists_kinds_in_the_language(places: Places,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Record text is the user's; the kind before each hit is ours to say."""
    result = run(["--language", "vi", "search", "chung", "--catalog", str(places.catalog)],
                 capsys)
    kinds = {line.split("  ")[0].strip() for line in result.out.splitlines()}
    assert "người" in kinds and not {"person", "delegation", "engagement"} & kinds, result.out


# --- end to end: the environment chooses, in real processes -----------------------------

def test_the_environment_reaches_every_kind_of_line(places: Places) -> None:
    """LANGUAGE=vi, LANG=vi_VN.UTF-8 and --language vi in real processes (run together):
    argparse's words, our errors, our reports and the help."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    catalog = str(places.catalog)
    runs = {
        "limit": (["search", "x", "--limit", "0"], {"LANGUAGE": "vi"}),
        "lang": (["search", "", "--catalog", catalog], {"LANG": "vi_VN.UTF-8"}),
        "option": (["--language", "vi", "search", "", "--catalog", catalog],
                   {"LANGUAGE": "en"}),
        "help": (["import", "--help"], {"LANGUAGE": "vi:en"}),
        "restore": (["restore", "nothing", "--catalog", catalog], {"LANG": "vi_VN"}),
    }
    started = {name: subprocess.Popen([sys.executable, "-m", "gui", *args], cwd=ROOT,
                                      text=True, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env={**base, **env})
               for name, (args, env) in runs.items()}
    done: dict[str, tuple[int, str, str]] = {}
    for name, process in started.items():
        out, err = process.communicate(timeout=120)
        done[name] = (process.returncode, out, err)
    code, out, err = done["limit"]
    assert (code, out) == (2, "")
    assert err == "liaison: tham số --limit: 0 không phải là số dương (xem `liaison --help`)\n"
    for name in ("lang", "option"):
        assert done[name] == (0, "", "Không có bản ghi nào khớp với “”.\n"), name
    code, out, err = done["help"]
    assert code == 0 and out.startswith("cách dùng: liaison import") and err == ""
    assert "tệp cần đọc" in out and english_words(out) == [], out
    code, out, err = done["restore"]
    assert (code, out) == (2, "")
    assert err == "liaison: không có bản sao lưu 'nothing' (xem `liaison backup --list`)\n"


# --- the system's errors, in words ------------------------------------------------------

@pytest.mark.parametrize("code", sorted(OS_SENTENCES))
def test_every_system_error_has_vietnamese_words(code: int) -> None:
    from db import i18n

    error = OSError(code, os.strerror(code), "/srv/Sổ tay.liaison")
    with i18n.using("vi"):
        line = os_error_sentence(error)
    assert vietnamese(line) and english_words(line) == [], line


def test_an_unforeseen_system_error_keeps_its_reason_after_vietnamese_words() -> None:
    from db import i18n

    with i18n.using("vi"):
        line = os_error_sentence(OSError(errno.EPIPE, "Broken pipe", "/srv/a.liaison"))
    assert line == "không dùng được /srv/a.liaison: Broken pipe"
