"""The README stays true to the CLI and the Makefile."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_every_command_is_in_the_readme(command):
    assert f"newsgraph {command}" in README


@pytest.mark.parametrize("target", ["demo", "test"])
def test_docs_quick_start_commands_exist_in_the_makefile(target):
    assert f"make {target}" in README
    assert f"\n{target}:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_docs_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
