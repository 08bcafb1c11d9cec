"""Read one set of articles' records from the store in a few queries (one per table, ids in chunks)."""
from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.compare.prior import doc_counts
from newsgraph.compare.text import term_counts
from newsgraph.store import Store

_CHUNK = 400
Row = dict[str, Any]


@dataclass(slots=True)
class Records:
    """The records of the compared articles, keyed by article id."""

    articles: dict[str, Row] = field(default_factory=dict)
    spans: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))   # sorted by start
    events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    quotes: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    tone: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    names: dict[str, str] = field(default_factory=dict)      # actor code -> name
    _terms: dict[str, Counter[str]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    def terms(self, aid: str) -> Counter[str]:
        """The article's term counts (computed once: terms and names both read them)."""
        if aid not in self._terms:
            self._terms[aid] = term_counts(self.articles[aid]["text"])
        return self._terms[aid]

    def sentence_index(self, aid: str, offset: int | None) -> int:
        """Index of the sentence of `aid` that holds a character offset (0 when unknown)."""
        if aid not in self._starts:
            self._starts[aid] = [s["start"] for s in self.spans.get(aid, [])]
        if offset is None:
            return 0
        return max(0, bisect_right(self._starts[aid], offset) - 1)

    def sentence(self, aid: str, offset: int) -> dict[str, Any] | None:
        spans = self.spans.get(aid, [])
        i = self.sentence_index(aid, offset)
        return spans[i] if i < len(spans) and spans[i]["start"] <= offset < spans[i]["end"] else None


def _has_column(store: Store, table: str, column: str) -> bool:
    """Whether a column exists (stages land their migrations independently); portable: no PRAGMA."""
    try:
        cur = store.conn.execute(f"SELECT * FROM {table} WHERE 1 = 0")
        return column in [d[0] for d in (cur.description or ())]
    except Exception:  # noqa: BLE001 - a missing table reads as a missing column on every backend
        return False


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    return [list(ids[i:i + _CHUNK]) for i in range(0, len(ids), _CHUNK)]


def _select(store: Store, sql: str, ids: Sequence[str]) -> list[Row]:
    rows: list[Row] = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows.extend(dict(r) for r in store.conn.execute(sql.format(ids=marks), chunk))
    return rows


def load(store: Store, article_ids: Sequence[str]) -> Records:
    """Every record the comparison reads, for these articles (unknown ids are ignored)."""
    ids = list(dict.fromkeys(article_ids))
    rec = Records()
    copy = ", a.copy_of" if _has_column(store, "articles", "copy_of") else ", NULL AS copy_of"
    for row in _select(store, "SELECT a.id, a.outlet, a.url, a.title, a.published, a.file, a.text" + copy +
                       " FROM articles a WHERE a.id IN ({ids})", ids):
        rec.articles[row["id"]] = row
    ids = list(rec.articles)
    for row in _select(store, "SELECT article_id, start, end, text FROM spans WHERE article_id IN ({ids})"
                       " ORDER BY article_id, start", ids):
        rec.spans[row["article_id"]].append(row)
    for row in _select(store, "SELECT e.id, e.article_id, e.source, e.target, e.type, e.negated, e.modality,"
                       " e.reported_by, e.trigger, e.sentence, x.trigger_start, x.trigger_end, s.start AS s_start,"
                       " s.end AS s_end FROM events e LEFT JOIN event_evidence x ON x.event_id = e.id"
                       " LEFT JOIN spans s ON s.id = x.span_id WHERE e.article_id IN ({ids}) ORDER BY e.id, x.id", ids):
        events = rec.events[row["article_id"]]
        if not events or events[-1]["id"] != row["id"]:   # first evidence of each event
            events.append(row)
    for row in _select(store, "SELECT q.id, q.article_id, q.text, q.speaker, q.actor, q.direct, q.cue, q.start,"
                       " q.end, s.start AS s_start, s.end AS s_end, s.text AS sentence FROM quotes q"
                       " LEFT JOIN spans s ON s.id = q.span_id WHERE q.article_id IN ({ids}) ORDER BY q.start", ids):
        rec.quotes[row["article_id"]].append(row)
    for row in _select(store, "SELECT m.article_id, m.actor, m.kind, m.how, m.text, m.start, m.end, m.place"
                       " FROM mentions m WHERE m.article_id IN ({ids}) ORDER BY m.id", ids):
        rec.mentions[row["article_id"]].append(row)
    if _has_column(store, "tone", "score"):
        for row in _select(store, "SELECT article_id, target, name, kind, score, label, mentions, evidence FROM tone"
                           " WHERE article_id IN ({ids})", ids):
            try:
                row["evidence"] = json.loads(row["evidence"] or "[]")
            except ValueError:
                row["evidence"] = []
            rec.tone[row["article_id"]].append(row)
    rec._terms.update(doc_counts(store.conn, ids))
    codes = {m["actor"] for ms in rec.mentions.values() for m in ms if m["actor"]}
    codes |= {e[k] for es in rec.events.values() for e in es for k in ("source", "target") if e[k]}
    for row in _select(store, "SELECT code, name FROM actors WHERE code IN ({ids})", sorted(codes)):
        rec.names[row["code"]] = row["name"]
    return rec
