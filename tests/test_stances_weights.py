"""Stance weights of events: a joint act counts once for the pair (half in each direction), and an event the
sentence dates to earlier years is background (invented sentences through the real pipeline and store)."""
from __future__ import annotations

from newsgraph.stances import StanceHook
from newsgraph.stances.facts import BACKGROUND_SCALE, JOINT_SCALE, article_facts, event_weight
from newsgraph.store import Store
from tests.conftest import make_article


def _events(analyzer, tmp_path, text: str) -> dict[tuple[str, str, str], float]:
    article = make_article(text, published="2024-03-04")
    with Store(str(tmp_path / "w.db")) as store:
        store.write(analyzer.analyze(article), (StanceHook(),))
        facts = article_facts(store.conn, article.id)
    return {(f.source, f.target, f.why.split()[0]): f.weight for f in facts if f.kind == "event"}


def test_a_joint_accord_counts_half_each_way(analyzer, tmp_path):
    weights = _events(analyzer, tmp_path, "Chile and Peru signed a fisheries accord in Lima on Monday.")
    full = event_weight("AGREE", "asserted", False, False)
    assert weights[("CHL", "PER", "AGREE")] == weights[("PER", "CHL", "AGREE")] == round(full * JOINT_SCALE, 4)
    # the pair's two directions together weigh one accord, as much as one accusation does
    assert round(weights[("CHL", "PER", "AGREE")] + weights[("PER", "CHL", "AGREE")], 4) == full \
        == abs(event_weight("ACCUSE", "asserted", False, False))


def test_a_one_sided_act_counts_fully(analyzer, tmp_path):
    weights = _events(analyzer, tmp_path, "Chile accused Peru of spying on its navy on Monday.")
    assert weights[("CHL", "PER", "ACCUSE")] == event_weight("ACCUSE", "asserted", False, False)


def test_an_earlier_year_is_background(analyzer, tmp_path):
    now = _events(analyzer, tmp_path, "Chile accused Peru of spying on its navy on Monday.")
    then = _events(analyzer, tmp_path, "Chile accused Peru of spying on its navy in 2019.")
    assert then[("CHL", "PER", "ACCUSE")] == round(now[("CHL", "PER", "ACCUSE")] * BACKGROUND_SCALE, 4)
    # the article's own year is no background
    this_year = _events(analyzer, tmp_path, "Chile accused Peru of spying on its navy in January 2024.")
    assert this_year[("CHL", "PER", "ACCUSE")] == now[("CHL", "PER", "ACCUSE")]


def test_a_number_or_a_named_year_dates_no_act(analyzer, tmp_path):
    now = _events(analyzer, tmp_path, "Chile accused Peru of spying on its navy on Monday.")
    # a figure that looks like a year, and a year naming a thing, leave the act in the present
    troops = _events(analyzer, tmp_path, "Chile accused Peru of sending 2000 troops to the border on Monday.")
    named = _events(analyzer, tmp_path, "Chile accused Peru of breaking the 2019 fisheries accord on Monday.")
    assert troops[("CHL", "PER", "ACCUSE")] == named[("CHL", "PER", "ACCUSE")] == now[("CHL", "PER", "ACCUSE")]
