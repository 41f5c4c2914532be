"""Wall time of each stage over the whole national corpus (57 reports, 1954–2025).

One row per stage: ``stage, files, MB, seconds, MB/s, x_jieba`` where ``x_jieba`` is
the stage's time over jieba's time to tokenize the same texts (the baseline: under 1
means faster than tokenizing with jieba alone). Figures vary with the machine and its
load, the ratios much less. A stage is a function of the list of files; add one to
``STAGES`` to get a row.

Usage::

    .venv/bin/python benchmarks/bench_corpus.py [--jobs N] [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import logging
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jieba
import pandas as pd

from zjnlp import corpus
from zjnlp.batch import map_reports
from zjnlp.read import Report, read_report

Stage = Callable[[list[Path]], object]
jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines are not results


def read_files(paths: list[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in paths]


def jieba_cut(paths: list[Path]) -> list[list[str]]:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return [tokenizer.lcut(text) for text in read_files(paths)]


def jieba_dictionary(paths: list[Path]) -> None:
    jieba.Tokenizer().initialize()


def read_reports(paths: list[Path]) -> list[Report]:
    return [read_report(path) for path in paths]


def _chars(report: Report) -> pd.DataFrame:
    return pd.DataFrame({"chars": [len(report.text)]})


def read_reports_in_parallel(paths: list[Path], *, jobs: int | None) -> pd.DataFrame:
    return map_reports(_chars, paths, jobs=jobs, progress=False)[0]


def load_national(paths: list[Path]) -> pd.DataFrame:
    corpus._load.cache_clear()
    return corpus.national()


def python_start_up(paths: list[Path]) -> None:
    """A fresh interpreter importing what every command needs: the floor of any CLI run."""
    subprocess.run([sys.executable, "-c", "import zjnlp.batch, zjnlp.corpus"], check=True)


def cli_themes(paths: list[Path]) -> None:
    """The issue's goal: `zjnlp themes seeds/national/*.txt --by document`, start-up included."""
    command = [sys.executable, "-m", "zjnlp.cli", "themes", *map(str, paths), "--by", "document", "--format", "csv"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def stages(jobs: int | None) -> dict[str, tuple[Stage, bool]]:
    """Stage name → (function, whether it processes the texts: False for fixed costs)."""
    return {
        "jieba cut (baseline; dictionary load included)": (jieba_cut, True),
        "jieba dictionary load": (jieba_dictionary, False),
        "read files (bytes → str)": (read_files, True),
        "python start-up + import zjnlp": (python_start_up, False),
        "read_report, one process": (read_reports, True),
        f"read_report, map_reports (jobs={jobs or 'all cores'})": (
            functools.partial(read_reports_in_parallel, jobs=jobs), True,
        ),
        "corpus.national(), first call": (load_national, True),
        "CLI: zjnlp themes --by document (goal < 3 s)": (cli_themes, True),
    }


def _seconds(stage: Stage, paths: list[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        stage(paths)
        best = min(best, time.perf_counter() - started)
    return best


def run(paths: list[Path], *, jobs: int | None = None, repeat: int = 1) -> pd.DataFrame:
    """Time every stage on ``paths``; columns ``stage, files, MB, seconds, MB/s, x_jieba``."""
    megabytes = sum(path.stat().st_size for path in paths) / 1e6
    rows = []
    for name, (stage, per_text) in stages(jobs).items():
        seconds = _seconds(stage, paths, repeat)
        rows.append({
            "stage": name,
            "files": len(paths) if per_text else 0,
            "MB": round(megabytes, 2) if per_text else 0.0,
            "seconds": round(seconds, 3),
            "MB/s": round(megabytes / seconds, 2) if per_text else float("nan"),
        })
    table = pd.DataFrame(rows)
    table["x_jieba"] = (table["seconds"] / table.loc[0, "seconds"]).round(2)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=None, help="workers for map_reports (default: all cores)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per stage; the best is kept (default: 1)")
    args = parser.parse_args(argv)
    paths = corpus.national()["path"].tolist()
    print(run(paths, jobs=args.jobs, repeat=args.repeat).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
