"""Events: readings the codebook does not count as acts (events/guards.py), each against the act it is not
(invented sentences, real model and actors stage)."""
from __future__ import annotations

import pytest

from tests.conftest import make_article


def _asserted(analyzer, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.type) for e in analyzer.analyze(make_article(text)).events
            if e.modality == "asserted" and not e.negated}


@pytest.mark.parametrize("text, event", [
    # a noun event denied or not yet real
    ("No talks between Vientiane and Hanoi were held during the visit, an official said.", ("LAO", "VNM", "CONSULT")),
    ("The planned summit between the Chilean and Peruvian presidents never took place.", ("CHL", "PER", "CONSULT")),
    ("A summit between President Lula and President Milei is expected in Brasilia next month.",
     ("BRA", "ARG", "CONSULT")),
    ("Any apology from Tokyo for the wartime abuses would be welcomed in Seoul, the minister said.",
     ("JPN", "KOR", "CONCEDE")),
    # a standing relation
    ("The incident has strained ties between Ankara and Athens.", ("TUR", "GRC", "COOPERATE")),
    ("Observers said Morocco's close ties with Senegal had helped its candidate.", ("MAR", "SEN", "COOPERATE")),
    # an attempt, not a request
    ("Mongolia has sought to balance relations with Russia and China.", ("MNG", "RUS", "REQUEST")),
    # a naming, not a phone call
    ("The Kenyan foreign minister called the treatment of Kenyan migrants in Libya unacceptable.",
     ("KEN", "LBY", "CONSULT")),
    # the far side of a border a place is near
    ("Gunmen killed twelve soldiers near the border with Chad last week.", ("NER", "TCD", "ASSAULT")),
    ("Syrian forces bombed a convoy near the Jordanian border.", ("SYR", "JOR", "ASSAULT")),
    # a partitive of what is eased; a treaty held in abeyance
    ("Washington eased some of its sanctions on Cuba's tourism sector.", ("USA", "CUB", "SANCTION")),
    ("Ethiopia held the 1999 water treaty with Sudan in abeyance.", ("ETH", "SDN", "AGREE")),
])
def test_events_guarded(analyzer, text, event):
    assert event not in _asserted(analyzer, text)


@pytest.mark.parametrize("text, event", [
    # what the guards leave: talks held, ties restored, asking for help, a call to a person, an attack inside X,
    # troops along a border, sanctions imposed
    ("Talks between Vientiane and Hanoi were held during the visit.", ("LAO", "VNM", "CONSULT")),
    ("The restoration of diplomatic ties between Nauru and China was marked by a ceremony.",
     ("NRU", "CHN", "COOPERATE")),
    ("Mongolia asked Japan for emergency aid after the floods.", ("MNG", "JPN", "REQUEST")),
    ("The Kenyan foreign minister called his Ugandan counterpart on Tuesday.", ("KEN", "UGA", "CONSULT")),
    ("Syrian forces bombed a convoy inside Jordan.", ("SYR", "JOR", "ASSAULT")),
    ("Venezuela deployed troops along its border with Guyana.", ("VEN", "GUY", "MOBILIZE")),
    ("Washington imposed sanctions on Cuba's tourism sector.", ("USA", "CUB", "SANCTION")),
])
def test_events_not_guarded(analyzer, text, event):
    assert event in _asserted(analyzer, text)


@pytest.mark.parametrize("text, event", [
    # "all sides", "all parties": the conflict's state, named in the phrase or most named before it
    ("Protests have spread across Mozambique since the election. Police in Mozambique fired tear gas in Maputo. "
     "Botswana's president urged all sides to show restraint.", ("BWA", "MOZ", "REQUEST")),
    ("Kenya's president urged all parties in Sudan to return to talks.", ("KEN", "SDN", "REQUEST")),
])
def test_events_all_sides(analyzer, text, event):
    assert event in _asserted(analyzer, text)


def test_events_all_sides_of_two_states_pick_neither_alone(analyzer):
    found = _asserted(analyzer, "Armenia and Azerbaijan traded fire overnight. France urged all sides to exercise "
                                "restraint.")
    assert ("FRA", "ARM", "REQUEST") not in found and ("FRA", "AZE", "REQUEST") not in found


