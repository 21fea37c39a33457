# Alliance Desk — the two commands a newcomer needs: `make run` and `make test`.
# Both create .venv with Python 3.12+ and install the package (editable) with its test extra.
# Re-running is fast: the install step reruns only when pyproject.toml changes.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Python 3.12 or newer (PySide6 6.12 aborts on 3.11, see TECH_NOTES.md). Plain names first,
# then pyenv's installed versions, whose shims may exist without being active.
PYTHON_CANDIDATES := python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3) \
	$(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) python3
FIND_PYTHON := for p in $(PYTHON_CANDIDATES); do \
	if $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
	echo $$p; break; fi; done


.PHONY: run test lint format bench clean screenshot

run: $(STAMP)
	$(VENV)/bin/alliance-desk --demo

test: $(STAMP)
	$(VENV)/bin/ruff check alliance_desk tests
	$(VENV)/bin/ruff format --check alliance_desk tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check alliance_desk tests

format: $(STAMP)
	$(VENV)/bin/ruff format alliance_desk tests
	$(VENV)/bin/ruff check --fix alliance_desk tests

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/alliance-desk --demo --screenshot docs/main-window.png --tab Overview

$(PY):
	@py="$$($(FIND_PYTHON))"; \
	if [ -z "$$py" ]; then \
		echo "Alliance Desk needs Python 3.12 or newer (python3.13 or python3.12); none was found." >&2; \
		echo "Install one (for example: apt-get install python3.12, or pyenv install 3.12) and re-run." >&2; \
		exit 1; \
	fi; \
	echo "Creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
