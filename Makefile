# Two commands set up a fresh machine:
#   make run   - install, load all content into SQLite, serve at http://127.0.0.1:8000
#   make test  - install, lint, and run the whole test suite (browser tests need Debian's
#                chromium at /usr/bin/chromium; npm fetches axe-core and Sass)
PYTHON ?= python3
# Test processes for everything but the browser tests (pytest-xdist); the browser tests run
# after, in one process: their live server empties its database after each test.
TEST_WORKERS ?= auto
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev content lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt

content: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_content

run: content
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

test: lint node_modules/.package-lock.json
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(BIN)/pytest -n $(TEST_WORKERS) --ignore=tests/browser
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(BIN)/pytest tests/browser
