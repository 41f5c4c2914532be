"""Golden outputs: every command's output on every report in ``seeds/`` stays the same.

``scripts/golden.py`` runs the command line (sections, themes, targets and keywords with
their options, tokens, kwic, discover) and the read stage on the three corpora in
``seeds/`` and stores the CSV in ``tests/golden/<corpus>/<case>.csv``; this test runs
the same code again and compares, showing a diff of the lines that changed.

When a change *means* to alter outputs: run ``python scripts/golden.py`` (or
``python scripts/golden.py CORPUS``), read ``git diff tests/golden``, and explain every
difference in the commit message. A change that does not mean to alter outputs must
leave these files alone.
"""

import difflib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

CASES = [(corpus, case) for corpus in golden.CORPORA for case in golden.cases(corpus)]


def test_every_golden_file_is_a_case():
    stored = {(path.parent.name, path.stem) for path in golden.GOLDEN.glob("*/*.csv")}
    assert stored == set(CASES), "run scripts/golden.py to add or remove golden files"


@pytest.mark.parametrize("corpus, case", CASES, ids=[f"{corpus}/{case}" for corpus, case in CASES])
def test_output_is_unchanged(corpus, case):
    expected = golden.path(corpus, case).read_text(encoding="utf-8")
    actual = golden.output(corpus, case)
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"golden/{corpus}/{case}.csv", "now", lineterm="", n=1
        )
        lines = list(diff)
        shown = "\n".join(lines[:60]) + (f"\n… {len(lines) - 60} more diff lines" if len(lines) > 60 else "")
        pytest.fail(
            f"{corpus}/{case} changed; if the change is meant, run scripts/golden.py and explain the diff "
            f"in the commit message:\n{shown}",
            pytrace=False,
        )
