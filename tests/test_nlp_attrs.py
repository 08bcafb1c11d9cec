"""The fast attribute-ruler matcher gives exactly the stock ruler's output (newsgraph.nlp.attrs)."""
from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, MORPH, POS, TAG

from newsgraph.nlp import load_nlp
from newsgraph.nlp.attrs import FastMatcher, speed_up

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, IS_SPACE, HEAD]
# The forms the two-token and regex rules are there for, and spaces of every kind.
ODD = ("I ain't sure y'all know. We're gon na win, she's gotta go, let's see; c'm on! Nothin' is done. "
       "It is there, is it? There were two. Do you have it? I did.\n\n  \t Whether or not, but  it was.")


@pytest.fixture(scope="module")
def stock():
    return load_nlp(fast=False)


def _texts(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")[:6000] for p in sorted((shared / "corpus" / "basil_dev").rglob("*.txt"))[:12]]
    return texts + [ODD]


def test_same_annotations_as_stock_ruler(nlp, stock, shared):
    texts = _texts(shared)
    assert len(texts) > 10
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert fast_doc.to_array(COLUMNS).tolist() == stock_doc.to_array(COLUMNS).tolist()


def test_same_matches_as_spacy_matcher(nlp, stock):
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = stock(ODD)
    ruler = stock.get_pipe("attribute_ruler")
    stock_matches = [(a, s, e) for a, _, s, e in ruler.match(doc)]
    assert stock_matches and FastMatcher(ruler).match(doc) == stock_matches


def test_the_pipeline_uses_it_and_the_baseline_does_not(nlp, stock):
    assert "match" in vars(nlp.get_pipe("attribute_ruler"))
    assert "match" not in vars(stock.get_pipe("attribute_ruler"))


def test_unsupported_pattern_leaves_the_ruler_as_spacy_made_it():
    nlp = load_nlp(fast=False)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 20}}]], {"POS": "X"})
    assert speed_up(ruler) is False
    assert "match" not in vars(ruler)
    long_word = "a" * 25
    assert nlp(f"The {long_word} arrived.")[1].pos_ == "X"


def test_remembered_rows_give_the_same_matches(stock):
    # rows met again (the second call), a memo cleared while reading, and a two-token rule's first word last
    text = ODD + " There is rain. Let's go, we're gon na see. They let"
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = stock(text)
    ruler = stock.get_pipe("attribute_ruler")
    expected = [(a, s, e) for a, _, s, e in ruler.match(doc)]
    assert any(e - s == 2 for _, s, e in expected)
    fast = FastMatcher(ruler)
    assert fast.match(doc) == expected
    assert 0 < len(fast.rows) < len(doc)
    assert fast.match(doc) == expected
    small = FastMatcher(ruler)
    small.MAX_ROWS = 3
    assert small.match(doc) == expected and len(small.rows) <= 3
