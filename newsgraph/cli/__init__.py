"""Command line interface: thin wrappers over library functions. Data goes to stdout, messages to stderr.

`common` holds the group and what the commands share; each other module adds its commands to the group.
"""
from newsgraph.cli import across, records, tools  # noqa: F401  (importing them adds their commands)
from newsgraph.cli.common import emit, main, open_store

__all__ = ["emit", "main", "open_store"]
