"""What every app shares; imports no domain app."""

__version__ = "0.1.0"
