"""Tokenizer throughput, jieba parity and held-out recall (run by `make bench`).

Throughput: every national report in seeds/national/ (1954-2025), cut one report at a
time in one process, best of REPEATS passes (the machine is shared, so the best pass is
the least disturbed one). Rows, for jieba's dictionary and for the policy dictionary:
jieba (a jieba.Tokenizer of its own, the lexicon loaded with load_userdict), rjieba as
it comes (the engine), and zjnlp's Tokenizer; "same tokens" compares with jieba's.
Recall: the share of policy-term occurrences no token boundary cuts through, on the
reports held out of tests/data/policy_lexicon_heldout.txt and on the seed page, for the
terms of tests/data/unquoted_terms.txt (written from the same knowledge as the curated
list: it measures survival) and, beside it, for the terms labelled by reading passages of
held-out reports under tests/data/policy_terms_codebook.md (it measures generalisation):
the first set (tests/data/policy_terms_labels.csv), read while the lexicon and the
compound rules were improved, the fresh set (tests/data/policy_terms_fresh.csv),
labelled after them and then read while the quantity-verb and name-head rules were
written, and the third set (tests/data/policy_terms_fresh2.csv: 重庆, 湖南), labelled
before those rules and measured once they were fixed; the fourth set
(tests/data/policy_terms_fresh3.csv: 2024 national, 浙江), labelled before the next round
of rules, measured once with them and read for the misses since; and the fifth
(tests/data/policy_terms_fresh4.csv: 四川, 甘肃), labelled after every rule and never
tuned on; with Wilson 95% intervals. Last run: unquoted terms kept whole with
for_text(discover=True) 65.6% [61%, 70%] on the fifth set, jieba 13.9%; 72.3% [68%, 76%]
on the fourth (71.0% before that round), jieba 20.8%; 75.3%, 57.0% and 63.1% on the
three sets tuned on. benchmarks/bench_term_ceiling.py measures how far more statistics
or a learned join could take these figures.
Lexicon entries: the share of a random sample of the lexicon's entries that are terms by
reading (benchmarks/lexicon_entries_sample.csv, the rule in its header lines).
"""

from __future__ import annotations

import csv
import tempfile
import time
from bisect import bisect_right
from functools import partial
from itertools import accumulate
from pathlib import Path

import rjieba

from zjnlp.corpus import SEED_PAGE
from zjnlp.read import read_report
from zjnlp.themes import wilson
from zjnlp.tokenize import (
    POLICY_LEXICON,
    Tokenizer,
    harvest_quoted_terms,
    jieba_tokenizer,
    terms_kept_whole,
)

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5
HELD_OUT_LEXICON = ROOT / "tests" / "data" / "policy_lexicon_heldout.txt"


def best_time(cut, texts: list[str], repeats: int = REPEATS) -> tuple[float, list[list[str]]]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        tokens = [cut(text) for text in texts]
        times.append(time.perf_counter() - start)
    return min(times), tokens


def once(build) -> tuple[float, object]:
    start = time.perf_counter()
    value = build()
    return time.perf_counter() - start, value


