#!/usr/bin/env python3
"""Consistency check for the heldout11 reference set (run from anywhere: python check_gold.py).

Checks: every article/sentence file has one gold record and vice versa; event types are PLOVER types; actor codes
look like codes; every event cue, not-event cue, quote fragment and boilerplate fragment appears verbatim (after the
same normalisation as score.py) in its text; person surnames appear in the text; article bodies are 330-480 words;
6 sentences per PLOVER type and 16 NONE; tone.jsonl matches the articles and their stories; corpus_stances are
unique unordered pairs with polarity +1/-1 (25 or more). Prints a counts table. Exits 1 on any error.
"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
            "MOBILIZE COERCE ASSAULT".split())
CODE = re.compile(r"^[A-Z][A-Z_]{1,9}$")
errors = []


def err(msg):
    errors.append(msg)


def norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"',
                                                                        "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def surname(name):
    parts = re.findall(r"[\w'-]+", norm(name))
    return parts[-1] if parts else ""


def body_words(text, boiler):
    """Words of the body: lines after the header block (up to the first blank line), less boilerplate lines and
    wire credit lines."""
    lines = text.split("\n")
    start = lines.index("") + 1 if "" in lines else 0
    n = 0
    for line in lines[start:]:
        if not line.strip() or line.startswith("(Reporting by") or line.startswith("The author is"):
            continue
        if any(norm(b) in norm(line) for b in boiler):
            continue
        n += len(line.split())
    return n


def check_events(name, text, events, not_events):
    nt = norm(text)
    for e in events:
        for k in ("source", "target"):
            if e.get(k) is not None and not CODE.match(e[k]):
                err(f"{name}: bad actor code {e[k]!r}")
        if not e.get("types") or not set(e["types"]) <= TYPES:
            err(f"{name}: bad types {e.get('types')}")
        if e.get("cue") and norm(e["cue"]) not in nt:
            err(f"{name}: cue not in text: {e['cue']!r}")
        for k in ("optional", "symmetric"):
            if k in e and not isinstance(e[k], bool):
                err(f"{name}: {k} not boolean")
    for e in not_events:
        if not e.get("why"):
            err(f"{name}: not_event without why")
        if not set(e.get("types") or []) <= TYPES:
            err(f"{name}: bad not_event types {e.get('types')}")
        if e.get("cue") and norm(e["cue"]) not in nt:
            err(f"{name}: not_event cue not in text: {e['cue']!r}")


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in HERE.glob("h11_*.txt"))
    gfiles = [a["file"] for a in gold["articles"]]
    if sorted(gfiles) != files or len(set(gfiles)) != len(gfiles):
        err(f"article files and gold records differ: {set(files) ^ set(gfiles)}")
    stats = Counter()
    styles, stories = Counter(), {}
    for a in gold["articles"]:
        name = a["file"]
        path = HERE / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        nt = norm(text)
        for k in ("style", "genre", "outlet", "published", "story"):
            if not a.get(k):
                err(f"{name}: missing {k}")
        if not re.match(r"^20(23|24|25)-\d\d-\d\d$", a.get("published", "")):
            err(f"{name}: published not a 2023-2025 date")
        styles[a["style"]] += 1
        stories[name] = a["story"]
        check_events(name, text, a["events"], a.get("not_events", []))
        for qq in a["quotes"]:
            if norm(qq["contains"]) not in nt:
                err(f"{name}: quote fragment not in text: {qq['contains']!r}")
            if qq.get("speaker") and surname(qq["speaker"]) not in nt:
                err(f"{name}: quote speaker surname not in text: {qq['speaker']}")
        for p in a["persons"]:
            if surname(p["name"]) not in nt:
                err(f"{name}: person surname not in text: {p['name']}")
            if not CODE.match(p["actor"]):
                err(f"{name}: bad person actor {p['actor']}")
        for b in a["boilerplate"]:
            if norm(b) not in nt:
                err(f"{name}: boilerplate fragment not in text: {b!r}")
        words = body_words(text, a["boilerplate"])
        if not 330 <= words <= 480:
            err(f"{name}: body has {words} words (want 330-480)")
        stats["words"] += words
        req = [e for e in a["events"] if not e.get("optional")]
        stats["required events"] += len(req)
        stats["optional events"] += len(a["events"]) - len(req)
        stats["not_events"] += len(a.get("not_events", []))
        stats["quotes (required)"] += sum(1 for qq in a["quotes"] if not qq.get("optional"))
        stats["quotes (optional)"] += sum(1 for qq in a["quotes"] if qq.get("optional"))
        stats["persons"] += len(a["persons"])
        stats["boilerplate fragments"] += len(a["boilerplate"])
        for e in req:
            stats["req:" + e["types"][0]] += 1

    # stances
    cs = gold.get("corpus_stances") or []
    pairs = [tuple(sorted((s["holder"], s["target"]))) for s in cs]
    if len(set(pairs)) != len(pairs):
        err("corpus_stances: an unordered pair appears twice")
    if any(s["polarity"] not in (1, -1) for s in cs):
        err("corpus_stances: polarity must be +1 or -1")
    if len(cs) < 25:
        err(f"corpus_stances: only {len(cs)} edges")
    actors = {x for a in gold["articles"] for e in a["events"] if not e.get("optional") for x in (e["source"], e["target"])}
    for s in cs:
        for x in (s["holder"], s["target"]):
            if x not in actors:
                err(f"corpus_stances: {x} is in no required event")

    # sentences
    sg = json.loads((HERE / "sentences" / "gold.json").read_text(encoding="utf-8"))
    sfiles = sorted(p.name for p in (HERE / "sentences").glob("s_*.txt"))
    sgf = [a["file"] for a in sg["articles"]]
    if sorted(sgf) != sfiles or len(set(sgf)) != len(sgf):
        err(f"sentence files and gold differ: {set(sfiles) ^ set(sgf)}")
    per_type = Counter()
    sent_req = 0
    for a in sg["articles"]:
        m = re.match(r"^s_([A-Z]+)_(\d\d)\.txt$", a["file"])
        if not m:
            err(f"bad sentence file name {a['file']}")
            continue
        typ = m.group(1)
        per_type[typ] += 1
        path = HERE / "sentences" / a["file"]
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if text.count("\n") != 1:
            err(f"{a['file']}: not a single line")
        check_events(a["file"], text, a["events"], a.get("not_events", []))
        req = [e for e in a["events"] if not e.get("optional")]
        sent_req += len(req)
        if typ == "NONE":
            if req:
                err(f"{a['file']}: NONE sentence with required events")
        elif not any(typ in e["types"] for e in req):
            err(f"{a['file']}: no required {typ} event")
    for t in TYPES:
        if per_type[t] != 6:
            err(f"sentences: {per_type[t]} of type {t} (want 6)")
    if per_type["NONE"] != 16:
        err(f"sentences: {per_type['NONE']} NONE (want 16)")

    # tone
    labels = Counter()
    tfiles = []
    for n, line in enumerate((HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        tfiles.append(r["file"])
        if r["file"] not in stories:
            err(f"tone.jsonl:{n}: unknown file {r['file']}")
            continue
        if r.get("story_id") != stories[r["file"]]:
            err(f"tone.jsonl:{n}: story_id differs from gold story")
        if not 2 <= len(r["entities"]) <= 4:
            err(f"tone.jsonl:{n}: {len(r['entities'])} entities (want 2-4)")
        for ent, lab in r["entities"].items():
            if lab not in ("pos", "neu", "neg"):
                err(f"tone.jsonl:{n}: bad label {lab}")
            labels[lab] += 1
    if sorted(tfiles) != sorted(stories):
        err("tone.jsonl does not cover every article exactly once")

    print("heldout11 counts")
    print(f"  articles                 {len(gold['articles'])}  ({', '.join(f'{k} {v}' for k, v in sorted(styles.items()))})")
    print(f"  body words               {stats['words']} (mean {stats['words'] // max(1, len(gold['articles']))})")
    for k in ("required events", "optional events", "not_events", "quotes (required)", "quotes (optional)", "persons",
              "boilerplate fragments"):
        print(f"  {k:<24} {stats[k]}")
    print("  required events by type  " + ", ".join(f"{t} {stats['req:' + t]}" for t in sorted(TYPES) if stats['req:' + t]))
    print(f"  corpus_stances           {len(cs)} (+{sum(s['polarity'] > 0 for s in cs)} / -{sum(s['polarity'] < 0 for s in cs)})")
    print(f"  sentences                {sum(per_type.values())} ({', '.join(f'{t} {per_type[t]}' for t in sorted(per_type))}); required events {sent_req}")
    print(f"  tone entities            {sum(labels.values())} (pos {labels['pos']}, neu {labels['neu']}, neg {labels['neg']})")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
