"""What the story pages show: the stories list, and one story with its articles by outlet and date, a timeline,
its events and the outlet comparison (`newsgraph.compare.compare_story`, when that stage is installed).

Stories are read from the stories stage's tables (`stories`, `articles.story_id`), which that stage keeps up to
date as articles are written; the list is keyset-paginated on (last date, id).
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.store import Store
from newsgraph.stories import current_story_id
from newsgraph.web import svg
from newsgraph.web.pages import PAGE, _filters, _keyset, _page, _where, events_page

try:  # the compare stage lands separately; a story page shows its articles and events without it
    import newsgraph.compare as compare
    import newsgraph.stories  # noqa: F401 - compare_story needs it; imported here (seconds: scikit-learn) so
                              # the server pays at start, not the first reader of a story page
except ImportError:  # pragma: no cover - depends on what is installed
    compare = None  # type: ignore[assignment]

Row = dict[str, Any]


def available() -> bool:
    """Whether this newsgraph has the stories stage (its migration defines the stories table)."""
    from newsgraph.store.schema import MIGRATIONS

    return any("CREATE TABLE stories" in (m if isinstance(m, str) else m.get("sqlite", "")) for m in MIGRATIONS)


def _has_stories(store: Store) -> bool:
    try:
        store.conn.execute("SELECT id FROM stories WHERE 1 = 0").fetchall()
        return True
    except Exception:  # noqa: BLE001 - an older store (opened read-only, never migrated) has no stories
        return False


def _story_row(row: Any) -> Row:
    story = dict(row)
    try:
        story["top_actors"] = json.loads(story.get("top_actors") or "[]")
    except ValueError:
        story["top_actors"] = []
    return story


def home_stories(store: Store) -> dict[str, list[Row]]:
    """The latest stories and the largest ones (by outlets, then articles)."""
    if not _has_stories(store):
        return {"latest": [], "largest": []}
    cols = "id, title, first_date, last_date, articles, copies, outlets, top_actors"
    latest = [_story_row(r) for r in store.conn.execute(
        f"SELECT {cols} FROM stories WHERE articles > 0 ORDER BY last_date DESC NULLS LAST, seq DESC LIMIT 8")]
    largest = [_story_row(r) for r in store.conn.execute(
        f"SELECT {cols} FROM stories WHERE articles > 0 ORDER BY outlets DESC, articles DESC, id LIMIT 8")]
    return {"latest": latest, "largest": largest}


def stories_page(store: Store, *, actor: str | None = None, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, min_outlets: int | None = None, search: str | None = None,
                 after: str | None = None, limit: int = PAGE) -> Row:
    """Stories, latest first, filtered by an actor among their main actors, an outlet, dates, outlet count."""
    filters = {"actor": actor, "outlet": outlet, "since": since, "until": until, "min_outlets": min_outlets,
               "q": search}
    if not _has_stories(store):
        return {"stories": [], "next": None, "filters": filters}
    clauses, params = _filters([
        ("s.articles > 0", True), ("s.last_date >= ?", since), ("s.first_date <= ?", until),
        ("s.outlets >= ?", min_outlets),
        ("s.id IN (SELECT story_id FROM story_actors WHERE code = ?)", actor),
        ("s.id IN (SELECT story_id FROM articles WHERE outlet = ?)", outlet),
        ("LOWER(s.title) LIKE ?", f"%{search.lower()}%" if search else None)])
    ks, kp = _keyset("s.last_date", "s.id", after, numeric=False)
    if ks:
        clauses.append(ks)
        params.extend(kp)
    rows = [_story_row(r) for r in store.conn.execute(
        "SELECT s.id, s.title, s.first_date, s.last_date, s.articles, s.copies, s.outlets, s.top_actors"
        " FROM stories s" + _where(clauses) + " ORDER BY s.last_date DESC NULLS LAST, s.id DESC LIMIT ?",
        [*params, limit + 1])]
    rows, nxt = _page(rows, limit, "last_date")
    return {"stories": rows, "next": nxt, "filters": filters}


def story_page(store: Store, story_id: str) -> Row:
    """One story: articles by outlet and date, a timeline of articles per outlet, events, the comparison.

    Raises:
        NotFoundError: no story has this id.
    """
    asked = story_id
    if _has_stories(store):
        story_id = current_story_id(store, story_id)   # a story folded into another opens that one
    row = store.conn.execute("SELECT id, title, first_date, last_date, articles, copies, outlets, top_actors"
                             " FROM stories WHERE id = ?", (story_id,)).fetchone() if _has_stories(store) else None
    if row is None:
        raise NotFoundError(f"no story with id {asked}")
    story = _story_row(row)
    articles = [dict(r) for r in store.conn.execute(
        "SELECT id, title, outlet, url, published, copy_of FROM articles WHERE story_id = ?"
        " ORDER BY published, outlet, id LIMIT 500", (story_id,))]
    by_outlet: dict[str, list[Row]] = defaultdict(list)
    per_day: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for a in articles:
        by_outlet[a["outlet"] or "(no outlet)"].append(a)
        per_day[a["published"] or "undated"][a["outlet"] or "(no outlet)"] += 1
    outlets = sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o))
    timeline = svg.bar_chart([{"period": d, "parts": [(o, per_day[d].get(o, 0)) for o in outlets]}
                              for d in sorted(per_day)])
    comparison = None
    if compare is not None and hasattr(compare, "compare_story"):
        try:
            comparison = compare.compare_story(store, story_id, by="outlet")
        except NotFoundError:  # a story the stories stage has not indexed (its members are missing)
            comparison = None
    from newsgraph.web.actors import network_page

    return {"story": story, "outlets": [{"outlet": o, "articles": by_outlet[o]} for o in outlets],
            "timeline": timeline, "comparison": comparison, "network": network_page(store, story=story_id),
            "events": events_page(store, story=story_id, limit=40)["events"]}
