"""Actors stage, sixth round: courtesy titles after a title, generic titles, media and ministries as evidence."""
from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver
from tests.conftest import make_article


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
