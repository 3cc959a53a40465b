"""Twenty office members saving the same hundred people at once lose no edit."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sqlmodel import col, select

from db import ops
from db.catalog import Catalog, open_catalog
from db.models import Person, RecordKind

ROOT = Path(__file__).resolve().parents[2]
CLIENTS, SAVES, RECORDS = 20, 50, 100


def _people(catalog: Catalog, count: int) -> list[int]:
    with ops.transaction(catalog) as tx:
        return [tx.create(RecordKind.PERSON, {"family_name": f"Shared {i}", "given_names": "A"})
                for i in range(count)]


def run_clients(url: str, ids: list[int], clients: int, saves: int) -> list[dict[str, object]]:
    """Start every client at once, wait for all, return their JSON reports."""
    listing = ",".join(str(i) for i in ids)
    processes = [subprocess.Popen([sys.executable, "-m", "tests.office.hammer", url, str(seed),
                                   str(saves), listing], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
                 for seed in range(clients)]
    reports = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err[-2000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def test_twenty_clients_lose_no_update(pg_empty_url: str) -> None:
    with open_catalog(pg_empty_url) as catalog:
        ids = _people(catalog, RECORDS)
    reports = run_clients(pg_empty_url, ids, CLIENTS, SAVES)

    raw = [e for r in reports for e in r["errors"] if str(e).startswith("raw")]  # type: ignore[attr-defined]
    assert raw == []
    acknowledged = [tuple(a) for r in reports for a in r["acknowledged"]]  # type: ignore[attr-defined]
    assert len(acknowledged) == CLIENTS * SAVES
    # No two clients were told "saved" with the same new version of one record.
    versions = Counter((person_id, version) for person_id, _tag, version in acknowledged)
    assert [key for key, n in versions.items() if n > 1] == []
    saves_of: dict[int, list[str]] = defaultdict(list)
    for person_id, tag, _version in acknowledged:
        saves_of[int(person_id)].append(str(tag))
    with open_catalog(pg_empty_url) as catalog, catalog.read_session() as session:
        people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids)))}
    lost = []
    for person_id in ids:
        person = people[person_id]
        words = set((person.private_notes or "").split())
        lost += [tag for tag in saves_of[person_id] if tag not in words]
        assert person.version == 1 + len(saves_of[person_id])
    assert lost == []
