"""Persons' states from what the text ties their title to: a possessive standing for another person ("his foreign
minister"), a body word before the title ("Military spokesman X"), a colleague in a clause joined by "and", a
title that opens the next name rather than an apposition, a shadow title, a spokesperson for a named body of no
state, a named department, and "the minister" standing for a person the dated dictionary has in that office
(newsgraph/actors: fill, evidence, persons, roles, officials, institutions, coref)."""
from __future__ import annotations

from dataclasses import replace

from newsgraph.actors import coref, fill
from newsgraph.actors.officeholders import Holding
from tests.conftest import make_article


def _analysis(analyzer, text, published=None):
    return analyzer.analyze(make_article(text, published=published))


def _person(analysis, surname):
    return next(p for p in analysis.actors.persons if p.name.endswith(surname))


_HER = ("Chilean President Marta Ibarrola arrived in Lima on Tuesday with her trade minister, Tomas Quilodran, "
        "for talks on copper prices.")


def test_his_title_serves_the_state_of_the_person_his_stands_for(analyzer) -> None:
    person = _person(_analysis(analyzer, _HER), "Quilodran")
    assert person.actor == "CHL"
    assert person.how.endswith("+his")


def test_the_ties_read_the_name_of_an_affiliation_made_with_no_token(analyzer, monkeypatch) -> None:
    """An affiliation made with no token (`at` -1) is read at the person's first mention, as the other rules are."""
    def unplaced(ctx, persons, known):
        for p in persons:
            if p.aff is not None and p.aff.actor is None:
                p.aff = replace(p.aff, at=-1)
        return real(ctx, persons, known)
    real = fill.fill_states
    monkeypatch.setattr(coref, "fill_states", unplaced)
    assert _person(_analysis(analyzer, _HER + " "), "Quilodran").how.endswith("+his")
    text = ("Kyrgyzstan's government protested on Monday. Its interior minister, Ulan Toktogulov, said the closure "
            "was unjustified, and Health Minister Aibek Sadyrov said patients were stranded. ")
    assert _person(_analysis(analyzer, text), "Sadyrov").how.endswith("+colleague")


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


def test_the_minister_is_the_person_the_dictionary_has_in_that_office(analyzer, monkeypatch) -> None:
    # an invented holder in the dated dictionary: Ghana's foreign minister on the article's date
    real = fill.lookup

    def dictionary(name, date=None):
        if name == "Efua Mensah-Tetteh":
            return [Holding(name, "GHA", "foreign minister", "GOV", "2023-01-01", "", current=True)]
        return real(name, date)
    monkeypatch.setattr(fill, "lookup", dictionary)
    text = ("LOME — Togo's parliament ratified the fishing treaty on Tuesday, and Trade Minister Komi Adjavon "
            "hailed the vote in a statement.\n\n"
            "Efua Mensah-Tetteh toured the harbour at Tema on Wednesday. The minister said the catch would be "
            "shared fairly. \"Our boats will keep to our waters,\" she told fishermen there.")
    analysis = _analysis(analyzer, text, published="2025-03-05")
    title = next(m for m in analysis.actors.mentions if m.text == "The minister")
    assert title.person == "Efua Mensah-Tetteh"
    quote = next(q for q in analysis.quotes if "keep to our waters" in q.text)
    assert (quote.speaker, quote.actor) == ("Efua Mensah-Tetteh", "GHA")


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
    text = ("CANBERRA, June 9 (Wire) - Australia recalled its ambassador from Fiji on Sunday after a dispute over "
            "the election.\n\nOn Sunday night the Department of Foreign Affairs and Trade told reporters that the "
            "envoy would return for consultations.")
    analysis = _analysis(analyzer, text)
    body = next(m for m in analysis.actors.mentions if m.text.startswith("Department of Foreign Affairs"))
    assert (body.code, body.how) == ("AUS", "institution+dateline")
    quote = next(q for q in analysis.quotes if "consultations" in q.text)
    assert quote.actor == "AUS"


def test_a_shadow_title_is_the_oppositions_not_the_office(analyzer) -> None:
    text = ("Canada and Mexico signed a tariff accord on Tuesday. Finance Minister Eleanor Pike welcomed it. "
            "The accord was rushed, shadow finance minister Gareth Olund told reporters.")
    person = _person(_analysis(analyzer, text), "Olund")
    assert person.role == "shadow finance minister"
    assert person.sector == "OPP"


def test_a_body_named_after_a_capital_that_opens_the_sentence_is_of_that_state(analyzer) -> None:
    text = ("Peru seized two fishing boats on Friday. Lima accused the crews of poaching. In Ottawa, the "
            "Department of Fisheries and Oceans, which licenses the boats, demanded their release.")
    analysis = _analysis(analyzer, text)
    body = next(m for m in analysis.actors.mentions if m.text.startswith("Department of Fisheries"))
    assert (body.code, body.how) == ("CAN", "institution+venue")
