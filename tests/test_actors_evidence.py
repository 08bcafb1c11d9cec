"""Actors stage: evidence for an official's state and names — courtesy and generic titles, a state's media and
ministries, datelines in any script or title case, home offices, secretaries' ministries."""
from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver
from newsgraph.actors.evidence import find_date, find_dateline
from tests.conftest import make_article

CAPITALS = {"asunción": "PRY", "lima": "PER", "addis ababa": "ETH", "accra": "GHA"}


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(nlp)


def _persons(nlp, resolver, text):
    return {p.name: p for p in resolver(nlp(text)).persons}


@pytest.mark.parametrize("text, name, actor, how", [
    # a courtesy title between the title and the name does not cut them apart
    ("President Dr. Carlos Medina of Peru condemned the raid.", "Carlos Medina", "PER", "title+of"),
    ("Peru's President Dr. Carlos Medina condemned the raid.", "Carlos Medina", "PER", None),
    # the state's own news agency relays its official, whatever the dateline
    ("SEOUL, May 3 (Yonhap) -- North Korea fired a cruise missile on Sunday, officials in Seoul said. "
     "South Korea protested.\n\nPyongyang's official Korean Central News Agency carried a statement by "
     "Vice Foreign Minister Ri Chol-min, who called the drills a rehearsal for invasion.",
     "Ri Chol-min", "PRK", "title+media"),
    # a minister after their ministry was named with its state
    ("Norway's foreign ministry summoned the Russian ambassador on Monday.\n\nForeign Minister Eirik Solvang "
     "Haugen said the flights were a breach of the airspace. Russia denied the reports. Sweden and Finland also "
     "protested to Russia.", "Eirik Solvang Haugen", "NOR", "title+ministry"),
])
def test_evidence_for_a_title_without_state(nlp, resolver, text, name, actor, how) -> None:
    person = _persons(nlp, resolver, text)[name]
    assert person.actor == actor
    if how is not None:
        assert person.how == how


@pytest.mark.parametrize("text, name", [
    # an official talking to another state's outlet: the outlet, named after them, is no evidence
    ("SEOUL, May 3 (Yonhap) -- Seoul protested the launch. Japan and the United States joined.\n\n"
     "Vice Foreign Minister Park Ji-won told KCNA nothing.", "Park Ji-won"),
    # another portfolio's ministry says nothing about a foreign minister
    ("Norway's defence ministry summoned the Russian attaché. Sweden protested too. Russia denied it.\n\n"
     "Foreign Minister Eirik Solvang Haugen said the flights were a breach.", "Eirik Solvang Haugen"),
])
def test_no_evidence_from_unrelated_media_or_ministry(nlp, resolver, text, name) -> None:
    assert not _persons(nlp, resolver, text)[name].how.endswith(("+media", "+ministry"))


@pytest.mark.parametrize("text, speaker, actor", [
    ("President Dr. Carlos Medina of Peru condemned the raid.\n\nAddressing the nation, the Head of State "
     "described the raid as \u201can attack on our sovereignty\u201d and said the army was on alert.",
     "Carlos Medina", "PER"),
    ("Prime Minister Ana Ruiz of Chile met farmers. Later, the head of government told reporters that "
     "\u201cthe drought is a national emergency\u201d.", "Ana Ruiz", "CHL"),
])
def test_generic_title_refers_back_to_the_holder(analyzer, text, speaker, actor) -> None:
    quote = analyzer.analyze(make_article(text)).quotes[0]
    assert (quote.speaker, quote.actor) == (speaker, actor)


def test_generic_title_needs_a_holder(analyzer) -> None:
    text = ("Finance Minister Ana Ruiz of Chile met farmers. Later, the head of state told reporters that "
            "\u201cthe drought is a national emergency\u201d.")
    assert all(q.speaker != "Ana Ruiz" for q in analyzer.analyze(make_article(text)).quotes)


@pytest.mark.parametrize("text, expected", [
    ("North Korea fired a rocket on Friday, Seoul said. A week earlier the North rejected Seoul's offer of talks.",
     [("North Korea", "PRK"), ("Seoul", "KOR"), ("North", "PRK"), ("Seoul", "KOR")]),
    # no Korea in the article: "the North" is a region
    ("Rebels hold the North and the army holds the South, Malian officials said.", []),
    ("Pyongyang said nothing. Ships in the North Sea were warned.", [("Pyongyang", "PRK")]),
])
def test_the_north_is_north_korea_in_korea_stories(nlp, resolver, text, expected) -> None:
    got = [(m.text, m.code) for m in resolver(nlp(text)).mentions]
    assert [g for g in got if g[1] in {"PRK", "KOR"}] == expected

def _persons(nlp, resolver, text):
    return {p.name: p for p in resolver(nlp(text)).persons}


