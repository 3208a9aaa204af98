# The usual targets of a Rasa project. Every target installs what it needs first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
SPACY_DIR := build/spacy_tokenizer
# The first python3.10 that runs (a pyenv shim on PATH may not, until 3.10 is activated).
PYTHON310 ?= $(shell for p in $$(command -v python3.10) $$HOME/.pyenv/versions/3.10.*/bin/python3.10; do "$$p" -V >/dev/null 2>&1 && { echo "$$p"; break; }; done)

.PHONY: install install-dev lock lint types nlp train web services run shell test test-core bench load validate \
	cluster cluster-stop purge stress clean

# The runtime alone (requirements/lock.txt): what `make run` needs.
install: $(VENV)/.installed

$(VENV)/.installed: requirements/lock.txt pyproject.toml
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed (Rasa 3.6 runs on 3.8-3.10): install it, e.g. 'pyenv install 3.10', or pass PYTHON310=/path/to/python3.10"; exit 1; }
	test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==24.0
	$(PY) -m pip install --quiet -r requirements/lock.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# The runtime and the development tools (requirements/dev-lock.txt: tests, load, profiler, lint, types, pip-tools).
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev-lock.txt
	$(PY) -m pip install --quiet -r requirements/lock.txt -r requirements/dev-lock.txt
	touch $@

# Re-compiles both locks from requirements/base.in and dev.in (pip-tools). Existing pins are kept unless an
# .in file asks otherwise; `--upgrade-package NAME` in PIP_COMPILE_ARGS moves one package.
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links --no-emit-trusted-host $(PIP_COMPILE_ARGS)
lock: install-dev
	cd requirements && ../$(PIP_COMPILE) --output-file lock.txt base.in
	cd requirements && ../$(PIP_COMPILE) --output-file dev-lock.txt dev.in

# ruff (pyflakes, pycodestyle, import order) and mypy, both configured in pyproject.toml.
lint: install-dev
	$(VENV)/bin/ruff check .

types: install-dev
	$(VENV)/bin/mypy

nlp: $(SPACY_DIR)/meta.json

$(SPACY_DIR)/meta.json: $(VENV)/.installed bot/nlp/pipeline.py bot/nlp/patterns/lexicon.yml
	$(PY) -m bot build-nlp $(SPACY_DIR)

validate: nlp
	$(RASA) data validate --fail-on-warnings

# Rasa fingerprints the data and config and skips what has not changed.
train: nlp
	$(RASA) train --fixed-model-name axilla

# The web chat's npm packages (socket.io client, Playwright) and Debian's Chromium for the browser test.
web:
	scripts/install_browser.sh

# Debian's PostgreSQL, Redis and nginx, for the cluster and its tests (installs only what is missing).
services:
	scripts/install_services.sh

# PostgreSQL + Redis + 2 Rasa servers + 2 action servers behind nginx, all on 127.0.0.1 (docs/deployment.md).
cluster: train services
	scripts/cluster.sh start

cluster-stop:
	scripts/cluster.sh stop

# Deletes conversations idle for more than RETENTION_DAYS (default 30) days from the local tracker store.
purge: install
	$(PY) -m service purge

run: train web
	scripts/run.sh

shell: train
	scripts/run.sh shell

test-core: install-dev
	$(PY) -m pytest tests/core

# The gates first (lint, types, `rasa data validate --fail-on-warnings`), then every test.
test: install-dev lint types validate train web services
	$(PY) -m pytest

# Benchmarks (docs/benchmarks.md): the core, and end to end side by side with a stock `rasa init` assistant.
bench: install-dev train
	$(PY) -m scripts.bench

# 200 concurrent conversations of 8 turns on loopback (Locust, headless, bounded in time).
load: install-dev train
	$(PY) -m scripts.load

# 20,000 generated cases through the core (tests/generated/cases.py): failure rate by surface form and
# by kind, a few failures of each; fails at >= 0.5% failures or any unsafe answer.
stress: install-dev
	$(PY) scripts/stress.py --n 20000

clean:
	rm -rf build models .rasa results .pytest_cache .hypothesis .mypy_cache .ruff_cache
