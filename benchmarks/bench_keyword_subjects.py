"""Are the top-10 TF-IDF keywords of numbered sections subjects? A labelled random sample.

    python benchmarks/bench_keyword_subjects.py --draw     # write the fresh sample to label
    python benchmarks/bench_keyword_subjects.py            # the rates from the labels (make bench)

Draw: tfidf_keywords(by="section") with its defaults (the keyword filters on) on every
report of seeds/national and seeds/provinces-2026; of the top-10 keywords of the
numbered sections, SAMPLE drawn at random (seed SEED), written to LABELS with an empty
``label`` column. Each keyword is then labelled by reading it in its section, not by
the filters' lists: ``subject``, or what it is instead: ``quantity`` (a number, measure
word or ordinal), ``generic`` (a generic verb or adjective), ``fragment`` (a piece of a
word). The rate of non-subjects is reported with its Wilson 95% interval; the goal is at
most 1 in 10.

Six samples, each excluding the earlier ones' keywords of a section:
``keyword_subjects_sample.csv`` (seed 18) was drawn with the first three filters and then
used to choose the ``"pos"`` filter and the abstract nouns of the generic list (tuning);
``keyword_subjects_fresh.csv`` (seed 1818) was drawn with every filter on and labelled
before looking at what any filter does, then used for the ``"clauses"`` filter (tuning
since); ``keyword_subjects_fresh2.csv`` (seed 1819) was drawn on the rebuilt lexicon
and labelled by the rule in its header lines before any change, then read for the
``"clauses"`` filter and the wider net of abstract nouns (tuning since);
``keyword_subjects_fresh3.csv`` (seed 1820) was drawn with every filter on, labelled by the
same rule before looking at what any filter does, but before the lexicon's last rebuild;
``keyword_subjects_fresh4.csv`` (seed 1821) was drawn with the five filters of the time on
the rebuilt lexicon and labelled by the same rule before looking at what any filter does
(20.5%), then read for the ``"adverbs"`` filter and the rarer abstract nouns of the generic
list (tuning since); ``keyword_subjects_fresh5.csv`` (seed 1822) was drawn after that last
change, with every filter on, and labelled by the same rule before looking at what any
filter does: its rate is the measure.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
from pathlib import Path

from zjnlp.keywords import tfidf_keywords
from zjnlp.read import read_report

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "benchmarks" / "keyword_subjects_sample.csv"
FRESH = ROOT / "benchmarks" / "keyword_subjects_fresh.csv"
MAIN = ROOT / "benchmarks" / "keyword_subjects_fresh2.csv"
THIRD = ROOT / "benchmarks" / "keyword_subjects_fresh3.csv"
FOURTH = ROOT / "benchmarks" / "keyword_subjects_fresh4.csv"
LABELS = ROOT / "benchmarks" / "keyword_subjects_fresh5.csv"
SAMPLES = (
    (TUNING, "tuning sample, three filters"),
    (FRESH, "second sample, four filters (tuning since)"),
    (MAIN, "third sample, four filters on the rebuilt lexicon (tuning since)"),
    (THIRD, "fourth sample, every filter, before the lexicon rebuild"),
    (FOURTH, "fifth sample, five filters on today's lexicon (tuning since)"),
    (LABELS, "sixth sample, every filter"),
)
SAMPLE = 200
SEED = 1822
RULE = (
    "# Labelled by reading each keyword in its section, not by the filters' lists. subject: names a thing, field, institution, place, indicator, programme or activity an analyst would index the section by (教育, 低保, 知识产权保护, 济青, 达标率), a fixed policy name that is a verb phrase included (扩大内需, 提振消费).",
    '# generic: a verb, adjective or abstract noun that names no subject (落地, 优质, 地位, 空间, 文章 as in 做好…文章), an idiom or a clause (营商环境持续优化), or a generic verb or adverb stuck to a subject (新建绿色矿山, 科学开展国土绿化). quantity: a number, measure word or ordinal (万亩, 二期, 第三). fragment: a piece of a word or a string across word boundaries (中科 of 中科曙光, 建成投产大中型).',
)
GOAL = 0.10


def draw() -> None:
    rows = []
    for path in sorted((ROOT / "seeds" / "national").glob("*.txt")) + sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt")):
        table = tfidf_keywords(read_report(path))
        table = table[table["section"].notna() & table["part"].notna()]
        name = path.relative_to(ROOT / "seeds").as_posix()
        rows += [(name, int(part), int(section), int(rank), term) for part, section, rank, term in table[["part", "section", "rank", "term"]].itertuples(index=False)]
    seen = {(row["report"], int(row["part"]), int(row["section"]), row["term"]) for path, _ in SAMPLES[:-1] for row in _rows(path)}
    rows = [row for row in rows if (row[0], row[1], row[2], row[4]) not in seen]
    sample = sorted(random.Random(SEED).sample(rows, SAMPLE))
    with LABELS.open("w", newline="", encoding="utf-8") as out:
        out.write("\n".join(RULE) + "\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["report", "part", "section", "rank", "term", "label"])
        writer.writerows(row + ("",) for row in sample)
    print(f"{len(rows)} keywords in top-10 lists; {SAMPLE} drawn into {LABELS.relative_to(ROOT)}")


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of a labelled sample, less its header lines of ``#`` (the labelling rule)."""
    with path.open(encoding="utf-8") as labels:
        return list(csv.DictReader(line for line in labels if not line.startswith("#")))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def rate() -> None:
    print("top-10 TF-IDF keywords of numbered sections, drawn at random and labelled by reading")
    for path, what in SAMPLES:
        rows = _rows(path)
        kinds = {}
        for row in rows:
            kinds[row["label"]] = kinds.get(row["label"], 0) + 1
        bad = len(rows) - kinds.get("subject", 0)
        low, high = wilson(bad, len(rows))
        print(f"{what}: not a subject {bad}/{len(rows)} = {bad / len(rows):.1%} (Wilson 95% [{low:.1%}, {high:.1%}]); goal <= {GOAL:.0%}")
        print("  " + ", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items())))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="draw a new sample to label")
    draw() if parser.parse_args().draw else rate()
