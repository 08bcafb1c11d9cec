"""newsgraph: read news the way an analyst does.

    >>> import newsgraph
    >>> analysis = newsgraph.analyze("Egypt's foreign minister urged Ethiopia to resume talks.")   # doctest: +SKIP
    >>> store = newsgraph.open("newsgraph.db")                                                   # doctest: +SKIP
    >>> store.events(source="EGY").to_pandas()                                                   # doctest: +SKIP

The public names below are loaded on first use, so `import newsgraph` stays cheap (no spaCy until it is needed).
"""
from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

# public name -> module that defines it
_PUBLIC = {
    "Analysis": "newsgraph.model", "Article": "newsgraph.model", "ConfigError": "newsgraph.errors",
    "Event": "newsgraph.model", "IngestError": "newsgraph.errors", "ModelError": "newsgraph.errors",
    "NewsgraphError": "newsgraph.errors", "NotFoundError": "newsgraph.errors", "Person": "newsgraph.model",
    "Quote": "newsgraph.model", "Record": "newsgraph.api", "Records": "newsgraph.api",
    "SchemaError": "newsgraph.errors", "Store": "newsgraph.api", "StoreError": "newsgraph.errors",
    "analyze": "newsgraph.api", "analyze_many": "newsgraph.api", "make_article": "newsgraph.api",
    "open": "newsgraph.api",
}

__all__ = sorted(["__version__", *_PUBLIC])


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
