"""Read the store: the queries behind `newsgraph articles | events | quotes | actors` and the exports.

Every function takes a `Store` and returns plain dicts, so the CLI, a web route or a notebook can use them alike.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.store.db import Store

Row = dict[str, Any]


def _where(clauses: list[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """WHERE text and parameters from (sql, value) pairs whose value is not None."""
    used = [(sql, value) for sql, value in clauses if value is not None]
    params: list[Any] = []
    for sql, value in used:
        params.extend([value] * sql.count("?"))
    return (" WHERE " + " AND ".join(sql for sql, _ in used)) if used else "", params


def list_articles(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                  search: str | None = None, limit: int | None = None) -> list[Row]:
    """Articles with their counts of events and quotes, newest first."""
    where, params = _where([("a.outlet = ?", outlet), ("a.published >= ?", since), ("a.published <= ?", until),
                            ("(a.title LIKE ? OR a.text LIKE ?)", f"%{search}%" if search else None)])
    sql = f"""
        SELECT a.id, a.published, a.outlet, a.title, a.file, a.url,
               (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events,
               (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               length(a.text) AS chars
        FROM articles a{where}
        ORDER BY a.published DESC, a.file LIMIT ?"""
    return [dict(r) for r in store.conn.execute(sql, [*params, limit or -1])]


def list_events(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                type: str | None = None, quad_class: int | None = None, modality: str | None = None,
                since: str | None = None, until: str | None = None, outlet: str | None = None,
                negated: bool | None = None, limit: int | None = None) -> list[Row]:
    """Events, filtered; `actor` matches either side, `source`/`target` one side each (a pair when both)."""
    where, params = _where([
        ("(e.source = ? OR e.target = ?)", actor), ("e.source = ?", source), ("e.target = ?", target),
        ("e.type = ?", type.upper() if type else None), ("e.quad_class = ?", quad_class),
        ("e.modality = ?", modality), ("e.date >= ?", since), ("e.date <= ?", until), ("a.outlet = ?", outlet),
        ("e.negated = ?", None if negated is None else int(negated))])
    sql = f"""
        SELECT e.id, e.date, e.source, e.target, e.type, e.mode, e.negated, e.modality, e.quad_class, e.intensity,
               e.cameo, e.trigger, e.source_sector, e.target_sector, e.reported_by, a.outlet, a.url, a.file,
               a.id AS article_id, e.sentence
        FROM events e JOIN articles a ON a.id = e.article_id{where}
        ORDER BY e.date, e.id LIMIT ?"""
    return [dict(r) for r in store.conn.execute(sql, [*params, limit or -1])]


def explain_event(store: Store, event_id: int) -> Row:
    """One event with every piece of evidence: sentence, spans and the rule that fired.

    Raises:
        NotFoundError: no event has this id.
    """
    row = store.conn.execute("SELECT e.*, a.title, a.outlet, a.file, a.url FROM events e"
                             " JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no event with id {event_id}")
    event = dict(row)
    text = store.conn.execute("SELECT text FROM articles WHERE id = ?", (event["article_id"],)).fetchone()[0]
    evidence = []
    for ev in store.conn.execute("SELECT x.*, s.text AS sentence, s.start AS sentence_start FROM event_evidence x"
                                 " LEFT JOIN spans s ON s.id = x.span_id WHERE x.event_id = ?", (event_id,)):
        item = dict(ev)
        for part in ("source", "target"):
            start, end = item.get(f"{part}_start"), item.get(f"{part}_end")
            item[f"{part}_text"] = text[start:end] if start is not None and end is not None else None
        evidence.append(item)
    event["evidence"] = evidence
    return event


def list_quotes(store: Store, *, speaker: str | None = None, actor: str | None = None, outlet: str | None = None,
                since: str | None = None, until: str | None = None, search: str | None = None,
                direct: bool | None = None, limit: int | None = None) -> list[Row]:
    """Quotes, filtered; `speaker` matches any part of the speaker's name, `search` the quote text."""
    where, params = _where([
        ("q.speaker LIKE ?", f"%{speaker}%" if speaker else None), ("q.actor = ?", actor), ("a.outlet = ?", outlet),
        ("a.published >= ?", since), ("a.published <= ?", until),
        ("q.text LIKE ?", f"%{search}%" if search else None), ("q.direct = ?", None if direct is None else int(direct))])
    sql = f"""
        SELECT q.id, a.published, a.outlet, q.speaker, q.actor, q.direct, q.cue, q.via, q.text, a.file,
               a.id AS article_id
        FROM quotes q JOIN articles a ON a.id = q.article_id{where}
        ORDER BY a.published, q.article_id, q.start LIMIT ?"""
    return [dict(r) for r in store.conn.execute(sql, [*params, limit or -1])]


def list_actors(store: Store, *, kind: str | None = None, limit: int | None = None) -> list[Row]:
    """States and organisations with mention and article counts, then persons with their affiliations.

    A person's `actor` follows the store's rule (most articles, then most recent: see `Store.known_persons`);
    `affiliations` lists every actor the texts gave them, with counts and date ranges, so conflicts stay visible.
    """
    rows: list[Row] = []
    if kind in (None, "state", "org"):
        where, params = _where([("ac.kind = ?", kind)])
        sql = f"""
            SELECT ac.code, ac.name, ac.kind, COUNT(m.id) AS mentions, COUNT(DISTINCT m.article_id) AS articles
            FROM actors ac LEFT JOIN mentions m ON m.actor = ac.code AND m.kind != 'person'{where}
            GROUP BY ac.code ORDER BY mentions DESC, ac.code"""
        rows.extend(dict(r) for r in store.conn.execute(sql, params))
    if kind in (None, "person"):
        rows.extend(_persons(store))
    return rows[:limit] if limit else rows


def _persons(store: Store) -> list[Row]:
    best = {p.name: p for p in store.known_persons()}
    out: list[Row] = []
    for person in store.conn.execute("SELECT id, name FROM persons ORDER BY name"):
        affs = store.conn.execute(
            """SELECT actor, role, COUNT(DISTINCT article_id) AS articles, MIN(published) AS first,
                      MAX(published) AS last
               FROM affiliations WHERE person_id = ? GROUP BY actor, role ORDER BY articles DESC""",
            (person["id"],)).fetchall()
        if not affs:
            continue
        chosen = best.get(person["name"])
        mentions = store.conn.execute("SELECT COUNT(*) FROM mentions WHERE person_id = ?", (person["id"],)).fetchone()
        out.append({
            "code": chosen.actor if chosen else None, "name": person["name"], "kind": "person",
            "role": chosen.role if chosen else next((a["role"] for a in affs if a["role"]), None),
            "mentions": mentions[0], "articles": sum(a["articles"] for a in affs),
            "affiliations": "; ".join(_affiliation(a) for a in affs),
        })
    return out


def _affiliation(row: Any) -> str:
    """ "EGY foreign minister ×3 (2025-03-10…2025-03-20)": who, as what, in how many articles, when."""
    dates = row["first"] if row["first"] == row["last"] else f"{row['first']}…{row['last']}"
    role = f" {row['role']}" if row["role"] else ""
    return f"{row['actor'] or '?'}{role} ×{row['articles']}" + (f" ({dates})" if row["first"] else "")


def unresolved_share(store: Store) -> Row:
    """How many state/organisation-looking mentions stayed unresolved, and which names."""
    resolved = store.conn.execute("SELECT COUNT(*) FROM mentions WHERE kind IN ('state', 'org')").fetchone()[0]
    names = [dict(r) for r in store.conn.execute(
        "SELECT text, COUNT(*) AS count FROM unresolved GROUP BY text ORDER BY count DESC, text")]
    left = sum(n["count"] for n in names)
    total = resolved + left
    return {"resolved": resolved, "unresolved": left, "share": left / total if total else 0.0, "names": names}


def iter_records(store: Store) -> Iterator[Row]:
    """Every stored article as its JSON Lines record (../shared/eval/CONTRACT.md plus newsgraph's own fields)."""
    for (aid,) in store.conn.execute("SELECT id FROM articles ORDER BY published, file").fetchall():
        yield article_record(store, aid)


def article_record(store: Store, aid: str) -> Row:
    """One stored article as its JSON Lines record.

    Raises:
        NotFoundError: no article has this id.
    """
    conn = store.conn
    a = conn.execute("SELECT * FROM articles WHERE id = ?", (aid,)).fetchone()
    if a is None:
        raise NotFoundError(f"no article with id {aid}")
    persons = [dict(r) for r in conn.execute(
        "SELECT p.name, f.actor, f.role, f.sector, f.how, f.start, f.end FROM affiliations f"
        " JOIN persons p ON p.id = f.person_id WHERE f.article_id = ? ORDER BY f.start", (aid,))]
    actors = [dict(r) for r in conn.execute(
        "SELECT ac.code, ac.name, ac.kind, COUNT(*) AS count, json_group_array(m.text) AS samples"
        " FROM mentions m JOIN actors ac ON ac.code = m.actor WHERE m.article_id = ? AND m.kind != 'person'"
        " GROUP BY ac.code ORDER BY count DESC", (aid,))]
    for actor in actors:
        actor["samples"] = sorted(set(json.loads(actor["samples"])))[:5]
    events = []
    for e in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", (aid,)):
        event = {k: e[k] for k in e.keys() if k != "article_id"}
        event["negated"] = bool(event["negated"])
        event["evidence"] = [dict(x) for x in conn.execute(
            "SELECT trigger, trigger_start, trigger_end, source_start, source_end, target_start, target_end,"
            " pattern FROM event_evidence WHERE event_id = ?", (e["id"],))]
        events.append(event)
    quotes = [{**{k: q[k] for k in q.keys() if k not in ("article_id", "span_id")}, "direct": bool(q["direct"])}
              for q in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", (aid,))]
    return {
        "id": aid, "file": a["file"], "title": a["title"], "outlet": a["outlet"], "url": a["url"],
        "published": a["published"], "text": a["text"], "boilerplate": json.loads(a["boilerplate"]),
        "persons": persons, "actors": actors, "events": events, "quotes": quotes,
        "unresolved": [r[0] for r in conn.execute("SELECT text FROM unresolved WHERE article_id = ?", (aid,))],
        "tone": article_tone(store, aid),
        "story": a["story_id"], "copy_of": a["copy_of"], "copy_containment": a["copy_containment"],
        "model": a["model"], "newsgraph_version": a["newsgraph_version"], "analysed_at": a["analysed_at"],
    }


def article_tone(store: Store, aid: str) -> list[Row]:
    """The tone of one article toward each actor and person, most mentioned first, with its evidence sentences."""
    rows = store.conn.execute("SELECT target, name, kind, score, label, mentions, evidence FROM tone"
                              " WHERE article_id = ? ORDER BY mentions DESC, id", (aid,)).fetchall()
    return [{**{k: r[k] for k in ("target", "name", "kind", "score", "label", "mentions")},
             "evidence": json.loads(r["evidence"])} for r in rows]


def summary(store: Store) -> Row:
    """Counts of what the store holds."""
    conn = store.conn
    count = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("articles", "events", "quotes", "persons", "actors")}
    count["outlets"] = conn.execute("SELECT COUNT(DISTINCT outlet) FROM articles").fetchone()[0]
    return count


def event_evidence(store: Store, event_ids: list[int]) -> dict[int, list[Row]]:
    """The evidence of many events at once (sentence, spans, rule), keyed by event id."""
    found: dict[int, list[Row]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                f"SELECT x.event_id, s.text AS sentence, s.start AS sentence_start, x.trigger, x.trigger_start,"
                f" x.trigger_end, x.source_start, x.source_end, x.target_start, x.target_end, x.pattern"
                f" FROM event_evidence x LEFT JOIN spans s ON s.id = x.span_id WHERE x.event_id IN ({marks})"
                f" ORDER BY x.event_id, x.id", chunk):
            item = dict(row)
            found.setdefault(item.pop("event_id"), []).append(item)
    return found
