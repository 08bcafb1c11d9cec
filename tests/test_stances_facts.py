"""Stance facts from reported speech, clause by clause: invented sentences through the real pipeline and store."""
from __future__ import annotations

import pytest

from newsgraph.stances import StanceHook
from newsgraph.stances.facts import article_facts
from newsgraph.stances.phrases import clause_signs
from newsgraph.store import Store
from tests.conftest import make_article


def _facts(analyzer, tmp_path, text: str) -> list:
    article = make_article(text, published="2024-03-04")
    with Store(str(tmp_path / "f.db")) as store:
        store.write(analyzer.analyze(article), (StanceHook(),))
        return article_facts(store.conn, article.id)


def _signs(facts, kind="quote") -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for f in facts:
        if f.kind == kind:
            out[(f.source, f.target)] = out.get((f.source, f.target), 0.0) + f.weight
    return out


def test_clause_signs_keep_each_actor_to_its_clause():
    text = "He said the raid was a flagrant violation and urged Norway to stop, while Chile praised the talks."
    spots = [(text.index("Norway"), text.index("Norway") + 6), (text.index("Chile"), text.index("Chile") + 5)]
    assert clause_signs(text, (8, 44), spots) == [-1.0, 0.0]   # Chile's praise is Chile's clause, not about it
    # both kinds in one clause: the nearest word decides
    text = "She said the arrest was a violation of the law and expressed solidarity with Peru."
    at = text.index("Peru")
    assert clause_signs(text, (9, len(text)), [(at, at + 4)]) == [1.0]
    # "and that" opens a second reported clause
    text = "It said the bloc stood by Latvia and that pressure from Cuba was unacceptable."
    la, cu = text.index("Latvia"), text.index("Cuba")
    assert clause_signs(text, (8, len(text)), [(la, la + 6), (cu, cu + 4)]) == [1.0, -1.0]
    # a second verb of the same speaker opens its own clause ("... work together and condemned X's attacks")
    text = "He said Peru and Chile would work together for peace and condemned the attacks by Bolivia."
    pe, bo = text.index("Peru"), text.index("Bolivia")
    assert clause_signs(text, (8, len(text)), [(pe, pe + 4), (bo, bo + 7)]) == [0.0, -1.0]
    # VADER's negative words count only inside the reported words, not in the reporter's frame
    text = "After the flood killed dozens in Laos, Thailand said it was sending food."
    at = text.index("Laos")
    assert clause_signs(text, (text.index("it was"), len(text)), [(at, at + 4)]) == [0.0]


@pytest.mark.parametrize("text, pair, sign", [
    # the condemned actor is named in the frame after the speaker, not inside the quoted words
    ("Egypt's foreign ministry said the raid was a \"blatant violation\" and urged Israel to halt the escalation.",
     ("EGY", "ISR"), -1),
    # mixed words in one reported clause: each actor takes its own clause's sign
    ("The European Commission said on Monday that the EU stood by Estonia and that Chinese pressure on a member "
     "state was unacceptable.", ("EU", "CHN"), -1),
    ("Brazil's foreign ministry said the action was a clear violation of the Vienna Convention and expressed its "
     "solidarity with the Mexican government.", ("BRA", "MEX"), 1),
])
def test_reported_speech_names_the_target_outside_the_quote(analyzer, tmp_path, text, pair, sign):
    signs = _signs(_facts(analyzer, tmp_path, text))
    assert pair in signs and signs[pair] * sign > 0, signs


def test_a_request_does_not_silence_the_words_around_it(analyzer, tmp_path):
    # "called on" is a REQUEST (no sign): the condemning reported words of the same sentence still count
    text = ("Secretary-General Jasem Albudaiwi of the Gulf Cooperation Council said it was a violation of Iraq's "
            "international commitments and called on Baghdad to keep the agreement in force.")
    facts = _facts(analyzer, tmp_path, text)
    assert any(f.target == "IRQ" and f.weight < 0 for f in facts), facts


def test_the_speakers_title_is_not_a_target(analyzer, tmp_path):
    # "ambassador to Japan" names the speaker's post; the condemning words are about Russia
    text = "The British ambassador to Japan, John Smith, said Russia's attack was \"a flagrant violation\"."
    signs = _signs(_facts(analyzer, tmp_path, text))
    assert ("GBR", "JPN") not in signs, signs


