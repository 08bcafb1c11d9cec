#!/usr/bin/env python3
"""Self-check for this set: every boilerplate fragment, person name, quote fragment and speaker in gold.json
appears in its article; event types are PLOVER types; no self-loops. Run from this folder."""
import json, sys, re
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "eval"))  # ../shared from the project root, for score.norm
from score import norm
g = json.load(open("gold.json", encoding="utf-8"))
bad = 0
VALID = {"AGREE","CONSULT","SUPPORT","CONCEDE","COOPERATE","AID","RETREAT","REQUEST","ACCUSE","REJECT","THREATEN","PROTEST","SANCTION","MOBILIZE","COERCE","ASSAULT"}
for a in g["articles"]:
    raw = open(a["file"], encoding="utf-8").read()
    t = norm(raw)
    lines = [norm(l) for l in raw.splitlines()]
    for f in a["boilerplate"]:
        if not any(norm(f) in l for l in lines): print("BOILER missing", a["file"], f); bad += 1
    for p in a["persons"]:
        if norm(p["name"]) not in t: print("PERSON missing", a["file"], p["name"]); bad += 1
    for q in a["quotes"]:
        if norm(q["contains"]) not in t: print("QUOTE missing", a["file"], q["contains"]); bad += 1
        if q["speaker"] and norm(q["speaker"]) not in t: print("SPEAKER missing", q["speaker"]); bad += 1
    for e in a["events"] + a["not_events"]:
        for ty in e.get("types", []):
            if ty not in VALID: print("TYPE", ty); bad += 1
        if e["source"] == e["target"]: print("selfloop", e); bad += 1
    # boilerplate fragments must not be in body? (they're lines); check each on its own line
    req = [e for e in a["events"] if not e.get("optional")]
    print(f'{a["file"]}: words={len(raw.split())} events={len(a["events"])} (req {len(req)}, opt {len(a["events"])-len(req)}) quotes={len(a["quotes"])} (req {sum(not q.get("optional") for q in a["quotes"])}) persons={len(a["persons"])} boiler={len(a["boilerplate"])} not_events={len(a["not_events"])}')
print("problems:", bad)
