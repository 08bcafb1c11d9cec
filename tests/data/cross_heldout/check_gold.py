#!/usr/bin/env python3
"""Check the cross_heldout gold: every gold.jsonl record names an existing file whose header block
(Title/Outlet/Date/URL) agrees with the record's source and date; every entity's last name token appears in the
article; every text file has a record; every story has 2+ articles from different outlets; stances.json is
well formed. Paths are relative to this file."""
import json, re, sys, unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALIAS = {"turkiye": "turkey"}  # an outlet's own name for a state


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def toks(s):
    return re.findall(r"[a-z0-9']+", fold(s))


bad = 0
rows = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
stories = defaultdict(list)
for r in rows:
    p = HERE / r["file"]
    if not p.exists():
        print(f"missing file {r['file']}"); bad += 1; continue
    raw = p.read_text(encoding="utf-8")
    m = re.match(r"Title: (.+)\nOutlet: (.+)\nDate: (\d{4}-\d{2}-\d{2})\nURL: (https?://\S+)\n\n", raw)
    if not m:
        print(f"{r['file']}: header block malformed"); bad += 1; continue
    if m.group(2) != r["source"] or m.group(3) != r["date"]:
        print(f"{r['file']}: header outlet/date {m.group(2)!r}/{m.group(3)} != gold {r['source']!r}/{r['date']}"); bad += 1
    words = {re.sub(r"'s$", "", w) for w in toks(raw)} | {ALIAS.get(w, w) for w in toks(raw)}
    n = len(raw.split())
    if not 200 <= n <= 420:
        print(f"{r['file']}: {n} words"); bad += 1
    for name, lab in r["entities"].items():
        if lab not in ("neg", "neu", "pos"):
            print(f"{r['file']}: bad label {lab}"); bad += 1
        if toks(name)[-1] not in words:
            print(f"{r['file']}: entity {name!r} not mentioned"); bad += 1
    stories[r["story_id"]].append(r)
for f in HERE.glob("*.txt"):
    if f.name not in {r["file"] for r in rows}:
        print(f"{f.name}: no gold record"); bad += 1
for sid, rs in stories.items():
    if len(rs) < 2 or len({r["source"] for r in rs}) < 2:
        print(f"story {sid}: needs 2+ articles from different outlets"); bad += 1
st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
for e in st:
    if set(e) != {"holder", "target", "polarity"} or e["polarity"] not in (1, -1):
        print(f"bad stance {e}"); bad += 1
pairs = {tuple(sorted((e["holder"], e["target"]))) for e in st}
print(f"{len(rows)} articles, {len(stories)} stories, {len(st)} stance edges ({len(pairs)} pairs), {bad} problems")
sys.exit(1 if bad else 0)
