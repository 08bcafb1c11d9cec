"""Dask: `analyze --cluster local:N` gives what one process gives; a killed worker loses no input."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from newsgraph.cluster import parse_address
from newsgraph.errors import ConfigError
from tests.conftest import EXAMPLES

NEWSGRAPH = Path(sys.executable).with_name("newsgraph")


def analyze(*args) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSGRAPH), "analyze", *map(str, args)], capture_output=True, text=True, timeout=600)


def facts(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {
            "events": conn.execute(
                "SELECT a.key, e.source, e.type, e.target, e.modality, e.negated, e.trigger, e.sentence FROM events e"
                " JOIN articles a ON a.id = e.article_id ORDER BY 1, 2, 3, 4, 5, 6, 7, 8").fetchall(),
            "quotes": conn.execute(
                "SELECT a.key, q.text, q.speaker, q.actor, q.direct FROM quotes q JOIN articles a ON a.id = q.article_id"
                " ORDER BY 1, 2, 3, 4, 5").fetchall(),
            "stories": sorted(tuple(sorted(keys.split("\x1f"))) for (keys,) in conn.execute(
                "SELECT group_concat(key, char(31)) FROM articles GROUP BY story_id")),
        }


def test_cluster_local_2_gives_the_same_events_quotes_and_stories_as_one_process(tmp_path):
    plain, dask = tmp_path / "plain.db", tmp_path / "dask.db"
    one = analyze(EXAMPLES, "--db", plain)
    two = analyze(EXAMPLES, "--db", dask, "--cluster", "local:2")
    assert one.returncode == two.returncode == 0, two.stderr[-3000:]
    assert "Traceback" not in two.stderr
    expected, got = facts(plain), facts(dask)
    assert expected["events"] and expected["quotes"]
    assert got == expected
    rerun = analyze(EXAMPLES, "--db", dask, "--cluster", "local:2")
    assert rerun.returncode == 0 and "analysed 0 " in rerun.stderr   # idempotent: nothing added
    assert facts(dask) == expected


def test_cluster_killed_worker_loses_no_input(tmp_path):
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"k{i}", "text": f"Kenya urged Ghana on Tuesday to resume talks on "
                                                                 f"item {i}, officials in Nairobi said."}) + "\n"
                              for i in range(400)), encoding="utf-8")
    db = tmp_path / "kill.db"
    proc = subprocess.Popen([str(NEWSGRAPH), "analyze", str(corpus), "--db", str(db), "--cluster", "local:2"],
                            stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 300
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                started = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 1
        except sqlite3.OperationalError:
            started = False
        if started:
            workers = [p for p in psutil.Process(proc.pid).children(recursive=True)
                       if "spawn_main" in " ".join(p.cmdline()) and "resource_tracker" not in " ".join(p.cmdline())]
            if workers:
                killed = workers[0].pid
                workers[0].kill()
        time.sleep(0.05)
    stderr = proc.communicate(timeout=600)[1]
    assert killed is not None, "no worker process found to kill"
    assert proc.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr
    with sqlite3.connect(db) as conn:
        keys = {row[0] for row in conn.execute("SELECT key FROM articles")}
    assert keys == {f"k{i}" for i in range(400)}


@pytest.mark.parametrize("address", ["local:0", "local:x", "local", "nonsense"])
def test_cluster_bad_address_is_a_config_error(address):
    with pytest.raises(ConfigError, match="--cluster"):
        parse_address(address)


def test_cluster_unreachable_scheduler_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Kenya urged Ghana on Tuesday to resume talks, officials in Nairobi said.")
    run = analyze(tmp_path / "a.txt", "--db", tmp_path / "x.db", "--cluster", "tcp://127.0.0.1:9")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.stderr.strip().splitlines()[-1].startswith("Error: --cluster tcp://127.0.0.1:9: no Dask scheduler")
