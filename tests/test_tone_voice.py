"""The author's own voice: which sentences are the writer's, whether a piece argues, and what that does to tone."""
from __future__ import annotations

from newsgraph.tone import ToneScorer
from newsgraph.tone.signals import _Signal, _Target
from newsgraph.tone.voice import argued, author_sentences
from tests.conftest import make_article

OPINION = ("Venezuela's decision to close the Paraima crossing was a mistake. Venezuela should reopen it at once. "
           "Our farmers cannot wait for a quarrel that is not theirs to end. The two capitals must talk again. "
           "Who gains from a closed border?")
REPORT = ("Venezuela closed the Paraima crossing on Monday. Officials said the crossing would stay shut for a week. "
          "\u201cWe must protect our farmers,\u201d the interior minister told reporters. Traders should expect "
          "delays, according to the customs agency.")


def _voice(analyzer, text):
    doc = analyzer.nlp(make_article(text).text)
    quotes = analyzer.quotes(doc, analyzer.actors(doc))
    lex = analyzer.tone.lex
    sents = list(doc.sents)
    own = author_sentences(doc, sents, quotes, lex.say, lex.attribution)
    return sents, own, argued(doc, sents, own, lex.argue_words, lex.duty)


def test_an_argued_piece_is_told_from_a_report(analyzer):
    sents, own, n = _voice(analyzer, OPINION)
    assert all(own) and n >= 4   # 'should', 'our', 'must', the question; the first is a verdict with no marker
    sents, own, n = _voice(analyzer, REPORT)
    # 'said', the quotation and 'according to' are others' voices: their 'we', 'must', 'should' are not the author's
    assert own == [True, False, False, False] and n == 0


def test_an_opinion_piece_brings_weaker_evidence_to_a_label():
    target = _Target("NOR", "Venezuela", "state", mentions=2, signals=[_Signal(-0.2, 0, "subject of 'refused'")])
    report = ToneScorer._tone(target, [], {})
    opinion = ToneScorer._tone(target, [], {}, opinion=True)
    assert report.label == "neu" and opinion.label == "neg" and opinion.score < report.score < 0
    target.signals = []
    assert ToneScorer._tone(target, [], {}, opinion=True).score == 0   # nothing said: still neutral


def test_the_scorer_reads_the_genre_from_the_doc(analyzer):
    # the same weak reproach: a verdict in a piece that argues, a fact among others' words in a report
    refusal = "\n\nVenezuela ignored the appeal and stalled the talks."
    argued_piece = [t for t in analyzer.analyze(make_article(OPINION + refusal)).tone if t.target == "VEN"]
    report = [t for t in analyzer.analyze(make_article(REPORT + refusal)).tone if t.target == "VEN"]
    assert argued_piece[0].label == "neg" and report[0].label == "neu"


def test_one_wanted_by_the_law_not_one_another_wants(analyzer):
    sought = analyzer.analyze(make_article(
        "The drug trafficker Joaquin Barrales was flown to Texas on Friday. Barrales is wanted in the United States "
        "over the killing of a federal agent."))
    wished = analyzer.analyze(make_article(
        "Venezuela wants Guyana at the table, the foreign ministry said on Friday. Talks are due next month."))
    barrales = [t for t in sought.tone if t.target == "Joaquin Barrales"][0]
    assert barrales.label == "neg" and any("wanted" in ev.why for ev in barrales.evidence)
    guyana = [t for t in wished.tone if t.target == "GUY"]
    assert not guyana or not any("want" in ev.why for ev in guyana[0].evidence)


def test_acting_as_if_is_the_writers_disbelief(analyzer):
    analysis = analyzer.analyze(make_article(
        "The Venezuelan foreign minister Yvan Gil spoke of the border as if the 1899 award had never been made. "
        "His Guyanese counterpart Hugh Todd spoke of the border at length."))
    gil, todd = _tone(analysis, "Yvan Gil"), _tone(analysis, "Hugh Todd")
    assert any("as if" in ev.why for ev in gil.evidence) and gil.score < todd.score
    assert not any("as if" in ev.why for ev in todd.evidence)


def _tone(analysis, target):
    return [t for t in analysis.tone if t.target == target][0]


def test_a_spokesperson_wears_the_standing_of_a_state_portrayed_badly(analyzer):
    text = ("Russian forces shelled the city of Kharkiv on Monday, killing twelve civilians. Russia also launched "
            "drones at the port of Odesa and threatened further strikes.\n\n"
            "Kremlin spokesman Dmitry Peskov said the operation would continue. Ukraine's president Volodymyr "
            "Zelensky thanked allies for air defence systems.\n\nUkrainian foreign ministry spokesman Heorhiy "
            "Tykhyi said Kyiv would ask for more help.")
    analysis = analyzer.analyze(make_article(text))
    tones = {t.target: t for t in analysis.tone}
    russia, peskov = tones["RUS"], tones["Dmitry Peskov"]
    assert russia.label == "neg" and peskov.score < -0.25
    assert any("speaks for" in ev.why for ev in peskov.evidence)
    tykhyi = next(t for t in analysis.tone if "Tykhyi" in t.target)
    assert not any("speaks for" in ev.why for ev in tykhyi.evidence) and tykhyi.label != "neg"
