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
