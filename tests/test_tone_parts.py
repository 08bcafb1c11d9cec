"""Tone toward the named parts of a state (a seat or armed body folded into it, a capital standing for its
government), harm named as a noun with its doer, and an actor named by a loaded word (tone/aliases.py, acts.py)."""
from __future__ import annotations

import pytest

from newsgraph.model import Analysis, Tone
from newsgraph.tone.acts import harm_noun, harmed
from newsgraph.tone.aliases import _initials
from tests.conftest import make_article


def _named(analysis: Analysis, name: str) -> Tone | None:
    return next((t for t in analysis.tone if t.name == name), None)


def _whys(tone: Tone) -> str:
    return " ".join(ev.why for ev in tone.evidence)


@pytest.fixture(scope="module")
def militia(analyzer):
    return analyzer.analyze(make_article(
        "The Rapid Support Forces shelled a market in Nyala on Sunday, killing twelve people, the United Nations "
        "said. The RSF denied any role in the shelling. Sudan's army said it would retake the city."))


def test_an_armed_body_folded_into_its_state_has_its_own_record(militia):
    rsf, sudan = _named(militia, "Rapid Support Forces"), _named(militia, "Sudan")
    assert rsf is not None and sudan is not None, [t.name for t in militia.tone]
    assert rsf.target != sudan.target and rsf.kind == "org"
    assert rsf.mentions == 2            # 'RSF' is the same body as 'Rapid Support Forces'
    assert sudan.mentions == 3          # the state keeps every mention, its army's too
    assert rsf.score != sudan.score     # a body that acts on its own is judged by its own mentions


def test_a_capital_and_a_seat_standing_for_a_government_are_named(analyzer):
    analysis = analyzer.analyze(make_article(
        "Moscow rejected the proposal on Tuesday. The Kremlin said the plan was unacceptable. Russia's foreign "
        "minister Sergei Lavrov met his Turkish counterpart in Ankara."))
    moscow, kremlin, russia = (_named(analysis, n) for n in ("Moscow", "Kremlin", "Russia"))
    assert moscow is not None and kremlin is not None and russia is not None, [t.name for t in analysis.tone]
    assert "rejected" in _whys(moscow) and "rejected" in _whys(russia)
    assert moscow.score == kremlin.score == russia.score   # the government under other names: its tone
    assert moscow.mentions == 1 and russia.mentions >= 3
    assert _named(analysis, "Ankara") is None   # a place where one meets is no actor


def test_harm_named_as_a_noun_counts_against_its_doer_not_its_victim(analyzer):
    analysis = analyzer.analyze(make_article(
        "Officials in Kyiv counted the damage on Monday after a night of drone attacks by Russia on the capital. "
        "Ukraine's air force said most of the drones were shot down."))
    russia, ukraine = _named(analysis, "Russia"), _named(analysis, "Ukraine")
    assert russia is not None and "doer of 'attacks'" in _whys(russia)
    assert russia.score < 0
    assert ukraine is None or "doer of" not in _whys(ukraine)


def test_the_doer_and_the_victim_of_a_noun_of_harm(analyzer):
    doc = analyzer.nlp("The rebels' attacks on Ruvia continued. Attacks on the rebels continued.")
    first, second = list(doc.sents)
    rebels = next(t for t in first if t.lower_ == "rebels")
    noun = harm_noun(rebels)
    assert noun is not None and noun.lower_ == "attacks"
    victim = next(t for t in first if t.text == "Ruvia")
    assert harmed(noun, {rebels.i: "REB", victim.i: "RUV"}, "REB") == "RUV"
    struck = next(t for t in second if t.lower_ == "rebels")
    assert harm_noun(struck) is None     # 'attacks on the rebels': the rebels are struck, not striking


def test_an_actor_named_by_a_loaded_word(analyzer):
    analysis = analyzer.analyze(make_article(
        "Niger's junta expelled the French ambassador on Friday. The junta said the envoy had insulted the country."))
    niger = _named(analysis, "Niger")
    assert niger is not None and niger.label == "neg"
    assert "called 'junta'" in _whys(niger)


def test_initials_join_an_acronym_to_its_name():
    assert _initials("Rapid Support Forces") == "RSF"
    assert _initials("RSF") == "RSF"
    assert _initials("Kremlin") == ""


def test_what_is_said_of_an_act_is_said_of_its_author(analyzer):
    analysis = analyzer.analyze(make_article(
        "Senator Dale Orrin spoke in Harlow on Monday. Orrin's remarks were irresponsible, the paper wrote. "
        "Governor Maya Kell visited a school. Kell's staff were tired after the trip."))
    orrin, kell = _named(analysis, "Dale Orrin"), _named(analysis, "Maya Kell")
    assert orrin is not None and "'is irresponsible'" in _whys(orrin)
    assert kell is None or "tired" not in _whys(kell)   # one's staff is no act of one's own


def test_blame_of_an_act_is_its_authors_praise_is_not(analyzer):
    analysis = analyzer.analyze(make_article(
        "Critics condemned Senator Dale Orrin's decision on Monday. Voters praised Governor Maya Kell's decision."))
    orrin, kell = _named(analysis, "Dale Orrin"), _named(analysis, "Maya Kell")
    assert orrin is not None and "object of 'condemned'" in _whys(orrin) and orrin.score < 0
    assert kell is None or "praised" not in _whys(kell)


def test_what_an_act_is_called_is_said_of_its_author(analyzer):
    analysis = analyzer.analyze(make_article(
        "Norway's decision, a cynical ploy, surprised the fishermen on Monday. Sweden's decision pleased them."))
    norway, sweden = _named(analysis, "Norway"), _named(analysis, "Sweden")
    assert norway is not None and "its decision, 'ploy'" in _whys(norway) and norway.score < 0
    assert sweden is None or "its decision" not in _whys(sweden)


def test_a_head_of_state_answers_for_what_its_state_is_blamed_for(analyzer):
    analysis = analyzer.analyze(make_article(
        "Norway's decision, a cynical ploy, surprised the fishermen on Monday. Norwegian Prime Minister Ola Berg "
        "spoke to reporters in Oslo on Tuesday."))
    berg = next((t for t in analysis.tone if t.kind == "person" and "Berg" in t.name), None)
    assert berg is not None, [t.name for t in analysis.tone]
    assert "to its state" in _whys(berg) and berg.score < 0


def test_a_party_is_not_its_state(analyzer):
    analysis = analyzer.analyze(make_article(
        "Bangladesh's government accused the Awami League of plotting unrest on Monday. The Awami League denied "
        "the charge. Bangladesh will hold elections in February."))
    league, state = _named(analysis, "Awami League"), _named(analysis, "Bangladesh")
    assert league is not None and state is not None, [t.name for t in analysis.tone]
    assert "accused" in _whys(league)
    assert "object of 'accused'" not in _whys(state) and "target of ACCUSE" not in _whys(state)
