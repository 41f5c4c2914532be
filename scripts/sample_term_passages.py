"""Print the passages labelled in tests/data/policy_terms_labels.csv, with their offsets.

Three reports the held-out lexicon build leaves out (scripts/build_lexicon.py HELD_OUT): one
national, two provincial. From each, lines of 80 characters or more in a random order
(seed 18) until 3,000 characters are drawn; printed in report order. The labels were
written by reading these passages under tests/data/policy_terms_codebook.md.

    python scripts/sample_term_passages.py > passages.txt
"""

import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REPORTS = ["national/2025-李强.txt", "provinces-2026/河南省.txt", "provinces-2026/西藏自治区.txt"]
SEED = 18
SIZE = 3000
SHORTEST = 80


def main() -> None:
    for name in REPORTS:
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
        for start, line in sorted(chosen):
            print(f"=== {name} @{start} ({len(line)})\n{line}\n")


if __name__ == "__main__":
    main()
