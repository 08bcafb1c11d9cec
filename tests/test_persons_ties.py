"""Persons' states from what the text ties their title to: a possessive standing for another person ("his foreign
minister"), a body word before the title ("Military spokesman X"), a colleague in a clause joined by "and", a
title that opens the next name rather than an apposition, a shadow title, a spokesperson for a named body of no
state, a named department, and "the minister" standing for a person the dated dictionary has in that office
(newsgraph/actors: fill, evidence, persons, roles, officials, institutions, coref)."""
from __future__ import annotations

from tests.conftest import make_article


def _analysis(analyzer, text, published=None):
    return analyzer.analyze(make_article(text, published=published))


def _person(analysis, surname):
    return next(p for p in analysis.actors.persons if p.name.endswith(surname))


def test_his_title_serves_the_state_of_the_person_his_stands_for(analyzer) -> None:
    text = ("ACCRA, May 2 (Wire) - Ghana and Burkina Faso ended their border dispute on Friday after months of "
            "mediation. Togolese President Kodjo Amegah and his foreign minister, Edem Kofiga, hosted the talks.")
    person = _person(_analysis(analyzer, text), "Kofiga")
    assert person.actor == "TGO"
    assert person.how.endswith("+his")


def test_a_body_word_before_a_title_names_the_body_of_that_word(analyzer) -> None:
    text = ("BANGKOK, Aug 2 (Wire) - Myanmar's military government expelled a Thai diplomat on Monday. "
            "Thailand had hosted members of the opposition last week. "
            "Military spokesman Kyaw Min Naing said the meeting broke the rules of the bloc.")
    person = _person(_analysis(analyzer, text), "Naing")
    assert person.actor == "MMR"
    assert person.how.endswith("+body")


def test_a_portfolio_before_the_body_word_names_another_body(analyzer) -> None:
    text = ("COLOMBO, Aug 2 (Wire) - The Sri Lankan foreign ministry summoned an Indian envoy on Monday. "
            "Briefing reporters in New Delhi, external affairs ministry spokesperson Arun Mehra said the talks "
            "had been useful.")
    person = _person(_analysis(analyzer, text), "Mehra")
    assert person.actor != "LKA"
    assert "+body" not in person.how


def test_a_title_opening_the_next_name_is_no_apposition(analyzer) -> None:
    text = ("Germany expelled two diplomats after the death of the activist Karl Brenner, Foreign Minister "
            "Lena Hoffmann announced on Monday.")
    analysis = _analysis(analyzer, text)
    assert _person(analysis, "Brenner").role != "foreign minister"
    assert _person(analysis, "Hoffmann").role == "foreign minister"


def test_a_spokesperson_for_a_named_body_of_no_state_takes_none_from_context(analyzer) -> None:
    text = ("Azerbaijan ordered Reuters to close its office. The foreign ministry in Baku accused the agency of "
            "bias. A spokesperson for Reuters said the agency was disappointed by the decision.")
    analysis = _analysis(analyzer, text)
    assert not any(m.how.startswith("official") and m.text.startswith("A spokesperson")
                   for m in analysis.actors.mentions)
    quote = next(q for q in analysis.quotes if "disappointed" in q.text)
    assert quote.actor is None


def test_the_minister_is_the_person_the_dictionary_has_in_that_office(analyzer) -> None:
    text = ("KATHMANDU — Nepal's cabinet approved a new map on Friday, and Minister for Information Priya Thapa "
            "announced it to reporters.\n\n"
            "Speaking in Odisha on Saturday, S. Jaishankar said the boundary was well known. The minister did "
            "not stop there. \"A map printed in one capital cannot move a border,\" he said.")
    analysis = _analysis(analyzer, text, published="2024-05-12")
    title = next(m for m in analysis.actors.mentions if m.text == "The minister")
    assert title.person == "S. Jaishankar"
    quote = next(q for q in analysis.quotes if "cannot move a border" in q.text)
    assert (quote.speaker, quote.actor) == ("S. Jaishankar", "IND")


def test_a_colleague_in_a_clause_joined_by_and_speaks_for_the_same_state(analyzer) -> None:
    text = ("TASHKENT, May 3 (Wire) - Uzbekistan closed its border with Kyrgyzstan on Monday.\n\n"
            "Kyrgyzstan's government protested. Its interior minister, Ulan Toktogulov, said the closure was "
            "unjustified, and Health Minister Aibek Sadyrov said patients were stranded.")
    person = _person(_analysis(analyzer, text), "Sadyrov")
    assert person.actor == "KGZ"
    assert person.how.endswith("+colleague")


def test_an_official_met_is_no_colleague(analyzer) -> None:
    text = ("TASHKENT, May 3 (Wire) - Uzbekistan and Kyrgyzstan held border talks on Monday. Kyrgyz Interior "
            "Minister Ulan Toktogulov met Health Minister Aibek Sadyrov in Tashkent.")
    assert "+colleague" not in _person(_analysis(analyzer, text), "Sadyrov").how


def test_a_named_department_of_a_state_speaks_for_it(analyzer) -> None:
    text = ("PRETORIA, March 3 (Wire) - South Africa protested on Monday after Washington expelled its "
            "ambassador.\n\nThe Department of International Relations and Cooperation said in a statement that "
            "the decision was regrettable.")
    analysis = _analysis(analyzer, text)
    quote = next(q for q in analysis.quotes if "regrettable" in q.text)
    assert quote.actor == "ZAF"


def test_a_shadow_title_is_the_oppositions_not_the_office(analyzer) -> None:
    text = ("Australia and Japan signed a trade pact on Monday. Trade Minister Don Farrell welcomed it. "
            "Shadow trade minister Kevin Holt said the deal was rushed.")
    person = _person(_analysis(analyzer, text), "Holt")
    assert person.role == "shadow trade minister"
    assert person.sector == "OPP"


def test_a_body_named_after_a_capital_that_opens_the_sentence_is_of_that_state(analyzer) -> None:
    text = ("DUBAI - Iran seized a tanker on Thursday, Iranian media said. Tehran accused the crew of smuggling. "
            "In Manila, the Department of Foreign Affairs asked for news of the Filipino crew.")
    analysis = _analysis(analyzer, text)
    body = next(m for m in analysis.actors.mentions if m.text.startswith("Department of Foreign Affairs"))
    assert body.code == "PHL"
