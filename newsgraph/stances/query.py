"""Read stances: who stands with or against whom, per period and outlet, and the evidence behind one pair.

Whole weeks or months come from `stance_counts` (a few rows per pair and outlet); the days of a --since/--until
range that do not fill a whole period come from `stance_facts` (indexed by date). Scores are the signed sum of
the facts' weights over their absolute sum plus one, in (-1, 1): the sign says which way, the size how
one-sided and how well attested.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.stances.facts import ALL, month_of, period_bounds, week_of

BY = (None, "week", "month", "year")
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NEXT = {"week": lambda p: (date.fromisoformat(p) + timedelta(days=7)).isoformat(),
         "month": lambda p: period_bounds("month", p)[1][:7]}
_PREV = {"week": lambda p: (date.fromisoformat(p) - timedelta(days=7)).isoformat(),
         "month": lambda p: (date.fromisoformat(p + "-01") - timedelta(days=1)).isoformat()[:7]}


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
    since, until = _day(since, "since", first=True), _day(until, "until", first=False)
    sums: dict[tuple[str, str, str], dict[str, Any]] = {}
    if story is not None:
        _fold_facts(sums, _facts(store, actor, outlet, since, until, story), by)
    elif by is None and since is None and until is None:   # the whole map: one row per pair, sorted and cut in SQL
        where, params = _count_scope("all", actor, outlet)
        found = store.conn.execute(
            "SELECT source, target, period, events, quotes, phrases, cooperative, conflictual, weight, magnitude,"
            f" first, last FROM stance_counts WHERE {' AND '.join(where)} AND magnitude > 0"
            " ORDER BY magnitude DESC, source, target" + (" LIMIT ?" if limit else ""),
            [*params, limit] if limit else params).fetchall()
        return _finish(store, [_row((r["source"], r["target"], "all"), _plain(r), outlet) for r in found],
                       since, until, outlet, story, evidence, evidence_rows)
    else:
        grain = "week" if by == "week" else "month"
        whole, edges = _split(grain, since, until)
        if whole is not None:
            _fold_counts(sums, _counts(store, grain, actor, outlet, whole, dated=since is not None or until is not None,
                                       by=by), by)
        for lo, hi in edges:
            _fold_facts(sums, _facts(store, actor, outlet, lo, hi, None), by)
    rows = [_row(key, s, outlet) for key, s in sums.items() if s["magnitude"] > 0]
    if by is None:
        rows.sort(key=lambda r: (-r["magnitude"], r["source"], r["target"]))
    else:
        rows.sort(key=lambda r: (r["source"], r["target"], r["period"]))
    rows = rows[:limit] if limit else rows
    return _finish(store, rows, since, until, outlet, story, evidence, evidence_rows)


def _plain(r: Any) -> dict[str, Any]:
    """A sums row as plain numbers (PostgreSQL's SUM of integers is a Decimal)."""
    return {"events": int(r["events"]), "quotes": int(r["quotes"]), "phrases": int(r["phrases"]),
            "cooperative": int(r["cooperative"]), "conflictual": int(r["conflictual"]),
            "weight": float(r["weight"]), "magnitude": float(r["magnitude"]), "first": r["first"], "last": r["last"]}


def _finish(store: Any, rows: list[dict[str, Any]], since: str | None, until: str | None, outlet: str | None,
            story: str | None, evidence: int, evidence_rows: int) -> list[dict[str, Any]]:
    """Names and kinds of both sides, and the latest evidence ids of the first `evidence_rows` rows."""
    names = {r["code"]: (r["name"], r["kind"]) for r in store.conn.execute("SELECT code, name, kind FROM actors")}
    for i, row in enumerate(rows):
        for side in ("source", "target"):
            name, kind = names.get(row[side], (row[side], "state" if len(row[side]) == 3 else "org"))
            row[f"{side}_name"], row[f"{side}_kind"] = name, kind
        row["evidence"] = _evidence(store, row, since, until, outlet, story, evidence) \
            if evidence and i < evidence_rows else []
    return rows


def _day(value: str | None, name: str, *, first: bool) -> str | None:
    """A full ISO date from YYYY, YYYY-MM or YYYY-MM-DD (the first or last day of a year or month)."""
    if value is None:
        return None
    value = value.strip()
    if not _DAY.match(value):
        raise ConfigError(f"stances: --{name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    try:
        if len(value) == 4:
            return f"{value}-01-01" if first else f"{value}-12-31"
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:])
            day = 1 if first else calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return date(year, month, day).isoformat()
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ConfigError(f"stances: --{name} {value!r} is not a date ({exc})") from exc


