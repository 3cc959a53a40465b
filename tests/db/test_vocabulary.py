"""One table of words for kinds, fields and values: complete, and in both languages."""

from __future__ import annotations

from db import i18n, vocabulary
from db.kinds import Direction, EngagementRole, EventRole, MemberRole, RecordKind
from db.models import TABLES
from db.ops.coerce import PROTECTED


def test_every_enumerated_value_has_its_own_word() -> None:
    missing = [(v.__name__, m.value) for v in vocabulary.VOCABULARIES for m in v
               if (v, m.value) not in vocabulary._VALUE_WORDS]
    assert missing == []


def test_every_vocabulary_of_the_store_is_listed() -> None:
    from db import kinds

    enums = {obj for obj in vars(kinds).values()
             if isinstance(obj, type) and issubclass(obj, kinds.StrEnum)
             and obj is not kinds.StrEnum and obj is not RecordKind}
    assert enums == set(vocabulary.VOCABULARIES)


def test_every_field_a_user_sees_has_a_caption() -> None:
    fields = {column.name for model in TABLES.values()
              for column in model.__table__.columns}  # type: ignore[attr-defined]
    assert sorted(fields - PROTECTED - set(vocabulary._FIELD_WORDS)) == []


def test_every_kind_has_a_noun() -> None:
    assert set(vocabulary._NOUNS) == set(RecordKind)


def test_one_word_per_value_in_each_language() -> None:
    with i18n.using("en"):
        assert vocabulary.word(Direction.INCOMING) == "Incoming"
        assert vocabulary.noun(RecordKind.PERSON, 18) == "people"
        assert vocabulary.count(RecordKind.PERSON, 1_100) == "1,100 people"
    with i18n.using("vi"):
        assert vocabulary.word(Direction.INCOMING) == "Đoàn vào"
        assert vocabulary.word(Direction.OUTGOING) == "Đoàn ra"
        assert vocabulary.word(MemberRole.HEAD) == "Trưởng đoàn"
        assert vocabulary.count(RecordKind.PERSON, 1_100) == "1.100 người"
        assert vocabulary.field("protocol_notes") == "Ghi chú lễ tân"
        # The same stored value in two vocabularies can read differently.
        assert vocabulary.word(EventRole.HOST) != vocabulary.word(EngagementRole.GUEST)
