"""Print the passages labelled in tests/data/policy_terms_*.csv, with their offsets.

Reports the held-out lexicon build leaves out (scripts/build_lexicon.py HELD_OUT). From
each, lines of 80 characters or more in a random order (seed 18) until SIZE characters
are drawn; printed in report order. The labels were written by reading these passages
under tests/data/policy_terms_codebook.md, before any tokenizer was run on them.

    python scripts/sample_term_passages.py > passages.txt          # policy_terms_labels.csv
    python scripts/sample_term_passages.py --fresh > passages.txt  # policy_terms_fresh.csv
    python scripts/sample_term_passages.py --fresh2 --size 4500 > passages.txt  # policy_terms_fresh2.csv
    python scripts/sample_term_passages.py --fresh3 --size 4000 > passages.txt  # policy_terms_fresh3.csv
    python scripts/sample_term_passages.py --fresh4 --size 4000 > passages.txt  # policy_terms_fresh4.csv

The first set (2025 national, 河南, 西藏) was read while the lexicon and the tokenizer's
compound rule were being improved; the fresh set (湖北, 山东) was labelled after that
work and measures it. The fresh set was then tuned on in turn, so a third set (重庆,
湖南) was drawn and labelled before the next round of rules: the two reports are
``random.Random(1830).sample`` of the 23 provincial 2026 reports not yet held out, in
name order. The third set was tuned on in turn, so a fourth (2024 national, 浙江) was
drawn the same way before the round after: ``random.Random(1840).sample`` of the five
reports held out but not yet labelled, in name order. The fourth was tuned on in turn,
and a fifth (四川, 甘肃) drawn as ``random.Random(1850).sample`` of the three left
(广东, 四川, 甘肃), in name order.
"""

import argparse
import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REPORTS = ["national/2025-李强.txt", "provinces-2026/河南省.txt", "provinces-2026/西藏自治区.txt"]
FRESH = ["provinces-2026/湖北省.txt", "provinces-2026/山东省.txt"]
FRESH2 = ["provinces-2026/重庆市.txt", "provinces-2026/湖南省.txt"]
FRESH3 = ["national/2024-李强.txt", "provinces-2026/浙江省.txt"]
FRESH4 = ["provinces-2026/四川省.txt", "provinces-2026/甘肃省.txt"]
SEED = 18
SIZE = 3000
SHORTEST = 80
# each label file in tests/data, with the reports and the characters per report it was read from
LABEL_SETS = {
    "policy_terms_labels.csv": (REPORTS, SIZE),
    "policy_terms_fresh.csv": (FRESH, SIZE),
    "policy_terms_fresh2.csv": (FRESH2, 4500),
    "policy_terms_fresh3.csv": (FRESH3, 4000),
    "policy_terms_fresh4.csv": (FRESH4, 4000),
}


def passages(name: str, size: int = SIZE) -> list[tuple[int, str]]:
    """The lines drawn from one report, as (offset, line), in report order."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines, at = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((at, line.rstrip("\n")))
        at += len(line)
    body = [(start, line) for start, line in lines if len(line) >= SHORTEST]
    random.Random(SEED).shuffle(body)
    chosen, drawn = [], 0
    for start, line in body:
        if drawn >= size:
            break
        chosen.append((start, line))
        drawn += len(line)
    return sorted(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help=f"the fresh set: {', '.join(FRESH)}")
    parser.add_argument("--fresh2", action="store_true", help=f"the third set: {', '.join(FRESH2)}")
    parser.add_argument("--fresh3", action="store_true", help=f"the fourth set: {', '.join(FRESH3)}")
    parser.add_argument("--fresh4", action="store_true", help=f"the fifth set: {', '.join(FRESH4)}")
    parser.add_argument("--size", type=int, default=SIZE, help="characters drawn from each report")
    args = parser.parse_args()
    chosen = FRESH4 if args.fresh4 else FRESH3 if args.fresh3 else FRESH2 if args.fresh2 else FRESH if args.fresh else REPORTS
    for name in chosen:
        for start, line in passages(name, args.size):
            print(f"=== {name} @{start} ({len(line)})\n{line}\n")


if __name__ == "__main__":
    main()
