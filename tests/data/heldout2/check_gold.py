#!/usr/bin/env python3
"""Sanity-check gold.json against the article texts in this folder.

Every quote fragment, boilerplate fragment, person name, event cue and not_event cue must occur in its
article (after the same normalisation score.py applies); articles must be 250-450 words; codes must be
well formed. Run: python3 check_gold.py
"""
import json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ORGS = {"UN", "EU", "AU", "IMF", "WB", "NATO", "CARICOM", "ICJ", "ICC"}


def norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                                                        "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip().lower()


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    errors = []
    totals = dict(articles=0, events=0, required=0, optional=0, quotes=0, quotes_required=0, persons=0, boilerplate=0, not_events=0)
    for art in gold["articles"]:
        path = HERE / art["file"]
        text = path.read_text(encoding="utf-8")
        t = norm(text)
        words = len(text.split())
        if not 250 <= words <= 450:
            errors.append(f"{art['file']}: {words} words")
        def need(frag, what):
            if norm(frag) not in t:
                errors.append(f"{art['file']}: {what} not in text: {frag!r}")
        for b in art["boilerplate"]:
            need(b, "boilerplate")
        names = set()
        for p in art["persons"]:
            need(p["name"], "person")
            names.add(p["name"])
        for e in art["events"]:
            need(e["cue"], "event cue")
            for code in (e["source"], e["target"]):
                if not (re.fullmatch(r"[A-Z]{3}", code) or code in ORGS):
                    errors.append(f"{art['file']}: odd actor code {code}")
            if not set(e["types"]) <= TYPES:
                errors.append(f"{art['file']}: bad type in {e['types']}")
        for q in art["quotes"]:
            need(q["contains"], "quote")
            if q["speaker"] is not None and q["speaker"] not in names:
                errors.append(f"{art['file']}: speaker {q['speaker']} not in persons")
        for n in art["not_events"]:
            need(n["cue"], "not_event cue")
        totals["articles"] += 1
        totals["events"] += len(art["events"])
        totals["optional"] += sum(1 for e in art["events"] if e.get("optional"))
        totals["required"] += sum(1 for e in art["events"] if not e.get("optional"))
        totals["quotes"] += len(art["quotes"])
        totals["quotes_required"] += sum(1 for q in art["quotes"] if not q.get("optional"))
        totals["persons"] += len(art["persons"])
        totals["boilerplate"] += len(art["boilerplate"])
        totals["not_events"] += len(art["not_events"])
        print(f"{art['file']}: {words} words, events {len(art['events'])} "
              f"({sum(1 for e in art['events'] if not e.get('optional'))} required), quotes {len(art['quotes'])}, "
              f"persons {len(art['persons'])}, boilerplate {len(art['boilerplate'])}, not_events {len(art['not_events'])}")
    print("totals:", totals)
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