def throughput(texts: list[str]) -> None:
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    lexicon_words = Path(tempfile.mkdtemp()) / "policy_lexicon_words.txt"
    packaged = (ROOT / "zjnlp" / "data" / POLICY_LEXICON).read_text(encoding="utf-8").splitlines()
    lexicon_words.write_text("\n".join(line for line in packaged if not line.startswith("#")), encoding="utf-8")

    def engine(dictionary: str) -> rjieba.Jieba:
        raw = rjieba.Jieba()
        if dictionary == "policy":
            for line in lexicon_words.read_text(encoding="utf-8").splitlines():
                word, freq = line.split()
                raw.add_word(word, int(freq), None)
        return raw

    print(f"national corpus: {len(texts)} reports, {megabytes:.2f} MB (UTF-8); best of {REPEATS} passes")
    print(f"{'dictionary':<10} {'tokenizer':<28} {'load s':>7} {'cut s':>7} {'MB/s':>6} {'x jieba':>8} {'vs rjieba':>10} {'same tokens':>12}")
    for dictionary in ("jieba", "policy"):
        load_jieba, reference = once(jieba_tokenizer)
        if dictionary == "policy":
            more, _ = once(partial(reference.load_userdict, str(lexicon_words)))
            load_jieba += more
        seconds_jieba, expected = best_time(reference.lcut, texts, repeats=1)
        load_raw, raw = once(partial(engine, dictionary))
        load_zjnlp, tokenizer = once(partial(Tokenizer, dictionary=dictionary))
        seconds = {"raw": [], "zjnlp": []}
        for _ in range(REPEATS):  # interleaved, so that both see the same load
            seconds["raw"].append(best_time(raw.cut, texts, repeats=1)[0])
            elapsed, got = best_time(tokenizer.cut, texts, repeats=1)
            seconds["zjnlp"].append(elapsed)
        _, raw_tokens = best_time(raw.cut, texts, repeats=1)
        rows = [
            ("jieba", load_jieba, seconds_jieba, expected),
            ("rjieba (raw engine)", load_raw, min(seconds["raw"]), raw_tokens),
            (f'zjnlp Tokenizer("{dictionary}")', load_zjnlp, min(seconds["zjnlp"]), got),
        ]
        for name, load, cut_seconds, tokens in rows:
            same = sum(a == b for a, b in zip(tokens, expected))
            print(
                f"{dictionary:<10} {name:<28} {load:7.2f} {cut_seconds:7.2f} {megabytes / cut_seconds:6.1f} "
                f"{seconds_jieba / cut_seconds:8.1f} {min(seconds['raw']) / cut_seconds:9.0%} {same:>6}/{len(texts)}"
            )
    base = Tokenizer()
    build, documents = once(lambda: [base.for_text(text) for text in texts])
    seconds_for_text, _ = best_time(lambda pair: pair[0].cut(pair[1]), list(zip(documents, texts)))
    print(
        f"for_text: building {len(texts)} document tokenizers {build:.2f} s; cutting with them "
        f"{seconds_for_text:.2f} s ({megabytes / seconds_for_text:.1f} MB/s)"
    )
    build, documents = once(lambda: [base.for_text(text, discover=True) for text in texts])
    seconds_for_text, _ = best_time(lambda pair: pair[0].cut(pair[1]), list(zip(documents, texts)), repeats=1)
    print(
        f"for_text(discover=True): building {len(texts)} document tokenizers {build:.2f} s; cutting with them "
        f"{seconds_for_text:.2f} s ({megabytes / seconds_for_text:.1f} MB/s)"
    )



LABELS = {
    "first set (read while the rules were improved)": "policy_terms_labels.csv",
    "fresh set (labelled after)": "policy_terms_fresh.csv",
    "third set (labelled before the last rules)": "policy_terms_fresh2.csv",
    "fourth set (labelled before the chain rules, read for the misses since)": "policy_terms_fresh3.csv",
    "fifth set (labelled after every rule, never tuned on)": "policy_terms_fresh4.csv",
}


def labelled_recall() -> None:
    """Recall on the occurrences labelled by reading, quoted and unquoted apart, for each label set.

    "whole": no token boundary inside the occurrence (a longer token holding it counts).
    "exact": also a boundary at both its edges, so the token is the term itself, not a
    longer string glued to its neighbours (what over-joining would lower).
    """
    base = Tokenizer(dictionary=HELD_OUT_LEXICON)
    cutters = {
        "jieba's dictionary (jieba.lcut)": jieba_tokenizer().lcut,
        "held-out lexicon, no harvesting": base.cut,
        "held-out lexicon + for_text": lambda text: base.for_text(text).cut(text),
        "held-out + for_text(discover)": lambda text: base.for_text(text, discover=True).cut(text),
    }
    for title, name in LABELS.items():
        with (ROOT / "tests" / "data" / name).open(encoding="utf-8") as labels:
            rows = list(csv.DictReader(labels))
        texts = {report: (ROOT / "seeds" / report).read_text(encoding="utf-8") for report in sorted({row["report"] for row in rows})}
        print(f"\nrecall on terms labelled by reading, {title}: {len(rows)} occurrences in {', '.join(texts)} (tests/data/{name})")
        print(f"{'tokenizer':<34} {'quoted: whole':>28} {'unquoted: whole':>28} {'unquoted: exact':>28}")
        for cutter, cut in cutters.items():
            cuts = {report: list(accumulate(map(len, cut(text)), initial=0)) for report, text in texts.items()}
            counts = {"yes": [0, 0], "no": [0, 0], "exact": [0, 0]}
            for row in rows:
                at, end, bounds = int(row["offset"]), int(row["offset"]) + len(row["term"]), cuts[row["report"]]
                after = bisect_right(bounds, at)
                whole = after == len(bounds) or bounds[after] >= end
                counts[row["quoted"]][0] += whole
                counts[row["quoted"]][1] += 1
                if row["quoted"] == "no":
                    counts["exact"][0] += whole and bounds[after - 1] == at and end in bounds
                    counts["exact"][1] += 1
            cells = []
            for kept, total in counts.values():
                low, high = wilson(kept, total)
                cells.append(f"{kept / total:6.1%} [{low:.0%}, {high:.0%}] ({kept:>3}/{total:<3})")
            print(f"{cutter:<34} {cells[0]:>28} {cells[1]:>28} {cells[2]:>28}")


