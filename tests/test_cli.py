"""The command line, end to end: real files, a real SQLite file, the real model."""
from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

STORY_A = """Ministers meet on river dispute

CAIRO: Egypt urged Ethiopia on Monday to delay the second filling of the reservoir.
Foreign Minister Omar Haddad said the talks had stalled. “We will not accept a fait accompli,” he said.
"""
STORY_B = """Sanctions announced

The European Union imposed sanctions on Belarus on Tuesday, officials said.
"""


def run(args, **kwargs):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kwargs)


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="utf-8")
    return folder


def rows(db, table):
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_cli_analyze_twice_adds_no_rows(corpus, tmp_path):
    db = tmp_path / "news.db"
    first = run(["analyze", str(corpus), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert "analysed 2" in first.stderr
    counts = {t: rows(db, t) for t in ("articles", "events", "quotes", "mentions", "spans")}
    second = run(["analyze", str(corpus), "--db", str(db)])
    assert second.exit_code == 0 and "unchanged 2" in second.stderr
    assert {t: rows(db, t) for t in counts} == counts and counts["articles"] == 2


def test_cli_bad_inputs_are_skipped_with_one_line_each(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"text": "broken', encoding="utf-8")
    db = tmp_path / "news.db"
    result = run(["analyze", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: skipped")]
    assert len(errors) == 3, result.stderr
    assert any("blob.txt" in e for e in errors) and any("empty.txt" in e for e in errors)
    assert any("feed.jsonl:1" in e for e in errors)
    assert "Traceback" not in result.stderr
    assert rows(db, "articles") == 1


def test_cli_jsonl_has_the_contract_fields(corpus, tmp_path):
    result = run(["analyze", str(corpus), "--db", str(tmp_path / "n.db"), "--jsonl", "-"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["file"] for r in records} == {"a.txt", "b.txt"}
    for record in records:
        assert {"file", "title", "outlet", "url", "published", "text", "boilerplate", "persons", "events",
                "quotes"} <= set(record)
    again = run(["analyze", str(corpus), "--db", str(tmp_path / "n.db"), "--jsonl", "-"])
    assert len(again.stdout.splitlines()) == 2  # unchanged articles still get their record


def test_cli_jsonl_from_stdin(tmp_path):
    feed = json.dumps({"id": "x1", "title": "T", "outlet": "Wire", "published": "2026-05-01", "text": STORY_B})
    result = run(["analyze", "-", "--db", str(tmp_path / "n.db"), "--jsonl", "-"], input=feed + "\n")
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["outlet"] == "Wire" and record["published"] == "2026-05-01"


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "actors"])
def test_cli_lists_in_every_format(command, corpus, tmp_path):
    db = str(tmp_path / "n.db")
    run(["analyze", str(corpus), "--db", db])
    as_json = json.loads(run([command, "--db", db, "--format", "json"]).stdout)
    assert isinstance(as_json, list) and as_json, "the sample stories give rows to every listing"
    as_csv = list(csv.DictReader(io.StringIO(run([command, "--db", db, "--format", "csv"]).stdout)))
    assert len(as_csv) == len(as_json)
    assert run([command, "--db", db]).exit_code == 0
    if command == "articles":
        assert len(as_json) == 2


def test_cli_export_formats(corpus, tmp_path):
    db = str(tmp_path / "n.db")
    run(["analyze", str(corpus), "--db", db])
    out = tmp_path / "out.jsonl"
    assert run(["export", str(out), "--db", db]).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    events_csv = tmp_path / "events.csv"
    run(["export", "--format", "csv", str(events_csv), "--db", db])
    header = events_csv.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:7] == ["event_id", "date", "source", "source_sector", "target", "target_sector", "type"]
    assert "cameo_root" in header and "quad_class" in header and "sentence" in header
    import pyarrow.parquet as pq

    parquet = tmp_path / "events.parquet"
    run(["export", "--format", "parquet", str(parquet), "--db", db])
    assert "cameo_root" in pq.read_table(parquet).column_names


def test_cli_bad_database_is_one_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database " * 200)
    result = CliRunner().invoke(main, ["articles", "--db", str(bad)])
    assert result.exit_code == 1
    assert "bad.db" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["analyze", "articles", "events", "quotes", "actors", "export", "bench",
                                     "summary"])
def test_cli_every_command_has_help_with_an_example(command):
    result = run([command, "-h"])
    assert result.exit_code == 0 and "Example:" in result.stdout


def test_cli_runs_as_a_real_process_on_gzip(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY_A.encode("utf-8")))
    db = tmp_path / "n.db"
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "analyze", str(path), "--db", str(db), "--jsonl", "-"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["file"] == "story.txt.gz" and "Egypt urged Ethiopia" in record["text"]


def test_cli_non_english_is_skipped_but_its_text_is_reported(tmp_path):
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "fr.txt").write_text(
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, malgré l'opposition des syndicats "
        "qui appellent à une grève nationale la semaine prochaine dans tout le pays. Le ministre du Travail a "
        "défendu le projet devant les députés, en promettant des mesures pour les carrières longues.", encoding="utf-8")
    db = tmp_path / "n.db"
    result = run(["analyze", str(folder), "--db", str(db), "--jsonl", "-"])
    assert result.exit_code == 1 and "not English" in result.stderr and "fr.txt" in result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["skipped"].startswith("not English") and "gouvernement" in record["text"]
    assert record["events"] == [] and rows(db, "articles") == 0


@pytest.mark.parametrize("processes", ["1", "2"])
def test_cli_bad_user_dictionary_is_one_line(corpus, tmp_path, processes):
    bad = tmp_path / "mine.yaml"
    bad.write_text("states: [this is not a mapping\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(corpus), "--db", str(tmp_path / "n.db"), "--actors", str(bad),
                                       "--processes", processes])
    assert result.exit_code == 1 and "mine.yaml" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_model_is_one_line(corpus, tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(corpus), "--db", str(tmp_path / "n.db"), "--model", "no_such_x"])
    assert result.exit_code == 1 and "no_such_x" in result.stderr and "Traceback" not in result.stderr


def test_cli_a_changed_analyzer_replaces_stored_extractions(corpus, tmp_path):
    db = tmp_path / "n.db"
    run(["analyze", str(corpus), "--db", str(db)])
    counts = {t: rows(db, t) for t in ("articles", "events", "spans")}
    mine = tmp_path / "mine.yaml"
    mine.write_text("aliases:\n  Nile Basin Forum: {code: EGY, sector: GOV}\n", encoding="utf-8")
    result = run(["analyze", str(corpus), "--db", str(db), "--actors", str(mine)])
    assert "analysed 2 (replaced 2)" in result.stderr
    assert {t: rows(db, t) for t in counts} == counts
    again = run(["analyze", str(corpus), "--db", str(db), "--actors", str(mine)])
    assert "unchanged 2" in again.stderr


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "actors", "summary", "export"])
def test_cli_reading_a_missing_database_is_an_error(command, tmp_path):
    missing = tmp_path / "typo.db"
    args = [command, "--db", str(missing)] + ([str(tmp_path / "out.jsonl")] if command == "export" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "typo.db: no such database" in result.stderr
    assert not missing.exists()
