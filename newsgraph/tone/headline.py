"""The headline: the outlet's own framing of the story, which the body's stages never see (ingest keeps it apart).
It is read with the body's word rules and counts several times a body sentence: the words an editor puts at the top
('X meets Y, drawing rebuke', 'X wins reprieve') are the piece's verdict more than any one sentence is."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from newsgraph.model import Mention
from newsgraph.tone.signals import _Target

HEADLINE = 4.0          # the factor on a signal read from the headline
HEADLINE_MIN = 0.1      # weaker words are VADER's, on a parse of a few words (often in Title Case): noise
HEADLINE_SENT = -1      # the sentence index of headline signals: no sentence of the body


def headline_spans(title: Doc, forms: dict[str, str]) -> list[tuple[Span, str]]:
    """The spans of the headline that name a target, by the forms the body names it with ('Orbán', 'Hungary'),
    longest first, so 'Viktor Orbán' is one span."""
    text, taken, found = title.text, set(), []
    for form in sorted(forms, key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            span = title.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            found.append((span, forms[form]))
    return found


def read_headline(title: Doc, forms: dict[str, str], targets: dict[str, _Target],
                  attach: Callable[[Doc, Mention, _Target, dict[int, str]], None]) -> None:
    """Add to each target the signals of the words attached to it in the headline (`attach` is the body's rule),
    strong ones only, HEADLINE times; a reproach it voices ('X accuses Y') reports, it does not frame X."""
    spans = headline_spans(title, forms)
    tokmap = {i: key for span, key in spans for i in range(span.start, span.end)}
    for span, key in spans:
        target = targets[key]
        m = Mention(span.start_char, span.end_char, span.text, HEADLINE_SENT, span.start, span.end, None, target.kind)
        first = len(target.signals)
        attach(title, m, target, tokmap)
        kept = [s for s in target.signals[first:] if abs(s.weight) >= HEADLINE_MIN and not s.reproach]
        del target.signals[first:]
        for sig in kept:
            sig.weight *= HEADLINE
            sig.why = f"headline: {sig.why}"
            sig.fact = None if sig.fact is None else -1 - sig.fact   # not the body's word at that offset
        target.signals.extend(kept)


def name_forms(named: Iterable[tuple[Mention, _Target]]) -> dict[str, str]:
    """Each capitalised form the body names a target with, and a person's surname: the headline's names."""
    forms: dict[str, str] = {}
    for m, target in named:
        if not m.place and m.text[:1].isupper():
            forms.setdefault(m.text, target.key)
    for m, target in named:
        if target.kind == "person":
            forms.setdefault(target.name.split()[-1], target.key)
    return forms
