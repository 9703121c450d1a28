# Set-up and everyday commands of the RUSMECO portal.
#   make run    install, migrate, compile messages, load demo content, serve
#               (with a worker for the background jobs beside the server)
#   make test   install test tools, run every test
#   make production   the production layout (nginx, Varnish, two gunicorns) on 127.0.0.1
#   make deploy-check Django's deployment checks with production settings
#   make bench  install Debian's wrk for the load benchmark (bench/load.py)

PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Test processes: one per core, each given whole test files (so the demo and
# the servers are built once), the files that share one production layout
# together (SHARED_SET_UPS in conftest.py); the slowest tests are listed at
# the end.
TEST_WORKERS ?= auto

.PHONY: run test install install-dev setup messages lint format check browser gettext nginx \
	varnish production deploy-check bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

install: $(VENV)/.runtime-installed

install-dev: $(VENV)/.dev-installed

messages: install
	$(PY) manage.py compile_catalogues

setup: messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content

# The worker runs the queued background jobs (e-mail, search index updates);
# it stops with the server, on Ctrl-C or when the server stops by itself.
run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ with a background worker (manage.py db_worker)"
	@$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The browser tests drive Debian's Chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium package for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# check_catalogues extracts the interface strings with GNU gettext's xgettext
# (as Django's makemessages does); install it when it is missing.
gettext:
	@command -v xgettext >/dev/null 2>&1 || { \
		echo "Installing Debian's gettext package for the catalogue check"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext; }

# nginx in front of gunicorn (deploy/nginx.conf): `make production` and its
# test need Debian's nginx; install it when it is missing.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		echo "Installing Debian's nginx-light package for the production layout"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light; }

# The load benchmark (bench/load.py) drives the server with Debian's wrk;
# install it when it is missing.
bench:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk package for the load benchmark"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	@echo "wrk is ready: see bench/load.py (python bench/load.py --help)"

# Varnish between nginx and the gunicorns (deploy/varnish.vcl): `make
# production` and its tests need Debian's varnish; install it when it is missing.
varnish:
	@command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || { \
		echo "Installing Debian's varnish package for the production layout"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq varnish; }

# The production layout for a trial: collectstatic, migrate, two gunicorns
# behind Varnish behind nginx on https://127.0.0.1:8443/ in the foreground;
# Ctrl-C stops them all. Needs Redis on 127.0.0.1:6379 unless REDIS_URL says
# otherwise.
production: install nginx varnish
	PY=$(PY) deploy/production_trial.sh

# Django's deployment checks with production settings: any warning fails.
deploy-check: install
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=portal.rusmeco.example REDIS_URL=redis://127.0.0.1:6379/0 \
	WAGTAILADMIN_BASE_URL=https://portal.rusmeco.example \
		$(PY) manage.py check --deploy --fail-level WARNING

test: install-dev browser gettext nginx varnish
	$(PY) manage.py compile_catalogues --settings=portal.settings.test
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=25 $(PYTEST_ARGS)

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# check_catalogues: every interface string has its Russian translation.
check: install-dev gettext
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check_catalogues

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media
