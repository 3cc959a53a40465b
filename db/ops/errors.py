"""Why a write was refused: every exception here carries a message meant for the user."""

from __future__ import annotations

from collections.abc import Mapping

from db.i18n import N_
from db.models import RecordKind
from db.said import say
from db.vocabulary import said_noun

NO_SUCH_RECORD = N_("There is no {noun} with id {id}.")


class OperationError(Exception):
    """A write that was refused; the message is meant for the user."""


class ValidationError(OperationError):
    def __init__(self, kind: RecordKind, errors: Mapping[str, str]) -> None:
        self.kind = kind
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


class RowValidationError(ValidationError):
    """A row of a part was refused; *path* names it: ``(("positions", 1),)``."""

    def __init__(self, kind: RecordKind, errors: Mapping[str, str],
                 path: tuple[tuple[str, int], ...]) -> None:
        super().__init__(kind, errors)
        self.path = path


class NotFoundError(OperationError):
    pass


class StaleVersionError(OperationError):
    """Someone else saved this record since it was loaded: nothing was overwritten."""

    def __init__(self, kind: RecordKind, record_id: int, expected: int, actual: int) -> None:
        self.kind, self.record_id, self.expected, self.actual = kind, record_id, expected, actual
        super().__init__(say(
            N_("This {noun} was changed elsewhere (version {actual}, you edited version "
               "{expected}); your edit was not saved."),
            noun=said_noun(kind), actual=actual, expected=expected))


class StillReferencedError(OperationError):
    def __init__(self, message: str, references: Mapping[str, int]) -> None:
        self.references = dict(references)
        super().__init__(message)
