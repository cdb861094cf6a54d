"""Django admin of the commissioning app."""