def test_frame_words_reach_forward_and_not_far():
    # a support word after a possessive is the possessor's own stance ("Pyongyang's support of the war")
    text = "He said Russia was arming Laos in return for Pyongyang's support of its campaign."
    at = text.index("Pyongyang")
    assert clause_signs(text, (8, len(text)), [(at, at + 9)]) == [0.0]
    # in the frame, a stance word after the mention is not the speaker's toward it ...
    text = "It said its ties with Fiji were \"not directed at anyone\" and should suffer no interference."
    at = text.index("Fiji")
    assert clause_signs(text, (text.index('"') + 1, text.rindex('"')), [(at, at + 4)]) == [0.0]
    # ... nor is a quoted word far before it, across another predicate
    text = ("It condemned the \"aggressive\" actions and reaffirmed that the 1951 defence treaty covers armed attacks "
            "on vessels of the Peruvian navy")
    at = text.index("Peruvian")
    assert clause_signs(text, (text.index('"') + 1, text.rindex('"')), [(at, at + 8)]) == [0.0]


def test_negation_and_the_speakers_own_frame():
    text = 'The minister wrote to Paula to say that the presence of Chile was "no longer welcome".'
    at = text.index("Chile")
    assert clause_signs(text, (text.index('"') + 1, text.rindex('"')), [(at, at + 5)]) == [-1.0]
    # the words before the speaker are the reporter's scene, not the speaker's frame
    text = 'Speaking in Rome, where he signed a cooperation treaty, Macron said Chile was "serious".'
    at = text.index("Chile")
    assert clause_signs(text, (text.index('"') + 1, text.rindex('"')), [(at, at + 5)],
                        frame=text.index("Macron")) == [0.0]
    # "come back" is not "back" a country
    assert clause_signs("the Chileans will come back to us", (0, 33), [(4, 12)]) == [0.0]


def test_negation_reaches_the_stance_word_only():
    from newsgraph.stances.phrases import stance_words

    def sign(text):
        return [s for _, s in stance_words(text, (0, 0))]
    assert sign("Rwanda suspended its development cooperation with Peru") == [-1.0]
    assert sign("Chile was choosing to escalate instead of cooperating with the agency") == [-1.0]
    assert sign("Chile will not accept interference from anyone") == [-1.0]   # not accepting it still condemns
    assert sign("the cut was coordinated with Peru") == [1.0]
    assert sign("speaking about Peru was freedom of expression, not interference") == []   # no praise either


def test_a_place_is_not_a_target_and_the_nearer_actor_keeps_its_word(analyzer, tmp_path):
    text = ("Foreign Minister Penny Wong said Russia's strikes were \"a flagrant violation of international law\", "
            "speaking to reporters in Jakarta.")
    signs = _signs(_facts(analyzer, tmp_path, text))
    assert ("AUS", "RUS") in signs and ("AUS", "IDN") not in signs, signs
    text = ("Cambodia's envoy sent a letter to the UN Security Council requesting a meeting \"to stop Thailand's "
            "aggression\".")
    signs = _signs(_facts(analyzer, tmp_path, text))
    assert signs.get(("KHM", "THA"), 0) < 0 and ("KHM", "UN") not in signs, signs


def test_alignment_verbs_between_two_actors(analyzer, tmp_path):
    from newsgraph.stances.phrases import phrase_between
    assert phrase_between(' "stands with the people of the ', False) == 1
    assert phrase_between(" sided with ", False) == 1
    assert phrase_between(" expressed its full solidarity with the ", False) == 1
    assert phrase_between(" F-16 jets flew a patrol alongside ", False) == 1
    # another subject's verb: "A condemned the strike and expressed solidarity with B" is not A's
    assert phrase_between(" strike and expressed solidarity with ", False) == 0
    assert phrase_between(" said on Monday that ", False) == 0
    # a partial quote the quotes stage may leave without a speaker still aligns its subject with the object
    facts = _facts(analyzer, tmp_path, 'Officials said in a statement that Norway "stands with the people of '
                                       'Chile in this difficult time".')
    assert any((f.source, f.target, f.kind) == ("NOR", "CHL", "phrase") and f.weight > 0 for f in facts), facts
