"""Store errors carry a code and parameters, and are written in the caller's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import i18n, ops
from db.catalog import Catalog, CatalogError, open_catalog
from db.kinds import RecordKind
from db.said import Said
from tests.cli.test_cli import assert_user_error, liaison

K = RecordKind


def test_a_validation_message_is_in_the_language_and_keeps_its_code(
        empty_catalog: Catalog) -> None:
    with i18n.using("vi"), pytest.raises(ops.ValidationError) as caught:
        ops.create(empty_catalog, K.CITY, {"name": " "})
    message = caught.value.errors["name"]
    assert message == "Cần nhập tên thành phố."
    assert isinstance(message, Said) and message.code == "City name is required."
    assert message.in_language("en") == "City name is required."
    with pytest.raises(ops.ValidationError) as english:
        ops.create(empty_catalog, K.EVENT, {"name": "Summit", "attendance": -1})
    assert english.value.errors["attendance"] == "Attendance cannot be negative."


def test_a_refused_delete_names_what_uses_the_record_in_the_language(
        sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        from db.registry import REGISTRY

        hanoi = next(i for i, label in REGISTRY.labels(session, K.CITY).items()
                     if label == "Hanoi")
        city = session.get(REGISTRY.model(K.CITY), hanoi)
        assert city is not None
        version = city.version
    with i18n.using("vi"), pytest.raises(ops.StillReferencedError) as caught:
        ops.delete(sample_catalog, K.CITY, hanoi, expected_version=version)
    assert str(caught.value).startswith("Bản ghi thành phố này vẫn đang được dùng bởi ")
    assert "quan hệ kết nối" in str(caught.value)
    assert caught.value.references == {"pairing": 2}


def test_a_missing_catalog_is_said_in_the_language(tmp_path: Path) -> None:
    with i18n.using("vi"), pytest.raises(CatalogError) as caught:
        open_catalog(tmp_path / "none.liaison")
    assert str(caught.value) == f"Không có danh mục nào tại {tmp_path / 'none.liaison'}."
    assert_user_error(liaison("--language", "vi", "search", "x", "--catalog",
                              str(tmp_path / "none.liaison")), "Không có danh mục nào tại")
