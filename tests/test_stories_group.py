"""Stories: reactions from several capitals to one event. Each piece shares the event's days and actors with the
others but few of its words, so each is under the threshold to the others; the one close to two of them on the
same days ties them into one story. The project's own short texts, analysed for real."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from newsgraph.model import Article
from newsgraph.run import WRITE_HOOKS
from newsgraph.store import Store
from newsgraph import stories
from newsgraph.stories import DEFAULT, vectors
from newsgraph.stories.assign import _refresh

NAIROBI = ("Kenya declared three days of national mourning on Monday after Tanzanian President Amani Kilonzo died "
           "when his plane came down near Dodoma. William Ruto said Kenyans shared the grief of their neighbours, "
           "ordered flags at half mast and said he would travel to Dar es Salaam for the funeral. Traders at the "
           "Namanga border post closed their stalls for an hour.")
KAMPALA = ("Uganda sent condolences to Tanzania on Monday over the death of President Amani Kilonzo in the crash "
           "outside Dodoma. Yoweri Museveni called him a brother of the East African Community, and the foreign "
           "ministry in Kampala said a delegation would attend the state funeral. Churches in Kampala held prayers "
           "for the victims of the plane.")
DELHI = ("India's prime minister Narendra Modi voiced sorrow on Tuesday over the death of Tanzanian President "
         "Amani Kilonzo, whose plane crashed near Dodoma. New Delhi will be represented at the funeral by its vice "
         "president, and its envoy spoke with Yoweri Museveni. Modi recalled "
         "the president's visit to Gujarat and the trade in cashews and pulses.")


def article(aid: str, title: str, text: str, day: str) -> Article:
    return Article(id=aid, file=f"{aid}.txt", key=f"{aid}.txt", title=title, outlet=f"Outlet {aid}",
                   published=day, text_hash=aid, text=text)


@pytest.fixture(scope="module")
def analysed(analyzer):
    return list(analyzer.analyze_many([
        article("nairobi", "Kenya mourns Tanzanian leader", NAIROBI, "2024-03-04"),
        article("kampala", "Museveni sends condolences to Dar es Salaam", KAMPALA, "2024-03-05"),
        article("delhi", "Modi voices sorrow over Kilonzo crash", DELHI, "2024-03-06")]))


def stored(where, analysed, settings=DEFAULT) -> tuple[Store, dict[str, str]]:
    """The three written in order, clustered with `settings`; and {name: story id}. `where`: a folder for a
    SQLite file, or a store URL."""
    store = Store(where / f"g{settings.group_floor}.db" if hasattr(where, "joinpath") else where)
    for a in analysed:
        assert store.write(a, WRITE_HOOKS) == "added"
    stories.rebuild(store, settings)   # oldest first: the same order
    of = {a.article.file.split(".")[0]: stories.story_of(store, a.article.id) for a in analysed}
    assert all(of.values())
    return store, of


def test_stories_reactions_from_three_capitals_are_one_story(store_url, analysed):
    """On both backends (the fold is plain SQL: upserts from a SELECT)."""
    store, of = stored(store_url, analysed)
    with store:
        assert len(set(of.values())) == 1
        row = stories.list_stories(store)[0]
        assert row["articles"] == 3 and row["outlets"] == 3
        assert row["first_date"] == "2024-03-04" and row["last_date"] == "2024-03-06"
        assert store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 1


def test_stories_without_the_group_rule_each_reaction_is_alone(tmp_path, analysed):
    """The rule is what ties them (the first test would pass vacuously if the pieces were alike enough)."""
    store, of = stored(tmp_path, analysed, replace(DEFAULT, group_floor=0.0))
    store.close()
    assert len(set(of.values())) == 3


def test_stories_one_near_story_is_not_enough(tmp_path, analysed):
    """The second piece is close to the first alone: it opens a story (two stories of the same days about the
    same countries must not be joined by this rule)."""
    store, of = stored(tmp_path, analysed[:2])
    store.close()
    assert of["nairobi"] != of["kampala"]


def test_stories_a_folded_story_keeps_its_sums_and_counts(tmp_path, analysed):
    """After the fold, the story's sums are those of its members and its counts those of a recount; taking a
    member out leaves the others in one story."""
    store, of = stored(tmp_path, analysed)
    with store:
        sid = of["delhi"]
        (blob,) = store.conn.execute("SELECT vector FROM story_vectors WHERE story_id = ?", (sid,)).fetchone()
        total = vectors.unpack(blob)
        members = vectors.empty()
        for (v,) in store.conn.execute("SELECT vector FROM story_members WHERE story_id = ?", (sid,)):
            members = vectors.add(members, vectors.unpack(v))
        for kind in vectors.KINDS:
            assert np.array_equal(total[kind][0], members[kind][0]) and total[kind][2] == members[kind][2]
            assert np.allclose(total[kind][1], members[kind][1], atol=1e-5)
        columns = "title, first_date, last_date, articles, copies, outlets, top_actors"
        kept = store.conn.execute(f"SELECT {columns} FROM stories WHERE id = ?", (sid,)).fetchone()
        with store.atomic() as conn:
            _refresh(conn, sid)
        assert tuple(store.conn.execute(f"SELECT {columns} FROM stories WHERE id = ?", (sid,)).fetchone()) \
            == tuple(kept)
        keys = {r[0] for r in store.conn.execute("SELECT DISTINCT story_id FROM story_keys")}
        assert keys == {sid}
        with store.atomic() as conn:
            stories.unassign(conn, next(a.article.id for a in analysed if a.article.file == "delhi.txt"))
        left = {r[0] for r in store.conn.execute("SELECT story_id FROM articles WHERE story_id IS NOT NULL")}
        assert left == {sid}


def test_stories_unit_scales_a_story_to_one_article():
    """The guard scores one near story against the other as if it were an article: unit blocks, count 1."""
    a = {k: vectors.block({1: 1.0, 4: 2.0}) for k in vectors.KINDS}
    b = {k: vectors.block({1: 3.0, 9: 1.0}) if k == "body" else vectors.empty()[k] for k in vectors.KINDS}
    story = vectors.add(vectors.add(vectors.empty(), a), b)
    one = vectors.unit(story)
    assert one["body"][2] == 1.0 and abs(float(np.dot(one["body"][1], one["body"][1])) - 1.0) < 1e-6
    assert len(one["persons"][0]) == 2 and one["persons"][2] == 1.0
    assert len(vectors.unit(vectors.empty())["body"][0]) == 0


def test_stories_a_folded_story_id_still_opens_the_story_that_took_it(store_url, analysed):
    """The first two pieces opened a story each; the third folded one into the other. Both ids open the live
    story (CLI, API, web page), so a saved link keeps working; an id never given stays not found."""
    from newsgraph.errors import NotFoundError
    from newsgraph.web.storypages import story_page

    store, of = stored(store_url, analysed)
    with store:
        live = of["nairobi"]
        opened = {"s-2024-03-04-nairobi", "s-2024-03-05-kampala"}
        assert live in opened
        for sid in opened:
            assert stories.current_story_id(store, sid) == live
            assert stories.story_detail(store, sid)["id"] == live
            assert len(stories.story_articles(store, sid)) == 3
            assert story_page(store, sid)["story"]["id"] == live
        assert store.conn.execute("SELECT COUNT(*) FROM story_aliases").fetchone()[0] == 1
        with pytest.raises(NotFoundError):
            stories.story_detail(store, "s-2024-03-05-nowhere")
