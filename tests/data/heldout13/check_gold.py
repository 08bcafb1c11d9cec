#!/usr/bin/env python3
"""Consistency check of the heldout13 reference set (no newsgraph needed).

Checks: every article/sentence file has a gold entry and vice versa; event types are PLOVER types; actor codes are
upper-case codes; every cue, quote fragment and boilerplate fragment appears verbatim in its text; body length
330-480 words (boilerplate lines excluded); 6 sentences per PLOVER type plus 16 NONE; tone.jsonl entities appear in
their article and stories match gold.json; corpus_stances are well-formed. Prints a counts table. Exit 1 on error.
Usage: python check_gold.py
"""
import json, re, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
CODE = re.compile(r"^[A-Z][A-Z_]{1,9}$")
errors = []


def err(msg):
    errors.append(msg)


def check_events(name, text, art):
    for key in ("events", "not_events"):
        for ev in art.get(key, []):
            for side in ("source", "target"):
                c = ev.get(side)
                if c is not None and not CODE.match(c):
                    err(f"{name}: {key} bad actor code {c!r}")
            ts = ev.get("types") or []
            if key == "events" and not ts:
                err(f"{name}: event without types")
            for t in ts:
                if t not in TYPES:
                    err(f"{name}: {key} bad type {t!r}")
            if key == "events" and ev.get("cue") and ev["cue"] not in text:
                err(f"{name}: cue not in text: {ev['cue']!r}")
            if key == "not_events" and not ev.get("why"):
                err(f"{name}: not_event without 'why'")
    for q in art.get("quotes", []):
        if q["contains"] not in text:
            err(f"{name}: quote fragment not in text: {q['contains']!r}")
        if not CODE.match(q.get("actor") or ""):
            err(f"{name}: quote bad actor {q.get('actor')!r}")
    for b in art.get("boilerplate", []):
        if b not in text:
            err(f"{name}: boilerplate fragment not in text: {b!r}")
    for p in art.get("persons", []):
        last = p["name"].split()[-1]
        if last not in text:
            err(f"{name}: person not in text: {p['name']!r}")
        if not CODE.match(p["actor"]):
            err(f"{name}: person bad actor {p['actor']!r}")


def body_words(text, boiler):
    lines = [l for l in text.splitlines() if l.strip() and not any(b in l for b in boiler)]
    return sum(len(l.split()) for l in lines)


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in HERE.glob("h13_*.txt"))
    gfiles = [a["file"] for a in gold["articles"]]
    if sorted(gfiles) != files or len(set(gfiles)) != len(gfiles):
        err(f"article files and gold differ: {set(files) ^ set(gfiles)}")
    stories = {}
    n_req = n_opt = n_not = n_q = n_b = n_p = 0
    styles = Counter()
    for art in gold["articles"]:
        name = art["file"]
        path = HERE / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        check_events(name, text, art)
        for k in ("outlet", "style", "genre", "published", "story"):
            if not art.get(k):
                err(f"{name}: missing metadata {k}")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", art.get("published", "")):
            err(f"{name}: bad date")
        w = body_words(text, art.get("boilerplate", []))
        if not 330 <= w <= 480:
            err(f"{name}: body has {w} words (want 330-480)")
        stories[name] = art["story"]
        styles[art["style"]] += 1
        n_req += sum(1 for e in art["events"] if not e.get("optional"))
        n_opt += sum(1 for e in art["events"] if e.get("optional"))
        n_not += len(art.get("not_events", []))
        n_q += sum(1 for q in art["quotes"] if not q.get("optional"))
        n_b += len(art["boilerplate"]); n_p += len(art["persons"])
    cs = gold.get("corpus_stances") or []
    pairs = Counter(tuple(sorted((s["holder"], s["target"]))) for s in cs)
    for s in cs:
        if s.get("polarity") not in (1, -1) or not CODE.match(s["holder"]) or not CODE.match(s["target"]):
            err(f"corpus_stances: bad entry {s}")
    for k, v in pairs.items():
        if v > 1:
            err(f"corpus_stances: pair {k} listed {v} times")
    if len(cs) < 25:
        err(f"corpus_stances: only {len(cs)} edges")

    # sentences
    sg = json.loads((HERE / "sentences" / "gold.json").read_text(encoding="utf-8"))
    sfiles = sorted(p.name for p in (HERE / "sentences").glob("s_*.txt"))
    sgf = [a["file"] for a in sg["articles"]]
    if sorted(sgf) != sfiles or len(set(sgf)) != len(sgf):
        err(f"sentence files and gold differ: {set(sfiles) ^ set(sgf)}")
    per = Counter()
    s_req = 0
    for art in sg["articles"]:
        name = art["file"]
        m = re.match(r"^s_([A-Z]+)_(\d\d)\.txt$", name)
        if not m or (m.group(1) not in TYPES and m.group(1) != "NONE"):
            err(f"sentences: bad file name {name}"); continue
        per[m.group(1)] += 1
        path = HERE / "sentences" / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        check_events("sentences/" + name, text, art)
        req = [e for e in art["events"] if not e.get("optional")]
        s_req += len(req)
        if m.group(1) == "NONE":
            if req:
                err(f"sentences/{name}: NONE sentence with required events")
        elif not any(m.group(1) in e["types"] for e in req):
            err(f"sentences/{name}: no required {m.group(1)} event")
    for t in TYPES:
        if per[t] != 6:
            err(f"sentences: {per[t]} sentences of type {t} (want 6)")
    if per["NONE"] != 16:
        err(f"sentences: {per['NONE']} NONE sentences (want 16)")

    # tone
    tone = [json.loads(l) for l in (HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    labels = Counter()
    for t in tone:
        f = t["file"]
        if f not in stories:
            err(f"tone: unknown file {f}"); continue
        if t.get("story_id") != stories[f]:
            err(f"tone: {f} story_id differs from gold.json")
        text = (HERE / f).read_text(encoding="utf-8")
        for ent, lab in t["entities"].items():
            if lab not in ("pos", "neu", "neg"):
                err(f"tone: {f} {ent}: bad label {lab}")
            if ent.split()[-1] not in text:
                err(f"tone: {f} entity not in text: {ent}")
            labels[lab] += 1

    print("| item | count |\n|---|---|")
    rows = [("articles", len(files)), ("  styles", ", ".join(f"{k} {v}" for k, v in sorted(styles.items()))),
            ("required events", n_req), ("optional events", n_opt), ("not_events", n_not), ("required quotes", n_q),
            ("persons", n_p), ("boilerplate fragments", n_b), ("corpus_stances edges", f"{len(cs)} (+{sum(s['polarity'] > 0 for s in cs)} / -{sum(s['polarity'] < 0 for s in cs)})"),
            ("sentences", f"{sum(per.values())} ({', '.join(f'{t} {per[t]}' for t in TYPES + ['NONE'])})"),
            ("sentence required events", s_req),
            ("tone entities", f"{sum(labels.values())} (pos {labels['pos']}, neu {labels['neu']}, neg {labels['neg']}) in {len(tone)} articles")]
    for k, v in rows:
        print(f"| {k} | {v} |")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print(" -", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
