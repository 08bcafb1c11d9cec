"""Persons named with no title nor state: the state of their sentence, else of the article; the guess is the
person's (and their quotes'), never an actor of events."""
from __future__ import annotations

import pytest

from tests.conftest import make_article

_ONE_STATE = ("Chile's electoral court on Monday disqualified the candidacy of the populist outsider Tomás Reyes "
              "Olmedo, days before the vote. Reyes Olmedo called the decision \"a theft of the people's voice\" "
              "and said he would appeal.")
_DOMINANT = ("Peru extradited eleven suspects to Bolivia on Tuesday. Peru said the transfers followed a request "
             "from La Paz. Peru's interior ministry said the group would face trial. Peru has extradited dozens "
             "since 2020.\n\nThose handed over include the convicted smuggler Carlos Quispe, wanted over a 2019 robbery.")
_TWO_STATES = ("Ghana and Togo signed a border accord on Friday, witnessed by Kofi Mensah-Bonsu.")


def _analysis(analyzer, text):
    return analyzer.analyze(make_article(text))


def _person(analysis, surname):
    return next(p for p in analysis.actors.persons if p.name.endswith(surname))


@pytest.mark.parametrize("text, surname, actor, how", [
    (_ONE_STATE, "Olmedo", "CHL", "name+sentence"),
    (_DOMINANT, "Quispe", "PER", "name+dominant"),
])
def test_bare_name_takes_the_state_of_its_sentence_or_article(analyzer, text, surname, actor, how) -> None:
    person = _person(_analysis(analyzer, text), surname)
    assert (person.actor, person.how) == (actor, how)


def test_bare_name_with_two_states_and_no_dominant_one_takes_none(analyzer) -> None:
    person = _person(_analysis(analyzer, _TWO_STATES), "Mensah-Bonsu")
    assert person.actor is None


def test_bare_name_guess_reaches_the_quote_not_the_mentions(analyzer) -> None:
    analysis = _analysis(analyzer, _ONE_STATE)
    quote = next(q for q in analysis.quotes if "theft" in q.text)
    assert quote.actor == "CHL"
    assert all(m.code is None for m in analysis.actors.mentions if m.person and m.person.endswith("Olmedo"))


@pytest.mark.parametrize("text, name, actor", [
    ("The EU and Japan agreed a tariff deal on Sunday. Trade Commissioner Anna Vrbas said the deal was "
     "\"better than a trade war\".", "Anna Vrbas", "EU"),
    ("The AU urged calm in Sudan. Commissioner for Political Affairs Bankole Adeoye said talks would resume.",
     "Bankole Adeoye", "AU"),
    # a commissioner of a home portfolio is no commission's member
    ("The EU watched as South Africa shut the crossing. Border commissioner Michael Tau said the closure was "
     "temporary.", "Michael Tau", None),
])
def test_portfolio_commissioner_is_the_named_commission_s(analyzer, text, name, actor) -> None:
    person = _person(_analysis(analyzer, text), name.split()[-1])
    assert person.actor == actor if actor else person.actor != "EU"
