#!/usr/bin/env python3
"""Check heldout7's gold files against its texts (stdlib only; paths relative to this file's folder).

Checks: every quote fragment, person name and boilerplate fragment appears verbatim in its article (after folding
white space, curly quotes, dashes and case, as score.py does); every .txt has a gold entry and every entry a .txt;
every event type is a PLOVER type; every tone file exists and its labels are neg/neu/pos. Exit 1 on any problem.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                         "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def check_set(folder, gold_path, problems):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    entries = {a["file"]: a for a in gold["articles"]}
    texts = {p.name for p in folder.glob("*.txt")}
    for name in sorted(texts - set(entries)):
        problems.append(f"{folder.name}/{name}: no gold entry")
    for name in sorted(set(entries) - texts):
        problems.append(f"{gold_path.name}: {name} has no text file")
    for name, art in entries.items():
        path = folder / name
        if not path.exists():
            continue
        body = norm(path.read_text(encoding="utf-8"))
        for q in art.get("quotes", []):
            if norm(q["contains"]) not in body:
                problems.append(f"{name}: quote fragment not in text: {q['contains']!r}")
        for p in art.get("persons", []):
            if norm(p["name"]) not in body:
                problems.append(f"{name}: person not in text: {p['name']!r}")
        for b in art.get("boilerplate", []):
            if norm(b) not in body:
                problems.append(f"{name}: boilerplate fragment not in text: {b!r}")
        for e in art.get("events", []):
            bad = [t for t in e.get("types", []) if t not in TYPES]
            if bad or not e.get("types"):
                problems.append(f"{name}: bad event types {e.get('types')}")
    return len(entries)


def main():
    problems = []
    n_art = check_set(HERE, HERE / "gold.json", problems)
    n_sent = check_set(HERE / "sentences", HERE / "sentences" / "gold.json", problems)
    tone_lines = [json.loads(l) for l in (HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    for t in tone_lines:
        if not (HERE / t["file"]).exists():
            problems.append(f"tone.jsonl: {t['file']} does not exist")
        for ent, lab in t["entities"].items():
            if lab not in ("neg", "neu", "pos"):
                problems.append(f"tone.jsonl: {t['file']} {ent}: bad label {lab!r}")
    for p in problems:
        print(p)
    print(f"{'FAIL' if problems else 'OK'}: {n_art} articles, {n_sent} sentences, {len(tone_lines)} tone lines, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
