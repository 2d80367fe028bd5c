# The two commands of the README: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/storyline digest examples --format html --output out/digest.html
	$(BIN)/storyline digest examples
	$(BIN)/storyline ingest examples --db out/storyline.db
	@echo "Browse it: $(BIN)/storyline serve --db out/storyline.db  (then open http://127.0.0.1:8000)"

test: setup
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out
