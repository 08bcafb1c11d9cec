"""What the actor, person, actors, network and pair pages show, as plain dicts.

Stance figures come from the stances stage (`newsgraph.stances.compute_stances`) when it is installed; otherwise
from the events themselves: each event counts +1 when its quad class is cooperative (1, 2) and -1 when
conflictual (3, 4), and a pair's score is the mean. Either way every edge links to the sentences behind it.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsgraph.errors import NotFoundError
from newsgraph.store import Store
from newsgraph.web import svg
from newsgraph.web.pages import PAGE, _filters, _where, events_page, quotes_page

try:  # the stances stage lands separately; the pages work from events until it does
    import newsgraph.stances as stances
except ImportError:  # pragma: no cover - depends on what is installed
    stances = None  # type: ignore[assignment]

Row = dict[str, Any]
SIGN = "CASE WHEN e.quad_class IN (1, 2) THEN 1 WHEN e.quad_class IN (3, 4) THEN -1 ELSE 0 END"


def actors_page(store: Store, *, kind: str | None = None, q: str | None = None, after: str | None = None,
                limit: int = PAGE) -> Row:
    """States and organisations (by code), or persons (by name) when kind is "person"."""
    if kind == "person":
        clauses, params = _filters([("LOWER(p.name) LIKE ?", f"%{q.lower()}%" if q else None),
                                    ("p.name > ?", after)])
        rows = [dict(r) for r in store.conn.execute(
            "SELECT p.id, p.name FROM persons p" + _where(clauses) + " ORDER BY p.name LIMIT ?",
            [*params, limit + 1])]
        nxt = rows[limit - 1]["name"] if len(rows) > limit else None
        return {"kind": kind, "q": q, "persons": rows[:limit], "actors": [], "next": nxt}
    clauses, params = _filters([("ac.kind = ?", kind),
                                ("(LOWER(ac.name) LIKE ? OR LOWER(ac.code) LIKE ?)", f"%{q.lower()}%" if q else None),
                                ("ac.code > ?", after)])
    rows = [dict(r) for r in store.conn.execute(
        "SELECT ac.code, ac.name, ac.kind FROM actors ac" + _where(clauses) + " ORDER BY ac.code LIMIT ?",
        [*params, limit + 1])]
    nxt = rows[limit - 1]["code"] if len(rows) > limit else None
    return {"kind": kind, "q": q, "actors": rows[:limit], "persons": [], "next": nxt}


def actor_page(store: Store, code: str, *, after: str | None = None, since: str | None = None,
               until: str | None = None) -> Row:
    """A state or organisation: events as source and target over time, counterparts, stance toward its main
    counterparts by month, quotes by it, persons acting for it.

    Raises:
        NotFoundError: no actor has this code.
    """
    conn = store.conn
    row = conn.execute("SELECT code, name, kind FROM actors WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise NotFoundError(f"no actor with code {code}")
    actor = dict(row)
    window = since
    if since is None and until is None:  # by default the last three years: a frequent actor has 100,000s of events
        latest = conn.execute("SELECT MAX(date) FROM events WHERE source = ?", (code,)).fetchone()[0]
        window = f"{int(latest[:4]) - 3}{latest[4:7]}" if latest and latest[:4].isdigit() else None
    per_month = _per_period(store, code, window, until, 7)
    grain = "month"
    if len(per_month) <= 2:  # a few weeks of news: days say more than one or two monthly bars
        per_month, grain = _per_period(store, code, window, until, 10), "day"
    timeline = svg.bar_chart([{"period": m, "parts": list(per_month[m].items())} for m in sorted(per_month)])
    timeline["grain"], timeline["since"] = grain, window
    counterparts = _counterparts(store, code, since, until)
    stance = _stance_over_time(store, code, [c["code"] for c in counterparts[:5]], window, until,
                               by="month" if grain == "month" else "week")
    persons = [dict(r) for r in conn.execute(
        "SELECT p.id, p.name, f.role, COUNT(DISTINCT f.article_id) AS articles, MIN(f.published) AS first,"
        " MAX(f.published) AS last FROM affiliations f JOIN persons p ON p.id = f.person_id WHERE f.id IN"
        " (SELECT id FROM affiliations WHERE actor = ? ORDER BY id DESC LIMIT 5000)"  # the latest, not all
        " GROUP BY p.id, p.name, f.role ORDER BY articles DESC, p.name LIMIT 40", (code,))]
    return {"actor": actor, "timeline": timeline, "counterparts": counterparts, "stance": stance,
            "events": events_page(store, actor=code, since=since, until=until, after=after, limit=25),
            "quotes": quotes_page(store, actor=code, since=since, until=until, limit=15)["quotes"],
            "persons": persons, "filters": {"since": since, "until": until}}


def _sums(store: Store) -> bool:
    """Whether the stances stage's sums per pair and month are there to read (a filled `stance_counts`)."""
    try:
        return _use_stances() and store.conn.execute("SELECT 1 FROM stance_counts LIMIT 1").fetchone() is not None
    except Exception:  # noqa: BLE001 - an older store without the table
        return False


