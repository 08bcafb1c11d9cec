"""Stance facts: one signed item of evidence for a directed actor pair, read from one stored article's records.

Three sources, each kept with its ids so every edge can be explained:
- events: the sign from the PLOVER type (cooperation > 0, conflict < 0; a request says nothing), the size from the
  type's weight, scaled by modality (an act counts fully, a promise or threat of one less, a hypothesis little),
  and turned into a weak opposite when negated ("did not support" leans away);
- quotes: the speaker's actor supporting or condemning another actor named in the quoted or reported words, or
  in the frame that carries them after the speaker ("said the raid was a 'violation' and urged Israel to halt"),
  each actor by the stance words of its own clause (see phrases);
- alignment phrases between two actor mentions of one sentence: "X, a close ally of Y", "Y's ally X", "X, a rival
  of Y", "X stands with the people of Y", "X expressed its solidarity with Y", "X's jets flew alongside Y's".
A quote or phrase that repeats a signed event of the same pair in the same sentence adds nothing (no double
counting); a request ("called on Baghdad to") has no sign and leaves the words around it to speak.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from newsgraph.stances.phrases import clause_signs, phrase_between, quote_polarity

__all__ = ["Fact", "article_facts", "event_weight", "phrase_between", "quote_polarity"]

# Type weights: how much one asserted event of this type says about the source's stance toward the target.
TYPE_WEIGHT = {
    "SUPPORT": 1.0, "AID": 1.0, "AGREE": 0.8, "COOPERATE": 0.8, "CONCEDE": 0.4, "RETREAT": 0.3, "CONSULT": 0.3,
    "ACCUSE": -0.8, "REJECT": -0.7, "THREATEN": -0.8, "PROTEST": -0.6, "SANCTION": -1.0, "MOBILIZE": -0.5,
    "COERCE": -1.0, "ASSAULT": -1.0,
}
MODALITY_SCALE = {"asserted": 1.0, "future": 0.6, "alleged": 0.5, "proposed": 0.4, "conditional": 0.3,
                  "hypothetical": 0.3, "question": 0.2}
NEGATED_SCALE = -0.3      # "did not support": a weak lean the other way
REPORTED_SCALE = 0.8      # an event the text only relays from someone else
QUOTE_WEIGHT = 0.5
LEAVE_WEIGHT = 0.5      # RETREAT from an organisation (see event_weight)
PHRASE_WEIGHT = 0.8
# A joint act ("X and Y signed an accord", "talks between X and Y", "clashes between X and Y") is stored once per
# direction; each counts half, so one accord weighs on the pair as much as one accusation does, not twice as much.
JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})
JOINT_SCALE = 0.5
# An event in a sentence that dates itself only to earlier years ("X, which signed a border accord with Y in 1998",
# "since the minister's visit in May 2019") is the story's background, not the pair's stance now: it counts less.
BACKGROUND_SCALE = 0.4
# A year only where the sentence dates something by it ("in 1998", "since May 2019", "until early 2020"): a bare
# number ("sent 2000 troops") or a year naming a thing ("renewed the 2019 accord on Monday") dates no act.
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = re.compile(r"\b(?:in|since|until|till|from|during|between|by)\s+(?:(?:early|late|mid-?|the\s+\w+\s+of)\s*)?"
                   rf"(?:(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?(19[4-9]\d|20\d\d)\b(?!\s*(?:troops|people|soldiers|"
                   r"km|kilometres|miles|tonnes|dollars))", re.I)

@dataclass(frozen=True, slots=True)
class Fact:
    source: str
    target: str
    kind: str                # event | quote | phrase
    weight: float
    why: str
    date: str | None
    outlet: str
    event_id: int | None = None
    quote_id: int | None = None
    span_id: int | None = None


def event_weight(type_: str, modality: str, negated: bool, reported: bool, target_kind: str | None = None) -> float:
    """The signed weight of one event for its source's stance toward its target."""
    weight = TYPE_WEIGHT.get(type_, 0.0) * MODALITY_SCALE.get(modality, 0.3)
    if type_ == "RETREAT" and target_kind == "org":
        # PLOVER's RETREAT is also pulling out of a treaty or a meeting: toward an organisation it is leaving it
        # (or its talks), a step away from it; toward a state it is mostly forces withdrawn, a de-escalation
        weight = -LEAVE_WEIGHT * MODALITY_SCALE.get(modality, 0.3)
    if negated:
        weight *= NEGATED_SCALE
    if reported:
        weight *= REPORTED_SCALE
    return round(weight, 4)


