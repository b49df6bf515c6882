# wirewatch — every target sets itself up: the first use creates .venv and installs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test run lint schemas clean-venv

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## demo: embedded broker + worker + bundled sample articles end to end; prints alerts
demo: $(STAMP)
	$(BIN)/wirewatch demo

## test: the whole suite (unit, agent and broker-backed integration tests)
test: $(STAMP)
	$(BIN)/python -m pytest -q

## run: a long-running worker (embedded broker unless WIREWATCH_BROKER is set)
run: $(STAMP)
	$(BIN)/wirewatch run

## lint: the layering contract, ruff and mypy
lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/mypy

## schemas: write schemas/*.json from the models in schemas/records.py
schemas: $(STAMP)
	$(BIN)/python -m schemas

clean-venv:
	rm -rf $(VENV)
