"""Read stances: who stands with or against whom, per period and outlet, and the evidence behind one pair.

Whole weeks or months come from `stance_counts` (a few rows per pair and outlet); the days of a --since/--until
range that do not fill a whole period come from `stance_facts` (indexed by date). Scores are the signed sum of
the facts' weights over their absolute sum plus one, in (-1, 1): the sign says which way, the size how
one-sided and how well attested.
"""
from __future__ import annotations

import gc
import heapq
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.stances.facts import ALL, month_of, period_bounds, week_of
from newsgraph.stances.periods import minus_day, parse_day, split_range
from newsgraph.stances.ranges import merge_edges, range_sums, short_range

BY = (None, "week", "month", "year")


def compute_stances(store: Any, *, actor: str | None = None, since: str | None = None, until: str | None = None,
                    by: str | None = None, outlet: str | None = None, story: str | None = None,
                    limit: int | None = None, evidence: int = 5, evidence_rows: int = 1000) -> list[dict[str, Any]]:
    """Directed actor pairs with their stance score, counts, dates and (up to `evidence`) latest evidence ids.

    `by` splits each pair by week, month or year; `actor` keeps pairs with it on either side; `story` keeps the
    facts of one story's articles. Rows are sorted by weight of evidence (or by pair and period with `by`).
    Evidence ids are given to the first `evidence_rows` rows (one indexed query each); the others carry an empty
    list (`explain_pair` gives every fact of a pair).

    Raises:
        ConfigError: an unknown `by` or a malformed date.
    """
    if by not in BY:
        raise ConfigError(f"stances: --by must be week, month or year, not {by!r}")
    since, until = parse_day(since, "since", first=True), parse_day(until, "until", first=False)
    if story is not None:
        items = _folded({}, _facts(store, actor, outlet, since, until, story), by)
    elif by is None and since is None and until is None:   # the whole map: the all-time sums, one row per pair
        order = " ORDER BY magnitude DESC, source, target" + (" LIMIT ?" if limit else "")
        items = _scoped(store, "all", actor, outlet, ["magnitude > 0"], [], "period, " + _COLUMNS, order=order,
                        tail=[limit] if limit else [])   # period: 'all'
        return _finish(store, items, since, until, outlet, story, evidence, evidence_rows)
    elif by is not None and limit and since is None and until is None:
        items = _first_pairs(store, by, actor, outlet, limit)
    else:
        grain = "week" if by == "week" else "month"
        whole, edges = split_range(grain, since, until)
        dated = since is not None or until is not None
        extra: dict[tuple[str, str, str], list[Any]] = {}
        for lo, hi in edges:
            _folded(extra, _facts(store, actor, outlet, lo, hi, None), by)
        if whole is not None and dated and actor is None and outlet is None and short_range(store, grain, whole):
            # the range's own periods alone, summed by SQLite (stances.ranges)
            items = merge_edges(range_sums(store, grain, by, whole), extra)
        else:
            items = [] if whole is None else _period_sums(store, grain, by, actor, outlet, whole, dated=dated)
            if extra:
                items = _merge(items, extra)
    items = [r for r in items if r[_MAGNITUDE] > 0]
    if by is None:
        items = _heaviest(items, limit)
    else:
        items.sort(key=lambda r: (r[0], r[1], r[2]))
    return _finish(store, items[:limit] if limit else items, since, until, outlet, story, evidence, evidence_rows)


# An item: (source, target, period, events, quotes, phrases, cooperative, conflictual, weight, magnitude, first,
# last), the sums of one row of the answer as plain tuples: the whole map has tens of thousands of them.
_COLUMNS = "events, quotes, phrases, cooperative, conflictual, weight, magnitude, first, last"
_SUMS = ("SUM(events), SUM(quotes), SUM(phrases), SUM(cooperative), SUM(conflictual), SUM(weight), SUM(magnitude),"
         " MIN(first), MAX(last)")
_MAGNITUDE = 9
_BY_MAGNITUDE = itemgetter(_MAGNITUDE)
_GRAIN = {g: f"grain = '{g}'" for g in ("week", "month", "all")}   # literals: a partial index needs one


def _tuples(store: Any, sql: str, params: list[Any] | tuple = (), *, sums: bool = True) -> list[tuple]:
    """The rows as plain tuples; with `sums`, the last nine columns (an item's) as Python ints and floats
    (PostgreSQL's SUM of integers is numeric)."""
    if getattr(store, "backend", "sqlite") == "sqlite":
        cursor = store.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()
    if not sums:
        return [tuple(r) for r in store.conn.execute(sql, params)]
    return [(*r[:-9], int(r[-9]), int(r[-8]), int(r[-7]), int(r[-6]), int(r[-5]), float(r[-4]), float(r[-3]),
             r[-2], r[-1]) for r in store.conn.execute(sql, params)]


