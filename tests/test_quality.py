"""Quality gate: the shared reference sets scored with the shared scorers, against pinned floors.

Floors are the issues' targets; lowering one needs a reason in the commit message. The corpora are third-party and
read from ../shared, never copied into the project.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.export import to_record
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article

FLOORS = {
    "seeds": {"--min-event-f1": 0.90, "--min-quote-acc": 1.0, "--min-person-acc": 0.95, "--min-boilerplate": 1.0},
    "plover_dev": {"--min-event-f1": 0.65},
    # the project's own development set (tests/data/events_dev, gold written before tuning): measured 0.894
    "events_dev": {"--min-event-f1": 0.88},
    # independently written sets (tests/data/heldout*/README.md); floors a little under today's figures
    "heldout": {"--min-event-f1": 0.88, "--min-quote-acc": 0.95, "--min-person-acc": 0.95, "--min-boilerplate": 1.0},
    "heldout2": {"--min-event-f1": 0.70, "--min-quote-acc": 0.9, "--min-person-acc": 0.88, "--min-boilerplate": 1.0},
    "heldout3": {"--min-event-f1": 0.70, "--min-quote-acc": 0.9, "--min-person-acc": 0.85, "--min-boilerplate": 1.0},
    # this round's unseen sets, each scored once before use (README); floors a little under today's figures
    "heldout4": {"--min-event-f1": 0.64, "--min-quote-acc": 0.82, "--min-person-acc": 0.89, "--min-boilerplate": 0.95},
    "heldout5": {"--min-event-f1": 0.54, "--min-quote-acc": 0.85, "--min-person-acc": 0.91, "--min-boilerplate": 0.95},
    "heldout6": {"--min-event-f1": 0.62, "--min-quote-acc": 0.60, "--min-person-acc": 0.72, "--min-boilerplate": 0.80},
    # scored once blind (0.612 / 0.690 / 0.853), then a development set: floors under the fifth session's figures
    "heldout11": {"--min-event-f1": 0.68, "--min-quote-acc": 0.86, "--min-person-acc": 0.93, "--min-boilerplate": 0.95},
    # scored blind twice (0.618 / 0.750 / 0.870, then unchanged), a development set since: sixth session's figures
    # 0.681 / 0.944 / 0.948 / 0.842
    "heldout12": {"--min-event-f1": 0.65, "--min-quote-acc": 0.90, "--min-person-acc": 0.92, "--min-boilerplate": 0.80},
    # scored blind twice (0.742 / 0.868 / 0.938 / 0.870), a development set since: ninth session's figures
    # 0.749 / 0.974 / 0.984 / 0.907
    "heldout15": {"--min-event-f1": 0.72, "--min-quote-acc": 0.93, "--min-person-acc": 0.95, "--min-boilerplate": 0.87},
    # scored blind twice (0.611 / 0.677 / 0.765 / 0.812, then 0.602 and the same), a development set since: tenth
    # session's figures 0.647 / 0.871 / 0.863 / 1.000
    "heldout16": {"--min-event-f1": 0.62, "--min-quote-acc": 0.84, "--min-person-acc": 0.83, "--min-boilerplate": 0.97},
    # scored blind twice (0.602 / 0.757 / 0.923 / 0.811, the same after the tenth session's work): a development
    # set from the eleventh session on; floors under those figures
    "heldout17": {"--min-event-f1": 0.58, "--min-quote-acc": 0.72, "--min-person-acc": 0.90, "--min-boilerplate": 0.78},
    # scored blind twice (0.628 / 0.840 / 0.914 / 0.906, the same after the eleventh session's work): a development
    # set from the twelfth session on; floors under those figures
    "heldout18": {"--min-event-f1": 0.60, "--min-quote-acc": 0.80, "--min-person-acc": 0.88, "--min-boilerplate": 0.87},
}
PROJECT_SETS = Path(__file__).resolve().parent / "data"


def corpus_and_gold(shared: Path, corpus: str) -> tuple[list[Path], Path]:
    """The article files of a reference set and its gold file."""
    own = PROJECT_SETS / corpus
    if own.is_dir():
        return sorted(own.glob("*.txt")), own / "gold.json"   # README.md and check scripts are not articles
    return [shared / "corpus" / corpus], shared / "gold" / f"{corpus}.json"
HTML_BODY_F1 = 0.95


def write_records(analyzer, paths, out) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        items = [a for a in iter_articles([str(p) for p in paths]) if isinstance(a, Article)]
        for result in analyzer.analyze_many(items):
            assert isinstance(result, Analysis), str(result)
            fh.write(json.dumps(to_record(result), ensure_ascii=False) + "\n")


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_quality_reference_set_meets_its_floors(corpus, shared, analyzer, tmp_path):
    out = tmp_path / f"{corpus}.jsonl"
    paths, gold = corpus_and_gold(shared, corpus)
    write_records(analyzer, paths, out)
    args = [a for flag, floor in FLOORS[corpus].items() for a in (flag, str(floor))]
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(out), "-v", *args],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_quality_html_bodies_meet_the_floor(shared, tmp_path):
    out = tmp_path / "html.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for item in iter_articles([str(shared / "corpus" / "html_extraction" / "html")]):
            article = item if isinstance(item, Article) else item.article  # non-English: extracted, not analysed
            if article is not None:
                fh.write(json.dumps({"file": article.file, "text": article.text}) + "\n")
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score_html.py"),
                           str(shared / "gold" / "html_extraction.json"), str(out), "--min-f1", str(HTML_BODY_F1)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
