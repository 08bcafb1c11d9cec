"""Long articles: analysed in parts, merged with every offset pointing into the whole article."""
from __future__ import annotations

import pytest

from newsgraph.model import Analysis
from newsgraph.parts import MAX_CHARS, split_text
from tests.conftest import make_article

PARAGRAPH = ("Kenyan President Daniel Otieno urged Uganda to reopen the border crossing on Monday. "
             "\u201cWe will not wait for ever,\u201d he said. Uganda rejected the request.\n\n")


@pytest.mark.parametrize("text", [
    "short text",
    PARAGRAPH * (3 * MAX_CHARS // len(PARAGRAPH)),
    "x" * (2 * MAX_CHARS + 17),                          # no break to cut at
    ("A sentence without line breaks. " * (MAX_CHARS // 10)),
])
def test_parts_cover_the_text_exactly(text):
    parts = split_text(text)
    assert "".join(part for _, part in parts) == text
    assert all(len(part) <= MAX_CHARS for _, part in parts)
    assert [offset for offset, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]


def test_parts_merged_offsets_point_into_the_article(analyzer):
    article = make_article(PARAGRAPH * (2 * MAX_CHARS // len(PARAGRAPH) + 3), file="long.txt")
    (result,) = analyzer.analyze_many([article])
    assert isinstance(result, Analysis) and len(split_text(article.text)) >= 3
    text = article.text
    assert all(text[m.start:m.end] == m.text for m in result.actors.mentions)
    assert [m.sent for m in result.actors.mentions] == sorted(m.sent for m in result.actors.mentions)
    assert all(q.text in text[q.start:q.end + 2] for q in result.quotes)
    for event in result.events:
        for ev in event.evidence:
            assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
            assert text[ev.start:ev.end].strip() == ev.sentence.strip()
    last = result.actors.mentions[-1]
    assert last.start > 2 * MAX_CHARS, "mentions of the last part were counted from its own start"
    assert len({p.name for p in result.actors.persons}) == len(result.actors.persons)
    counts = {a.code: a.count for a in result.actors.actors}
    assert counts["KEN"] >= 2 * MAX_CHARS // len(PARAGRAPH)
