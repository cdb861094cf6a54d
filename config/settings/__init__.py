"""Settings package.

A `.env` file at the project root is read here, before any settings module, so that
its values reach every module below; variables already in the environment win.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
