"""Quote attribution in real reporting: sentence ends after "on X.", initials in names (own sentences)."""
from __future__ import annotations

from tests.conftest import make_article


def _analysis(analyzer, text: str):
    return analyzer.analyze(make_article(text))


def _quote(analysis, fragment: str):
    hits = [q for q in analysis.quotes if fragment in q.text]
    assert hits, f"no quote with {fragment!r} in {[q.text for q in analysis.quotes]}"
    return hits[0]


def test_platform_x_ends_the_sentence(nlp) -> None:
    doc = nlp('"We stand firm," Minister Ana Ruiz wrote on X. Portugal\'s prime minister, Rui Costa, disagreed.')
    assert [s.text for s in doc.sents][1].startswith("Portugal's")


def test_initial_does_not_split_a_name(nlp) -> None:
    doc = nlp("The talks were led by J. Okafor and the mediator.")
    assert len(list(doc.sents)) == 1


def test_quote_after_a_post_on_x_is_the_next_speaker(analyzer) -> None:
    a = _analysis(analyzer, 'Reactions came fast. "A sad day for the region," Prime Minister Ana Ruiz of Portugal '
                            'wrote on X. Spain\'s foreign minister, Luis Ortega, disagreed: "It is a fair deal," '
                            'he said.')
    assert _quote(a, "fair deal").speaker == "Luis Ortega"


def test_initial_keeps_the_title_and_state(analyzer) -> None:
    a = _analysis(analyzer, "Talks opened in Lagos between the two sides with Ghanaian Trade Minister K. Mensah "
                            "present. \"We want a fair deal,\" Mensah told reporters.")
    person = next(p for p in a.actors.persons if p.name.endswith("Mensah"))
    assert person.actor == "GHA" and person.role == "trade minister"
    assert _quote(a, "fair deal").actor == "GHA"


def test_an_official_of_a_body_named_before_speaks_for_its_state(analyzer) -> None:
    a = _analysis(analyzer, "Chad's mines ministry suspended two gold licences on Monday, according to officials. "
                            "The companies had failed to pay royalties. \"The rules apply to everyone,\" a mines "
                            "ministry official said.")
    assert _quote(a, "rules apply").actor == "TCD"


def test_a_title_for_several_holders_is_the_latest_subject(analyzer) -> None:
    a = _analysis(analyzer, "Peruvian President Ana Quispe criticised her Bolivian counterpart Luis Mamani on "
                            "Monday. Quispe spoke in a radio interview. Asked about Mamani, the conservative leader "
                            "said: \"He has failed his people.\"")
    q = _quote(a, "failed his people")
    assert q.speaker == "Ana Quispe" and q.actor == "PER"


def test_a_spokesman_speaking_later_in_a_capital_is_of_that_state(analyzer) -> None:
    a = _analysis(analyzer, "Quito recalled its ambassador from Lima on Monday. Presidential spokesman Jorge "
                            "Salas rejected the Ecuadorian decision and said President Gabriel Soto would not "
                            "apologise. \"There is nothing to apologise for,\" Salas told reporters in Lima.")
    person = next(p for p in a.actors.persons if p.name == "Jorge Salas")
    assert person.actor == "PER"


def test_a_national_body_official_works_where_the_sentence_places_the_body(analyzer) -> None:
    a = _analysis(analyzer, "Australia flew relief supplies to the islands on Tuesday. Officials at the National "
                            "Emergency Office were short of fuel. Its director, Ana Tupou, said crews had reached "
                            "three villages east of Nuku'alofa.")
    person = next(p for p in a.actors.persons if p.name == "Ana Tupou")
    assert person.actor == "TON"
