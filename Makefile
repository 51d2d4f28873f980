# Every target creates .venv when it is missing and installs the project into it,
# pinned by constraints.txt, so `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench lint clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install  ## analyse the bundled example articles and show the result
	$(BIN)/dateline analyze examples/*.txt examples/*.html --format table

test: install  ## the whole test suite
	$(BIN)/python -m pytest -q

bench: install  ## speed (and, as stages land, accuracy) figures, each with its command
	$(BIN)/python benchmarks/speed.py

lint: install  ## ruff over everything, mypy over src/
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
