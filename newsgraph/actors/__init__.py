"""Actors stage: mentions in a Doc -> canonical actors (ISO3 states, organisation codes, persons with roles)."""
from __future__ import annotations

from newsgraph.actors.resolve import ActorResolver

__all__ = ["ActorResolver"]
