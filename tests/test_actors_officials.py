"""Unnamed spokespersons (newsgraph/actors/officials.py): the title is a mention of the body they speak for."""
from __future__ import annotations

import pytest

from newsgraph.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(nlp)


def _officials(resolver, nlp, text):
    return [(m.text, m.code, m.how) for m in resolver(nlp(text)).mentions if m.how.startswith("official")]


@pytest.mark.parametrize("text, span, code, rule", [
    ("A Pentagon spokesman declined to comment on the report.", "spokesman", "USA", "official+seat"),
    ("A spokesperson for the European Commission said the bloc was ready to help.", "A spokesperson", "EU",
     "official+for"),
    ("Chile's Ministry of Mining defended the royalty. A ministry spokesman said the rate was fair.",
     "A ministry spokesman", "CHL", "official+body"),
    ("The Elysee rejected the claims on Monday. A spokeswoman said they were baseless.", "A spokeswoman", "FRA",
     "official+subject"),
    ("In Ankara, the foreign ministry spokesman denied that troops had crossed the border.",
     "the foreign ministry spokesman", "TUR", "official+venue"),
])
def test_actors_unnamed_official(resolver, nlp, text, span, code, rule):
    assert (span, code, rule) in _officials(resolver, nlp, text)


def test_actors_unnamed_official_said_again(resolver, nlp):
    text = ("A Kremlin spokesman rejected the charge. Ties remain strained. "
            "\"We see no grounds for it,\" the spokesman told reporters.")
    assert ("the spokesman", "RUS", "official+again") in _officials(resolver, nlp, text)


@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov said the talks would go on.",
    "Dmitry Peskov, the Kremlin spokesman, said the talks would go on.",
    "The Kremlin's spokesman, Dmitry Peskov, said the talks would go on.",
    "Government spokesmen in Moscow said the talks would go on.",
])
def test_actors_named_or_plural_spokesmen_are_no_unnamed_official(resolver, nlp, text):
    assert _officials(resolver, nlp, text) == []


def test_actors_its_title_belongs_to_the_main_clause_subject(resolver, nlp):
    # "Its" is the junta's (the main clause), not the US forces' in the relative clause
    text = ("Guinea's junta expelled the French ambassador. The junta, which took power in 2021, ended the accord that "
            "let French forces train in the country. Its spokesman, Colonel Amara Camara, accused Paris of arrogance.")
    persons = {p.name: p.actor for p in resolver(nlp(text)).persons}
    assert persons["Amara Camara"] == "GIN"


def test_actors_army_chief_is_of_home(resolver, nlp):
    # an army's chief serves at home, unlike a "chief" of a mission abroad: the lead state's
    text = ("Army strikes camps\n\nPeru's army shelled rebel camps on Monday. Army chief Walter Cordova said the "
            "operation would go on until the camps were cleared.")
    persons = {p.name: p.actor for p in resolver(nlp(text)).persons}
    assert persons["Walter Cordova"] == "PER"


def test_actors_director_is_a_title(resolver, nlp):
    text = "Officials at the agency were overwhelmed. Its director, Ana Lucia Torres, said crews had reached the town."
    assert "Ana Lucia Torres" in {p.name for p in resolver(nlp(text)).persons}


@pytest.mark.parametrize("text, span, code, rule", [
    # a definite title that names no one and is the subject of its clause: the one holder of that office
    ("In Lima, the deputy foreign minister said the envoy had been recalled for consultations.",
     "the deputy foreign minister", "PER", "official+title-venue"),
    ("ACCRA, June 2, 2025 (GNA) - Ghana closed its northern border on Monday. Speaking at the base, the Chief of "
     "Staff said the army was ready.", "the Chief of Staff", "GHA", "official+title-dateline"),
    # a scene set in a country opens the sentence: its official
    ("Troops left Peru in May. In Ecuador, the president announced on Sunday that the bases would close.",
     "the president", "ECU", "official+title-venue"),
    # "of its <organ>": the body that is the subject before
    ("The Arab League welcomed the truce, and the chairperson of its council said the region would help.",
     "the chairperson", "ARL", "official+title-its"),
])
def test_actors_unnamed_titled_official(resolver, nlp, text, span, code, rule):
    assert (span, code, rule) in _officials(resolver, nlp, text)


def test_actors_unnamed_director_of_a_national_body_again(resolver, nlp):
    # a national body with no state word: the home state (dateline); the same title later is the same official
    text = ("ACCRA, June 2, 2025 (GNA) - Ghana declared an emergency on Monday. The acting director of the National "
            "Relief Office said three bridges had collapsed. \"We need boats,\" the acting director said.")
    found = _officials(resolver, nlp, text)
    assert ("the acting director", "GHA", "official+title-again") in found
    assert "Office" not in {p.name for p in resolver(nlp(text)).persons}   # a body's word is no person's name


@pytest.mark.parametrize("text", [
    # a title in a private body speaks for no state
    "ACCRA, June 2, 2025 (GNA) - Prices rose again. The head of a farmers' union said the harvest had failed.",
    # the title was someone's before: "the deputy prime minister" refers back to them
    "ACCRA, June 2, 2025 (GNA) - Deputy Prime Minister and Finance Minister Kofi Mensah flew to Lome on Monday. "
    "The deputy prime minister returned to Accra in the evening.",
])
def test_actors_no_unnamed_titled_official(resolver, nlp, text):
    assert not [f for f in _officials(resolver, nlp, text) if "+title-" in f[2]]


def test_actors_head_of_a_national_private_body_is_of_home(resolver, nlp):
    text = ("ACCRA, June 2, 2025 (GNA) - Ghana raised fuel prices on Monday. The head of a national transport "
            "association said fares would rise.")
    assert [(f[1], f[2]) for f in _officials(resolver, nlp, text)] == [("GHA", "official+title-dateline")]
