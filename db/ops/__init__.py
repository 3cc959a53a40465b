"""The write side: create, update and delete any record, safely.

Every operation runs inside one transaction (``BEGIN IMMEDIATE`` on SQLite),
validates the record as it would be after the write, refuses an edit made
against a stale ``version`` (never a silent overwrite), writes the change log
field by field, keeps the search index in step, and returns *what changed* so
the GUI can refresh exactly that and undo can reverse it.

Several steps that belong together (a person and their positions) share one
:class:`Transaction`::

    with ops.transaction(catalog) as tx:
        person_id = tx.create(RecordKind.PERSON, {"family_name": "Nguyễn", ...})
        tx.create(RecordKind.POSITION, {"person_id": person_id, "title": "Chairman"})
    tx.result.changes

The modules, one job each:

- :mod:`db.ops.errors`   why a write was refused (messages for the user);
- :mod:`db.ops.coerce`   input turned into column values (NFC, trimming, dates), live checks;
- :mod:`db.ops.result`   what an operation changed (:class:`Result`, :class:`Change`);
- :mod:`db.ops.graph`    the reference graph: what refers to a record, what it owns;
- :mod:`db.ops.drafts`   records as forms hold them (:class:`Draft`), tombstones, parts;
- :mod:`db.ops.labels`   the text shown for a record;
- :mod:`db.ops.steps`    single-record steps and the one version check;
- :mod:`db.ops.probe`    the database questions a check asks, one by one or for a batch;
- :mod:`db.ops.batch`    many new records of one kind at once, under the same rules;
- :mod:`db.ops.unit`     the unit of work (:class:`Transaction`) and the public operations.

This package re-exports the public names, so ``db.ops.create`` and friends stay
where scripts expect them.
"""

from db.ops.batch import Vetted
from db.ops.coerce import CountryCode, check, defaults, editable_values, prepare
from db.ops.drafts import (
    PARTS,
    Draft,
    Link,
    NewRecord,
    Part,
    RowSnapshot,
    Saved,
    Tombstone,
    capture,
    load_draft,
    part,
    part_rows,
    same_content,
)
from db.ops.errors import (
    NotFoundError,
    OperationError,
    RowValidationError,
    StaleVersionError,
    StillReferencedError,
    ValidationError,
)
from db.ops.graph import owned, references
from db.ops.labels import record_label, values_label
from db.ops.result import Change, Result
from db.ops.unit import Transaction, create, delete, remove, restore, save, transaction, update

__all__ = [
    "PARTS",
    "Change",
    "CountryCode",
    "Draft",
    "Link",
    "NewRecord",
    "NotFoundError",
    "OperationError",
    "Part",
    "Result",
    "RowSnapshot",
    "RowValidationError",
    "Saved",
    "StaleVersionError",
    "StillReferencedError",
    "Tombstone",
    "Transaction",
    "ValidationError",
    "Vetted",
    "capture",
    "check",
    "create",
    "defaults",
    "delete",
    "editable_values",
    "load_draft",
    "owned",
    "part",
    "part_rows",
    "prepare",
    "record_label",
    "references",
    "remove",
    "restore",
    "same_content",
    "save",
    "transaction",
    "update",
    "values_label",
]
