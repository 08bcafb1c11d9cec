"""Compare: one story side by side. Real spaCy analyses, real SQLite files, the real CLI."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.compare import TermCountHook, compare_articles, compare_story, load_outlets, rebuild_prior
from newsgraph.compare.groups import group_of, url_country
from newsgraph.compare.prior import doc_counts, prior_counts
from newsgraph.compare.terms import log_odds
from newsgraph.compare.text import defined_names, find_term, term_counts
from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.run import WRITE_HOOKS
from newsgraph.store import Store
from tests.conftest import EXAMPLES, make_article

TANKER = ["10_tehran_dispatch_tanker_seized.txt", "11_gulf_meridian_tanker_seizure.txt",
          "12_northern_wire_tanker_standoff.txt"]
TEHRAN, MERIDIAN, WIRE = "Tehran Evening Dispatch", "Gulf Meridian", "Northern Wire"


def analyse_into(analyzer, store: Store, paths) -> dict[str, str]:
    """Analyse and store (with the run's write hooks); returns file -> article id."""
    articles = [a for a in iter_articles([str(p) for p in paths]) if isinstance(a, Article)]
    ids = {}
    for result in analyzer.analyze_many(articles):
        assert isinstance(result, Analysis), result
        store.write(result, WRITE_HOOKS)
        ids[result.article.file] = result.article.id
    return ids


@pytest.fixture(scope="module")
def examples_db(analyzer, tmp_path_factory):
    path = tmp_path_factory.mktemp("compare") / "examples.db"
    with Store(path) as store:
        ids = analyse_into(analyzer, store, [EXAMPLES])
    return path, ids


@pytest.fixture(scope="module")
def tanker(examples_db):
    path, ids = examples_db
    with Store(path) as store:
        return compare_articles(store, [ids[f] for f in TANKER]), path, ids


# --- terms, the prior, the method --------------------------------------------------------------------------------

def test_terms_words_phrases_names_and_abbreviations():
    text = ("The Council of Foreign Ministers met in Jammu and Kashmir. Ministers of Peru and Chile's envoy said "
            "the Northern Highlands Authority (NHA) would act; the NHA's water plan stalled.")
    counts = term_counts(text)
    assert counts["Council of Foreign Ministers"] == 1 and counts["Jammu and Kashmir"] == 1
    assert counts["Northern Highlands Authority"] == 1 and counts["NHA"] == 2
    assert counts["water plan"] == 1 and counts["water"] == 1
    assert "nha" not in counts and "the" not in counts       # abbreviations are names; function words no terms
    assert "council foreign" not in counts                    # a function word between two words: no phrase
    dated = term_counts("On Wednesday the envoys met; talks resume Friday, officials said on Thursday.")
    assert not {"wednesday", "friday", "thursday"} & set(dated)
    assert dated["talks resume"] == 1 and "resume friday" not in dated   # a weekday also breaks a phrase
    assert "Peru and Chile" not in counts or counts["Peru and Chile"] == 1
    assert defined_names(text) == [("NHA", "Northern Highlands Authority", text.index("(NHA)") + 1)]
    [(start, end)] = find_term(text, "water plan")
    assert text[start:end] == "water plan"


def test_log_odds_follows_monroe_et_al():
    counts = {"a": Counter({"x": 8, "y": 2}), "b": Counter({"x": 2, "y": 8})}
    prior, total = {"x": 10, "y": 10}, 20
    z = log_odds(counts, prior, total)
    assert z["a"]["x"] > 0 > z["a"]["y"] and z["a"]["x"] == pytest.approx(-z["b"]["x"])
    # by hand: a0 = 20 (story size), a_w = 20 * (10 + 1) / (20 + 2) = 10
    import math
    a_w, a0 = 10.0, 20.0
    delta = math.log((8 + a_w) / (10 + a0 - 8 - a_w)) - math.log((2 + a_w) / (10 + a0 - 2 - a_w))
    assert z["a"]["x"] == pytest.approx(delta / math.sqrt(1 / (8 + a_w) + 1 / (2 + a_w)))
    # two sides that use a term alike give it no weight, whatever the prior
    same = log_odds({"a": Counter({"x": 5, "y": 5}), "b": Counter({"x": 5, "y": 5})}, {"x": 900, "y": 10}, 910)
    assert same["a"]["x"] == pytest.approx(0.0) and same["b"]["y"] == pytest.approx(0.0)
    # with no store-wide counts yet, the story is its own prior
    assert log_odds(counts, {}, 0) == log_odds(counts, {"x": 10, "y": 10}, 20)


def test_store_wide_counts_follow_added_and_replaced_articles(tmp_path):
    first = make_article("Envoys praised the treaty. The treaty was signed in Lima.", file="a.txt")
    second = make_article("The summit ended without a treaty.", file="b.txt")
    with Store(tmp_path / "t.db") as store:
        for art in (first, second):
            store.write(Analysis(article=art), (TermCountHook(),))
        counts, total = prior_counts(store.conn, ["treaty", "summit", "envoys"])
        assert counts == {"treaty": 3, "summit": 1, "envoys": 1}
        assert total == sum(term_counts(first.text).values()) + sum(term_counts(second.text).values())
        changed = make_article("Envoys rejected the summit plan.", file="a.txt")   # same key, new text
        assert store.write(Analysis(article=changed), (TermCountHook(),)) == "replaced"
        counts, total = prior_counts(store.conn, ["treaty", "summit", "envoys", "summit plan"])
        assert counts == {"treaty": 1, "summit": 2, "envoys": 1, "summit plan": 1}
        assert set(doc_counts(store.conn, [first.id, second.id, changed.id])) == {second.id, changed.id}
        kept = {r["term"]: r["n"] for r in store.conn.execute("SELECT term, n FROM compare_terms")}
        with store.atomic() as conn:
            assert rebuild_prior(conn) == 2
        assert {r["term"]: r["n"] for r in store.conn.execute("SELECT term, n FROM compare_terms")} == kept


# --- sides ---------------------------------------------------------------------------------------------------------

def test_country_from_url_domain_and_outlets_file(tmp_path):
    assert url_country("https://www.example.com.pk/news/1") == "PAK"
    assert url_country("https://news.example.co.uk/a") == "GBR"
    assert url_country("https://example.com/a") is None and url_country("https://example.io/a") is None
    yaml_file = tmp_path / "outlets.yaml"
    yaml_file.write_text("Daily Star: Bangladesh\nThe Ledger: {country: AUS, domain: ledger.example}\n")
    table = load_outlets(yaml_file)
    assert group_of({"outlet": "Daily Star"}, "country", table) == "BGD"
    assert group_of({"outlet": "x", "url": "https://www.ledger.example/p"}, "country", table) == "AUS"
    assert group_of({"outlet": "x", "url": "https://a.example.pk/p"}, "country", table) == "PAK"
    assert group_of({"outlet": "x"}, "country", table) == "unknown"
    csv_file = tmp_path / "outlets.csv"
    csv_file.write_text("outlet,country\nDaily Star,BGD\n")
    assert load_outlets(csv_file) == {"daily star": "BGD"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("Daily Star: Atlantis\n")
    with pytest.raises(ConfigError, match="bad.yaml.*Atlantis"):
        load_outlets(bad)


# --- the project's own sample story ------------------------------------------------------------------------------

def _text(path: Path, ids: dict[str, str], aid: str) -> str:
    with Store(path) as store:
        return store.conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()["text"]


def test_sample_story_facts_true_with_their_sentences(tanker):
    result, path, ids = tanker
    assert result["groups"] == [MERIDIAN, WIRE, TEHRAN]
    facts = {f["id"]: f for f in result["facts"]}
    assert set(facts["ARE REQUEST IRN"]["groups"]) >= {MERIDIAN, TEHRAN}          # the demand for the release
    assert facts["SAU SUPPORT ARE"]["only"] == MERIDIAN                         # Riyadh's backing: one outlet
    assert facts["IRN ACCUSE USA"]["only"] == TEHRAN                            # blaming Washington: one outlet
    assert any(f["source"] == "OMN" and f["only"] == WIRE for f in result["facts"])   # the mediation offer
    assert facts["IRN ACCUSE USA"]["by_group"][TEHRAN]["place"] == "buried"
    for fact in result["facts"]:
        for side in fact["by_group"].values():
            for ev in side["evidence"]:
                text = _text(path, ids, ev["article_id"])
                assert text[ev["start"]:ev["end"]] == ev["sentence"]
                assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger"]


def test_sample_story_voices_names_terms(tanker):
    result, path, ids = tanker
    voices = result["voices"]["by_group"]
    assert {s["actor"] for s in voices[TEHRAN]["speakers"]} == {"IRN"}          # only Iran speaks there
    assert "ARE" in voices[MERIDIAN]["actors_heard"] and "IRN" not in voices[MERIDIAN]["actors_heard"]
    assert {"IRN", "OMN"} <= set(voices[WIRE]["actors_heard"])
    for side in voices.values():
        for s in side["speakers"]:
            for ev in s["evidence"]:
                assert _text(path, ids, ev["article_id"])[ev["start"]:ev["end"]] == ev["text"]
    [gulf] = [n for n in result["terms"]["names"] if n["referent"] == "Gulf"]
    assert gulf["own"][TEHRAN] == ["Persian Gulf"] and gulf["own"][MERIDIAN] == ["Arabian Gulf"]
    for forms in gulf["forms"].values():
        for form in forms:
            for ev in form["evidence"]:
                assert _text(path, ids, ev["article_id"])[ev["start"]:ev["end"]] == form["form"]
    terms = result["terms"]["by_group"]
    assert "Persian Gulf" in [t["term"] for t in terms[TEHRAN][:5]]
    assert "Arabian Gulf" in [t["term"] for t in terms[MERIDIAN][:5]]
    assert result["terms"]["prior"] == "store"
    for side in terms.values():
        for t in side:
            for ev in t["evidence"]:
                assert _text(path, ids, ev["article_id"])[ev["start"]:ev["end"]].lower() == t["term"].lower()
    summary = result["summary"]
    assert "Arabian Gulf" in summary[MERIDIAN]["text"] and "Persian Gulf" in summary[TEHRAN]["text"]
    assert "quotes only Iran" in summary[TEHRAN]["text"]
    assert set(result) >= {"outlets", "facts", "voices", "terms", "tone", "summary"}


def test_sample_story_by_country_and_copies(examples_db, tmp_path):
    path, ids = examples_db
    outlets = tmp_path / "outlets.yaml"
    outlets.write_text(f"{TEHRAN}: Iran\n{MERIDIAN}: United Arab Emirates\n{WIRE}: GBR\n")
    with Store(path) as store:
        result = compare_articles(store, [ids[f] for f in TANKER], by="country", outlets=load_outlets(outlets))
        assert result["groups"] == ["ARE", "GBR", "IRN"]
        plain = compare_articles(store, [ids[f] for f in TANKER], by="country")     # .example domains: no country
        assert plain["groups"] == ["unknown"]
        # the same text under the same outlet twice (as the stories stage marks a copy) counts once
        lng = ids["08_gulf_meridian_lng_deal.txt"]
        base = compare_articles(store, [ids[f] for f in TANKER])
        with store.atomic() as conn:
            conn.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (ids[TANKER[1]], lng))
        try:
            result = compare_articles(store, [*[ids[f] for f in TANKER], lng])
        finally:
            with store.atomic() as conn:
                conn.execute("UPDATE articles SET copy_of = NULL WHERE id = ?", (lng,))
        meridian = next(o for o in result["outlets"] if o["name"] == MERIDIAN)
        assert meridian["copies_left_out"] == [lng] and meridian["articles"] == 1
        assert [f["id"] for f in result["facts"]] == [f["id"] for f in base["facts"]]
        with pytest.raises(ConfigError):
            compare_articles(store, [lng], by="planet")
        with pytest.raises(NotFoundError):
            compare_articles(store, ["no-such-article"])


def test_cli_compare_story_formats_and_errors(examples_db, tmp_path):
    path, ids = examples_db
    with Store(path) as store:
        story = store.conn.execute("SELECT story_id FROM articles WHERE id = ?", (ids[TANKER[1]],)).fetchone()[0]
    runner = CliRunner()
    out = runner.invoke(main, ["compare", story, "--db", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["story"] == story and MERIDIAN in data["groups"]
    assert set(data) >= {"outlets", "facts", "voices", "terms", "tone", "summary"}
    md = runner.invoke(main, ["compare", story, "--db", str(path), "--format", "markdown"])
    assert md.exit_code == 0 and "## Facts" in md.stdout and f"| {MERIDIAN} |" in md.stdout
    table = runner.invoke(main, ["compare", "--articles", ",".join(ids[f] for f in TANKER), "--db", str(path)])
    assert table.exit_code == 0 and "Names for one referent" in table.stdout
    bad = runner.invoke(main, ["compare", "no-such-story", "--db", str(path)])
    assert bad.exit_code == 1 and "no-such-story" in bad.output and "Traceback" not in bad.output
    (tmp_path / "o.yaml").write_text("- just a list\n")
    bad = runner.invoke(main, ["compare", story, "--db", str(path), "--by", "country", "--outlets",
                               str(tmp_path / "o.yaml")])
    assert bad.exit_code == 1 and "o.yaml" in bad.output and len(bad.output.strip().splitlines()) == 1


# --- the seed articles (../shared), given outlets ------------------------------------------------------------------

def test_seeds_story_of_the_oic_demand(analyzer, shared, tmp_path):
    outlets = ["NewsX", "The Nation", "Times Now"]   # the outlets of the three seeds, in file order (corpus README)
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    feed = tmp_path / "seeds.jsonl"
    feed.write_text("".join(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": o}) + "\n"
                            for p, o in zip(seeds, outlets)), encoding="utf-8")
    with Store(tmp_path / "seeds.db") as store:
        analyse_into(analyzer, store, [feed])
        story = store.conn.execute("SELECT story_id FROM articles WHERE outlet = 'NewsX'").fetchone()[0]
        result = compare_story(store, story)
    assert {"NewsX", "The Nation"} <= set(result["groups"])
    shared_facts = [f for f in result["facts"] if {"NewsX", "The Nation"} <= set(f["groups"])]
    assert any(f["source"] == "PAK" and f["target"] == "OIC" for f in shared_facts)
    nation_terms = [t["term"] for t in result["terms"]["by_group"]["The Nation"]]
    assert any("Occupied Kashmir" in t for t in nation_terms), nation_terms
    kashmir = [n for n in result["terms"]["names"] if n["referent"] == "Kashmir"]
    assert kashmir and any("Occupied" in f for f in kashmir[0]["own"]["The Nation"])
    voices = result["voices"]["by_group"]
    assert {"MDV", "PAK"} <= set(voices["NewsX"]["actors_heard"])     # the rebuttal and Pakistan's own words
    assert voices["The Nation"]["quotes"] == 0                         # an editorial: its own voice only


def test_compare_same_on_sqlite_and_postgresql(analyzer, store_url):
    with Store(store_url) as store:
        ids = analyse_into(analyzer, store, [EXAMPLES / f for f in TANKER])
        result = compare_articles(store, list(ids.values()))
        again = analyse_into(analyzer, store, [EXAMPLES / f for f in TANKER])   # unchanged: counts stay
        assert compare_articles(store, list(again.values()))["terms"] == result["terms"]
    assert result["groups"] == [MERIDIAN, WIRE, TEHRAN] and result["terms"]["prior"] == "store"
    assert next(f for f in result["facts"] if f["id"] == "SAU SUPPORT ARE")["only"] == MERIDIAN
    [gulf] = [n for n in result["terms"]["names"] if n["referent"] == "Gulf"]
    assert gulf["own"][TEHRAN] == ["Persian Gulf"]


def test_bench_reports_compare_cost(analyzer):
    from newsgraph.compare.bench import bench_compare

    articles = [a for a in iter_articles([str(EXAMPLES / f) for f in TANKER]) if isinstance(a, Article)]
    sample = [r for r in analyzer.analyze_many(articles) if isinstance(r, Analysis)]
    [line] = bench_compare(sample, articles=30, outlets=3, repeat=1)
    assert line.startswith("compare: story of 30 articles, 3 outlets") and "ms CPU per article written" in line
