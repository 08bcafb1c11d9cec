"""Events: when coordinated subjects act with each other ('+mutual'), and the group phrases that name them
(invented sentences, real model and actors stage)."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _asserted(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


@pytest.mark.parametrize("text, pair", [
    ("Russia and China voted against the resolution.", ("RUS", "CHN")),
    ("Russia and China rejected the proposal.", ("RUS", "CHN")),
    ("Germany and France said they would consult international partners.", ("DEU", "FRA")),
    ("Germany and France held talks with their allies on Monday.", ("DEU", "FRA")),
    ("On Tuesday, US and British warships shot down more than 20 drones.", ("USA", "GBR")),
    ("He thanked India, China and Japan for providing the financing assurances.", ("IND", "CHN")),
])
def test_events_no_mutual_event(analyzer, text, pair):
    # refusing together, meeting third parties, striking a third party, assuring someone else: not each other
    found = _asserted(analyzer, text)
    a, b = pair
    assert not {t for t in found if {t[0], t[1]} == {a, b}}


@pytest.mark.parametrize("text, pair, type_", [
    ("Germany and France held talks on Monday.", ("DEU", "FRA"), "CONSULT"),
    ("Thai and Cambodian forces clashed along the border on Friday.", ("THA", "KHM"), "ASSAULT"),
    ("Azerbaijani and Armenian soldiers exchanged fire overnight.", ("AZE", "ARM"), "ASSAULT"),
    ("Bangladesh and India agreed to convene the Joint Rivers Commission before the monsoon.", ("BGD", "IND"), "AGREE"),
])
def test_events_mutual_event(analyzer, text, pair, type_):
    a, b = pair
    assert {(a, b, type_), (b, a, type_)} <= _asserted(analyzer, text)


def test_events_group_phrase_is_the_pair_that_acted(analyzer):
    # the pair that last acted together, not places named in between ("from Yemen to Lebanon", "in Beijing")
    text = ("For seven years, Saudi Arabia and Iran have treated each other as the root of every crisis, from Yemen "
            "to Lebanon. On Friday, in a hotel in Beijing, they agreed to end that estrangement. The two governments "
            "announced that they would restore diplomatic relations.")
    found = _asserted(analyzer, text)
    assert ("SAU", "IRN", "AGREE") in found
    assert not {t for t in found if "LBN" in t or "YEM" in t}


def test_events_sides_of_a_border_are_no_parties(analyzer):
    text = ("Thailand and Cambodia agreed to a ceasefire. \"Now the people on both sides of the border must be allowed "
            "to go home,\" Malaysia's prime minister told reporters.")
    assert not {t for t in _asserted(analyzer, text) if t[0] == "MYS" and t[2] == "REQUEST"}


@pytest.mark.parametrize("text, expected, wrong", [
    # forces moved at home are aimed at no one
    ("Brazil reinforced its troops in the northern state of Roraima.", None, ("BRA", "BRA", "MOBILIZE")),
    # a place set before the verb is where the condemnation was made
    ("In Washington, the State Department condemned the Iranian strikes inside Pakistan.",
     ("IRN", "PAK", "ASSAULT"), ("IRN", "USA", "ASSAULT")),
    # the author of what is supported is the subject of its relative clause
    ("Erdogan said Ankara supported the steps Azerbaijan was taking.", ("TUR", "AZE", "SUPPORT"), None),
])
def test_events_places_and_authors(analyzer, text, expected, wrong):
    found = _asserted(analyzer, text)
    if expected:
        assert expected in found
    if wrong:
        assert wrong not in found


def test_events_them_is_the_group_named_before(analyzer):
    text = "Pakistan and Iran traded strikes on Tuesday. China urged them to exercise restraint."
    found = _asserted(analyzer, text)
    assert {("CHN", "PAK", "REQUEST"), ("CHN", "IRN", "REQUEST")} <= found


def test_events_them_is_never_the_clause_subject(analyzer):
    text = "Kenya and Uganda signed a deal. Tanzania welcomed it and congratulated them."
    found = _asserted(analyzer, text)
    assert ("TZA", "KEN", "SUPPORT") in found
    assert ("TZA", "TZA", "SUPPORT") not in found


def test_events_declaring_a_state_an_aggressor_is_blame(analyzer):
    # the small model parses the small clause "the UAE an aggressor state" as a verbless ccomp
    found = _asserted(analyzer, 'Sudan declared the UAE an "aggressor state" and decided to close its embassy.')
    assert ("SDN", "ARE", "ACCUSE") in found
    assert not {t for t in _asserted(analyzer, "Ghana declared a state of emergency.") if t[2] == "ACCUSE"}


def test_events_a_threat_is_aimed_where_its_act_is(analyzer):
    text = "President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers after unrest in the city."
    assert ("DZA", "DZA", "THREATEN") in _asserted(analyzer, text)
