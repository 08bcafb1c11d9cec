"""Placeholder resolver, replaced by the actors stage work (issue 3)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Actors, Person


class ActorResolver:
    """Resolve actor mentions in a Doc.

    Args:
        nlp: the loaded pipeline (its vocab builds the matchers).
        user_file: optional YAML/CSV user dictionary (`--actors FILE`).
        known: persons the store already knows (name variants, actor, role) for corpus-level resolution.
    """

    def __init__(self, nlp: Language, *, user_file: str | Path | None = None, known: Sequence[Person] = ()) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Actors:
        return Actors()
