"""Finding the records a row names: ``Hà Nội`` is the city already in the catalog.

A file names cities, organisations, countries and programmes by their name,
not by id. Names are compared folded (``Ha Noi`` = ``Hà Nội``; a city's local
name and aliases count too, ``Saigon`` = Ho Chi Minh City); a name the catalog
does not know yet becomes a new record in the same transaction, so an import of
contacts brings their organisations with them. Lookups are cached for the whole
import (10,000 rows must not mean 10,000 queries per kind); a row that is
rolled back takes the records it created out of the cache with it.

While :attr:`Resolver.defer` is set (people read in bulk), a new record is only
checked (``db.ops`` rules, :meth:`~db.ops.Transaction.vet`) and stands under a
negative id until :meth:`Resolver.write_planned` writes them all at once: reading
and checking a file takes no write lock, so colleagues keep saving meanwhile.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from db import ops
from db.folding import fold
from db.i18n import N_
from db.models import TABLES, City, Country, Organisation, Record, RecordKind
from db.ops.probe import CachedProbe
from db.said import say
from db.vocabulary import english_nouns


class RowError(Exception):
    """A row cannot be brought in; *field* names the field it is about."""

    def __init__(self, field_name: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field_name


# How each kind a row may name is looked up: the columns whose folded text names it.
_NAME_COLUMNS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.CITY: ("name", "local_name"),
    RecordKind.ORGANISATION: ("name", "acronym"),
    RecordKind.COUNTRY: ("code", "name"),
    RecordKind.PROGRAMME: ("name",),
    RecordKind.COOPERATION_AREA: ("name",),
    RecordKind.EVENT: ("name",),
    RecordKind.DELEGATION: ("title",),
}
# Kinds created when a row names one the catalog lacks (others are refused), in the
# order planned ones are written: what a record refers to goes before it.
_CREATABLE = (RecordKind.COUNTRY, RecordKind.CITY, RecordKind.PROGRAMME,
              RecordKind.COOPERATION_AREA, RecordKind.ORGANISATION)
# The kind a planned record's reference field names (a stand-in id is resolved by it).
REFERS_TO: Mapping[str, RecordKind] = {
    "country_id": RecordKind.COUNTRY, "nationality_id": RecordKind.COUNTRY,
    "city_id": RecordKind.CITY, "programme_id": RecordKind.PROGRAMME,
    "area_id": RecordKind.COOPERATION_AREA, "organisation_id": RecordKind.ORGANISATION,
}


def stand_ins(values: Mapping[str, Any]) -> frozenset[str]:
    """The reference fields of *values* that hold a planned record's stand-in id."""
    return frozenset(name for name in REFERS_TO
                     if isinstance(values.get(name), int) and values[name] < 0)


def linked(vetted: ops.Vetted, real: Mapping[int, int]) -> ops.Vetted:
    """*vetted* with its planned references (see :meth:`Resolver.write_planned`) filled."""
    ids = {name: real[vetted.values[name]] for name in vetted.pending
           if name in REFERS_TO and vetted.values[name] in real}
    return vetted.linked(**ids) if ids else vetted


