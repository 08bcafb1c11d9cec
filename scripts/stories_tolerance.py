#!/usr/bin/env python3
"""How far `stories --rebuild` is from incremental assignment: replay a store's articles in the order they were
analysed (as `analyze` assigns them), then rebuild from scratch (oldest first), and score one partition against
the other with ../shared/eval/score_stories.py's measures. Usage: stories_tolerance.py DB [DB ...]"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from newsgraph.store import Store  # noqa: E402
from newsgraph.stories import assign, rebuild  # noqa: E402
from newsgraph.stories.queries import STORY_TABLES  # noqa: E402
from stories_eval import scorer  # noqa: E402


def partition(store: Store) -> dict[str, tuple[str, str]]:
    return {r["id"]: ("s", r["story_id"]) for r in store.conn.execute("SELECT id, story_id FROM articles")}


def main() -> int:
    mod = scorer()
    for db in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "t.db"
            shutil.copy(db, copy)
            with Store(copy) as store:
                with store.atomic() as conn:
                    for table in STORY_TABLES:
                        conn.execute(f"DELETE FROM {table}")
                    conn.execute("UPDATE articles SET story_id = NULL, copy_of = NULL, copy_containment = NULL")
                    for (aid,) in conn.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
                        assign(conn, aid)
                incremental = partition(store)
                rebuild(store)
                rebuilt = partition(store)
        s = mod.scores(incremental, rebuilt)
        moved = sum(1 for k in incremental if incremental[k] != rebuilt[k])
        print(f"{db}: rebuild vs incremental pairwise F1 {s['pair_f1']:.3f}, B-cubed F1 {s['b3_f1']:.3f}, "
              f"ARI {s['ari']:.3f}; story ids differing {moved} of {len(incremental)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