def article_facts(conn: Any, article_id: str) -> list[Fact]:
    """Every stance fact of one stored article (its events, quotes, mentions and sentences)."""
    art = conn.execute("SELECT outlet, published FROM articles WHERE id = ?", (article_id,)).fetchone()
    if art is None:
        return []
    outlet, published = art["outlet"] or "", art["published"]
    facts: list[Fact] = []
    linked: set[tuple[str, str, int | None]] = set()   # (source, target, span) already told by an event
    events = conn.execute(
            "SELECT e.id, e.source, e.target, e.type, e.modality, e.negated, e.reported_by, e.date, e.trigger,"
            " (SELECT MIN(x.span_id) FROM event_evidence x WHERE x.event_id = e.id) AS span_id, t.kind AS target_kind"
            " FROM events e LEFT JOIN actors t ON t.code = e.target WHERE e.article_id = ? ORDER BY e.id",
            (article_id,)).fetchall()
    told = {(e["source"], e["target"], e["type"], e["negated"], e["span_id"]) for e in events}
    years: dict[int, bool] = {}
    for e in events:
        if not e["source"] or not e["target"] or e["source"] == e["target"]:
            continue
        weight = event_weight(e["type"], e["modality"], bool(e["negated"]), bool(e["reported_by"]), e["target_kind"])
        if e["type"] in JOINT and (e["target"], e["source"], e["type"], e["negated"], e["span_id"]) in told:
            weight = round(weight * JOINT_SCALE, 4)   # one joint act, told in both directions
        if weight and _background(conn, e["span_id"], published, years):
            weight = round(weight * BACKGROUND_SCALE, 4)
        if weight:   # a request says nothing: the words around it may
            linked.add((e["source"], e["target"], e["span_id"]))
            why = f"{'not ' if e['negated'] else ''}{e['type']} ({e['modality']}, '{e['trigger']}')"
            facts.append(Fact(e["source"], e["target"], "event", weight, why, e["date"] or published, outlet,
                              event_id=e["id"], span_id=e["span_id"]))
    mentions = conn.execute(
        "SELECT m.actor, m.start, m.end, m.span_id, m.place FROM mentions m"
        " WHERE m.article_id = ? AND m.actor IS NOT NULL ORDER BY m.start", (article_id,)).fetchall()
    facts += _speech(conn, article_id, mentions, linked, published, outlet)
    facts += _phrases(conn, article_id, mentions, linked, published, outlet)
    return facts


def _background(conn: Any, span_id: int | None, published: str | None, seen: dict[int, bool]) -> bool:
    """The sentence names years, all of them before the article's year."""
    if span_id is None or not published or not published[:4].isdigit():
        return False
    if span_id not in seen:
        row = conn.execute("SELECT text FROM spans WHERE id = ?", (span_id,)).fetchone()
        found = [int(y) for y in _YEAR.findall(row["text"])] if row else []
        seen[span_id] = bool(found) and max(found) < int(published[:4])
    return seen[span_id]


def _speech(conn: Any, article_id: str, mentions: list, linked: set, published: str | None,
            outlet: str) -> list[Fact]:
    """The speaker's actor toward each actor its reported words name: inside the quoted words, or after the
    speaker in the frame that carries them ("said the raid was a 'violation' and urged Israel to halt"), clause
    by clause (see phrases). Mentions before the speaker are its title ("the US ambassador to Japan") or another
    subject's; those inside another actor's quote are that actor's."""
    quotes = conn.execute("SELECT q.id, q.actor, q.start, q.end, q.speaker_start, q.speaker_end, q.span_id,"
                          " s.start AS s_start, s.text AS s_text FROM quotes q JOIN spans s ON s.id = q.span_id"
                          " WHERE q.article_id = ?", (article_id,)).fetchall()
    by_span: dict[int, list] = {}
    for m in mentions:
        by_span.setdefault(m["span_id"], []).append(m)
    out: list[Fact] = []
    for q in quotes:
        if not q["actor"]:
            continue
        others = [(o["start"], o["end"]) for o in quotes
                  if o["span_id"] == q["span_id"] and o["actor"] != q["actor"]]
        # the frame is the speaker's when the speaker comes first: after the quote it is the scene ("told a
        # session on Ukraine")
        after = q["speaker_end"] if q["speaker_start"] is not None and q["s_start"] <= q["speaker_start"] \
            and q["speaker_end"] <= q["start"] else None
        if after is not None:   # "the British ambassador to Japan, John Smith, said": past the speaker's name
            after = max([after] + [m["end"] for m in by_span.get(q["span_id"], ())
                                   if m["actor"] == q["actor"] and after <= m["start"] < min(q["start"], after + 20)])
        spots = [m for m in by_span.get(q["span_id"], ()) if m["actor"] != q["actor"] and not _located(q, m) and (
            q["start"] <= m["start"] and m["end"] <= q["end"]
            or after is not None and m["start"] >= after and not any(a <= m["start"] < b for a, b in others))]
        if not spots:
            continue
        base = q["s_start"]
        signs = clause_signs(q["s_text"], (q["start"] - base, q["end"] - base),
                             [(m["start"] - base, m["end"] - base) for m in spots],
                             min(q["start"], after if after is not None else q["start"]) - base)
        per: dict[str, float] = {}
        for m, sign in zip(spots, signs):
            per[m["actor"]] = per.get(m["actor"], 0.0) + sign
        for target, total in sorted(per.items()):
            if not total or (q["actor"], target, q["span_id"]) in linked:
                continue
            polarity = 1.0 if total > 0 else -1.0
            linked.add((q["actor"], target, q["span_id"]))   # one fact per pair and sentence, however many quotes
            out.append(Fact(q["actor"], target, "quote", QUOTE_WEIGHT * polarity,
                            f"reported words {'support' if polarity > 0 else 'condemn'} {target}",
                            published, outlet, quote_id=q["id"], span_id=q["span_id"]))
    return out


