"""Placeholder, replaced by the quotes stage work (issue 5)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Actors, Quote


class QuoteExtractor:
    """Extract quotations and their speakers from a Doc whose actors are resolved."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc, actors: Actors) -> tuple[Quote, ...]:
        return ()
