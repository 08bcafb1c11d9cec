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
from newsgraph.compare.text import NAME_JOINERS, term_spans

NAME_HOWS = ("alias", "capital", "name")    # a name of the actor itself, not a title, institution or pronoun
MAX_EVIDENCE = 2
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_DEFINED = re.compile(r"\s*[’']?s?\s*\(([A-Z][A-Za-z]{1,9})\)")


def _head(name: str) -> str:
    words = name.split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]   # "Council of Foreign Ministers" -> Council
    return words[-1]


def _norm(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    return re.sub(r"^(?:the|The)\s+", "", text)


def build_names(rec: Records, groups: dict[str, str]) -> list[dict[str, Any]]:
    forms: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))   # referent -> side -> form
    where: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    coded_words: set[str] = set()
    person_words: set[str] = set()
    label: dict[str, str] = {}

    def add(ref: str, group: str, form: str, aid: str, start: int, end: int) -> None:
        forms[ref][group][form] += 1
        hits = where[ref, form]
        if len(hits) < MAX_EVIDENCE:
            hits.append({"article_id": aid, "group": group, "start": start, "end": end,
                         "sentence": _sentence(rec, aid, start)})

    for aid, group in groups.items():
        for m in rec.mentions.get(aid, []):
            if m["person"]:
                person_words.update(m["person"].split())
            if not m["actor"] or m["kind"] == "person":
                continue
            coded_words.update(m["text"].split())
            form = _norm(m["text"])
            if m["how"] in NAME_HOWS and form[:1].isupper():
                add(m["actor"], group, form, aid, m["start"], m["end"])
                label[m["actor"]] = rec.names.get(m["actor"], m["actor"])
    # uncoded names, grouped by head word when the head also stands alone as a name in the story
    candidates: list[tuple[str, str, str, int, int]] = []
    capitalised: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    coded_forms = {w for w in coded_words}
    for aid, group in groups.items():
        text = rec.articles[aid]["text"]
        capitalised.update(_CAPITALISED.findall(text))
        for term, start, end in term_spans(text):
            if not term[0].isupper():
                continue
            head = _head(term)
            inside[head] += " " in term
            if head.lower() in NAME_JOINERS or head in coded_forms or head in person_words or term in coded_forms:
                continue
            candidates.append((head, group, term, aid, start))
            defined = _DEFINED.match(text, end)
            if defined and _initials(term).startswith(defined.group(1)[:2].upper()):
                candidates.append((head, group, defined.group(1), aid, defined.start(1)))
    for head, group, term, aid, start in candidates:
        if capitalised[head] > inside[head]:
            add(f"~{head}", group, term, aid, start, start + len(term))
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


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _sentence(rec: Records, aid: str, start: int) -> str | None:
    return next((s["text"] for s in rec.spans.get(aid, []) if s["start"] <= start < s["end"]), None)
