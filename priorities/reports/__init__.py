"""Termly reports of the priority areas: assembly, charts, services, selectors, board pack."""
