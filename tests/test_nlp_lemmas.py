"""The cached lemmatizer call gives exactly the stock lemmatizer's lemmas (newsgraph.nlp.lemmas)."""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS

from newsgraph.nlp import load_nlp
from newsgraph.nlp import lemmas

ODD = ("The ministers were meeting; she had met them. Better, best, worse! They're going, he's gone, "
       "data and criteria, mice and geese. I ain't sure. Running runs ran. 3rd, 1990s, U.S.-led, e-mail.")


def _texts(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")[:6000] for p in sorted((shared / "corpus" / "basil_dev").rglob("*.txt"))[:12]]
    return texts + [ODD, ODD.upper(), ""]


def test_same_lemmas_as_stock_lemmatizer(nlp, shared):
    stock = load_nlp(fast=False)
    texts = _texts(shared) * 2   # the second pass is answered from the cache
    columns = [ORTH, POS, MORPH, LEMMA]
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert fast_doc.to_array(columns).tolist() == stock_doc.to_array(columns).tolist()
    assert type(nlp.get_pipe("lemmatizer")).__name__.startswith("Cached")
    assert not type(stock.get_pipe("lemmatizer")).__name__.startswith("Cached")


def test_cache_is_bounded(nlp, monkeypatch):
    monkeypatch.setattr(lemmas, "MAX_ENTRIES", 5)
    lemmatizer = nlp.get_pipe("lemmatizer")
    nlp(ODD)
    nlp(ODD)
    assert len(lemmatizer._newsgraph_lemmas) <= 5 + len(nlp(ODD))


def test_other_components_are_left_alone(nlp):
    assert lemmas.speed_up(nlp.get_pipe("parser")) is False
    assert lemmas.speed_up(nlp.get_pipe("lemmatizer")) is True   # already fast: nothing changes
