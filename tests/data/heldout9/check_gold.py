#!/usr/bin/env python3
"""Check heldout9's reference files against its texts. Run from anywhere: python check_gold.py"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
            "SANCTION MOBILIZE COERCE ASSAULT".split())
ORGS = {"UN", "EU", "NATO", "AU", "ASEAN", "ARL", "GCC", "ECOWAS", "SADC", "IMF", "WB", "WHO"}


def norm(text):
    # same folding as score.py, so that what passes here also matches there
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"',
                                                                        "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def actor_ok(code):
    return code is None or code in ORGS or re.fullmatch(r"[A-Z]{3}", code) is not None


def check_set(gold_path, folder, problems, words=None):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = {p.name for p in folder.glob("*.txt")}
    seen = set()
    for art in gold["articles"]:
        name = art["file"]
        seen.add(name)
        path = folder / name
        if not path.exists():
            problems.append(f"{name}: no such text")
            continue
        raw = path.read_text(encoding="utf-8")
        text = norm(raw)
        if words:
            n = len(raw.split())
            if not words[0] <= n <= words[1]:
                problems.append(f"{name}: {n} words, outside {words}")
        for ev in art.get("events", []):
            if not ev.get("types") or not set(ev["types"]) <= TYPES:
                problems.append(f"{name}: bad types {ev.get('types')}")
            for side in ("source", "target"):
                if not actor_ok(ev.get(side)):
                    problems.append(f"{name}: bad actor code {ev.get(side)!r}")
        for ne in art.get("not_events", []):
            if not set(ne.get("types", [])) <= TYPES:
                problems.append(f"{name}: bad not_event types {ne.get('types')}")
        for q in art.get("quotes", []):
            if norm(q["contains"]) not in text:
                problems.append(f"{name}: quote fragment not in text: {q['contains']!r}")
            if not actor_ok(q.get("actor")) or q.get("actor") is None:
                problems.append(f"{name}: bad quote actor {q.get('actor')!r}")
            if q.get("speaker") and norm(q["speaker"]).split()[-1] not in text:
                problems.append(f"{name}: speaker surname not in text: {q['speaker']!r}")
        for p in art.get("persons", []):
            if norm(p["name"]) not in text:
                problems.append(f"{name}: person name not in text: {p['name']!r}")
            if not actor_ok(p.get("actor")):
                problems.append(f"{name}: bad person actor {p.get('actor')!r}")
        for b in art.get("boilerplate", []):
            if norm(b) not in text:
                problems.append(f"{name}: boilerplate fragment not in text: {b!r}")
    for name in sorted(texts - seen):
        problems.append(f"{folder.name}/{name}: text has no gold entry")
    return gold


def main():
    problems = []
    gold = check_set(HERE / "gold.json", HERE, problems, words=(330, 480))
    sent = check_set(HERE / "sentences" / "gold.json", HERE / "sentences", problems)
    for art in sent["articles"]:
        m = re.fullmatch(r"s_([A-Z]+)_\d\d\.txt", art["file"])
        if not m or (m.group(1) not in TYPES and m.group(1) != "NONE"):
            problems.append(f"sentences/{art['file']}: bad file name")
            continue
        typ = m.group(1)
        required = [e for e in art["events"] if not e.get("optional")]
        if typ == "NONE" and required:
            problems.append(f"sentences/{art['file']}: NONE sentence with required events")
        if typ != "NONE" and not any(typ in e["types"] for e in required):
            problems.append(f"sentences/{art['file']}: no required {typ} event")
        lines = [l for l in (HERE / "sentences" / art["file"]).read_text(encoding="utf-8").splitlines() if l.strip()]
        if len(lines) != 1:
            problems.append(f"sentences/{art['file']}: not a single line")
    counts = {}
    for art in sent["articles"]:
        t = art["file"].split("_")[1]
        counts[t] = counts.get(t, 0) + 1
    if sorted(counts) != sorted(TYPES | {"NONE"}) or any(v != (16 if k == "NONE" else 6) for k, v in counts.items()):
        problems.append(f"sentences: wrong counts {counts}")
    files = {a["file"] for a in gold["articles"]}
    tone = [json.loads(l) for l in (HERE / "tone.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    for row in tone:
        if not (HERE / row["file"]).exists():
            problems.append(f"tone.jsonl: no such file {row['file']}")
        text = norm((HERE / row["file"]).read_text(encoding="utf-8")) if (HERE / row["file"]).exists() else ""
        if not 2 <= len(row["entities"]) <= 4:
            problems.append(f"tone.jsonl: {row['file']} has {len(row['entities'])} entities")
        for ent, lab in row["entities"].items():
            if lab not in ("neg", "neu", "pos"):
                problems.append(f"tone.jsonl: {row['file']} {ent}: bad label {lab}")
            if norm(ent).split()[-1] not in text:
                problems.append(f"tone.jsonl: {row['file']} {ent}: surname not in text")
    if {r["file"] for r in tone} != files:
        problems.append("tone.jsonl: files differ from gold.json")
    stances = gold.get("corpus_stances", [])
    pairs = {tuple(sorted((s["holder"], s["target"]))) for s in stances}
    neg = sum(1 for s in stances if s["polarity"] < 0)
    pos = sum(1 for s in stances if s["polarity"] > 0)
    if len(pairs) < 14 or neg < 4 or pos < 4:
        problems.append(f"corpus_stances: {len(pairs)} pairs, {pos} positive, {neg} negative")
    for s in stances:
        if s["polarity"] not in (1, -1) or not actor_ok(s["holder"]) or not actor_ok(s["target"]):
            problems.append(f"corpus_stances: bad edge {s}")
    for p in problems:
        print(p)
    print(f"{'FAIL' if problems else 'OK'}: {len(gold['articles'])} articles, {len(sent['articles'])} sentences, "
          f"{len(tone)} tone rows, {len(pairs)} stance edges, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
