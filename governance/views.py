"""Views of the governance app."""
