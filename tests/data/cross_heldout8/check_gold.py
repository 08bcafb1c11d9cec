#!/usr/bin/env python3
"""Check the cross_heldout8 set: gold vs files, headers, undated files, body lengths, story sizes, stances.

Usage: python3 check_gold.py   (run from anywhere; exits 1 on any problem)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
IGO = {"UN", "EU", "NATO", "ASEAN", "AU", "GCC", "SCO", "OSCE", "IMF", "WB", "WHO", "OIC", "ARL", "SAARC", "FATF"}
problems = []


def bad(msg):
    problems.append(msg)


gold = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
files = sorted(p.name for p in HERE.glob("t*.txt"))
gold_files = [g["file"] for g in gold]
if len(set(gold_files)) != len(gold_files):
    bad("duplicate files in gold.jsonl")
if sorted(gold_files) != files:
    bad(f"gold/files mismatch: only in gold {sorted(set(gold_files) - set(files))}, "
        f"only on disk {sorted(set(files) - set(gold_files))}")
if not 36 <= len(files) <= 40:
    bad(f"{len(files)} texts (want 36-40)")
for f in files:
    if not re.fullmatch(r"t\d\d_[a-z0-9_]+\.txt", f):
        bad(f"{f}: name not tNN_slug.txt")

sizes = Counter(g["story_id"] for g in gold)
if not 11 <= len(sizes) <= 12:
    bad(f"{len(sizes)} stories (want 11-12)")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        bad(f"story {s} has {n} articles (want 2-5)")

story_of = {g["file"]: g["story_id"] for g in gold}
undated, outlets = [], {}
for f in files:
    text = (HERE / f).read_text(encoding="utf-8")
    if "\n\n" not in text:
        bad(f"{f}: no blank line after header")
        continue
    head, body = text.split("\n\n", 1)
    lines = head.splitlines()
    keys = [l.split(":", 1)[0] for l in lines]
    if keys not in (["Title", "Outlet", "Date", "URL"], ["Title", "Outlet", "URL"]):
        bad(f"{f}: header keys {keys}")
        continue
    h = {l.split(":", 1)[0]: l.split(":", 1)[1].strip() for l in lines}
    if "Date" in h:
        if not re.fullmatch(r"202[1-5]-\d\d-\d\d", h["Date"]):
            bad(f"{f}: bad date {h['Date']}")
    else:
        undated.append(f)
        if re.search(r"20\d\d-\d\d-\d\d|/20\d\d/", head):
            bad(f"{f}: undated file carries a date in its header")
    if not h["URL"].startswith("https://"):
        bad(f"{f}: URL not https")
    outlets.setdefault(story_of.get(f), set()).add(h["Outlet"])
    n = len(body.split())
    if not 280 <= n <= 340:
        bad(f"{f}: body has {n} words (want 280-340)")

if not 7 <= len(undated) <= 9:
    bad(f"{len(undated)} undated files (want about 8)")
if len({story_of[f] for f in undated}) != len(undated):
    bad("two undated files in one story")
for s, o in outlets.items():
    if s in sizes and len(o) != sizes[s]:
        bad(f"story {s}: outlets not all different")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs = {}
for e in st:
    for k in ("holder", "target", "polarity", "note"):
        if k not in e:
            bad(f"stance missing {k}: {e}")
    for a in (e["holder"], e["target"]):
        if not (re.fullmatch(r"[A-Z]{3}", a) or a in IGO):
            bad(f"stance actor {a} not alpha-3 or IGO code")
    if e["polarity"] not in (1, -1):
        bad(f"stance polarity {e['polarity']}")
    key = tuple(sorted((e["holder"], e["target"])))
    if key in pairs and pairs[key] != e["polarity"]:
        bad(f"pair {key} given both signs")
    pairs[key] = e["polarity"]
if len(pairs) < 22:
    bad(f"{len(pairs)} distinct stance pairs (want 22+)")
signs = Counter(pairs.values())
if not (signs[1] and signs[-1]):
    bad("stance signs not mixed")

print(f"texts={len(files)} stories={len(sizes)} sizes={sorted(sizes.values())} undated={len(undated)} "
      f"stance_pairs={len(pairs)} (+{signs[1]}/-{signs[-1]})")
for p in problems:
    print("PROBLEM:", p)
print("OK" if not problems else f"FAILED ({len(problems)} problems)")
sys.exit(1 if problems else 0)
