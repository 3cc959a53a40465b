"""The command line speaks the user's language: ``--language`` first, then LANGUAGE/LANG."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import assert_user_error, liaison


def test_language_vi_gives_a_vietnamese_one_line_message(sample_path: Path) -> None:
    result = liaison("--language", "vi", "search", "", "--catalog", str(sample_path))
    assert result.returncode == 0
    assert result.stderr.strip() == "Không có bản ghi nào khớp với “”."


def test_the_environment_chooses_when_no_option_does(sample_path: Path) -> None:
    vietnamese = liaison("search", "zzzz", "--catalog", str(sample_path),
                         env={"LANGUAGE": "vi", "LANG": "vi_VN.UTF-8"})
    assert vietnamese.stderr.strip() == "Không có bản ghi nào khớp với “zzzz”."
    english = liaison("search", "zzzz", "--catalog", str(sample_path),
                      env={"LANGUAGE": "", "LANG": "C.UTF-8"})
    assert english.stderr.strip() == "No records match “zzzz”."
    # The option wins over the environment.
    chosen = liaison("--language", "en", "search", "zzzz", "--catalog", str(sample_path),
                     env={"LANGUAGE": "vi"})
    assert chosen.stderr.strip() == "No records match “zzzz”."


def test_help_and_errors_follow_the_language() -> None:
    help_text = liaison("--language", "vi", "--help").stdout
    assert "tìm trong danh mục, không phân biệt dấu" in help_text
    assert_user_error(liaison("--language", "vi", "search", "x", "--limit", "0"),
                      "không phải là số dương")
    assert_user_error(liaison("--language", "klingon", "search", "x"), "klingon")


def test_search_titles_records_in_the_language_on_both_paths(sample_path: Path) -> None:
    """The thin path (sqlite3 alone) and the store title hits alike: the Vietnamese form
    of a name in Vietnamese, the main form otherwise."""
    vietnamese = liaison("--language", "vi", "search", "ubnd", "--kind", "organisation",
                         "--json", "--catalog", str(sample_path)).stdout
    english = liaison("--language", "en", "search", "ubnd", "--kind", "organisation",
                      "--json", "--catalog", str(sample_path)).stdout
    assert '"title": "UBND TP Hà Nội"' in vietnamese
    assert '"title": "Hanoi People\'s Committee"' in english
