"""Phone numbers typed the local way are accepted through the write API and stored once."""

from __future__ import annotations

import pytest

from db import ops, phones
from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Person


@pytest.mark.parametrize(("typed", "stored", "shown"), [
    ("024 3825 3536", "+842438253536", "024 3825 3536"),
    ("0913 245 678", "+84913245678", "0913 245 678"),
    ("(+84) 913-245-678", "+84913245678", "0913 245 678"),
    ("+39 02 8845 6789", "+390288456789", "+39 02 8845 6789"),
])
def test_a_number_is_stored_in_one_form_and_shown_the_local_way(
        empty_catalog: Catalog, typed: str, stored: str, shown: str) -> None:
    result = ops.create(empty_catalog, RecordKind.PERSON, {"family_name": "X", "phone": typed})
    with empty_catalog.read_session() as session:
        person = session.get(Person, result.changes[0].id)
        assert person is not None and person.phone == stored
    assert phones.shown(stored) == shown


def test_what_is_no_phone_number_is_refused_with_an_example() -> None:
    with pytest.raises(ValueError):
        phones.parse("call me")
    assert ops.check(RecordKind.PERSON, {"family_name": "X", "phone": "+84 12"})["phone"] \
        .startswith("Not a phone number")
