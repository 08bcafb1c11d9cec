"""Stories: an undated article against the dated stories of a stream. It has no time term of its own, so it is read
as of the days of each story with published dates it is compared with (`Settings.undated_gap`); pairs where neither
side has a published date keep no time term. The project's own short texts, analysed for real."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.model import Article
from newsgraph.run import WRITE_HOOKS
from newsgraph.store import Store
from newsgraph import stories
from newsgraph.stories import DEFAULT

PORT = ("Dockworkers at the port of Valmora walked out on Monday over a new shift system, leaving forty container "
        "ships waiting at anchor. The Valmoran Dockers Union said the strike would last until the port authority "
        "withdrew the rota. Exporters of citrus and olive oil warned that their cargoes would spoil within days.")
PORT_2 = ("The strike at the port of Valmora entered its second day on Tuesday, with container ships still waiting "
          "at anchor and the Valmoran Dockers Union refusing talks until the new shift rota is withdrawn. The port "
          "authority said exporters of citrus would be compensated for spoiled cargoes.")
REACTION = ("Farmers in the hills above Valmora said their citrus harvest was rotting in warehouses because no ship "
            "could load at the port. One grower said he had thrown away two tonnes of oranges this week and asked "
            "the government to end the dispute with the dockers before the olive season.")


def article(aid: str, title: str, text: str, day: str | None) -> Article:
    return Article(id=aid, file=f"{aid}.txt", key=f"{aid}.txt", title=title, outlet=f"Outlet {aid}",
                   published=day, text_hash=aid, text=text)


@pytest.fixture(scope="module")
def analysed(analyzer):
    return list(analyzer.analyze_many([
        article("strike", "Valmora dockers strike over shift rota", PORT, "2024-06-03"),
        article("second", "Valmora port strike enters second day", PORT_2, "2024-06-04"),
        article("growers", "Citrus growers count their losses", REACTION, None)]))


def clustered(tmp_path, analysed, settings, dated: bool = True) -> tuple[dict[str, str], float | None]:
    """The three written and rebuilt (the undated piece comes last); {name: story id} and the undated piece's
    stored score. `dated=False` takes the published dates off the first two as well."""
    items = analysed if dated else [replace(a, article=replace(a.article, published=None)) for a in analysed]
    store = Store(tmp_path / f"u{len(list(tmp_path.glob('*.db')))}.db")
    with store:
        for a in items:
            assert store.write(a, WRITE_HOOKS) == "added"
        stories.rebuild(store, settings)
        of = {a.article.file.split(".")[0]: stories.story_of(store, a.article.id) for a in items}
        (score,) = store.conn.execute("SELECT score FROM story_members WHERE article_id = 'growers'").fetchone()
    return of, score


def raw_score(tmp_path, analysed, dated: bool = True) -> float:
    """The undated piece's score to the port story with no time term at all (threshold 0, so it joins)."""
    of, score = clustered(tmp_path, analysed, replace(DEFAULT, threshold=0.0, undated_gap=None), dated)
    assert of["growers"] == of["strike"] and score is not None
    return score


def test_stories_an_undated_report_close_to_a_dated_story_joins_it(tmp_path, analysed):
    """A threshold just above its score without a time term: read as of the story's days (x1.22) it joins; with
    no time term, as before, it stays alone. The two dated reports are one story either way."""
    raw = raw_score(tmp_path, analysed)
    settings = replace(DEFAULT, threshold=raw * 1.1)
    of, score = clustered(tmp_path, analysed, settings)
    assert of["strike"] == of["second"] == of["growers"]
    assert score == pytest.approx(raw * (1.0 + DEFAULT.dated_boost), abs=2e-4)
    of, _ = clustered(tmp_path, analysed, replace(settings, undated_gap=None))
    assert of["strike"] == of["second"] != of["growers"]


def test_stories_an_undated_report_and_an_undated_story_keep_no_time_term(tmp_path, analysed):
    """When no article of the story has a published date, the pair is undated on both sides: no boost, so
    similar undated events (a corpus with no dates at all) are not drawn together by this rule."""
    raw = raw_score(tmp_path, analysed, dated=False)
    of, score = clustered(tmp_path, analysed, replace(DEFAULT, threshold=0.0), dated=False)
    assert score == pytest.approx(raw, abs=1e-6)
    of, _ = clustered(tmp_path, analysed, replace(DEFAULT, threshold=raw * 1.1), dated=False)
    assert of["growers"] != of["strike"]


@pytest.fixture(scope="module")
def text_dated(analyzer, analysed):
    """The growers' piece with a date line but no published date: dated only from its text."""
    (piece,) = analyzer.analyze_many([article("growers", "Citrus growers count their losses",
                                              "VALMORA, June 5, 2024 (Wire) - " + REACTION, None)])
    return [*analysed[:2], piece]


def test_stories_a_report_dated_only_from_its_text_is_read_as_undated(tmp_path, text_dated):
    """Text dates off (the default): its date is shown but not trusted in the time term, so against the dated
    port story it gets the undated article's factor, and none at all with undated_gap None."""
    base = replace(DEFAULT, threshold=0.0)
    of, raw = clustered(tmp_path, text_dated, replace(base, undated_gap=None))
    assert of["growers"] == of["strike"]
    with Store(tmp_path / "dates.db") as store:
        assert store.write(text_dated[2], WRITE_HOOKS) == "added"
        (how,) = store.conn.execute("SELECT date_from FROM story_members WHERE article_id = 'growers'").fetchone()
    assert how == "text"
    of, score = clustered(tmp_path, text_dated, base)
    assert of["growers"] == of["strike"]
    assert score == pytest.approx(raw * (1.0 + DEFAULT.dated_boost), abs=2e-4)
