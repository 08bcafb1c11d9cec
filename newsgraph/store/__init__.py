"""Store stage: SQLite by default, schema versioned with migrations."""
from __future__ import annotations

from newsgraph.store.db import Store

__all__ = ["Store"]
