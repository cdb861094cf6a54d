"""Models of the commissioning app."""
