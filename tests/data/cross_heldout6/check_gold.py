#!/usr/bin/env python3
"""Check cross_heldout6: gold vs files, headers, undated files, body lengths, story sizes and stances.

Usage: python3 check_gold.py   (run from anywhere; exits 1 on any problem)
"""
import datetime
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
IGO = {"UN", "EU", "NATO", "AU", "ASEAN", "GCC", "SCO", "SAARC", "OSCE", "IMF", "WB", "WHO", "FATF", "OIC", "ARL",
       "ECOWAS", "BRICS", "G7", "G20", "ICC", "IAEA", "OPEC", "WTO"}
# names by which each actor in stances.json appears in the texts (to check the stance is stated there)
NAMES = {
    "ASEAN": ["ASEAN"], "MMR": ["Myanmar", "junta", "Naypyitaw"], "IDN": ["Indonesia", "Widodo", "Jakarta"],
    "TLS": ["Timor-Leste", "Timorese", "Dili"], "PHL": ["Philippine", "Manila", "Marcos"],
    "CHN": ["China", "Chinese", "Beijing"], "MYS": ["Malaysia"], "VNM": ["Vietnam"],
    "USA": ["United States", "Washington", "Harris", "Biden", "Trump", "US "], "ARG": ["Argentin", "Buenos Aires"],
    "BRA": ["Brazil", "Lula"], "URY": ["Uruguay"], "DEU": ["Germany", "German", "Berlin", "Baerbock"],
    "RUS": ["Russia", "Moscow"], "FRA": ["France", "French"], "LTU": ["Lithuania", "Vilnius"],
    "JPN": ["Japan", "Tokyo", "Ishiba"], "GBR": ["Britain", "British", "London", "UK ", "Cleverly", "Foreign Office"],
    "CAN": ["Canada", "Canadian", "Ottawa", "Joly"], "POL": ["Poland", "Polish", "Warsaw", "Tusk"],
    "ISR": ["Israel"], "AUS": ["Australia", "Albanese", "Canberra"], "TUR": ["Turk", "Erdogan", "Erdoğan", "Ankara"],
    "EGY": ["Egypt", "Sisi", "Cairo"], "ARE": ["United Arab Emirates", "UAE", "Abu Dhabi", "Dubai"],
}
errors = []


def err(msg):
    errors.append(msg)
    print("ERROR:", msg)


def parse(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    head, i = {}, 0
    while i < len(lines) and lines[i].strip():
        m = re.match(r"^(Title|Outlet|Date|URL): (.+)$", lines[i])
        if not m:
            err(f"{path.name}: bad header line {i + 1}: {lines[i][:60]!r}")
        else:
            head[m.group(1)] = m.group(2).strip()
        i += 1
    body = "\n".join(lines[i + 1:]).strip()
    order = [ln.split(":")[0] for ln in lines[:i]]
    want = ["Title", "Outlet", "Date", "URL"] if "Date" in head else ["Title", "Outlet", "URL"]
    if order != want:
        err(f"{path.name}: header order {order}, want {want}")
    return head, body


gold = [json.loads(ln) for ln in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
gold_files = [g["file"] for g in gold]
if len(set(gold_files)) != len(gold_files):
    err("duplicate files in gold.jsonl")
texts = sorted(p.name for p in HERE.glob("*.txt"))
for f in set(gold_files) - set(texts):
    err(f"{f} in gold but missing")
for f in set(texts) - set(gold_files):
    err(f"{f} present but not in gold")
for f in texts:
    if not re.match(r"^v\d\d_[a-z0-9_]+\.txt$", f):
        err(f"bad file name {f}")
story = {g["file"]: g["story_id"] for g in gold}
sizes = Counter(story.values())
if not 36 <= len(texts) <= 40:
    err(f"{len(texts)} texts, want 36-40")
if not 11 <= len(sizes) <= 12:
    err(f"{len(sizes)} stories, want 11-12")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        err(f"story {s} has {n} articles, want 2-5")

undated, outlets, bodies, dates = [], defaultdict(list), {}, defaultdict(list)
for f in texts:
    head, body = parse(HERE / f)
    bodies[f] = body
    for k in ("Title", "Outlet", "URL"):
        if k not in head:
            err(f"{f}: no {k}")
    if not head.get("URL", "").startswith("https://"):
        err(f"{f}: URL must start with https://")
    if "Date" in head:
        try:
            d = datetime.date.fromisoformat(head["Date"])
            if not 2021 <= d.year <= 2025:
                err(f"{f}: date {d} outside 2021-2025")
            dates[story.get(f)].append(d)
        except ValueError:
            err(f"{f}: bad date {head['Date']!r}")
    else:
        undated.append(f)
        header = " ".join(head.values())
        if re.search(r"(19|20)\d\d", header):
            err(f"{f}: undated file carries a year in its header")
    outlets[story.get(f)].append(head.get("Outlet"))
    n = len(body.split())
    if not 280 <= n <= 340:
        err(f"{f}: body has {n} words, want 280-340")

u_stories = {story[f] for f in undated}
print(f"undated files: {len(undated)} over {len(u_stories)} stories: {', '.join(undated)}")
if not 7 <= len(undated) <= 9 or len(u_stories) != len(undated):
    err("want about 8 undated files, each in a different story")
for s, outs in outlets.items():
    if len(set(outs)) != len(outs):
        err(f"story {s}: outlets repeat: {outs}")
for s, ds in dates.items():
    if ds and (max(ds) - min(ds)).days > 45:
        err(f"story {s}: dated articles span {(max(ds) - min(ds)).days} days")

# near-verbatim wire copy (hard case b)
a, b = bodies.get("v13_erdogan_cairo_wire.txt", ""), bodies.get("v20_erdogan_sisi_reunion.txt", "")
ratio = difflib.SequenceMatcher(None, a, b).ratio()
print(f"wire copy v13/v20 similarity: {ratio:.2f}")
if ratio < 0.85 or story.get("v13_erdogan_cairo_wire.txt") != story.get("v20_erdogan_sisi_reunion.txt"):
    err("wire copy pair should be near verbatim and in one story")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs = {}
for x in st:
    h, t, p = x.get("holder"), x.get("target"), x.get("polarity")
    for c in (h, t):
        if not (c in IGO or re.fullmatch(r"[A-Z]{3}", c or "")):
            err(f"stance actor {c!r} is not ISO alpha-3 or a known IGO code")
    if h == t or p not in (1, -1) or not x.get("note"):
        err(f"bad stance {x}")
    key = tuple(sorted((h, t)))
    if key in pairs and pairs[key] != p:
        err(f"contradictory stances for {key}")
    pairs[key] = p
    found = [f for f, body in bodies.items()
             if any(n in body for n in NAMES.get(h, [h])) and any(n in body for n in NAMES.get(t, [t]))]
    if not found:
        err(f"stance {h}-{t}: no text names both actors")
signs = Counter(pairs.values())
print(f"stances: {len(st)} entries, {len(pairs)} distinct unordered pairs, +{signs[1]} / -{signs[-1]}")
if len(pairs) < 22 or not signs[1] or not signs[-1]:
    err("want 22+ distinct unordered pairs with both signs")

print(f"texts={len(texts)} stories={len(sizes)} sizes={dict(sorted(Counter(sizes.values()).items()))}")
print("OK" if not errors else f"FAILED: {len(errors)} problem(s)")
sys.exit(1 if errors else 0)
