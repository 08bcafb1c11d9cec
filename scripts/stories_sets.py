#!/usr/bin/env python3
"""Pairwise F1 of stories on analysed stores, in both orders: incremental (the articles replayed in the order they
were analysed, as `analyze` assigns them) and rebuild (`stories --rebuild`, oldest first).

Usage: stories_sets.py NAME=DB:GOLD [...] [--set FIELD=VALUE ...] [--dump DIR] [--errors NAME]
Each DB is a store `newsgraph analyze` filled; it is copied, never changed. `--set` overrides a field of
`stories.Settings` (a number, or weights.KIND=W); `--dump` writes each set's two partitions as JSON (to check that
a speed change groups nothing differently); `--errors` lists, for that set, the gold stories split and the merged
ones, with each article's stored score. Prints one line per set and the mean over the sets.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from newsgraph.store import Store  # noqa: E402
from newsgraph.stories import DEFAULT, assign, rebuild  # noqa: E402
from newsgraph.stories.queries import STORY_TABLES  # noqa: E402
from stories_eval import scorer  # noqa: E402


def settings_from(pairs: list[str]):
    s, weights = DEFAULT, dict(DEFAULT.weights)
    rest = {}
    for pair in pairs:
        key, value = pair.split("=", 1)
        if key.startswith("weights."):
            weights[key.split(".", 1)[1]] = float(value)
        else:
            current = getattr(s, key)
            if value == "None":
                rest[key] = None
            elif isinstance(current, bool):
                rest[key] = value.lower() in ("1", "true")
            else:
                rest[key] = float(value) if current is None else type(current)(value)
    return replace(s, weights=weights, **rest)


def _copy(db: str, to: Path) -> None:
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    src.backup(dst)
    src.close()
    dst.close()


def _rows(store: Store) -> dict[str, dict]:
    return {Path(r["file"]).name: dict(r) for r in store.conn.execute(
        "SELECT a.file, a.id, a.title, a.published, a.story_id, a.copy_of, m.score FROM articles a"
        " LEFT JOIN story_members m ON m.article_id = a.id")}


def digest(store: Store) -> str:
    """A hash of every story table's rows (members' vectors, sums, index entries, frequencies, copies)."""
    h = hashlib.sha256()
    for table in STORY_TABLES:
        for row in sorted(tuple(r) for r in store.conn.execute(f"SELECT * FROM {table}")):
            h.update(repr(row).encode())
    return h.hexdigest()[:16]


def partitions(db: str, settings, digests: list | None = None) -> tuple[dict, dict]:
    """(incremental, rebuilt): file name -> row with its story; `digests` gets each one's `digest`."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "s.db"
        _copy(db, copy)
        with Store(copy) as store:
            with store.atomic() as conn:
                for table in STORY_TABLES:
                    conn.execute(f"DELETE FROM {table}")
                conn.execute("UPDATE articles SET story_id = NULL, copy_of = NULL, copy_containment = NULL")
                for (aid,) in conn.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
                    assign(conn, aid, settings)
            incremental = _rows(store)
            if digests is not None:
                digests.append(digest(store))
            rebuild(store, settings)
            rebuilt = _rows(store)
            if digests is not None:
                digests.append(digest(store))
    return incremental, rebuilt


def score(gold: dict, rows: dict, mod) -> dict:
    pred = {f: ("s", rows[f]["story_id"]) if f in rows and rows[f]["story_id"] else ("alone", f) for f in gold}
    return mod.scores(gold, pred)


def errors(gold: dict, rows: dict) -> None:
    """The gold stories split over several stories, and the stories holding several gold stories."""
    by_gold: dict = {}
    by_pred: dict = {}
    for f, g in gold.items():
        p = rows.get(f, {}).get("story_id") or f
        by_gold.setdefault(g, []).append(f)
        by_pred.setdefault(p, []).append(f)

    def line(f: str) -> str:
        r = rows.get(f, {})
        return f"    {f:44} {str(r.get('published'))[:10]:10} score {r.get('score')}  -> {r.get('story_id')}" \
               f"{'  copy' if r.get('copy_of') else ''}"
    for g, files in sorted(by_gold.items()):
        if len({rows.get(f, {}).get("story_id") or f for f in files}) > 1:
            print(f"  split gold {g[1]}:")
            for f in files:
                print(line(f))
    for p, files in sorted(by_pred.items()):
        if len({gold[f] for f in files}) > 1:
            print(f"  merged in {p}:")
            for f in files:
                print(line(f) + f"   gold {gold[f][1]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--set", dest="overrides", action="append", default=[])
    ap.add_argument("--dump")
    ap.add_argument("--errors", action="append", default=[])
    args = ap.parse_args()
    mod = scorer()
    settings = settings_from(args.overrides)
    total_i = total_r = 0.0
    for spec in args.sets:
        name, rest = spec.split("=", 1)
        db, gold_path = rest.split(":", 1)
        rows = [json.loads(line) for line in Path(gold_path).read_text().splitlines() if line.strip()]
        gold = {Path(r["file"]).name: ("g", str(r["story_id"])) for r in rows}
        sums: list = []
        inc, reb = partitions(db, settings, sums)
        si, sr = score(gold, inc, mod), score(gold, reb, mod)
        total_i, total_r = total_i + si["pair_f1"], total_r + sr["pair_f1"]
        print(f"{name:8} incremental {si['pair_p']:.3f}/{si['pair_r']:.3f}/{si['pair_f1']:.3f} b3 {si['b3_f1']:.3f}"
              f"   rebuild {sr['pair_p']:.3f}/{sr['pair_r']:.3f}/{sr['pair_f1']:.3f} b3 {sr['b3_f1']:.3f}", flush=True)
        if name in args.errors:
            print(" incremental:")
            errors(gold, inc)
            print(" rebuild:")
            errors(gold, reb)
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            Path(args.dump, f"{name}.json").write_text(json.dumps(
                {"incremental": {f: r["story_id"] for f, r in inc.items()},
                 "rebuild": {f: r["story_id"] for f, r in reb.items()},
                 "scores": {f: [inc[f]["score"], reb[f]["score"]] for f in inc}, "digests": sums},
                sort_keys=True, indent=0))
    n = len(args.sets)
    print(f"mean     incremental {total_i / n:.4f}   rebuild {total_r / n:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
