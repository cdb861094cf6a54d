"""Views of the participation app."""
