#!/usr/bin/env python3
"""Consistency check for the heldout12 reference set (run from anywhere: python check_gold.py).

Checks: article files vs gold.json; event types and actor codes; every cue, quote fragment, boilerplate fragment and
person surname appears verbatim (after the same folding as eval/score.py) in its text; no two required events of one
article can be satisfied by one predicted triple; body length 330-480 words; sentences: 6 per type + 16 NONE, cues in
text; tone.jsonl: files, labels, stories, entity surnames in text; corpus_stances: count, no duplicate pairs, sign agrees
with the required events of gold.json. Prints a counts table. Exit 1 on any error.
"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
IGOS = {"UN", "EU", "NATO", "AU", "ASEAN", "GCC", "SCO", "SAARC", "OSCE", "IMF", "WB", "WHO", "FATF", "ARL", "OIC"}
SIGN = {t: 1 for t in "AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT".split()}
SIGN.update({t: -1 for t in "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()})
SIGN["REQUEST"] = 0
errors, warnings = [], []


def norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def err(msg): errors.append(msg)


def code_ok(c):
    return c is None or c in IGOS or re.fullmatch(r"[A-Z]{3}", c or "")


def check_events(name, text, events, need_source=True):
    t = norm(text)
    for e in events:
        for k in ("source", "target"):
            if not code_ok(e.get(k)):
                err(f"{name}: bad actor code {e.get(k)!r}")
        if need_source and not e.get("optional") and (not e.get("source") or not e.get("target")):
            err(f"{name}: required event without both actors: {e}")
        if not e.get("types") or any(x not in TYPES for x in e["types"]):
            err(f"{name}: bad types {e.get('types')}")
        if norm(e.get("cue", "")) not in t:
            err(f"{name}: cue not in text: {e.get('cue')!r}")
    req = [e for e in events if not e.get("optional")]
    for i, a in enumerate(req):
        for b in req[i + 1:]:
            pa = {(a["source"], a["target"])} | ({(a["target"], a["source"])} if a.get("symmetric") else set())
            pb = {(b["source"], b["target"])} | ({(b["target"], b["source"])} if b.get("symmetric") else set())
            if pa & pb and set(a["types"]) & set(b["types"]):
                err(f"{name}: two required events share a triple: {a['cue']!r} / {b['cue']!r}")


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in HERE.glob("h12_*.txt"))
    listed = [a["file"] for a in gold["articles"]]
    if sorted(listed) != files:
        err(f"article files and gold.json differ: {set(files) ^ set(listed)}")
    rows, regions, styles = [], Counter(), Counter()
    texts = {}
    for a in gold["articles"]:
        path = HERE / a["file"]
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        texts[a["file"]] = text
        t = norm(text)
        for k in ("outlet", "genre", "style", "published", "story", "region"):
            if not a.get(k):
                err(f"{a['file']}: metadata {k} missing")
        regions[a.get("region")] += 1
        styles[a.get("style")] += 1
        check_events(a["file"], text, a["events"])
        for q in a["quotes"]:
            if norm(q["contains"]) not in t:
                err(f"{a['file']}: quote fragment not in text: {q['contains']!r}")
            if not code_ok(q["actor"]) or not q["actor"]:
                err(f"{a['file']}: bad quote actor {q['actor']!r}")
        for p in a["persons"]:
            last = re.findall(r"[\w'-]+", norm(p["name"]))[-1]
            if last not in t:
                err(f"{a['file']}: person surname not in text: {p['name']}")
        for ne in a.get("not_events", []):
            if not ne.get("why"):
                err(f"{a['file']}: not_event without why")
        body_lines = [ln for ln in text.splitlines() if not any(norm(f) in norm(ln) for f in a["boilerplate"])]
        for f in a["boilerplate"]:
            if norm(f) not in t:
                err(f"{a['file']}: boilerplate fragment not in text: {f!r}")
        words = len(" ".join(body_lines).split())
        if not 330 <= words <= 480:
            err(f"{a['file']}: body has {words} words (want 330-480)")
        req = sum(not e.get("optional") for e in a["events"])
        rows.append((a["file"], a["style"], words, req, len(a["events"]) - req, len(a.get("not_events", [])),
                     sum(not q.get("optional") for q in a["quotes"]), len(a["persons"]), len(a["boilerplate"])))

    # sentences
    sg = json.loads((HERE / "sentences" / "gold.json").read_text(encoding="utf-8"))
    sfiles = sorted(p.name for p in (HERE / "sentences").glob("s_*.txt"))
    if sorted(x["file"] for x in sg["articles"]) != sfiles:
        err("sentence files and sentences/gold.json differ")
    per_type = Counter()
    for s in sg["articles"]:
        text = (HERE / "sentences" / s["file"]).read_text(encoding="utf-8")
        typ = s["file"].split("_")[1]
        per_type[typ] += 1
        check_events(s["file"], text, s["events"])
        if typ == "NONE":
            if any(not e.get("optional") for e in s["events"]):
                err(f"{s['file']}: NONE sentence with a required event")
            if not s.get("not_events"):
                err(f"{s['file']}: NONE sentence without not_events")
        elif not any(typ in e["types"] and not e.get("optional") for e in s["events"]):
            err(f"{s['file']}: no required {typ} event")
        if len(text.strip().splitlines()) != 1:
            err(f"{s['file']}: not a single line")
    for typ in TYPES:
        if per_type[typ] != 6:
            err(f"sentences: {typ} has {per_type[typ]} (want 6)")
    if per_type["NONE"] != 16:
        err(f"sentences: NONE has {per_type['NONE']} (want 16)")

    # tone
    stories = {a["file"]: a["story"] for a in gold["articles"]}
    labels = Counter()
    tone = [json.loads(l) for l in (HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    for r in tone:
        if r["file"] not in texts:
            err(f"tone: unknown file {r['file']}"); continue
        if r["story_id"] != stories[r["file"]]:
            err(f"tone: {r['file']} story_id differs from gold.json")
        if not 2 <= len(r["entities"]) <= 4:
            err(f"tone: {r['file']} has {len(r['entities'])} entities")
        for name, lab in r["entities"].items():
            labels[lab] += 1
            if lab not in ("pos", "neu", "neg"):
                err(f"tone: {r['file']} {name}: bad label {lab}")
            last = re.findall(r"[a-z0-9']+", norm(name))[-1]
            if last not in norm(texts[r["file"]]):
                err(f"tone: {r['file']}: entity {name} not in text")

    # stances
    st = gold.get("corpus_stances", [])
    pairs = Counter(tuple(sorted((s["holder"], s["target"]))) for s in st)
    for p, n in pairs.items():
        if n > 1:
            err(f"corpus_stances: pair {p} listed {n} times")
    if len(st) < 25:
        err(f"corpus_stances: {len(st)} edges (want 25+)")
    total = Counter()
    for a in gold["articles"]:
        for e in a["events"]:
            if e.get("optional") or e["source"] == e["target"]:
                continue
            total[tuple(sorted((e["source"], e["target"])))] += SIGN[e["types"][0]]
    for s in st:
        if s["polarity"] not in (1, -1):
            err(f"corpus_stances: bad polarity {s}")
        v = total.get(tuple(sorted((s["holder"], s["target"]))), 0)
        if v * s["polarity"] <= 0:
            warnings.append(f"corpus_stances: {s['holder']}-{s['target']} polarity {s['polarity']} but the first types of the required events sum to {v} (see README)")
    pos = sum(s["polarity"] > 0 for s in st)

    print(f"{'file':40} {'style':22} {'words':>5} {'req':>4} {'opt':>4} {'not':>4} {'quotes':>6} {'pers':>4} {'boil':>4}")
    for r in rows:
        print(f"{r[0]:40} {r[1]:22} {r[2]:5} {r[3]:4} {r[4]:4} {r[5]:4} {r[6]:6} {r[7]:4} {r[8]:4}")
    tot = [sum(r[i] for r in rows) for i in range(2, 9)]
    print(f"{'TOTAL (' + str(len(rows)) + ' articles)':40} {'':22} {tot[0]:5} {tot[1]:4} {tot[2]:4} {tot[3]:4} {tot[4]:6} {tot[5]:4} {tot[6]:4}")
    print("regions:", dict(regions))
    print("styles:", dict(styles))
    print(f"sentences: {sum(per_type.values())} ({', '.join(f'{k}={v}' for k, v in sorted(per_type.items()))})")
    sreq = sum(not e.get("optional") for s in sg["articles"] for e in s["events"])
    print(f"sentence events: required={sreq} optional={sum(e.get('optional', False) for s in sg['articles'] for e in s['events'])}")
    print(f"tone: {len(tone)} articles, {sum(labels.values())} entities {dict(labels)}")
    print(f"corpus_stances: {len(st)} edges (+{pos} / -{len(st) - pos})")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
