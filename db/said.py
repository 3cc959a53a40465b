"""A sentence for the user that keeps its code and parameters.

The store refuses writes and reports problems in sentences (a validation message, a
version conflict, a full disk). Each is a :class:`Said`: a ``str`` written in the
current language (:mod:`db.i18n`) when it is made — the app's language on its worker
thread, the command line's in the CLI — that also carries its *code* (the English
template, the catalog's msgid) and its *params*, so a caller can write it again in
another language (:meth:`Said.in_language`) or test for the case without parsing words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.i18n import _, using


class Said(str):
    """``Said("{name} is busy", name="x")``: the sentence, with ``code`` and ``params``."""

    code: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, **params: Any) -> Said:
        made = super().__new__(cls, _write(template, params))
        made.code = template
        made.params = dict(params)
        return made

    def in_language(self, language: str) -> str:
        """The same sentence in *language* (``vi``, ``en``)."""
        with using(language):
            return _write(self.code, self.params)


def _write(template: str, params: Mapping[str, Any]) -> str:
    translated = _(template)
    return translated.format(**params) if params else translated


def say(template: str, **params: Any) -> Said:
    """The sentence *template* (marked with ``N_`` or ``_`` where it is written) with
    *params*, in the current language."""
    return Said(template, **params)
