"""Django admin of the governance app."""
