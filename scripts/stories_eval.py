#!/usr/bin/env python3
"""Score newsgraph's stories on analysed stores, with an ablation of the signals.

Usage: stories_eval.py DB:GOLD [DB:GOLD ...] [--ablation] [--threshold T ...]
Each DB is a store that `newsgraph analyze` filled (analyse once, then iterate here: every run copies the DB and
reclusters the copy with `stories.rebuild`). GOLD is the gold.jsonl that ../shared/eval/score_stories.py reads.
Prints pairwise and B-cubed F1 per set and setting.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.store import Store  # noqa: E402
from newsgraph.stories import DEFAULT, rebuild  # noqa: E402

# ../shared beside the checkout; a worktree elsewhere finds it at /tmp/shared (a link to the shared data)
SCORER = next((p for p in (ROOT.parent / "shared" / "eval" / "score_stories.py",
                           Path("/tmp/shared/eval/score_stories.py")) if p.exists()),
              ROOT.parent / "shared" / "eval" / "score_stories.py")


def scorer():
    spec = importlib.util.spec_from_file_location("score_stories", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(db: str, gold_path: str, settings, score_mod) -> dict:
    gold_rows = [json.loads(line) for line in Path(gold_path).read_text().splitlines() if line.strip()]
    gold = {Path(r["file"]).name: ("gold", str(r["story_id"])) for r in gold_rows}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "eval.db"
        src = sqlite3.connect(db)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        with Store(copy) as store:
            counts = rebuild(store, settings)
            pred_rows = {Path(r["file"]).name: r["story_id"] for r in store.conn.execute(
                "SELECT file, story_id FROM articles")}
    pred = {f: ("story", pred_rows[f]) if pred_rows.get(f) else ("alone", f) for f in gold}
    s = score_mod.scores(gold, pred)
    s["stories"] = counts["stories"]
    s["copies"] = counts["copies"]
    return s


VARIANTS = {
    "all signals": {},
    "- body": {"drop": "body"}, "- title": {"drop": "title"}, "- actors": {"drop": "actors"},
    "- persons": {"drop": "persons"}, "- places": {"drop": "places"}, "- events": {"drop": "events"},
    "- time term": {"sigma_days": 0.0, "window_days": 1e9}, "+ text dates": {"text_dates": True},
    "- copies": {"copies": False}, "mean link": {"linkage": "mean"}, "- group": {"group_floor": 0.0},
    "group, no fold": {"group_merge": False}, "- repeat cue": {"recur_ratio": 0.0},
    "body only": {"only": "body"},
}


def settings_for(spec: dict, threshold: float | None):
    s = DEFAULT
    weights = dict(s.weights)
    if "drop" in spec:
        weights[spec["drop"]] = 0.0
    if "only" in spec:
        weights = {k: (1.0 if k == spec["only"] else 0.0) for k in weights}
    weights.update(spec.get("weights", {}))
    rest = {k: v for k, v in spec.items() if k not in ("drop", "only", "weights")}
    s = replace(s, weights=weights, **rest)
    return replace(s, threshold=threshold) if threshold is not None else s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", help="DB:GOLD pairs")
    ap.add_argument("--ablation", action="store_true")
    ap.add_argument("--threshold", type=float, nargs="*", default=[None])
    args = ap.parse_args()
    mod = scorer()
    variants = VARIANTS if args.ablation else {"all signals": {}}
    print(f"{'setting':16} {'threshold':>9} " + " ".join(f"{Path(p.split(':')[1]).parent.name[:14]:>30}"
                                                        for p in args.sets))
    for name, spec in variants.items():
        for t in args.threshold:
            settings = settings_for(spec, t)
            cells = []
            for pair in args.sets:
                db, gold = pair.split(":", 1)
                s = evaluate(db, gold, settings, mod)
                cells.append(f"pair {s['pair_p']:.2f}/{s['pair_r']:.2f}/{s['pair_f1']:.3f} b3 {s['b3_f1']:.3f}")
            print(f"{name:16} {settings.threshold:9.3f} " + " ".join(f"{c:>30}" for c in cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
