# The two commands a newcomer needs: `make report` and `make test`.
# Each creates .venv and installs the project (with its notebook, dev and corpus extras) when missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH ?= ../shared/bench

.PHONY: report test lint notebooks bench train clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebooks,dev,corpus]"
	touch $(STAMP)

## report: compare two reports (default: the examples; make report A=x.txt B=y.txt) and
## write the site in reports/: index.html, comparison.html/.json, one page per notebook.
## The site is built aside and replaces reports/ only when every page succeeded.
A ?= data/report-a.txt
B ?= data/report-b.txt
report: $(STAMP)
	$(BIN)/python tools/build_reports.py --out reports --a "$(A)" --b "$(B)"

## notebooks: re-execute every notebook in place (after a library change; commit the outputs)
notebooks: $(STAMP)
	$(BIN)/python -c "import matplotlib.pyplot"
	cd notebooks && for nb in [0-9]*.ipynb; do \
		JUPYTER_PREFER_ENV_PATH=1 ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.kernel_name=python3 "$$nb" || exit 1; \
	done

## test: ruff, mypy (every module of src/compare), the unit and property tests, the browser test and nbval on every notebook
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

## lint: ruff only
lint: $(STAMP)
	$(BIN)/ruff check .

## bench: every benchmark on the data in $(BENCH) (make bench BENCH=/path/to/bench)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python benchmarks/run_all.py --data $(BENCH)

## train: refit the shipped parameters (src/compare/data/similarity.json, verdict.json, story.json)
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python training/fit_similarity.py --data $(BENCH)
	$(BIN)/python training/fit_verdict.py --data $(BENCH)
	$(BIN)/python training/fit_story.py --data $(BENCH)

clean:
	rm -rf reports .pytest_cache .ruff_cache
