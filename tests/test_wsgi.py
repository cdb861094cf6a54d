"""The WSGI entry point that gunicorn loads."""

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_the_app_servers_process_hides_what_it_loaded_from_the_garbage_collector():
    code = (
        "import gc, config.wsgi; "
        "print(callable(config.wsgi.application), gc.get_freeze_count() > 10000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
