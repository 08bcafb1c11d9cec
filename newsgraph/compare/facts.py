"""Facts: the story's distinct events (source, type, target), side by side: who reports each, how, and where.

How a report carries an event: `denied` (negated: the text says it did not happen), `hedged` (future, proposed,
hypothetical, conditional, a question), `attributed` (the outlet relays someone else's account: "Dawn reported
that ...", an allegation), else `asserted` in the outlet's own voice. Where: `lead` when the event is in one of the
article's first two sentences, `buried` when its first report lies in the second half of the text.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsgraph.compare.load import Records

VERBS = {"AGREE": "agrees with", "CONSULT": "consults", "SUPPORT": "supports", "CONCEDE": "concedes to",
         "COOPERATE": "cooperates with", "AID": "aids", "RETREAT": "retreats before", "REQUEST": "asks",
         "ACCUSE": "accuses", "REJECT": "rejects", "THREATEN": "threatens", "PROTEST": "protests against",
         "SANCTION": "sanctions", "MOBILIZE": "mobilises against", "COERCE": "coerces", "ASSAULT": "attacks"}
HEDGED = {"future", "hypothetical", "conditional", "proposed", "question"}
LEAD_SENTENCES = 2
MAX_EVIDENCE = 3


def how_reported(event: dict[str, Any]) -> str:
    if event["negated"]:
        return "denied"
    if event["modality"] in HEDGED:
        return "hedged"
    if event["reported_by"] or event["modality"] == "alleged":
        return "attributed"
    return "asserted"


def fact_label(source: str | None, type_: str, target: str | None, names: dict[str, str]) -> str:
    who = names.get(source or "", source or "someone")
    whom = names.get(target or "", target or "")
    return f"{who} {VERBS.get(type_, type_.lower())} {whom}".strip()


def build_facts(rec: Records, groups: dict[str, str], originals: dict[str, str]) -> list[dict[str, Any]]:
    """One item per distinct (source, type, target), with its reports per side.

    `groups` maps each compared article to its side; `originals` maps it to the article it copies (or itself), so
    that a copy never counts as a second report.
    """
    reports: dict[tuple, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for aid, group in groups.items():
        art = rec.articles[aid]
        length = max(1, len(art["text"]))
        seen: set[tuple] = set()
        for ev in rec.events.get(aid, []):
            if not (ev["source"] or ev["target"]):
                continue
            key = (ev["source"], ev["type"], ev["target"])
            how = how_reported(ev)
            start = ev["s_start"] if ev["s_start"] is not None else art["text"].find(ev["sentence"])
            first = key not in seen
            seen.add(key)
            index = rec.sentence_index(aid, start)
            reports[key][group].append({
                "article_id": aid, "original": originals[aid], "first": first, "how": how,
                "by": ev["reported_by"], "sentence": ev["sentence"], "sentence_index": index,
                "position": round(max(start, 0) / length, 3), "lead": index < LEAD_SENTENCES,
                "start": start, "end": ev["s_end"] if ev["s_end"] is not None else start + len(ev["sentence"]),
                "trigger": ev["trigger"], "trigger_start": ev["trigger_start"], "trigger_end": ev["trigger_end"],
                "event_id": ev["id"]})
    all_groups = sorted(set(groups.values()))
    together = _pairs_together(rec, groups)
    facts = []
    for (source, type_, target), by_group in reports.items():
        sides: dict[str, Any] = {}
        for group, items in sorted(by_group.items()):
            firsts = [r for r in items if r["first"]]
            articles = {r["original"] for r in items}
            lead_share = sum(r["lead"] for r in firsts) / len(firsts)
            mean_pos = sum(r["position"] for r in firsts) / len(firsts)
            hows = Counter(r["how"] for r in items)
            sides[group] = {
                "articles": len(articles), "how": dict(hows), "main_how": hows.most_common(1)[0][0],
                "by": sorted({r["by"] for r in items if r["by"]}),
                "position": round(mean_pos, 3), "lead_share": round(lead_share, 3),
                "place": "lead" if lead_share >= 0.5 else "buried" if mean_pos >= 0.5 else "middle",
                "evidence": [_evidence(r) for r in sorted(firsts, key=lambda r: r["position"])[:MAX_EVIDENCE]]}
        reported = sorted(sides)
        # a side that names both actors in one sentence may tell the fact in words the events stage did not read:
        # it is neither counted as leaving the fact out nor allows another side to be called alone in reporting it
        unclear = [g for g in all_groups if g not in sides and source and target
                   and frozenset((source, target)) in together[g]]
        hows_all = Counter(r["how"] for items in by_group.values() for r in items)
        facts.append({
            "id": f"{source or '-'} {type_} {target or '-'}", "source": source, "target": target, "type": type_,
            "label": fact_label(source, type_, target, rec.names), "groups": reported,
            "only": reported[0] if len(reported) == 1 and len(all_groups) > 1 and not unclear else None,
            "missing": [g for g in all_groups if g not in sides and g not in unclear], "unclear": unclear,
            "disputed": bool(hows_all["denied"]) and len(hows_all) > 1,   # one report denies what another tells
            "articles": sum(s["articles"] for s in sides.values()), "by_group": sides})
    facts.sort(key=lambda f: (-len(f["groups"]), -f["articles"], min(s["position"] for s in f["by_group"].values())))
    for group in all_groups:  # the order in which each side tells them
        mine = sorted((f for f in facts if group in f["by_group"]), key=lambda f: f["by_group"][group]["position"])
        for rank, fact in enumerate(mine, 1):
            fact["by_group"][group]["rank"] = rank
    return facts


def _evidence(report: dict[str, Any]) -> dict[str, Any]:
    keys = ("article_id", "event_id", "sentence", "start", "end", "trigger", "trigger_start", "trigger_end", "how",
            "by", "sentence_index")
    return {k: report[k] for k in keys}


def _pairs_together(rec: Records, groups: dict[str, str]) -> dict[str, set[frozenset[str]]]:
    """Per side, the pairs of actors named in one sentence of its articles."""
    out: dict[str, set[frozenset[str]]] = defaultdict(set)
    for aid, group in groups.items():
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in rec.mentions.get(aid, []):
            if m["actor"]:
                by_sentence[rec.sentence_index(aid, m["start"])].add(m["actor"])
        for codes in by_sentence.values():
            out[group].update(frozenset((a, b)) for a in codes for b in codes if a < b)
    return out
