"""A 22 MB report through the command line: wall time and peak memory per command.

The file is the national reports (``seeds/national/*.txt``) concatenated, over and over,
until it reaches the size asked for, written to a temporary folder. Each command runs
``python -m zjnlp.cli COMMAND FILE --format csv`` (tokens: json) in a child process, its output
thrown away. One row per command: ``command, MB, seconds, cpu_seconds, peak_MB, lines, exit``
where ``cpu_seconds`` is the child's user + system time and ``peak_MB`` its peak resident
memory (``ru_utime``, ``ru_stime`` and ``ru_maxrss`` from ``os.wait4``: the RUSAGE_CHILDREN
figures for that one child), and ``lines`` the lines it printed. The goal is ``targets`` in
under 30 s and 2 GB, and ``discover`` in under 26 s (a quarter of the 105 s its n-gram
Counters took) and 1 GB, wall time on an idle machine; on a loaded one ``cpu_seconds`` is
the figure to compare (``discover``, 2026-11-29: 15.5 s of CPU and 772 MB; 17 to 28 s wall
with two to three other processes running; 11.5 s and 658 MB once its --min-count grew with
the file's length, 14 here).

Usage::

    .venv/bin/python benchmarks/bench_huge.py [--mb 22] [--commands targets sections themes]
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
NATIONAL = ROOT / "seeds" / "national"
GOALS = {"targets": {"seconds": 30.0, "peak_MB": 2048.0}, "discover": {"seconds": 26.0, "peak_MB": 1024.0}}
GOAL = GOALS["targets"]  # for any other command
ARGUMENTS = {"kwic": ["发展"]}  # what a command needs besides the file


def build(path: Path, megabytes: float) -> int:
    """Write the national reports to ``path``, over and over, up to ``megabytes``; return its size."""
    texts = itertools.cycle([p.read_bytes() for p in sorted(NATIONAL.glob("*.txt"))])
    size = 0
    with path.open("wb") as out:
        while size < megabytes * 1e6:
            size += out.write(next(texts))
    return size


def run(command: str, path: Path) -> dict:
    fmt = "json" if command == "tokens" else "csv"
    argv = [sys.executable, "-m", "zjnlp.cli", command, str(path), *ARGUMENTS.get(command, []), "--format", fmt]
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=stderr, cwd=ROOT)
        lines = sum(1 for _ in child.stdout)  # read as it comes, so the pipe never fills
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        stderr.seek(0)
        problems = stderr.read().decode("utf-8", "replace").strip()
    if problems:
        print(f"{command}: {problems.splitlines()[-1]}", file=sys.stderr)
    return {
        "command": command,
        "MB": round(path.stat().st_size / 1e6, 1),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_MB": round(usage.ru_maxrss / 1024),  # kilobytes on Linux
        "lines": lines,
        "exit": os.waitstatus_to_exitcode(status),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=22.0, help="size of the file (default: 22)")
    parser.add_argument("--commands", nargs="+", default=["targets", "discover"], help="commands to run (default: targets discover)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "huge.txt"
        build(path, args.mb)
        table = pd.DataFrame([run(command, path) for command in args.commands])
    goals = pd.DataFrame([GOALS.get(command, GOAL) for command in table["command"]])
    table["goal_met"] = (table["seconds"] < goals["seconds"]) & (table["peak_MB"] < goals["peak_MB"]) & (table["exit"] == 0)
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
