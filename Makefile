# myoscope: `make demo` assesses the bundled examples; `make lint` checks style, layering and types;
# `make test` runs lint, then the whole suite.
# Both create .venv and install what is needed on first use (only python3 and make required).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    := out

.PHONY: install demo lint test bench serve clean

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

# ruff (lint and format), the layering contract (when [tool.importlinter] is configured) and mypy
# (config in pyproject.toml; its cache lives in .cache/mypy).
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	@if grep -q '^\[tool\.importlinter\]' pyproject.toml; then echo "$(BIN)/lint-imports"; $(BIN)/lint-imports; \
	else echo "lint-imports: skipped, no [tool.importlinter] contract in pyproject.toml"; fi
	$(BIN)/mypy

# scripts/ci-services.sh installs (where missing) and starts PostgreSQL and Chromium for the store and
# browser tests; without them those tests skip with a message (under CI=true they must run).
# scripts/fhir-assets.sh installs the HL7 R4 JSON Schema and official R4 examples (npm) into .cache/fhir.
test: $(STAMP) lint
	bash scripts/fhir-assets.sh .cache/fhir
	@line=$$(bash scripts/ci-services.sh | tail -n 1) || line=""; \
	case "$$line" in MYOSCOPE_TEST_POSTGRES_URL=*) export "$$line";; esac; \
	$(BIN)/python -m pytest -n 2 --dist loadfile

serve: $(STAMP)
	$(BIN)/myoscope serve --demo

# `make bench` runs every benchmark with bounded sizes (minutes, not hours) and prints each one's
# reference and ratios; run a script by hand for its full sizes (see the script's --help).
bench: $(STAMP)
	@for b in bench/[!_]*.py; do \
	  case $$b in \
	    bench/hall.py|bench/muscle.py) args="--repeat 3";; \
	    bench/isncsci.py) args="--quick";; \
	    bench/screen.py) args="--rows 1000000";; \
	    bench/web_load.py) args="--users 10 --seconds 15";; \
	    *) args="";; \
	  esac; \
	  echo "== $$b $$args"; $(BIN)/python $$b $$args || exit $$?; echo; \
	done

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis .cache
