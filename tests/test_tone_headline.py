"""The headline read for tone: the outlet's framing, in the words attached to a name the body uses."""
from __future__ import annotations

from dataclasses import replace

from newsgraph.tone.headline import HEADLINE, headline_spans
from tests.conftest import make_article

BODY = ("BUDAPEST, July 5 - Hungarian Prime Minister Viktor Orbán held talks with President Vladimir Putin in the "
        "Kremlin on Friday. Orbán described the trip as part of a mission and said the positions of the two sides "
        "remained far apart.\n\nEuropean Council President Charles Michel wrote that the presidency cannot speak "
        "for the Union.")


def _tone(analysis, name):
    return next(t for t in analysis.tone if t.target == name)


def test_a_headline_frames_the_one_it_names(analyzer):
    plain = analyzer.analyze(make_article(BODY))
    title = "Orbán meets Putin in Moscow, drawing rebuke from EU leaders"
    titled = analyzer.analyze(replace(make_article(BODY), title=title))
    before, after = _tone(plain, "Viktor Orbán"), _tone(titled, "Viktor Orbán")
    assert after.score < before.score - 0.2 and after.label == "neg"
    # Putin is named in the headline but nothing there is said of him
    assert _tone(titled, "Vladimir Putin").score == _tone(plain, "Vladimir Putin").score
    for ev in after.evidence:   # evidence stays sentences of the body
        assert titled.article.text[ev.start:ev.end] == ev.sentence


def test_a_reproach_voiced_in_a_headline_is_reported_not_framed(analyzer):
    body = ("Senator Mark Hale spoke to reporters on Friday about the budget. Hale said the committee would meet "
            "again next week.")
    plain = analyzer.analyze(make_article(body))
    titled = analyzer.analyze(replace(make_article(body), title="Hale accuses committee of delaying the budget"))
    assert _tone(titled, "Mark Hale").score == _tone(plain, "Mark Hale").score


def test_headline_names_are_matched_longest_first(analyzer):
    title = analyzer.nlp("Viktor Orbán meets Putin")
    spans = headline_spans(title, {"Orbán": "A", "Viktor Orbán": "A", "Putin": "B", "Put": "C"})
    assert [(s.text, k) for s, k in spans] == [("Viktor Orbán", "A"), ("Putin", "B")]
    assert HEADLINE > 1


def test_a_batch_reads_each_headline_with_its_own_article(analyzer):
    title = "Orbán meets Putin in Moscow, drawing rebuke from EU leaders"
    titled = replace(make_article(BODY, file="a.txt"), title=title)
    untitled = make_article(BODY.replace("Friday", "Monday"), file="b.txt")
    out = list(analyzer.analyze_many([untitled, titled, untitled]))
    scores = [_tone(a, "Viktor Orbán").score for a in out]
    assert scores[1] == _tone(analyzer.analyze(titled), "Viktor Orbán").score
    assert scores[0] == scores[2] == _tone(analyzer.analyze(untitled), "Viktor Orbán").score > scores[1]
