"""Language check: skip articles confidently in a language the model does not read (English by default)."""
from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Any

MIN_CHARS = 200          # shorter texts are too short to judge
MIN_CONFIDENCE = 0.95    # below this, let the article through
SAMPLE_CHARS = 3000      # the start of a long article is enough to judge it


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The langid model, loaded once per process (imported here: commands that read no articles start faster),
    with probabilities that sum to one."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def foreign_language(text: str, accepted: Collection[str] = ("en",)) -> tuple[str, float] | None:
    """(language code, confidence) when `text` is confidently in none of the accepted languages; None otherwise."""
    if len(text) < MIN_CHARS:
        return None
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    if lang not in accepted and prob >= MIN_CONFIDENCE:
        return str(lang), float(prob)
    return None
