"""Photos on sheets (or initials when there is none to use), and files written atomically."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from db.catalog import Catalog
from gui.briefing.document import SheetOptions, write_atomic
from gui.briefing.render import Kind, NotFoundError, file_name, render, write, write_all
from tests.briefing.conftest import attach_photo, delegation_id, person_id, photo_bytes
from tests.briefing.pdfcheck import text_of

HANOI_2017 = "EU World Cities delegation to Hanoi"


def _images(data: bytes) -> list[list[dict[str, object]]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [list(page.images) for page in pdf.pages]


def test_member_photos_print_round_and_small(sample_catalog: Catalog,
                                             options: SheetOptions) -> None:
    angelet = person_id(sample_catalog, "Angelet")
    lopez = person_id(sample_catalog, "López")
    attach_photo(sample_catalog, angelet, photo_bytes("JPEG", (2400, 3200)))
    attach_photo(sample_catalog, lopez, photo_bytes("PNG", (300, 300)), "image/png")
    data = render(sample_catalog, Kind.DELEGATION, delegation_id(sample_catalog, HANOI_2017),
                  options)
    first_page = _images(data)[0]
    assert len(first_page) == 2
    for image in first_page:
        assert tuple(image["srcsize"]) == (360, 360)  # cropped square, shrunk
        assert abs(float(image["width"]) - 15 * 72 / 25.4) < 1  # 15 mm portrait
    text = text_of(data)
    assert "BA" not in text.split() and "RL" not in text.split()  # no initials for them
    assert len(data) < 200_000
    bio = render(sample_catalog, Kind.PERSON, angelet, options)
    assert len(_images(bio)[0]) == 1


def test_unusable_photos_fall_back_to_initials(sample_catalog: Catalog,
                                               options: SheetOptions) -> None:
    angelet = person_id(sample_catalog, "Angelet")
    attach_photo(sample_catalog, angelet, b"\xff\xd8\xff\xe0 not really a jpeg")
    data = render(sample_catalog, Kind.PERSON, angelet, options)
    assert data.startswith(b"%PDF") and all(page == [] for page in _images(data))
    assert "BA" in text_of(data).split()
    bomb = io.BytesIO()
    Image.new("1", (8000, 7000)).save(bomb, "PNG")  # 56 megapixels, tiny file
    lopez = person_id(sample_catalog, "López")
    attach_photo(sample_catalog, lopez, bomb.getvalue(), "image/png")
    data = render(sample_catalog, Kind.PERSON, lopez, options)
    assert all(not page for page in _images(data))
    assert "RL" in text_of(data).split()


def test_the_newest_photo_wins(sample_catalog: Catalog, options: SheetOptions) -> None:
    angelet = person_id(sample_catalog, "Angelet")
    attach_photo(sample_catalog, angelet, photo_bytes(colour=(255, 0, 0)))
    attach_photo(sample_catalog, angelet, photo_bytes(colour=(0, 0, 255)))
    data = render(sample_catalog, Kind.PERSON, angelet, options)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        image = pdf.pages[0].images[0]
        picture = Image.open(io.BytesIO(image["stream"].get_data()))
        r, _g, b = picture.convert("RGB").getpixel((10, 350))
    assert b > 200 and r < 60


def test_write_is_atomic_and_leaves_nothing_behind(sample_catalog: Catalog, tmp_path: Path,
                                                   options: SheetOptions) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "briefing.pdf"
    target.write_bytes(b"old contents")
    write(sample_catalog, Kind.EVENT, 3, target, options)
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.pdf"]
    before = target.read_bytes()
    with pytest.raises(NotFoundError):
        write(sample_catalog, Kind.EVENT, 999, target, options)
    assert target.read_bytes() == before
    with pytest.raises(TypeError):  # a failed write leaves no temporary file behind
        write_atomic(folder / "x.pdf", "not bytes")  # type: ignore[arg-type]
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.pdf"]


def test_batch_names_are_safe_and_unique(sample_catalog: Catalog, tmp_path: Path,
                                         options: SheetOptions) -> None:
    (tmp_path / "out").mkdir()
    written = write_all(sample_catalog, Kind.DELEGATION, tmp_path / "out", options)
    names = [p.name for p in written]
    assert len(names) == 4 == len(set(names))
    assert "delegation-004-chairman-nguyen-duc-chungs-visit-to-milan-second-half-of.pdf" in names
    for name in names:
        assert name.isascii() and " " not in name and len(name) <= 80
    assert file_name(Kind.PERSON, 7, '<b>AT&T</b> ../../etc/passwd Đặng') == \
        "person-007-b-at-t-b-etc-passwd-dang.pdf"
    assert file_name(Kind.EVENT, 12, "") == "event-012.pdf"