def _per_period(store: Store, code: str, since: str | None, until: str | None,
                width: int) -> dict[str, dict[str, int]]:
    """Events as source and as target per month (width 7) or day (10): one index range per side, or, by month
    from a month on (the default window), the counts `actor_months` keeps."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"as source": 0, "as target": 0})
    if width == 7 and until is None and (since is None or len(since) == 7) and store.schema_version() >= 10:
        # date >= 'YYYY-MM' holds exactly when the date's month >= 'YYYY-MM'; '' is the undated month
        clauses, params = _filters([("actor = ?", code), ("month >= ?", since)])
        for r in store.conn.execute("SELECT side, month, n FROM actor_months" + _where(clauses), params):
            out[r["month"] or "undated"][f"as {r['side']}"] += r["n"]
        return out
    for side in ("source", "target"):
        clauses, params = _filters([(f"e.{side} = ?", code), ("e.date >= ?", since), ("e.date <= ?", until)])
        for r in store.conn.execute(f"SELECT SUBSTR(e.date, 1, {width}) AS period, COUNT(*) AS n FROM events e"
                                    + _where(clauses) + f" GROUP BY SUBSTR(e.date, 1, {width})", params):
            out[r["period"] or "undated"][f"as {side}"] += r["n"]
    return out


def _counterparts(store: Store, code: str, since: str | None, until: str | None) -> list[Row]:
    """Who the actor acts on and is acted on by, with cooperative and conflictual counts (from the stances
    stage's sums when they are there, else from the events)."""
    both: dict[str, Row] = {}
    if _sums(store):
        for r in stances.compute_stances(store, actor=code, since=since, until=until, evidence=0):
            other = r["target"] if r["source"] == code else r["source"]
            item = both.setdefault(other, {"code": other, "events": 0, "cooperative": 0, "conflictual": 0})
            item["events"] += r["events"]
            item["cooperative"] += r["cooperative"]
            item["conflictual"] += r["conflictual"]
    for side, other in (("source", "target"), ("target", "source")) if not both else ():
        clauses, params = _filters([(f"e.{side} = ?", code), (f"e.{other} IS NOT NULL AND e.{other} != ?", code),
                                    ("e.date >= ?", since), ("e.date <= ?", until)])
        for r in store.conn.execute(
                f"SELECT e.{other} AS code, COUNT(*) AS n, SUM(CASE WHEN e.quad_class IN (1, 2) THEN 1 ELSE 0 END)"
                f" AS coop, SUM(CASE WHEN e.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict FROM events e"
                + _where(clauses) + f" GROUP BY e.{other}", params):
            item = both.setdefault(r["code"], {"code": r["code"], "events": 0, "cooperative": 0, "conflictual": 0})
            item["events"] += r["n"]
            item["cooperative"] += r["coop"] or 0
            item["conflictual"] += r["conflict"] or 0
    names = _names(store, list(both))
    for item in both.values():
        item["name"] = names.get(item["code"], item["code"])
        item["score"] = (item["cooperative"] - item["conflictual"]) / item["events"] if item["events"] else 0.0
        item["colour"] = svg.stance_colour(item["score"])
    return sorted(both.values(), key=lambda c: (-c["events"], c["code"]))[:30]


def _stance_over_time(store: Store, code: str, others: list[str], since: str | None,
                      until: str | None, *, by: str = "month") -> dict[str, Any]:
    """Stance of `code` toward each of `others` by month or week (-1 conflictual ... +1 cooperative), as lines."""
    series = []
    if _sums(store):
        # The stances stage's sums for these pairs only (primary key: source, target, ...), scored as it scores
        # them: signed weight over magnitude + 1.
        for other in others:
            # outlet '*': the sums over all outlets (the rows per outlet would count every fact twice)
            clauses, params = _filters([("c.source = ?", code), ("c.target = ?", other), ("c.grain = ?", by),
                                        ("c.outlet = '*'", True),
                                        ("c.period != ''", True), ("c.period >= ?", since[:7] if since else None),
                                        ("c.period <= ?", until if until else None)])
            points = {r["period"]: round(r["w"] / (r["m"] + 1), 3) for r in store.conn.execute(
                "SELECT c.period, SUM(c.weight) AS w, SUM(c.magnitude) AS m FROM stance_counts c" + _where(clauses)
                + " GROUP BY c.period", params) if r["m"]}
            if points:
                series.append({"label": f"{code} → {other}", "points": points})
        source = "stances"
    else:
        for other in others:
            clauses, params = _filters([("e.source = ?", code), ("e.target = ?", other), ("e.date >= ?", since),
                                        ("e.date <= ?", until), ("e.date IS NOT NULL", True)])
            rows = store.conn.execute(f"SELECT SUBSTR(e.date, 1, 7) AS month, AVG({SIGN}) AS score FROM events e"
                                      + _where(clauses) + " GROUP BY SUBSTR(e.date, 1, 7)", params).fetchall()
            if rows:
                series.append({"label": f"{code} → {other}", "points": {r["month"]: r["score"] for r in rows}})
        source = "events"
    chart = svg.line_chart(series, signed=True)
    chart["source"], chart["grain"] = source, by if source == "stances" else "month"
    return chart


def _names(store: Store, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    marks = ",".join("?" * len(codes))
    return {r["code"]: r["name"] for r in store.conn.execute(
        f"SELECT code, name FROM actors WHERE code IN ({marks})", codes)}


def person_page(store: Store, person_id: int) -> Row:
    """A person: every affiliation the texts gave, dated; quotes by them; events of the states they act for.

    Raises:
        NotFoundError: no person has this id.
    """
    row = store.conn.execute("SELECT id, name FROM persons WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no person with id {person_id}")
    person = dict(row)
    affiliations = [dict(r) for r in store.conn.execute(
        "SELECT f.actor, ac.name AS actor_name, f.role, COUNT(DISTINCT f.article_id) AS articles,"
        " MIN(f.published) AS first, MAX(f.published) AS last FROM affiliations f"
        " LEFT JOIN actors ac ON ac.code = f.actor WHERE f.person_id = ? GROUP BY f.actor, ac.name, f.role"
        " ORDER BY articles DESC", (person_id,))]
    articles = [dict(r) for r in store.conn.execute(
        "SELECT DISTINCT a.id, a.title, a.outlet, a.published FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.person_id = ? ORDER BY a.published DESC LIMIT 30", (person_id,))]
    return {"person": person, "affiliations": affiliations, "articles": articles,
            "quotes": quotes_page(store, speaker=person["name"], limit=30)["quotes"]}


def network_page(store: Store, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                 story: str | None = None, actor: str | None = None, min_evidence: int = 1,
                 limit: int = 80) -> Row:
    """The stance graph: actors as nodes, one edge per directed pair, coloured by stance, width by evidence."""
    edges = _pairs(store, since=since, until=until, outlet=outlet, story=story, actor=actor)
    edges = [e for e in edges if e["evidence"] >= max(1, min_evidence)]
    edges.sort(key=lambda e: (-e["evidence"], e["source"], e["target"]))
    edges = edges[:limit]
    names = _names(store, sorted({c for e in edges for c in (e["source"], e["target"])}))
    for e in edges:
        e["href"] = "/pair/{}/{}".format(e["source"], e["target"])
    graph = svg.network(edges, names)
    return {"graph": graph, "edges": edges, "names": names, "source": "stances" if _use_stances() else "events",
            "filters": {"since": since, "until": until, "outlet": outlet, "story": story, "actor": actor,
                        "min_evidence": min_evidence}}


def _use_stances() -> bool:
    return stances is not None and hasattr(stances, "compute_stances")


def _pairs(store: Store, *, since: str | None, until: str | None, outlet: str | None, story: str | None,
           actor: str | None) -> list[Row]:
    if _use_stances():
        rows = stances.compute_stances(store, actor=actor, since=since, until=until, outlet=outlet, story=story,
                                       limit=500, evidence=0)
        return [{"source": r["source"], "target": r["target"], "score": float(r["score"] or 0.0),
                 "evidence": int(r.get("events", 0) + r.get("quotes", 0) + r.get("phrases", 0)) or 1} for r in rows]
    clauses, params = _filters([
        ("e.source IS NOT NULL AND e.target IS NOT NULL AND e.source != e.target", True),
        ("e.date >= ?", since), ("e.date <= ?", until), ("a.outlet = ?", outlet), ("a.story_id = ?", story),
        ("(e.source = ? OR e.target = ?)", actor), ("e.negated = 0", True)])
    join = " JOIN articles a ON a.id = e.article_id" if outlet or story else ""
    return [{"source": r["source"], "target": r["target"], "score": float(r["score"] or 0.0), "evidence": r["n"]}
            for r in store.conn.execute(
                f"SELECT e.source, e.target, COUNT(*) AS n, AVG({SIGN}) AS score FROM events e{join}"
                + _where(clauses) + " GROUP BY e.source, e.target", params)]


def pair_page(store: Store, source: str, target: str, *, since: str | None = None, until: str | None = None,
              outlet: str | None = None, after: str | None = None) -> Row:
    """The evidence behind one edge: the stance explanation where available, and the events source -> target.

    Raises:
        NotFoundError: either code is not a known actor.
    """
    names = _names(store, [source, target])
    for code in (source, target):
        if code not in names:
            raise NotFoundError(f"no actor with code {code}")
    explained = None
    if stances is not None and hasattr(stances, "explain_pair"):
        explained = stances.explain_pair(store, source, target, since=since, until=until, outlet=outlet, limit=200)
    return {"source": source, "target": target, "names": names, "stance": explained,
            "events": events_page(store, source=source, target=target, since=since, until=until, outlet=outlet,
                                  after=after)}
