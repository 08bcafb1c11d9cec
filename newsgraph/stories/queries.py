"""Read and rebuild stories: the library functions behind `newsgraph stories`, `events --by-story`, the story-events
export, the web UI and the Python API. Every function takes a `Store` and returns plain dicts and lists."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.store import Store
from newsgraph.store.backend import SQLITE
from newsgraph.stories.assign import DEFAULT, Settings, assign

Row = dict[str, Any]

STORY_TABLES = ("story_members", "story_vectors", "story_keys", "story_actors", "story_df", "copy_bands",
                "copy_signatures", "story_aliases", "stories")


def _story_row(row: Any) -> Row:
    out = dict(row)
    out["top_actors"] = json.loads(out.get("top_actors") or "[]")
    out.pop("seq", None)
    return out


def list_stories(store: Store, *, actor: str | None = None, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, min_outlets: int | None = None, search: str | None = None,
                 limit: int | None = None) -> list[Row]:
    """Stories, latest first. `actor`: a state or organisation its articles mention; `outlet`: one of its outlets;
    `since`/`until`: its dates overlap the range; `search`: text in the title of the story or of one of its
    articles."""
    clauses: list[tuple[str, Any]] = [
        ("EXISTS (SELECT 1 FROM story_actors x WHERE x.story_id = s.id AND x.code = ? AND x.mentions > 0)", actor),
        ("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = ?)", outlet),
        ("s.last_date >= ?", since), ("s.first_date <= ?", until), ("s.outlets >= ?", min_outlets),
        ("(s.title LIKE ? OR EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.title LIKE ?))",
         f"%{search}%" if search else None)]
    used = [(sql, v) for sql, v in clauses if v is not None]
    params: list[Any] = []
    for sql, v in used:
        params.extend([v] * sql.count("?"))
    where = (" WHERE " + " AND ".join(sql for sql, _ in used)) if used else ""
    sql = (f"SELECT s.id, s.title, s.first_date, s.last_date, s.articles, s.copies, s.outlets, s.top_actors"
           f" FROM stories s{where} ORDER BY COALESCE(s.last_date, '') DESC, s.articles DESC, s.id LIMIT ?")
    return [_story_row(r) for r in store.conn.execute(sql, [*params, limit if limit else -1])]


def current_story_id(store: Store, story_id: str) -> str:
    """The id the story has now: `story_id` itself, or the id of the story it was folded into (so a saved link or
    id keeps working); `story_id` unchanged when neither is known."""
    if store.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
        return story_id
    try:
        row = store.conn.execute("SELECT story_id FROM story_aliases WHERE id = ?", (story_id,)).fetchone()
    except Exception:  # noqa: BLE001 - an older store opened read-only (never migrated) has no aliases
        return story_id
    return row["story_id"] if row else story_id


def _story(store: Store, story_id: str) -> Any:
    row = store.conn.execute("SELECT * FROM stories WHERE id = ?", (current_story_id(store, story_id),)).fetchone()
    if row is None:
        raise NotFoundError(f"no story with id {story_id}")
    return row


def story_articles(store: Store, story_id: str) -> list[str]:
    """The ids of a story's articles, by date.

    Raises:
        NotFoundError: no story has this id.
    """
    story_id = _story(store, story_id)["id"]
    return [r["article_id"] for r in store.conn.execute(
        "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY COALESCE(date, ''), seq", (story_id,))]


def story_detail(store: Store, story_id: str) -> Row:
    """One story: its articles by outlet and date (copies marked), its actors and its events.

    Raises:
        NotFoundError: no story has this id.
    """
    story = _story_row(_story(store, story_id))
    story_id = story["id"]
    arts = [dict(r) for r in store.conn.execute(
        "SELECT a.id, a.outlet, a.published, m.date, a.title, a.url, a.file, a.copy_of, a.copy_containment,"
        " m.score FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?"
        " ORDER BY COALESCE(a.outlet, ''), COALESCE(m.date, ''), m.seq", (story_id,))]
    story["n_articles"] = story.pop("articles")
    story["articles"] = arts
    story["actors"] = [dict(r) for r in store.conn.execute(
        "SELECT x.code, COALESCE(ac.name, x.code) AS name, x.mentions FROM story_actors x LEFT JOIN actors ac"
        " ON ac.code = x.code WHERE x.story_id = ? AND x.mentions > 0 ORDER BY x.mentions DESC, x.code", (story_id,))]
    story["events"] = story_events(store, story_id=story_id)
    return story


def story_events(store: Store, *, story_id: str | None = None, actor: str | None = None,
                 source: str | None = None, target: str | None = None, type: str | None = None,
                 limit: int | None = None) -> list[Row]:
    """One row per distinct (source, type, target) of a story's non-negated events, with its reports.

    A report is an article that gives the event: `reports` counts originals only, and the copies that repeat
    an original's text are listed apart (`copies`), so syndication is not counted twice. `asserted` says whether
    any report gives it as having happened.

    Raises:
        NotFoundError: `story_id` names no story.
    """
    if story_id is not None:
        _story(store, story_id)
    rows = list(_iter_story_events(store, story_id))
    want_type = type.upper() if type else None
    rows = [r for r in rows if (actor is None or actor in (r["source"], r["target"]))
            and (source is None or r["source"] == source) and (target is None or r["target"] == target)
            and (want_type is None or r["type"] == want_type)]
    return rows[:limit] if limit else rows


def _iter_story_events(store: Store, story_id: str | None) -> Iterator[Row]:
    """Story by story, so memory is bounded by the largest story, not by the store."""
    ids = [current_story_id(store, story_id)] if story_id else [
        r["id"] for r in store.conn.execute("SELECT id FROM stories ORDER BY id")]
    for sid in ids:
        groups: dict[tuple, Row] = {}
        for e in store.conn.execute(
                "SELECT e.id, e.source, e.type, e.target, e.modality, e.date, e.sentence, a.id AS article_id,"
                " a.outlet, a.copy_of, m.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id"
                " JOIN story_members m ON m.article_id = a.id WHERE m.story_id = ? AND e.negated = 0"
                " ORDER BY COALESCE(e.date, m.date, ''), m.seq, e.id", (sid,)):
            key = (e["source"], e["type"], e["target"])
            g = groups.setdefault(key, {"story": sid, "source": key[0], "type": key[1], "target": key[2],
                                        "reports": 0, "first_reported": None, "asserted": False, "articles": [],
                                        "outlets": [], "copies": [], "sentences": [], "event_ids": []})
            g["event_ids"].append(e["id"])
            g["asserted"] = g["asserted"] or e["modality"] == "asserted"
            if e["copy_of"] is not None:
                if e["article_id"] not in g["copies"]:
                    g["copies"].append(e["article_id"])
                continue
            if e["article_id"] not in g["articles"]:
                g["articles"].append(e["article_id"])
                g["reports"] += 1
                g["sentences"].append(" ".join(e["sentence"].split()))
            if e["outlet"] and e["outlet"] not in g["outlets"]:
                g["outlets"].append(e["outlet"])
            day = e["date"] or e["article_date"]
            if day and (g["first_reported"] is None or day < g["first_reported"]):
                g["first_reported"] = day
        yield from sorted(groups.values(), key=lambda g: (-g["reports"], g["first_reported"] or "",
                                                          g["source"] or "", g["type"], g["target"] or ""))


def story_of(store: Store, article_id: str) -> str | None:
    row = store.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row["story_id"] if row else None


def rebuild(store: Store, settings: Settings = DEFAULT, *, batch: int = 500) -> Row:
    """Recluster the whole store from scratch, oldest first (published date, else the order of analysis).

    Runs in transactions of `batch` articles; the story tables are emptied in the first one. Returns counts.
    """
    started = time.perf_counter()
    tie = "rowid" if store.backend == SQLITE else "id"   # PostgreSQL has no rowid: ties in analysed_at by id
    ids = [r["id"] for r in store.conn.execute(
        f"SELECT id FROM articles ORDER BY COALESCE(published, '9999'), analysed_at, {tie}")]
    with store.atomic() as conn:
        for table in STORY_TABLES:
            conn.execute(f"DELETE FROM {table}")
        conn.execute("UPDATE articles SET story_id = NULL, copy_of = NULL, copy_containment = NULL")
    for start in range(0, len(ids), batch):
        with store.atomic() as conn:
            for aid in ids[start:start + batch]:
                assign(conn, aid, settings)
    conn = store.conn
    return {"articles": len(ids), "stories": conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0],
            "copies": conn.execute("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL").fetchone()[0],
            "seconds": round(time.perf_counter() - started, 2)}
