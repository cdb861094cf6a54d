"""Views of the commissioning app."""
