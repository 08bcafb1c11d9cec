#!/usr/bin/env python3
"""Check the cross_heldout4 set: gold vs files, headers, undated files, body lengths, story sizes, stances.

Usage: python3 check_gold.py   (run from anywhere; exits 1 on any problem)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
problems = []

gold = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
gold_files = {g["file"]: g["story_id"] for g in gold}
if len(gold_files) != len(gold):
    problems.append("duplicate files in gold.jsonl")
texts = sorted(p.name for p in HERE.glob("z*.txt"))
for f in set(texts) - set(gold_files):
    problems.append(f"{f}: file not in gold")
for f in set(gold_files) - set(texts):
    problems.append(f"{f}: gold entry without file")
if not 36 <= len(texts) <= 40:
    problems.append(f"{len(texts)} texts, want 36-40")

sizes = Counter(gold_files.values())
if not 11 <= len(sizes) <= 12:
    problems.append(f"{len(sizes)} stories, want 11-12")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        problems.append(f"story {s} has {n} articles, want 2-5")

undated, undated_stories, outlets = [], set(), {}
for f in texts:
    lines = (HERE / f).read_text(encoding="utf-8").split("\n")
    if not re.fullmatch(r"z\d\d_[a-z0-9_]+\.txt", f):
        problems.append(f"{f}: bad file name")
    try:
        blank = lines.index("")
    except ValueError:
        problems.append(f"{f}: no blank line after header")
        continue
    header = lines[:blank]
    keys = [h.split(":", 1)[0] for h in header]
    fields = {h.split(":", 1)[0]: h.split(":", 1)[1].strip() for h in header if ":" in h}
    if keys not in (["Title", "Outlet", "Date", "URL"], ["Title", "Outlet", "URL"]):
        problems.append(f"{f}: header keys {keys}")
    if "Date" in fields:
        if not re.fullmatch(r"20(2[1-5])-\d\d-\d\d", fields["Date"]):
            problems.append(f"{f}: date {fields['Date']} not YYYY-MM-DD in 2021-2025")
    else:
        undated.append(f)
        undated_stories.add(gold_files.get(f))
        if re.search(r"20\d\d", " ".join(header)):
            problems.append(f"{f}: undated file has a year in its header")
    if not fields.get("URL", "").startswith("https://"):
        problems.append(f"{f}: URL must start with https://")
    outlets.setdefault(gold_files.get(f), []).append(fields.get("Outlet"))
    body = "\n".join(lines[blank + 1:]).strip()
    n = len(body.split())
    if not 280 <= n <= 340:
        problems.append(f"{f}: body has {n} words, want 280-340")
for s, o in outlets.items():
    if len(set(o)) != len(o):
        problems.append(f"story {s}: repeated outlet {o}")
if not 7 <= len(undated) <= 9 or len(undated_stories) != len(undated):
    problems.append(f"undated files {len(undated)} over {len(undated_stories)} stories, want about 8 over 8")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs = Counter(frozenset((x["holder"], x["target"])) for x in st)
for p, c in pairs.items():
    if c > 1:
        problems.append(f"stance pair {sorted(p)} listed {c} times")
for x in st:
    if x["polarity"] not in (1, -1):
        problems.append(f"stance {x}: polarity must be +1/-1")
    for code in (x["holder"], x["target"]):
        if not re.fullmatch(r"[A-Z]{2,5}", code):
            problems.append(f"stance {x}: bad code {code}")
    if x["holder"] == x["target"]:
        problems.append(f"stance {x}: holder equals target")
    if not x.get("note"):
        problems.append(f"stance {x}: no note")
signs = Counter(x["polarity"] for x in st)
if len(pairs) < 22:
    problems.append(f"{len(pairs)} distinct stance pairs, want 22+")
if not (signs[1] and signs[-1]):
    problems.append("stances need both signs")

print(f"texts={len(texts)} stories={len(sizes)} sizes={sorted(sizes.values())} undated={len(undated)} "
      f"over {len(undated_stories)} stories; stance pairs={len(pairs)} (+{signs[1]} / -{signs[-1]})")
for p in problems:
    print("PROBLEM:", p)
print("OK" if not problems else f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
