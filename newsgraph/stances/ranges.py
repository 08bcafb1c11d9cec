"""The whole weeks or months of a --since/--until range over all outlets, summed per pair (and year) by SQLite.

A short range reads only its own periods' sums from `stance_counts_periods` (migration 17: the week and month rows
over all outlets in period order, every column in the index), a few percent of the table, instead of every
period of every pair with its JSON text. SQLite's sorter keeps rows of equal key in the order they came (its
merges take the earlier run first), so each pair's periods are still added in period order, as the scan of the
table's key (source, target, period) adds them: the same sums to the last bit, hence the same rounded scores
(a sum near a half in the third decimal rounds by its last bits). A range over most of the store's periods reads
the table's key as before (sorting nearly all rows costs more than reading them in order).
"""
from __future__ import annotations

from datetime import date
from typing import Any

SUMS = ("SUM(events), SUM(quotes), SUM(phrases), SUM(cooperative), SUM(conflictual), SUM(weight), SUM(magnitude),"
        " MIN(first), MAX(last)")


def short_range(store: Any, grain: str, whole: tuple[str | None, str | None]) -> bool:
    """Whether the whole periods of a range are under half of the store's dated periods of that grain."""
    sqlite = getattr(store, "backend", "sqlite") == "sqlite"
    if sqlite and store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index'"
                                     " AND name = 'stance_counts_periods'").fetchone() is None:
        return False   # a store read without migrating it (the web's read-only one)
    table = "stance_counts INDEXED BY stance_counts_periods" if sqlite else "stance_counts"
    bounds = []
    for order in ("", " DESC"):
        row = store.conn.execute(f"SELECT period FROM {table} WHERE grain = '{grain}' AND outlet = '*'"
                                 f" AND grain != 'all' AND period > '' ORDER BY period{order} LIMIT 1").fetchone()
        if row is None:
            return False
        bounds.append(row[0])
    lo, hi = max(whole[0] or bounds[0], bounds[0]), min(whole[1] or bounds[1], bounds[1])
    return lo > hi or 2 * (_index(grain, hi) - _index(grain, lo) + 1) < _index(grain, bounds[1]) - _index(
        grain, bounds[0]) + 1


def _index(grain: str, period: str) -> int:
    if grain == "week":
        return date.fromisoformat(period).toordinal() // 7
    return int(period[:4]) * 12 + int(period[5:7])


def range_sums(store: Any, grain: str, by: str | None, whole: tuple[str | None, str | None]
               ) -> dict[tuple[str, str, str], list[Any]]:
    """(source, target, label) -> [events, quotes, phrases, cooperative, conflictual, weight, magnitude, first,
    last] over the dated `grain` periods from whole[0] to whole[1] (None: open); label is the period with `by`
    week or month, its year with 'year', else 'all'."""
    # the partial index's own terms, as literals, so that the planner may use it
    where = [f"grain = '{grain}'", "outlet = '*'", "grain != 'all'"]
    params: list[Any] = []
    where.append("period >= ?" if whole[0] else "period > ''")   # '' holds the undated facts: never in a range
    params += [whole[0]] if whole[0] else []
    if whole[1]:
        where.append("period <= ?")
        params.append(whole[1])
    sqlite = getattr(store, "backend", "sqlite") == "sqlite"
    table = "stance_counts INDEXED BY stance_counts_periods" if sqlite else "stance_counts"
    label, group = {"week": ("period", ""), "month": ("period", ""),
                    "year": ("SUBSTR(period, 1, 4)", " GROUP BY source, target, SUBSTR(period, 1, 4)")}.get(
        by, ("'all'", " GROUP BY source, target"))
    columns = SUMS if group else "events, quotes, phrases, cooperative, conflictual, weight, magnitude, first, last"
    sql = f"SELECT source, target, {label}, {columns} FROM {table} WHERE {' AND '.join(where)}{group}"
    if sqlite:
        cursor = store.conn.cursor()
        cursor.row_factory = None
        return {(s, t, p): v for s, t, p, *v in cursor.execute(sql, params)}
    return {(r[0], r[1], r[2]): [int(r[3]), int(r[4]), int(r[5]), int(r[6]), int(r[7]), float(r[8]), float(r[9]),
                                 r[10], r[11]] for r in store.conn.execute(sql, params)}


def merge_edges(sums: dict[tuple[str, str, str], list[Any]], extra: dict[tuple[str, str, str], list[Any]]
                ) -> list[tuple]:
    """Items: the sums of whole periods plus those folded from the facts of the range's edge days, key by key
    (whole periods' sum first, then the edges' sum added, as compute_stances always did)."""
    for key, add in extra.items():
        r = sums.get(key)
        if r is None:
            sums[key] = add
            continue
        first, last = r[7], r[8]
        if add[7] and (first is None or add[7] < first):
            first = add[7]
        if add[8] and (last is None or add[8] > last):
            last = add[8]
        sums[key] = [*(a + b for a, b in zip(r[:7], add[:7])), first, last]
    return [(*key, *v) for key, v in sums.items()]
