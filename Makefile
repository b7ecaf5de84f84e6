# The two set-up commands: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_PASSWORD ?= sakip2024

.PHONY: install run test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py muat_demo --password '$(DEMO_PASSWORD)'
	# One worker of the background queue (PDF drafts, mail) beside the server, stopped with it.
	DEBUG=1 $(BIN)/python manage.py db_worker --queue-name '*' & pekerja=$$!; \
	trap 'kill $$pekerja 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Bytecode is written even where the environment turns it off (PYTHONDONTWRITEBYTECODE): without it
# every run compiles the project and rewrites the tests' asserts again, seconds before the first test
# and again in every subprocess the tests start (gunicorn's workers, manage.py).
# -n auto: one test process per CPU (pytest-xdist), each with its own test database.
test: install
	env -u PYTHONDONTWRITEBYTECODE DEBUG=1 $(BIN)/python -m pytest -n auto

lint: install
	$(BIN)/ruff check .
