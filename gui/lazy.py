"""Modules the main window uses only after its first frame, loaded on first use.

Why this exists: launch to the first frame is measured against a bare PySide6
QMainWindow (issue 16, ``make bench``), and every module imported before
``show()`` is paid for by every start. The window's shell (menus, section list,
status line) needs Qt and little else; its editors, dialogs, printing, the
catalog watch and the store arrive after the first frame. Importing those
modules at the top of :mod:`gui.main_window` would load them before it draws.

:func:`module` is the one place where such a deferral is made: it returns at
once an object that stands for the module, and the module is imported the first
time one of its attributes is read (the stand-in finds nothing on disk until
then: looking a module up costs a start ~0.15 ms, twenty of them 3 ms). A
caller names the same module in an ``if TYPE_CHECKING:`` import, so the type
checker, the import-cycle test (``tests/test_import_cycles.py``) and
import-linter's contracts all still see the dependency: the graph stays honest,
only the time of loading moves. ``tests/gui/test_launch_imports.py`` checks what is loaded
before the window is shown.

PySide6 has a cost of the same kind inside one module: it builds a wrapped
class, with every one of its enums as a Python ``enum``, the first time the
class is named. Naming ``Qt`` (``from PySide6.QtCore import Qt``) builds its
93 enums, 15–20 ms of CPU, more than a third of what the bare window's whole
first frame costs. The shell's modules take ``Qt`` from :func:`attribute`
instead (named in an ``if TYPE_CHECKING:`` import for the type checker, like a
lazy module), and what the first frame must set of Qt's enums it sets by name
(:func:`set_enum`) or by number (:data:`USER_ROLE`).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

# Qt.ItemDataRole.UserRole, the first role free for an application's data, as the number
# Qt defines it to be (tests/gui/test_launch.py checks that it still is).
USER_ROLE = 0x0100


class _Deferred(ModuleType):
    """Stands for the module of its name until it is imported: reading an attribute
    imports it (once: Python keeps it in ``sys.modules``) and reads the module's;
    setting one (a test's monkeypatch) sets the module's."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__name__), attr)

    def __setattr__(self, attr: str, value: Any) -> None:
        setattr(importlib.import_module(self.__name__), attr, value)

    def __delattr__(self, attr: str) -> None:
        delattr(importlib.import_module(self.__name__), attr)


def module(name: str) -> ModuleType:
    """*name*, imported when first used (the module itself if it is already loaded)."""
    return sys.modules.get(name) or _Deferred(name)


class _Attribute:
    """Stands for ``module.name``, which is looked up the first time one of its own
    attributes is read (``Qt.AlignmentFlag``)."""

    __slots__ = ("_module", "_name")

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name = module, name

    def __getattr__(self, attr: str) -> Any:
        return getattr(getattr(importlib.import_module(self._module), self._name), attr)

    def __repr__(self) -> str:
        return f"<{self._module}.{self._name}, looked up when used>"


def attribute(module: str, name: str) -> Any:
    """*module*'s *name*, looked up each time one of its attributes is read: a name
    whose first lookup costs (PySide6's ``Qt``) is paid for when first used."""
    return _Attribute(module, name)


def set_enum(target: QObject, name: str, key: str) -> None:
    """Set *target*'s enum-typed Qt property *name* to its *key* (``"AlignCenter"``,
    ``"AlignLeft|AlignTop"``), named as a string: Qt's meta-object converts it, so the
    enum's Python class (and its namespace's, ``Qt``) need not be built."""
    if not target.setProperty(name, key):
        raise ValueError(f"{type(target).__name__} has no property {name!r} taking {key!r}")