def _scoped(store: Any, grain: str, actor: str | None, outlet: str | None, where: list[str], params: list[Any],
            columns: str, group: str = "", *, sums: bool = True, order: str = "", tail: list[Any] | None = None
            ) -> list[tuple]:
    """`SELECT source, target, columns` from the sums of one grain and outlet ('*': all of them), with the actor on
    either side: two ranges of the table's key (grain, outlet, source ...) and of its target index, not an OR.
    `order` (and its parameters `tail`) orders and cuts the whole."""
    sql, args = scoped_sql(store, grain, actor, outlet, where, params, columns, group)
    return _tuples(store, sql + order, [*args, *(tail or [])], sums=sums)


def scoped_sql(store: Any, grain: str, actor: str | None, outlet: str | None, where: list[str], params: list[Any],
               columns: str, group: str = "") -> tuple[str, list[Any]]:
    """The SQL of `_scoped` and its parameters (`stances.dump` wraps it to write the rows as JSON)."""
    scope = [_GRAIN[grain], "outlet = ?", *where]
    base = [ALL if outlet is None else outlet]
    select = f"SELECT source, target, {columns} FROM stance_counts WHERE "
    if not actor:
        return select + " AND ".join(scope) + group, [*base, *params]
    # SQLite without statistics prefers a scan of the whole scope to a secondary index of a WITHOUT ROWID table
    hint = " INDEXED BY stance_counts_target" if getattr(store, "backend", "sqlite") == "sqlite" else ""
    sides = (select + " AND ".join([*scope[:2], "source = ?", *scope[2:]]) + group,
             select.replace(" WHERE ", f"{hint} WHERE ") + " AND ".join([*scope[:2], "target = ?", "source != ?",
                                                                         *scope[2:]]) + group)
    return " UNION ALL ".join(sides), [*base, actor, *params, *base, actor, actor, *params]


def _period_sums(store: Any, grain: str, by: str | None, actor: str | None, outlet: str | None,
                 whole: tuple[str | None, str | None], *, dated: bool, pair: tuple[str, str] | None = None
                 ) -> list[tuple]:
    """Items from the sums of whole periods: as stored (by week or month), or summed per pair and year or per pair."""
    where, params = [], []
    for sql, value in (("period >= ?", whole[0]), ("period <= ?", whole[1]), ("source = ?", pair and pair[0]),
                       ("target = ?", pair and pair[1])):
        if value is not None:
            where.append(sql)
            params.append(value)
    if dated:
        where.append("period != ''")
    if by in ("week", "month"):   # one row per key already: no grouping
        return _scoped(store, grain, actor, outlet, where, params, "period, " + _COLUMNS)
    if by == "year":
        return _scoped(store, grain, actor, outlet, where, params, f"SUBSTR(period, 1, 4), {_SUMS}",
                       " GROUP BY source, target, SUBSTR(period, 1, 4)")
    return [(s, t, "all", *v) for s, t, *v in _scoped(store, grain, actor, outlet, where, params, _SUMS,
                                                       " GROUP BY source, target")]


def _first_pairs(store: Any, by: str, actor: str | None, outlet: str | None, limit: int) -> list[tuple]:
    """The first `limit` items by pair and period, over all time: read pair by pair in order, from the first pair
    on, until `limit` items are there (each pair with any evidence has at least one period)."""
    pairs = sorted((s, t) for s, t, m in _scoped(store, "all", actor, outlet, [], [], "magnitude", sums=False)
                   if m > 0)
    grain = "week" if by == "week" else "month"
    items: list[tuple] = []
    for pair in pairs:
        found = [r for r in _period_sums(store, grain, by, None, outlet, (None, None), dated=False, pair=pair)
                 if r[_MAGNITUDE] > 0]
        items += found
        if len(items) >= limit:
            break
    return items


def _heaviest(items: list[tuple], limit: int | None) -> list[tuple]:
    """Items by rounded magnitude (then pair), the first `limit` of them: a C-speed pass finds the limit-th
    magnitude, and only the items that can round to it or above are sorted in full."""
    if limit and len(items) > 4 * limit:
        kth = heapq.nlargest(limit, map(_BY_MAGNITUDE, items))[-1]
        cut = round(kth, 3) - 0.0006   # anything lower rounds below the limit-th item's rounded magnitude
        items = [r for r in items if r[_MAGNITUDE] >= cut]
    items.sort(key=lambda r: (-round(r[_MAGNITUDE], 3), r[0], r[1]))
    return items


