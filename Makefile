# The README's commands. `make run` sets everything up on a fresh machine and serves the portal;
# `make test` runs lint, types and the whole suite against PostgreSQL and Redis; `make test-fast`
# the same without the browser tests.

PYTHON ?= python3.12
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Tests talk to the real services this machine runs; override to point elsewhere.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: install run test test-fast lint typecheck pytest pytest-fast migrate demo messages catalogues clean css checkers

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0

# After adding a user-facing string: bring it into every catalogue, then translate it (docs/translations.md).
# --all: every language that has a folder under locale/ (a new one starts with makemessages -l X).
catalogues: install
	$(BIN)/python manage.py makemessages --all --no-obsolete --extension=html,txt,py,jinja \
		--ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=assets --verbosity 0

migrate: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input --verbosity 0

# `make run PORT=8001` serves on another port (and the demo logins and email links say so).
PORT ?= 8000

demo: migrate
	SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py seed_demo --if-empty

# rundemo is runserver printing the demo logins under its banner, where they do not scroll away.
run: migrate messages
	SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py seed_demo --if-empty --no-logins
	SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py rundemo 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy .

pytest: install messages checkers
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest

test: lint typecheck pytest

# The everyday loop: everything but the browser tests (tests/browser, marked `browser`).
pytest-fast: install messages
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -m "not browser"

test-fast: lint typecheck pytest-fast

clean:
	rm -rf $(VENV) var

# Speed at plan scale against a bare Django view (docs/performance.md); BENCH_ARGS=--quick for a small run.
.PHONY: bench
bench: install messages
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# The design system's stylesheet (docs/design.md): compiled from the U.S. Web Design System's npm
# package with Debian's Node, and committed, so `make run` needs only Python.
css:
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	cd assets && npm ci --no-audit --no-fund && npm run build

# The browser tests' outside checkers (docs/design.md): pa11y in Debian's Chromium (no browser
# download) and the Nu HTML checker, a jar run with Java; Node and Java from Debian if missing.
CHECKERS := tests/browser/checkers
checkers: $(CHECKERS)/node_modules/.installed

$(CHECKERS)/node_modules/.installed: $(CHECKERS)/package-lock.json
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)
	cd $(CHECKERS) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	touch $@
