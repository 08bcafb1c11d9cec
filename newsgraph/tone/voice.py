"""The author's own voice: which sentences are the writer's (no quotation, no speaker reported), and whether the
piece argues. An opinion or editorial piece states verdicts in its own sentences ('X should', 'we must', a question
put to the reader); a news report attributes them ('X said', 'according to')."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc

from newsgraph.model import Quote
from newsgraph.nlp import doc_text

QUOTED = re.compile(r'["\u201c][^"\u201d\n]{1,800}["\u201d]')
SHORTEST = 4   # tokens: a shorter 'sentence' is a fragment, a heading or a caption


@lru_cache(maxsize=16)
def _hashes(words: frozenset[str]) -> np.ndarray:
    return np.sort(np.array([hash_string(w) for w in words], dtype=np.uint64))


def _isin(values: np.ndarray, words: frozenset[str]) -> np.ndarray:
    """values in words' hashes, by a search in the sorted hashes (np.isin sorts both sides each call)."""
    table = _hashes(words)
    if not len(table):
        return np.zeros(len(values), dtype=bool)
    return table[np.minimum(np.searchsorted(table, values), len(table) - 1)] == values


def author_sentences(doc: Doc, sents: list, quotes: Sequence[Quote], say: frozenset[str],
                     attribution: frozenset[str]) -> list[bool]:
    """Per sentence: whether it is the author's own, neither quoting nor reporting anyone (a quotation mark, a verb
    of saying, 'according to')."""
    if not sents:
        return []
    text = doc_text(doc)
    spans = sorted([(q.start, q.end) for q in quotes] + [m.span() for m in QUOTED.finditer(text)])
    arr = doc.to_array([LEMMA, POS, LOWER]).astype(np.uint64)
    verb = (arr[:, 1] == VERB) | (arr[:, 1] == AUX)
    # lemmas are looked up as the parser writes them, in lower case for verbs
    reports = verb & _isin(arr[:, 0], say | attribution) | (
        arr[:, 2] == hash_string("according"))
    starts = np.array([s.start for s in sents])
    per_sent = np.add.reduceat(reports.astype(np.int32), starts) if len(doc) else np.zeros(len(sents))
    out, j = [], 0
    for k, s in enumerate(sents):
        while j < len(spans) and spans[j][1] <= s.start_char:
            j += 1
        quoted = j < len(spans) and spans[j][0] < s.end_char
        out.append(not quoted and len(s) >= SHORTEST and not per_sent[k])
    return out


def arguing(doc: Doc, sents: list, markers: frozenset[str], duty: frozenset[str]) -> list[int]:
    """The sentences that would argue if they are the author's own: a duty laid on someone ('should', 'must',
    'ought'), 'we', 'our', 'us', or a question put to the reader."""
    if not sents or not len(doc):
        return []
    arr = doc.to_array([LOWER, TAG]).astype(np.uint64)
    modal = arr[:, 1] == hash_string("MD")
    proper = arr[:, 1] == hash_string("NNP")   # "US" is a state, not "us"
    marks = _isin(arr[:, 0], markers) & ~proper | modal & _isin(arr[:, 0], duty)
    per_sent = np.add.reduceat(marks.astype(np.int32), np.array([s.start for s in sents]))
    text = doc_text(doc)
    return [k for k, s in enumerate(sents) if per_sent[k] or text[s.start_char:s.end_char].rstrip().endswith("?")]


def argued(doc: Doc, sents: list, author: list[bool], markers: frozenset[str], duty: frozenset[str]) -> int:
    """How many of the author's own sentences argue (see `arguing`): outside a quotation or a report, the 'we' and
    the 'should' are the writer's."""
    return sum(1 for k in arguing(doc, sents, markers, duty) if author[k])
