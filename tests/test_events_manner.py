"""Events: acts named in a manner phrase ("in protest at", "in a show of solidarity"), crowds named by their place,
and phrasal and light verbs of the types (invented sentences, real model and actors stage)."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _asserted(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


@pytest.mark.parametrize("text, expected", [
    ("The Estonian foreign minister spoke out in defence of Finland's decision.", ("EST", "FIN", "SUPPORT")),
    ("Norway was acting in full solidarity with Denmark.", ("NOR", "DNK", "SUPPORT")),
    ("The Greek prime minister flew to Nicosia on Friday in a show of solidarity.", ("GRC", "CYP", "SUPPORT")),
    ("Truckers blocked highways in Budapest in protest at imports of Romanian wheat.", ("HUN", "ROU", "PROTEST")),
    ("Protesters staged a sit-in in front of the Turkish embassy in Athens.", ("GRC", "TUR", "PROTEST")),
])
def test_events_manner_phrases(analyzer, text, expected):
    assert expected in _asserted(analyzer, text)


@pytest.mark.parametrize("text, expected", [
    ("Chile gave its assent to Peru's proposal for a joint fisheries board.", ("CHL", "PER", "AGREE")),
    ("Lima played host to a delegation of Ecuadorian ministers.", ("PER", "ECU", "CONSULT")),
    ("Ministers from Kenya and Uganda sat down together in Nairobi.", ("KEN", "UGA", "CONSULT")),
    ("Two Colombian activists were taken into custody by Venezuelan police.", ("VEN", "COL", "COERCE")),
    ("Japan's provision of generators to Ukraine continued all year.", ("JPN", "UKR", "AID")),
    ("Turkish planes brought medical supplies to Damascus.", ("TUR", "SYR", "AID")),
    ("Thailand handed a wanted financier over to Cambodia.", ("THA", "KHM", "COOPERATE")),
])
def test_events_phrasal_and_light_verbs(analyzer, text, expected):
    assert expected in _asserted(analyzer, text)


def test_events_halting_shipments_is_no_aid(analyzer):
    # the small model hangs "halting" on "shipments": what is halted is not given
    found = _asserted(analyzer, "Egypt closed the Salloum crossing, halting fuel shipments to Libya.")
    assert ("EGY", "LBY", "AID") not in found


def test_events_crowd_in_a_city_of_its_own_state(analyzer):
    # a crowd in a state's capital protesting that state has no foreign target to split off
    found = _asserted(analyzer, "Students rallied in Bolivia's capital La Paz, demanding new elections.")
    assert not any(t == "PROTEST" and s != "BOL" for s, _, t in found)


def test_events_reserved_right_to_respond_answers_the_attacker(analyzer):
    text = "Syrian jets struck Ankara on Monday. Turkey said it reserved the right to respond to the attack."
    assert ("TUR", "SYR", "THREATEN") in _asserted(analyzer, text)


def test_events_harm_with_no_doer_is_the_speakers_threat(analyzer):
    found = _asserted(analyzer, "North Korea's army said Seoul would be attacked if it joined the drills.")
    assert ("PRK", "KOR", "THREATEN") in found


def test_events_rulers_in_a_capital_are_its_state(analyzer):
    found = _asserted(analyzer, "Chile extended diplomatic recognition to the new government in Quito.")
    assert ("CHL", "ECU", "SUPPORT") in found


def test_events_condemned_attack_far_back(analyzer):
    # a definite "the attack" answers the article's attack even many sentences later
    filler = " ".join(f"Officials in Beirut gave details number {n} of the damage." for n in range(14))
    text = f"Israeli jets struck a building in Beirut on Tuesday. {filler} Jordan also condemned the attack."
    assert ("JOR", "ISR", "ACCUSE") in _asserted(analyzer, text)


def test_events_agreeing_to_a_sanction_imposes_it(analyzer):
    found = _asserted(analyzer, "NATO ministers agreed to suspend visa-free travel for Belarusian officials.")
    assert ("NATO", "BLR", "SANCTION") in found and ("NATO", "BLR", "AGREE") not in found


def test_events_naming_it_blames_the_step_just_reported(analyzer):
    text = "Armenian shells hit a village in Azerbaijan on Sunday. Turkey's foreign minister called it a reckless provocation."
    assert ("TUR", "ARM", "ACCUSE") in _asserted(analyzer, text)


def test_events_talks_named_by_their_length(analyzer):
    text = "The Kenyan president and the Ugandan president sealed the accord after an hour of talks in Mombasa."
    assert ("KEN", "UGA", "CONSULT") in _asserted(analyzer, text)
