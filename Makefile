# Two commands set up a fresh machine:
#   make run   - install, load all content into SQLite, serve at http://127.0.0.1:8000
#                (make run PORT=8001 for another port)
#   make test  - check the machine has what the tests need (else say the one command that
#                installs it), install, lint, and run the whole test suite
PYTHON ?= python3
# Test processes for everything but the browser tests (pytest-xdist); the browser tests run
# after, in one process: their live server empties its database after each test.
TEST_WORKERS ?= auto
VENV := .venv
BIN := $(VENV)/bin

PORT ?= 8000

.PHONY: run test install install-dev lock content lint prerequisites messages messages-compiled

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock

# make lock - after editing requirements.txt or requirements-dev.txt: rewrites requirements.lock
# and requirements-dev.lock (every package pinned, with the sha256 of each of its files on PyPI;
# the dev lock is resolved within the runtime lock's pins). Pins still allowed are kept;
# `make lock LOCK_ARGS=--upgrade` moves every package to its newest allowed release. uv comes
# from requirements-dev.lock.
LOCK_ARGS ?=
UV_COMPILE = $(BIN)/uv pip compile --quiet --no-config --generate-hashes --universal \
	--python-version 3.11 $(LOCK_ARGS)

lock: install-dev
	$(UV_COMPILE) requirements.txt -o requirements.lock
	$(UV_COMPILE) --constraint requirements.lock requirements-dev.txt -o requirements-dev.lock

# The Spanish interface words: locale/*/LC_MESSAGES/django.po compiled for Django to read
# (GNU gettext's msgfmt does it).
messages-compiled: install
	@command -v msgfmt >/dev/null || { echo "Needs Debian's gettext package. Install it with:  sudo apt-get install -y gettext"; exit 1; }
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0

# make messages - after changing the interface's English words: adds the new ones to each
# language's django.po, for a translator to fill in.
messages: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages --all --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests

content: messages-compiled
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_content

run: content
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

# What the tests need from the machine besides Python: Debian's chromium (the browser tests),
# Java (the Nu HTML checker), Node's npm (axe-core, the checker, Sass), pango and DejaVu fonts
# (PDF handouts), redis-server (the outage tests start one), gettext (the Spanish words).
# Checked before anything else, so a fresh machine stops at once with the command that
# installs what it lacks.
prerequisites:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 \
		|| missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "make test needs Debian packages this machine lacks:$$missing"; \
		echo "Install them with:  sudo apt-get install -y$$missing"; \
		exit 1; \
	fi

test: prerequisites lint messages-compiled node_modules/.package-lock.json
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(BIN)/pytest -n $(TEST_WORKERS) --ignore=tests/browser
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(BIN)/pytest tests/browser
