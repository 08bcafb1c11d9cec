#!/usr/bin/env python3
"""Sanity checks for the cross_heldout2 reference set. Run from anywhere: python3 check_gold.py"""
import json, re, sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNDATED = {  # scraped-style articles: no Date line, no date anywhere in the header
    "y12_trishuli_hydro_losses.txt", "y17_leaders_gather_albania_istanbul.txt",
    "y21_border_committee_observers.txt", "y24_subcontinent_guns_fall_silent.txt",
    "y26_nile_dam_round_ends_cairo.txt", "y29_yevlakh_talks_karabakh.txt",
    "y31_quito_storming_diplomatic_crisis.txt", "y34_dam_deadlock_egypt_farm_outlook.txt",
}
ORGS = {"UN", "EU", "NATO", "AU", "ASEAN", "ARL", "GCC", "ECOWAS", "SADC", "IMF", "WB", "WHO"}
MONTHS = ("January February March April May June July August September October November December "
          "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
DATEISH = re.compile(r"\b(19|20)\d\d\b|\d{4}-\d\d-\d\d|\b(" + "|".join(MONTHS) + r")\b")
errors = []


def err(msg):
    errors.append(msg)


gold = {}
for n, line in enumerate((HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        continue
    r = json.loads(line)
    if set(r) != {"file", "story_id"} or not r["file"] or not r["story_id"]:
        err(f"gold.jsonl:{n}: want exactly file and story_id: {r}")
    if r["file"] in gold:
        err(f"gold.jsonl:{n}: duplicate {r['file']}")
    gold[r["file"]] = r["story_id"]

texts = {p.name for p in HERE.glob("y*.txt")}
for f in sorted(texts - set(gold)):
    err(f"{f}: no gold line")
for f in sorted(set(gold) - texts):
    err(f"gold line for missing file {f}")
for f in texts:
    if not re.fullmatch(r"y\d\d_[a-z0-9_]+\.txt", f):
        err(f"{f}: name not yNN_slug.txt")

sizes = Counter(gold.values())
for s, c in sorted(sizes.items()):
    if not 2 <= c <= 5:
        err(f"story {s}: {c} files (want 2-5)")

stories_undated = set()
outlets = defaultdict(set)
for f in sorted(texts & set(gold)):
    raw = (HERE / f).read_text(encoding="utf-8")
    if "\n\n" not in raw:
        err(f"{f}: no blank line after header"); continue
    head, body = raw.split("\n\n", 1)
    fields = {}
    for hl in head.splitlines():
        k, _, v = hl.partition(": ")
        fields[k] = v.strip()
    want = ["Title", "Outlet", "URL"] + ([] if f in UNDATED else ["Date"])
    if sorted(fields) != sorted(want):
        err(f"{f}: header fields {sorted(fields)} != {sorted(want)}")
    if not fields.get("URL", "").startswith("https://"):
        err(f"{f}: URL must start with https://")
    outlets[gold[f]].add(fields.get("Outlet"))
    if f in UNDATED:
        stories_undated.add(gold[f])
        if re.search(r"^Date:", raw, re.M):
            err(f"{f}: undated file has a Date line")
        if DATEISH.search(head):
            err(f"{f}: undated file has a date-like token in its header: {DATEISH.search(head).group(0)}")
    else:
        try:
            d = date.fromisoformat(fields.get("Date", ""))
            if not date(2023, 1, 1) <= d <= date(2026, 12, 2):
                err(f"{f}: date {d} outside 2023-01-01..2026-12-02")
        except ValueError:
            err(f"{f}: bad Date {fields.get('Date')!r}")
    words = len(body.split())
    if not 230 <= words <= 340:
        err(f"{f}: body has {words} words (want 230-340)")

for s, o in outlets.items():
    if len(o) < 2:
        err(f"story {s}: only one outlet")
if len(texts) != 36 or len(sizes) != 11:
    err(f"want 36 texts and 11 stories, have {len(texts)} and {len(sizes)}")
if len(UNDATED & texts) != 8 or len(stories_undated) < 4:
    err(f"want 8 undated files over >=4 stories, have {len(UNDATED & texts)} over {len(stories_undated)}")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))
edges = st.get("corpus_stances")
if not isinstance(edges, list):
    err("stances.json: no corpus_stances list"); edges = []
pair_sign = {}
for e in edges:
    h, t, p = e.get("holder"), e.get("target"), e.get("polarity")
    for code in (h, t):
        if not isinstance(code, str) or not (re.fullmatch(r"[A-Z]{3}", code) or code in ORGS):
            err(f"stances.json: bad actor code {code!r}")
    if h == t:
        err(f"stances.json: self edge {h}")
    if p not in (1, -1):
        err(f"stances.json: bad polarity {p!r} for {h}->{t}")
    key = tuple(sorted((h or "", t or "")))
    if key in pair_sign and pair_sign[key] != p:
        err(f"stances.json: contradictory signs for {key}")
    pair_sign[key] = p
neg, pos = sum(1 for v in pair_sign.values() if v < 0), sum(1 for v in pair_sign.values() if v > 0)
if len(edges) < 16 or neg < 6 or pos < 6:
    err(f"stances.json: {len(edges)} edges, {neg} negative, {pos} positive pairs (want >=16, >=6, >=6)")

if errors:
    print("\n".join("FAIL " + e for e in errors))
    sys.exit(1)
print(f"OK: {len(texts)} texts, {len(sizes)} stories (sizes {sorted(sizes.values())}), "
      f"{len(UNDATED)} undated over {len(stories_undated)} stories, "
      f"{len(edges)} stance edges ({neg} negative, {pos} positive)")
