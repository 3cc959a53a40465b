"""A colleague editing one person while an import runs: ``python -m
tests.interchange.colleague_save PLACE PERSON_ID STOP``.

Saves the person's biography again and again as a form would (``ops.update`` with
the version it last saw), a moment apart, until the file STOP exists. A save refused
as busy keeps its text and is tried again (the form keeps the edit). Prints
``ready`` after its first save, then one JSON line: each attempt's text, start, end,
and the refusal's message (None when saved).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from db import ops
from db.catalog import open_catalog
from db.catalog.errors import CatalogBusyError
from db.models import Person, RecordKind

PACE_SECONDS = 0.05  # a person types between saves; the import gets the cores meanwhile


def main(place: str, person_id: int, stop: Path) -> int:
    attempts: list[tuple[str, float, float, str | None]] = []
    with open_catalog(place) as catalog:
        with catalog.read_session() as session:
            person = session.get(Person, person_id)
            assert person is not None
            version = person.version
        edit = 1
        while True:
            text = f"Edit {edit}"
            began = time.time()
            try:
                result = ops.update(catalog, RecordKind.PERSON, person_id, {"biography": text},
                                    expected_version=version)
            except CatalogBusyError as exc:
                attempts.append((text, began, time.time(), str(exc)))
            else:
                attempts.append((text, began, time.time(), None))
                version = next(c.version for c in result.changes
                               if c.kind == RecordKind.PERSON and c.id == person_id)
                edit += 1
                if edit == 2:
                    print("ready", flush=True)
            if stop.exists():
                break
            time.sleep(PACE_SECONDS)
    print(json.dumps({"attempts": attempts, "version": version}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])))
