# The two commands of the README:  `make run`  and  `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-12)

.PHONY: run test reliability lint

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

## run: start Neo4j, apply the schema, ingest the sample corpus and serve the API and browse page
run: $(STAMP)
	$(BIN)/hrkg demo

## test: start a throwaway Neo4j on its own ports and data dir (unless HRKG_NEO4J_URI is set), run pytest, stop it
test: $(STAMP)
	$(BIN)/ruff check .
	scripts/with-test-neo4j $(BIN)/python -m pytest $(PYTEST_ARGS)

## reliability: the fault-injection and load trials with full counts (`make test` runs them with small ones)
reliability: $(STAMP)
	HRKG_RELIABILITY_TRIALS=$${HRKG_RELIABILITY_TRIALS:-20} HRKG_RELIABILITY_OUTAGES=$${HRKG_RELIABILITY_OUTAGES:-4} \
	HRKG_LOAD_SECONDS=$${HRKG_LOAD_SECONDS:-60} \
	scripts/with-test-neo4j $(BIN)/python -m pytest -m reliability -s $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
