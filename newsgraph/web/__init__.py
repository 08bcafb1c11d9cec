"""Web UI: a read-only FastAPI app over the store (`newsgraph serve`) and the self-contained HTML report
(`newsgraph report`). Server-rendered Jinja2 templates, SVG charts drawn on the server; no spaCy."""
from __future__ import annotations

from newsgraph.web.app import make_app

__all__ = ["make_app"]