@pytest.mark.parametrize("text, code", [
    ("ASUNCIÓN — The government said on Monday ...", "PRY"),          # capitals beyond ASCII
    ("Lima, 14 March (Andina).- Peru's congress voted ...", "PER"),     # title case, a date and an agency
    ("Accra, June 2, 2025 (GNA) - Ghana said ...", "GHA"),
    ("Lima, 14 March 2025 (Andina). Peru's congress voted ...", "PER"),   # a year with no comma before it
    ("Accra, June 2 /GNA/ Ghana said ...", "GHA"),                        # the agency between slashes
    ("ADDIS ABABA: The bloc met ...", "ETH"),
    ("Peru votes\n\nLima, Wednesday 22 May 2024\n\nPeru's congress voted ...", "PER"),   # a place and date line
    ("Accra, June 2, 2025\n\nGhana said ...", "GHA"),
    # negatives: a capital opening an ordinary sentence, or without date and credit, is no dateline
    ("Lima is a large city on the coast ...", None),
    ("Accra, the capital, hosted the talks ...", None),
    ("Lima, 14 March - the talks ended ...", None),
    ("Lima, 14 March 2025 and/or later ...", None),
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


@pytest.mark.parametrize("text, name, actor", [
    # whom a visitor meets where they arrive is of the place visited, though co-hosts of that state are named
    ("Iran and Chile talk. Chile and Iran agree.\n\nIranian envoy Reza Tavakoli arrived in Lima on Monday and met "
     "President Julio Ccori Mamani of Peru and Prime Minister Ana Quispe Huamán.", "Ana Quispe Huamán", "PER"),
    ("Chile and Bolivia agree. Chile spoke to Bolivia.\n\nThe Chilean president arrived in La Paz on a state visit "
     "and was met at the airport by Prime Minister Marco Tupa Condori.", "Marco Tupa Condori", "BOL"),
])
def test_hosts_of_a_visit_are_of_the_place_visited(nlp, resolver, text, name, actor) -> None:
    person = _persons(nlp, resolver, text)[name]
    assert (person.actor, person.how.endswith("+host")) == (actor, True)


def test_the_visitor_who_meets_is_no_host(nlp, resolver) -> None:
    text = ("Chile and Bolivia agree. Chile spoke to Bolivia. Chile and Bolivia met.\n\nPrime Minister Marco Tupa "
            "Condori arrived in La Paz and met the Bolivian president.")
    assert not _persons(nlp, resolver, text)["Marco Tupa Condori"].how.endswith("+host")


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



@pytest.mark.parametrize("text, day", [
    ("Floods in the north\n\nBy A Writer, The Daily\n\nFriday 20 June 2025\n\nGhana said ...", "2025-06-20"),
    ("Wednesday, May 29, 2024\n\nLIMA - Peru said ...", "2024-05-29"),
    ("LIMA, 28 February 2025 (Andina) - Peru said ...", "2025-02-28"),
    ("Lima, Wednesday 22 May 2024\n\nPeru said ...", "2024-05-22"),
    # a date inside a sentence may be any day of the story's past
    ("The accord of 12 March 1984 ended the war. Peru said ...", None),
])
def test_article_date_from_its_opening_lines(text, day) -> None:
    assert find_date(text) == day


@pytest.mark.parametrize("text, name, actor", [
    # a capital naming a subdivision is where it lies: the governor is the state's, not a guess from the story
    ("Swap\n\nThe United States and Argentina signed a swap. The US Treasury said it would help.\n\nGovernor Axel "
     "Ruiz of Buenos Aires province said Washington was interfering.", "Axel Ruiz", "ARG"),
    ("Aid\n\nFrance and Senegal met. France said it would help Senegal.\n\nGovernor Awa Ndiaye of the Dakar region "
     "said the aid had arrived.", "Awa Ndiaye", "SEN"),
])
def test_a_subdivision_named_by_a_capital_is_the_states(nlp, resolver, text, name, actor) -> None:
    assert _persons(nlp, resolver, text)[name].actor == actor


@pytest.mark.parametrize("text, name, actor", [
    # a body the lexicon cannot code, named by its state's name, owns "its": the state's
    ("Canal\n\nPanama and the United States argued. The US said Panama was wrong.\n\nOn Wednesday, the Panama "
     "Canal Authority denied a claim that US vessels would no longer pay fees. \"The canal gives no discounts,\" "
     "its administrator, Rafael Ortega Ruiz, said.", "Rafael Ortega Ruiz", "PAN"),
])
def test_its_official_of_a_body_named_by_its_state(nlp, resolver, text, name, actor) -> None:
    assert _persons(nlp, resolver, text)[name].actor == actor


def test_a_body_named_by_a_city_gives_no_state(nlp, resolver) -> None:
    text = ("Ports\n\nKenya and Uganda argued. Uganda said Kenya was wrong.\n\nOn Monday, the Mombasa Port Authority "
            "denied a claim that trucks had been held. \"No truck is held,\" its director, Ann Wambui, said.")
    assert _persons(nlp, resolver, text)["Ann Wambui"].actor is None


def test_an_envoy_after_a_states_statement_voices_it(nlp, resolver) -> None:
    text = ("Veto\n\nRussia vetoed the resolution. China abstained.\n\nThe United States accused Moscow of cynicism. "
            "Deputy ambassador Linda Okoro said Russia had put its own interests first.")
    person = _persons(nlp, resolver, text)["Linda Okoro"]
    assert (person.actor, person.how.endswith("+voices")) == ("USA", True)


def test_an_envoy_after_a_state_that_summons_is_not_its(nlp, resolver) -> None:
    text = ("Row\n\nRussia and Britain argued. Britain said Russia lied.\n\nRussia summoned the envoy on Monday. "
            "Ambassador Linda Okoro said the talks had been frank.")
    assert not _persons(nlp, resolver, text)["Linda Okoro"].how.endswith("+voices")
