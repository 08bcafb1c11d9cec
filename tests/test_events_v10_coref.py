"""Events (brief V10): acts that refer back to an event the article reported (the condemned launch, the welcomed
deal, the move criticised, recognition "also" announced), relief sent or fought abroad, "it" after "X's reaction",
and "at the request of X". Invented sentences, real model and actors stage."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _events(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


def test_condemned_launch_aimed_at_no_one(analyzer):
    # the launch named no target, but it is what the condemnation refers to
    found = _events(analyzer, "North Korea fired a salvo of ballistic missiles into the sea on Thursday. "
                              "Seoul condemned the launches as a provocation.")
    assert ("KOR", "PRK", "ACCUSE") in found


def test_speaker_of_a_noun_event_is_not_its_doer(analyzer):
    found = _events(analyzer, "Ugandan police raided the Kenyan embassy in Kampala on Friday. "
                              "The raid came a day after remarks by Kenya's president about the murder of a judge. "
                              "Ghana condemned the raid.")
    assert ("GHA", "UGA", "ACCUSE") in found
    assert ("GHA", "KEN", "ACCUSE") not in found


def test_dated_possessive_is_no_owner(analyzer):
    found = _events(analyzer, "Ghana and Togo signed an agreement on fishing rights on Thursday. "
                              "Nigeria welcomed Thursday's deal.")
    assert {("NGA", "GHA", "SUPPORT"), ("NGA", "TGO", "SUPPORT")} & found


def test_welcomed_decision_is_a_step_not_a_word(analyzer):
    # the decision welcomed is the step taken, not the criticism voiced after it
    found = _events(analyzer, "Kenya lifted its ban on Ugandan sugar on Monday. "
                              "Tanzania criticised Kenya over the delay. "
                              "Uganda welcomed the decision.")
    assert ("UGA", "KEN", "SUPPORT") in found
    assert ("UGA", "TZA", "SUPPORT") not in found


def test_move_criticised_when_no_hostile_step(analyzer):
    found = _events(analyzer, "Kenya lifted its ban on Ugandan sugar on Monday. Tanzania criticised the move.")
    assert ("TZA", "KEN", "ACCUSE") in found


def test_also_repeats_the_target(analyzer):
    found = _events(analyzer, "Spain recognised Kosovo on Monday. Greece and Cyprus also announced recognition.")
    assert {("GRC", "XKX", "SUPPORT"), ("CYP", "XKX", "SUPPORT")} <= found or \
        {("GRC", "KOS", "SUPPORT"), ("CYP", "KOS", "SUPPORT")} <= found


def test_support_for_the_operation_backs_its_doer(analyzer):
    found = _events(analyzer, "US warplanes struck dozens of targets across Yemen on Friday. "
                              "Australia voiced support for the operation. "
                              "Canada and the Netherlands provided support for the operation.")
    assert {("AUS", "USA", "SUPPORT"), ("CAN", "USA", "SUPPORT"), ("NLD", "USA", "SUPPORT")} <= found
    assert ("CAN", "AUS", "SUPPORT") not in found   # a welcome of the step, not of an earlier welcome


@pytest.mark.parametrize("text, event", [
    ("Turkey sent 40 firefighters and two helicopters to Greece.", ("TUR", "GRC", "AID")),
    ("Japan dispatched 30 rescuers to Nepal.", ("JPN", "NPL", "AID")),
    ("Aircraft from Italy and Spain joined the effort to fight the fires in Greece.", ("ITA", "GRC", "AID")),
])
def test_relief_sent_abroad(analyzer, text, event):
    assert event in _events(analyzer, text)


def test_fighting_fires_is_no_assault(analyzer):
    found = _events(analyzer, "Aircraft from Italy and Spain joined the effort to fight the fires in Greece.")
    assert not {e for e in found if e[2] == "ASSAULT"}
    # helicopters alone stay a force sent
    assert ("TUR", "GRC", "MOBILIZE") in _events(analyzer, "Turkey sent two helicopters to Greece.")


def test_it_after_the_owner_of_a_reaction(analyzer):
    found = _events(analyzer, "Tehran's reaction was swift. It recalled its ambassadors from London and Paris.")
    assert {("IRN", "GBR", "SANCTION"), ("IRN", "FRA", "SANCTION")} <= found


@pytest.mark.parametrize("text, event", [
    ("Egypt deployed troops to Libya at the request of Tripoli.", ("LBY", "EGY", "REQUEST")),
    ("Rwanda sent police officers to Mozambique at Maputo's request.", ("MOZ", "RWA", "REQUEST")),
])
def test_at_the_request_of(analyzer, text, event):
    assert event in _events(analyzer, text)


def test_parallel_reaction_is_not_what_is_condemned(analyzer):
    found = _events(analyzer, "Ecuadorian police raided the Mexican embassy in Quito on Friday. Nicaragua broke off "
                              "relations with Ecuador, while Brazil and Colombia condemned the move.")
    assert {("BRA", "ECU", "ACCUSE"), ("COL", "ECU", "ACCUSE")} <= found
    assert ("BRA", "NIC", "ACCUSE") not in found


def test_next_clause_subjects_are_no_recipients(analyzer):
    # the small model hangs "Croatia and Italy" on the first verb's object
    found = _events(analyzer, "Cyprus sent two firefighting aircraft and Croatia, France and Italy sent "
                              "water-bombing planes, the Commission said.")
    assert not {e for e in found if e[0] == "CYP" and e[1] in ("HRV", "FRA", "ITA")}


def test_condemned_operation_further_back(analyzer):
    # "the operation" names the story's step of force, further back than the sentences just before
    found = _events(analyzer, "Ecuadorian police raided the Mexican embassy in Quito on Friday. The embassy had "
                              "sheltered a former vice-president. Mexico broke off relations. Mexican police arrested "
                              "dozens of protesters in Mexico City on Saturday. The protests went on into the night. "
                              "Officials gave no figures. Brazil condemned the operation.")
    assert ("BRA", "ECU", "ACCUSE") in found
    assert ("BRA", "MEX", "ACCUSE") not in found


def test_relief_goes_to_who_asked_for_it(analyzer):
    found = _events(analyzer, "Wildfires swept across the island of Evia in Greece. Greece has asked for help through "
                              "the European Union's civil protection mechanism. Cyprus sent two firefighting aircraft. "
                              "Romania dispatched more than 100 firefighters.")
    assert {("CYP", "GRC", "AID"), ("ROU", "GRC", "AID")} <= found
