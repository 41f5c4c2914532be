"""How far evidence of repetition, or a learned join, can take policy-term recall (run by `make bench`).

The labelled passages of the five sets of tests/data/policy_terms_*.csv (scripts/
sample_term_passages.py: every policy term in them labelled by reading, under
tests/data/policy_terms_codebook.md) are cut as the recall benchmark cuts them: the
held-out lexicon and ``for_text(discover=True)``. Two questions about the unquoted
occurrences that cut leaves cut (a token boundary inside them):

Ceiling of repetition. The lexicon is built from strings seen across the corpora's
reports, and ``for_text(discover=True)`` adds strings the report itself repeats
``REPORT_MIN_COUNT`` times: evidence that a string recurs. An occurrence whose string
appears in none of the other reports of seeds/national and seeds/provinces-2026 (all a
lexicon built from the corpora could know), and fewer than ``REPORT_MIN_COUNT`` times in
its own report, is out of reach of any such statistic; only knowledge of structure
reaches it (the tokenizer's modifier + head rules, which need no repetition, or a
learned join). Last run: 286 of 2,236 unquoted occurrences (12.8%) are such, so
repetition alone can keep at most 87.2% [85.8%, 88.5%] whole, against the 90% wanted.

A learned join. What is left is knowledge of phrase structure: whether two neighbouring
tokens make one term (锂离子 + 电池, 明月湖 + 科创园) or a free phrase (推进 + 改革, 重大 +
项目). A logistic regression on each boundary between two Chinese tokens inside the
passages (label: the boundary falls inside a labelled term) learns it from what a rule
could see: both tokens' jieba tags and their pair, lengths, first and last characters,
the tokens themselves, the tags of the tokens around them, the term-head and stopword
lists, how often the pair and the joined string recur in the report, and the pair's
counts and association in the reports neither held out of the lexicon nor labelled.
Leave one label set out: trained on four sets, it joins the boundaries of the fifth whose
probability passes a threshold. Last run, 40% to 60% of its joins fall outside every
labelled term (glue: 推进改革 as one token) at every threshold: 67.4% → 72.3% whole with
39.6% of 273 joins glue [34%, 45%], → 75.7% with 47.5% of 552 [43%, 52%], → 84.2% with
60.0% of 1,411 [57%, 62%]. The compound rules the tokenizer ships glue 6.7% [3.7%, 11.8%]
of their joins (tests/data/policy_joins_glue2.csv, joins drawn from the whole corpora). No model was shipped.
"""

from __future__ import annotations

import csv
import importlib.util
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from pathlib import Path

import numpy as np
from bench_tokenize import HELD_OUT_LEXICON, held_out_names
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from zjnlp.themes import wilson
from zjnlp.tokenize import (
    HAN_RUN,
    REPORT_MIN_COUNT,
    Tokenizer,
    jieba_tags,
    stopwords,
    term_heads,
)

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)
_spec = importlib.util.spec_from_file_location("sample_term_passages", ROOT / "scripts" / "sample_term_passages.py")
passages_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(passages_script)


def label_sets(tokenizer: Tokenizer) -> dict[str, list[dict]]:
    """Each label set's reports: text, tokens, passage spans and unquoted labelled (start, end)."""
    sets = {}
    for name, (reports, size) in passages_script.LABEL_SETS.items():
        with (ROOT / "tests" / "data" / name).open(encoding="utf-8") as labels:
            rows = list(csv.DictReader(labels))
        sets[name] = []
        for report in reports:
            text = (ROOT / "seeds" / report).read_text(encoding="utf-8")
            spans = [(start, start + len(line)) for start, line in passages_script.passages(report, size)]
            labelled = [row for row in rows if row["report"] == report]
            terms = [(int(row["offset"]), int(row["offset"]) + len(row["term"])) for row in labelled]
            assert all(any(a <= s and e <= b for a, b in spans) for s, e in terms), f"{report}: a label outside the passages"
            unquoted = [term for term, row in zip(terms, labelled) if row["quoted"] == "no"]
            tokens = tokenizer.for_text(text, discover=True).cut(text)
            sets[name].append({"report": report, "text": text, "tokens": tokens, "spans": spans, "terms": terms, "unquoted": unquoted})
    return sets


def cut_through(document: dict, joined: set[int] = frozenset()) -> list[tuple[int, int]]:
    """The unquoted occurrences a token boundary (other than a joined one) falls inside."""
    bounds = [at for at in accumulate(map(len, document["tokens"]), initial=0) if at not in joined]
    return [(s, e) for s, e in document["unquoted"] if (after := bisect_right(bounds, s)) < len(bounds) and bounds[after] < e]


def ceiling(sets: dict[str, list[dict]], reports: dict[str, str]) -> None:
    total = cut = unreachable = 0
    for documents in sets.values():
        for document in documents:
            others = [text for name, text in reports.items() if name != document["report"]]
            total += len(document["unquoted"])
            for s, e in cut_through(document):
                term = document["text"][s:e]
                cut += 1
                unreachable += not any(term in text for text in others) and document["text"].count(term) < REPORT_MIN_COUNT
    low, high = wilson(total - unreachable, total)
    print(f"unquoted occurrences {total}; cut by held-out + for_text(discover) {cut} ({1 - cut / total:.1%} kept whole)")
    print(
        f"cut, in none of the other {len(reports) - 1} reports and fewer than {REPORT_MIN_COUNT} times in their own: "
        f"{unreachable} ({unreachable / total:.1%}); ceiling of repetition {1 - unreachable / total:.1%} [{low:.1%}, {high:.1%}]"
    )


