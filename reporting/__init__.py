"""Reporting, on top of the domain apps: terms, termly reports and their challenges, board
packs and their PDFs, reminders, charts and the role dashboards."""
