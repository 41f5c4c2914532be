# Two commands set up everything on a fresh machine with Python 3.11:
#   make run   re-runs every notebook in place and writes HTML copies to reports/
#   make test  unit tests, then every notebook validated strictly with nbval
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb))

.PHONY: run test unit nbval lab bench lint clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,notebooks]'
	# build matplotlib's font cache now, not inside the first notebook (it writes to stderr)
	$(PY) -c "import matplotlib.pyplot"
	touch $@

run: $(VENV)/.installed
	$(PY) -m jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False $(NOTEBOOKS)
	$(PY) -m jupyter nbconvert --to html --output-dir reports $(NOTEBOOKS)
	$(PY) scripts/notebook_index.py

test: unit nbval

unit: $(VENV)/.installed
	$(PY) -m pytest

nbval: $(VENV)/.installed
	$(PY) -m pytest --nbval $(NOTEBOOKS) --nbval-sanitize-with notebooks/sanitize.cfg

# JupyterLab refuses to run as root without --allow-root (containers, cloud machines);
# it is passed only then. LAB_ARGS adds options, e.g. LAB_ARGS="--no-browser --port=8899";
# the token comes from JupyterLab 4's IdentityProvider (set JUPYTER_TOKEN to choose it).
LAB_ARGS ?=
lab: $(VENV)/.installed
	$(PY) -m jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS) notebooks/

bench: $(VENV)/.installed
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

lint: $(VENV)/.installed
	$(PY) -m ruff check zjnlp tests scripts benchmarks


clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis
