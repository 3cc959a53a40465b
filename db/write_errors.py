"""Which errors mean "this write was refused and nothing changed", in words for users.

Every operation runs in one transaction, so a refused write (validation, a
stale version, a locked or read-only file) leaves the catalog as it was. The
GUI asks this module instead of knowing SQLAlchemy's exception types.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from db.catalog import CatalogError
from db.i18n import N_
from db.ops import OperationError
from db.said import say

#: Errors after which the transaction rolled back and the catalog is unchanged.
REFUSALS: tuple[type[Exception], ...] = (OperationError, CatalogError, SQLAlchemyError)


def refusal_message(exc: Exception) -> str:
    """One sentence for the user; a database error names its first line only."""
    if isinstance(exc, SQLAlchemyError):
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return say(N_("the catalog could not be written ({reason})."), reason=reason)
    return str(exc)
