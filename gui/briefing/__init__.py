"""Briefing sheets as PDF (ReportLab platypus). No Qt: they print headless from the CLI."""
