"""The comparison as Markdown or as plain-text tables for the terminal (JSON is the dict itself)."""
from __future__ import annotations

from typing import Any

MAX_FACTS = 25


def _cell(fact: dict[str, Any], group: str) -> str:
    side = fact["by_group"].get(group)
    if not side:
        return "—"
    how = side["main_how"] + (f" ({', '.join(side['by'])})" if side["by"] else "")
    return f"#{side['rank']} {side['place']}, {how}" + (f", {side['articles']} art." if side["articles"] > 1 else "")


def _tables(result: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    groups = result["groups"]
    tables = []
    tables.append(("Sides", ["side", "articles", "outlets", "summary"],
                   [[o["name"], str(o["articles"]), ", ".join(o["outlets"][:4]) + (" …" if len(o["outlets"]) > 4 else ""),
                     result["summary"][o["name"]]["text"]] for o in result["outlets"]]))
    tables.append(("Facts (rank in the side's telling, place, how)", ["fact", *groups],
                   [[f["label"] + (" [disputed]" if f["disputed"] else ""), *(_cell(f, g) for g in groups)]
                    for f in result["facts"][:MAX_FACTS]]))
    rows = []
    for g in groups:
        for s in result["voices"]["by_group"][g]["speakers"][:8]:
            rows.append([g, s["speaker"], s["actor"] or "", str(s["quotes"]), str(s["words"]), f"{s['share']:.0%}"])
    tables.append(("Voices", ["side", "speaker", "actor", "quotes", "words", "share"], rows))
    silent = [a for a in result["voices"]["actors"] if not a["voice"]]
    if silent:
        tables.append(("Actors no side quotes", ["actor", "name", "mentions", "mentioned by"],
                       [[a["actor"], a["name"], str(a["mentions"]), ", ".join(a["mentioned_by"])] for a in silent[:12]]))
    tables.append(("Distinctive terms (z of the weighted log-odds)", ["side", "terms"],
                   [[g, ", ".join(f"{t['term']} ({t['z']:.1f})" for t in result["terms"]["by_group"].get(g, []))]
                    for g in groups]))
    names = result["terms"]["names"]
    if names:
        tables.append(("Names for one referent", ["referent", *groups],
                       [[n["referent"], *(", ".join(f"{f['form']} ×{f['count']}" for f in n["forms"].get(g, [])) or "—"
                                          for g in groups)] for n in names[:12]]))
    if result["tone"]:
        tables.append(("Tone toward the main actors", ["actor", *groups],
                       [[t["name"], *(f"{t['by_group'][g]['score']:+.2f} {t['by_group'][g]['label']}"
                                      if g in t["by_group"] else "—" for g in groups)] for t in result["tone"]]))
    return tables


def to_markdown(result: dict[str, Any]) -> str:
    lines = [f"# Story {result['story']} by {result['by']}" if result["story"] else f"# Comparison by {result['by']}", ""]
    for title, head, rows in _tables(result):
        lines += [f"## {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def to_text(result: dict[str, Any], width: int = 48) -> str:
    """Plain aligned columns; long cells are cut to `width` characters (the JSON has everything)."""
    out = []
    for title, head, rows in _tables(result):
        cut = [[c if len(c) <= width or i == len(row) - 1 else c[:width - 1] + "…" for i, c in enumerate(row)]
               for row in [head, *rows]]   # the last column runs on: summaries and term lists are read whole
        widths = [max(len(r[i]) for r in cut) for i in range(len(head))]
        out.append(title)
        for i, row in enumerate(cut):
            out.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
            if i == 0:
                out.append("  ".join("-" * w for w in widths))
        out.append("")
    return "\n".join(out)