class BoundaryFeatures:
    """What a rule could see at the boundary between two Chinese tokens."""

    def __init__(self, corpus: list[str], tokenizer: Tokenizer) -> None:
        self.tags, self.heads = jieba_tags(), term_heads()
        self.skip = stopwords("general") | stopwords("policy")
        self.tokenizer = tokenizer
        self.counts, self.pairs = Counter(), Counter()
        for text in corpus:
            tokens = tokenizer.cut(text)
            self.counts.update(tokens)
            self.pairs.update(zip(tokens, tokens[1:]))
        self.total = sum(self.counts.values())

    def tag(self, token: str) -> str:
        if token in self.tags:
            return self.tags[token]
        if not HAN_RUN.fullmatch(token):
            return "other"
        return "lexicon" if token in self.tokenizer else "unknown"

    def __call__(self, document: dict) -> list[tuple[dict, bool, int]]:
        """(features, inside a labelled term, offset) of each boundary between two Chinese tokens in the passages."""
        tokens, text = document["tokens"], document["text"]
        starts = list(accumulate(map(len, tokens), initial=0))
        inside = {at for s, e in document["terms"] for at in range(s + 1, e)}
        report_pairs = Counter(zip(tokens, tokens[1:]))
        rows = []
        for i in range(1, len(tokens)):
            left, right, at = tokens[i - 1], tokens[i], starts[i]
            if not (HAN_RUN.fullmatch(left) and HAN_RUN.fullmatch(right)) or not any(a < at < b for a, b in document["spans"]):
                continue
            before = self.tag(tokens[i - 2]) if i >= 2 else "start"
            after = self.tag(tokens[i + 1]) if i + 1 < len(tokens) else "end"
            pair = self.pairs[left, right]
            features = {
                f"tag_left={self.tag(left)}": 1,
                f"tag_right={self.tag(right)}": 1,
                f"tags={self.tag(left)}|{self.tag(right)}": 1,
                f"tag_before={before}": 1,
                f"tag_after={after}": 1,
                f"lengths={min(len(left), 5)}|{min(len(right), 5)}": 1,
                f"left={left}": 1,
                f"right={right}": 1,
                f"left_first={left[0]}": 1,
                f"left_last={left[-1]}": 1,
                f"right_first={right[0]}": 1,
                f"right_last={right[-1]}": 1,
                "right_is_head": right in self.heads,
                "left_is_stopword": left in self.skip,
                "right_is_stopword": right in self.skip,
                "pair_in_report": np.log1p(report_pairs[left, right]),
                "string_in_report": np.log1p(text.count(left + right)),
                "pair_in_corpus": np.log1p(pair),
                "pmi_in_corpus": np.log((pair + 0.5) * self.total / ((self.counts[left] + 1) * (self.counts[right] + 1))) / 10,
                "pair_share_of_left": (pair + 0.5) / (self.counts[left] + 1),
                "pair_share_of_right": (pair + 0.5) / (self.counts[right] + 1),
            }
            rows.append((features, at in inside, at))
        return rows


def learned_joins(sets: dict[str, list[dict]], features: BoundaryFeatures) -> None:
    boundaries = {name: [features(document) for document in documents] for name, documents in sets.items()}
    results = {threshold: Counter() for threshold in THRESHOLDS}
    for test in sets:
        train = [row for name in sets if name != test for document in boundaries[name] for row in document]
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        model.fit(vectorizer.fit_transform([f for f, _, _ in train]), [label for _, label, _ in train])
        for document, rows in zip(sets[test], boundaries[test]):
            probability = model.predict_proba(vectorizer.transform([f for f, _, _ in rows]))[:, 1]
            for threshold, counts in results.items():
                joined = {at for (_, _, at), p in zip(rows, probability) if p >= threshold}
                counts["total"] += len(document["unquoted"])
                counts["before"] += len(document["unquoted"]) - len(cut_through(document))
                counts["after"] += len(document["unquoted"]) - len(cut_through(document, joined))
                counts["joins"] += len(joined)
                counts["glue"] += sum(not label for (_, label, at), p in zip(rows, probability) if p >= threshold)
    print("\nleave one label set out: a logistic regression joins the boundaries it scores at or above the threshold")
    print(f"{'threshold':>9} {'kept whole':>26} {'joins':>6} {'glue (inside no labelled term)':>34}")
    for threshold, counts in results.items():
        low, high = wilson(counts["glue"], counts["joins"])
        print(
            f"{threshold:>9} {counts['before'] / counts['total']:6.1%} -> {counts['after'] / counts['total']:6.1%}"
            f" ({counts['after']:>4}/{counts['total']}) {counts['joins']:>6} {counts['glue'] / counts['joins']:>12.1%} [{low:.0%}, {high:.0%}]"
        )


def main() -> None:
    tokenizer = Tokenizer(dictionary=HELD_OUT_LEXICON)
    reports = {
        path.relative_to(ROOT / "seeds").as_posix(): path.read_text(encoding="utf-8")
        for folder in ("national", "provinces-2026")
        for path in sorted((ROOT / "seeds" / folder).glob("*.txt"))
    }
    sets = label_sets(tokenizer)
    ceiling(sets, reports)
    # the classifier's corpus counts leave out every report held out of the lexicon or labelled
    unseen = set(held_out_names()) | {report for names, _size in passages_script.LABEL_SETS.values() for report in names}
    corpus = [text for name, text in reports.items() if name not in unseen]
    learned_joins(sets, BoundaryFeatures(corpus, tokenizer))


if __name__ == "__main__":
    main()
