"""Voices: who each side quotes, how much (quotes, words), and which of the story's actors no side lets speak."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsgraph.compare.load import Records

MAX_EVIDENCE = 3



def _speaker_key(q: dict[str, Any], names: dict[str, str]) -> str:
    return q["speaker"] or names.get(q["actor"] or "", q["actor"] or "unnamed")


def build_voices(rec: Records, groups: dict[str, str], originals: dict[str, str]) -> dict[str, Any]:
    """Per side: its speakers with counts and evidence; per actor: which sides quote it; actors never quoted."""
    speakers: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    words: Counter[str] = Counter()
    quoted_by: dict[str, set[str]] = defaultdict(set)        # actor code -> sides that quote it
    present: dict[str, Counter[str]] = defaultdict(Counter)  # actor code -> side -> mentions (not as a place)
    for aid, group in groups.items():
        for m in rec.mentions.get(aid, []):
            if m["actor"] and not m["place"]:
                present[m["actor"]][group] += 1
        for ev in rec.events.get(aid, []):
            for code in (ev["source"], ev["target"]):
                if code:
                    present[code][group] += 1
        for q in rec.quotes.get(aid, []):
            key = _speaker_key(q, rec.names)
            n_words = len(q["text"].split())
            item = speakers[group].setdefault(key, {
                "speaker": key, "actor": q["actor"], "actor_name": rec.names.get(q["actor"] or ""),
                "quotes": 0, "direct": 0, "words": 0, "articles": set(), "evidence": []})
            item["quotes"] += 1
            item["direct"] += int(bool(q["direct"]))
            item["words"] += n_words
            item["articles"].add(originals[aid])
            words[group] += n_words
            if len(item["evidence"]) < MAX_EVIDENCE:
                item["evidence"].append({"article_id": aid, "quote_id": q["id"], "text": q["text"],
                                         "start": q["start"], "end": q["end"], "sentence": q["sentence"],
                                         "sentence_start": q["s_start"], "sentence_end": q["s_end"],
                                         "direct": bool(q["direct"])})
            if q["actor"]:
                quoted_by[q["actor"]].add(group)
    all_groups = sorted(set(groups.values()))
    by_group = {}
    for group in all_groups:
        items = sorted(speakers[group].values(), key=lambda s: (-s["words"], s["speaker"]))
        for item in items:
            item["articles"] = len(item["articles"])
            item["share"] = round(item["words"] / words[group], 3) if words[group] else 0.0
        heard = {s["actor"] for s in items if s["actor"]}
        # "not heard here" only when every speaker of this side is resolved: an unresolved one may speak for it
        unheard = [] if any(not s["actor"] for s in items) else sorted(
            (code for code, sides in present.items() if sides[group] and code not in heard and quoted_by.get(code)),
            key=lambda c: -present[c][group])
        by_group[group] = {"speakers": items, "quotes": sum(s["quotes"] for s in items), "words": words[group],
                           "actors_heard": sorted(heard),
                           "unresolved_speakers": sum(1 for s in items if not s["actor"]),
                           "not_heard_here": [{"actor": c, "name": rec.names.get(c, c), "heard_in": sorted(quoted_by[c])}
                                              for c in unheard]}
    actors = []
    for code, sides in sorted(present.items(), key=lambda kv: -sum(kv[1].values())):
        actors.append({"actor": code, "name": rec.names.get(code, code), "mentions": sum(sides.values()),
                       "mentioned_by": sorted(g for g in sides if sides[g]), "quoted_by": sorted(quoted_by.get(code, ())),
                       "voice": bool(quoted_by.get(code))})
    return {"by_group": by_group, "actors": actors,
            "no_voice": [a["actor"] for a in actors if not a["voice"]]}
