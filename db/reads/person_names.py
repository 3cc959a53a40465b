"""People's names by id, for reads that link to the people they name (gifts, action items).

The same rule as :func:`db.reads.people.person_label` (:func:`db.names.display_name`),
read as SQL text by id, so a read that only names people needs neither the ORM nor the
whole person read.
"""

from __future__ import annotations

from collections.abc import Iterable

from db.names import display_name
from db.rows import Reader, ids_in, rows_of


def person_labels(source: Reader, ids: Iterable[int | None]) -> dict[int, str]:
    """The names of the people *ids* (None skipped), in one query."""
    where, params = ids_in("person", ids)
    if not params:
        return {}
    return {int(pid): display_name(given, family, order) for pid, given, family, order in
            rows_of(source)("SELECT p.id, p.given_names, p.family_name, p.name_order"
                            f' FROM "person" p WHERE p.id IN {where}', params)}
