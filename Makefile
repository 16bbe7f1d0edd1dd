# myoscope: `make demo` assesses the bundled examples; `make test` runs the whole suite.
# Both create .venv and install what is needed on first use (only python3 and make required).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    := out

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/myoscope assess examples/*.yaml
	$(BIN)/myoscope assess examples/*.yaml --format html -o $(OUT)
	@echo "HTML reports written to $(OUT)/"

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: $(STAMP)
	@for b in bench/*.py; do $(BIN)/python $$b || exit $$?; done

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis .cache