def test_events_judged_decision_answers_the_story_step(analyzer):
    # "called the decision disproportionate" judges the story's hostile step, reported sentences before
    text = ("Rwanda expelled the Belgian ambassador on Monday. The foreign ministry said in a statement that its patience "
            "had run out. Officials in Kigali said more steps could follow. The ministry gave no further details. "
            "Belgium's Foreign Minister Maxime Prevot called the decision disproportionate and said the move was "
            "regrettable.")
    assert ("BEL", "RWA", "ACCUSE") in _asserted(analyzer, text)


@pytest.mark.parametrize("text, present, absent", [
    # a protest's purpose clause is its aim, not a request or a charge of its own
    ("Tens of thousands of students throughout Kenya staged mass demonstrations on Saturday to demand political "
     "reforms by President Ruto's government.", ("KEN", "KEN", "PROTEST"), ("KEN", "KEN", "REQUEST")),
    ("Georgians rallied in Tbilisi to denounce the Russian occupation of Abkhazia.",
     ("GEO", "RUS", "PROTEST"), ("GEO", "GEO", "PROTEST")),
])
def test_events_protest_aims(analyzer, text, present, absent):
    found = _asserted(analyzer, text)
    assert present in found and absent not in found


@pytest.mark.parametrize("text, present, absent", [
    # the organisation of a venue is not one of "the two leaders"
    ("Prime Minister Anwar Ibrahim met Indonesian President Prabowo Subianto on the sidelines of the UN General "
     "Assembly in New York, where the two leaders agreed to expand maritime cooperation.",
     ("MYS", "IDN", "AGREE"), ("MYS", "UN", "AGREE")),
    # one receives a person, not a tone
    ("In a note on Wednesday, the Chilean foreign ministry said it had received with surprise the \"offensive tone\" "
     "of the Bolivian statements and that personal attacks on Chilean officials were unacceptable.",
     None, ("CHL", "BOL", "CONSULT")),
])
def test_events_parties_not_venues_or_things(analyzer, text, present, absent):
    found = _asserted(analyzer, text)
    assert absent not in found and (present is None or present in found)


@pytest.mark.parametrize("text, present, absent", [
    # "its three members" are the three states the sentence names; "all other ASEAN members" name their own bloc
    ("The Alliance of Sahel States, which groups Mali, Burkina Faso and Niger, said on Sunday that its three members "
     "were recalling their ambassadors from Algiers.", ("NER", "DZA", "SANCTION"), None),
    ("Indonesia's bid for a seat on the council has been endorsed by all other ASEAN members.",
     ("ASEAN", "IDN", "SUPPORT"), ("IDN", "IDN", "SUPPORT")),
])
def test_events_members(analyzer, text, present, absent):
    found = _asserted(analyzer, text)
    assert present in found and (absent is None or absent not in found)


@pytest.mark.parametrize("text, absent", [
    # a state's own word for a thing, or going home, is no event of the state with itself
    ("The Biden administration also waived a provision of U.S. law that had restricted military assistance to Armenia "
     "since 1995.", ("USA", "USA", "CONCEDE")),
    ("Japanese Foreign Minister Yoshimasa Hayashi met his Chinese counterpart in Beijing on Sunday. Hayashi returned "
     "to Tokyo on Monday.", ("JPN", "JPN", "RETREAT")),
    ("India's decision to withdraw the facility that allowed exporters to route cargo through Indian customs stations "
     "is a blow.", ("IND", "IND", "RETREAT")),
])
def test_events_not_with_itself(analyzer, text, absent):
    assert absent not in _asserted(analyzer, text)


def test_events_domestic_between_sectors_kept(analyzer):
    # two parts of one state still act on each other
    assert ("GEO", "GEO", "ACCUSE") in _asserted(analyzer, "Georgian opposition parties accused the government of "
                                                           "rigging the election.")


def test_events_refusing_to_rule_out_is_a_threat(analyzer):
    found = _asserted(analyzer, "At a news conference on Tuesday, the Chinese president refused to rule out the use "
                                "of force against Taiwan.")
    assert ("CHN", "TWN", "THREATEN") in found and ("CHN", "TWN", "REJECT") not in found


def test_events_one_attack_told_in_two_clauses(analyzer):
    # the doer in one clause, where it struck in the clause of its moment
    found = _asserted(analyzer, "Two Syrian suicide bombers killed 30 people late on Friday when they blew "
                                "themselves up in Baghdad, police said.")
    assert ("SYR", "IRQ", "ASSAULT") in found
