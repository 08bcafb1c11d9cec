"""Stories: the project's own articles (tests/data/stories) analysed for real into a real SQLite file."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings as hsettings, strategies as st

from newsgraph.cli import main
from newsgraph.errors import NotFoundError
from newsgraph.model import Article
from newsgraph.run import WRITE_HOOKS
from newsgraph.store import Store
from newsgraph import stories
from newsgraph.stories import features, vectors

DATA = Path(__file__).resolve().parent / "data" / "stories"


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """The test articles analysed once through `newsgraph analyze --jsonl` (the real hooks, the real model)."""
    tmp = tmp_path_factory.mktemp("stories")
    db, out = tmp / "s.db", tmp / "out.jsonl"
    result = cli("analyze", str(DATA), "--db", str(db), "--jsonl", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return db, records


@pytest.fixture()
def store(analysed, tmp_path):
    """A private copy of the analysed store, so a test may change it."""
    copy = tmp_path / "copy.db"
    shutil.copy(analysed[0], copy)
    with Store(copy) as s:
        yield s


def story_of(store: Store) -> dict[str, str]:
    """{file name: story id}."""
    return {Path(r["file"]).name.split(".")[0]: r["story_id"]
            for r in store.conn.execute("SELECT file, story_id FROM articles")}


def groups(store: Store) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for name, sid in story_of(store).items():
        by.setdefault(sid, set()).add(name.split("_")[0])
    return {frozenset(v) for v in by.values()}


def test_stories_group_the_test_articles_as_a_reader_would(store):
    assert groups(store) == {frozenset({"a1", "a2", "a3"}), frozenset({"q1", "q2"}), frozenset({"q3", "q4"}),
                             frozenset({"s1", "s2"}), frozenset({"s3", "s4"}), frozenset({"w1", "w2", "w3"}),
                             frozenset({"x1"}), frozenset({"u1", "u2"})}


def test_stories_same_event_from_three_outlets_is_one_story_with_its_counts(store):
    sid = story_of(store)["a1_andes_daily_lithium"]
    row = stories.list_stories(store, search="lithium")
    assert [r["id"] for r in row] == [sid]
    assert row[0]["articles"] == 3 and row[0]["outlets"] == 3 and row[0]["copies"] == 0
    assert row[0]["first_date"] == "2024-05-14" and row[0]["last_date"] == "2024-05-15"
    assert {"ARG", "CHL"} <= set(row[0]["top_actors"])
    assert row[0]["title"] == "Chile and Argentina sign lithium pact in Santiago"  # the first report's headline


def test_stories_two_earthquakes_and_two_summits_a_year_apart_stay_apart(store):
    s = story_of(store)
    assert s["q1_lima_ledger_quake_2022"] == s["q2_andean_monitor_quake_2022"]
    assert s["q3_lima_ledger_quake_2023"] == s["q4_pacific_times_quake_2023"]
    assert s["q1_lima_ledger_quake_2022"] != s["q3_lima_ledger_quake_2023"]
    assert s["s1_continental_au_summit_2024"] == s["s2_horn_herald_au_summit_2024"]
    assert s["s3_continental_au_summit_2025"] == s["s4_horn_herald_au_summit_2025"]
    assert s["s1_continental_au_summit_2024"] != s["s3_continental_au_summit_2025"]


def test_stories_undated_articles_still_form_a_story_by_their_text(store):
    s = story_of(store)
    assert s["u1_volta_voice_border"] == s["u2_lome_times_border"]
    detail = stories.story_detail(store, s["u1_volta_voice_border"])
    assert detail["first_date"] is None and len(detail["articles"]) == 2


def test_stories_a_syndicated_copy_is_marked_and_its_events_are_not_counted_twice(store):
    ids = {Path(r["file"]).stem: r["id"] for r in store.conn.execute("SELECT file, id FROM articles")}
    wire, copy, own = (ids[k] for k in ("w1_pacific_wire_coastguard", "w2_manila_morning_coastguard_copy",
                                        "w3_tokyo_evening_coastguard"))
    row = store.conn.execute("SELECT copy_of, copy_containment, story_id FROM articles WHERE id = ?", (copy,)).fetchone()
    assert row["copy_of"] == wire and row["copy_containment"] >= 0.8
    assert store.conn.execute("SELECT copy_of FROM articles WHERE id = ?", (own,)).fetchone()[0] is None
    detail = stories.story_detail(store, row["story_id"])
    assert (detail["n_articles"], detail["copies"], detail["outlets"]) == (2, 1, 3)
    events = stories.story_events(store, story_id=row["story_id"])
    assert events, "the coast guard story has events"
    for e in events:
        assert copy not in e["articles"] and e["reports"] == len(e["articles"]) <= 2
        assert "Manila Morning" not in e["outlets"]
    agree = [e for e in events if (e["source"], e["type"], e["target"]) == ("JPN", "AGREE", "PHL")]
    assert agree and agree[0]["reports"] == 2 and agree[0]["copies"] == [copy]
    assert agree[0]["first_reported"] == "2024-06-03"


def test_stories_a_story_of_one_article_is_fine(store):
    sid = story_of(store)["x1_nordic_post_moldova_aid"]
    detail = stories.story_detail(store, sid)
    assert detail["n_articles"] == 1 and detail["outlets"] == 1 and detail["title"].startswith("Norway pledges")
    assert stories.story_articles(store, sid) == [detail["articles"][0]["id"]]
    assert [r["id"] for r in stories.list_stories(store, actor="MDA")] == [sid]


def test_stories_records_of_analyze_and_export_carry_the_story(analysed, tmp_path):
    db, records = analysed
    assert len(records) == 17 and all(r["story"] for r in records)
    copy = next(r for r in records if r["file"].endswith("w2_manila_morning_coastguard_copy.txt"))
    assert copy["copy_of"] and copy["copy_containment"] >= 0.8
    out = tmp_path / "export.jsonl"
    assert cli("export", str(out), "--db", str(db)).exit_code == 0
    exported = {r["file"]: r["story"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert exported == {r["file"]: r["story"] for r in records}


def _snapshot(store: Store) -> tuple:
    return (sorted(tuple(r) for r in store.conn.execute("SELECT * FROM stories")),
            sorted(tuple(r) for r in store.conn.execute("SELECT article_id, story_id, score FROM story_members")),
            sorted(tuple(r) for r in store.conn.execute("SELECT * FROM story_df")))


def test_stories_rerun_adds_nothing(store):
    before = _snapshot(store)
    result = cli("analyze", str(DATA), "--db", store.path)
    assert result.exit_code == 0 and "unchanged 17" in result.output
    assert _snapshot(store) == before


def test_stories_a_replaced_version_moves_to_its_new_story(store, analyzer):
    lithium = story_of(store)["a1_andes_daily_lithium"]
    quake = story_of(store)["q1_lima_ledger_quake_2022"]
    first = Article(id="m1", file="moving.txt", key="moving.txt", title="Lithium commission for Chile and Argentina",
                    outlet="Test Courier", published="2024-05-15", text_hash="m1", text=(
                        "Argentina and Chile will run a joint lithium commission under the accord their foreign "
                        "ministers signed in Santiago on Tuesday. Lucía Ferreyra and Rodrigo Valdés Ortúzar said it "
                        "would set royalties and water use for the border salt flats and share surveys of the Puna."))
    second = Article(id="m2", file="moving.txt", key="moving.txt", title="Quake toll rises in Arequipa",
                     outlet="Test Courier", published="2022-09-12", text_hash="m2", text=(
                         "Peru's Prime Minister Elena Quispe said on Monday that the magnitude 6.6 earthquake in the "
                         "Arequipa region had damaged hundreds of adobe homes in the Colca valley around Chivay, Maca "
                         "and Lari, and that landslides still cut some roads. Four people died in the quake."))
    (a1,) = analyzer.analyze_many([first])
    assert store.write(a1, WRITE_HOOKS) == "added"
    assert stories.story_of(store, "m1") == lithium
    assert stories.story_detail(store, lithium)["n_articles"] == 4
    # the same key, a new text, dated in the quake's week: it leaves the lithium story and joins the quake's
    (a2,) = analyzer.analyze_many([second])
    assert store.write(a2, WRITE_HOOKS) == "replaced"
    assert stories.story_of(store, "m2") == quake
    assert stories.story_detail(store, lithium)["n_articles"] == 3
    assert stories.story_detail(store, quake)["n_articles"] == 3
    assert store.conn.execute("SELECT COUNT(*) FROM story_members WHERE article_id = 'm1'").fetchone()[0] == 0


def test_stories_rebuild_gives_the_incremental_partition(store):
    before = groups(store)
    n_before = store.conn.execute("SELECT df FROM story_df WHERE key = -1").fetchone()[0]
    counts = stories.rebuild(store)
    assert counts["articles"] == 17 and counts["stories"] == 8 and counts["copies"] == 1
    assert groups(store) == before
    assert store.conn.execute("SELECT df FROM story_df WHERE key = -1").fetchone()[0] == n_before


def test_stories_list_filters(store):
    everything = stories.list_stories(store)
    assert len(everything) == 8
    assert [r["last_date"] for r in everything[:2]] == ["2025-02-16", "2024-11-20"]  # latest first
    assert {r["id"] for r in stories.list_stories(store, min_outlets=3)} == {
        story_of(store)["a1_andes_daily_lithium"], story_of(store)["w1_pacific_wire_coastguard"]}
    assert len(stories.list_stories(store, outlet="Horn Herald")) == 2
    assert [r["first_date"] for r in stories.list_stories(store, since="2023-01-01", until="2023-12-31")] == [
        "2023-09-02"]
    assert len(stories.list_stories(store, limit=3)) == 3
    assert stories.list_stories(store, actor="XYZ") == []


def test_stories_unknown_story_is_not_found(store):
    with pytest.raises(NotFoundError):
        stories.story_articles(store, "s-none")
    with pytest.raises(NotFoundError):
        stories.story_detail(store, "s-none")


def test_stories_cli_lists_shows_and_counts_story_events(store, tmp_path):
    listed = json.loads(cli("stories", "--db", store.path, "--format", "json").stdout)
    assert len(listed) == 8
    sid = story_of(store)["w1_pacific_wire_coastguard"]
    shown = json.loads(cli("stories", sid, "--db", store.path, "--format", "json").stdout)
    assert shown["id"] == sid and len(shown["articles"]) == 3 and shown["events"]
    table = cli("stories", sid, "--db", store.path)
    assert "Tokyo Evening" in table.output
    csv_rows = cli("events", "--by-story", "--db", store.path, "--actor", "JPN", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(csv_rows)))
    assert rows and all("JPN" in (r["source"], r["target"]) for r in rows)
    assert all(int(r["reports"]) <= 2 for r in rows)
    out = tmp_path / "se.csv"
    assert cli("export", str(out), "--db", store.path, "--format", "story-events").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("story,source,type,target,reports")


def test_stories_cli_bad_ids_and_databases_are_one_line(tmp_path, store):
    result = CliRunner().invoke(main, ["stories", "s-none", "--db", store.path])
    assert result.exit_code == 1 and result.output.strip() == "Error: no story with id s-none"
    result = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1


def test_stories_a_store_from_before_stories_is_migrated_and_rebuilt(tmp_path, analysed):
    """An old store: the stories columns are there after migration but empty until `stories --rebuild`."""
    copy = tmp_path / "old.db"
    shutil.copy(analysed[0], copy)
    with Store(copy) as s:
        with s.atomic() as conn:
            for table in stories.queries.STORY_TABLES:
                conn.execute(f"DELETE FROM {table}")
            conn.execute("UPDATE articles SET story_id = NULL, copy_of = NULL, copy_containment = NULL")
    result = cli("stories", "--rebuild", "--db", str(copy), "--format", "json")
    assert len(json.loads(result.stdout)) == 8 and "rebuilt: 17 articles in 8 stories" in result.stderr


def test_stories_date_from_text():
    assert features.date_from_text("LONDON, April 4, 2025 (Wire) - Ministers met.") == "2025-04-04"
    assert features.date_from_text("Published 3 March 2021. The talks ...") == "2021-03-03"
    assert features.date_from_text("On 2019-11-30 the council ...") == "2019-11-30"
    assert features.date_from_text("On Wednesday the council met; February 30, 2020 is no date.") is None


@hsettings(max_examples=40, deadline=None)
@given(st.lists(st.dictionaries(st.integers(0, 50), st.floats(0.1, 5.0), min_size=1, max_size=12),
                min_size=1, max_size=6),
       st.dictionaries(st.integers(0, 50), st.floats(0.1, 5.0), min_size=1, max_size=12))
def test_stories_mean_cosine_from_sums_is_average_link(members, article):
    """The story's stored sums give exactly the article's mean cosine to the story's articles; removing an
    article from the sums gives back the sums without it."""
    blocks = [vectors.block(m) for m in members]
    story = vectors.empty()
    for b in blocks:
        story = vectors.add(story, {**vectors.empty(), "body": b})
    a = {**vectors.empty(), "body": vectors.block(article)}
    expected = np.mean([vectors.dot(a["body"], b) for b in blocks])
    got = vectors.mean_cosines(a, vectors.unpack(vectors.pack(story)))["body"]
    assert abs(got - min(1.0, expected)) < 1e-4
    less = vectors.add(story, {**vectors.empty(), "body": blocks[-1]}, -1)
    assert less["body"][2] == len(blocks) - 1


def test_stories_time_term_rewards_same_days_and_fades_with_distance():
    """Two dated articles of the same days need a lower cosine than an undated pair (the time term's boost);
    three weeks apart, the boost is gone; two months apart, nothing joins."""
    from newsgraph.stories.assign import DEFAULT, score
    body = vectors.block({1: 1.0, 2: 1.0})
    a = {**vectors.empty(), "body": body}
    story = vectors.add(vectors.empty(), a)
    undated, same_day = score(a, story, None, DEFAULT), score(a, story, 0.0, DEFAULT)
    assert abs(same_day / undated - (1 + DEFAULT.dated_boost)) < 1e-9
    assert DEFAULT.threshold / (1 + DEFAULT.dated_boost) < DEFAULT.threshold * 0.85
    assert score(a, story, 21.0, DEFAULT) < undated
    assert score(a, story, 60.0, DEFAULT) < DEFAULT.threshold * undated


def test_stories_counts_kept_on_arrival_equal_a_recount_from_the_members(store):
    """Each arrival updates its story's counts, dates, title and top actors in a few indexed reads; the figures
    are those a recount over the story's members gives (the recount removals use)."""
    from newsgraph.stories.assign import _refresh
    columns = "id, title, first_date, last_date, articles, copies, outlets, top_actors"
    kept = [tuple(r) for r in store.conn.execute(f"SELECT {columns} FROM stories ORDER BY id")]
    assert kept and any(r[6] > 1 for r in kept) and any(r[5] for r in kept)   # several outlets; a copy
    with store.atomic() as conn:
        for (story_id,) in conn.execute("SELECT id FROM stories").fetchall():
            _refresh(conn, story_id)
    assert [tuple(r) for r in store.conn.execute(f"SELECT {columns} FROM stories ORDER BY id")] == kept


def test_stories_both_cosines_equal_the_two_separate_measures():
    """Assignment reads the centroid and the average-link cosines from one dot product per block."""
    from newsgraph.stories import vectors

    a = {k: vectors.block({1: 1.0, 5: 2.0}) if k in ("body", "actors") else vectors.empty()[k] for k in vectors.KINDS}
    b = {k: vectors.block({1: 0.5, 7: 1.0}) if k == "body" else vectors.block({5: 1.0}) for k in vectors.KINDS}
    story = vectors.add(vectors.add(vectors.empty(), b), a)
    centroid, mean = vectors.both_cosines(a, story)
    assert centroid == vectors.centroid_cosines(a, story) and mean == vectors.mean_cosines(a, story)
    assert mean["body"] < centroid["body"]   # average link is the stricter one: a sum is closer to each member
