# make run:  set up .venv and open the desktop app on a demo vault
# make test: set up .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/strongroom-desktop --demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_put_stream.py
	$(BIN)/python benchmarks/bench_unlock.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_metadata.py
	$(BIN)/python benchmarks/bench_search.py
	$(BIN)/python benchmarks/bench_verify.py
	$(BIN)/python benchmarks/bench_desktop.py

$(VENV)/.dev-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@

lint: $(VENV)/.dev-installed
	$(BIN)/python -m ruff check crypto archive search desktop tests benchmarks
	$(BIN)/python -m mypy crypto archive search desktop

clean:
	rm -rf $(VENV) build *.egg-info
