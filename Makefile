# make run:  install missing system packages, set up .venv, open the desktop app on a demo vault
# make test: install missing system packages, set up .venv, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint clean system

# The Debian/Ubuntu packages in scripts/system-packages (quick and quiet when all are there).
system:
	@scripts/setup-system

$(BIN)/python: | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: system $(STAMP)
	$(BIN)/strongroom-desktop --demo

# pytest's exit code 5 means it collected no tests: a failure here, never a silent pass.
test: system $(STAMP)
	@$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: no tests were collected, nothing was checked" >&2; fi; \
	exit $$status

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
