"""Events: the doer of an act the parser hung inside a claim ("rejected the allegations that Y had breached Z and
urged W ..."), and people handed back by a state (members of a force who fled across a border). Invented
sentences, real model and actors stage."""
from __future__ import annotations

from tests.conftest import make_article


def _events(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


def test_past_beside_an_embedded_pluperfect_is_the_speakers_act(analyzer):
    found = _events(analyzer, "Peru dismissed reports that its mines had polluted the border river and asked "
                              "Ecuador to share its water data.")
    assert ("PER", "ECU", "REQUEST") in found


def test_a_perfect_conjunct_inside_the_claim_stays_there(analyzer):
    # both verbs are the claim's: no request by Chile
    found = _events(analyzer, "Chile rejected reports that Argentina had closed the pass and had urged Bolivia "
                              "to follow.")
    assert ("CHL", "BOL", "REQUEST") not in found


def test_handing_over_members_of_a_force_is_a_release(analyzer):
    found = _events(analyzer, "Ghana on Thursday handed over 120 members of Togo's border police who had fled "
                              "across the frontier during the fighting.")
    assert ("GHA", "TGO", "CONCEDE") in found
