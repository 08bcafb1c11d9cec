"""Tone: the cues of peacemaking (newsgraph/tone/peace.py) on our own sentences, with the real model."""
from __future__ import annotations

from newsgraph.model import Analysis, Tone
from tests.conftest import make_article


def _tone(analysis: Analysis, target: str) -> Tone | None:
    return next((t for t in analysis.tone if t.target == target), None)


def _whys(tone: Tone | None) -> str:
    return " ".join(ev.why for ev in tone.evidence) if tone else ""


def test_mediator_written_as_a_passive_agent(analyzer):
    analysis = analyzer.analyze(make_article(
        "Kenya and Uganda agreed on Monday to reopen their border crossing. The talks were mediated by Tanzania."))
    tanzania = _tone(analysis, "TZA")
    assert tanzania is not None and "mediated" in _whys(tanzania) and tanzania.label == "pos"


def test_convening_and_appeals_for_calm(analyzer):
    analysis = analyzer.analyze(make_article(
        "Norway hosted the talks between the two governments in Oslo on Tuesday.\n\n"
        "Finnish President Alexander Stubb urged both sides to exercise restraint."))
    assert "convenes" in _whys(_tone(analysis, "NOR"))
    assert "appeals for calm" in _whys(_tone(analysis, "Alexander Stubb"))


def test_an_appeal_without_calm_and_a_negated_one_earn_nothing(analyzer):
    analysis = analyzer.analyze(make_article(
        "Finnish President Alexander Stubb urged the government to raise taxes.\n\n"
        "Swedish Prime Minister Ulf Kristersson did not call for restraint."))
    assert "appeals for calm" not in _whys(_tone(analysis, "Alexander Stubb"))
    assert "appeals for calm" not in _whys(_tone(analysis, "Ulf Kristersson"))


def test_words_of_peace_in_ones_own_quote(analyzer):
    analysis = analyzer.analyze(make_article(
        'Finnish President Alexander Stubb said: "We want dialogue with our neighbours." '
        'Swedish Prime Minister Ulf Kristersson said: "There will be no dialogue with them."'))
    assert "speaks of 'dialogue'" in _whys(_tone(analysis, "Alexander Stubb"))
    assert "speaks of" not in _whys(_tone(analysis, "Ulf Kristersson"))


def test_a_verdict_portrays_the_convicted(analyzer):
    analysis = analyzer.analyze(make_article(
        "A court in Riga found former minister Janis Ozols guilty of fraud on Monday.\n\n"
        "Another court sentenced former mayor Peteris Kalnins to five years in prison."))
    ozols, kalnins = _tone(analysis, "Janis Ozols"), _tone(analysis, "Peteris Kalnins")
    assert ozols is not None and "'found guilty'" in _whys(ozols) and ozols.label == "neg"
    assert kalnins is not None and "sentenced" in _whys(kalnins) and kalnins.label == "neg"


def test_one_who_feels_is_not_done_to(analyzer):
    analysis = analyzer.analyze(make_article(
        "Finnish President Alexander Stubb was shocked by the killings in the capital on Monday."))
    assert "object of 'shocked'" not in _whys(_tone(analysis, "Alexander Stubb"))


def test_bringing_parties_together_in_a_place_convenes_them(analyzer):
    analysis = analyzer.analyze(make_article(
        "Antonio Guterres brought President Nikos Christodoulides and the Turkish Cypriot leader, Ersin Tatar, "
        "together in Geneva on Monday for an informal meeting."))
    guterres = _tone(analysis, "Antonio Guterres")
    assert "convenes" in _whys(guterres) and guterres.label == "pos"   # a go-between, weighed as mediating is
