"""A photo is shrunk for sheets once, when it is saved; sheets print the stored portrait.

Decoding and shrinking a dozen photos cost more than laying out a whole delegation
briefing (issue 16), so the store keeps each photo's portrait (``db.portraits``) and
a print reads it back instead of decoding the photo again. Checked on real catalog
files and real PDFs read back with pdfplumber.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
from pathlib import Path

import pdfplumber
from PIL import Image

from db import ops, portraits
from db.catalog import open_catalog
from db.kinds import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from tests.briefing.conftest import attach_photo, person_id, photo_bytes
from tests.db.old_catalogs import catalog_at

NOW = "2020-01-01 00:00:00.000000"


def _stored_portraits(path: Path) -> dict[int, bytes | None]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, portrait FROM attachment ORDER BY id"))
    finally:
        conn.close()


def _printed_images(data: bytes) -> list[bytes]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [image["stream"].get_data() for page in pdf.pages for image in page.images]


def _square(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (portraits.SIDE, portraits.SIDE), colour).save(out, "JPEG")
    return out.getvalue()


def test_a_saved_photo_keeps_the_portrait_sheets_print(sample_path: Path,
                                                       options: SheetOptions) -> None:
    photo = photo_bytes("JPEG", (1200, 1600))
    with open_catalog(sample_path) as catalog:
        angelet = person_id(catalog, "Angelet")
        attachment = attach_photo(catalog, angelet, photo)
    stored = _stored_portraits(sample_path)[attachment]
    assert stored is not None and stored == portraits.square_jpeg(photo)
    assert Image.open(io.BytesIO(stored)).size == (portraits.SIDE, portraits.SIDE)

    # The sheet embeds what the store keeps, without decoding the photo again: a
    # portrait put there behind the store's back is what prints.
    blue = _square((0, 0, 255))
    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE attachment SET portrait = ? WHERE id = ?", (blue, attachment))
    conn.commit()
    conn.close()
    with open_catalog(sample_path, read_only=True) as catalog:
        printed = _printed_images(render(catalog, Kind.PERSON, angelet, options))
    assert printed == [blue]


def test_an_edited_photo_gets_a_new_portrait(sample_path: Path) -> None:
    with open_catalog(sample_path) as catalog:
        angelet = person_id(catalog, "Angelet")
        attachment = attach_photo(catalog, angelet, photo_bytes(colour=(255, 0, 0)))
        first = _stored_portraits(sample_path)[attachment]
        green = photo_bytes(colour=(0, 255, 0))
        ops.update(catalog, RecordKind.ATTACHMENT, attachment,
                   {"data": green, "size": len(green),
                    "sha256": hashlib.sha256(green).hexdigest()}, expected_version=1)
        second = _stored_portraits(sample_path)[attachment]
        assert second is not None and second != first
        assert second == portraits.square_jpeg(green)
        broken = b"\xff\xd8\xff\xe0 not really a jpeg"
        ops.update(catalog, RecordKind.ATTACHMENT, attachment,
                   {"data": broken, "size": len(broken)}, expected_version=2)
        assert _stored_portraits(sample_path)[attachment] is None  # initials print instead


def test_a_document_has_no_portrait(sample_path: Path) -> None:
    with open_catalog(sample_path) as catalog:
        angelet = person_id(catalog, "Angelet")
        data = photo_bytes()
        attachment = ops.create(catalog, RecordKind.ATTACHMENT, {
            "record_kind": "person", "record_id": angelet, "role": "document",
            "filename": "scan.jpg", "media_type": "image/jpeg", "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "data": data,
        }).ids(RecordKind.ATTACHMENT)[0]
    assert _stored_portraits(sample_path)[attachment] is None


def test_upgrading_a_catalog_makes_portraits_for_its_photos(tmp_path: Path,
                                                            options: SheetOptions) -> None:
    path = tmp_path / "old.liaison"
    catalog_at(path, "0011")
    photo, scan, junk = photo_bytes(), photo_bytes(colour=(0, 0, 0)), b"not an image"
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO person (id, created_at, updated_at, version, family_name, "
                 "name_order, sort_key, address_by, languages) VALUES "
                 "(1, ?, ?, 1, 'Angelet', 'western', 'angelet', 'family', '[]')",
                 (NOW, NOW))
    for rid, role, data in [(1, "photo", junk), (2, "document", scan), (3, "photo", photo)]:
        conn.execute("INSERT INTO attachment (id, created_at, updated_at, version, "
                     "record_kind, record_id, role, filename, media_type, size, sha256, data) "
                     "VALUES (?, ?, ?, 1, 'person', 1, ?, 'f.jpg', 'image/jpeg', ?, ?, ?)",
                     (rid, NOW, NOW, role, len(data), hashlib.sha256(data).hexdigest(), data))
    conn.commit()
    conn.close()
    with open_catalog(path) as catalog:  # upgrades
        pass
    assert _stored_portraits(path) == {1: None, 2: None, 3: portraits.square_jpeg(photo)}
    with open_catalog(path, read_only=True) as catalog:
        printed = _printed_images(render(catalog, Kind.PERSON, 1, options))
    assert printed == [portraits.square_jpeg(photo)]  # the newest photo
