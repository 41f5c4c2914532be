"""Start-up of the command line: ``zjnlp --help`` and one-file commands against ``python -c pass``.

One row per command line: ``command, seconds`` (best of ``--repeat`` runs, taken in turn
so that the machine's load weighs on each alike) and ``x_python``, its time over the
bare interpreter's. What a command costs beyond the interpreter is imports (pandas and
numpy for every table; the tokenizer for tokens, keywords and themes; scikit-learn for
TF-IDF) and the analysis itself.

Usage::

    .venv/bin/python benchmarks/bench_startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from zjnlp.corpus import SEED_PAGE as SEED

ZJNLP = str(Path(sys.executable).with_name("zjnlp"))
LINES = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "zjnlp --help": [ZJNLP, "--help"],
    "zjnlp kwic --help": [ZJNLP, "kwic", "--help"],
    "zjnlp kwic 人才 SEED": [ZJNLP, "kwic", "人才", str(SEED)],
    "zjnlp sections SEED": [ZJNLP, "sections", str(SEED)],
    "zjnlp themes SEED": [ZJNLP, "themes", str(SEED)],
    "zjnlp keywords SEED": [ZJNLP, "keywords", str(SEED)],
}


def measure(repeat: int) -> pd.DataFrame:
    best = dict.fromkeys(LINES, float("inf"))
    for _ in range(repeat):
        for name, argv in LINES.items():
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            best[name] = min(best[name], time.perf_counter() - start)
    baseline = best["python -c pass (baseline)"]
    return pd.DataFrame({
        "command": list(best), "seconds": list(best.values()),
        "x_python": [seconds / baseline for seconds in best.values()],
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command line (default: 5)")
    args = parser.parse_args()
    print(measure(args.repeat).to_string(index=False, float_format="{:.2f}".format))


if __name__ == "__main__":
    main()
