"""Placeholder, replaced by the events stage work (issue 4)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Actors, Event


class EventExtractor:
    """Extract PLOVER events from a Doc whose actors are resolved."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc, actors: Actors, *, published: str | None = None) -> tuple[Event, ...]:
        return ()
