# Two commands for a newcomer: `make demo` and `make test`. Both create .venv and install the pinned set
# (direct dependencies pinned in pyproject.toml, every transitive one in constraints.txt).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED := ../shared

.PHONY: demo test eval bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/newsgraph analyze examples --db newsgraph.db
	$(BIN)/newsgraph summary --db newsgraph.db
	@echo "Web UI on the demo store (then open http://127.0.0.1:8000/):  $(BIN)/newsgraph serve --db newsgraph.db"

test: $(VENV)/.installed
	$(BIN)/pytest -q

eval: $(VENV)/.installed
	bash scripts/eval.sh

# The fuzz harness at 20 times the size `make test` runs (tests/test_fuzz.py); prints its figures.
fuzz: $(VENV)/.installed
	NEWSGRAPH_FUZZ_SCALE=20 $(BIN)/pytest -q -s -p no:logging tests/test_fuzz.py

bench: $(VENV)/.installed
	$(BIN)/newsgraph bench

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm *.egg-info
