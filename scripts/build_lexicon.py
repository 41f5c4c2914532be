"""Build zjnlp's policy lexicon from the reference corpora, reproducibly.

    python scripts/build_lexicon.py              # zjnlp/data/policy_lexicon.txt, from every report
    python scripts/build_lexicon.py --held-out   # tests/data/policy_lexicon_heldout.txt, without HELD_OUT
    python scripts/build_lexicon.py --check      # exit 1 if either committed file differs from a rebuild

After rebuilding zjnlp/data/policy_lexicon.txt, rebuild the national word counts that
keyness and TF-IDF read (keyed by the lexicon's hash; tests/test_reference.py fails
until they match):

    python scripts/build_national_counts.py

A term enters the lexicon from three sources, each drawn only from the reports used:
1. the terms the reports put in quotation marks (zjnlp.tokenize.harvest_quoted_terms);
2. new-word discovery over the reports (zjnlp.tokenize.discover_words): candidates of
   high cohesion and boundary freedom that are not phrases of function words or of
   policy boilerplate;
3. the hand-written list scripts/lexicon_curated.txt.
Terms jieba's dictionary already holds, and terms jieba's block pattern cannot keep whole,
are left out. Each term gets the frequency that makes jieba keep it whole on its own
(jieba's suggest_freq on jieba's dictionary), at least FLOOR, so that it also holds
against neighbouring words.

The reports are the project's reference corpora in seeds/ (built from the raw sources
by scripts/build_corpora.py), so the build needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import rjieba

from zjnlp.tokenize import (
    ALIGNED,
    MAX_TERM_LENGTH,
    Tokenizer,
    discover_words,
    harvest_quoted_terms,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CURATED = ROOT / "scripts" / "lexicon_curated.txt"
LEXICON = ROOT / "zjnlp" / "data" / "policy_lexicon.txt"
HELD_OUT_LEXICON = ROOT / "tests" / "data" / "policy_lexicon_heldout.txt"

# Reports kept out of the held-out build; tests/test_tokenize.py measures recall on them.
HELD_OUT = (
    "national/2024-李强.txt",
    "national/2025-李强.txt",
    "provinces-2026/广东省.txt",
    "provinces-2026/四川省.txt",
    "provinces-2026/浙江省.txt",
    "provinces-2026/甘肃省.txt",
    "provinces-2026/西藏自治区.txt",
    "provinces-2026/河南省.txt",
    "provinces-2026/湖北省.txt",
    "provinces-2026/山东省.txt",
)
FLOOR = 100
DISCOVERY_MIN_COUNT = 4
MAX_LEN = 8
MIN_SCORE = 5.0  # a candidate's discovery score: log(count) * PMI * the lower boundary entropy
# jieba segments only runs of these characters; a word with any other cannot come out whole.
_JIEBA_BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%-]+")
_HAN = re.compile("[\u4e00-\u9fd5]")


def corpus_files(*, held_out: bool) -> list[Path]:
    files = sorted(SEEDS.glob("national/*.txt")) + sorted(SEEDS.glob("provinces-2026/*.txt"))
    if held_out:
        files = [path for path in files if path.relative_to(SEEDS).as_posix() not in HELD_OUT]
    return files


def curated_terms() -> list[str]:
    lines = (line.strip() for line in CURATED.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def discovered_terms(texts: list[str]) -> list[str]:
    """New words of the reports: candidates jieba's dictionary lacks, that are not phrases and join whole jieba tokens."""
    table = discover_words(texts, min_count=DISCOVERY_MIN_COUNT, max_len=MAX_LEN, tokenizer=Tokenizer(dictionary="jieba"), new_only=True)
    return table.word[table.score >= MIN_SCORE].tolist()


