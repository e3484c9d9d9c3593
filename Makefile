# Fazhi — every entry point. `make run` and `make test` do all the set-up themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: install run serve test test-browser lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --no-input --verbosity 0
	@echo "Fazhi 在 http://$(HOST):$(PORT)/ 提供服务(演示用户见上方)"
	$(VENV)/bin/gunicorn fazhi.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

test: install
	$(PY) -m pytest -q

test-browser: install
	FAZHI_REQUIRE_BROWSER=1 $(PY) -m pytest -q -m browser

lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) manage.py bench

clean:
	rm -rf $(VENV) var/static