_IN = re.compile(r"\b(?:in|from)\s+(?:the\s+)?$", re.I)


def _located(q: Any, m: Any) -> bool:
    """A place where something happens ("said in Vienna", "stops in Israel"), not an actor spoken of; a capital
    the words are aimed at ("a warning aimed at Addis Ababa") is still its state."""
    if not m["place"]:
        return False
    at = m["start"] - q["s_start"]
    return bool(_IN.search(q["s_text"], max(0, at - 12), at))


def _phrases(conn: Any, article_id: str, mentions: list, linked: set, published: str | None,
             outlet: str) -> list[Fact]:
    by_span: dict[int, list] = {}
    for m in mentions:
        if m["span_id"] is not None:
            by_span.setdefault(m["span_id"], []).append(m)
    out: list[Fact] = []
    spans = [s for s, ms in by_span.items() if len({m["actor"] for m in ms}) > 1]
    for span_id in spans:
        row = conn.execute("SELECT start, text FROM spans WHERE id = ?", (span_id,)).fetchone()
        ms = by_span[span_id]
        for a, b in zip(ms, ms[1:]):   # neighbouring mentions only: the phrase sits between them
            if a["actor"] == b["actor"] or a["end"] > b["start"]:
                continue
            between = row["text"][a["end"] - row["start"]:b["start"] - row["start"]]
            if len(between) > 60:
                continue
            for reverse in (False, True):
                sign = phrase_between(between, reverse)
                if not sign:
                    continue
                source, target = (b["actor"], a["actor"]) if reverse else (a["actor"], b["actor"])
                if (source, target, span_id) in linked:
                    break
                out.append(Fact(source, target, "phrase", PHRASE_WEIGHT * sign,
                                f"'{' '.join(between.split())}'", published, outlet, span_id=span_id))
                break
    return out


ALL = "*"   # the outlet of the sums over every outlet; grain/period "all": over all time


@lru_cache(maxsize=4096)   # an article's facts share a few dates; a bulk fill, a few thousand days
def count_keys(outlet: str, day: str | None) -> tuple[tuple[str, str, str], ...]:
    """The (outlet, grain, period) keys of `stance_counts` one fact adds to: its outlet and all outlets, each by
    week, by month and over all time."""
    periods = (("week", week_of(day)), ("month", month_of(day)), ("all", "all"))
    return tuple((o, grain, period) for o in (outlet, ALL) for grain, period in periods)


def week_of(day: str | None) -> str:
    """The Monday (YYYY-MM-DD) of a date's ISO week; '' for no or a malformed date."""
    parsed = _parse(day)
    return (parsed - timedelta(days=parsed.weekday())).isoformat() if parsed else ""


def month_of(day: str | None) -> str:
    parsed = _parse(day)
    return parsed.isoformat()[:7] if parsed else ""


def period_bounds(grain: str, period: str) -> tuple[str, str]:
    """[first day, first day after) of a week (its Monday) or a month (YYYY-MM), as ISO dates."""
    if grain == "week":
        monday = date.fromisoformat(period)
        return monday.isoformat(), (monday + timedelta(days=7)).isoformat()
    year, month = int(period[:4]), int(period[5:7])
    following = date(year + month // 12, month % 12 + 1, 1)
    return f"{period}-01", following.isoformat()


def _parse(day: str | None) -> date | None:
    try:
        return date.fromisoformat(day[:10]) if day else None
    except ValueError:
        return None
