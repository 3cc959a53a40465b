"""Make a sheet: load its facts in one read session, lay them out, return or write the PDF.

This is the one entry point the CLI, the app's preview and the benchmarks use.
A sheet reads from a :class:`SheetSource`: the store's catalog, or a catalog file
open over :mod:`sqlite3` alone (:mod:`db.catalog.file_reader`), which is how a
whole ``liaison brief`` process prints one sheet without importing SQLAlchemy and
the table classes (issue 16); the sheets' reads are SQL text (:mod:`db.rows`), so
both serve them alike.

Each kind of sheet's module is imported when a sheet of that kind is first made,
for the same reason: loading the bio sheet, the pairing profile, the event sheet
and the pack it does not print cost ``liaison brief delegation`` a tenth of its own
time. None of them imports this module. The registry (record ids and titles for a
batch) loads only for a batch, which reads through the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reportlab.platypus import Flowable

from db import i18n
from db.folding import fold
from db.i18n import N_, _
from db.kinds import RecordKind
from db.rows import Reader
from db.vocabulary import noun
from gui.briefing.common import Sheet, continued_section
from gui.briefing.document import (
    Metadata,
    SheetOptions,
    build_pdf,
    put_in_place,
    stage,
    write_atomic,
)
from gui.briefing.styles import MARGIN_X, make_styles
from gui.briefing.text import clean

if TYPE_CHECKING:
    from db.catalog import Catalog


class SheetSource(Protocol):
    """What sheets are read from: the store's :class:`~db.catalog.Catalog`, or a
    :class:`~db.catalog.file_reader.FileReader` (the command line's thin path)."""

    @property
    def name(self) -> str: ...

    def read_session(self) -> contextlib.AbstractContextManager[Reader]: ...


class Kind(StrEnum):
    DELEGATION = "delegation"
    PERSON = "person"
    PAIRING = "pairing"
    EVENT = "event"
    PACK = "pack"  # a delegation's briefing pack: its sheet, a bio per member, the pairing

    @property
    def record_kind(self) -> RecordKind:
        return RecordKind.DELEGATION if self is Kind.PACK else RecordKind(self.value)


class NotFoundError(LookupError):
    """The record to print does not exist; the message is meant for the user."""

    def __init__(self, kind: Kind, record_id: int) -> None:
        self.kind, self.record_id = kind, record_id
        super().__init__(i18n._("There is no {kind} with id {id}.").format(
            kind=noun(kind.record_kind), id=record_id))


@dataclass(frozen=True)
class Built:
    """A laid-out sheet before it becomes a PDF (benchmarks build it bare)."""

    story: list[Flowable]
    meta: Metadata


def new_sheet(options: SheetOptions) -> Sheet:
    return Sheet(make_styles(), options.paper.size[0] - 2 * MARGIN_X,
                 policy=options.title_policy, counterpart=options.counterpart)


@dataclass(frozen=True)
class _SheetKind:
    """How one kind of sheet is loaded, laid out and described in the PDF's metadata."""

    load: Callable[..., Any]  # (session, record id, *, policy) -> brief or None
    story: Callable[[Any, Sheet], list[Flowable]]
    title: str
    subject: str
    keywords: tuple[str, ...]
    show_outline: bool = False
    # (session, record ids, *, policy, today) -> {id: brief}: many sheets' facts in a fixed
    # number of queries, for a batch; None: the batch loads each record by itself.
    load_many: Callable[..., dict[int, Any]] | None = None


@functools.cache
def _sheet(kind: Kind) -> _SheetKind:
    """How *kind*'s sheet is made, its module imported on first use (see the docstring)."""
    if kind is Kind.DELEGATION:
        from gui.briefing import delegation
        return _SheetKind(delegation.load, delegation.story, delegation.KICKER,
                          N_("Delegation briefing"), ("delegation", "briefing"))
    if kind is Kind.PERSON:
        from gui.briefing import person
        return _SheetKind(person.load, person.story, person.KICKER, N_("Person bio sheet"),
                          ("person", "bio"), load_many=person.load_many)
    if kind is Kind.PAIRING:
        from gui.briefing import pairing
        return _SheetKind(pairing.load, pairing.story, pairing.KICKER, N_("Pairing profile"),
                          ("pairing", "profile"))
    if kind is Kind.EVENT:
        from gui.briefing import event
        return _SheetKind(event.load, event.story, event.KICKER, N_("Event briefing"),
                          ("event", "briefing"))
    from gui.briefing import pack
    return _SheetKind(pack.load, pack.story, N_("Briefing pack"), N_("Delegation briefing pack"),
                      ("delegation", "briefing", "pack"), show_outline=True)


def prepare(catalog: SheetSource, kind: Kind, record_id: int, options: SheetOptions) -> Built:
    """Load the record's facts (one read transaction) and lay them out as flowables."""
    with _reading(catalog) as session:
        return _prepare(session, kind, record_id, options)


@dataclass(frozen=True)
class _Batch:
    """The read session of the batch :func:`write_all` is writing, so that every sheet of
    it (each made through :func:`write`) reads in one session and one snapshot; and the
    facts of the sheets of the chunk being written, read ahead all at once."""

    catalog: Catalog
    session: Reader
    briefs: dict[tuple[Kind, int], Any]
    # Sheets written to temporary files, put in place (one disk flush for a group) by
    # the batch; :func:`write` adds to it.
    staged: list[tuple[Path, Path]] = dataclasses.field(default_factory=list)


_batch: ContextVar[_Batch | None] = ContextVar("liaison_batch", default=None)


@contextlib.contextmanager
def _reading(catalog: SheetSource) -> Iterator[Reader]:
    """The batch's read session when one is being written from *catalog*, else a new one."""
    held = _batch.get()
    if held is not None and held.catalog is catalog:
        yield held.session
        return
    with catalog.read_session() as session:
        yield session


def _prepare(session: Reader, kind: Kind, record_id: int, options: SheetOptions) -> Built:
    """:func:`prepare` in a read session the caller holds (a batch holds one for all)."""
    how = _sheet(kind)
    held = _batch.get()
    brief = held.briefs.pop((kind, record_id), None) if held is not None else None
    if brief is None:
        brief = how.load(session, record_id, policy=options.title_policy,
                         today=options.printed)
    if brief is None:
        raise NotFoundError(kind, record_id)
    sheet = new_sheet(options)
    story = how.story(brief, sheet)
    title = _(how.title)
    if options.counterpart:
        title = _("{sheet} (counterpart copy)").format(sheet=title)
    return Built(story + continued_section(sheet),
                 Metadata(f"{title}: {brief.title}", _(how.subject), how.keywords,
                          show_outline=how.show_outline))


def _with_catalog_name(catalog: SheetSource, options: SheetOptions) -> SheetOptions:
    if options.catalog_name:
        return options
    return dataclasses.replace(options, catalog_name=catalog.name)


def render(catalog: SheetSource, kind: Kind | str, record_id: int,
           options: SheetOptions | None = None) -> bytes:
    """The PDF for one record, as bytes."""
    opts = _with_catalog_name(catalog, options or SheetOptions())
    # Every word of the sheet, page furniture included, in the printout's language.
    with i18n.using(opts.language):
        built = prepare(catalog, Kind(kind), record_id, opts)
        return build_pdf(built.story, opts, built.meta)


def write(catalog: SheetSource, kind: Kind | str, record_id: int, path: Path,
          options: SheetOptions | None = None) -> None:
    """Render and write atomically: *path* holds the old file or the whole new one."""
    data = render(catalog, kind, record_id, options)
    held = _batch.get()
    if held is not None and held.catalog is catalog:
        held.staged.append((stage(path, data), path))  # put in place with the batch's next
    else:
        write_atomic(path, data)


def file_name(kind: Kind, record_id: int, title: str) -> str:
    """A safe, readable file name: ``delegation-001-eu-world-cities-delegation-to-hanoi.pdf``.

    Folded to ASCII (``Đặng`` -> ``dang``) so it survives any file system, mail
    client or USB stick; the id keeps names unique.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’`]", "", fold(clean(title)))).strip("-")
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]
    return f"{kind.value}-{record_id:03d}" + (f"-{slug}" if slug else "") + ".pdf"


def titles(catalog: Catalog, kind: Kind) -> dict[int, str]:
    """Every record of *kind* with the title its file is named after."""
    from db.registry import REGISTRY  # as for a batch (see the module docstring)

    with catalog.read_session() as session:
        return REGISTRY.labels(session, kind.record_kind)


class SheetError(RuntimeError):
    """A sheet could not be laid out; the message names the record, for the user."""


BATCH_CHUNK = 200
"""Sheets whose facts a batch reads at once: a few queries per chunk, not per sheet, and
no more of the catalog held in memory than a chunk's worth."""


def write_all(catalog: Catalog, kind: Kind, folder: Path, options: SheetOptions | None = None,
              *, ids: Iterable[int] | None = None,
              progress: Callable[[Path], None] | None = None,
              failed: Callable[[int, Exception], None] | None = None) -> list[Path]:
    """One PDF per record of *kind* into *folder*; returns the files written.

    With *failed*, a record whose sheet cannot be made is reported to it and the
    others are still written (a batch of forty is not lost to one bad record);
    without it, the first failure is raised.
    """
    from db import registry  # a batch reads through the store (see the module docstring)

    opts = _with_catalog_name(catalog, options or SheetOptions())
    written: list[Path] = []
    with catalog.read_session() as session:  # one snapshot and one session for the batch
        if ids is None:
            ids = registry.record_ids(session, kind.record_kind)
        for chunk in _chunks(ids, BATCH_CHUNK):
            names = registry.REGISTRY.labels(session, kind.record_kind, chunk)
            token = _batch.set(_Batch(catalog, session, _read_ahead(session, kind, chunk, opts)))
            try:
                written += _write_each(catalog, kind, folder, opts, names, chunk, progress,
                                       failed)
            finally:
                _batch.reset(token)
    return written


def _chunks(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    it = iter(ids)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _read_ahead(session: Reader, kind: Kind, ids: Sequence[int],
                opts: SheetOptions) -> dict[tuple[Kind, int], Any]:
    """The facts of a chunk's sheets, read at once where the kind can (else each sheet
    reads its own). A chunk that cannot be read at once is read sheet by sheet, so that
    a bad record is reported as that record's failure."""
    load_many = _sheet(kind).load_many
    if load_many is None:
        return {}
    try:
        with i18n.using(opts.language):  # labels in the printout's language, as write()'s
            found = load_many(session, ids, policy=opts.title_policy, today=opts.printed)
    except Exception:  # each sheet then meets (and reports) its own failure
        return {}
    return {(kind, record_id): brief for record_id, brief in found.items()}


def _write_each(catalog: Catalog, kind: Kind, folder: Path, opts: SheetOptions,
                names: dict[int, str], ids: Iterable[int],
                progress: Callable[[Path], None] | None,
                failed: Callable[[int, Exception], None] | None) -> list[Path]:
    held = _batch.get()
    assert held is not None
    written: list[Path] = []
    flushed = time.monotonic()
    try:
        for record_id in ids:
            target = folder / file_name(kind, record_id, names.get(record_id, ""))
            try:
                write(catalog, kind, record_id, target, opts)
            except (OSError, NotFoundError):
                raise
            except Exception as exc:  # any layout failure of one record
                if failed is None:
                    raise
                failed(record_id, exc)
                continue
            if len(held.staged) >= FLUSH_EVERY or time.monotonic() - flushed > FLUSH_SECONDS:
                written += _put_in_place(held.staged, progress)
                flushed = time.monotonic()
    finally:  # what was made before a failure is kept, as when each file was flushed alone
        written += _put_in_place(held.staged, progress)
    return written


FLUSH_EVERY = 50
FLUSH_SECONDS = 1.0  # how long a written sheet may wait to be put in place (and reported)


def _put_in_place(staged: list[tuple[Path, Path]],
                  progress: Callable[[Path], None] | None) -> list[Path]:
    if not staged:
        return []
    put_in_place(staged)
    done = [target for _tmp, target in staged]
    staged.clear()
    if progress:
        for target in done:
            progress(target)
    return done
