"""Why a write was refused: every exception here carries a message meant for the user."""

from __future__ import annotations

from collections.abc import Mapping

from db.models import RecordKind


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
        super().__init__(
            f"This {kind.value.replace('_', ' ')} was changed elsewhere (version {actual}, "
            f"you edited version {expected}); your edit was not saved."
        )


class StillReferencedError(OperationError):
    def __init__(self, message: str, references: Mapping[str, int]) -> None:
        self.references = dict(references)
        super().__init__(message)
