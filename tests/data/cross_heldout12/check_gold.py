#!/usr/bin/env python3
"""Check the cross_heldout12 set: gold vs files, headers, undated files (header and body), body lengths, story sizes
(9 stories of 3, 3 of 4), the wire pair, the three look-alike pairs (one undated file in each), stances (codes, signs,
notes naming existing files, no edges drawn from the disaster stories).

Usage: python3 check_gold.py   (run from anywhere; exits 1 on any problem)
"""
import datetime
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
IGO = {"UN", "EU", "NATO", "AU", "ASEAN", "GCC", "SCO", "SAARC", "OSCE", "IMF", "WB", "WHO", "FATF", "ARL", "OIC", "IAEA", "ECOWAS", "IDB", "SADC"}
problems = []
MONTHS = r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
bodies = {}


def bad(msg):
    problems.append(msg)


gold = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
gold_files = [g["file"] for g in gold]
if len(gold_files) != len(set(gold_files)):
    bad("duplicate files in gold.jsonl")
texts = sorted(p.name for p in HERE.glob("t*.txt"))
for f in sorted(set(texts) - set(gold_files)):
    bad(f"{f}: text without gold record")
for f in sorted(set(gold_files) - set(texts)):
    bad(f"{f}: gold record without text")
if not 36 <= len(texts) <= 40:
    bad(f"{len(texts)} texts, want 36-40")

story_of = {g["file"]: g["story_id"] for g in gold}
sizes = Counter(story_of.values())
if not 11 <= len(sizes) <= 12:
    bad(f"{len(sizes)} stories, want 11-12")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        bad(f"story {s} has {n} articles, want 2-5")

undated, outlets = [], defaultdict(set)
for f in texts:
    if not re.fullmatch(r"t\d\d_[a-z0-9_]+\.txt", f):
        bad(f"{f}: bad file name")
    raw = (HERE / f).read_text(encoding="utf-8")
    if "\n\n" not in raw:
        bad(f"{f}: no blank line after header")
        continue
    head, body = raw.split("\n\n", 1)
    fields = {}
    for line in head.splitlines():
        k, _, v = line.partition(": ")
        fields[k] = v.strip()
    keys = list(fields)
    if keys not in (["Title", "Outlet", "Date", "URL"], ["Title", "Outlet", "URL"]):
        bad(f"{f}: header fields {keys}")
    if not fields.get("Title") or not fields.get("Outlet"):
        bad(f"{f}: empty Title or Outlet")
    if not fields.get("URL", "").startswith("https://"):
        bad(f"{f}: URL must start with https://")
    if "Date" in fields:
        try:
            d = datetime.date.fromisoformat(fields["Date"])
            if not datetime.date(2021, 1, 1) <= d <= datetime.date(2026, 12, 31):
                bad(f"{f}: date {d} outside 2021-2026")
        except ValueError:
            bad(f"{f}: bad Date {fields['Date']!r}")
    else:
        undated.append(f)
        if re.search(r"20\d\d", head):
            bad(f"{f}: undated file has a year in its header")
        if re.search(r"\b20\d\d\b", body):
            bad(f"{f}: undated file has a year in its body")
        if re.search(MONTHS, body):
            bad(f"{f}: undated file names a month in its body (only weekdays or relative dates)")
    bodies[f] = body
    n = len(body.split())
    if not 280 <= n <= 340:
        bad(f"{f}: body has {n} words, want 280-340")
    outlets[story_of.get(f)].add(fields.get("Outlet"))

for s, n in sizes.items():
    if len(outlets[s]) != n:
        bad(f"story {s}: outlets not all different")
undated_stories = {story_of[f] for f in undated}
if len(undated) != 8 or len(undated_stories) != len(undated):
    bad(f"{len(undated)} undated files over {len(undated_stories)} stories, want about 8 files over as many stories")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs = {}
