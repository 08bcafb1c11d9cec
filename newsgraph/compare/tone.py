"""Tone per side toward the story's main actors and persons, from the per-article tone records."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsgraph.compare.load import Records

MAIN = 8           # the actors and persons the story mentions most
NEG, POS = -0.05, 0.05


def build_tone(rec: Records, groups: dict[str, str]) -> list[dict[str, Any]]:
    weight: Counter[str] = Counter()
    sides: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    info: dict[str, tuple[str, str]] = {}
    surnames = _surnames(rec, groups)
    for aid, group in groups.items():
        for t in rec.tone.get(aid, []):
            target = surnames.get(t["target"], t["target"]) if t["kind"] == "person" else t["target"]
            weight[target] += t["mentions"] or 1
            info.setdefault(target, (t["name"], t["kind"]))
            side = sides[target].setdefault(group, {"sum": 0.0, "n": 0, "mentions": 0, "labels": Counter(),
                                                    "articles": 0, "evidence": []})
            m = max(1, t["mentions"] or 1)
            side["sum"] += t["score"] * m
            side["n"] += m
            side["mentions"] += t["mentions"] or 0
            side["articles"] += 1
            side["labels"][t["label"]] += 1
            for ev in (t["evidence"] or [])[:1]:
                if len(side["evidence"]) < 3 and isinstance(ev, dict):
                    side["evidence"].append({"article_id": aid, "start": ev.get("start"), "end": ev.get("end"),
                                             "sentence": ev.get("sentence"), "why": ev.get("why"),
                                             "score": t["score"]})
    out = []
    for target, _ in weight.most_common(MAIN):
        by_group = {}
        for group, s in sorted(sides[target].items()):
            score = s["sum"] / s["n"] if s["n"] else 0.0
            by_group[group] = {"score": round(score, 3), "label": "neg" if score <= NEG else "pos" if score >= POS
                               else "neu", "articles": s["articles"], "mentions": s["mentions"],
                               "labels": dict(s["labels"]), "evidence": s["evidence"]}
        scores = [g["score"] for g in by_group.values()]
        name, kind = info[target]
        out.append({"target": target, "name": name, "kind": kind, "by_group": by_group,
                    "spread": round(max(scores) - min(scores), 3) if len(scores) > 1 else 0.0})
    return out


def _surnames(rec: Records, groups: dict[str, str]) -> dict[str, str]:
    """One person written two ways ("Michael T. Flynn", "Michael Flynn") is one target: by surname, when the story
    has one person of that surname; the form with most mentions names them."""
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for aid in groups:
        for t in rec.tone.get(aid, []):
            if t["kind"] == "person" and t["target"].split():
                by_surname[t["target"].split()[-1]][t["target"]] += t["mentions"] or 1
    out = {}
    for forms in by_surname.values():
        names = list(forms)
        firsts = {n.split()[0] for n in names if len(n.split()) > 1}
        if len(firsts) <= 1:   # two first names with one surname are two persons
            best = forms.most_common(1)[0][0]
            out.update({n: best for n in names})
    return out
