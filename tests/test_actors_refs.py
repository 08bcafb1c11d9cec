"""Bodies named without their name: "the bloc" is a states' body, never an armed group named before it; security
councils whose full name is one state's own; "its <title>" speaks for the state "its" stands for."""
from __future__ import annotations

from tests.conftest import make_article


def _mention(analysis, text):
    return next(m for m in analysis.actors.mentions if m.text == text)


def test_the_bloc_is_the_organisation_named_before_not_an_armed_group(analyzer) -> None:
    text = ("EU foreign ministers met in Brussels on Monday. They discussed attacks by the Islamic State in Syria. "
            "The bloc said it would extend sanctions on Damascus.")
    assert _mention(analyzer.analyze(make_article(text)), "bloc").code == "EU"


def test_a_security_council_with_a_states_own_name_is_that_states(analyzer) -> None:
    text = ("The National Security and Defence Council imposed sanctions on 50 firms on Friday. Separately, the "
            "Supreme National Security Council said it would respond.")
    analysis = analyzer.analyze(make_article(text))
    assert _mention(analysis, "National Security and Defence Council").code == "UKR"
    assert _mention(analysis, "Supreme National Security Council").code == "IRN"


def test_its_title_speaks_for_the_state_its_stands_for_not_the_host(analyzer) -> None:
    text = ("Cambodia asked the UN Security Council for an emergency meeting, and its permanent representative to "
            "the United Nations accused Thailand of \"unprovoked and premeditated military aggression\".")
    quote = next(q for q in analyzer.analyze(make_article(text)).quotes if "unprovoked" in q.text)
    assert quote.actor == "KHM"


def test_an_aides_to_names_whom_the_aide_serves(analyzer) -> None:
    text = ("The Elysee described the withdrawal as orderly. An adviser to President Emmanuel Macron said France "
            "wanted \"a partnership that has been renewed and that responds to our partners\".")
    quote = next(q for q in analyzer.analyze(make_article(text)).quotes if "partnership" in q.text)
    assert quote.actor == "FRA"


def test_the_ministry_is_the_scenes_ministry_not_the_datelines(analyzer) -> None:
    text = ("DHAKA, Dec 3 (Wire) - Bangladesh summoned India's envoy on Tuesday. Dhaka protested again. Bangladesh "
            "said the breach was grave.\n\nIndia's Ministry of External Affairs called the breach deeply regrettable. "
            "The ministry said it would step up security.")
    analysis = analyzer.analyze(make_article(text))
    ministry = next(m for m in analysis.actors.mentions if m.text == "ministry")
    assert (ministry.code, ministry.how) == ("IND", "institution+again")


def test_a_party_stands_for_its_state_and_its_leader_is_that_states(analyzer) -> None:
    text = ("MADRID, May 20 (Wire) - Spain recalled its ambassador to Buenos Aires on Tuesday. Vox leader Carlos "
            "Medrano Ruiz defended the guest. In Delhi, the Bharatiya Janata Party said it would contest the seat.")
    analysis = analyzer.analyze(make_article(text))
    person = next(p for p in analysis.actors.persons if p.name.endswith("Ruiz"))
    assert (person.actor, person.how) == ("ESP", "title+seat")
    party = _mention(analysis, "Bharatiya Janata Party")
    assert (party.code, party.sector) == ("IND", "PTY")


def test_a_party_name_that_is_a_common_word_needs_its_states_context(analyzer) -> None:
    text = "Vox published a long explainer on the vote. Readers in Ohio and Texas shared it widely."
    assert not any(m.code == "ESP" for m in analyzer.analyze(make_article(text)).actors.mentions)


def test_an_office_named_for_another_place_is_its_governments(analyzer) -> None:
    text = ("In Beijing, a spokesperson for the Taiwan Affairs Office said the drills were \"a necessary step to "
            "defend national sovereignty\".")
    analysis = analyzer.analyze(make_article(text))
    assert _mention(analysis, "Taiwan Affairs Office").code == "CHN"
    quote = next(q for q in analysis.quotes if "necessary step" in q.text)
    assert quote.actor == "CHN"


def test_the_presidential_office_is_the_datelines_state(analyzer) -> None:
    text = ("TAIPEI - China staged war games around Taiwan on Monday. Taiwan said it tracked 153 aircraft.\n\n"
            "\"These provocations threaten peace in the region,\" the presidential office said in a statement.")
    quote = next(q for q in analyzer.analyze(make_article(text)).quotes if "provocations" in q.text)
    assert quote.actor == "TWN"
