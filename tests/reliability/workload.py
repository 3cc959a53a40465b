"""A stream of multi-step operations through ``db.ops``, and a checker of what survived.

Every operation carries a unique token (``op000123``) in every record it
writes, and logs what it *requested* to a side file before it starts
(``begin``) and after its commit returned (``commit``). After any number of
``kill -9``\\ s, :func:`verify` reads the catalog and holds each operation to
its own log: committed means whole; begun but not committed means whole *or*
absent; never begun means absent. Never half.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from db import backup, ops
from db.catalog import Catalog, open_catalog
from db.models import Person, RecordKind

KINDS = ("create", "update", "delete", "delegation", "backup", "reopen")
WEIGHTS = (40, 25, 10, 17, 3, 5)
PREFIX = "op"


def token(number: int) -> str:
    return f"{PREFIX}{number:07d}"


class SideLog:
    """Appends one JSON line per event with a single ``write`` (a kill cannot tear it)."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, **event: Any) -> None:
        os.write(self.fd, (json.dumps(event) + "\n").encode())

    def close(self) -> None:
        os.close(self.fd)


def _live_people(catalog: Catalog, rng: random.Random) -> tuple[int, str] | None:
    """A person made by an earlier operation, chosen at random, from what is committed."""
    with catalog.read_session() as session:
        found = list(session.execute(select(Person.id, Person.family_name).where(
            col(Person.family_name).startswith(PREFIX))))
    if not found:
        return None
    person_id, family = rng.choice(found)
    return int(person_id), str(family)


def run_one(catalog: Catalog, number: int, kind: str, rng: random.Random, log: SideLog) -> Catalog:
    """Perform operation *number*; returns the catalog to use next (``reopen`` swaps it)."""
    t = token(number)
    if kind == "backup":
        log.write(op=number, kind=kind, phase="begin")
        backup.backup_now(catalog, "killtest")
        log.write(op=number, phase="commit")
        return catalog
    if kind == "reopen":
        assert catalog.path is not None
        catalog.close()
        return open_catalog(catalog.path)
    target = _live_people(catalog, rng) if kind in ("update", "delete") else None
    if kind in ("update", "delete") and target is None:
        kind = "create"
    event: dict[str, Any] = {"op": number, "kind": kind, "phase": "begin"}
    if target is not None:
        event.update(target=target[0], target_token=target[1])
    log.write(**event)
    with ops.transaction(catalog, actor="kill test") as tx:
        if kind == "create":
            person = tx.create(RecordKind.PERSON, {"family_name": t, "given_names": "Kill Test"})
            tx.create(RecordKind.POSITION, {"person_id": person, "title": f"{t}/1"})
            tx.create(RecordKind.POSITION, {"person_id": person, "title": f"{t}/2", "rank": 2})
            source = tx.create(RecordKind.SOURCE, {"title": t})
            tx.create(RecordKind.CITATION, {"source_id": source, "record_kind": "person",
                                            "record_id": person})
        elif kind == "update":
            assert target is not None
            row = tx.session.get(Person, target[0])
            assert row is not None
            notes = f"{row.protocol_notes or ''} {t}".strip()
            tx.update(RecordKind.PERSON, target[0], {"protocol_notes": notes},
                      expected_version=row.version)
            tx.create(RecordKind.POSITION, {"person_id": target[0], "title": f"{t}/u"})
        elif kind == "delete":
            assert target is not None
            tx.delete(RecordKind.PERSON, target[0], expected_version=None)
            tx.create(RecordKind.SOURCE, {"title": t, "summary": "deletion marker"})
        elif kind == "delegation":
            delegation = tx.create(RecordKind.DELEGATION, {"title": t})
            for n in (1, 2):
                tx.create(RecordKind.ENGAGEMENT, {"delegation_id": delegation,
                                                  "title": f"{t}/{n}", "sequence": n})
    log.write(op=number, phase="commit")
    return catalog


def run_stream(path: Path, log_path: Path, *, first: int, count: int, seed: int) -> None:
    """Open the catalog and run *count* random operations numbered from *first*."""
    rng = random.Random(seed)
    log = SideLog(log_path)
    log.write(phase="open", first=first, pid=os.getpid())
    catalog = open_catalog(path)
    log.write(phase="opened", first=first)
    try:
        for number in range(first, first + count):
            catalog = run_one(catalog, number, rng.choices(KINDS, WEIGHTS)[0], rng, log)
    finally:
        catalog.close()
        log.close()


# ---------------------------------------------------------------- checking


@dataclass
class Requested:
    number: int
    kind: str
    committed: bool = False
    target: int | None = None
    target_token: str | None = None


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)


