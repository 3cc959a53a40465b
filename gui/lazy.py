"""Modules the main window uses only after its first frame, loaded on first use.

Why this exists: launch to the first frame is measured against a bare PySide6
QMainWindow (issue 16, ``make bench``), and every module imported before
``show()`` is paid for by every start. The window's shell (menus, section list,
status line) needs Qt and little else; its editors, dialogs, printing, the
catalog watch and the store arrive after the first frame. Importing those
modules at the top of :mod:`gui.main_window` would load them before it draws.

:func:`module` is the one place where such a deferral is made: it returns the
module object at once, and Python runs the module's code the first time one of
its attributes is read (:class:`importlib.util.LazyLoader`). A caller names the
same module in an ``if TYPE_CHECKING:`` import, so the type checker, the
import-cycle test (``tests/test_import_cycles.py``) and import-linter's
contracts all still see the dependency: the graph stays honest, only the time
of loading moves. ``tests/gui/test_launch_imports.py`` checks what is loaded
before the window is shown.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def module(name: str) -> ModuleType:
    """*name*, imported when first used (at once if it is already loaded)."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    found = importlib.util.module_from_spec(spec)
    sys.modules[name] = found
    loader.exec_module(found)
    package, _dot, leaf = name.rpartition(".")
    if package:
        setattr(sys.modules[package], leaf, found)  # ``from package import leaf`` finds it
    return found
