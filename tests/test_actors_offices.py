"""Person resolution's last resort: the dated office-holders dictionary (newsgraph/actors/officeholders.py) gives a
person the text names without a state; in office on the article's date, or former, never a guess between namesakes."""
from __future__ import annotations

import pytest

from newsgraph.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(nlp)


def _person(resolver, nlp, text, published):
    actors = resolver(nlp(text), published=published)
    return {p.name: (p.actor, p.role, p.sector, p.how) for p in actors.persons}


def test_actors_office_holder_in_office_on_the_date(resolver, nlp):
    got = _person(resolver, nlp, "Angela Merkel criticised the court reform on Monday.", "2015-03-01")
    assert got["Angela Merkel"][:3] == ("DEU", "chancellor", "GOV")


def test_actors_office_holder_after_the_term_is_former(resolver, nlp):
    got = _person(resolver, nlp, "Angela Merkel criticised the court reform on Monday.", "2024-03-01")
    assert got["Angela Merkel"][:3] == ("DEU", "former chancellor", "ELI")


def test_actors_text_state_beats_the_dictionary(resolver, nlp):
    # the text says whom the person speaks for: the dictionary is not asked
    got = _person(resolver, nlp, "Norway's envoy Angela Merkel spoke to reporters.", "2015-03-01")
    assert got["Angela Merkel"][0] == "NOR"


def test_actors_unknown_name_gets_no_office(resolver, nlp):
    got = _person(resolver, nlp, "Tamsin Okonkwo-Vale criticised the court reform on Monday.", "2015-03-01")
    assert got["Tamsin Okonkwo-Vale"][0] is None


def test_actors_office_holder_is_not_learnt_as_stated(resolver, nlp):
    from newsgraph.model import is_stated
    actors = resolver(nlp("Angela Merkel criticised the court reform on Monday."), published="2015-03-01")
    assert not any(is_stated(p) for p in actors.persons if p.name == "Angela Merkel")


def test_actors_title_matching_the_office_beats_the_lead_state(resolver, nlp):
    # an undated story told from the visitors' side: the host's prime minister is still of his own state
    text = ("German engineers arrive in Islamabad to repair the dam.\n\nThe engineers were met at the airport. "
            "Prime Minister Imran Khan thanked them for coming.")
    assert _person(resolver, nlp, text, None)["Imran Khan"][0] == "PAK"


def test_actors_title_of_a_state_before_a_name(resolver, nlp):
    text = "President of the Kyrgyz Republic Almazbek Atambayev met President of Mongolia Tsakhiagiin Elbegdorj today."
    got = _person(resolver, nlp, text, "2015-05-01")
    assert got["Almazbek Atambayev"][0] == "KGZ"
    assert got["Tsakhiagiin Elbegdorj"][0] == "MNG"