def read_log(log_path: Path) -> dict[int, Requested]:
    requested: dict[int, Requested] = {}
    for line in log_path.read_text().splitlines():
        event = json.loads(line)
        if "op" not in event:
            continue
        if event["phase"] == "begin":
            requested[event["op"]] = Requested(event["op"], event["kind"],
                                               target=event.get("target"),
                                               target_token=event.get("target_token"))
        elif event["phase"] == "commit":
            requested[event["op"]].committed = True
    return requested


def database_checks(path: Path) -> list[str]:
    """``integrity_check`` and ``foreign_key_check``: what SQLite itself says."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:3]}"]
    if foreign:
        problems.append(f"foreign_key_check: {foreign[:3]}")
    return problems


def _rows(conn: sqlite3.Connection, sql: str) -> Iterator[tuple[Any, ...]]:
    yield from conn.execute(sql)


def verify(path: Path, log_path: Path) -> Verdict:
    """Hold every logged operation to whole-or-absent (whole if committed)."""
    verdict = Verdict(problems=database_checks(path))
    requested = read_log(log_path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    people = {family: (pid, notes or "") for pid, family, notes in _rows(
        conn, f"SELECT id, family_name, protocol_notes FROM person "
              f"WHERE family_name LIKE '{PREFIX}%'")}
    positions = {title: pid for pid, title in _rows(conn, "SELECT person_id, title FROM position")}
    sources = {title for (title,) in _rows(conn, "SELECT title FROM source")}
    cited = {(title, rid) for title, rid in _rows(
        conn, "SELECT s.title, c.record_id FROM citation c JOIN source s ON s.id = c.source_id "
              "WHERE c.record_kind = 'person'")}
    delegations = {title: did for did, title in _rows(conn, "SELECT id, title FROM delegation")}
    engagements = {title: did for did, title in _rows(
        conn, "SELECT delegation_id, title FROM engagement")}
    conn.close()

    deleted_whole = {r.target_token for r in requested.values()
                     if r.kind == "delete" and token(r.number) in sources}

    def judge(r: Requested, present: bool, whole: bool, absent: bool) -> None:
        t = token(r.number)
        if present and not whole:
            verdict.problems.append(f"{t} ({r.kind}) is only partly there")
        elif not present and not absent:
            verdict.problems.append(f"{t} ({r.kind}) left pieces behind")
        elif not present and r.committed:
            verdict.problems.append(f"{t} ({r.kind}) was committed but is missing")
        status = "committed" if r.committed else "in flight"
        verdict.outcomes[f"{status}, {'whole' if present else 'absent'}"] += 1

    for r in sorted(requested.values(), key=lambda r: r.number):
        t = token(r.number)
        if r.kind == "create":
            present = t in sources
            person = people.get(t)
            if person is None:
                whole = t in deleted_whole
                absent = f"{t}/1" not in positions and f"{t}/2" not in positions
            else:
                pid = person[0]
                whole = (positions.get(f"{t}/1") == pid and positions.get(f"{t}/2") == pid
                         and (t, pid) in cited)
                absent = False
            judge(r, present, whole, absent and t not in sources)
        elif r.kind == "update":
            present = f"{t}/u" in positions or any(t in notes.split()
                                                   for _pid, notes in people.values())
            target = people.get(r.target_token or "")
            if target is None:  # the person was deleted later, taking the evidence along
                if r.target_token not in deleted_whole:
                    verdict.problems.append(f"{t} (update): its person vanished without a "
                                            "delete operation")
                if present:
                    verdict.problems.append(f"{t} (update) outlived its deleted person")
                verdict.outcomes["update of a person deleted later"] += 1
                continue
            whole = positions.get(f"{t}/u") == target[0] and t in target[1].split()
            absent = f"{t}/u" not in positions and t not in target[1].split()
            judge(r, present, whole, absent)
        elif r.kind == "delete":
            present = t in sources
            whole = (r.target_token not in people)
            others = any(o.kind == "delete" and o.number != r.number
                         and o.target_token == r.target_token and token(o.number) in sources
                         for o in requested.values())
            absent = r.target_token in people or others
            judge(r, present, whole, absent)
        elif r.kind == "delegation":
            did = delegations.get(t)
            present = did is not None
            whole = (engagements.get(f"{t}/1") == did and engagements.get(f"{t}/2") == did)
            absent = f"{t}/1" not in engagements and f"{t}/2" not in engagements
            judge(r, present, whole, absent)
    known = {token(n) for n in requested}
    strays = ({f for f in people if f not in known}
              | {s for s in sources if s.startswith(PREFIX) and s not in known}
              | {d for d in delegations if d.startswith(PREFIX) and d not in known})
    if strays:
        verdict.problems.append(f"records of operations never requested: {sorted(strays)[:5]}")
    return verdict
