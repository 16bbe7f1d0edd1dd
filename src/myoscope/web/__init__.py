"""The clinician web app (FastAPI): server-rendered pages, a JSON API under ``/api/v1``, accounts.

``create_app(Settings(...))`` builds it; ``myoscope serve`` runs it on 127.0.0.1.
"""

from myoscope.web._app import create_app
from myoscope.web._demo import DEMO_PASSWORD, DEMO_USER, examples_dir, load_demo
from myoscope.web._serve import FACTORY, KEEP_ALIVE_S, settings_environment
from myoscope.web._settings import Settings

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USER",
    "FACTORY",
    "KEEP_ALIVE_S",
    "Settings",
    "create_app",
    "examples_dir",
    "load_demo",
    "settings_environment",
]
