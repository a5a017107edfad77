# Two commands for a fresh clone: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install messages migrate demo lint makemessages clean bench-import bench-public bench-export

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Compiled catalogs are built with Babel, so a fresh clone needs no gettext package.
messages: install
	$(PY) -m uxosector.catalogs

migrate: messages
	DEBUG=1 $(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py create_demo_users

run: demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	SECRET_KEY=test-only-secret-key $(PY) -m pytest $(PYTEST_ARGS)

lint: messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

# Needs GNU gettext (xgettext); only translators and developers adding strings run it.
makemessages: install
	DEBUG=1 $(PY) manage.py makemessages --locale lo --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'staticfiles/*'

# Benchmarks (see README): timings are measured here, never asserted in tests.
bench-import: messages
	$(PY) benchmarks/import_opensdg.py

bench-public: messages
	$(PY) benchmarks/public_pages.py

bench-export: messages
	$(PY) benchmarks/export_report.py

clean:
	rm -rf $(VENV) staticfiles
