"""Checks on the committed notebooks that nbval does not make: shape, cleanliness, figures.

nbval re-runs every notebook and compares outputs (``make nbval``); these tests read the
committed files only, so they are fast and say what is wrong in words.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
MAX_CODE_LINES = 20
ABSOLUTE_PATH = re.compile(r"(/home/|/work/|/tmp/|/Users/|[A-Z]:\\)")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _code(path: Path) -> list[dict]:
    return [cell for cell in _cells(path) if cell["cell_type"] == "code"]


def _text(output: dict) -> str:
    if output["output_type"] == "stream":
        return "".join(output["text"])
    data = output.get("data", {})
    return "".join("".join(data[kind]) for kind in ("text/plain", "text/html") if kind in data)


def test_there_are_notebooks_numbered_in_order():
    numbers = [int(path.name[:2]) for path in NOTEBOOKS]
    assert numbers == list(range(1, len(NOTEBOOKS) + 1))


@pytest.fixture(params=NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def notebook(request) -> Path:
    return request.param


def test_name_is_ascii_and_numbered(notebook):
    assert re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", notebook.name)


def test_opens_with_a_title_and_a_paragraph_and_ends_with_a_conclusion(notebook):
    cells = _cells(notebook)
    first, last = _source(cells[0]), _source(cells[-1])
    assert cells[0]["cell_type"] == "markdown"
    assert re.match(r"# \S.*\n\n\S.{80,}", first), "a '# Title' line, a blank line, then the question"
    assert cells[-1]["cell_type"] == "markdown" and last.startswith("## Conclusion")
    assert re.search(r"\d", last), "the conclusion gives the numbers"


def test_code_cells_are_short(notebook):
    long = [_source(cell).splitlines()[0] for cell in _code(notebook) if len(_source(cell).splitlines()) > MAX_CODE_LINES]
    assert long == [], f"cells over {MAX_CODE_LINES} lines belong in zjnlp"


def test_was_run_from_a_clean_kernel_in_order(notebook):
    counts = [cell["execution_count"] for cell in _code(notebook)]
    assert counts == list(range(1, len(counts) + 1))


def test_outputs_hold_no_errors_stderr_or_absolute_paths(notebook):
    for cell in _code(notebook):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", _source(cell)
            assert output.get("name") != "stderr", _text(output)
            assert not ABSOLUTE_PATH.search(_text(output)), _source(cell)


def test_figures_are_shown_and_saved_under_the_notebooks_name(notebook):
    for cell in _code(notebook):
        source = _source(cell)
        if re.search(r"\bplot_\w+\(", source):
            assert source.rstrip().endswith("plt.show()"), source
            assert all(output["output_type"] != "execute_result" for output in cell["outputs"]), source
        for saved in re.findall(r'save=f?"([^"]+)"', source):
            assert saved.startswith(f"figures/{notebook.stem}-"), saved
            if "{" not in saved:
                assert (notebook.parent / saved).is_file(), saved


def test_the_index_is_up_to_date():
    spec = importlib.util.spec_from_file_location("notebook_index", ROOT / "scripts" / "notebook_index.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run scripts/notebook_index.py"
