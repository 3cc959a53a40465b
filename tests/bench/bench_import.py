"""Importing 10,000 people from an Excel workbook into an empty catalog.

The workbook is what an office sends: Vietnamese headers under a merged title
row, a full name to split, a title, one of 400 organisations in one of 63
provinces, an e-mail. The figure is the whole ``liaison import`` path in
process: read and map the sheet, check every row through ``db.ops``, match
people, create organisations and cities, write everything in one transaction
(the backup before it included).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from tests.bench.harness import Context, Figure

PEOPLE = 10_000
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
           "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Công")
_GIVEN = ("An", "Bình", "Chung", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai",
          "Nam", "Phong", "Quân", "Sơn", "Thảo", "Trung", "Tuấn", "Việt", "Yến")
_TITLES = ("Chủ tịch", "Phó Chủ tịch", "Giám đốc Sở", "Phó Giám đốc", "Chánh Văn phòng",
           "Trưởng phòng", "Chuyên viên")


def write_workbook(path: Path, people: int = PEOPLE, seed: int = 2017) -> Path:
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=False)
    ws = book.active
    assert ws is not None
    headers = ["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Tỉnh/Thành phố", "Email"]
    ws.append(["DANH SÁCH ĐẠI BIỂU"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(headers)
    for n in range(1, people + 1):
        province = f"Tỉnh {n % 63:02d}"
        ws.append([n, f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)} {n}",
                   rng.choice(_TITLES), f"Sở Ngoại vụ {n % 400:03d}", province,
                   f"daibieu{n}@example.gov.vn"])
    book.save(path)
    return path


def measure(ctx: Context) -> list[Figure]:
    from db import interchange
    from db.catalog import create_catalog

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workbook = write_workbook(folder / "dai-bieu.xlsx")
        with create_catalog(folder / "empty.liaison", sample=False) as catalog:
            started, cpu = time.perf_counter(), time.process_time()
            prepared = interchange.prepare(workbook)
            read = time.perf_counter() - started
            report = interchange.import_prepared(catalog, prepared)
            total = time.perf_counter() - started
            cpu = time.process_time() - cpu
        assert report.written and report.created["person"] == PEOPLE, report.as_dict()
    return [
        Figure("import 10,000 people from XLSX (read + check + write)", total, "s",
               target="< 20 s"),
        Figure("  of which reading and mapping the workbook", read, "s"),
        # On a shared machine the wall time above includes waiting for a core; this does not.
        Figure("  CPU time of the import (this process)", cpu, "s"),
    ]
