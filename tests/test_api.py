"""The public Python API: names, records, a real store, and the README's example run as written."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsgraph
from newsgraph import api
from newsgraph.errors import ConfigError, NotFoundError

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Egypt's foreign minister Sameh Nabil urged Ethiopia on Monday to resume talks on the dam. "
        "\u201cWe will not accept a fait accompli,\u201d he said.")


def test_api_all_is_sorted_and_every_name_resolves():
    assert newsgraph.__all__ == sorted(newsgraph.__all__)
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None


def test_api_all_lists_every_public_name_of_the_api_module():
    public = {n for n in api.__all__}
    assert public <= set(newsgraph.__all__)


def test_api_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        newsgraph.no_such_thing  # noqa: B018


def test_api_analyze_one_text():
    analysis = newsgraph.analyze(TEXT, outlet="The Nile Courier", published="2025-03-10")
    assert analysis.article.outlet == "The Nile Courier"
    assert ("EGY", "REQUEST", "ETH") in {(e.source, e.type, e.target) for e in analysis.events}
    assert any(q.actor == "EGY" for q in analysis.quotes)


def test_api_analyze_rejects_an_empty_text():
    with pytest.raises(ValueError, match="cannot be analysed"):
        newsgraph.analyze("   ")


def test_api_analyze_many_reads_paths_and_skips_bad_inputs(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    results = list(newsgraph.analyze_many([tmp_path]))
    assert [r.article.file for r in results] == ["good.txt"]
    with pytest.raises(newsgraph.IngestError, match="empty.txt"):
        list(newsgraph.analyze_many([tmp_path / "empty.txt"], on_error="raise"))


def test_api_store_queries_return_records_with_evidence(tmp_path):
    with newsgraph.open(tmp_path / "n.db") as store:
        summary = store.add(str(ROOT / "examples"))
        assert summary.analysed >= 9
        events = store.events(source="EGY")
        assert events and all(e.source == "EGY" for e in events)
        assert events[0].evidence[0].sentence
        assert store.explain(events[0])["id"] == events[0].id
        frame = events.to_pandas()
        assert len(frame) == len(events) and "evidence" not in frame.columns
        assert store.events(source="EGY").to_arrow().num_rows == len(events)
        assert store.quotes(actor="EGY")
        assert store.article(events[0].article_id).id == events[0].article_id
        with pytest.raises(NotFoundError):
            store.article("no-such-id")


def test_api_missing_extra_names_the_install():
    with pytest.raises(ConfigError, match=r"pip install 'newsgraph\[pandas\]'"):
        api._optional("newsgraph_no_such_module", "pandas")


def test_api_readme_python_example_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the README's Python section has no example"
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert any(p.name == "monthly.html" for p in tmp_path.rglob("*.html"))
