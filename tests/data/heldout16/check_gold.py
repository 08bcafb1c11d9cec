#!/usr/bin/env python3
"""Consistency check of the heldout16 reference set (files vs gold, types, codes, verbatim fragments, counts).

Usage: python check_gold.py   (from anywhere; exits 1 on any problem and prints the counts table)
"""
import json, re, sys, unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
IGO = {"UN", "EU", "NATO", "AU", "ASEAN", "GCC", "SCO", "SAARC", "OSCE", "IMF", "WB", "WHO", "FATF", "ARL", "OIC",
       "ICC", "OAS", "UNESCO", "ECOWAS", "IGAD", "ICJ", "COE"}
SIGN = {t: 1 for t in "AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT".split()}
SIGN.update({t: -1 for t in "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()})
SIGN["REQUEST"] = 0
STYLES = {"wire": 4, "national daily": 4, "state news agency": 2, "web page": 3}
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
        if not e.get("optional") and e.get("source") == e.get("target"):
            bad(f"{name}: required domestic event (X->X) should be optional: {e}")
        cue = e.get("cue")
        if not cue:
            bad(f"{name}: event without cue: {e}")
        elif text is not None and norm(cue) not in norm(text):
            bad(f"{name}: cue not in text: {cue!r}")


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    arts = gold["articles"]
    files = sorted(p.name for p in HERE.glob("h16_*.txt"))
    if sorted(a["file"] for a in arts) != files:
        bad(f"gold articles {sorted(a['file'] for a in arts)} != files {files}")
    rows, stories, pair_sum = [], set(), defaultdict(int)
    for a in arts:
        if not re.fullmatch(r"h16_\d\d_[a-z0-9_]+\.txt", a["file"]):
            bad(f"{a['file']}: bad file name")
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
        words = len(" ".join(body[1:]).split())  # headline (first non-boilerplate line) excluded
        if not 350 <= words <= 450:
            bad(f"{a['file']}: body has {words} words (want 350-450)")
        for q in a.get("quotes", []):
            if norm(q["contains"]) not in norm(text):
                bad(f"{a['file']}: quote fragment not verbatim: {q['contains']!r}")
            if not code_ok(q.get("actor")) or q.get("actor") is None:
                bad(f"{a['file']}: quote actor {q.get('actor')}")
            if q.get("speaker") and norm(q["speaker"]).split()[-1] not in norm(text):
                bad(f"{a['file']}: quote speaker not in text: {q['speaker']}")
        for pr in a.get("persons", []):
            sur = norm(pr["name"]).split()[-1]
            if sur not in norm(text):
                bad(f"{a['file']}: person surname not in text: {pr['name']}")
            if not code_ok(pr["actor"]) or pr["actor"] is None:
                bad(f"{a['file']}: person actor {pr['actor']}")
        check_events(a["file"], a.get("events", []), text)
        for ne in a.get("not_events", []):
            if not ne.get("why"):
                bad(f"{a['file']}: not_event without reason")
            if ne.get("cue") and norm(ne["cue"]) not in norm(text):
                bad(f"{a['file']}: not_event cue not in text: {ne['cue']!r}")
        for e in a["events"]:
            s, t = e.get("source"), e.get("target")
            if not e.get("optional") and s and t and s != t:
                pair_sum[tuple(sorted((s, t)))] += SIGN[e["types"][0]]
        req = [e for e in a["events"] if not e.get("optional")]
        rows.append((a["file"], a["style"], words, len(req), len(a["events"]) - len(req),
                     len(a.get("not_events", [])), len(a.get("quotes", [])), len(a.get("persons", [])), len(a.get("boilerplate", []))))
    if len(arts) != 16:
        bad(f"{len(arts)} articles, want 16")
    if len(stories) != len(arts):
        bad("story ids are not unique per article")
    styles = Counter(a["style"] for a in arts)
    if any(styles[k] != v for k, v in STYLES.items()) or styles["editorial"] + styles["opinion"] != 3:
        bad(f"styles {dict(styles)}")
    for a in arts:
        if a["style"] == "web page" and len(a.get("boilerplate", [])) < 5:
            bad(f"{a['file']}: web page with fewer than 5 boilerplate fragments")
    cs = gold.get("corpus_stances", [])
    if not 25 <= len(cs) <= 30 or {s["polarity"] for s in cs} != {1, -1}:
        bad(f"corpus_stances: {len(cs)} edges, polarities {set(s['polarity'] for s in cs)}")
    seen = set()
    for s in cs:
        key = tuple(sorted((s["holder"], s["target"])))
        if key in seen:
            bad(f"stance pair {key} listed twice")
        seen.add(key)
        if not code_ok(s["holder"]) or not code_ok(s["target"]) or s["holder"] == s["target"]:
            bad(f"stance codes {s}")
        if key not in pair_sum:
            bad(f"stance {s} has no required event behind it")
        elif pair_sum[key] == 0 or (pair_sum[key] > 0) != (s["polarity"] > 0):
            bad(f"stance {s} disagrees with the sign of its required events ({pair_sum[key]:+d})")
    for key, v in pair_sum.items():
        if v != 0 and key not in seen:
            bad(f"pair {key} has required events summing to {v:+d} but no stance edge")

    # sentences
    sg = json.loads((HERE / "sentences" / "gold.json").read_text(encoding="utf-8"))["articles"]
    sfiles = sorted(p.name for p in (HERE / "sentences").glob("s_*.txt"))
    if sorted(x["file"] for x in sg) != sfiles:
        bad("sentences: gold files != sentence files")
    per = Counter()
    texts = set()
    for x in sg:
        typ = x["file"].split("_")[1]
        per[typ] += 1
        text = (HERE / "sentences" / x["file"]).read_text(encoding="utf-8")
        if norm(text) in texts:
            bad(f"{x['file']}: duplicate sentence")
        texts.add(norm(text))
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
    if sorted(t["file"] for t in tone) != sorted(byfile):
        bad("tone: files != gold articles")
    for t in tone:
        a = byfile.get(t["file"])
        if not a:
            bad(f"tone: unknown file {t['file']}"); continue
        if t["story_id"] != a["story"] or t["date"] != a["published"] or not t.get("source"):
            bad(f"tone: {t['file']} story_id/date/source do not match gold")
        if not 2 <= len(t["entities"]) <= 4:
            bad(f"tone: {t['file']} has {len(t['entities'])} entities")
        text = norm((HERE / t["file"]).read_text(encoding="utf-8"))
        for ent, v in t["entities"].items():
            if v not in ("pos", "neu", "neg"):
                bad(f"tone: label {v}")
            if norm(ent) not in text:
                bad(f"tone: {ent} not written as such in {t['file']}")
            lab[v] += 1
        if a["style"] == "wire" and any(v != "neu" for v in t["entities"].values()):
            bad(f"tone: wire copy {t['file']} has non-neutral labels")
    n = sum(lab.values())
    if not 44 <= n <= 52 or min(lab[k] for k in ("pos", "neu", "neg")) < 12:
        bad(f"tone: {n} entities, labels {dict(lab)} (want about 48, roughly balanced)")

    print(f"{'file':46} {'style':17} {'words':>5} {'req':>4} {'opt':>4} {'not':>4} {'quo':>4} {'per':>4} {'bp':>4}")
    for r in rows:
        print(f"{r[0]:46} {r[1]:17} {r[2]:>5} {r[3]:>4} {r[4]:>4} {r[5]:>4} {r[6]:>4} {r[7]:>4} {r[8]:>4}")
    tot = [sum(r[i] for r in rows) for i in range(3, 9)]
    print(f"{'TOTAL':46} {'':17} {'':>5} " + " ".join(f"{v:>4}" for v in tot))
    print(f"sentences: {len(sg)} ({', '.join(f'{k} {v}' for k, v in sorted(per.items()))})")
    print(f"tone: {n} entities in {len(tone)} articles ({dict(lab)})")
    print(f"corpus_stances: {len(cs)} (+{sum(s['polarity'] > 0 for s in cs)} / -{sum(s['polarity'] < 0 for s in cs)})")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
