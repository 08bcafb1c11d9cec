#!/usr/bin/env python3
"""Consistency check of the heldout18 reference set (files vs gold, types, codes, verbatim fragments, counts).

Usage: python check_gold.py   (from anywhere; exits 1 on any problem and prints the counts table)
"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
IGO = {"UN", "EU", "NATO", "AU", "ASEAN", "GCC", "SCO", "SAARC", "OSCE", "IMF", "WB", "WHO", "FATF", "ARL", "OIC",
       "ICC", "OAS", "UNESCO", "ECOWAS", "IGAD", "ICJ", "IAEA", "BRICS", "OECD"}
problems = []


def norm(t):
    t = unicodedata.normalize("NFKD", t or "")
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", t).strip().lower()


def bad(msg):
    problems.append(msg)


def code_ok(c):
    return c is None or bool(re.fullmatch(r"[A-Z]{3}", c)) or c in IGO


def check_events(name, events, text):
    for e in events:
        for k in ("source", "target"):
            if not code_ok(e.get(k)):
                bad(f"{name}: bad actor code {e.get(k)!r}")
        if not e.get("types") or not set(e["types"]) <= TYPES:
            bad(f"{name}: bad types {e.get('types')}")
        if not e.get("optional") and (e.get("source") is None or e.get("target") is None):
            bad(f"{name}: required event without both actors: {e}")
        cue = e.get("cue")
        if cue and text is not None and norm(cue) not in norm(text):
            bad(f"{name}: cue not in text: {cue!r}")


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    arts = gold["articles"]
    files = sorted(p.name for p in HERE.glob("h18_*.txt"))
    if sorted(a["file"] for a in arts) != files:
        bad(f"gold articles {sorted(a['file'] for a in arts)} != files {files}")
    rows = []
    stories = set()
    all_pairs = set()
    for a in arts:
        p = HERE / a["file"]
        if not p.exists():
            bad(f"missing {a['file']}"); continue
        text = p.read_text(encoding="utf-8")
        for k in ("style", "genre", "outlet", "published", "story"):
            if not a.get(k):
                bad(f"{a['file']}: metadata {k} missing")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", a.get("published", "")) or not "2022" <= a["published"][:4] <= "2026":
            bad(f"{a['file']}: published {a.get('published')}")
        stories.add(a["story"])
        for frag in a.get("boilerplate", []):
            if norm(frag) not in norm(text):
                bad(f"{a['file']}: boilerplate not verbatim: {frag!r}")
        body = [ln for ln in text.splitlines() if ln.strip() and not any(norm(f) in norm(ln) for f in a.get("boilerplate", []))]
        words = len(" ".join(body[1:]).split())  # headline excluded
        if not 330 <= words <= 480:
            bad(f"{a['file']}: body has {words} words (want 330-480)")
        for q in a.get("quotes", []):
            if norm(q["contains"]) not in norm(text):
                bad(f"{a['file']}: quote fragment not verbatim: {q['contains']!r}")
            if not code_ok(q.get("actor")):
                bad(f"{a['file']}: quote actor {q.get('actor')}")
        for pr in a.get("persons", []):
            sur = norm(pr["name"]).split()[-1]
            if sur not in norm(text):
                bad(f"{a['file']}: person surname not in text: {pr['name']}")
            if not code_ok(pr["actor"]):
                bad(f"{a['file']}: person actor {pr['actor']}")
        check_events(a["file"], a.get("events", []), text)
        for ne in a.get("not_events", []):
            if not ne.get("why"):
                bad(f"{a['file']}: not_event without reason")
        for e in a["events"]:
            if e.get("source") and e.get("target"):
                all_pairs.add(tuple(sorted((e["source"], e["target"]))))
        req = [e for e in a["events"] if not e.get("optional")]
        rows.append((a["file"], a["style"], len(words and body) and words, len(req), len(a["events"]) - len(req),
                     len(a.get("not_events", [])), len(a.get("quotes", [])), len(a.get("persons", [])), len(a.get("boilerplate", []))))
    if len(arts) != 16:
        bad(f"{len(arts)} articles, want 16")
    if len(stories) != len(arts):
        bad("story ids are not unique per article")
    styles = Counter(a["style"] for a in arts)
    if styles["web page"] != 3 or styles["editorial"] + styles["opinion"] < 2:
        bad(f"styles {dict(styles)}")
    cs = gold.get("corpus_stances", [])
    if len(cs) < 25 or {s["polarity"] for s in cs} != {1, -1}:
        bad(f"corpus_stances: {len(cs)} edges, polarities {set(s['polarity'] for s in cs)}")
    if not 25 <= len(cs) <= 30:
        bad(f"corpus_stances: {len(cs)} edges, want 25-30")
    sign = {t: 1 for t in "AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT".split()}
    sign.update({t: -1 for t in "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()})
    net = Counter()
    for a in arts:
        for e in a["events"]:
            if not e.get("optional") and e.get("source") and e.get("target") and e["source"] != e["target"]:
                net[tuple(sorted((e["source"], e["target"])))] += sign.get(e["types"][0], 0)
    seen = set()
    for s in cs:
        k = tuple(sorted((s["holder"], s["target"])))
        if k not in all_pairs:
            bad(f"stance {s} has no event behind it")
        if k in seen:
            bad(f"stance pair {k} listed twice")
        seen.add(k)
        if s["polarity"] not in (1, -1) or net[k] * s["polarity"] <= 0:
            bad(f"stance {s}: sign disagrees with required events (net {net[k]:+d})")
        if not code_ok(s["holder"]) or not code_ok(s["target"]):
            bad(f"stance {s}: bad code")

    # sentences
    sg = json.loads((HERE / "sentences" / "gold.json").read_text(encoding="utf-8"))["articles"]
    sfiles = sorted(p.name for p in (HERE / "sentences").glob("s_*.txt"))
    if sorted(x["file"] for x in sg) != sfiles:
        bad("sentences: gold files != sentence files")
    per = Counter()
    for x in sg:
        typ = x["file"].split("_")[1]
        per[typ] += 1
        text = (HERE / "sentences" / x["file"]).read_text(encoding="utf-8")
        if len(re.findall(r"[.!?](\s|$)", text.strip())) != 1:
            bad(f"{x['file']}: not a single sentence")
        check_events(x["file"], x["events"], text)
        if typ == "NONE":
            if x["events"]:
                bad(f"{x['file']}: NONE sentence has events")
        else:
            req = [e for e in x["events"] if not e.get("optional")]
            if not req or typ not in req[0]["types"]:
                bad(f"{x['file']}: first required event is not {typ}")
    for t in TYPES:
        if per[t] != 6:
            bad(f"sentences: {per[t]} of type {t}")
    if per["NONE"] != 16 or len(sg) != 112:
        bad(f"sentences: {per['NONE']} NONE, {len(sg)} total")

    # tone
    tone = [json.loads(l) for l in (HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    byfile = {a["file"]: a for a in arts}
    lab = Counter()
    for t in tone:
        a = byfile.get(t["file"])
        if not a:
            bad(f"tone: unknown file {t['file']}"); continue
        if t["story_id"] != a["story"]:
            bad(f"tone: {t['file']} story_id != gold story")
        if not 2 <= len(t["entities"]) <= 4:
            bad(f"tone: {t['file']} has {len(t['entities'])} entities")
        text = norm((HERE / t["file"]).read_text(encoding="utf-8"))
        for ent, v in t["entities"].items():
            if v not in ("pos", "neu", "neg"):
                bad(f"tone: label {v}")
            if norm(ent).split()[-1] not in text:
                bad(f"tone: {ent} not in {t['file']}")
            lab[v] += 1

    if not 44 <= sum(lab.values()) <= 52 or len(tone) != len(arts) or min(lab.values() or [0]) < 10:
        bad(f"tone: {sum(lab.values())} entities in {len(tone)} records, labels {dict(lab)} (want about 48, 10+ of each)")
    if styles["wire"] != 4 or styles["national daily"] != 4 or styles["state news agency"] != 2 or styles["editorial"] + styles["opinion"] != 3:
        bad(f"styles {dict(styles)}")
    for a in arts:
        trip = [(e.get("source"), e.get("target"), tuple(e["types"])) for e in a["events"] if not e.get("optional")]
        if len(trip) != len(set(trip)):
            bad(f"{a['file']}: duplicate required events")
        if not re.fullmatch(r"h18_\d\d_[a-z0-9_]+\.txt", a["file"]):
            bad(f"{a['file']}: bad file name")

    print(f"{'file':44} {'style':17} {'words':>5} {'req':>4} {'opt':>4} {'not':>4} {'quo':>4} {'per':>4} {'bp':>4}")
    for r in rows:
        print(f"{r[0]:44} {r[1]:17} {r[2]:>5} {r[3]:>4} {r[4]:>4} {r[5]:>4} {r[6]:>4} {r[7]:>4} {r[8]:>4}")
    tot = [sum(r[i] for r in rows) for i in range(3, 9)]
    print(f"{'TOTAL':44} {'':17} {'':>5} " + " ".join(f"{v:>4}" for v in tot))
    print(f"sentences: {len(sg)} ({', '.join(f'{k} {v}' for k, v in sorted(per.items()))})")
    print(f"tone: {sum(lab.values())} entities in {len(tone)} articles ({dict(lab)})")
    print(f"corpus_stances: {len(cs)} (+{sum(s['polarity'] > 0 for s in cs)} / -{sum(s['polarity'] < 0 for s in cs)})")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
