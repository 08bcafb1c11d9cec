"""States written without their name (the project's own sentences, the real model): an office named by its seat
whose holder gives the state, definite descriptions ("the kingdom", "the country", "his government"), a ministry's
spokesman after the ministry, a minister titled "of <portfolio> of <state>", and generic plural speakers."""
from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver
from tests.conftest import make_article


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(nlp)


def _described(nlp, resolver, text, word):
    hits = [m for m in resolver(nlp(text)).mentions if word in m.text.lower()]
    return hits[0] if hits else None


def _person(nlp, resolver, text, surname):
    return next(p for p in resolver(nlp(text)).persons if p.name.endswith(surname))


def test_presidency_is_the_state_of_the_president_named_before(nlp, resolver) -> None:
    text = ("Norway and Sweden sent envoys to the summit, and Swedish officials spoke first. Ghana's President "
            "John Mahama thanked them. In a statement, the presidency said the summit had been useful.")
    m = _described(nlp, resolver, text, "presidency")
    assert m is not None and (m.code, m.how) == ("GHA", "institution+holder")


def test_ministry_takes_a_minister_of_its_portfolio_only(nlp, resolver) -> None:
    text = ("Peru's Foreign Minister Elena Cruz met envoys from Chile and Chile's trade delegation in Lima on Monday. "
            "The foreign ministry said the talks would continue.")
    m = _described(nlp, resolver, text, "ministry")
    assert m is not None and m.code == "PER"
    text = ("Peru's Energy Minister Elena Cruz met envoys from Chile. The foreign ministry of Chile had asked for "
            "the meeting. The health ministry said nothing.")
    m = _described(nlp, resolver, text, "health ministry")
    assert m is None or m.how != "institution+holder"


@pytest.mark.parametrize("text, code", [
    ("Troops from Egypt have trained in Jordan for years, and the kingdom has repeatedly hosted Egypt's drills.",
     "JOR"),
    ("Finland shut its last crossing on Friday. Officials said the country would not reopen it soon.", "FIN"),
    ("Prime Minister Ana Lopes of Portugal told reporters that her government would appeal the ruling.", "PRT"),
    # the one who says the clause owns "his", whoever the pronoun was read as
    ("Spain's Pedro Ruiz met Prime Minister Ana Lopes of Portugal. Later the Spanish leader said his government "
     "would appeal.", "ESP"),
])
def test_definite_descriptions_are_the_salient_state(nlp, resolver, text, code) -> None:
    words = [w for w in ("kingdom", "country", "government") if w in text]
    m = _described(nlp, resolver, text, words[0])
    assert m is not None and m.code == code


@pytest.mark.parametrize("text", [
    "Chad said foreign troops must leave the country by Friday.",
    "Protests spread across the country on Monday, Chad said.",
    "Kenya sent envoys to the neighbouring country on Monday.",
    "The country director of the agency met Chad's president.",
])
def test_descriptions_of_place_or_with_modifiers_are_no_actor(nlp, resolver, text) -> None:
    assert _described(nlp, resolver, text, "country") is None


def test_a_description_is_not_its_own_clause_subject(nlp, resolver) -> None:
    text = "Mali accused the country of harbouring rebels, a charge Niger denied."
    m = _described(nlp, resolver, text, "country")
    assert m is None or m.code != "MLI"


def test_ministry_spokesman_after_the_ministry_is_its_state(nlp, resolver) -> None:
    text = ("PARIS - France expelled two diplomats on Monday, and France's embassy closed. Paris said it would not "
            "back down. On Tuesday Azerbaijan's foreign ministry summoned the French ambassador. The French envoy was "
            "given a formal note. Ministry spokesman Elchin Mammadov did not give a reason.")
    p = _person(nlp, resolver, text, "Mammadov")
    assert p.actor == "AZE"


def test_minister_of_a_portfolio_of_a_state_before_the_name(nlp, resolver) -> None:
    text = "The letter was sent by Minister of Energy of Ghana Kofi Mensah on Monday."
    p = _person(nlp, resolver, text, "Mensah")
    assert (p.actor, p.role) == ("GHA", "minister of energy")


@pytest.mark.parametrize("text, speaker", [
    ("Analysts said the deal would not last.", None),
    ("Western diplomats said the talks had stalled.", None),
    ("Egyptian officials said the crossing would reopen.", "Egyptian officials"),
    ("The ministry said the crossing would reopen.", "ministry"),
])
def test_a_bare_plural_common_noun_is_no_named_speaker(analyzer, text, speaker) -> None:
    quotes = analyzer.analyze(make_article(text)).quotes
    assert quotes and quotes[0].speaker == speaker
    assert (quotes[0].speaker_start is None) == (speaker is None)



def test_the_foreign_office_without_britain_around_takes_the_article_state(nlp, resolver) -> None:
    text = ("NAIROBI, May 2 - Kenya recalled its envoy to Uganda on Friday after a border clash. The Foreign Office "
            "said the envoy would return once Uganda explained the shooting. Kenya also closed two crossings.")
    m = _described(nlp, resolver, text, "foreign office")
    assert m is not None and m.code == "KEN"


def test_a_home_ministry_takes_the_one_state_whose_places_its_sentence_names(nlp, resolver) -> None:
    text = ("Peru and Chile traded accusations over the border on Monday, and Chile's navy said Peru had fired first. "
            "Some 2,000 people were moved from villages in Chile, according to the interior ministry.")
    m = _described(nlp, resolver, text, "interior ministry")
    assert m is not None and (m.code, m.how) == ("CHL", "institution+home-place")
    text = text.replace("interior ministry", "defence ministry")
    m = _described(nlp, resolver, text, "defence ministry")
    assert m is None or m.how != "institution+home-place"


def test_a_quote_under_a_verb_the_reported_subject_controls_is_the_reporter(analyzer) -> None:
    text = ("The spokesperson, Jane Roe, said Paris had decided to declare two members of Chad's embassy persona "
            "non grata \u201cin response to the hostile decision\u201d taken by the Chadian authorities.")
    quotes = analyzer.analyze(make_article(text)).quotes
    hit = next(q for q in quotes if "hostile decision" in q.text)
    assert hit.speaker == "Jane Roe"

