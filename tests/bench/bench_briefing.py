"""Briefing sheets: a 12-member delegation with photos, and 1,000 bio sheets in a batch.

Floors are bare ReportLab builds (``SimpleDocTemplate.build``) of the very flowables our
sheets produce, made moments before without our data loading, page frame or writing: what
ReportLab alone costs for the same layout.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.harness import ROOT, Context, Figure, walls

MEMBERS = 12
PEOPLE = 1000


def _photo(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), (40 + seed * 17 % 200, 90, 140 + seed * 29 % 100))
    draw = ImageDraw.Draw(image)
    draw.ellipse((180, 120, 420, 420), fill=(235, 210, 190))
    draw.rectangle((120, 480, 480, 800), fill=(30, 40, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def _delegation_catalog(ctx: Context) -> Path:
    """A catalog with one delegation of twelve members, each with a photo and two titles."""
    from db import ops
    from db.catalog import create_catalog
    from db.models import RecordKind as K

    path = ctx.cache / "briefing-12-members.liaison"
    if path.exists():
        return path
    partial = ctx.cache / ".briefing-12-members.partial"
    for leftover in ctx.cache.glob(".briefing-12-members.partial*"):
        leftover.unlink()
    with create_catalog(partial, sample=False) as catalog, ops.transaction(catalog) as tx:
        hanoi = tx.create(K.CITY, {"name": "Hanoi", "local_name": "Hà Nội"})
        milan = tx.create(K.CITY, {"name": "Milan", "local_name": "Milano"})
        pairing = tx.create(K.PAIRING, {"city_a_id": hanoi, "city_b_id": milan,
                                        "summary": "Smart-city cooperation."})
        org = tx.create(K.ORGANISATION, {"name": "Comune di Milano", "city_id": milan})
        visit = tx.create(K.DELEGATION, {
            "title": "Milan city delegation to Hanoi, March 2025", "sending_city_id": milan,
            "host_city_id": hanoi, "start_date": "2025-03-10", "end_date": "2025-03-13",
            "status": "confirmed", "pairing_id": pairing,
            "purpose": "Sign the smart-city memorandum and visit the operations centre.",
            "outcomes": "Memorandum signed.", "follow_ups": "Return visit in the autumn."})
        people = []
        for n in range(MEMBERS):
            person = tx.create(K.PERSON, {
                "family_name": f"Rossi{n}", "given_names": "Giulia Maria", "honorific": "Dr",
                "biography": "Urban planner. " * 20, "protocol_notes": "Prefers Italian."})
            tx.create(K.POSITION, {"person_id": person, "organisation_id": org,
                                   "title": f"Assessor for Urban Policy {n}",
                                   "address_title": "Assessor", "start_date": "2021-01-01",
                                   "rank": 20 + n})
            tx.create(K.POSITION, {"person_id": person, "organisation_id": org,
                                   "title": "Councillor", "start_date": "2015-01-01",
                                   "end_date": "2020-12-31", "rank": 50})
            data = _photo(n)
            tx.create(K.ATTACHMENT, {"record_kind": "person", "record_id": person,
                                     "role": "photo", "filename": f"{n}.jpg",
                                     "media_type": "image/jpeg", "size": len(data),
                                     "sha256": hashlib.sha256(data).hexdigest(), "data": data})
            tx.create(K.DELEGATION_MEMBER, {"delegation_id": visit, "person_id": person,
                                            "role": "head" if n == 0 else "member"})
            people.append(person)
        for n in range(6):
            meeting = tx.create(K.ENGAGEMENT, {
                "delegation_id": visit, "title": f"Working meeting {n + 1}",
                "date": f"2025-03-{10 + n // 2:02d}", "start_time": f"{9 + n:02d}:00",
                "city_id": hanoi, "host_organisation_id": org, "sequence": n,
                "topics": "Mobility, data platforms and the start-up ecosystem."})
            tx.create(K.ENGAGEMENT_PARTICIPANT, {"engagement_id": meeting,
                                                 "person_id": people[n], "role": "guest"})
    shutil.move(partial, path)
    for leftover in ctx.cache.glob(".briefing-12-members.partial*"):
        leftover.unlink()
    return path


def _bare_build(story: list[object], pagesize: tuple[float, float]) -> bytes:
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=pagesize).build(list(story))
    return buffer.getvalue()


def _delegation_figures(ctx: Context) -> list[Figure]:
    from db.catalog import open_catalog
    from gui.briefing import photos
    from gui.briefing.document import SheetOptions
    from gui.briefing.render import Kind, prepare, render

    options = SheetOptions(catalog_name="bench")
    with open_catalog(_delegation_catalog(ctx)) as catalog:
        render(catalog, Kind.DELEGATION, 1, options)  # warm: fonts, imports, photo cache
        ours, floor, cold = [], [], []
        for _ in range(40):
            built = prepare(catalog, Kind.DELEGATION, 1, options)
            started = time.perf_counter()
            _bare_build(built.story, options.paper.size)
            floor.append(time.perf_counter() - started)
            started = time.perf_counter()
            render(catalog, Kind.DELEGATION, 1, options)
            ours.append(time.perf_counter() - started)
        for _ in range(5):
            photos._cache.clear()
            started = time.perf_counter()
            render(catalog, Kind.DELEGATION, 1, options)
            cold.append(time.perf_counter() - started)
    ms = 1000
    return [
        Figure(f"delegation briefing, {MEMBERS} members with photos", statistics.median(ours) * ms,
               "ms", "bare ReportLab build of the same flowables",
               statistics.median(floor) * ms, "<= 150 ms and <= 1.5x floor"),
        Figure("  same, in-memory photo cache cleared", statistics.median(cold) * ms, "ms"),
    ]


def _batch_figures(ctx: Context) -> list[Figure]:
    from db.catalog import open_catalog
    from gui.briefing.document import SheetOptions
    from gui.briefing.render import Kind, prepare, write_all

    options = SheetOptions(catalog_name="bench")
    with open_catalog(ctx.demo_catalog(PEOPLE)) as catalog:
        sampled = list(range(1, PEOPLE + 1, 10))
        floor = floor_cpu = 0.0
        for person in sampled:
            built = prepare(catalog, Kind.PERSON, person, options)
            started, cpu = time.perf_counter(), time.process_time()
            _bare_build(built.story, options.paper.size)
            floor += time.perf_counter() - started
            floor_cpu += time.process_time() - cpu
        floor *= PEOPLE / len(sampled)
        floor_cpu *= PEOPLE / len(sampled)
        folder = Path(tempfile.mkdtemp(prefix="bench-bios-", dir=ctx.cache))
        try:
            started, cpu = time.perf_counter(), time.process_time()
            written = write_all(catalog, Kind.PERSON, folder, options)
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu
            assert len(written) == PEOPLE
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return [Figure(f"{PEOPLE:,} person sheets written (batch)", seconds, "s",
                   "bare ReportLab builds of the same flowables (1 in 10, scaled)", floor,
                   "<= 60 s and <= 1.5x"),
            # CPU time moves less with the load of a shared machine than wall time does
            # (the wall figure also waits on the disk, the floor writes nothing).
            Figure("  same, CPU time of this process", cpu_seconds, "s",
                   "CPU time of the bare builds", floor_cpu, "<= 1.5x")]


def _photo_folder(ctx: Context) -> Path:
    """The members' photos as JPEG files, for the floor script (the same bytes as in the
    catalog)."""
    folder = ctx.cache / "briefing-photos"
    folder.mkdir(exist_ok=True)
    for n in range(MEMBERS):
        target = folder / f"{n}.jpg"
        if not target.exists():
            target.write_bytes(_photo(n))
    return folder


def _whole_process_figures(ctx: Context) -> list[Figure]:
    """``liaison brief delegation 1`` as a user runs it, beside a bare ReportLab script."""
    catalog = _delegation_catalog(ctx)
    out = ctx.cache / "bench-brief.pdf"
    floor_out = ctx.cache / "bench-brief-floor.pdf"
    cpu: dict[str, float] = {}
    found = walls({
        "floor": [ctx.python, str(ROOT / "tests" / "bench" / "floor_brief.py"),
                  str(_photo_folder(ctx)), str(floor_out)],
        "ours": [ctx.python, "-m", "gui", "brief", "delegation", "1", "-o", str(out),
                 "--catalog", str(catalog)],
    }, repeat=7, cpu=cpu)
    out.unlink(missing_ok=True)
    floor_out.unlink(missing_ok=True)
    return [Figure(f"liaison brief delegation ({MEMBERS} members) whole process",
                   found["ours"], "s", "bare ReportLab script (tests/bench/floor_brief.py)",
                   found["floor"], "<= 1.5x"),
            Figure("  same, CPU time (user + system)", cpu["ours"], "s",
                   "the floor script's CPU time", cpu["floor"])]


def measure(ctx: Context) -> list[Figure]:
    return _whole_process_figures(ctx) + _delegation_figures(ctx) + _batch_figures(ctx)
