"""Article text cut into paragraphs of marked segments, so templates can highlight evidence with autoescape on.

The text is untrusted: it is never turned into markup here. Each segment carries its plain text and the classes,
tooltip and link of the marks over it; the template escapes the text and writes the tags.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Which mark's link and tooltip win where marks overlap: the most specific first.
PRIORITY = {"trigger": 0, "source": 1, "target": 1, "speaker": 1, "quote": 2, "mention": 3, "focus": 4}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str                      # a key of PRIORITY, also the CSS class
    title: str = ""
    href: str | None = None


def paragraphs(text: str, marks: list[Mark]) -> list[list[dict[str, Any]]]:
    """Paragraphs (split at line breaks) of segments {text, classes, title, href, focus}."""
    marks = [m for m in marks if m.start is not None and m.end is not None and 0 <= m.start < m.end <= len(text)]
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.update((i, i + 1))
    points = sorted(cuts)
    out: list[list[dict[str, Any]]] = [[]]
    focus_seen = False
    for a, b in zip(points, points[1:]):
        piece = text[a:b]
        if piece == "\n":
            if out[-1]:
                out.append([])
            continue
        over = sorted((m for m in marks if m.start <= a and b <= m.end), key=lambda m: PRIORITY.get(m.kind, 9))
        linked = next((m for m in over if m.href), None)
        titled = next((m for m in over if m.title), None)
        focus = any(m.kind == "focus" for m in over) and not focus_seen
        focus_seen = focus_seen or focus
        out[-1].append({"text": piece, "classes": " ".join(sorted({m.kind for m in over})),
                        "title": titled.title if titled else "", "href": linked.href if linked else None,
                        "focus": focus})
    return [p for p in out if p]
