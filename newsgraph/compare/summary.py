"""One plain-language line per side, assembled only from the facts, voices, names and terms found, each part with
the evidence it stands on."""
from __future__ import annotations

from typing import Any

TONE_GAP = 0.1   # a tone difference smaller than this is within what the per-article scores can tell apart


def _quote(form: str) -> str:
    return f"“{form}”"


def build_summary(groups: list[str], facts: list[dict], voices: dict, names: list[dict], terms: dict,
                  tone: list[dict]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for group in groups:
        parts: list[dict[str, Any]] = []
        mine = sorted((f for f in facts if group in f["by_group"]), key=lambda f: f["by_group"][group]["rank"])
        if mine:
            first = mine[0]["by_group"][group]
            verb = "leads with" if first["place"] == "lead" else "first reports"
            parts.append({"kind": "lead", "text": f"{verb} {mine[0]['label']}", "fact": mine[0]["id"],
                          "evidence": first["evidence"][:1]})
        side = voices["by_group"].get(group, {"speakers": []})
        speakers = side["speakers"]
        if not speakers:
            parts.append({"kind": "voices", "text": "quotes no one", "evidence": []})
        else:
            named = [s["speaker"] + (f" ({s['actor_name']})" if s["actor_name"] and s["actor_name"] not in s["speaker"]
                                     else "") for s in speakers[:3]]
            actors = {s["actor"] for s in speakers if s["actor"]}
            if len(actors) == 1 and all(s["actor"] for s in speakers):
                who = speakers[0]["actor_name"] or speakers[0]["actor"]
                people = [s["speaker"] for s in speakers[:3] if s["speaker"] != who]
                text = f"quotes only {who}" + (f": {', '.join(people)}" if people else "")
            else:
                text = "quotes " + ", ".join(named) + (" and others" if len(speakers) > 3 else "")
            parts.append({"kind": "voices", "text": text, "evidence": [s["evidence"][0] for s in speakers[:3]]})
        for item in side.get("not_heard_here", [])[:2]:
            others = item["heard_in"]
            parts.append({"kind": "unheard", "text": f"does not quote {item['name']}, whom {' and '.join(others)} "
                          f"quote{'s' if len(others) == 1 else ''}",
                          "evidence": []})
        alone = [f for f in facts if f["only"] == group]
        if alone:
            parts.append({"kind": "alone", "text": "alone in reporting " + "; ".join(f["label"] for f in alone[:3]),
                          "facts": [f["id"] for f in alone[:3]],
                          "evidence": [f["by_group"][group]["evidence"][0] for f in alone[:3]]})
        left_out = [f for f in facts if group in f["missing"] and len(f["groups"]) >= 2][:2]
        if left_out and len(groups) > 2:
            parts.append({"kind": "omits", "text": "leaves out " + "; ".join(f["label"] for f in left_out),
                          "facts": [f["id"] for f in left_out], "evidence": []})
        for ref in names:
            own = [f for f in ref["own"].get(group, []) if f.lower() != ref["referent"].lower()]
            if own:
                ev = next((f["evidence"][0] for f in ref["forms"][group] if f["form"] == own[0]), None)
                parts.append({"kind": "names", "text": f"alone in calling {ref['referent']} {_quote(own[0])}",
                              "evidence": [ev] if ev else []})
                break
        top = [t for t in terms["by_group"].get(group, []) if t["z"] >= 1.96][:3]
        if top:
            parts.append({"kind": "terms", "text": "distinctive words: " + ", ".join(_quote(t["term"]) for t in top),
                          "evidence": [t["evidence"][0] for t in top if t["evidence"]]})
        # states and organisations only: a person's tone score mostly follows what the person did or said
        harsh = [t for t in tone if t["kind"] != "person" and group in t["by_group"]
                 and t["by_group"][group]["label"] == "neg"
                 and len(t["by_group"]) > 1 and t["by_group"][group]["score"] + TONE_GAP
                 <= min(g["score"] for o, g in t["by_group"].items() if o != group)]
        if harsh:
            t = harsh[0]
            parts.append({"kind": "tone", "text": f"more negative than the other sides toward {t['name']}",
                          "evidence": t["by_group"][group]["evidence"][:1]})
        out[group] = {"text": "; ".join(p["text"] for p in parts) + "." if parts else "", "parts": parts}
    return out
