"""Tone per article toward each actor and person: signals with their sentences, long articles, the store, the CLI,
and the BASIL dev figure with the shared scorer."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.export import to_record
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Tone, ToneEvidence, tone_label
from newsgraph.parts import Part, merge_parts
from newsgraph.store import Store
from newsgraph.store.queries import article_record
from tests.conftest import make_article

DATA = Path(__file__).parent / "data" / "stances"


def _tone(analysis: Analysis, target: str) -> Tone:
    found = [t for t in analysis.tone if t.target == target]
    assert found, f"no tone toward {target}: {[t.target for t in analysis.tone]}"
    return found[0]


@pytest.fixture(scope="module")
def hostile(analyzer):
    article = next(a for a in iter_articles([str(DATA / "05_hostile_neutral.txt")]))
    return analyzer.analyze(article)


def test_hostile_to_one_actor_neutral_to_another(hostile):
    venezuela, brazil = _tone(hostile, "VEN"), _tone(hostile, "BRA")
    assert venezuela.label == "neg" and venezuela.score < -0.25 and venezuela.kind == "state"
    assert brazil.label == "neu"
    text = hostile.article.text
    assert venezuela.evidence
    for ev in venezuela.evidence:   # every piece of evidence is a sentence of the article, with its reason
        assert text[ev.start:ev.end] == ev.sentence and ev.why
    assert any("ACCUSE" in ev.why or "condemned" in ev.why for ev in venezuela.evidence)


def test_loaded_words_and_predicates_attached_to_a_person(analyzer):
    analysis = analyzer.analyze(make_article(
        "The disgraced former minister Tomas Brandvik arrived in Oslo on Monday. Brandvik falsely claimed that he "
        "had never met the contractors.\n\nFinance minister Karl Berglund presented the budget on Tuesday. "
        "Berglund said the deficit would fall to two percent."))
    brandvik, berglund = _tone(analysis, "Tomas Brandvik"), _tone(analysis, "Karl Berglund")
    assert brandvik.label == "neg" and brandvik.kind == "person" and brandvik.mentions >= 2
    whys = " ".join(ev.why for ev in brandvik.evidence)
    assert "disgraced" in whys and "falsely" in whys
    assert berglund.label == "neu"


def test_praise_received_is_positive(analyzer):
    analysis = analyzer.analyze(make_article(
        "The widely respected diplomat Anna Lindqvist was praised by both delegations on Monday. Delegates hailed "
        "Lindqvist for her patience during the talks."))
    assert _tone(analysis, "Anna Lindqvist").label == "pos"


def test_a_voice_rebutted_counts_against_the_speaker(analyzer):
    analysis = analyzer.analyze(make_article(
        "“The election was stolen,” Senator Mark Hale said on Friday. There is no evidence for the claim, and "
        "courts have rejected it.\n\nGovernor Ruth Amsel said the count would be certified next week."))
    hale, amsel = _tone(analysis, "Mark Hale"), _tone(analysis, "Ruth Amsel")
    assert hale.label == "neg" and any("rebutted" in ev.why for ev in hale.evidence)
    assert amsel.label == "neu"


def test_a_negated_predicate_says_nothing(analyzer):
    analysis = analyzer.analyze(make_article(
        "Prosecutors did not indict the businessman Pavel Orlik on Monday. Orlik returned to Prague on Tuesday."))
    assert _tone(analysis, "Pavel Orlik").label == "neu"


def test_parts_merge_tone_by_mentions_with_shifted_evidence():
    ev = ToneEvidence(0, 10, "0123456789", "modifier 'brutal' -0.70")
    first = Analysis(article=make_article("x"), sentences=((0, 10),),
                     tone=(Tone("AAA", "A", "state", -0.8, "neg", 3, (ev,)), Tone("BBB", "B", "state", 0.1, "neu", 1)))
    second = Analysis(article=make_article("y"), sentences=((0, 10),),
                      tone=(Tone("AAA", "A", "state", 0.4, "pos", 1, (ev,)),))
    merged = merge_parts([Part(first, 0, 0, 0, 5), Part(second, 100, 5, 1, 5)])
    a = next(t for t in merged.tone if t.target == "AAA")
    assert a.mentions == 4 and a.score == pytest.approx((-0.8 * 3 + 0.4) / 4, abs=1e-3)
    assert a.label == tone_label(a.score) == "neg"
    assert sorted(e.start for e in a.evidence) == [0, 100]
    assert [t.target for t in merged.tone] == ["AAA", "BBB"]


def test_long_article_keeps_one_tone_per_target(analyzer):
    paragraph = ("Guyana accused Venezuela of seizing a fishing boat. The embattled government in Caracas denied "
                 "it. Brazil hosted the talks on Wednesday.\n")
    analysis = analyzer.analyze(make_article(paragraph * 190))   # over 20,000 characters: analysed in parts
    assert len(analysis.article.text) > 20_000
    targets = [t.target for t in analysis.tone]
    assert len(targets) == len(set(targets)) and "VEN" in targets
    venezuela = _tone(analysis, "VEN")
    assert venezuela.label == "neg" and venezuela.mentions >= 190
    assert any(ev.start > 20_000 or ev.start < 20_000 for ev in venezuela.evidence)
    for ev in venezuela.evidence:
        assert analysis.article.text[ev.start:ev.end] == ev.sentence


def test_tone_is_stored_exported_and_shown(hostile, tmp_path):
    db = tmp_path / "tone.db"
    with Store(db) as store:
        store.write(hostile)
        stored = article_record(store, hostile.article.id)["tone"]
    exported = json.loads(json.dumps(to_record(hostile)["tone"]))   # as JSON Lines carries it
    assert stored == exported and stored
    assert {"target", "name", "kind", "score", "label", "mentions", "evidence"} <= set(stored[0])
    assert set(stored[0]["evidence"][0]) == {"start", "end", "sentence", "why"}
    runner = CliRunner()
    shown = runner.invoke(main, ["articles", hostile.article.id, "--db", str(db), "--format", "csv"])
    assert shown.exit_code == 0 and "VEN,Venezuela,state,neg" in shown.output
    record = json.loads(runner.invoke(main, ["articles", hostile.article.id, "--db", str(db), "--format",
                                             "json"]).output)
    assert record["tone"] == stored
    missing = runner.invoke(main, ["articles", "nosuchid", "--db", str(db)])
    assert missing.exit_code == 1 and "Traceback" not in missing.output and "nosuchid" in missing.output


def test_basil_dev_tone_with_the_shared_scorer(shared, analyzer, tmp_path):
    """Dev figures on BASIL (annotators' author feeling toward each article's main entities): macro-F1 and the
    negative class above the all-neutral (0.29) and VADER (0.32) baselines."""
    corpus = shared / "corpus" / "basil_dev"
    out = tmp_path / "basil.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for analysis in analyzer.analyze_many(a for a in iter_articles([str(corpus / "texts")])
                                              if not hasattr(a, "reason")):
            f.write(json.dumps(to_record(replace(analysis, article=replace(analysis.article, text=""))),
                               ensure_ascii=False) + "\n")
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_tone.py"), str(corpus / "gold.jsonl"),
                             str(out), "--min-macro", "0.40"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    neg_f1 = float(result.stdout.split("neg_f1=")[1].split()[0])
    assert neg_f1 >= 0.35, result.stdout


def test_one_word_is_one_fact(analyzer):
    """'accused' is both a predicate on its object and an ACCUSE event: it counts once."""
    analysis = analyzer.analyze(make_article("Chile accused Peru of violating the fishing accord on Monday."))
    whys = [why for ev in _tone(analysis, "PER").evidence for why in ev.why.split("; ")]
    assert sum("accused" in why for why in whys) == 1


def test_hostility_from_one_portrayed_badly_does_not_count_against_its_target(analyzer):
    analysis = analyzer.analyze(make_article(
        "Russian forces shelled a Georgian border village on Monday, killing four civilians. Russian troops also "
        "attacked a police post. Russia accused Georgia of provoking the attack."))
    russia, georgia = _tone(analysis, "RUS"), _tone(analysis, "GEO")
    assert russia.label == "neg" and georgia.label != "neg"
    assert any("portrayed badly" in ev.why for ev in georgia.evidence)


def test_giving_aid_is_read_from_the_verb_and_its_object(analyzer):
    """No AID event needed: 'sent ... medical supplies'; conjoined subjects and 'pledged to deliver' count too,
    'could offer' only half."""
    sent = analyzer.analyze(make_article(
        "Canada has sent a disaster response team and medical supplies, the foreign ministry said on Tuesday."))
    assert any("gives aid" in ev.why for ev in _tone(sent, "CAN").evidence)
    pledged = analyzer.analyze(make_article("Ireland and Denmark pledged to deliver humanitarian aid within days."))
    assert _tone(pledged, "IRL").label == _tone(pledged, "DNK").label == "pos"
    maybe = analyzer.analyze(make_article("Sweden could offer funding for relief later this year."))
    assert 0 < _tone(maybe, "SWE").score < _tone(pledged, "IRL").score


def test_hostility_received_weighs_less_than_hostility_shown():
    from newsgraph.tone.score import RECEIVED, ToneScorer, _Signal, _Target

    shown, received = _Target("A", "A", "state"), _Target("B", "B", "state")
    shown.signals.append(_Signal(-0.5, 0, "source of ASSAULT", 1))
    received.signals.append(_Signal(-0.5, 0, "target of ACCUSE", 2, None, True))
    a, b = (ToneScorer._tone(t, [], {}) for t in (shown, received))
    assert RECEIVED < 1 and a.score < b.score < 0


def test_what_the_targets_acts_are_called(analyzer):
    analysis = analyzer.analyze(make_article(
        "Norway achieved a historic breakthrough in the talks. Chile made a costly blunder at the summit."))
    assert _tone(analysis, "NOR").label == "pos" and _tone(analysis, "CHL").label == "neg"
    mediated = analyzer.analyze(make_article("Qatar quietly mediated a prisoner exchange on Sunday."))
    assert any("mediated" in ev.why for ev in _tone(mediated, "QAT").evidence)


def test_the_authors_adverb_on_the_targets_act(analyzer):
    analysis = analyzer.analyze(make_article(
        "Peru acted wisely during the dispute. Bolivia recklessly escalated the row on Monday."))
    assert _tone(analysis, "PER").label == "pos" and _tone(analysis, "BOL").label == "neg"


def test_conjoined_parties_share_an_events_role(analyzer):
    analysis = analyzer.analyze(make_article("Japan and South Korea signed a fisheries accord with Vietnam on Monday."))
    for code in ("JPN", "KOR"):
        assert any("signed" in ev.why for ev in _tone(analysis, code).evidence)


def test_signing_a_pact_is_read_from_the_verb_and_its_object(analyzer):
    pact = analyzer.analyze(make_article("Peru signed the new trade accord on Monday."))
    assert any("makes a pact" in ev.why for ev in _tone(pact, "PER").evidence)
    order = analyzer.analyze(make_article("Peru signed an executive order on fuel prices on Monday."))
    assert not any("makes a pact" in ev.why for t in order.tone for ev in t.evidence)


def test_the_targets_acts_named_by_its_possessive_and_claims_against_it(analyzer):
    acts = analyzer.analyze(make_article(
        "Chile's repeated failures at the talks angered its neighbours. Peru's generosity was plain to see."))
    assert any("failures" in ev.why for ev in _tone(acts, "CHL").evidence)
    assert _tone(acts, "PER").score > 0
    claims = analyzer.analyze(make_article("The allegations against Senator Tom Varga multiplied on Friday."))
    assert _tone(claims, "Tom Varga").label == "neg"


def test_a_relative_clause_is_said_of_its_antecedent(analyzer):
    analysis = analyzer.analyze(make_article(
        "Senator Ola Hemmer, who falsely claimed the vote was rigged, spoke on Monday."))
    assert any("falsely" in ev.why for ev in _tone(analysis, "Ola Hemmer").evidence)


def test_what_the_target_or_its_act_earns(analyzer):
    earned = analyzer.analyze(make_article(
        "Uruguay's patient diplomacy won praise from its neighbours. Paraguay drew condemnation for the raid."))
    assert any("won praise" in ev.why for ev in _tone(earned, "URY").evidence)
    assert any("drew condemnation" in ev.why for ev in _tone(earned, "PRY").evidence)
    defended = analyzer.analyze(make_article("Senator Ola Hemmer defended his criticism of the budget on Monday."))
    assert not any("criticism" in ev.why for t in defended.tone for ev in t.evidence)


def test_backing_another_party_not_a_policy(analyzer):
    backs = analyzer.analyze(make_article(
        "Senator Ola Hemmer conveyed the party's firm support for the people of Chile on Monday."))
    assert any("backs" in ev.why for ev in _tone(backs, "Ola Hemmer").evidence)
    policy = analyzer.analyze(make_article("Senator Ola Hemmer expressed support for a new tax on sugar on Monday."))
    assert not any("backs" in ev.why for t in policy.tone for ev in t.evidence)


def test_how_an_act_is_done_and_a_dismissal(analyzer):
    rash = analyzer.analyze(make_article("Senator Ola Hemmer quit the coalition in an impulsive move on Friday."))
    assert any("impulsive" in ev.why for ev in _tone(rash, "Ola Hemmer").evidence)
    sacked = analyzer.analyze(make_article("The governor sacked police chief Ivo Brandt on Tuesday."))
    assert _tone(sacked, "Ivo Brandt").score < 0


def test_an_emergency_tariff_is_not_aid(analyzer):
    tariffs = analyzer.analyze(make_article("Peru announced emergency tariffs on Chilean steel on Monday."))
    assert not any("gives aid" in ev.why for t in tariffs.tone for ev in t.evidence)


def test_a_phrase_on_the_mention_and_loaded_words_on_its_acts(analyzer):
    rash = analyzer.analyze(make_article(
        "Senator Ola Hemmer, in a reckless move that stunned his allies, left the coalition on Friday."))
    assert any("reckless" in ev.why for ev in _tone(rash, "Ola Hemmer").evidence)
    loaded = analyzer.analyze(make_article("Governor Ivo Brandt's contested re-election divided the province."))
    assert any("contested" in ev.why for ev in _tone(loaded, "Ivo Brandt").evidence)
    marched = analyzer.analyze(make_article(
        "Thousands joined protests against Governor Ivo Brandt's pension plan on Saturday."))
    assert any("against" in ev.why for ev in _tone(marched, "Ivo Brandt").evidence)


def test_what_an_act_earns_in_a_participle_and_what_one_faces(analyzer):
    drew = analyzer.analyze(make_article(
        "Senator Ola Hemmer met the rebel commander on Friday, drawing criticism from his own party."))
    assert any("drawing criticism" in ev.why for ev in _tone(drew, "Ola Hemmer").evidence)
    faces = analyzer.analyze(make_article("Governor Ivo Brandt faces mounting pressure over the budget cuts."))
    assert any("faces pressure" in ev.why for ev in _tone(faces, "Ivo Brandt").evidence)


def test_the_one_head_of_a_state_answers_for_what_is_done_to_it(analyzer):
    analysis = analyzer.analyze(make_article(
        "Argentina imposed sweeping sanctions on Uruguay on Monday. Uruguay's President Tomas Ferreira said the "
        "talks would go on."))
    assert any("to its state" in ev.why for ev in _tone(analysis, "Tomas Ferreira").evidence)


def test_anothers_act_in_the_targets_predicate_is_not_the_targets(analyzer):
    analysis = analyzer.analyze(make_article(
        "Peru ordered tariffs on Monday in retaliation for Chile's refusal to reopen the border."))
    assert not any("... refusal" in ev.why for ev in _tone(analysis, "PER").evidence)
    assert any("its 'refusal'" in ev.why for ev in _tone(analysis, "CHL").evidence)


def test_a_hyphenated_loaded_word_is_read_whole(analyzer):
    analysis = analyzer.analyze(make_article("The far-right outsider Ivo Brandt toured the province on Monday."))
    assert any("far-right" in ev.why for ev in _tone(analysis, "Ivo Brandt").evidence)


def test_an_armed_group_coded_as_its_state_is_scored_apart_from_it(analyzer):
    analysis = analyzer.analyze(make_article(
        "Hezbollah fired dozens of rockets at northern Israel on Monday. Lebanon's government said it was not "
        "consulted."))
    group = _tone(analysis, "LBNREB")
    assert group.name == "Hezbollah" and group.kind == "org"
    assert any("ASSAULT" in ev.why for ev in group.evidence)
    assert not any("ASSAULT" in ev.why for t in analysis.tone if t.target == "LBN" for ev in t.evidence)


def test_blame_in_anothers_quote_counts_and_praise_does_not(analyzer):
    analysis = analyzer.analyze(make_article(
        "\"Chile has been a wonderful, generous and trusted friend,\" Senator Ola Hemmer said on Monday.\n\n"
        "\"Peru has lied, cheated and betrayed us,\" Chilean Senator Ivo Brandt said on Tuesday."))
    assert not any("named in a quote" in ev.why for t in analysis.tone if t.target == "CHL" for ev in t.evidence)
    assert any("named in a quote" in ev.why for ev in _tone(analysis, "PER").evidence)


def test_misconduct_named_as_the_targets_act_and_anothers_act_is_not(analyzer):
    misuse = analyzer.analyze(make_article(
        "Auditors corrected Governor Ivo Brandt on Monday over his misuse of the regional fund."))
    whys = " ".join(ev.why for ev in _tone(misuse, "Ivo Brandt").evidence)
    assert "misuse" in whys and "corrected" in whys
    other = analyzer.analyze(make_article("Senator Ola Hemmer declined to discuss Russian meddling on Monday."))
    assert not any("meddling" in ev.why for ev in _tone(other, "Ola Hemmer").evidence)


def test_a_demonym_on_an_act_names_its_author(analyzer):
    analysis = analyzer.analyze(make_article("The Chilean blunder cost the talks a whole week."))
    assert any("blunder" in ev.why for ev in _tone(analysis, "CHL").evidence)


def test_ones_own_side_named_in_ones_words_is_no_judgement_of_it(analyzer):
    analysis = analyzer.analyze(make_article(
        "\"Uruguay has suffered terrible, cruel losses,\" Uruguay's President Tomas Ferreira said on Monday."))
    assert not any("named in a quote" in ev.why for t in analysis.tone if t.target == "URY" for ev in t.evidence)


def test_force_against_an_armed_group_is_no_reproach_and_the_group_no_victim(analyzer):
    analysis = analyzer.analyze(make_article(
        "Israeli jets struck Hezbollah positions in southern Lebanon on Monday, the army said. The strikes destroyed "
        "several rocket launchers."))
    israel, group = _tone(analysis, "ISR"), _tone(analysis, "LBNREB")
    whys = " ".join(ev.why for ev in israel.evidence)
    assert "ASSAULT" in whys and "on an armed group" in whys and israel.score > -0.3
    assert not any("target of ASSAULT" in ev.why for ev in group.evidence)


def test_an_armed_group_is_named_by_a_mention_that_heads_a_noun_phrase(analyzer):
    analysis = analyzer.analyze(make_article(
        "Houthi fighters fired two missiles at a cargo ship in the Red Sea on Tuesday. The Houthis said the ship was "
        "linked to Israel."))
    assert _tone(analysis, "YEMREB").name == "Houthis"


def test_what_anothers_reported_words_say_of_a_target_is_a_claim(analyzer):
    said = _tone(analyzer.analyze(make_article(
        "Opposition leader Karl Berglund said on Monday that Finance Minister Tomas Brandvik had lied to parliament "
        "about the budget.")), "Tomas Brandvik")
    told = _tone(analyzer.analyze(make_article(
        "Finance Minister Tomas Brandvik lied to parliament about the budget on Monday, the record shows.")),
        "Tomas Brandvik")
    assert "subject of 'lied' -0.80" in " ".join(ev.why for ev in told.evidence)
    assert "subject of 'lied' -0.32" in " ".join(ev.why for ev in said.evidence)   # half, then as one received
    assert said.score > told.score


def test_what_is_done_to_a_state_portrayed_well_is_not_held_against_its_head(analyzer):
    analysis = analyzer.analyze(make_article(
        "Finland sent a rescue team and pledged funding to flood-hit Slovenia on Sunday. Russia expelled Finland's "
        "ambassador on Monday. Finnish President Alexander Stubb said Helsinki would not be intimidated."))
    assert any("SANCTION" in ev.why for ev in _tone(analysis, "FIN").evidence)
    assert not any("to its state" in ev.why for ev in _tone(analysis, "Alexander Stubb").evidence)


def test_what_one_calls_anothers_act_does_not_frame_ones_own(analyzer):
    called = analyzer.analyze(make_article("China called Japan's release of the water a reckless act on Thursday."))
    assert not any("reckless" in ev.why for ev in _tone(called, "CHN").evidence)
    made = analyzer.analyze(make_article("Japan made a reckless move on Thursday, releasing the water into the sea."))
    assert any("reckless" in ev.why for ev in _tone(made, "JPN").evidence)


def test_a_reproach_in_words_by_no_one_named_weighs_less_than_one_by_an_actor_or_an_act(analyzer):
    def whys(text: str) -> str:
        return " ".join(ev.why for ev in _tone(analyzer.analyze(make_article(text)), "Tomas Brandvik").evidence)
    assert "object of 'accused' -0.20" in whys("Critics accused Tomas Brandvik of wasting public money on the stadium.")
    assert "object of 'accused' -0.40" in whys(
        "Opposition leader Karl Berglund accused Finance Minister Tomas Brandvik of wasting public money on the stadium.")
    assert "object of 'arrested' -0.40" in whys("Police arrested Finance Minister Tomas Brandvik on Monday.")


def test_who_levels_accusations_or_refuses_is_shown_combative(analyzer):
    def whys(text: str) -> str:
        return " ".join(ev.why for ev in _tone(analyzer.analyze(make_article(text)), "Karl Berglund").evidence)
    # the lexicon's weight, not VADER's faint one (-0.06): as who blames is shown
    assert "subject of 'accused' -0.20" in whys(
        "Opposition leader Karl Berglund accused the finance minister of wasting public money on the stadium.")
    assert "subject of 'refused' -0.30" in whys("Opposition leader Karl Berglund refused to apologise on Monday.")


def test_agreeing_is_the_sources_act_not_the_one_agreed_withs(analyzer):
    analysis = analyzer.analyze(make_article("Bolivia agreed to Chile's demand to reopen the border crossing."))
    assert "source of AGREE ('agreed') +0.25" in " ".join(ev.why for ev in _tone(analysis, "BOL").evidence)
    assert "target of AGREE ('agreed') +0.20" in " ".join(ev.why for ev in _tone(analysis, "CHL").evidence)
    assert _tone(analysis, "CHL").label == "neu"


def test_a_rebuttal_word_in_quotation_marks_is_words_cited_not_the_authors():
    from newsgraph.tone.lexicon import load_lexicon
    from newsgraph.tone.score import _rebutted

    rebuttal = load_lexicon().rebuttal
    assert _rebutted('" he said, falsely.', rebuttal)   # the quote's own closing mark is no opening one
    assert _rebutted(". There is no evidence for the claim.", rebuttal)
    assert not _rebutted('. He urged the Gulf states to stop repeating "unfounded claims".', rebuttal)
    assert not _rebutted(". He called the report \u201cbaseless\u201d.", rebuttal)


def test_the_speaker_who_cites_a_rebuttal_word_is_not_rebutted(analyzer):
    analysis = analyzer.analyze(make_article(
        "Foreign ministry spokesman Omar Haddad said the islands had always belonged to his country. He urged "
        "neighbouring states to stop repeating \"unfounded claims\" about them."))
    assert not any("rebutted" in ev.why for ev in _tone(analysis, "Omar Haddad").evidence)


def test_a_verb_in_the_speakers_tense_hung_on_what_is_reported_is_the_speakers(analyzer):
    analysis = analyzer.analyze(make_article(
        "Foreign ministry spokeswoman Irina Volkova said the sanctions would hurt Europe more than Russia and "
        "accused Brussels of \"economic suicide\"."))
    assert "subject of 'accused'" in " ".join(ev.why for ev in _tone(analysis, "Irina Volkova").evidence)


def test_ones_own_accusations_are_no_part_of_ones_standing():
    """An accusation is weighed by who makes it: accusing someone the article does not score ('accused the
    militia') does not lower the accuser's standing, which decides how its own hostility is weighed."""
    from newsgraph.tone.signals import _Signal, _standing, _Target

    accuser = _Target("A", "A", "state")
    accuser.signals.append(_Signal(-0.2, 0, "subject of 'accused'", 5, reproach=True))
    accuser.signals.append(_Signal(-0.3, 0, "subject of 'refused'", 9))
    assert _standing({"A": accuser})["A"] == pytest.approx(math.tanh(-0.3))
