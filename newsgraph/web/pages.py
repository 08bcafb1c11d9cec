"""What each corpus page shows (home, articles, article, event, quote, events, quotes, search), as plain dicts.

One function per page; the routes render them with a template or return them as JSON. Lists are keyset-paginated
(`after` is the cursor the previous page returned as `next`), so a deep page costs what the first one does.
SQL is portable (SQLite and PostgreSQL): `?` placeholders, no SQLite-only functions.
"""
from __future__ import annotations

from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.store import Store
from newsgraph.store import search as fts
from newsgraph.store.queries import explain_event, summary
from newsgraph.web.text import Mark, paragraphs

Row = dict[str, Any]
PAGE = 50
QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _one(store: Store, sql: str, params: tuple[Any, ...] = ()) -> Any:
    row = store.conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _cursor(after: str | None) -> tuple[str, str] | None:
    """A keyset cursor "value~id"; an empty value stands for NULL (listed last)."""
    if not after or "~" not in after:
        return None
    value, _, key = after.rpartition("~")
    return value, key


def _keyset(column: str, key: str, after: str | None, *, numeric: bool) -> tuple[str, list[Any]]:
    """WHERE text for rows after the cursor in `column DESC NULLS LAST, key DESC` order."""
    cur = _cursor(after)
    if cur is None:
        return "", []
    value, last = cur
    last_key: Any = int(last) if numeric and last.lstrip("-").isdigit() else last
    if value == "":
        return f"({column} IS NULL AND {key} < ?)", [last_key]
    return f"({column} < ? OR ({column} = ? AND {key} < ?) OR {column} IS NULL)", [value, value, last_key]


def _desc(store: Store) -> str:
    """DESC with NULLs last on every backend: SQLite's default (spelling it out would stop it using the index
    order), not PostgreSQL's."""
    return "DESC NULLS LAST" if getattr(store, "backend", "sqlite") == "postgresql" else "DESC"


def _page(rows: list[Row], limit: int, column: str, key: str = "id") -> tuple[list[Row], str | None]:
    """Rows of one page and the cursor of the next (None on the last page); `rows` holds limit + 1."""
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], f"{last[column] or ''}~{last[key]}"


