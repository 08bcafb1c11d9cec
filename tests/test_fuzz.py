"""Fuzz: hostile inputs never crash or hang ingest or `newsgraph analyze`; every good article among them is stored.

A seeded generator writes hostile files of every kind we know (random bytes, mangled UTF-8, truncated gzip, gzip
bombs, deep JSON, HTML bombs, control characters, mixed good and broken JSON Lines, empty and white-space files,
huge lines, odd file names, links and FIFOs) beside good articles; hypothesis adds arbitrary bytes and JSON.
`make test` runs a small fixed-seed part; `make fuzz` sets NEWSGRAPH_FUZZ_SCALE for a larger one and prints figures.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import sqlite3
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsgraph.ingest import Limits, iter_articles
from newsgraph.model import Article, Problem

SCALE = int(os.environ.get("NEWSGRAPH_FUZZ_SCALE", "1"))
SEED = int(os.environ.get("NEWSGRAPH_FUZZ_SEED", "20261202"))
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")
# Small limits keep the hostile files small and the run fast; the limits themselves are what is tested.
LIMITS = Limits(max_bytes=200_000, max_line_bytes=100_000, max_html_bytes=300_000, max_depth=32, time_limit=20)
LIMIT_OPTIONS = ["--max-bytes", "200000", "--max-line-bytes", "100000", "--max-html-bytes", "300000",
                 "--max-depth", "32", "--time-limit", "20"]

STATES = [("Kenya", "Nairobi"), ("Ghana", "Accra"), ("Peru", "Lima"), ("Norway", "Oslo"), ("Vietnam", "Hanoi"),
          ("Chile", "Santiago"), ("Poland", "Warsaw"), ("Jordan", "Amman"), ("Senegal", "Dakar"), ("Nepal", "Kathmandu")]
VERBS = ["signed a fisheries agreement with", "urged", "criticised", "hosted talks with", "offered aid to",
         "rejected a proposal from", "praised", "warned"]
WORDS = ["harbour", "grain", "railway", "border", "pipeline", "river", "vaccine", "tariff", "satellite", "forest",
         "copper", "ferry", "drought", "solar", "election", "bridge"]


def good_text(rng: random.Random, i: int) -> str:
    """An invented short news text about real states, unique by its words."""
    (a, cap), (b, _) = rng.sample(STATES, 2)
    topic = " ".join(rng.sample(WORDS, 4))
    return (f"{a} {rng.choice(VERBS)} {b} on Tuesday over the {topic} dispute, officials in {cap} said.\n\n"
            f"The foreign minister of {a} said the talks on item {i} would continue next month. "
            f"Delegates discussed {rng.choice(WORDS)} and {rng.choice(WORDS)} cooperation for {3 + i % 9} hours.")


@lru_cache(maxsize=None)
def _bomb(kind: str) -> bytes:
    """Compression bombs, made once: 12 MB of one byte is a few kB compressed."""
    data = (b"\x00" if kind == "zeros" else b"a" if kind == "letters" else b"\n") * 12_000_000
    return gzip.compress(data, compresslevel=9)


def _mangle(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(out))
        out[at] = rng.choice([0x80, 0xC3, 0xE2, 0xFF, 0xFE, 0xC0, rng.randrange(256)])
    return bytes(out)


def hostile(rng: random.Random, i: int) -> tuple[str, bytes, list[str]]:
    """One hostile input: (file name, bytes, keys of the good articles it holds, which must be stored).

    Keys of good JSON Lines records are their ids; a good text file's key is its path (filled in by the caller,
    marked here as "<path>").
    """
    kind = rng.randrange(24)
    text = good_text(rng, i)
    if kind == 0:
        return f"rand{i}.{rng.choice(['txt', 'html', 'json', 'jsonl', 'bin', 'htm'])}", rng.randbytes(rng.randint(1, 4000)), []
    if kind == 1:
        return f"mangled{i}.txt", _mangle(rng, text.encode()), []
    if kind == 2:
        blob = gzip.compress(text.encode())
        return f"trunc{i}.txt.gz", blob[: rng.randint(2, len(blob) - 1)], []
    if kind == 3:
        return f"bomb{i}.{rng.choice(['txt.gz', 'html.gz', 'jsonl.gz'])}", _bomb(rng.choice(["zeros", "letters", "newlines"])), []
    if kind == 4:
        depth = rng.choice([40, 1000, 100_000])
        return f"deep{i}.json", (b"[" * depth + b"]" * rng.choice([0, depth])), []
    if kind == 5:
        depth = rng.choice([40, 5000, 100_000])
        line = b'{"text": "x", "meta": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"
        good = {"id": f"after-deep-{i}", "text": text}
        return f"deepobj{i}.jsonl", line + b"\n" + json.dumps(good).encode() + b"\n", [good["id"]]
    if kind == 6:
        return f"htmlbomb{i}.html", (b"<html><body>" + b"<div>" * rng.choice([10_000, 100_000])
                                     + text.encode() + b"</div>" * 50), []
    if kind == 7:
        return f"wide{i}.html", b"<html><body>" + (b"<p>" + text.encode() + b"</p>") * 2000, []
    if kind == 8:
        controls = "".join(chr(rng.choice([1, 2, 7, 8, 11, 27, 127])) for _ in range(20))
        return f"controls{i}.txt", (text[:50] + controls + text[50:]).encode(), []
    if kind == 9:  # mixed good and broken JSON Lines
        lines, keys = [], []
        for j in range(rng.randint(2, 8)):
            if rng.random() < 0.5:
                record = {"id": f"mix-{i}-{j}", "text": good_text(rng, i * 100 + j), "outlet": "Fuzz Wire"}
                lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
                keys.append(record["id"])
            else:
                lines.append(rng.choice(['{"text": "unfinished', "[1, 2", '"a string"', "{}", '{"text": 5}',
                                         '{"text": ["a"]}', "nul\x00l", '{"id": 1' + "0" * 5000 + ', "text": "x"}',
                                         "\x1f\x8b", '{"html": "<p>' + "a" * 20 + '</p>"}']))
        return f"mixed{i}.jsonl", ("\n".join(lines) + rng.choice(["", "\n", "\n\n  \n"])).encode(), keys
    if kind == 10:
        return f"empty{i}.{rng.choice(['txt', 'jsonl', 'html'])}", b"", []
    if kind == 11:
        return f"blank{i}.{rng.choice(['txt', 'jsonl', 'html'])}", rng.choice([b" ", b"\n\n\t ", b"\r\n" * 100]), []
    if kind == 12:  # a huge line, then a good one
        good = {"id": f"after-huge-{i}", "text": text}
        huge = b'{"text": "' + b"word " * 30_000 + b'"}'
        return f"huge{i}.jsonl", huge + b"\n" + json.dumps(good).encode() + b"\n", [good["id"]]
    if kind == 13:
        return f"hugetext{i}.txt", (text + "\n") .encode() * 2000, []
    if kind == 14:  # UTF-16 / UTF-32 with a BOM: good
        encoding = rng.choice(["utf-16", "utf-32", "utf-16-be", "utf-32-le"])
        bom = {"utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}.get(encoding, b"")
        return f"wide{i}.txt", bom + text.encode(encoding), ["<path>"]
    if kind == 15:
        return f"bomgarbage{i}.txt", b"\xff\xfe" + rng.randbytes(rng.randrange(1, 999) * 2 + 1), []
    if kind == 16:  # what JSON can carry and SQLite cannot store: lone surrogates, NULs
        record = {"id": f"odd-{i}", "text": text[:40] + "\ud800\u0000\udfff" + text[40:], "title": "T\ud834itle"}
        return f"surrogates{i}.jsonl", json.dumps(record).encode() + b"\n", [record["id"]]
    if kind == 17:
        return f"array{i}.json", json.dumps([{"id": f"arr-{i}", "text": text}, 5, {"text": None}]).encode(), [f"arr-{i}"]
    if kind == 18:
        return f"good{i}.txt", text.encode(), ["<path>"]
    if kind == 19:
        return f"gzgood{i}.txt.gz", gzip.compress(text.encode("utf-8-sig")), ["<path>"]
    if kind == 20:
        return f"cp1252{i}.txt", text.replace("said", "said \u2013 \u201cyes\u201d").encode("cp1252"), ["<path>"]
    if kind == 21:
        return f"line\nbreak{i}.txt", text.encode(), ["<path>"]
    if kind == 22:
        return f"notutf8-{i}-\udcff.txt", text.encode(), ["<path>"]
    return f"rand{i}.txt.gz", b"\x1f\x8b" + rng.randbytes(rng.randint(1, 300)), []


def write_corpus(root: Path, n: int, seed: int) -> tuple[list[str], int]:
    """n hostile inputs (plus links and a FIFO) under root; returns (keys that must be stored, inputs written)."""
    rng = random.Random(seed)
    keys: list[str] = []
    for i in range(n):
        name, data, good = hostile(rng, i)
        folder = root / f"d{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        with open(path, "wb") as handle:
            handle.write(data)
        shown = os.fsencode(path).decode("utf-8", "backslashreplace").replace("\n", "\\x0a")
        keys += [shown if k == "<path>" else k for k in good]
    outside = root.parent / f"{root.name}-outside.txt"
    outside.write_text(good_text(rng, 10**6), encoding="utf-8")
    (root / "d0" / "out-link.txt").symlink_to(outside)
    (root / "d0" / "broken-link.txt").symlink_to(root / "nowhere.txt")
    (root / "d1" / "loop").symlink_to(root)
    os.mkfifo(root / "d2" / "pipe.jsonl")
    return keys, n + 4


def test_fuzz_ingest_hostile_corpus_yields_articles_and_one_line_problems(tmp_path):
    root = tmp_path / "in"
    keys, tried = write_corpus(root, 400 * SCALE, SEED)
    found, problems = set(), []
    for item in iter_articles([str(root)], limits=LIMITS):
        if isinstance(item, Article):
            found.add(item.key)
            item.text.encode("utf-8")  # storable: no lone surrogates
        else:
            assert isinstance(item, Problem)
            problems.append(str(item))
    missing = set(keys) - found
    assert not missing, f"good articles not read: {sorted(missing)[:5]}"
    for line in problems:
        assert "\n" not in line and line.startswith(str(root)), line
    assert any("leads out of the input folder" in p for p in problems)
    assert any("a FIFO" in p for p in problems)
    print(f"\nfuzz ingest: inputs {tried}, crashes 0, good articles {len(keys)} all read, problems {len(problems)}")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                    max_leaves=20)
NAMES = ["x.txt", "x.html", "x.json", "x.jsonl", "x.bin", "x.txt.gz", "x.jsonl.gz"]


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize=SCALE == 1)
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES), compress=st.booleans())
def test_fuzz_ingest_arbitrary_bytes(tmp_path, data, name, compress):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if compress else data)
    for item in iter_articles([str(path)], limits=LIMITS):
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Problem):
            assert "\n" not in str(item) and str(item).startswith(str(path))


@settings(max_examples=100 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize=SCALE == 1)
@given(values=st.lists(JSON | st.fixed_dictionaries({"text": JSON, "id": JSON, "title": JSON}), max_size=6),
       text=st.text(min_size=1, max_size=300))
def test_fuzz_ingest_arbitrary_json_lines(tmp_path, values, text):
    good = {"id": "the-good-one", "text": f"{text} Kenya urged Ghana to resume the talks, officials said."}
    lines = [json.dumps(v) for v in values] + [json.dumps(good)]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    items = list(iter_articles([str(path)], limits=LIMITS))
    assert "the-good-one" in {i.key for i in items if isinstance(i, Article)}
    for item in items:
        if isinstance(item, Problem):
            assert "\n" not in str(item) and item.line is not None


def test_fuzz_cli_analyze_hostile_folder(tmp_path):
    """The whole CLI, one spaCy run: exit 1, no traceback, each problem one line naming its file, good ones stored."""
    root = tmp_path / "in"
    keys, tried = write_corpus(root, 150 * SCALE, SEED + 1)
    db = tmp_path / "fuzz.db"
    run = subprocess.run([str(NEWSGRAPH), "analyze", str(root), "--db", str(db), *LIMIT_OPTIONS],
                         capture_output=True, text=True, timeout=900, errors="backslashreplace")
    assert run.returncode == 1, run.stderr[-3000:]
    assert "Traceback" not in run.stderr and "Error" not in run.stderr, run.stderr[-3000:]
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    summary = lines[-1]
    assert summary.startswith("analysed "), summary
    skipped = [line for line in lines[:-1]]
    for line in skipped:
        assert line.startswith("newsgraph: skipped "), line
        named = line.removeprefix("newsgraph: skipped ")
        assert named.startswith(str(root)) or Path(named.split(":")[0]).name in named, line
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT key FROM articles")}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    missing = set(keys) - stored
    assert not missing, f"good articles not stored: {sorted(missing)[:5]}"
    assert f"skipped {len(skipped)}" in summary
    print(f"\nfuzz cli: inputs {tried}, crashes 0, good articles {len(keys)} all stored ({len(stored)} stored in "
          f"all), problems {len(skipped)}")
