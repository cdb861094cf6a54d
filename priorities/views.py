"""Views of the priorities app."""
