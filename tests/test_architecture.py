"""Data flows one way: a module imports only stages upstream of it (checked by walking import statements)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsgraph"

# Upstream first. A module may import modules of a strictly lower rank (and its own sub-package).
RANK = {"model": 0, "errors": 0, "ingest": 1, "nlp": 2, "actors": 3, "events": 4, "quotes": 4, "tone": 5,
        "parts": 5, "pipeline": 6, "cluster": 6.5, "store": 7, "stories": 8, "stances": 9, "compare": 10,
        "export": 11, "run": 12, "report": 12, "bench": 12.5, "bench_store": 12, "api": 13, "cli": 14, "web": 13.5, "__main__": 15,
        "__init__": 15}
NO_SPACY = {"model", "errors", "parts", "store", "stories", "stances", "compare", "export", "report", "web"}


def stage_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported_stages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
        for name in names:
            if name == "newsgraph":
                found.add("__init__")
            elif name.startswith("newsgraph."):
                found.add(name.split(".")[1])
            elif name.split(".")[0] == "spacy":
                found.add("spacy")
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_imports_flow_downstream(path):
    stage = stage_of(path)
    assert stage in RANK, f"{stage} is not placed in the pipeline order; add it to RANK"
    for other in imported_stages(path) - {stage, "spacy"}:
        if other == "__init__":  # the package root only holds __version__
            continue
        assert RANK[other] < RANK[stage], f"{path.name} ({stage}) imports {other}, which is downstream or beside it"
    if stage in NO_SPACY:
        assert "spacy" not in imported_stages(path), f"{path.name} must not depend on spaCy"
