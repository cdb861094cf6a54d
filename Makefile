# Two commands on a fresh clone with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.requirements-installed
PORT ?= 8000
# pytest-xdist's workers for `make test`: one per CPU (`TEST_WORKERS=0` runs in one process).
TEST_WORKERS ?= auto

.PHONY: run test test-dates api-check html-check setup install lint format

# The web server, the background worker and the schedule together; Ctrl-C stops all three.
run: setup
	@$(BIN)/python manage.py db_worker & worker=$$!; \
	$(BIN)/python manage.py run_schedule --loop & schedule=$$!; \
	trap 'kill $$worker $$schedule 2>/dev/null; wait' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup
	$(BIN)/pytest -n $(TEST_WORKERS)

# The date-sensitive tests at 31 August 2027, 1 September 2027, 29 February 2028, 1 January 2031.
test-dates: setup
	PYTEST=$(BIN)/pytest .ci/run_at_dates -n $(TEST_WORKERS)

# schemathesis over the JSON API, from its own schema, against a running server (.ci/check_api).
api-check: install
	.ci/check_api

# The browser journeys, keeping every page's HTML, then the W3C Nu HTML Checker over it
# (needs Java 17+ and npm; .ci/check_html installs the pinned vnu-jar in .ci/vnu).
html-check: setup
	rm -rf test-artifacts/html
	E2E_HTML_DIR=$(CURDIR)/test-artifacts/html $(BIN)/pytest e2e
	.ci/check_html test-artifacts/html

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

install: $(INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when requirements.txt changes, so a second run is fast.
$(INSTALLED): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(INSTALLED)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/bandit -c pyproject.toml -q -r config core governance priorities commissioning \
	  participation reporting manage.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
