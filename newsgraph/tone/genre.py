"""Wire copy, told from its text: a news agency's dateline ('AMMAN, Nov 2 (Agency) - ', 'Denver (AP) -') opens it,
and its own sentences neither say 'our' nor honour anyone ('the brotherly countries', 'His Highness'). Wire copy
reports each side's claims with attribution on both sides: its acts and words are the parties', so the same
evidence says less of the writer's feeling than in a daily's own report. A state agency uses the same dateline but
writes as its state ('the head of our state', 'the wise vision of the leadership'): that is not wire copy."""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.model import Quote
from newsgraph.nlp import doc_text
from newsgraph.tone.voice import author_sentences

# The place (in capitals or as a name, several joined by '/', a country after a comma), an optional date, the
# agency's credit in parentheses, and a dash: the international wire form. A colon after the credit is the house
# style of national agencies as often as of wires, and is left alone.
PLACE = r"[A-Z][A-Za-z'.\-]*(?: [A-Z][A-Za-z'.\-]*){0,3}"
DATELINE = re.compile(
    rf"\s*{PLACE}(?:/{PLACE})*(?:, {PLACE})?,? (?:(?:[A-Z][a-z]{{2,8}}\.? \d{{1,2}}|\d{{1,2}} [A-Z][a-z]{{2,8}}),? )?"
    r"\([^()\n]{2,40}\) ?[-\u2013\u2014] ")


def agency_dateline(text: str) -> bool:
    """Whether the body opens with a news agency's dateline."""
    return DATELINE.match(text) is not None


def wire_copy(doc: Doc, sents: list, quotes: Sequence[Quote], honours: frozenset[str], own: frozenset[str],
              say: frozenset[str], attribution: frozenset[str]) -> bool:
    """Agency copy (see the module's docstring) whose author's sentences have none of `honours` nor of `own`
    ('our', 'we')."""
    if not agency_dateline(doc_text(doc)):
        return False
    mine = author_sentences(doc, sents, quotes, say, attribution)
    for k, s in enumerate(sents):
        # "US" is a state, not "us"; honours are names ("His Highness") and keep their capitals
        if k < len(mine) and mine[k] and any(t.lower_ in honours or (t.lower_ in own and t.tag_ != "NNP") for t in s):
            return False
    return True