def build(*, held_out: bool) -> str:
    files = corpus_files(held_out=held_out)
    texts = [path.read_text(encoding="utf-8") for path in files]
    sources = {
        "terms the reports put in quotation marks": sorted({term for text in texts for term in harvest_quoted_terms(text) if _HAN.match(term)}),
        "new-word discovery": discovered_terms(texts),
        "curated (scripts/lexicon_curated.txt)": curated_terms(),
    }
    jieba = rjieba.Jieba()
    seen: set[str] = set()
    sections = []
    for title, terms in sources.items():
        lines = []
        for term in terms:
            if term in seen or jieba.has_word(term) or len(term) < 2 or not _JIEBA_BLOCK.fullmatch(term):
                continue
            seen.add(term)
            lines.append(f"{term} {max(jieba.suggest_freq(term), FLOOR)}")
        sections.append(f"# --- {title}: {len(lines)} terms\n" + "\n".join(lines))
    return _header(files, held_out=held_out, terms=len(seen)) + "\n".join(sections) + "\n"


def _header(files: list[Path], *, held_out: bool, terms: int) -> str:
    national = [path for path in files if path.parent.name == "national"]
    provinces = [path for path in files if path.parent.name != "national"]
    which = (
        "the reports below EXCEPT the held-out ones, so that tests/test_tokenize.py can measure recall on reports the lexicon has not seen"
        if held_out
        else "every report below"
    )
    return f"""# zjnlp policy lexicon: multi-character terms of Chinese policy language.
# Format: jieba's dictionary format, "word frequency" a line. Lines starting with "#" are
# comments: jieba.load_userdict would read them as words, so strip them first (zjnlp's
# Tokenizer does).
# Built by scripts/build_lexicon.py{" --held-out" if held_out else ""} from {which}:
#   {len(national)} national reports (seeds/national/, 1954-2025) and {len(provinces)} provincial reports
#   of 2026 (seeds/provinces-2026/); see seeds/*/README.md for their sources.
# Held out of the held-out build: {", ".join(HELD_OUT)}.
# Sources, in order (a term is listed under the first that gives it):
#   1. every term the reports put in quotation marks, filtered by harvest_quoted_terms
#      (2-{MAX_TERM_LENGTH} characters, a Chinese character, no white space or sentence
#      punctuation), that starts with a Chinese character (not “15条”, “N个1”);
#   2. new-word discovery over the same reports (discover_words with new_only=True,
#      min_count={DISCOVERY_MIN_COUNT}, max_len={MAX_LEN}, on jieba's dictionary): candidates of score {MIN_SCORE} or more
#      (log(count) x PMI x the lower of left and right entropy), leaving out those that
#      start or end with a general stopword or a numeral, hold 的, start with a
#      policy-boilerplate word or end with 建设 or 工作, and those that start or end inside a jieba token in more
#      than {1 - ALIGNED:.0%} of their occurrences (河流域 from 黄河/流域);
#   3. scripts/lexicon_curated.txt, general policy vocabulary written by hand for the
#      project (not from the seed page or the held-out reports).
# No outside word list: CC-CEDICT, the openly licensed Chinese word list within reach, is
# CC BY-SA 4.0, whose share-alike terms would bind this MIT-licensed lexicon; jieba's own
# dictionary (MIT) is what every term is checked against.
# Left out: words jieba's dictionary holds, and words with characters jieba never joins.
# Frequency: jieba's suggest_freq on its own dictionary (what keeps the term whole when
# it stands alone), at least {FLOOR}.
# {terms} terms.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help=f"build {HELD_OUT_LEXICON.relative_to(ROOT)} without the held-out reports")
    parser.add_argument("--check", action="store_true", help="rebuild both lexicons in memory; exit 1 if a committed file differs")
    args = parser.parse_args(argv)
    targets = [(LEXICON, False), (HELD_OUT_LEXICON, True)] if args.check else [(HELD_OUT_LEXICON if args.held_out else LEXICON, args.held_out)]
    stale = False
    for path, held_out in targets:
        text = build(held_out=held_out)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path.relative_to(ROOT)} differs from a rebuild", file=sys.stderr)
                stale = True
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10)) - text.count(chr(10) + '#')} lines")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
