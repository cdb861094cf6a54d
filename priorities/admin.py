"""Django admin of the priorities app."""
