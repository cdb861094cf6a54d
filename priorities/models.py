"""Models of the priorities app."""