for e in st:
    h, t, p = e.get("holder"), e.get("target"), e.get("polarity")
    for c in (h, t):
        if not (isinstance(c, str) and (re.fullmatch(r"[A-Z]{3}", c) or c in IGO)):
            bad(f"stance code {c!r} is neither ISO alpha-3 nor a known IGO code")
    if h == t:
        bad(f"stance {h}-{t}: holder equals target")
    if p not in (1, -1):
        bad(f"stance {h}-{t}: polarity {p!r}")
    if not e.get("note"):
        bad(f"stance {h}-{t}: no note")
    key = tuple(sorted((h, t)))
    if key in pairs and pairs[key] != p:
        bad(f"stance pair {key} has both signs")
    pairs[key] = p
    for ref in re.findall(r"\bt\d\d\b", e.get("note", "")):
        if not any(t.startswith(ref + "_") for t in texts):
            bad(f"stance {h}-{t}: note names {ref}, which is no file")
    if not re.search(r"\bt\d\d\b", e.get("note", "")):
        bad(f"stance {h}-{t}: note names no file")
if not 25 <= len(pairs) <= 28:
    bad(f"{len(pairs)} distinct unordered stance pairs, want 25-28")
if len(pairs) != len(st):
    bad("a stance pair is listed twice")

# hard case (b): a wire story republished nearly verbatim under another headline, in the same story
def shingles(text, k=5):
    w = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}
near = []
names = sorted(bodies)
for i, a in enumerate(names):
    for b in names[i + 1:]:
        sa, sb = shingles(bodies[a]), shingles(bodies[b])
        if sa and sb and len(sa & sb) / len(sa | sb) > 0.6:
            near.append((a, b))
if not near:
    bad("no near-verbatim wire pair")
for a, b in near:
    if story_of.get(a) != story_of.get(b):
        bad(f"near-verbatim pair {a} {b} in different stories")
if set(pairs.values()) != {1, -1}:
    bad("stance polarities not mixed")


# story sizes: 9 stories of 3 files, 3 of 4
if sorted(sizes.values()) != [3] * 9 + [4] * 3:
    bad(f"story sizes {sorted(sizes.values())}, want 9 of 3 and 3 of 4")

# hard case (a): three look-alike pairs of different stories, one undated file in each pair
LOOKALIKE = [("imf-argentina-eff-approval-2025-04", "imf-argentina-first-review-2025-07"),
             ("emilia-romagna-floods-2023-05", "emilia-romagna-floods-2024-09"),
             ("isr-esp-consulate-row-2024-05", "esp-isr-embargo-measures-2025-09")]
for a, b in LOOKALIKE:
    if a not in sizes or b not in sizes:
        bad(f"look-alike pair {a} / {b}: story missing")
    elif len({story_of[f] for f in undated} & {a, b}) != 1:
        bad(f"look-alike pair {a} / {b}: want exactly one of the two stories with an undated file")

# no stance edges drawn from the disaster stories
DISASTER = {"emilia-romagna-floods-2023-05", "emilia-romagna-floods-2024-09"}
for e in st:
    for ref in re.findall(r"\bt\d\d\b", e.get("note", "")):
        for f in texts:
            if f.startswith(ref + "_") and story_of.get(f) in DISASTER:
                bad(f"stance {e['holder']}-{e['target']}: note cites {f} from a disaster story")

print(f"texts={len(texts)} stories={len(sizes)} sizes={sorted(sizes.values())} undated={len(undated)} "
      f"over {len(undated_stories)} stories; stance pairs={len(pairs)} "
      f"(+{sum(v > 0 for v in pairs.values())} / -{sum(v < 0 for v in pairs.values())}); "
      f"wire pairs={' '.join('+'.join(p) for p in near)}")
for p in problems:
    print("PROBLEM:", p)
print("OK" if not problems else f"FAILED ({len(problems)} problems)")
sys.exit(1 if problems else 0)
