# Alliance Desk — the two commands a newcomer needs: `make run` and `make test`.
# Both create .venv with Python 3.12+ and install the package (editable) with its test extra.
# Re-running is fast: the install step reruns only when pyproject.toml changes.
# `make dist` builds the application with PyInstaller into dist/alliance-desk/ (the dist extra);
# `make dist-test` builds it and runs the built binary's --selftest and a screenshot off-screen.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist
BUILT := dist/alliance-desk/alliance-desk

# Python 3.12 or newer (PySide6 6.12 aborts on 3.11, see TECH_NOTES.md). Plain names first,
# then pyenv's installed versions, whose shims may exist without being active.
PYTHON_CANDIDATES := python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3) \
	$(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) python3
FIND_PYTHON := for p in $(PYTHON_CANDIDATES); do \
	if $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
	echo $$p; break; fi; done


.PHONY: run test lint format bench clean screenshot dist dist-test

run: $(STAMP)
	$(VENV)/bin/alliance-desk --demo

test: $(STAMP)
	$(VENV)/bin/ruff check alliance_desk tests installer
	$(VENV)/bin/ruff format --check alliance_desk tests installer
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check alliance_desk tests installer

format: $(STAMP)
	$(VENV)/bin/ruff format alliance_desk tests installer
	$(VENV)/bin/ruff check --fix alliance_desk tests installer

# Speed figures against floors measured in the same run (issue 10; not part of `make test`).
# The big synthetic portfolio is built once into benchmarks/cache/ (about 30 s, 110 MB).
bench: $(STAMP)
	$(PY) -m benchmarks.run

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/alliance-desk --demo --screenshot docs/main-window.png --tab Health

dist: $(DIST_STAMP)
	@start=$$(date +%s); \
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build installer/alliance_desk.spec && \
	size=$$(du -sh dist/alliance-desk | cut -f1) && \
	echo "Built dist/alliance-desk in $$(( $$(date +%s) - start )) s; du -sh: $$size"

# The built binary, as it ships: its version, its self-test, then the README's screenshot
# command, in a fresh settings folder that is removed afterwards. The screenshot stays in build/.
dist-test: dist
	@home="$$(mktemp -d)"; trap 'rm -rf "$$home"' EXIT; set -e; \
	want="Alliance Desk $$(sed -n 's/^__version__ = "\(.*\)"$$/\1/p' alliance_desk/__init__.py)"; \
	got="$$($(BUILT) --version)"; \
	if [ "$$got" != "$$want" ]; then echo "FAIL: --version says '$$got', not '$$want'"; exit 1; fi; \
	echo "ok: $(BUILT) --version says $$got"; \
	echo "$(BUILT) --selftest"; \
	QT_QPA_PLATFORM=offscreen ALLIANCE_DESK_HOME="$$home" $(BUILT) --selftest; \
	echo "$(BUILT) --demo --screenshot build/dist-screenshot.png"; \
	QT_QPA_PLATFORM=offscreen ALLIANCE_DESK_HOME="$$home" $(BUILT) --demo \
		--screenshot build/dist-screenshot.png; \
	$(PY) installer/check_png.py build/dist-screenshot.png 1440 900

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

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	@touch $(DIST_STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
