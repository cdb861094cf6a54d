"""WSGI entry point: `gunicorn config.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, the apps, their models, URL patterns and settings) lives as long
# as the process. Frozen, the garbage collector no longer scans it at each full collection: at
# 100 times the demo data those took 110-150 ms every hundred requests or so, 8 ms once frozen
# (README "Benchmark and load test").
gc.freeze()
