"""Whom an aide serves, titles written the way news writes them (abbreviated ranks, clergy, "head of <org>"), and
speakers named by a title, a body word or a relative clause."""
from __future__ import annotations

import pytest

from tests.conftest import make_article

_AIDE_TO = ("ACCRA, March 3 (Wire) - Ghana and Togo agreed on Monday to reopen their border crossings. "
            "Yaw Mensah-Larbi, security aide to Togolese President Faure Gnassingbe, said the move was overdue.")
_ADVISER_TO_PERSON = ("Kenya and Tanzania held talks on the lake dispute on Friday. Ghana hosted the meeting. "
                      "In Accra, Peter Olwande, senior adviser to President William Ruto on regional affairs, "
                      "said Kenya wanted a quick deal.")
_POSSESSIVE = ("Peru and Chile argued over fishing rights on Monday. Chile's foreign ministry protested. "
               "Carla Menéndez, President Dina Boluarte's chief foreign policy adviser, said Lima would not yield.")
_HEAD_OF_ORG = ("Fighting resumed in the north on Sunday. The head of the UN mission in the country, Arvid Solberg, "
                "urged all sides to exercise restraint.")


def _person(analyzer, text, surname):
    analysis = analyzer.analyze(make_article(text))
    return next(p for p in analysis.actors.persons if p.name.endswith(surname))


@pytest.mark.parametrize("text, surname, actor", [
    (_AIDE_TO, "Mensah-Larbi", "TGO"),
    (_ADVISER_TO_PERSON, "Olwande", "KEN"),
    (_POSSESSIVE, "Menéndez", "PER"),
])
def test_an_aide_acts_for_the_state_of_the_principal(analyzer, text, surname, actor) -> None:
    person = _person(analyzer, text, surname)
    assert person.actor == actor
    assert person.how.endswith("+principal")


def test_an_aide_with_no_principal_named_is_not_given_one(analyzer) -> None:
    text = "Ghana and Togo agreed to reopen their border. Yaw Mensah-Larbi, a security aide, said it was overdue."
    assert "+principal" not in _person(analyzer, text, "Mensah-Larbi").how


def test_the_head_of_an_organisations_mission_acts_for_it(analyzer) -> None:
    assert _person(analyzer, _HEAD_OF_ORG, "Solberg").actor == "UN"


def test_a_rank_written_without_a_period_is_no_part_of_the_name(analyzer) -> None:
    text = ("Uganda's army chief, Gen Okello Mugisha, said troops had crossed into the border district. "
            "\"We shall hold it,\" Gen Okello wrote on X.")
    analysis = analyzer.analyze(make_article(text))
    names = {p.name for p in analysis.actors.persons}
    assert "Okello Mugisha" in names and not any(n.startswith("Gen ") for n in names)
    quote = next(q for q in analysis.quotes if "hold it" in q.text)
    assert quote.speaker == "Okello Mugisha"


def test_clergy_titles_are_titles_and_the_title_speaks_for_its_holder(analyzer) -> None:
    text = ("Protesters blocked a highway in northern Armenia on Saturday. The protests are led by Archbishop "
            "Vahan Terzian, head of the Armenian Apostolic Church's northern diocese. \"We will not give up our "
            "villages,\" the archbishop told the crowd.")
    analysis = analyzer.analyze(make_article(text))
    person = next(p for p in analysis.actors.persons if p.name.endswith("Terzian"))
    assert person.name == "Vahan Terzian" and person.role == "archbishop"
    quote = next(q for q in analysis.quotes if "give up" in q.text)
    assert quote.speaker == "Vahan Terzian"


def test_the_ambassador_is_the_permanent_representative_named_before(analyzer) -> None:
    text = ("The Security Council failed to adopt the draft on Monday. Ivan Petrenko, Russia's permanent "
            "representative to the United Nations, said the text was one-sided.\n\n\"It is not for others to "
            "decide our policy,\" the ambassador said.")
    quote = next(q for q in analyzer.analyze(make_article(text)).quotes if "not for others" in q.text)
    assert (quote.speaker, quote.actor) == ("Ivan Petrenko", "RUS")


def test_a_relative_clause_does_not_lend_its_person_to_a_title(analyzer) -> None:
    text = ("Bangladesh's Chief Adviser Rahim Chowdhury met Pakistani business leaders on Monday. Bangladesh's "
            "Foreign Affairs Adviser Kamal Uddin also attended. The chief adviser, who has won praise for his approach, said "
            "afterwards that Bangladesh wanted \"friendly relations with all our neighbours\".")
    quote = next(q for q in analyzer.analyze(make_article(text)).quotes if "friendly relations" in q.text)
    assert quote.speaker == "Rahim Chowdhury"


@pytest.mark.parametrize("text, actor", [
    ("India's Ministry of External Affairs called the attack regrettable. \"Missions should never be "
     "targeted,\" the ministry said in a statement.", "IND"),
    ("Iran's Supreme National Security Council met on Sunday. The council said the strike \"was a measured "
     "response to aggression\" and would not be repeated.", "IRN"),
])
def test_the_body_word_speaks_for_the_body_named_before(analyzer, text, actor) -> None:
    quotes = analyzer.analyze(make_article(text)).quotes
    assert quotes and all(q.actor == actor for q in quotes if q.direct)


def test_the_body_word_with_an_uncoded_body_before_gets_no_guess(analyzer) -> None:
    text = ("The Ministry of Fisheries met on Sunday. \"Quotas will be cut by half next season,\" the ministry "
            "said in a statement.")
    quote = next(q for q in analyzer.analyze(make_article(text)).quotes if "Quotas" in q.text)
    assert quote.actor is None
