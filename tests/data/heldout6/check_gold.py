#!/usr/bin/env python3
"""Check heldout6's reference files against its texts (stdlib only; paths relative to this file).

Checks: every quote fragment, person name and boilerplate fragment appears verbatim in its file (boilerplate within
one line); every .txt file has a gold entry and every gold entry a file; every event type is a PLOVER type; every
tone.jsonl file exists and its labels are neg/neu/pos. Exits 1 on any problem.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def check_set(folder, problems):
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    files = {p.name for p in folder.glob("*.txt")}
    named = [a["file"] for a in gold["articles"]]
    for name in sorted(files - set(named)):
        problems.append(f"{folder.name}/{name}: no gold entry")
    if len(named) != len(set(named)):
        problems.append(f"{folder.name}/gold.json: duplicate file entries")
    for art in gold["articles"]:
        path = folder / art["file"]
        if not path.exists():
            problems.append(f"{folder.name}/{art['file']}: gold entry without file")
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for q in art.get("quotes", []):
            if q["contains"] not in text:
                problems.append(f"{art['file']}: quote fragment not in text: {q['contains']!r}")
            if q.get("speaker") and q["speaker"] not in text:
                problems.append(f"{art['file']}: quote speaker not in text: {q['speaker']!r}")
        for p in art.get("persons", []):
            if p["name"] not in text:
                problems.append(f"{art['file']}: person not in text: {p['name']!r}")
        for b in art.get("boilerplate", []):
            if not any(b in line for line in lines):
                problems.append(f"{art['file']}: boilerplate fragment not in one line: {b!r}")
        for e in art.get("events", []):
            bad = [t for t in e["types"] if t not in TYPES]
            if bad or not e["types"]:
                problems.append(f"{art['file']}: bad event types {e['types']}")
            for key in ("source", "target"):
                if not e.get(key):
                    problems.append(f"{art['file']}: event without {key}: {e}")
        for n in art.get("not_events", []):
            if any(t not in TYPES for t in n.get("types", [])):
                problems.append(f"{art['file']}: bad not_event types {n['types']}")
    return len(gold["articles"])


def main():
    problems = []
    n_art = check_set(HERE, problems)
    n_sent = check_set(HERE / "sentences", problems)
    n_tone = 0
    for n, line in enumerate((HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        n_tone += 1
        if not (HERE / rec["file"]).exists():
            problems.append(f"tone.jsonl:{n}: no such file {rec['file']}")
        for ent, lab in rec["entities"].items():
            if lab not in ("neg", "neu", "pos"):
                problems.append(f"tone.jsonl:{n}: bad label {lab!r} for {ent}")
    for p in problems:
        print("PROBLEM", p)
    print(f"checked {n_art} articles, {n_sent} sentences, {n_tone} tone records: "
          + ("OK" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
