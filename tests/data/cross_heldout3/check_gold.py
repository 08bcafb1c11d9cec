#!/usr/bin/env python3
"""Check cross_heldout3: gold vs files, headers, undated files, lengths, story sizes, hard cases, stances.

Usage: python3 check_gold.py   (from anywhere; exits 1 on any problem)
"""
import datetime as dt
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = [("s01-iaea-board-jun2022", "s02-iaea-board-nov2022"),      # same body meeting twice
         ("s03-afghan-quake-2022", "s04-afghan-quake-2023"),        # same disaster type, same country
         ("s05-grain-ban-apr2023", "s06-grain-ban-sep2023")]        # two rounds of one dispute
WIRE = ("z05_riyadh_tehran_restore_ties_wire.txt", "z16_beijing_brokered_thaw_gulf.txt")
SAME_DAY = ("s09-grain-deal-exit-jul2023", "s10-crimea-bridge-jul2023")
DEVELOPING = "s07-kosovo-plates-nov2022"
CODE = re.compile(r"^[A-Z]{2,5}$")
DATE_IN_HEADER = re.compile(r"(19|20)\d\d[-/]\d\d|/(19|20)\d\d/")
errors = []


def err(msg):
    errors.append(msg)


def parse(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    head = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        m = re.match(r"^(Title|Outlet|Date|URL): (.+)$", lines[i])
        if not m:
            err(f"{path.name}: bad header line {lines[i]!r}")
        else:
            head[m.group(1)] = m.group(2).strip()
        i += 1
    body = "\n".join(lines[i + 1:]).strip()
    return head, body, lines[:i]


gold = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
gfiles = [g["file"] for g in gold]
story = {g["file"]: g["story_id"] for g in gold}
if len(gfiles) != len(set(gfiles)):
    err("duplicate files in gold")
texts = sorted(p.name for p in HERE.glob("*.txt"))
if set(texts) != set(gfiles):
    err(f"gold/file mismatch: only in gold {sorted(set(gfiles) - set(texts))}, only on disk {sorted(set(texts) - set(gfiles))}")
for f in texts:
    if not re.match(r"^z\d\d_[a-z0-9_]+\.txt$", f):
        err(f"{f}: name is not zNN_slug.txt")
if not 36 <= len(texts) <= 40:
    err(f"{len(texts)} texts, want 36-40")
sizes = Counter(story.values())
if not 11 <= len(sizes) <= 12:
    err(f"{len(sizes)} stories, want 11-12")
for s, n in sizes.items():
    if not 2 <= n <= 5:
        err(f"story {s} has {n} articles, want 2-5")

info = {}
for f in texts:
    head, body, hlines = parse(HERE / f)
    for k in ("Title", "Outlet", "URL"):
        if k not in head:
            err(f"{f}: no {k}")
    order = [l.split(":")[0] for l in hlines]
    if order not in (["Title", "Outlet", "Date", "URL"], ["Title", "Outlet", "URL"]):
        err(f"{f}: header order {order}")
    if not head.get("URL", "").startswith("https://"):
        err(f"{f}: URL not https")
    date = None
    if "Date" in head:
        try:
            date = dt.date.fromisoformat(head["Date"])
        except ValueError:
            err(f"{f}: bad date {head['Date']}")
        if date and not dt.date(2022, 1, 1) <= date <= dt.date(2025, 12, 31):
            err(f"{f}: date {date} outside 2022-2025")
    else:
        rest = " ".join(v for k, v in head.items())
        if DATE_IN_HEADER.search(rest):
            err(f"{f}: undated file has a date in its header")
    words = len(body.split())
    if not 280 <= words <= 340:
        err(f"{f}: body has {words} words, want 280-340")
    info[f] = {"date": date, "outlet": head.get("Outlet"), "body": body, "words": words}

undated = [f for f in texts if info[f]["date"] is None]
und_stories = {story[f] for f in undated}
if not 7 <= len(undated) <= 9:
    err(f"{len(undated)} undated files, want about 8")
if len(und_stories) != len(undated):
    err("undated files should be spread over as many stories")
by_story = defaultdict(list)
for f in texts:
    by_story[story[f]].append(f)
for s, fs in by_story.items():
    outlets = [info[f]["outlet"] for f in fs]
    if len(set(outlets)) != len(outlets):
        err(f"story {s}: repeated outlet {outlets}")
    ds = [info[f]["date"] for f in fs if info[f]["date"]]
    if not ds:
        err(f"story {s}: no dated article")
    elif (max(ds) - min(ds)).days > 31:
        err(f"story {s}: dates span {(max(ds) - min(ds)).days} days")


def span(s):
    ds = [info[f]["date"] for f in by_story[s] if info[f]["date"]]
    return min(ds), max(ds)


for a, b in PAIRS:
    if not any(info[f]["date"] is None for f in by_story[a] + by_story[b]):
        err(f"pair {a}/{b}: no undated file")
    gap = abs((span(a)[0] - span(b)[0]).days)
    if gap < 60:
        err(f"pair {a}/{b}: only {gap} days apart")
w1, w2 = (info[f]["body"] for f in WIRE)
ratio = difflib.SequenceMatcher(None, w1.split(), w2.split()).ratio()
if ratio < 0.9 or story[WIRE[0]] != story[WIRE[1]] or not (info[WIRE[0]]["date"] is None) ^ (info[WIRE[1]]["date"] is None):
    err(f"wire pair: similarity {ratio:.2f}, same story, exactly one undated required")
if span(SAME_DAY[0])[0] != span(SAME_DAY[1])[0]:
    err("same-day stories do not start on the same day")
lo, hi = span(DEVELOPING)
if not 14 <= (hi - lo).days <= 28:
    err(f"developing story spans {(hi - lo).days} days, want 2-3 weeks (dated files)")

st = json.loads((HERE / "stances.json").read_text(encoding="utf-8"))["corpus_stances"]
pairs = {}
for e in st:
    h, t, p = e.get("holder"), e.get("target"), e.get("polarity")
    if not (isinstance(h, str) and CODE.match(h) and isinstance(t, str) and CODE.match(t)) or h == t:
        err(f"stance {e}: bad codes")
    if p not in (1, -1):
        err(f"stance {h}-{t}: polarity {p}")
    if not e.get("note"):
        err(f"stance {h}-{t}: no note")
    k = tuple(sorted((h, t)))
    if k in pairs:
        err(f"stance pair {k} listed twice")
    pairs[k] = p
signs = Counter(pairs.values())
if len(pairs) < 22:
    err(f"{len(pairs)} stance pairs, want 22+")
if not (signs[1] and signs[-1]):
    err("stances are not mixed in sign")
cited = set()
for e in st:
    cited |= set(re.findall(r"\bz\d\d\b", e["note"]))
known = {f[:3] for f in texts}
if cited - known:
    err(f"stance notes cite unknown files {sorted(cited - known)}")

print(f"texts={len(texts)} stories={len(sizes)} sizes={dict(sorted(Counter(sizes.values()).items()))} "
      f"undated={len(undated)} over {len(und_stories)} stories words={min(i['words'] for i in info.values())}-"
      f"{max(i['words'] for i in info.values())} wire_similarity={ratio:.2f} "
      f"stance_pairs={len(pairs)} (+{signs[1]} / -{signs[-1]})")
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"FAILED: {len(errors)} problem(s)")
sys.exit(1 if errors else 0)
