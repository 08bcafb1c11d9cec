"""The one exception hierarchy of newsgraph.

    NewsgraphError
     ├── ConfigError      bad option or user dictionary
     ├── IngestError      an input that cannot become an article
     ├── ModelError       the spaCy pipeline cannot be loaded
     ├── TimeLimitError   one article ran past the per-article time limit
     └── StoreError       the database cannot be opened or written
          ├── SchemaError the database was made by a newer newsgraph
          └── NotFoundError  no such row (an event id, say)
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    """A bad option, setting or user dictionary."""


class IngestError(NewsgraphError):
    """An input that cannot become an article."""


class ModelError(NewsgraphError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(NewsgraphError):
    """The database cannot be opened, read or written."""


class SchemaError(StoreError):
    """The database schema is newer than this newsgraph, or damaged."""


class NotFoundError(StoreError):
    """A row asked for by id does not exist."""


class TimeLimitError(NewsgraphError):
    """One article took longer than the per-article time limit (it is skipped, the run goes on)."""