def held_out_names() -> list[str]:
    """The reports the held-out lexicon was built without, as its header names them (national/2024-李强.txt …)."""
    header = HELD_OUT_LEXICON.read_text(encoding="utf-8").splitlines()
    return next(line for line in header if line.startswith("# Held out")).partition(": ")[2].rstrip(".").split(", ")


def recall() -> None:
    held_out = [(ROOT / "seeds" / name).read_text(encoding="utf-8") for name in held_out_names()]
    seed = read_report(SEED_PAGE).text
    unquoted_lines = (ROOT / "tests" / "data" / "unquoted_terms.txt").read_text(encoding="utf-8").splitlines()
    unquoted = [line for line in unquoted_lines if line and not line.startswith("#")]
    reference = jieba_tokenizer()
    base = Tokenizer(dictionary=HELD_OUT_LEXICON)
    cutters = {
        "jieba's dictionary (jieba.lcut)": reference.lcut,
        "held-out lexicon, no harvesting": base.cut,
        "held-out lexicon + for_text": lambda text: base.for_text(text).cut(text),
    }
    print(f"\nrecall: share of term occurrences kept whole; {len(held_out)} held-out reports, {len(unquoted)} unquoted terms")
    print(f"{'corpus':<10} {'tokenizer':<34} {'quoted terms':>18} {'unquoted terms':>18}")
    for corpus, texts in (("held-out", held_out), ("seed page", [seed])):
        for name, cut in cutters.items():
            quoted = common = (0, 0)
            for text in texts:
                tokens = cut(text)
                quoted = tuple(map(sum, zip(quoted, terms_kept_whole(tokens, text, harvest_quoted_terms(text)))))
                common = tuple(map(sum, zip(common, terms_kept_whole(tokens, text, unquoted))))
            print(
                f"{corpus:<10} {name:<34} {quoted[0] / quoted[1]:6.1%} ({quoted[0]:>4}/{quoted[1]:<4}) "
                f"{common[0] / common[1]:6.1%} ({common[0]:>4}/{common[1]:<4})"
            )


def lexicon_entries() -> None:
    """The share of the policy lexicon's entries that are terms, on a random sample read by hand."""
    path = ROOT / "benchmarks" / "lexicon_entries_sample.csv"
    with path.open(encoding="utf-8") as sample:
        rows = list(csv.DictReader(line for line in sample if not line.startswith("#")))
    terms = sum(row["label"] == "term" for row in rows)
    low, high = wilson(terms, len(rows))
    print(f"\npolicy lexicon entries that are terms, by reading a random sample ({path.name}): "
          f"{terms}/{len(rows)} = {terms / len(rows):.0%} [{low:.0%}, {high:.0%}]")
    print("not terms: " + ", ".join(f"{row['entry']} ({row['note']})" for row in rows if row["label"] != "term"))


def main() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds" / "national").glob("*.txt"))]
    throughput(texts)
    recall()
    labelled_recall()
    lexicon_entries()


if __name__ == "__main__":
    main()
