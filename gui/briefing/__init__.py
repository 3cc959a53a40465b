"""Briefing sheets as PDF (ReportLab). No Qt: sheets print headless from the CLI.

Use :func:`gui.briefing.render.render` (bytes) or :func:`gui.briefing.render.write`
(atomic file); kinds are ``delegation``, ``person``, ``pairing``, ``event`` and
``pack`` (a delegation's briefing pack).
"""
