"""Shortcuts the stages take for speed give what the plain spaCy reading gives (doc text, candidate tokens)."""
from __future__ import annotations

from newsgraph.nlp import doc_text, remember_text
from newsgraph.quotes.cues import Cues
from newsgraph.quotes.reported import _candidates

MIXED = ("According to the ministry, talks ended. SAID is a name. Officials Said nothing; he Says it, she added that "
         "the deal held, according TO aides, and the envoy told reporters the border would reopen.\n\nIt was said.")


def _texts(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")[:5000] for p in sorted((shared / "corpus" / "basil_dev").rglob("*.txt"))[:10]]
    return texts + [MIXED]


def test_doc_text_is_the_docs_own_text(nlp, shared):
    for text, doc in zip(_texts(shared), nlp.pipe(_texts(shared))):
        assert doc_text(doc) == doc.text == text
        assert doc_text(remember_text(doc, text)) is text   # kept, not joined again


def test_reported_speech_candidates_are_every_token_the_loop_acts_on(nlp, shared):
    cues = Cues.load()
    seen = 0
    for doc in nlp.pipe(_texts(shared)):
        found = set(_candidates(doc, cues))
        acts = {t.i for t in doc if cues.is_according(t) or t.lemma_.lower() in cues.reported_verbs}
        assert acts <= found, [doc[i].text for i in acts - found]
        seen += len(acts)
    assert seen > 50


def test_trigger_candidates_hold_every_token_with_a_lexicon_entry(nlp, shared):
    from newsgraph.actors import ActorResolver
    from newsgraph.events import EventExtractor
    from newsgraph.events.patterns import ActorIndex
    from newsgraph.events.triggers import candidates, match_token

    resolver, extractor = ActorResolver(nlp), EventExtractor(nlp)
    lex = extractor.lex
    texts = _texts(shared) + ["The army test-fired a missile; a sit-in and a cease-fire followed. Rebels staged a "
                              "walk-out, and Ankara's pull-out from the talks was condemned."]
    matched = 0
    for doc in nlp.pipe(texts):
        index = ActorIndex(resolver(doc).mentions)
        marks = candidates(doc, lex)
        for token in doc:
            if not marks[token.i]:
                assert match_token(token, lex, index) is None, (token.text, token.sent.text)
            else:
                matched += match_token(token, lex, index) is not None
    assert matched > 30


def _quoted_plain(doc, min_len=4):
    """quoted_tokens as a loop over every Token: the reference the array version must match."""
    inside, start = set(), None
    for tok in doc:
        text = tok.text
        opening = text in ("\u201c", "\u00ab") or (text == '"' and start is None)
        closing = text in ("\u201d", "\u00bb") or (text == '"' and start is not None)
        if opening and start is None:
            start = tok.i
        elif closing and start is not None:
            if tok.i - start - 1 >= min_len:
                inside.update(range(start + 1, tok.i))
            start = None
        elif tok.is_sent_start and start is not None and tok.i - start > 80:
            start = None
    return frozenset(inside)


def test_quoted_tokens_from_arrays_match_the_token_loop(nlp, shared):
    from newsgraph.events.patterns import quoted_tokens

    texts = _texts(shared) + ['He said "we will not wait for them" and left. «Nous partons demain matin», she said. '
                              '“An unbalanced quote opens here and never closes. ' + "Words go on. " * 40,
                              'The "so-called" deal, "a fair and lasting peace for all", was signed.']
    found = 0
    for doc in nlp.pipe(texts):
        assert quoted_tokens(doc) == _quoted_plain(doc)
        found += len(quoted_tokens(doc))
    assert found > 100
