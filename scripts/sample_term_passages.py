"""Print the passages labelled in tests/data/policy_terms_*.csv, with their offsets.

Reports the held-out lexicon build leaves out (scripts/build_lexicon.py HELD_OUT). From
each, lines of 80 characters or more in a random order (seed 18) until SIZE characters
are drawn; printed in report order. The labels were written by reading these passages
under tests/data/policy_terms_codebook.md, before any tokenizer was run on them.

    python scripts/sample_term_passages.py > passages.txt          # policy_terms_labels.csv
    python scripts/sample_term_passages.py --fresh > passages.txt  # policy_terms_fresh.csv

The first set (2025 national, 河南, 西藏) was read while the lexicon and the tokenizer's
compound rule were being improved; the fresh set (湖北, 山东) was labelled after that
work and measures it.
"""

import argparse
import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REPORTS = ["national/2025-李强.txt", "provinces-2026/河南省.txt", "provinces-2026/西藏自治区.txt"]
FRESH = ["provinces-2026/湖北省.txt", "provinces-2026/山东省.txt"]
SEED = 18
SIZE = 3000
SHORTEST = 80


def passages(name: str) -> list[tuple[int, str]]:
    """The lines drawn from one report, as (offset, line), in report order."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines, at = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((at, line.rstrip("\n")))
        at += len(line)
    body = [(start, line) for start, line in lines if len(line) >= SHORTEST]
    random.Random(SEED).shuffle(body)
    chosen, size = [], 0
    for start, line in body:
        if size >= SIZE:
            break
        chosen.append((start, line))
        size += len(line)
    return sorted(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help=f"the fresh set: {', '.join(FRESH)}")
    args = parser.parse_args()
    for name in FRESH if args.fresh else REPORTS:
        for start, line in passages(name):
            print(f"=== {name} @{start} ({len(line)})\n{line}\n")


if __name__ == "__main__":
    main()
