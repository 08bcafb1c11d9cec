"""Names for one referent: the same actor or place written differently by different sides.

Two sources, both from stored records: actor mentions resolved to one code (by alias or capital: "New Delhi" and
"India" are both IND), and names in the text that no code covers but that share a head word used on its own as a
name in the story ("Jammu and Kashmir", "Indian Illegally Occupied Kashmir" and "Kashmir"); an abbreviation
defined in brackets right after a name ("... Kashmir (IIOK)") is that name.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from newsgraph.compare.load import Records
from newsgraph.compare.text import NAME_JOINERS, defined_names, find_term

NAME_HOWS = ("alias", "capital", "name")    # a name of the actor itself, not a title, institution or pronoun
MAX_EVIDENCE = 2
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _head(name: str) -> str:
    words = name.split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]   # "Council of Foreign Ministers" -> Council
    return words[-1]


def _norm(text: str) -> str:
    text = text.strip()
    if text.endswith(("’s", "'s")):
        text = text[:-2]
    return text[4:] if text.startswith(("the ", "The ")) else text


def build_names(rec: Records, groups: dict[str, str]) -> list[dict[str, Any]]:
    forms: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))   # referent -> side -> form
    where: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    coded_words: set[str] = set()
    person_words: set[str] = set()
    label: dict[str, str] = {}

    def add(ref: str, group: str, form: str, aid: str, n: int = 1, span: tuple[int, int] | None = None) -> None:
        forms[ref][group][form] += n
        hits = where[ref, form]
        if len(hits) < MAX_EVIDENCE and not any(h["article_id"] == aid for h in hits):
            span = span or next(iter(find_term(rec.articles[aid]["text"], form, 1)), None)
            if span:
                hits.append({"article_id": aid, "group": group, "start": span[0], "end": span[1],
                             "sentence": _sentence(rec, aid, span[0])})

    for aid, group in groups.items():
        for m in rec.mentions.get(aid, []):
            if m["kind"] == "person":
                person_words.update(w for w in m["text"].split() if w[:1].isupper())
                continue
            if not m["actor"]:
                continue
            coded_words.update(m["text"].split())
            form = _norm(m["text"])
            if m["how"] in NAME_HOWS and form[:1].isupper():
                add(m["actor"], group, form, aid, 1, (m["start"], m["end"]))
                label[m["actor"]] = rec.names.get(m["actor"], m["actor"])
    # uncoded names, grouped by head word when the head also stands alone as a name in the story
    candidates: list[tuple[str, str, str, str, int]] = []
    capitalised: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for aid, group in groups.items():
        text = rec.articles[aid]["text"]
        counts = rec.terms(aid)
        capitalised.update(_CAPITALISED.findall(text))
        for term, n in counts.items():
            if not term[0].isupper():
                continue
            head = _head(term)
            if " " in term:
                inside[head] += n
            if head.lower() in NAME_JOINERS or head in coded_words or head in person_words or term in coded_words:
                continue
            candidates.append((head, group, term, aid, n))
        for abbr, name in {(abbr, name) for abbr, name, _ in defined_names(text)}:
            head = _head(name)
            if head not in coded_words and head not in person_words:
                candidates.append((head, group, abbr, aid, 0))
    for head, group, term, aid, n in candidates:
        if capitalised[head] > inside[head]:
            add(f"~{head}", group, term, aid, n or rec.terms(aid)[term])
            label[f"~{head}"] = head
    out = []
    all_groups = sorted(set(groups.values()))
    for ref, sides in forms.items():
        used = {g: set(c) for g, c in sides.items()}
        own = {g: sorted((f for f in fs if not any(f in used[o] for o in used if o != g)),
                         key=lambda f, g=g: (-sides[g][f], -len(f), f)) for g, fs in used.items()}
        if len(used) < 2 and len(all_groups) > 1 and not ref.startswith("~"):
            continue
        if not any(own.values()) or sum(len(fs) for fs in used.values()) < 2:
            continue
        out.append({"referent": label[ref], "code": None if ref.startswith("~") else ref,
                    "forms": {g: [{"form": f, "count": n, "evidence": where[ref, f]} for f, n in c.most_common()]
                              for g, c in sorted(sides.items())},
                    "own": {g: fs for g, fs in sorted(own.items()) if fs}})
    out.sort(key=lambda r: (-len({f["form"] for fs in r["forms"].values() for f in fs}),
                            -sum(len(v) for v in r["own"].values()), r["referent"]))
    return out


def _sentence(rec: Records, aid: str, start: int) -> str | None:
    found = rec.sentence(aid, start)
    return found["text"] if found else None
