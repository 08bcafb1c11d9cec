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
