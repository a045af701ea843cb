# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv run test bench sim lint format reliability clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

## Ingest the seed article and print the troop-estimate history of North Korea's forces.
run: venv
	$(BIN)/osint ingest seeds/
	$(BIN)/osint history troops/north-korea
	$(BIN)/osint audit troops/north-korea

## The whole test suite (SQLite files and the PostgreSQL server on 127.0.0.1:5432).
test: venv
	$(BIN)/pytest -q

## Benchmarks: ratios against baselines measured in the same run (see bench/README.md).
bench: venv
	$(BIN)/python -m bench

## Four osint schedule processes on one PostgreSQL database against 1,000 then 10,000 local
## feeds (about 12 minutes); figures in bench/results/simulation.json, method in bench/SIMULATION.md.
sim: venv
	$(BIN)/python -m bench.sim

## Long crash, fuzz and soak runs.
reliability: venv
	OSINT_RELIABILITY=long $(BIN)/pytest -q -s -m reliability

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) osint.db osint.db-wal osint.db-shm .pytest_cache .ruff_cache
