"""Read the store: the queries behind `newsgraph articles | events | quotes | actors` and the exports.

Every function takes a `Store` and returns plain dicts, so the CLI, a web route or a notebook can use them alike.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.model import INFERRED_HOW
from newsgraph.store.db import Store, best_affiliation

Row = dict[str, Any]


def _where(clauses: list[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """WHERE text and parameters from (sql, value) pairs whose value is not None."""
    conds, params = _conds(clauses)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _conds(clauses: list[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    used = [(sql, value) for sql, value in clauses if value is not None]
    params: list[Any] = []
    for sql, value in used:
        params.extend(value if isinstance(value, _Params) else [value] * sql.count("?"))
    return [sql for sql, _ in used], params


class _Params(tuple):
    """Several parameters for one clause (a keyset condition), where a plain value repeats for each '?'."""


def _after(store: Store, keys: list[tuple[str, Any, bool]]) -> tuple[str, _Params]:
    """Keyset pagination: the rows that come after the one whose sort keys are `keys` (column, value, descending),
    in the backend's own NULL order (SQLite: NULL first ascending; PostgreSQL: NULL last). The last key is unique.
    On SQLite an all-ascending key becomes a row value, which the index serves as a range."""
    if store.backend == "sqlite" and not any(desc for _, _, desc in keys) and keys[0][1] is not None \
            and all(v is not None for _, v, _ in keys):
        return f"({', '.join(c for c, _, _ in keys)}) > ({', '.join('?' for _ in keys)})", _Params(v for _, v, _ in keys)
    (column, value, desc), rest = keys[0], keys[1:]
    nulls_first = (store.backend == "sqlite") != desc
    params: list[Any] = []
    if value is None:
        later = f"{column} IS NOT NULL" if nulls_first else "1 = 0"
        same = f"{column} IS NULL"
    else:
        later = f"{column} {'<' if desc else '>'} ?"
        params.append(value)
        if not nulls_first:
            later = f"({later} OR {column} IS NULL)"
        same = f"{column} = ?"
    if not rest:
        return later, _Params(params)
    tail, tail_params = _after(store, rest)
    if value is not None:
        params.append(value)
    return f"({later} OR ({same} AND {tail}))", _Params([*params, *tail_params])


def _cursor(store: Store, sql: str, after: Any, what: str) -> Any:
    row = store.conn.execute(sql, (after,)).fetchone()
    if row is None:
        raise NotFoundError(f"no {what} {after} to continue after (the page cursor)")
    return row


def _limit(limit: int | None) -> tuple[str, list[Any]]:
    return (" LIMIT ?", [limit]) if limit else ("", [])


def list_articles(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                  search: str | None = None, limit: int | None = None, after: str | None = None) -> list[Row]:
    """Articles with their counts of events and quotes, newest first; `after`: the id of the last article of the
    previous page."""
    conds, params = _conds([("a.outlet = ?", outlet), ("a.published >= ?", since), ("a.published <= ?", until),
                            ("(a.title LIKE ? OR a.text LIKE ?)", f"%{search}%" if search else None)])
    order = "a.published DESC, a.file"
    if after is None:
        return _articles(store, conds, params, order, limit)
    # After a cursor, newest first with a file tie-break is three index-ordered pieces (the rest of the cursor's
    # day, older days, the undated) read in the backend's NULL order: one OR of them would sort every match first.
    row = _cursor(store, "SELECT published, file FROM articles WHERE id = ?", after, "article")
    day, file = row["published"], row["file"]
    undated_first = store.backend != "sqlite"  # PostgreSQL puts NULL first in a descending order
    if day is None:
        pieces = [("a.published IS NULL AND a.file > ?", [file], "a.file")]
        if undated_first:
            pieces.append(("a.published IS NOT NULL", [], order))
    else:
        pieces = [("a.published = ? AND a.file > ?", [day, file], "a.file"), ("a.published < ?", [day], order)]
        if not undated_first:
            pieces.append(("a.published IS NULL", [], "a.file"))
    out: list[Row] = []
    for cond, extra, piece_order in pieces:
        out += _articles(store, [*conds, cond], [*params, *extra], piece_order, limit - len(out) if limit else None)
        if limit and len(out) >= limit:
            break
    return out


def _articles(store: Store, conds: list[str], params: list[Any], order: str, limit: int | None) -> list[Row]:
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    limit_sql, limit_params = _limit(limit)
    sql = f"""
        SELECT a.id, a.published, a.outlet, a.title, a.file, a.url,
               (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events,
               (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               length(a.text) AS chars
        FROM articles a{where}
        ORDER BY {order}{limit_sql}"""
    return [dict(r) for r in store.conn.execute(sql, [*params, *limit_params])]


EVENT_COLUMNS = """e.id, e.date, e.source, e.target, e.type, e.mode, e.negated, e.modality, e.quad_class, e.intensity,
               e.cameo, e.trigger, e.source_sector, e.target_sector, e.reported_by, e.outlet, a.url, a.file,
               a.id AS article_id, e.sentence"""


def list_events(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                type: str | None = None, quad_class: int | None = None, modality: str | None = None,
                since: str | None = None, until: str | None = None, outlet: str | None = None,
                negated: bool | None = None, limit: int | None = None, after: int | None = None) -> list[Row]:
    """Events, filtered, by date then id; `actor` matches either side, `source`/`target` one side each (a pair when
    both); `after`: the id of the last event of the previous page.

    Every filter reads a column of `events` itself (the outlet is stored there too), so one index in date order
    serves each page."""
    clauses: list[tuple[str, Any]] = [
        ("e.source = ?", source), ("e.target = ?", target),
        ("e.type = ?", type.upper() if type else None), ("e.quad_class = ?", quad_class),
        ("e.modality = ?", modality), ("e.date >= ?", since), ("e.date <= ?", until), ("e.outlet = ?", outlet),
        ("e.negated = ?", None if negated is None else int(negated))]
    if after is not None:
        row = _cursor(store, "SELECT date FROM events WHERE id = ?", after, "event")
        clauses.append(_after(store, [("e.date", row["date"], False), ("e.id", after, False)]))
    limit_sql, limit_params = _limit(limit)
    if actor and limit:  # one ordered index scan per side, merged: an OR would collect and sort every match first
        conds, params = _conds(clauses)
        rest = "".join(f" AND {c}" for c in conds)
        sides = " UNION ".join(f"SELECT id FROM (SELECT e.id FROM events e WHERE e.{side} = ?{rest}"
                               f" ORDER BY e.date, e.id LIMIT ?) AS {side}s" for side in ("source", "target"))
        where, params = f" WHERE e.id IN ({sides})", [actor, *params, limit, actor, *params, limit]
    else:
        where, params = _where([("(e.source = ? OR e.target = ?)", actor), *clauses])
    sql = f"""
        SELECT {EVENT_COLUMNS}
        FROM events e JOIN articles a ON a.id = e.article_id{where}
        ORDER BY e.date, e.id{limit_sql}"""
    return [dict(r) for r in store.conn.execute(sql, [*params, *limit_params])]


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
                direct: bool | None = None, limit: int | None = None, after: int | None = None) -> list[Row]:
    """Quotes, filtered, by date, article and position; `speaker` matches any part of the speaker's name, `search`
    the quote text; `after`: the id of the last quote of the previous page."""
    clauses: list[tuple[str, Any]] = [
        # the distinct speakers that match (speaker_counts: one row per name), then their quotes by the speaker index
        ("q.speaker IN (SELECT s.speaker FROM speaker_counts s WHERE s.speaker LIKE ?)",
         f"%{speaker}%" if speaker else None), ("q.actor = ?", actor), ("q.outlet = ?", outlet),
        ("q.published >= ?", since), ("q.published <= ?", until),
        ("q.text LIKE ?", f"%{search}%" if search else None), ("q.direct = ?", None if direct is None else int(direct))]
    if after is not None:
        row = _cursor(store, "SELECT published, article_id, start FROM quotes WHERE id = ?", after, "quote")
        clauses.append(_after(store, [("q.published", row["published"], False), ("q.article_id", row["article_id"], False),
                                      ("q.start", row["start"], False), ("q.id", after, False)]))
    where, params = _where(clauses)
    limit_sql, limit_params = _limit(limit)
    order = " ORDER BY q.published, q.article_id, q.start, q.id"
    if speaker and limit:
        # thousands of matching quotes: the page's ids first, from the speaker index alone (every quote has its
        # article), then only those rows with their articles
        where = f" WHERE q.id IN (SELECT q.id FROM quotes q{where}{order}{limit_sql})"
        params = [*params, *limit_params]
    sql = f"""
        SELECT q.id, q.published, q.outlet, q.speaker, q.actor, q.direct, q.cue, q.via, q.text, a.file,
               a.id AS article_id
        FROM quotes q JOIN articles a ON a.id = q.article_id{where}{order}{limit_sql}"""
    return [dict(r) for r in store.conn.execute(sql, [*params, *limit_params])]


def list_actors(store: Store, *, kind: str | None = None, limit: int | None = None,
                after: str | None = None) -> list[Row]:
    """States and organisations with mention and article counts (most mentioned first), then persons with their
    affiliations (by name); `after`: the code or name of the last row of the previous page.

    A person's `actor` follows the store's rule (most articles, then most recent: see `Store.known_persons`);
    `affiliations` lists every actor the texts gave them, with counts and date ranges, so conflicts stay visible.
    """
    rows: list[Row] = []
    person_after = after
    if kind in (None, "state", "org"):  # a few thousand actors at most; their counts are kept (aggregates.py)
        where, params = _where([("ac.kind = ?", kind)])
        sql = f"""
            SELECT ac.code, ac.name, ac.kind, COALESCE(c.mentions, 0) AS mentions, COALESCE(c.articles, 0) AS articles
            FROM actors ac LEFT JOIN actor_counts c ON c.actor = ac.code{where}
            ORDER BY COALESCE(c.mentions, 0) DESC, ac.code"""
        rows = [dict(r) for r in store.conn.execute(sql, params)]
        codes = [r["code"] for r in rows]
        if after is not None:
            if after in codes:
                rows, person_after = rows[codes.index(after) + 1:], None
            else:
                rows = []
    if kind in (None, "person") and (not limit or len(rows) < limit):
        rows.extend(_persons(store, limit=limit - len(rows) if limit else None, after=person_after))
    return rows[:limit] if limit else rows


def _persons(store: Store, *, limit: int | None = None, after: str | None = None) -> list[Row]:
    inferred = " AND ".join("COALESCE(a.how, 'corpus') NOT LIKE ?" for _ in INFERRED_HOW)
    where, params = _where([("p.name > ?", after)])
    limit_sql, limit_params = _limit(limit)
    exists = "EXISTS (SELECT 1 FROM affiliations f WHERE f.person_id = p.id)"
    where = f"{where} AND {exists}" if where else f" WHERE {exists}"
    out: list[Row] = []
    for person in store.conn.execute(f"SELECT p.id, p.name FROM persons p{where} ORDER BY p.name{limit_sql}",
                                     [*params, *limit_params]).fetchall():
        affs = store.conn.execute(
            """SELECT actor, role, COUNT(DISTINCT article_id) AS articles, MIN(published) AS first,
                      MAX(published) AS last
               FROM affiliations WHERE person_id = ? GROUP BY actor, role ORDER BY articles DESC""",
            (person["id"],)).fetchall()
        stated = store.conn.execute(
            f"""SELECT p.name, a.actor, a.role, a.sector, a.article_id, a.published
                FROM affiliations a JOIN persons p ON p.id = a.person_id
                WHERE a.person_id = ? AND a.actor IS NOT NULL AND trim(p.name) LIKE '% %' AND {inferred}""",
            [person["id"], *(f"%{tag}%" for tag in INFERRED_HOW)]).fetchall()
        chosen = best_affiliation(stated) if stated else None
        mentions = store.conn.execute("SELECT COUNT(*) FROM mentions WHERE person_id = ?", (person["id"],)).fetchone()
        out.append({
            "code": chosen["actor"] if chosen else None, "name": person["name"], "kind": "person",
            "role": chosen["role"] if chosen else next((a["role"] for a in affs if a["role"]), None),
            "mentions": mentions[0], "articles": sum(a["articles"] for a in affs),
            "affiliations": "; ".join(_affiliation(a) for a in affs),
        })
    return out


def _affiliation(row: Any) -> str:
    """ "EGY foreign minister ×3 (2025-03-10…2025-03-20)": who, as what, in how many articles, when."""
    dates = row["first"] if row["first"] == row["last"] else f"{row['first']}…{row['last']}"
    role = f" {row['role']}" if row["role"] else ""
    return f"{row['actor'] or '?'}{role} ×{row['articles']}" + (f" ({dates})" if row["first"] else "")


def unresolved_share(store: Store, *, limit: int | None = None) -> Row:
    """How many state/organisation-looking mentions stayed unresolved, and which names (the most frequent first;
    at most `limit`). Read from the counts kept in each article's transaction."""
    resolved = _count(store, "mentions")
    limit_sql, limit_params = _limit(limit)
    names = [dict(r) for r in store.conn.execute(
        f"SELECT text, n AS count FROM unresolved_counts ORDER BY n DESC, text{limit_sql}", limit_params)]
    left = store.conn.execute("SELECT COALESCE(SUM(n), 0) FROM unresolved_counts").fetchone()[0]
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
    by_code: dict[str, Row] = {}
    for m in conn.execute("SELECT ac.code, ac.name, ac.kind, m.text FROM mentions m JOIN actors ac"
                          " ON ac.code = m.actor WHERE m.article_id = ? AND m.kind != 'person' ORDER BY m.id", (aid,)):
        actor = by_code.setdefault(m["code"], {"code": m["code"], "name": m["name"], "kind": m["kind"], "count": 0,
                                               "samples": set()})
        actor["count"] += 1
        actor["samples"].add(m["text"])
    actors = sorted(by_code.values(), key=lambda a: -a["count"])
    for actor in actors:
        actor["samples"] = sorted(actor["samples"])[:5]
    events = []
    for e in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", (aid,)):
        event = {k: e[k] for k in e.keys() if k not in ("article_id", "outlet")}
        event["negated"] = bool(event["negated"])
        event["evidence"] = [dict(x) for x in conn.execute(
            "SELECT trigger, trigger_start, trigger_end, source_start, source_end, target_start, target_end,"
            " pattern FROM event_evidence WHERE event_id = ?", (e["id"],))]
        events.append(event)
    quotes = [{**{k: q[k] for k in q.keys() if k not in ("article_id", "span_id", "published", "outlet")},
               "direct": bool(q["direct"])}
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
    """Counts of what the store holds: articles, events and quotes from the counts kept in each article's
    transaction (aggregates.py), persons and actors counted (tables of names, small beside the events)."""
    conn = store.conn
    count = {t: _count(store, t) for t in ("articles", "events", "quotes")}
    count.update({t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("persons", "actors")})
    count["outlets"] = conn.execute("SELECT COUNT(*) FROM outlet_counts WHERE outlet != '' AND articles > 0"
                                    ).fetchone()[0]
    return count


def _count(store: Store, name: str) -> int:
    row = store.conn.execute("SELECT n FROM store_counts WHERE name = ?", (name,)).fetchone()
    return row[0] if row else 0


def top_pairs(store: Store, *, limit: int = 10) -> list[Row]:
    """Who did what to whom most often (asserted, not negated events), each with its first event as an example:
    read from the kept counts, then one indexed look-up per pair."""
    out = []
    for pair in store.conn.execute("SELECT source, type, target, n FROM pair_counts ORDER BY n DESC,"
                                   " source, type, target LIMIT ?", (limit,)).fetchall():
        sides = [f"e.{side} IS NULL" if pair[side] == "" else f"e.{side} = ?" for side in ("source", "target")]
        params = [pair[side] for side in ("source", "target") if pair[side] != ""]
        example = store.conn.execute(
            f"SELECT e.id, e.outlet, a.file, e.trigger FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE {sides[0]} AND {sides[1]} AND e.type = ? AND e.modality = 'asserted' AND e.negated = 0"
            f" ORDER BY e.date, e.id LIMIT 1", [*params, pair["type"]]).fetchone()
        out.append({"source": pair["source"] or None, "type": pair["type"], "target": pair["target"] or None,
                    "times": pair["n"], "event_id": example["id"] if example else None,
                    "outlet": example["outlet"] if example else None, "file": example["file"] if example else None,
                    "trigger": example["trigger"] if example else None})
    return out


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
