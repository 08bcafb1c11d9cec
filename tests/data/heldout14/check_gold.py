#!/usr/bin/env python3
"""Consistency checks for tests/data/heldout14 (files vs gold, codes and types, verbatim fragments, counts).

Usage: python tests/data/heldout14/check_gold.py      (exit 0 when everything holds, 1 otherwise)
"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
IGOS = {"UN", "EU", "NATO", "AU", "ASEAN", "GCC", "SCO", "SAARC", "OSCE", "IMF", "WB", "WHO", "FATF", "ARL", "OIC", "EAC", "IAEA", "OAS", "WTO", "ECOWAS", "CSTO"}
REGIONS = {"South Asia": 4, "Caucasus/Central Asia": 3, "Nile basin/Horn/Sahel": 3, "Middle East/Gulf": 3}
errors = []


def err(msg):
    errors.append(msg)


def norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def toks(s):
    return re.findall(r"[a-z0-9']+", norm(s))


def code_ok(c):
    return c is None or c in IGOS or bool(re.fullmatch(r"[A-Z]{3}", c))


def check_events(where, events, need_source=True):
    for e in events:
        if not e.get("types") or not set(e["types"]) <= TYPES:
            err(f"{where}: bad types {e.get('types')}")
        for k in ("source", "target"):
            if not code_ok(e.get(k)):
                err(f"{where}: bad actor code {e.get(k)!r}")
        if need_source and not e.get("optional") and (not e.get("source") or not e.get("target")):
            err(f"{where}: required event without both actors: {e}")
        if not e.get("cue"):
            err(f"{where}: event without cue: {e}")


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    arts = gold["articles"]
    files = sorted(p.name for p in HERE.glob("h14_*.txt"))
    gfiles = [a["file"] for a in arts]
    if sorted(gfiles) != files:
        err(f"article files and gold differ: {set(files) ^ set(gfiles)}")
    if len(files) != 16:
        err(f"expected 16 articles, found {len(files)}")
    regions = Counter(a.get("region") for a in arts)
    for r, n in REGIONS.items():
        if regions[r] != n:
            err(f"region {r}: {regions[r]} articles, want {n}")
    if regions["East Asia"] + regions["Latin America"] != 3:
        err("want 3 articles from East Asia or Latin America")
    styles = Counter(a["style"] for a in arts)
    if styles["web page"] != 3 or styles["editorial"] + styles["opinion column"] < 2:
        err(f"style mix off: {dict(styles)}")
    rows = []
    for a in arts:
        path = HERE / a["file"]
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        ntext = norm(text)
        where = a["file"]
        for k in ("style", "genre", "outlet", "published", "story"):
            if not a.get(k):
                err(f"{where}: missing metadata {k}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.get("published", "")) or not "2023" <= a["published"][:4] <= "2025":
            err(f"{where}: published date {a.get('published')!r} not 2023-2025")
        check_events(where, a["events"])
        for q in a["quotes"]:
            if norm(q["contains"]) not in ntext:
                err(f"{where}: quote fragment not in text: {q['contains']!r}")
            if not code_ok(q["actor"]):
                err(f"{where}: quote actor {q['actor']!r}")
            if q.get("speaker") and toks(q["speaker"])[-1] not in toks(text):
                err(f"{where}: quote speaker {q['speaker']!r} not named in text")
        for p in a["persons"]:
            if toks(p["name"])[-1] not in toks(text) or not code_ok(p["actor"]):
                err(f"{where}: person {p['name']!r}/{p['actor']} not in text or bad actor")
        body_lines = []
        for line in text.splitlines()[1:]:
            if any(norm(b) in norm(line) for b in a["boilerplate"]):
                continue
            body_lines.append(line)
        for b in a["boilerplate"]:
            if norm(b) not in ntext:
                err(f"{where}: boilerplate fragment not in text: {b!r}")
        words = len(" ".join(body_lines).split())
        if not 330 <= words <= 480:
            err(f"{where}: body has {words} words, want 330-480")
        for ne in a.get("not_events", []):
            if not ne.get("why"):
                err(f"{where}: not_event without why")
        req = [e for e in a["events"] if not e.get("optional")]
        rows.append((a["file"], a["style"], words, len(req), len(a["events"]) - len(req), len(a["quotes"]), len(a["persons"]), len(a["boilerplate"]), len(a.get("not_events", []))))
    st = gold.get("corpus_stances", [])
    pairs = Counter(tuple(sorted((s["holder"], s["target"]))) for s in st)
    if len(st) < 25 or {s["polarity"] for s in st} != {1, -1} or max(pairs.values()) > 1:
        err(f"corpus_stances: {len(st)} edges, signs {sorted({s['polarity'] for s in st})}, duplicate pairs {[p for p, n in pairs.items() if n > 1]}")
    for s in st:
        if not (code_ok(s["holder"]) and code_ok(s["target"])):
            err(f"corpus_stances: bad code in {s}")
    # sentences
    sg = json.loads((HERE / "sentences" / "gold.json").read_text(encoding="utf-8"))["articles"]
    sfiles = sorted(p.name for p in (HERE / "sentences").glob("s_*.txt"))
    if sorted(r["file"] for r in sg) != sfiles:
        err("sentence files and sentences/gold.json differ")
    per = Counter(r["type"] for r in sg)
    for t in TYPES:
        if per[t] != 6:
            err(f"sentences: {per[t]} of type {t}, want 6")
    if per["NONE"] != 16 or len(sg) != 112:
        err(f"sentences: {per['NONE']} NONE, {len(sg)} in all; want 16 and 112")
    for r in sg:
        f = HERE / "sentences" / r["file"]
        if f.exists():
            lines = [l for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
            if len(lines) != 1:
                err(f"{r['file']}: want one sentence line")
        if not r["file"].startswith(f"s_{r['type']}_"):
            err(f"{r['file']}: name does not match type {r['type']}")
        check_events(r["file"], r["events"])
        req = [e for e in r["events"] if not e.get("optional")]
        if r["type"] == "NONE":
            if req:
                err(f"{r['file']}: NONE sentence with required events")
        elif not any(r["type"] in e["types"] for e in req):
            err(f"{r['file']}: no required {r['type']} event")
    # tone
    tone = [json.loads(l) for l in (HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    bystory = {a["file"]: a["story"] for a in arts}
    labels = Counter()
    for t in tone:
        if t["file"] not in bystory or t["story_id"] != bystory[t["file"]]:
            err(f"tone: {t['file']} unknown or story_id differs")
            continue
        text = (HERE / t["file"]).read_text(encoding="utf-8")
        if not 2 <= len(t["entities"]) <= 5:
            err(f"tone: {t['file']} has {len(t['entities'])} entities")
        for name, lab in t["entities"].items():
            labels[lab] += 1
            if lab not in ("pos", "neu", "neg"):
                err(f"tone: {t['file']} {name}: label {lab!r}")
            if toks(name)[-1] not in toks(text):
                err(f"tone: {t['file']} entity {name!r} not in text")
    if len(tone) != 16:
        err(f"tone: {len(tone)} articles, want 16")
    if min(labels.values()) < 10:
        err(f"tone: labels unbalanced {dict(labels)}")
    # report
    print(f"{'file':45} {'style':18} words req opt quotes persons boiler not_ev")
    for r in rows:
        print(f"{r[0]:45} {r[1]:18} {r[2]:5} {r[3]:3} {r[4]:3} {r[5]:6} {r[6]:7} {r[7]:6} {r[8]:6}")
    tot = [sum(r[i] for r in rows) for i in range(3, 9)]
    print(f"{'TOTAL':45} {'':18} {'':5} {tot[0]:3} {tot[1]:3} {tot[2]:6} {tot[3]:7} {tot[4]:6} {tot[5]:6}")
    print(f"corpus_stances: {len(st)} (+{sum(s['polarity'] > 0 for s in st)} / -{sum(s['polarity'] < 0 for s in st)})")
    sreq = sum(1 for r in sg for e in r["events"] if not e.get("optional"))
    print(f"sentences: {len(sg)} ({', '.join(f'{k}={v}' for k, v in sorted(per.items()))}); required events {sreq}")
    print(f"tone: {sum(labels.values())} entities in {len(tone)} articles: {dict(labels)}")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
