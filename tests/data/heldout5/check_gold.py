#!/usr/bin/env python3
"""Check that every text fragment of gold.json (quote 'contains', person names, boilerplate) and of
sentences/gold.json appears verbatim (after the scorer's normalisation) in its file. Paths relative to this file."""
import json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())


def norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def check(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    bad = n = 0
    files = {a["file"] for a in gold["articles"]}
    for p in gold_path.parent.glob("*.txt"):
        if p.name not in files:
            print(f"{gold_path.parent.name}/{p.name}: text file has no gold entry"); bad += 1
    for art in gold["articles"]:
        path = gold_path.parent / art["file"]
        if not path.exists():
            print(f"missing file {path}"); bad += 1; continue
        raw = path.read_text(encoding="utf-8")
        text = norm(raw)
        if gold_path.parent == HERE and not re.match(r"Title: .+\nOutlet: .+\nDate: \d{4}-\d{2}-\d{2}\n\n", raw):
            print(f"{art['file']}: header block malformed"); bad += 1
        frags = [("quote", q["contains"]) for q in art.get("quotes", [])]
        frags += [("person", p["name"]) for p in art.get("persons", [])]
        frags += [("boilerplate", b) for b in art.get("boilerplate", [])]
        for kind, frag in frags:
            n += 1
            if norm(frag) not in text:
                print(f"{art['file']}: {kind} fragment not found: {frag!r}"); bad += 1
        for ev in art.get("events", []):
            if not set(ev["types"]) <= TYPES:
                print(f"{art['file']}: unknown type in {ev}"); bad += 1
    return bad, n, len(gold["articles"])


total = 0
for g in (HERE / "gold.json", HERE / "sentences" / "gold.json"):
    if g.exists():
        bad, n, arts = check(g)
        print(f"{g.relative_to(HERE)}: {arts} files, {n} fragments checked, {bad} problems")
        total += bad
sys.exit(1 if total else 0)
