"""Fixtures for briefing tests: records made through db.ops, photos made with Pillow."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from PIL import Image, ImageDraw
from sqlmodel import select

from db import ops
from db.catalog import Catalog
from db.models import Delegation, Person, RecordKind
from gui.briefing.document import SheetOptions

K = RecordKind
PRINTED = dt.date(2025, 1, 2)


@pytest.fixture
def options() -> SheetOptions:
    return SheetOptions(printed_on=PRINTED, reproducible=True)


def person_id(catalog: Catalog, family: str, given: str | None = None) -> int:
    with catalog.read_session() as session:
        query = select(Person).where(Person.family_name == family)
        if given is not None:
            query = query.where(Person.given_names == given)
        found = session.exec(query).first()
    assert found is not None and found.id is not None
    return found.id


def delegation_id(catalog: Catalog, title_start: str) -> int:
    with catalog.read_session() as session:
        for d in session.exec(select(Delegation)):
            if d.title.startswith(title_start):
                assert d.id is not None
                return d.id
    raise AssertionError(f"no delegation titled {title_start!r}")


def create(catalog: Catalog, kind: RecordKind, **values: Any) -> int:
    result = ops.create(catalog, kind, values)
    return result.ids(kind)[0]


def photo_bytes(kind: str = "JPEG", size: tuple[int, int] = (480, 640),
                colour: tuple[int, int, int] = (180, 90, 60)) -> bytes:
    """A portrait-shaped picture with a face-like disc, so crops are visible."""
    mode = "RGBA" if kind == "PNG" else "RGB"
    image = Image.new(mode, size, (*colour, 255) if mode == "RGBA" else colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.5), fill=(240, 220, 200))
    out = io.BytesIO()
    image.save(out, kind, quality=90) if kind == "JPEG" else image.save(out, kind)
    return out.getvalue()


def attach_photo(catalog: Catalog, person: int, data: bytes,
                 media_type: str = "image/jpeg") -> int:
    return create(catalog, K.ATTACHMENT, record_kind="person", record_id=person, role="photo",
                  filename="photo.jpg" if media_type == "image/jpeg" else "photo.png",
                  media_type=media_type, size=len(data),
                  sha256=hashlib.sha256(data).hexdigest(), data=data)
