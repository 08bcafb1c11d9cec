"""Quality gate for stories: reference sets analysed through `newsgraph analyze` (the real hooks, the story
assigned in each article's transaction), exported, and scored with the shared scorer against pinned floors a
little under today's pairwise F1 (README, Quality: Stories)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

DATA = Path(__file__).resolve().parent / "data"
# set: (folder, gold, key, pairwise F1 floor); today: basil_dev 0.974, cross_heldout2 1.000, cross_heldout4 0.860,
# cross_heldout5 0.899 (0.844 before an undated report that says its event is a repeat joined the later of two alike
# stories), cross_heldout6 0.736, cross_heldout7 0.786, cross_heldout9 0.878 (x4 0.800 and x5 0.791
# before candidates were ranked by average link; x6 0.690, x7 0.786, x9 0.842 before reactions to one event were
# tied by the article close to several of them); cross_heldout10 0.891 (0.804 before an undated article was read
# as of the days of the dated stories it is compared with, 0.847 before the repeat rule); cross_heldout3 0.946;
# cross_heldout11 0.804 (0.755 blind, the same before and after the tenth session's work; 0.804 with the repeat rule)
# cross_heldout12 0.714 (blind, the same before and after the eleventh session's work)
SETS = {
    "basil_dev": (None, None, None, 0.93),
    "cross_heldout2": (DATA / "cross_heldout2", DATA / "cross_heldout2" / "gold.jsonl", "story_id", 0.95),
    "cross_heldout4": (DATA / "cross_heldout4", DATA / "cross_heldout4" / "gold.jsonl", "story_id", 0.82),
    "cross_heldout5": (DATA / "cross_heldout5", DATA / "cross_heldout5" / "gold.jsonl", "story_id", 0.87),
    "cross_heldout6": (DATA / "cross_heldout6", DATA / "cross_heldout6" / "gold.jsonl", "story_id", 0.71),
    "cross_heldout7": (DATA / "cross_heldout7", DATA / "cross_heldout7" / "gold.jsonl", "story_id", 0.77),
    "cross_heldout9": (DATA / "cross_heldout9", DATA / "cross_heldout9" / "gold.jsonl", "story_id", 0.85),
    "cross_heldout10": (DATA / "cross_heldout10", DATA / "cross_heldout10" / "gold.jsonl", "story_id", 0.87),
    "cross_heldout11": (DATA / "cross_heldout11", DATA / "cross_heldout11" / "gold.jsonl", "story_id", 0.78),
    "cross_heldout12": (DATA / "cross_heldout12", DATA / "cross_heldout12" / "gold.jsonl", "story_id", 0.69),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_stories_reference_set_meets_its_floor(name, shared, tmp_path):
    folder, gold, key, floor = SETS[name]
    if folder is None:
        folder, gold = shared / "corpus" / name / "texts", shared / "corpus" / name / "gold.jsonl"
    db, out = tmp_path / "s.db", tmp_path / "s.jsonl"
    runner = CliRunner()
    files = sorted(str(p) for p in folder.glob("*.txt"))   # not the gold, README or check scripts beside them
    result = runner.invoke(main, ["analyze", *files, "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["export", "--db", str(db), str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score_stories.py"), str(gold), str(out),
                           *(["--key", key] if key else [])], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    f1 = float(proc.stdout.split("pair_f1=")[1].split()[0])
    assert f1 >= floor, proc.stdout