def _merge(items: list[tuple], extra: dict[tuple[str, str, str], list[Any]]) -> list[tuple]:
    """Items plus the sums folded from facts (the days at the edges of a date range), key by key."""
    out = []
    for r in items:
        add = extra.pop((r[0], r[1], r[2]), None)
        if add is None:
            out.append(r)
            continue
        out.append((*r[:3], *(a + b for a, b in zip(r[3:10], add[:7])), *_dates(r[10], r[11], add[7], add[8])))
    out += [(*key, *v) for key, v in extra.items()]
    return out


def _dates(first: str | None, last: str | None, other_first: str | None, other_last: str | None) -> tuple:
    if other_first and (first is None or other_first < first):
        first = other_first
    if other_last and (last is None or other_last > last):
        last = other_last
    return first, last


def _folded(sums: dict[tuple[str, str, str], list[Any]], facts: Iterable[tuple], by: str | None) -> Any:
    """Facts (source, target, date, kind, weight) added into `sums` by (source, target, period label); returns
    the items when `sums` started empty."""
    column = {"event": 0, "quote": 1, "phrase": 2}
    label = {"week": week_of, "month": month_of, "year": lambda d: month_of(d)[:4]}.get(by)
    for source, target, day, kind, weight in facts:
        day = day or ""
        s = sums.setdefault((source, target, "all" if label is None else label(day) if day else ""),
                            [0, 0, 0, 0, 0, 0.0, 0.0, None, None])
        s[column[kind]] += 1
        s[3] += weight > 0
        s[4] += weight < 0
        s[5] += weight
        s[6] += abs(weight)
        if day:
            s[7] = day if s[7] is None or day < s[7] else s[7]
            s[8] = day if s[8] is None or day > s[8] else s[8]
    return [(*key, *v) for key, v in sums.items()]


class _Names(dict):
    """Actor code -> (name, kind); a code not in `actors` stands for itself (three letters: a state)."""

    def __missing__(self, code: str) -> tuple[str, str]:
        self[code] = (code, "state" if len(code) == 3 else "org")
        return self[code]


def _finish(store: Any, items: list[tuple], since: str | None, until: str | None, outlet: str | None,
            story: str | None, evidence: int, evidence_rows: int) -> list[dict[str, Any]]:
    """The rows: scores, names and kinds of both sides, and the latest evidence ids of the first `evidence_rows`."""
    names = _Names((r[0], (r[1], r[2])) for r in _tuples(store, "SELECT code, name, kind FROM actors", sums=False))
    collecting = gc.isenabled()
    gc.disable()   # tens of thousands of new dicts: no collection passes over them while they are built
    try:
        # + 0.0: a score or weight that rounds to zero is 0.0, never -0.0
        rows = [{"source": s, "target": t, "score": round(w / (m + 1), 3) + 0.0, "period": p, "outlet": outlet,
                 "events": e, "quotes": q, "phrases": ph, "cooperative": c, "conflictual": x,
                 "weight": round(w, 3) + 0.0,
                 "magnitude": round(m, 3), "first": f, "last": la, "source_name": sn[0], "source_kind": sn[1],
                 "target_name": tn[0], "target_kind": tn[1], "evidence": []}
                for s, t, p, e, q, ph, c, x, w, m, f, la in items for sn in (names[s],) for tn in (names[t],)]
    finally:
        if collecting:
            gc.enable()
    if evidence:
        for row in rows[:evidence_rows]:
            row["evidence"] = _evidence(store, row, since, until, outlet, story, evidence)
    return rows


def _scope(actor: str | None, outlet: str | None, prefix: str = "") -> tuple[list[str], list[Any]]:
    where, params = [], []
    if actor:
        where.append(f"({prefix}source = ? OR {prefix}target = ?)")
        params += [actor, actor]
    if outlet is not None:
        where.append(f"{prefix}outlet = ?")
        params.append(outlet)
    return where, params


