"""Throughput and peak memory of the targets stage.

Rows: the national corpus (57 reports, 1954–2025) and the 31 provincial reports of 2026,
each file on its own; then one ~22 MB file made by concatenating the corpus reports (the
goal: through in under 30 s and 2 GB). Columns: ``stage, files, MB, rows, seconds, MB/s,
peak_MB`` where ``peak_MB`` is the maximum resident set size of a fresh process that ran
only that stage (interpreter and libraries included). Figures vary with the machine and
its load.

Usage::

    .venv/bin/python benchmarks/bench_targets.py [--mb 22]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from zjnlp.read import read_report
from zjnlp.targets import extract_targets, targets

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def on_texts(paths: list[Path]) -> int:
    texts = [path.read_text(encoding="utf-8") for path in paths]
    return sum(len(extract_targets(text, include="all")) for text in texts)


def on_reports(paths: list[Path]) -> int:
    return sum(len(targets(read_report(path), include="all")) for path in paths)


def timed(stage: Callable[[list[Path]], int], paths: list[Path]) -> tuple[int, float, float]:
    """Rows found, seconds, and the process's peak resident MB (run in a fresh process)."""
    start = time.perf_counter()
    found = stage(paths)
    seconds = time.perf_counter() - start
    return found, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(stage: Callable[[list[Path]], int], paths: list[Path]) -> tuple[int, float, float]:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(timed, stage, paths).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=22.0, help="size of the concatenated file")
    args = parser.parse_args()
    national = sorted((SEEDS / "national").glob("*.txt"))
    provinces = sorted((SEEDS / "provinces-2026").glob("*.txt"))
    corpus = [path.read_text(encoding="utf-8") for path in national + provinces]
    corpus_bytes = sum(len(text.encode()) for text in corpus)
    copies = max(1, round(args.mb * 1e6 / corpus_bytes))
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "concatenated.txt"
        big.write_text("\n".join(corpus * copies), encoding="utf-8")
        stages = [
            ("extract_targets, national", on_texts, national),
            ("read + targets, national", on_reports, national),
            ("extract_targets, provinces 2026", on_texts, provinces),
            ("extract_targets, one big file", on_texts, [big]),
            ("read + targets, one big file", on_reports, [big]),
        ]
        rows = []
        for name, stage, paths in stages:
            mb = sum(path.stat().st_size for path in paths) / 1e6
            found, seconds, peak = measure(stage, paths)
            rows.append(
                {"stage": name, "files": len(paths), "MB": round(mb, 1), "rows": found,
                 "seconds": round(seconds, 2), "MB/s": round(mb / seconds, 2), "peak_MB": round(peak)}
            )  # fmt: skip
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
