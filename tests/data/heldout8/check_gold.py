#!/usr/bin/env python3
"""Check the heldout8 reference files against the texts they describe.

Run from anywhere: python tests/data/heldout8/check_gold.py
Checks: every text has exactly one gold entry (and no entry lacks its text); quote fragments, person names and
boilerplate fragments occur verbatim in their file; every event type is a PLOVER type and every event has a
source, target and cue; the sentence set has 6 sentences per type plus 16 NONE; tone.jsonl names existing files,
entities named in them and neg/neu/pos labels; corpus_stances have enough edges of each sign. Exits 1 on the first list of problems.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
            "SANCTION MOBILIZE COERCE ASSAULT".split())
CODE = re.compile(r"^[A-Z]{2,4}$")


def check_entries(folder, gold, problems, articles=True):
    texts = {p.name for p in folder.glob("*.txt")}
    entries = Counter(a["file"] for a in gold["articles"])
    for name in texts - set(entries):
        problems.append(f"{folder.name}/{name}: no gold entry")
    for name, n in entries.items():
        if name not in texts:
            problems.append(f"{folder.name}/{name}: gold entry without text")
        if n > 1:
            problems.append(f"{folder.name}/{name}: {n} gold entries")
    for art in gold["articles"]:
        path = folder / art["file"]
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        where = f"{folder.name}/{art['file']}"
        for ev in art.get("events", []):
            if not ev.get("types") or set(ev["types"]) - TYPES:
                problems.append(f"{where}: bad types {ev.get('types')}")
            for key in ("source", "target"):
                if not CODE.match(ev.get(key) or ""):
                    problems.append(f"{where}: bad {key} {ev.get(key)!r}")
            if not ev.get("cue"):
                problems.append(f"{where}: event without cue")
        for ne in art.get("not_events", []):
            if set(ne.get("types", [])) - TYPES or not ne.get("why"):
                problems.append(f"{where}: bad not_event {ne}")
        for qt in art.get("quotes", []):
            if qt["contains"] not in text:
                problems.append(f"{where}: quote fragment not in text: {qt['contains']!r}")
            if qt.get("speaker") and qt["speaker"] not in text:
                problems.append(f"{where}: quote speaker not in text: {qt['speaker']!r}")
            if not CODE.match(qt.get("actor") or ""):
                problems.append(f"{where}: bad quote actor {qt.get('actor')!r}")
        for person in art.get("persons", []):
            if person["name"] not in text:
                problems.append(f"{where}: person not in text: {person['name']!r}")
            if not CODE.match(person.get("actor") or ""):
                problems.append(f"{where}: bad person actor {person.get('actor')!r}")
        for frag in art.get("boilerplate", []):
            if frag not in text:
                problems.append(f"{where}: boilerplate fragment not in text: {frag!r}")
        if articles:
            words = len(text.split())
            if not 330 <= words <= 480:
                problems.append(f"{where}: {words} words (want 330-480)")
            if not art.get("events"):
                problems.append(f"{where}: no events")


def main():
    problems = []
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    check_entries(HERE, gold, problems)
    if len(gold["articles"]) != 16:
        problems.append(f"gold.json: {len(gold['articles'])} articles (want 16)")

    stances = gold.get("corpus_stances", [])
    pairs = Counter(tuple(sorted((s["holder"], s["target"]))) for s in stances)
    signs = Counter(s["polarity"] for s in stances)
    if len(pairs) < 14 or signs[1] < 4 or signs[-1] < 4:
        problems.append(f"corpus_stances: {len(pairs)} pairs, {signs[1]} positive, {signs[-1]} negative")
    if any(n > 1 for n in pairs.values()):
        problems.append("corpus_stances: a pair is listed twice (score_stances.py sums both directions)")

    sent_dir = HERE / "sentences"
    sgold = json.loads((sent_dir / "gold.json").read_text(encoding="utf-8"))
    check_entries(sent_dir, sgold, problems, articles=False)
    per_type = Counter(a["file"].split("_")[1] for a in sgold["articles"])
    for typ in TYPES:
        if per_type[typ] != 6:
            problems.append(f"sentences: {per_type[typ]} files for {typ} (want 6)")
    if per_type["NONE"] != 16:
        problems.append(f"sentences: {per_type['NONE']} NONE files (want 16)")
    for art in sgold["articles"]:
        typ = art["file"].split("_")[1]
        required = [e for e in art["events"] if not e.get("optional")]
        if typ == "NONE" and art["events"]:
            problems.append(f"sentences/{art['file']}: NONE sentence with events")
        if typ != "NONE" and not any(typ in e["types"] for e in required):
            problems.append(f"sentences/{art['file']}: no required {typ} event")

    files = {a["file"] for a in gold["articles"]}
    seen = set()
    for n, line in enumerate((HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        seen.add(rec["file"])
        if rec["file"] not in files or not (HERE / rec["file"]).exists():
            problems.append(f"tone.jsonl:{n}: unknown file {rec['file']}")
        if not 2 <= len(rec["entities"]) <= 4:
            problems.append(f"tone.jsonl:{n}: {len(rec['entities'])} entities (want 2-4)")
        text = (HERE / rec["file"]).read_text(encoding="utf-8") if (HERE / rec["file"]).exists() else ""
        for name, label in rec["entities"].items():
            if name not in text:
                problems.append(f"tone.jsonl:{n}: entity {name!r} not in {rec['file']}")
            if label not in ("neg", "neu", "pos"):
                problems.append(f"tone.jsonl:{n}: bad label {label!r} for {name}")
    for name in files - seen:
        problems.append(f"tone.jsonl: no line for {name}")

    if problems:
        print("\n".join(problems))
        print(f"FAIL: {len(problems)} problem(s)")
        return 1
    print(f"OK: {len(gold['articles'])} articles, {len(sgold['articles'])} sentences, {len(stances)} stance edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