class Resolver:
    """Name -> id for the kinds rows refer to, loaded once per import."""

    def __init__(self, tx: ops.Transaction) -> None:
        self.tx = tx
        self.probe = CachedProbe(tx.session)  # the import deletes nothing: found stays found
        self._names: dict[RecordKind, dict[str, list[int]]] = {}
        # Values of records as they were before this import first changed them (undo).
        self.before: dict[tuple[RecordKind, int], dict[str, Any]] = {}
        self.defer = False  # plan new records instead of writing them (see the module)
        self.planned: list[tuple[RecordKind, int, ops.Vetted]] = []  # kind, stand-in, row

    def _plan(self, kind: RecordKind, values: dict[str, Any]) -> int:
        """Check a new record now and give it a stand-in id; written by write_planned."""
        vetted = self.tx.vet(kind, values, pending=stand_ins(values), probe=self.probe)
        stand_in = -1 - len(self.planned)
        self.planned.append((kind, stand_in, vetted))
        return stand_in

    def _new(self, kind: RecordKind, values: dict[str, Any]) -> int:
        return self._plan(kind, values) if self.defer else self.tx.create(kind, values)

    def write_planned(self) -> dict[int, int]:
        """Write the planned records, kind by kind; returns stand-in id -> real id."""
        real: dict[int, int] = {}
        for kind in _CREATABLE:
            rows = [(stand_in, vetted) for k, stand_in, vetted in self.planned if k == kind]
            if rows:
                ids = self.tx.create_many(kind, [linked(v, real) for _s, v in rows])
                real.update(zip((s for s, _v in rows), ids, strict=True))
        self.planned = []
        if real:
            for index in self._names.values():
                for key, found in index.items():
                    index[key] = [real.get(i, i) for i in found]
        return real

    def forget_planned(self, mark: int) -> None:
        """Drop what a rolled-back row planned (everything after *mark*)."""
        dropped = {stand_in for _k, stand_in, _v in self.planned[mark:]}
        del self.planned[mark:]
        if dropped:
            for kind in list(self._names):
                self.forget(kind, dropped)

    def update(self, kind: RecordKind, record: Record, values: dict[str, Any]) -> bool:
        """Write the values that differ; True when the record changed."""
        assert record.id is not None
        current = ops.editable_values(record)
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if not changed:
            return False
        self.before.setdefault((kind, record.id), current)
        version = record.version
        return self.tx.update(kind, record.id, changed, expected_version=version) != version

    def _index(self, kind: RecordKind) -> dict[str, list[int]]:
        found = self._names.get(kind)
        if found is None:
            found = defaultdict(list)
            model = TABLES[kind]
            columns = [col(getattr(model, name)) for name in _NAME_COLUMNS[kind]]
            extra = [col(City.aliases)] if kind == RecordKind.CITY else []
            for row in self.tx.session.execute(select(col(model.id), *columns, *extra)):
                record_id, *names = row
                for name in names:
                    for one in (name if isinstance(name, list) else [name]):
                        if one:
                            found[fold(str(one))].append(record_id)
            self._names[kind] = found
        return found

    def remember(self, kind: RecordKind, name: str, record_id: int) -> None:
        if kind in self._names:
            self._names[kind][fold(name)].append(record_id)

    def forget(self, kind: RecordKind, record_ids: set[int]) -> None:
        """Drop records a rolled-back row had created."""
        index = self._names.get(kind)
        if index is None:
            return
        for key in list(index):
            index[key] = [i for i in index[key] if i not in record_ids]
            if not index[key]:
                del index[key]

    def find(self, kind: RecordKind, name: str) -> list[int]:
        if kind == RecordKind.PAIRING:
            return self._pairings(name)
        if kind not in _NAME_COLUMNS:
            return []
        return list(dict.fromkeys(self._index(kind).get(fold(name.strip()), [])))

    def _pairings(self, label: str) -> list[int]:
        """A pairing named as exports and pickers show it: ``Hanoi – Milan``."""
        from sqlalchemy import and_, or_

        from db.models import Pairing

        parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", label.strip(), maxsplit=1)]
        if len(parts) != 2:
            return []
        firsts, seconds = self.find(RecordKind.CITY, parts[0]), self.find(RecordKind.CITY,
                                                                            parts[1])
        if not firsts or not seconds:
            return []
        a, b = col(Pairing.city_a_id), col(Pairing.city_b_id)
        query = select(col(Pairing.id)).where(or_(
            and_(a.in_(firsts), b.in_(seconds)), and_(a.in_(seconds), b.in_(firsts))))
        return list(self.tx.session.execute(query.order_by(col(Pairing.id))).scalars())

    def id_for(self, kind: RecordKind, name: str, field_name: str,
               extra: dict[str, Any] | None = None) -> int:
        """The one record of *kind* called *name*, created when new and creatable."""
        found = self.find(kind, name)
        if len(found) == 1:
            return found[0]
        singular, plural = english_nouns(kind)
        if len(found) > 1:
            raise RowError(field_name, say(N_("several {nouns} are called {name!r}; choose "
                                              "one in the app"), nouns=say(plural), name=name))
        if kind == RecordKind.COUNTRY:
            return self.country(name, field_name)
        if kind not in _CREATABLE:
            raise RowError(field_name, say(N_("there is no {noun} called {name!r}"),
                                           noun=say(singular), name=name))
        label = "title" if kind == RecordKind.DELEGATION else "name"
        try:
            record_id = self._new(kind, {label: name.strip(), **(extra or {})})
        except ops.ValidationError as exc:
            raise RowError(field_name, " ".join(exc.errors.values())) from exc
        self.remember(kind, name, record_id)
        return record_id

    def country(self, text: str, field_name: str) -> int:
        """A country by ISO code or name (English, any accents), added from the ISO list."""
        import pycountry

        from db.validation import country_name

        found = self.find(RecordKind.COUNTRY, text)
        if len(found) == 1:
            return found[0]
        try:
            match = pycountry.countries.lookup(fold(text.strip()))
        except LookupError:
            raise RowError(field_name, say(N_("{text!r} is not a country this catalog knows "
                                              "(use the country's English name or ISO code)"),
                                           text=text)) from None
        code = match.alpha_2
        existing = self.find(RecordKind.COUNTRY, code)
        if existing:
            return existing[0]
        record_id = self._new(RecordKind.COUNTRY,
                              {"code": code, "name": country_name(code) or match.name})
        self.remember(RecordKind.COUNTRY, code, record_id)
        self.remember(RecordKind.COUNTRY, country_name(code) or match.name, record_id)
        return record_id

    def city_of_organisation(self, organisation_id: int) -> int | None:
        org = self.tx.session.get(Organisation, organisation_id)
        return org.city_id if org is not None else None

    def country_code(self, country_id: int | None) -> str | None:
        if country_id is None:
            return None
        country = self.tx.session.get(Country, country_id)
        return country.code if country is not None else None
