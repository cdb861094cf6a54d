"""Django admin of the participation app."""
