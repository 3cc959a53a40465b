"""One client of the concurrency test (``python -m tests.office.hammer URL SEED N IDS``).

Makes *N* saves through ``db.ops`` as an office member would: read a person,
append a tag to their private notes, save with the version read. A save
refused as stale (someone else saved first) is read again and retried, as the
conflict dialog lets a user do. Prints one JSON line: every acknowledged save
as ``[person id, tag, version the save returned]``, the number of conflicts,
and any other error's type and message (there should be none).
"""

from __future__ import annotations

import json
import random
import sys
import time

from db import ops
from db.catalog import CatalogError, open_catalog
from db.models import Person, RecordKind

MAX_TRIES = 200


def main(url: str, seed: int, count: int, ids: list[int]) -> int:
    rng = random.Random(seed)
    acknowledged: list[tuple[int, str, int]] = []
    conflicts = 0
    errors: list[str] = []
    started = time.perf_counter()
    with open_catalog(url) as catalog:
        for i in range(count):
            person_id = rng.choice(ids)
            tag = f"w{seed}-{i}"
            for _try in range(MAX_TRIES):
                with catalog.read_session() as session:
                    person = session.get(Person, person_id)
                    assert person is not None
                    notes, version = person.private_notes or "", person.version
                try:
                    result = ops.update(catalog, RecordKind.PERSON, person_id,
                                        {"private_notes": f"{notes} {tag}".strip()},
                                        expected_version=version)
                except ops.StaleVersionError:
                    conflicts += 1
                    continue
                except CatalogError as exc:  # a clear message (busy, deadlock): try again
                    errors.append(f"clear: {type(exc).__name__}: {exc}")
                    continue
                except Exception as exc:
                    errors.append(f"raw: {type(exc).__name__}: {exc}")
                    break
                acknowledged.append((person_id, tag, result.changes[0].version))
                break
    print(json.dumps({"acknowledged": acknowledged, "conflicts": conflicts, "errors": errors,
                      "seconds": time.perf_counter() - started}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]),
                  [int(i) for i in sys.argv[4].split(",")]))
