"""A sentence for the user that keeps its code and parameters.

The store refuses writes and reports problems in sentences (a validation message, a
version conflict, a full disk). Each is a :class:`Said`: a ``str`` written in the
current language (:mod:`db.i18n`) when it is made — the app's language on its worker
thread, the command line's in the CLI — that also carries its *code* (the English
template, the catalog's msgid) and its *params*, so a caller can write it again in
another language (:meth:`Said.in_language`) or test for the case without parsing words.
A reason inside a sentence ("… is damaged ({problem})") is a ``Said`` too, passed as a
parameter, so the whole sentence changes language together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.i18n import _, ngettext, using


class Said(str):
    """``Said("{name} is busy", name="x")``: the sentence, with ``code`` and ``params``.

    A sentence whose words follow a number also keeps its ``plural`` template and the
    number ``n`` that chooses between them (:func:`say_plural`).
    """

    code: str
    params: Mapping[str, Any]
    plural: str | None
    n: int

    def __new__(cls, template: str, *, plural_: str | None = None, n_: int = 1,
                **params: Any) -> Said:
        made = super().__new__(cls, _write(template, params, plural_, n_))
        made.code = template
        made.params = dict(params)
        made.plural = plural_
        made.n = n_
        return made

    def in_language(self, language: str) -> str:
        """The same sentence in *language* (``vi``, ``en``)."""
        with using(language):
            return self.again()

    def again(self) -> str:
        """The sentence written again in the current language."""
        return _write(self.code, self.params, self.plural, self.n)


def _write(template: str, params: Mapping[str, Any], plural: str | None = None,
           n: int = 1) -> str:
    """*template* in the current language, with *params*; a parameter that is itself a
    :class:`Said` (a reason inside a sentence) is written again in the same language."""
    translated = _(template) if plural is None else ngettext(template, plural, n)
    if not params:
        return translated
    return translated.format(**{key: value.again() if isinstance(value, Said) else value
                                for key, value in params.items()})


def say(template: str, **params: Any) -> Said:
    """The sentence *template* (marked with ``N_`` or ``_`` where it is written) with
    *params*, in the current language."""
    return Said(template, **params)


def say_plural(singular: str, plural: str, n: int, **params: Any) -> Said:
    """The sentence for *n* (``{count} backup`` / ``{count} backups``), in the current
    language's plural form, keeping both templates and *n*."""
    return Said(singular, plural_=plural, n_=n, **params)
