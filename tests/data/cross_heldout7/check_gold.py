#!/usr/bin/env python3
"""Check cross_heldout7: gold vs files, headers, undated files, body lengths, story sizes, stances."""
import json, re, sys
from collections import Counter
from pathlib import Path

D = Path(__file__).resolve().parent
errors = []
gold = [json.loads(l) for l in (D / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
files = sorted(p.name for p in D.glob("u*.txt"))
gfiles = [g["file"] for g in gold]
if sorted(gfiles) != files or len(set(gfiles)) != len(gfiles):
    errors.append(f"gold/files mismatch: only gold {set(gfiles)-set(files)}, only files {set(files)-set(gfiles)}")
if not 36 <= len(files) <= 40:
    errors.append(f"{len(files)} files, want 36-40")
sizes = Counter(g["story_id"] for g in gold)
if not 11 <= len(sizes) <= 12:
    errors.append(f"{len(sizes)} stories, want 11-12")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        errors.append(f"story {s} has {n} articles")
undated, undated_stories = [], set()
story_of = {g["file"]: g["story_id"] for g in gold}
outlets = {}
for f in files:
    text = (D / f).read_text(encoding="utf-8")
    if not re.fullmatch(r"u\d\d_[a-z0-9_]+\.txt", f):
        errors.append(f"{f}: bad name")
    head, sep, body = text.partition("\n\n")
    if not sep:
        errors.append(f"{f}: no blank line after header"); continue
    lines = head.splitlines()
    keys = [l.split(":", 1)[0] for l in lines]
    want = ["Title", "Outlet", "Date", "URL"] if "Date" in keys else ["Title", "Outlet", "URL"]
    if keys != want:
        errors.append(f"{f}: header keys {keys}")
    h = dict(l.split(": ", 1) for l in lines)
    if "Date" in h and not re.fullmatch(r"20(2[1-5])-\d\d-\d\d", h["Date"]):
        errors.append(f"{f}: bad date {h['Date']}")
    if "Date" not in h:
        undated.append(f); undated_stories.add(story_of.get(f))
        if re.search(r"20\d\d[-/]\d\d", h.get("URL", "")) or re.search(r"\b20\d\d\b", head):
            errors.append(f"{f}: undated file has a date in its header")
    if not h.get("URL", "").startswith("https://"):
        errors.append(f"{f}: bad URL")
    if not text.isascii():
        errors.append(f"{f}: non-ASCII characters")
    n = len(body.split())
    if not 280 <= n <= 340:
        errors.append(f"{f}: body {n} words")
    outlets.setdefault(story_of.get(f), []).append(h.get("Outlet"))
for s, o in outlets.items():
    if len(set(o)) < 2:
        errors.append(f"story {s}: all from one outlet")
if not 7 <= len(undated) <= 9 or len(undated_stories) != len(undated):
    errors.append(f"undated files {len(undated)} over {len(undated_stories)} stories")
st = json.loads((D / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs = Counter(tuple(sorted((s["holder"], s["target"]))) for s in st)
for s in st:
    if s["polarity"] not in (1, -1) or not re.fullmatch(r"[A-Z]{2,5}", s["holder"] + "") or not re.fullmatch(r"[A-Z]{2,5}", s["target"]):
        errors.append(f"bad stance {s}")
if len(pairs) < 22 or any(v > 1 for v in pairs.values()):
    errors.append(f"{len(pairs)} distinct pairs (duplicates: {[k for k, v in pairs.items() if v > 1]})")
signs = Counter(s["polarity"] for s in st)
if len(signs) < 2:
    errors.append("stances all one sign")
print(f"files={len(files)} stories={len(sizes)} sizes={sorted(sizes.values())} undated={len(undated)} "
      f"stance_pairs={len(pairs)} (+{signs[1]} / -{signs[-1]})")
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"FAILED ({len(errors)} errors)")
sys.exit(1 if errors else 0)
