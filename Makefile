# OSPO-NL platform. `make run` serves the site with demo content; `make test` runs everything CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.12+ (python3.13, python3.12, then pyenv's installs, then python3 if new enough).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 python3; do \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p || echo $$p; } && break; done)
VENV := .venv
PY := $(VENV)/bin/python
PG_HOST ?= 127.0.0.1
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@$(PG_HOST):5432/ospo_nl)

.PHONY: help run test test-postgres test-sqlite prod-smoke lint install install-test postgres redis browser compose vnu messages bench screenshots clean

help:
	@echo "make run   - the site with demo content on http://127.0.0.1:8000"
	@echo "make test  - ruff, import layers, migration check, the whole suite on PostgreSQL and SQLite, prod-smoke"

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12 not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed messages

messages: | $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "Installing gettext (msgfmt)"; $(SUDO) apt-get install -y -qq gettext >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null); }
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v 0

run: install
	DEBUG=1 $(PY) manage.py migrate --no-input -v 0
	DEBUG=1 $(PY) manage.py load_demo
	@echo "Demo admin: admin@ospo-nl.example / ospo-demo-2026 (curator: curator@ospo-nl.example, same password)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

postgres:
	@bash scripts/ensure_postgres.sh

redis:
	@bash scripts/ensure_redis.sh

browser:
	@bash scripts/ensure_chromium.sh

compose:
	@bash scripts/ensure_compose.sh

# The Nu HTML Checker for tests/seo/test_html_valid.py (docs/quality.md): npm's vnu-jar in .venv/vnu, on Java.
VNU_JAR := $(CURDIR)/$(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@VNU_PREFIX=$(VENV)/vnu bash scripts/ensure_vnu.sh

lint: install
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache  # the layers of docs/architecture.md
	TESTING=1 $(PY) manage.py makemigrations --check --dry-run -v 0

# Each pass runs on every core (pytest-xdist; XDIST= runs it in one process). A test module stays on one
# worker (its Redis database and module fixtures are its own); the browser tests run as a pass of their own,
# spread test by test, so Playwright's event loop and DJANGO_ALLOW_ASYNC_UNSAFE never reach another test.
XDIST ?= -n auto
test-postgres: install postgres redis browser compose vnu
	TESTING=1 DATABASE_URL=$(TEST_DATABASE_URL) VNU_JAR=$(VNU_JAR) $(PY) -m pytest -m "not e2e" $(XDIST) --dist loadfile $(PYTEST_ARGS)
	TESTING=1 DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest -m e2e $(XDIST) --dist load $(PYTEST_ARGS)

test-sqlite: install vnu
	TESTING=1 DATABASE_URL= VNU_JAR=$(VNU_JAR) $(PY) -m pytest -m "not e2e" $(XDIST) --dist loadfile $(PYTEST_ARGS)

# The compose topology's own commands (docker-compose.yml) as local processes, DEBUG off: tests/smoke/.
prod-smoke: install postgres redis
	TESTING=1 DATABASE_URL= PROD_SMOKE=1 $(PY) -m pytest tests/smoke -p no:cacheprovider $(PYTEST_ARGS)

test: lint test-postgres test-sqlite prod-smoke

# The benchmark (docs/performance.md): its own database and Redis db, production settings (DEBUG off).
BENCH_SCALE ?= 1
BENCH_DATABASE_URL ?= postgres://postgres@$(PG_HOST):5432/ospo_nl_bench
BENCH_ENV := DATABASE_URL=$(BENCH_DATABASE_URL) CACHE_URL=redis://127.0.0.1:6379/14 DEBUG=0 TESTING=0 BENCH=1 \
	SECRET_KEY=bench-only-not-a-secret ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 \
	SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING

bench: install postgres redis
	@command -v wrk >/dev/null || { echo "Installing wrk"; $(SUDO) apt-get install -y -qq wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null); }
	$(BENCH_ENV) $(PY) manage.py collectstatic --no-input -v 0
	$(BENCH_ENV) $(PY) manage.py bench_seed --scale $(BENCH_SCALE) --if-needed
	$(BENCH_ENV) $(PY) manage.py bench $(BENCH_ARGS)

screenshots: install postgres browser
	SCREENSHOTS=1 TESTING=1 DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest tests/e2e/test_screenshots.py -m e2e -p no:cacheprovider
	@echo "Screenshots written to screenshots/"

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
