#!/usr/bin/env python3
"""Check heldout10's reference files against its texts (run from anywhere: paths are relative to this file).

Checks: every quote fragment, person name and boilerplate fragment is verbatim in its article; every text has a gold
entry and every gold entry a text; every event type is a PLOVER type; events carry source/target/types; every tone
line names an existing file and uses neg/neu/pos; corpus_stances are well formed. Prints counts; exits 1 on a problem.
"""
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
            "MOBILIZE COERCE ASSAULT".split())
problems = []


def check_events(where, entry):
    for ev in entry.get("events", []):
        types = ev.get("types") or []
        if not types or any(t not in TYPES for t in types):
            problems.append(f"{where}: bad types {types}")
        if ev.get("type") and ev["type"] != types[0]:
            problems.append(f"{where}: 'type' is not the first of 'types'")
        if "source" not in ev or "target" not in ev:
            problems.append(f"{where}: event lacks source/target")
    for ne in entry.get("not_events", []):
        if any(t not in TYPES for t in ne.get("types", [])):
            problems.append(f"{where}: bad not_event types {ne.get('types')}")


def check_set(folder, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = {p.name for p in folder.glob("*.txt")}
    entries = {a["file"]: a for a in gold["articles"]}
    for name in sorted(texts - entries.keys()):
        problems.append(f"{folder.name}/{name}: text without gold entry")
    for name in sorted(entries.keys() - texts):
        problems.append(f"{folder.name}/{name}: gold entry without text")
    for name, a in entries.items():
        if name not in texts:
            continue
        text = (folder / name).read_text(encoding="utf-8")
        where = f"{folder.name}/{name}"
        for q in a.get("quotes", []):
            if q["contains"] not in text:
                problems.append(f"{where}: quote fragment not verbatim: {q['contains']!r}")
        for p in a.get("persons", []):
            if p["name"] not in text:
                problems.append(f"{where}: person name not verbatim: {p['name']!r}")
        for b in a.get("boilerplate", []):
            if b not in text:
                problems.append(f"{where}: boilerplate fragment not verbatim: {b!r}")
        check_events(where, a)
    return gold


def main():
    gold = check_set(HERE, HERE / "gold.json")
    sgold = check_set(HERE / "sentences", HERE / "sentences" / "gold.json")
    files = {a["file"] for a in gold["articles"]}
    tone_files, labels = set(), Counter()
    for n, line in enumerate((HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if not (HERE / rec["file"]).is_file():
            problems.append(f"tone.jsonl:{n}: no such file {rec['file']}")
        tone_files.add(rec["file"])
        for ent, lab in rec["entities"].items():
            if lab not in ("neg", "neu", "pos"):
                problems.append(f"tone.jsonl:{n}: bad label {lab!r} for {ent}")
            labels[lab] += 1
    for name in sorted(files - tone_files):
        problems.append(f"tone.jsonl: no line for {name}")
    st = gold.get("corpus_stances", [])
    for s in st:
        if s.get("polarity") not in (1, -1) or not s.get("holder") or not s.get("target"):
            problems.append(f"corpus_stances: bad edge {s}")
    # sentence files: the required event of s_TYPE_NN must accept TYPE; s_NONE_NN must have no required event
    for a in sgold["articles"]:
        typ = a["file"].split("_")[1]
        required = [e for e in a["events"] if not e.get("optional")]
        if typ == "NONE":
            if required:
                problems.append(f"sentences/{a['file']}: NONE sentence with a required event")
        elif not any(typ in e["types"] for e in required):
            problems.append(f"sentences/{a['file']}: no required {typ} event")

    arts = gold["articles"]
    req = sum(1 for a in arts for e in a["events"] if not e.get("optional"))
    opt = sum(1 for a in arts for e in a["events"] if e.get("optional"))
    qreq = sum(1 for a in arts for q in a["quotes"] if not q.get("optional"))
    print(f"articles={len(arts)} events required={req} optional={opt} not_events={sum(len(a['not_events']) for a in arts)}")
    print(f"quotes required={qreq} optional={sum(len(a['quotes']) for a in arts) - qreq} "
          f"persons={sum(len(a['persons']) for a in arts)} boilerplate={sum(len(a['boilerplate']) for a in arts)}")
    print(f"stances={len(st)} (+{sum(s['polarity'] > 0 for s in st)} / -{sum(s['polarity'] < 0 for s in st)}) "
          f"tone entities={sum(labels.values())} {dict(labels)}")
    sreq = Counter(a["file"].split("_")[1] for a in sgold["articles"])
    print(f"sentences={len(sgold['articles'])} per type={dict(sreq)}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"FAILED: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
