"""Joint Commissioning Manager's project package: settings, URLs, WSGI and ASGI only."""
