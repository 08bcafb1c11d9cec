#!/usr/bin/env python3
"""Check cross_heldout5: gold vs files, headers, undated files, body lengths, story sizes, stances.
Usage: python3 check_gold.py   (from any directory). Exits 1 on any problem."""
import json, re, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
IGO = {"UN", "EU", "NATO", "ICC", "ICJ", "ASEAN", "AU", "OIC", "GCC", "SCO", "OSCE", "IMF", "WB", "WHO", "ARL", "ECOWAS"}
problems = []

def bad(msg):
    problems.append(msg)

gold = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
gfiles = [g["file"] for g in gold]
if len(gfiles) != len(set(gfiles)):
    bad("duplicate files in gold")
texts = sorted(p.name for p in HERE.glob("*.txt"))
if sorted(gfiles) != texts:
    bad(f"gold/files mismatch: only in gold {sorted(set(gfiles) - set(texts))}, only on disk {sorted(set(texts) - set(gfiles))}")
if not 36 <= len(texts) <= 40:
    bad(f"{len(texts)} texts, want 36-40")
sizes = Counter(g["story_id"] for g in gold)
if not 11 <= len(sizes) <= 12:
    bad(f"{len(sizes)} stories, want 11-12")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        bad(f"story {s} has {n} articles, want 2-5")

undated, undated_stories, outlets = [], set(), {}
story_of = {g["file"]: g["story_id"] for g in gold}
for name in texts:
    if not re.fullmatch(r"w\d\d_[a-z0-9_]+\.txt", name):
        bad(f"{name}: bad file name")
    raw = (HERE / name).read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n\n")
    if not sep:
        bad(f"{name}: no blank line after header"); continue
    fields = {}
    for line in head.splitlines():
        k, _, v = line.partition(": ")
        fields[k] = v.strip()
    keys = list(fields)
    if keys not in (["Title", "Outlet", "Date", "URL"], ["Title", "Outlet", "URL"]):
        bad(f"{name}: header keys {keys}")
    if "Date" in fields:
        if not re.fullmatch(r"20(2[1-5])-\d\d-\d\d", fields["Date"]):
            bad(f"{name}: date {fields['Date']} not YYYY-MM-DD in 2021-2025")
    else:
        undated.append(name); undated_stories.add(story_of.get(name))
        if re.search(r"20\d\d-\d\d-\d\d", head):
            bad(f"{name}: undated file has a date in its header")
    if not fields.get("URL", "").startswith("https://"):
        bad(f"{name}: URL must start with https://")
    outlets.setdefault(story_of.get(name), []).append(fields.get("Outlet"))
    n = len(body.split())
    if not 280 <= n <= 340:
        bad(f"{name}: body has {n} words, want 280-340")

if not 7 <= len(undated) <= 9 or len(undated_stories) != len(undated):
    bad(f"{len(undated)} undated files over {len(undated_stories)} stories, want about 8 over 8")
for s, os_ in outlets.items():
    if len(set(os_)) != len(os_):
        bad(f"story {s}: an outlet appears twice {os_}")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs, signs = {}, Counter()
for e in st:
    h, t, p = e.get("holder"), e.get("target"), e.get("polarity")
    for c in (h, t):
        if not (isinstance(c, str) and (re.fullmatch(r"[A-Z]{3}", c) or c in IGO)):
            bad(f"stance code {c!r} not alpha-3 or a known IGO code")
    if h == t:
        bad(f"stance {h}-{t}: holder equals target")
    if p not in (1, -1):
        bad(f"stance {h}-{t}: polarity {p!r}")
    if not e.get("note"):
        bad(f"stance {h}-{t}: no note")
    k = tuple(sorted((h, t)))
    if k in pairs and pairs[k] != p:
        bad(f"stance pair {k} given both signs")
    pairs[k] = p; signs[p] += 1
if len(pairs) < 22:
    bad(f"{len(pairs)} distinct stance pairs, want 22+")
if not (signs[1] and signs[-1]):
    bad("stances need both signs")

print(f"texts={len(texts)} stories={len(sizes)} sizes={dict(sorted(Counter(sizes.values()).items()))} "
      f"undated={len(undated)} ({', '.join(undated)}) stance_pairs={len(pairs)} (+{signs[1]}/-{signs[-1]})")
for p in problems:
    print("PROBLEM:", p)
print("OK" if not problems else f"FAILED: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
