"""A parenthetical "he said" inside the clause it reports ("Nasser, he said, had been ..."): the pronoun is the
speaker named before, not the person spoken about (the project's own sentences, the real model)."""
from __future__ import annotations

from tests.conftest import make_article


def _speakers(analyzer, text: str) -> dict[str, str | None]:
    [analysis] = list(analyzer.analyze_many([make_article(text)]))
    return {q.text: q.speaker for q in analysis.quotes}


def test_parenthetical_speaker_is_not_the_one_spoken_about(analyzer) -> None:
    text = ("Foreign ministry spokesman Karim Haddad rejected the criticism on Monday. Omar Nasser, he said, had "
            "been a criminal responsible for many deaths, and a foreign passport gave nobody \u201cimmunity for "
            "crimes\u201d.")
    assert _speakers(analyzer, text)["immunity for crimes"] == "Karim Haddad"


def test_a_pronoun_after_its_own_name_still_speaks(analyzer) -> None:
    text = ("Karim Haddad met reporters on Monday. Omar Nasser arrived later and he said the talks had given "
            "nobody \u201cany reason for hope\u201d.")
    assert _speakers(analyzer, text)["any reason for hope"] == "Omar Nasser"