def _filters(pairs: list[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    used = [(sql, v) for sql, v in pairs if v not in (None, "")]
    params: list[Any] = []
    for sql, v in used:
        params.extend([v] * sql.count("?"))
    return [sql for sql, _ in used], params


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def overview(store: Store, *, stories: list[Row] | None = None) -> Row:
    """The corpus at a glance: counts, dates, outlets, latest articles."""
    conn = store.conn
    counts = summary(store)  # from the counts kept in each article's transaction, not COUNT(*) over events
    first, last = conn.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    outlets = [dict(r) for r in conn.execute(
        "SELECT outlet, articles, events, quotes FROM outlet_counts WHERE outlet != '' AND articles > 0"
        " ORDER BY articles DESC, outlet LIMIT 25")]
    latest = articles_page(store, limit=10)["articles"]
    return {"counts": counts, "first": first, "last": last, "outlets": outlets, "latest": latest,
            "stories": stories or []}


def articles_page(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                  story: str | None = None, after: str | None = None, limit: int = PAGE) -> Row:
    """Articles, newest first, filtered by outlet, date range and story."""
    clauses, params = _filters([("a.outlet = ?", outlet), ("a.published >= ?", since), ("a.published <= ?", until),
                                ("a.story_id = ?", story)])
    ks, kp = _keyset("a.published", "a.id", after, numeric=False)
    if ks:
        clauses.append(ks)
        params.extend(kp)
    rows = [dict(r) for r in store.conn.execute(
        "SELECT a.id, a.published, a.outlet, a.title, a.url, a.file FROM articles a" + _where(clauses) +
        f" ORDER BY a.published {_desc(store)}, a.id DESC LIMIT ?", [*params, limit + 1])]
    rows, nxt = _page(rows, limit, "published")
    return {"articles": rows, "next": nxt,
            "filters": {"outlet": outlet, "since": since, "until": until, "story": story}}


def article_page(store: Store, article_id: str, *, focus: tuple[int, int] | None = None,
                 extra: list[Mark] | None = None) -> Row:
    """One article: its text with quotes, event triggers and actor mentions marked; its events and quotes.

    Raises:
        NotFoundError: no article has this id.
    """
    conn = store.conn
    row = conn.execute("SELECT id, key, file, title, outlet, url, published, text, analysed_at, model,"
                       " newsgraph_version FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    article = dict(row)
    events = [dict(r) for r in conn.execute(
        "SELECT e.id, e.source, e.target, e.type, e.modality, e.negated, e.quad_class, e.date, e.trigger,"
        " x.trigger_start, x.trigger_end FROM events e LEFT JOIN event_evidence x ON x.event_id = e.id"
        " WHERE e.article_id = ? ORDER BY e.id", (article_id,))]
    seen: set[int] = set()
    unique_events = [e for e in events if not (e["id"] in seen or seen.add(e["id"]))]  # type: ignore[func-returns-value]
    quotes = [dict(r) for r in conn.execute(
        "SELECT id, speaker, actor, direct, cue, text, start, \"end\", speaker_start, speaker_end FROM quotes"
        " WHERE article_id = ? ORDER BY start", (article_id,))]
    mentions = [dict(r) for r in conn.execute(
        "SELECT m.actor, m.person_id, m.kind, m.text, m.start, m.\"end\", ac.name FROM mentions m"
        " LEFT JOIN actors ac ON ac.code = m.actor WHERE m.article_id = ?", (article_id,))]
    marks = [Mark(m["start"], m["end"], "mention", f"{m['name'] or m['actor'] or m['kind']}",
                  f"/actor/{m['actor']}" if m["actor"] and m["kind"] != "person" else
                  (f"/person/{m['person_id']}" if m["person_id"] else None)) for m in mentions]
    marks += [Mark(q["start"], q["end"], "quote", f"quote by {q['speaker'] or 'unknown'}", f"/quote/{q['id']}")
              for q in quotes]
    marks += [Mark(e["trigger_start"], e["trigger_end"], "trigger",
                   f"{e['type']}: {e['source'] or '?'} → {e['target'] or '?'}", f"/event/{e['id']}")
              for e in events if e["trigger_start"] is not None]
    if focus:
        marks.append(Mark(focus[0], focus[1], "focus"))
    marks += extra or []
    actors: dict[str, Row] = {}
    for m in mentions:
        if m["actor"] and m["kind"] != "person":
            actors.setdefault(m["actor"], {"code": m["actor"], "name": m["name"] or m["actor"], "mentions": 0})
            actors[m["actor"]]["mentions"] += 1
    tone = _tone(store, article_id)
    article["paragraphs"] = paragraphs(article.pop("text"), marks)
    for e in unique_events:
        e.pop("trigger_start"), e.pop("trigger_end")
    return {"article": article, "events": unique_events, "quotes": quotes, "tone": tone,
            "actors": sorted(actors.values(), key=lambda a: -a["mentions"])}


def _tone(store: Store, article_id: str) -> list[Row]:
    """The tone stage's per-article rows, where that stage's table exists in this store."""
    try:
        return [dict(r) for r in store.conn.execute(
            "SELECT target, name, kind, score, label, mentions FROM tone WHERE article_id = ?"
            " ORDER BY mentions DESC", (article_id,))]
    except Exception:  # noqa: BLE001 - a store without the tone table (older file, read-only) has no tone
        return []


def event_page(store: Store, event_id: int) -> Row:
    """One event: the sentence highlighted in its article, the trigger, source and target marked, the rule.

    Raises:
        NotFoundError: no event has this id.
    """
    event = explain_event(store, event_id)
    extra: list[Mark] = []
    focus = None
    for ev in event["evidence"]:
        if ev.get("sentence_start") is not None:
            focus = focus or (ev["sentence_start"], ev["sentence_start"] + len(ev["sentence"] or ""))
        for part in ("source", "target"):
            if ev.get(f"{part}_start") is not None:
                extra.append(Mark(ev[f"{part}_start"], ev[f"{part}_end"], part, f"{part}: {event[part] or '?'}"))
    page = article_page(store, event["article_id"], focus=focus, extra=extra)
    names = _names(store, [event["source"], event["target"], event["reported_by"]])
    event["quad_name"] = QUAD.get(event.get("quad_class") or 0)
    return {"event": event, "article": page["article"], "names": names}


def quote_page(store: Store, quote_id: int) -> Row:
    """One quote: its words and speaker marked in the article text.

    Raises:
        NotFoundError: no quote has this id.
    """
    row = store.conn.execute("SELECT q.*, a.title, a.outlet, a.published FROM quotes q JOIN articles a"
                             " ON a.id = q.article_id WHERE q.id = ?", (quote_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no quote with id {quote_id}")
    quote = dict(row)
    extra = [Mark(quote["speaker_start"], quote["speaker_end"], "speaker", f"speaker: {quote['speaker']}")] \
        if quote["speaker_start"] is not None else []
    page = article_page(store, quote["article_id"], focus=(quote["start"], quote["end"]), extra=extra)
    return {"quote": quote, "article": page["article"], "names": _names(store, [quote["actor"]])}


def _names(store: Store, codes: list[str | None]) -> dict[str, str]:
    wanted = [c for c in dict.fromkeys(codes) if c]
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    return {r["code"]: r["name"] for r in store.conn.execute(
        f"SELECT code, name FROM actors WHERE code IN ({marks})", wanted)}


def events_page(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                type: str | None = None, quad: int | None = None, modality: str | None = None,
                since: str | None = None, until: str | None = None, outlet: str | None = None,
                article: str | None = None, story: str | None = None, after: str | None = None,
                limit: int = PAGE) -> Row:
    """Events, latest first, filtered like `newsgraph events` (and by story)."""
    common = [("e.source = ?", source), ("e.target = ?", target), ("e.type = ?", type.upper() if type else None),
              ("e.quad_class = ?", quad), ("e.modality = ?", modality), ("e.date >= ?", since),
              ("e.date <= ?", until), ("a.outlet = ?", outlet), ("e.article_id = ?", article),
              ("a.story_id = ?", story)]
    # An actor is two index ranges, one per side, merged here: an OR of both would sort every match.
    sides = [[("e.source = ?", actor)], [("e.target = ?", actor), ("(e.source IS NULL OR e.source != ?)", actor)]] \
        if actor else [[]]
    rows: list[Row] = []
    for side in sides:
        clauses, params = _filters(side + common)
        ks, kp = _keyset("e.date", "e.id", after, numeric=True)
        if ks:
            clauses.append(ks)
            params.extend(kp)
        rows += [dict(r) for r in store.conn.execute(
            "SELECT e.id, e.date, e.source, e.target, e.type, e.modality, e.negated, e.quad_class, e.trigger,"
            " e.sentence, e.article_id, a.outlet, a.title FROM events e JOIN articles a ON a.id = e.article_id"
            + _where(clauses) + f" ORDER BY e.date {_desc(store)}, e.id DESC LIMIT ?", [*params, limit + 1])]
    if len(sides) > 1:
        dated = sorted((r for r in rows if r["date"]), key=lambda r: (r["date"], r["id"]), reverse=True)
        rows = dated + sorted((r for r in rows if not r["date"]), key=lambda r: r["id"], reverse=True)
    rows, nxt = _page(rows, limit, "date")
    return {"events": rows, "next": nxt, "filters": {
        "actor": actor, "source": source, "target": target, "type": type, "quad": quad, "modality": modality,
        "since": since, "until": until, "outlet": outlet}}


def quotes_page(store: Store, *, actor: str | None = None, speaker: str | None = None, outlet: str | None = None,
                since: str | None = None, until: str | None = None, after: str | None = None,
                limit: int = PAGE) -> Row:
    """Quotes, latest stored first, by the actor they speak for, the speaker's exact name, outlet, dates."""
    # a quote's outlet and date are stored on it (as its article's), so the filters stay on the quotes' indexes
    clauses, params = _filters([("q.actor = ?", actor), ("q.speaker = ?", speaker), ("q.outlet = ?", outlet),
                                ("q.published >= ?", since), ("q.published <= ?", until)])
    if after and after.isdigit():
        clauses.append("q.id < ?")
        params.append(int(after))
    rows = [dict(r) for r in store.conn.execute(
        "SELECT q.id, q.speaker, q.actor, q.direct, q.cue, q.text, q.article_id, a.outlet, a.published, a.title"
        " FROM quotes q JOIN articles a ON a.id = q.article_id" + _where(clauses) +
        " ORDER BY q.id DESC LIMIT ?", [*params, limit + 1])]
    nxt = str(rows[limit - 1]["id"]) if len(rows) > limit else None
    return {"quotes": rows[:limit], "next": nxt,
            "filters": {"actor": actor, "speaker": speaker, "outlet": outlet, "since": since, "until": until}}


def search_page(store: Store, query: str, *, kind: str = "articles", before: int | None = None,
                limit: int = 20) -> Row:
    """Full-text results of one kind, and how the search ran (FTS5, tsvector or LIKE)."""
    kind = kind if kind in fts.KINDS else "articles"
    rows = fts.search(store, query, kind=kind, limit=limit + 1, before=before)
    nxt = rows[limit - 1]["rowkey"] if len(rows) > limit else None
    return {"query": query, "kind": kind, "results": rows[:limit], "next": nxt, "terms": fts.terms(query),
            "engine": "fts5" if fts.has_fts(store) else
            ("tsvector" if getattr(store, "backend", "sqlite") == "postgresql" else "like")}
