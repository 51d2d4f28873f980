# Every target creates .venv when it is missing and installs the project into it,
# pinned by constraints.txt, so `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench bench-speed bench-growth bench-quotes bench-corpus bench-api bench-extract bench-positions bench-sources bench-identity bench-geo lint clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# The benchmarks also run textacy (the `bench` extra), as the baseline for quotes.
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	@touch $(BENCH_STAMP)

install: $(STAMP)

demo: install  ## analyse the bundled example articles and show the result
	$(BIN)/dateline analyze examples/*.txt examples/*.html --format table

test: install  ## the whole test suite
	$(BIN)/python -m pytest -q

bench: bench-speed bench-growth bench-quotes bench-corpus bench-api bench-extract bench-positions bench-sources bench-identity bench-geo  ## every benchmark, each printing its figures and command

bench-speed: install  ## words/s of the pipeline against spaCy alone, and each stage's share
	$(BIN)/python benchmarks/speed.py

bench-growth: install  ## time against article length (10k, 100k, 1M chars) of three kinds of text, fitted exponent
	$(BIN)/python benchmarks/growth.py

bench-quotes: $(BENCH_STAMP)  ## quote attribution against textacy on ../shared/eval/quotes
	$(BIN)/python benchmarks/quotes.py

bench-corpus: install  ## ingest articles/s (1, 2 workers, Dask), memory, 1M-quote search, merges
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/merges.py

bench-api: install  ## requests/s and p50/p99 of /api/quotes?speaker=… with 16 clients (loopback)
	$(BIN)/python benchmarks/api_load.py

bench-identity: install  ## who is who: pairwise and B-cubed P/R/F1 on our own articles and the sample corpus; 100k-article resolution time
	$(BIN)/python benchmarks/identity.py
	$(BIN)/python benchmarks/identity_scale.py

bench-extract: install  ## pages/s of HTML extraction alone beside trafilatura's own, same pages
	$(BIN)/python benchmarks/extract_speed.py

bench-positions: install  ## positions on our gold set (P/R, stance); `dateline positions` on a 10,000-article store
	$(BIN)/python benchmarks/positions_eval.py
	$(BIN)/python benchmarks/positions_store.py
bench-geo: install  ## places on our own local and international articles: P/R/F1, acc within 50 and 161 km
	$(BIN)/python benchmarks/geo_local.py

bench-sources: install  ## source profiles on our gold set (P/R, field accuracy); the mix from 10,000 articles, timed
	$(BIN)/python benchmarks/sources_eval.py --split all
	$(BIN)/python benchmarks/sources_mix.py

lint: install  ## ruff over everything, mypy over src/
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
