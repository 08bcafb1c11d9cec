"""Date ranges of stance queries: --since/--until as ISO days, and the whole weeks or months inside a range."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newsgraph.errors import ConfigError
from newsgraph.stances.facts import month_of, period_bounds, week_of

_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NEXT = {"week": lambda p: (date.fromisoformat(p) + timedelta(days=7)).isoformat(),
         "month": lambda p: period_bounds("month", p)[1][:7]}
_PREV = {"week": lambda p: (date.fromisoformat(p) - timedelta(days=7)).isoformat(),
         "month": lambda p: (date.fromisoformat(p + "-01") - timedelta(days=1)).isoformat()[:7]}


def parse_day(value: str | None, name: str, *, first: bool) -> str | None:
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


def split_range(grain: str, since: str | None, until: str | None
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
        edges.append((since, minus_day(period_bounds(grain, first)[0])))
    if until is not None and period_bounds(grain, last)[1] <= until:
        edges.append((period_bounds(grain, last)[1], until))
    return (first, last), edges


def minus_day(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
