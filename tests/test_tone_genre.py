"""Genre cues for tone: wire copy told from its dateline, a side given the floor, a loaded name counted once."""
from __future__ import annotations

from newsgraph.tone import ToneScorer
from newsgraph.tone.genre import agency_dateline, wire_copy
from newsgraph.tone.signals import _named_once, _Signal, _Target
from tests.conftest import make_article

BODY = ("Norway on Monday rejected new Danish limits on fishing in the Skagerrak, which Denmark imposed last week.\n\n"
        "\u201cThese limits have no basis in the treaty our two countries signed,\u201d Foreign Minister Ola Berg said. "
        "\u201cOur fishermen have fished these waters for centuries and will go on doing so,\u201d Berg said.\n\n"
        "The foreign ministry said in a statement that Norway remained ready to talk at any time, in good faith, about "
        "every question that divides the two neighbours.\n\n"
        "\u201cWe will not accept a decision taken without us,\u201d Berg told reporters in Oslo.")
WIRE = "OSLO, May 3 (Nordic Wire) - "


def test_an_agency_dateline_opens_wire_copy():
    assert agency_dateline(WIRE + "Norway rejected the limits.")
    assert agency_dateline("BERGEN/COPENHAGEN, 3 May (Baltic Press Wire) \u2013 Talks resumed.")
    assert agency_dateline("Tromso (AP) \u2014 Talks resumed.")
    assert not agency_dateline("OSLO \u2014 The government rejected the limits.")   # a daily's own correspondent
    assert not agency_dateline("OSLO, May 3 (NTB): Norway rejected the limits.")    # a national agency's colon
    assert not agency_dateline("Norway rejected the limits (again) - and said so.\n\nOSLO, May 3 (Wire) - late")


def test_a_state_agency_writing_as_its_state_is_no_wire(analyzer):
    lex = analyzer.tone.lex

    def wire(text):
        doc = analyzer.nlp(make_article(text).text)
        return wire_copy(doc, list(doc.sents), analyzer.quotes(doc, analyzer.actors(doc)), lex.honours,
                         lex.argue_words, lex.say, lex.attribution)

    assert wire(WIRE + "Norway and Denmark resumed talks on fishing limits on Monday.")
    assert not wire(WIRE + "The two brotherly countries resumed talks on fishing limits on Monday.")
    assert not wire(WIRE + "The head of our state received the Danish delegation on Monday.")
    assert wire(WIRE + "US and Norwegian ships resumed patrols off the coast on Monday.")   # "US" is no "us"
    assert not wire("Norway and Denmark resumed talks on fishing limits on Monday.")


def test_wire_copy_needs_more_evidence_for_a_label():
    target = _Target("NOR", "Norway", "state", mentions=2, signals=[_Signal(-0.3, 0, "subject of 'refused'")])
    report, wire = ToneScorer._tone(target, [], {}), ToneScorer._tone(target, [], {}, wire=True)
    assert report.label == "neg" and wire.label == "neu" and report.score < wire.score < 0


def test_a_loaded_name_counts_once_however_often_used():
    junta = [_Signal(-0.6, k, "called 'junta'", 10 * k) for k in range(3)] + [_Signal(-0.6, 4, "modifier 'Junta'")]
    kept = _named_once(junta + [_Signal(-0.5, 5, "called 'regime'", 99), _Signal(0.2, 6, "subject of 'signed'")])
    assert [s.why for s in kept] == ["called 'junta'", "called 'regime'", "subject of 'signed'"]


def _tones(analyzer, text):
    return {t.target: t for t in analyzer.analyze(make_article(text)).tone}


def test_a_side_given_the_floor_is_portrayed_well_but_not_in_wire_copy(analyzer):
    report, wire = _tones(analyzer, BODY), _tones(analyzer, WIRE + BODY)
    assert any("voice at length" in ev.why for ev in report["NOR"].evidence)
    assert any("given the floor" in ev.why for ev in report["Ola Berg"].evidence)
    assert report["Ola Berg"].label == "pos" and report["NOR"].score > wire["NOR"].score
    assert not any("floor" in ev.why or "at length" in ev.why for t in wire.values() for ev in t.evidence)


def test_no_side_is_given_the_floor_without_a_row_nor_when_answered(analyzer):
    alone = BODY.replace("Norway on Monday rejected new Danish limits on fishing in the Skagerrak, which Denmark "
                         "imposed last week.", "Norway on Monday opened a new fishing season in the Skagerrak.")
    answered = BODY.replace("Berg told reporters in Oslo.", "Berg told reporters in Oslo, a claim that was false.")
    for text in (alone, answered):
        assert not any("floor" in ev.why or "at length" in ev.why for t in _tones(analyzer, text).values()
                       for ev in t.evidence)


def test_a_reproach_from_the_side_given_the_floor_is_the_piece_s_own():
    accused = _Target("DNK", "Denmark", "state", mentions=2,
                      signals=[_Signal(-0.4, 0, "target of ACCUSE ('accused')", 5, "NOR", True)])
    plain, held = ToneScorer._tone(accused, [], {}), ToneScorer._tone(accused, [], {}, floor=frozenset({"NOR"}))
    assert held.score < plain.score < 0 and held.label == "neg"


def test_answering_a_charge_is_no_refusal(analyzer):
    def whys(text):
        return [ev.why for t in analyzer.analyze(make_article(text)).tone if t.target == "NOR" for ev in t.evidence]

    assert not any("rejected" in w for w in whys("Norway on Monday rejected the accusation made by Denmark."))
    assert any("rejected" in w for w in whys("Norway on Monday rejected the offer made by Denmark."))
    assert not any("rejected" in w for w in whys("Norway rejected the claim that it had broken the accord."))
    assert any("rejected" in w for w in whys("Norway on Monday rejected Denmark's claim to the islands."))


def test_the_state_us_is_no_argument_of_the_writer(analyzer):
    from newsgraph.tone.voice import arguing
    doc = analyzer.nlp("US forces left the base on Monday. Our leaders must act now.")
    lex = analyzer.tone.lex
    assert arguing(doc, list(doc.sents), lex.argue_words, lex.duty) == [1]