def _facts(store: Any, actor: str | None, outlet: str | None, since: str | None, until: str | None,
           story: str | None) -> Iterable[Any]:
    where, params = _scope(actor, outlet, "f.")
    join = ""
    if story is not None:
        join = " JOIN articles a ON a.id = f.article_id"
        where.append("a.story_id = ?")
        params.append(story)
    if since is not None:
        where.append("f.date >= ?")
        params.append(since)
    if until is not None:
        where.append("f.date <= ?")
        params.append(until)
    sql = ("SELECT f.source, f.target, f.date, f.kind, f.weight FROM stance_facts f" + join
           + (" WHERE " + " AND ".join(where) if where else ""))
    return _tuples(store, sql, params, sums=False)


def _evidence(store: Any, row: dict[str, Any], since: str | None, until: str | None, outlet: str | None,
              story: str | None, n: int) -> list[str]:
    """The latest evidence ids of one row: 'event:ID', 'quote:ID' or 'phrase:ID' (a stance_facts id)."""
    lo, hi = since, until
    if row["period"] != "all" and row["period"]:
        if len(row["period"]) == 4:
            bounds = (f"{row['period']}-01-01", f"{int(row['period']) + 1}-01-01")
        else:
            bounds = period_bounds("week" if len(row["period"]) == 10 else "month", row["period"])
        lo = max(lo or bounds[0], bounds[0])
        hi = min(hi or minus_day(bounds[1]), minus_day(bounds[1]))
    where, params = ["f.source = ?", "f.target = ?"], [row["source"], row["target"]]
    for sql, value in (("f.outlet = ?", outlet), ("f.date >= ?", lo), ("f.date <= ?", hi)):
        if value is not None:
            where.append(sql)
            params.append(value)
    join = ""
    if story is not None:
        join = " JOIN articles a ON a.id = f.article_id"
        where.append("a.story_id = ?")
        params.append(story)
    found = store.conn.execute(
        f"SELECT f.id, f.kind, f.event_id, f.quote_id FROM stance_facts f{join} WHERE {' AND '.join(where)}"
        " ORDER BY f.date DESC, f.id DESC LIMIT ?", [*params, n])
    return [f"event:{r['event_id']}" if r["kind"] == "event" else f"quote:{r['quote_id']}" if r["kind"] == "quote"
            else f"phrase:{r['id']}" for r in found]


def explain_pair(store: Any, source: str, target: str, *, since: str | None = None, until: str | None = None,
                 outlet: str | None = None, story: str | None = None, limit: int | None = None,
                 **_: Any) -> dict[str, Any]:
    """Every fact behind one pair, both directions: the sentence, why it counts, its weight, article, outlet, date."""
    since, until = parse_day(since, "since", first=True), parse_day(until, "until", first=False)
    where, params = [], []
    for sql, value in (("f.outlet = ?", outlet), ("f.date >= ?", since), ("f.date <= ?", until),
                       ("a.story_id = ?", story)):
        if value is not None:
            where.append(sql)
            params.append(value)
    # Each direction is one range of the pair index in date order; with a limit, the first `limit` of each are
    # all the union can need, so a pair with 100,000s of facts reads a few hundred rows, not all of them.
    select = ("SELECT f.id, f.source, f.target, f.kind, f.weight, f.why, f.date, f.event_id, f.quote_id,"
              " f.article_id, a.outlet, a.title, a.file, a.url, s.text AS sentence FROM stance_facts f"
              " JOIN articles a ON a.id = f.article_id LEFT JOIN spans s ON s.id = f.span_id"
              " WHERE " + " AND ".join(["f.source = ?", "f.target = ?", *where]))
    cut = (" ORDER BY f.date, f.id LIMIT ?", [limit]) if limit else ("", [])
    directions = [(source, target)] if source == target else [(source, target), (target, source)]
    sql = " UNION ALL ".join(f"SELECT * FROM ({select}{cut[0]}) AS d{i}" for i in range(len(directions)))
    facts = [dict(r) for r in store.conn.execute(
        sql + " ORDER BY date, id" + (" LIMIT ?" if limit else ""),
        [v for a, b in directions for v in (a, b, *params, *cut[1])] + ([limit] if limit else []))]
    out: dict[str, Any] = {"source": source, "target": target}
    for direction, (a, b) in (("forward", (source, target)), ("backward", (target, source))):
        mine = [f for f in facts if f["source"] == a and f["target"] == b]
        weight, magnitude = sum(f["weight"] for f in mine), sum(abs(f["weight"]) for f in mine)
        out[direction] = {"source": a, "target": b, "score": round(weight / (magnitude + 1), 3), "facts": len(mine)}
    out["score"] = round(out["forward"]["score"] + out["backward"]["score"], 3)
    out["facts"] = facts
    return out
