"""No store error meant for a user is raised with a bare English sentence.

The store's user-facing errors (a catalog that cannot be opened or written, a refused
write, a file that cannot be imported, a row that cannot be brought in) carry a
:class:`db.said.Said`: ``say(N_("template {x}"), x=...)``, written in the user's
language with its code kept. This walks every module of ``db/`` and fails on a
construction of one of those classes whose message is a string literal or an f-string, so
a new English sentence cannot slip in unnoticed (nor one made and returned to be raised).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import db
from db.catalog import CatalogError
from db.interchange.people import NeedsReview
from db.interchange.resolve import RowError
from db.interchange.rows import CellError
from db.interchange.tables import FileProblem
from db.ops import OperationError

DB = Path(__file__).resolve().parents[2] / "db"
USER_FACING: tuple[type[BaseException], ...] = (
    CatalogError, OperationError, FileProblem, RowError, CellError, NeedsReview)
# Where the message is among the arguments (RowError names its field first).
MESSAGE_AT = {"RowError": 1}
# Programming mistakes no user can make (the app and the import never call these so):
# said to the developer, in English. (file, start of the message)
FOR_DEVELOPERS = {
    ("db/ops/batch.py", "Only pending references can be linked"),
    ("db/ops/batch.py", "A vetted "),
    ("db/ops/steps.py", "Unknown kind of record"),
}


def _names(roots: tuple[type[BaseException], ...]) -> set[str]:
    """The class names of *roots* and every subclass of theirs (BackupFailedError...),
    with every module of the store imported so that none is missed."""
    for module in pkgutil.walk_packages(db.__path__, "db."):
        if not module.name.startswith("db.migrations"):
            importlib.import_module(module.name)
    found: set[str] = set()
    pending = list(roots)
    while pending:
        cls = pending.pop()
        if cls.__name__ not in found:
            found.add(cls.__name__)
            pending.extend(cls.__subclasses__())
    return found


def _literal_text(node: ast.AST) -> str | None:
    """The words of a string literal or f-string (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return (_literal_text(node.left) or "") + (_literal_text(node.right) or "") or None
    return None


def bare_messages(source: str, classes: set[str]) -> list[tuple[int, str]]:
    """(line, text) of each ``C(<English literal>)`` with C among *classes*, raised there
    or returned to be raised by the caller (``return NotACatalogError(...)``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else None)
        if name not in classes:
            continue
        for argument in node.args[MESSAGE_AT.get(name, 0):][:1]:
            text = _literal_text(argument)
            if text is not None and re.search(r"[A-Za-z]{2,}", text):
                found.append((node.lineno, text))
    return found


def test_user_facing_errors_are_raised_with_a_said_sentence() -> None:
    classes = _names(USER_FACING)
    assert {"BackupFailedError", "DiskFullError", "StaleVersionError"} <= classes
    offenders = [f"{where}:{line}: {text[:70]!r}"
                 for path in sorted(DB.rglob("*.py"))
                 for where in [path.relative_to(DB.parent).as_posix()]
                 for line, text in bare_messages(path.read_text(encoding="utf-8"), classes)
                 if not any(where == known and text.startswith(start)
                            for known, start in FOR_DEVELOPERS)]
    assert offenders == [], "\n".join(offenders)


def test_the_walk_catches_a_bare_sentence() -> None:
    """The check itself: an English literal or f-string is caught, a Said is not."""
    classes = _names(USER_FACING)
    caught = bare_messages(
        'raise CatalogError(f"{name} is busy, try again.")\n'
        'raise errors.FileProblem("the file is empty")\n'
        'raise RowError("title", "a title is needed")\n'
        'raise NotFoundError(say(N_("There is no {noun}."), noun=n))\n'
        'raise KeyError(f"{kind} has no part")\n'
        'return DiskFullError(f"The disk is full: {name} is unchanged.")\n', classes)
    assert [line for line, _text in caught] == [1, 2, 3, 6]
