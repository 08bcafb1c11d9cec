"""Events: readings that moved toward the codebook's definitions (invented sentences, real model and actors stage):
ending an accord is a RETREAT and not the accord, signing a decree or a law is no accord, a protest is its own
state's and not aimed at a co-marcher, envoys who "sat in" did not protest, and what a word of blame says was
harmed is not who is blamed."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _asserted(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


@pytest.mark.parametrize("text, found, not_found", [
    # ending a treaty (not only a "deal") is pulling out of it
    ("Peru terminated its treaty with Chile on Monday.", ("PER", "CHL", "RETREAT"), ("PER", "CHL", "AGREE")),
    # the noun of ending: the pact it names is undone, not signed
    ("Bolivia announced the cancellation of its defence pact with Paraguay.", ("BOL", "PRY", "RETREAT"),
     ("BOL", "PRY", "AGREE")),
])
def test_ending_an_accord(analyzer, text, found, not_found):
    events = _asserted(analyzer, text)
    assert found in events
    assert not_found not in events


def test_signing_a_treaty_is_still_an_agreement(analyzer):
    events = _asserted(analyzer, "Chile and Peru signed a treaty on Monday.")
    assert ("CHL", "PER", "AGREE") in events


def test_protesters_of_two_states_protest_at_neither(analyzer):
    events = _asserted(analyzer, "Thousands of Chileans and Peruvians marched through Lima on Sunday.")
    assert ("CHL", "PER", "PROTEST") not in events and ("PER", "CHL", "PROTEST") not in events


@pytest.mark.parametrize("text", [
    "Envoys from Chile, Peru and Bolivia also sat in.",
    "Chilean and Peruvian observers also sat in on the talks.",
])
def test_sitting_in_is_no_protest(analyzer, text):
    assert not {e for e in _asserted(analyzer, text) if e[2] == "PROTEST"}


def test_the_harmed_is_not_the_blamed(analyzer):
    text = ("Bolivian troops crossed the border on Monday. Chile described the incursion as a dangerous development "
            "and an attack on Peruvian sovereignty.")
    events = _asserted(analyzer, text)
    assert ("CHL", "PER", "ACCUSE") not in events


def test_the_blamed_doer_is_kept(analyzer):
    events = _asserted(analyzer, "Chile described Peru's move as an attack on regional peace.")
    assert ("CHL", "PER", "ACCUSE") in events


def test_signing_a_decree_is_no_agreement(analyzer):
    events = _asserted(analyzer, "On Friday the US president signed an executive order suspending aid to Chile.")
    assert ("USA", "CHL", "AGREE") not in events
    assert ("USA", "CHL", "SANCTION") in events   # what the order does is still read


def test_an_annulled_agreement_is_not_made(analyzer):
    events = _asserted(analyzer, "Niger's junta annulled its military cooperation agreement with Chile.")
    assert ("NER", "CHL", "RETREAT") in events
    assert ("NER", "CHL", "AGREE") not in events