def _split(grain: str, since: str | None, until: str | None
           ) -> tuple[tuple[str | None, str | None] | None, list[tuple[str | None, str | None]]]:
    """Whole periods inside [since, until] (first, last; None for open), and the date ranges left at the edges."""
    period_of = week_of if grain == "week" else month_of
    first = last = None
    edges: list[tuple[str | None, str | None]] = []
    if since is not None:
        first = period_of(since)
        if period_bounds(grain, first)[0] != since:
            first = _NEXT[grain](first)
    if until is not None:
        last = period_of(until)
        if period_bounds(grain, last)[1] != (date.fromisoformat(until) + timedelta(days=1)).isoformat():
            last = _PREV[grain](last)
    if first is not None and last is not None and first > last:
        return None, [(since, until)]
    if since is not None and period_bounds(grain, first)[0] > since:
        edges.append((since, _minus_day(period_bounds(grain, first)[0])))
    if until is not None and period_bounds(grain, last)[1] <= until:
        edges.append((period_bounds(grain, last)[1], until))
    return (first, last), edges


def _minus_day(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _scope(actor: str | None, outlet: str | None, prefix: str = "") -> tuple[list[str], list[Any]]:
    where, params = [], []
    if actor:
        where.append(f"({prefix}source = ? OR {prefix}target = ?)")
        params += [actor, actor]
    if outlet is not None:
        where.append(f"{prefix}outlet = ?")
        params.append(outlet)
    return where, params


def _count_scope(grain: str, actor: str | None, outlet: str | None) -> tuple[list[str], list[Any]]:
    """The sums of one grain for one outlet ('*': all of them), with the actor on either side."""
    where, params = ["grain = ?", "outlet = ?"], [grain, ALL if outlet is None else outlet]
    if actor:
        where.append("(source = ? OR target = ?)")
        params += [actor, actor]
    return where, params


def _counts(store: Any, grain: str, actor: str | None, outlet: str | None,
            whole: tuple[str | None, str | None], *, dated: bool, by: str | None) -> Iterable[Any]:
    where, params = _count_scope(grain, actor, outlet)
    if whole[0] is not None:
        where.append("period >= ?")
        params.append(whole[0])
    if whole[1] is not None:
        where.append("period <= ?")
        params.append(whole[1])
    if dated:
        where.append("period != ''")
    columns = "source, target, period, events, quotes, phrases, cooperative, conflictual, weight, magnitude, first, last"
    if grain == "all" or by in ("week", "month"):   # one row per key already: no grouping
        return store.conn.execute(f"SELECT {columns} FROM stance_counts WHERE {' AND '.join(where)}", params)
    period = {"year": "substr(period, 1, 4)", None: "MIN(period)"}[by]
    group = "source, target" + (f", {period}" if by else "")
    return store.conn.execute(
        f"SELECT source, target, {period} AS period, SUM(events) AS events,"
        " SUM(quotes) AS quotes, SUM(phrases) AS phrases, SUM(cooperative) AS cooperative,"
        " SUM(conflictual) AS conflictual, SUM(weight) AS weight, SUM(magnitude) AS magnitude, MIN(first) AS first,"
        f" MAX(last) AS last FROM stance_counts WHERE {' AND '.join(where)} GROUP BY {group}", params)


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
    return store.conn.execute(sql, params)


def _label(by: str | None, period: str | None, day: str | None = None) -> str:
    if by is None:
        return "all"
    if day is not None:
        return {"week": week_of, "month": month_of}.get(by, lambda d: month_of(d)[:4])(day)
    return (period or "")[:4] if by == "year" else (period or "")


def _empty() -> dict[str, Any]:
    return {"events": 0, "quotes": 0, "phrases": 0, "cooperative": 0, "conflictual": 0, "weight": 0.0,
            "magnitude": 0.0, "first": None, "last": None}


def _merge_dates(s: dict[str, Any], first: str | None, last: str | None) -> None:
    if first and (s["first"] is None or first < s["first"]):
        s["first"] = first
    if last and (s["last"] is None or last > s["last"]):
        s["last"] = last


def _fold_counts(sums: dict, rows: Iterable[Any], by: str | None) -> None:
    for r in rows:
        s = sums.setdefault((r["source"], r["target"], _label(by, r["period"])), _empty())
        for k in ("events", "quotes", "phrases", "cooperative", "conflictual"):
            s[k] += int(r[k])   # PostgreSQL's SUM of integers is a Decimal
        s["weight"] += float(r["weight"])
        s["magnitude"] += float(r["magnitude"])
        _merge_dates(s, r["first"], r["last"])


def _fold_facts(sums: dict, rows: Iterable[Any], by: str | None) -> None:
    for r in rows:
        s = sums.setdefault((r["source"], r["target"], _label(by, None, r["date"] or "")), _empty())
        s[{"event": "events", "quote": "quotes", "phrase": "phrases"}[r["kind"]]] += 1
        s["cooperative"] += r["weight"] > 0
        s["conflictual"] += r["weight"] < 0
        s["weight"] += r["weight"]
        s["magnitude"] += abs(r["weight"])
        _merge_dates(s, r["date"], r["date"])


def _row(key: tuple[str, str, str], s: dict[str, Any], outlet: str | None) -> dict[str, Any]:
    source, target, period = key
    return {"source": source, "target": target, "score": round(s["weight"] / (s["magnitude"] + 1), 3),
            "period": period, "outlet": outlet, "events": s["events"], "quotes": s["quotes"], "phrases": s["phrases"],
            "cooperative": s["cooperative"], "conflictual": s["conflictual"], "weight": round(s["weight"], 3),
            "magnitude": round(s["magnitude"], 3), "first": s["first"], "last": s["last"]}


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
        hi = min(hi or _minus_day(bounds[1]), _minus_day(bounds[1]))
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
    since, until = _day(since, "since", first=True), _day(until, "until", first=False)
    where = ["((f.source = ? AND f.target = ?) OR (f.source = ? AND f.target = ?))"]
    params: list[Any] = [source, target, target, source]
    for sql, value in (("f.outlet = ?", outlet), ("f.date >= ?", since), ("f.date <= ?", until),
                       ("a.story_id = ?", story)):
        if value is not None:
            where.append(sql)
            params.append(value)
    facts = [dict(r) for r in store.conn.execute(
        "SELECT f.id, f.source, f.target, f.kind, f.weight, f.why, f.date, f.event_id, f.quote_id, f.article_id,"
        " a.outlet, a.title, a.file, a.url, s.text AS sentence FROM stance_facts f"
        " JOIN articles a ON a.id = f.article_id LEFT JOIN spans s ON s.id = f.span_id"
        f" WHERE {' AND '.join(where)} ORDER BY f.date, f.id" + (" LIMIT ?" if limit else ""),
        [*params, limit] if limit else params)]
    out: dict[str, Any] = {"source": source, "target": target}
    for direction, (a, b) in (("forward", (source, target)), ("backward", (target, source))):
        mine = [f for f in facts if f["source"] == a and f["target"] == b]
        weight, magnitude = sum(f["weight"] for f in mine), sum(abs(f["weight"]) for f in mine)
        out[direction] = {"source": a, "target": b, "score": round(weight / (magnitude + 1), 3), "facts": len(mine)}
    out["score"] = round(out["forward"]["score"] + out["backward"]["score"], 3)
    out["facts"] = facts
    return out
