# The two commands a newcomer needs: `make report` and `make test`.
# Each creates .venv and installs the project (with its notebook and dev extras) when missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH ?= ../shared/bench

.PHONY: report test lint notebooks bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebooks,dev]"
	touch $(STAMP)

## report: compare the example reports; write reports/ (HTML pages, JSON)
report: $(STAMP)
	$(BIN)/compare-sources --json reports/comparison.json --html reports/comparison.html

## test: ruff, the unit and property tests, the browser test and nbval on every notebook
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

## lint: ruff only
lint: $(STAMP)
	$(BIN)/ruff check .

## bench: every benchmark on the data in $(BENCH) (make bench BENCH=/path/to/bench)
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py --data $(BENCH)

clean:
	rm -rf reports .pytest_cache .ruff_cache
