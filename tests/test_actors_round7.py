"""Actors stage, seventh round: datelines in any script or title case, home offices, secretaries' ministries."""
from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver
from newsgraph.actors.evidence import find_dateline

CAPITALS = {"asunción": "PRY", "lima": "PER", "addis ababa": "ETH", "accra": "GHA"}


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(nlp)


def _persons(nlp, resolver, text):
    return {p.name: p for p in resolver(nlp(text)).persons}


@pytest.mark.parametrize("text, code", [
    ("ASUNCIÓN — The government said on Monday ...", "PRY"),          # capitals beyond ASCII
    ("Lima, 14 March (Andina).- Peru's congress voted ...", "PER"),     # title case, a date and an agency
    ("Accra, June 2, 2025 (GNA) - Ghana said ...", "GHA"),
    ("ADDIS ABABA: The bloc met ...", "ETH"),
    # negatives: a capital opening an ordinary sentence, or without date and credit, is no dateline
    ("Lima is a large city on the coast ...", None),
    ("Accra, the capital, hosted the talks ...", None),
    ("Lima, 14 March - the talks ended ...", None),
])
def test_dateline(text, code) -> None:
    assert find_dateline(text, CAPITALS) == code


@pytest.mark.parametrize("text, name, actor", [
    # an upper-case dateline with letters beyond ASCII gives a stateless title its state
    ("ASUNCIÓN — Paraguay's government on Monday accused Bolivia of meddling, and Bolivia denied it. Bolivia "
     "said Paraguay was wrong.\n\nPrime Minister Dorin Benítez told a cabinet meeting that La Paz was lying. "
     "Bolivia's envoy left.", "Dorin Benítez", "PRY"),
    # a title-case dateline followed by a date and the agency's credit
    ("Lima, 14 March (Andina).- Peru on Friday asked Ecuador to reopen the border crossing, and Ecuador said "
     "it would study the request. Ecuador and Peru met in Quito.\n\nPresident Julio Ccori Mamani has proposed "
     "a joint commission.", "Julio Ccori Mamani", "PER"),
    # a national office is held at home: the dateline's state, though advisers often serve abroad
    ("ACCRA, Ghana — Ghana protested to Togo on Sunday. Togo rejected the protest. Ghana and Togo share a "
     "border.\n\nNational Security Adviser Kwabena Asante-Boadu said the border would stay closed.",
     "Kwabena Asante-Boadu", "GHA"),
    # a secretary heading a ministry whose state the sentence before names
    ("Togo and Nigeria met. Nigeria spoke to Togo twice. Ghana's Ministry of Foreign Affairs sent a protest "
     "note to Lomé and asked Abuja to mediate.\n\nForeign Affairs Cabinet Secretary Yaw Mensah-Bonsu said "
     "Ghana would not back down.", "Yaw Mensah-Bonsu", "GHA"),
])
def test_home_evidence(nlp, resolver, text, name, actor) -> None:
    assert _persons(nlp, resolver, text)[name].actor == actor


@pytest.mark.parametrize("text, name", [
    # an adviser with no home word in the title is often abroad: the dateline does not make them the state's
    ("ACCRA, Ghana — Ghana protested to Togo on Sunday. Togo rejected the protest. Ghana and Togo share a "
     "border.\n\nSenior Adviser Kwabena Asante-Boadu said the border would stay closed.", "Kwabena Asante-Boadu"),
    # a press secretary heads no ministry: a ministry named before is no evidence
    ("Togo and Nigeria met. Nigeria spoke to Togo twice. Togo said Nigeria agreed. Ghana's Ministry of "
     "Foreign Affairs sent a protest note to Lomé.\n\nPress Secretary Yaw Mensah-Bonsu said talks would go on.",
     "Yaw Mensah-Bonsu"),
])
def test_no_home_evidence(nlp, resolver, text, name) -> None:
    assert not _persons(nlp, resolver, text)[name].how.endswith(("+dateline", "+ministry"))


@pytest.mark.parametrize("text, name, actor", [
    # the capitalised last word of an organisation's name, named before, stands for it
    ("Leaders of the Shanghai Cooperation Organisation met in Astana on Monday. Russia and China pledged money."
     "\n\nOrganisation Secretary General Nurlan Bekov said the fund would open in May.", "Nurlan Bekov", "SCO"),
    # negatives: two organisations end with the word, or none was named before
    ("Leaders of the Shanghai Cooperation Organisation met the World Health Organisation in Astana on Monday."
     "\n\nOrganisation Secretary General Nurlan Bekov said the fund would open in May.", "Nurlan Bekov", None),
    ("Organisation Secretary General Nurlan Bekov said the fund would open in May. Leaders of the Shanghai "
     "Cooperation Organisation met in Astana on Monday.", "Nurlan Bekov", None),
])
def test_short_name_of_an_organisation(nlp, resolver, text, name, actor) -> None:
    person = _persons(nlp, resolver, text)[name]
    if actor is not None:
        assert (person.actor, person.how) == (actor, "title+short")
    else:
        assert not person.how.endswith("short")
