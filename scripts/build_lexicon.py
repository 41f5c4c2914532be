"""Build zjnlp's policy lexicon from the reference corpora, reproducibly.

    python scripts/build_lexicon.py              # zjnlp/data/policy_lexicon.txt, from every report
    python scripts/build_lexicon.py --held-out   # tests/data/policy_lexicon_heldout.txt, without HELD_OUT
    python scripts/build_lexicon.py --check      # exit 1 if either committed file differs from a rebuild

After rebuilding zjnlp/data/policy_lexicon.txt, rebuild the national word counts that
keyness and TF-IDF read (keyed by the lexicon's hash; tests/test_reference.py fails
until they match):

    python scripts/build_national_counts.py

A term enters the lexicon from four sources, each drawn only from the reports used:
1. the terms the reports put in quotation marks (zjnlp.tokenize.harvest_quoted_terms);
2. new-word discovery over the reports (zjnlp.tokenize.discover_words): candidates of
   high cohesion and boundary freedom that are not phrases of function words or of
   policy boilerplate, nor clauses (is_clause: 遵循客观规律, 转型升级步伐加快);
3. the hand-written list scripts/lexicon_curated.txt;
4. compounds of whole tokens (compound_terms): two neighbouring tokens of the reports,
   cut with sources 1-3, that occur together often, across reports and in varied
   contexts (地方债务, 中央预算内投资), and make a noun phrase.
Terms jieba's dictionary already holds, and terms jieba's block pattern cannot keep whole,
are left out. Each term gets the frequency that makes jieba keep it whole on its own
(jieba's suggest_freq on jieba's dictionary), at least FLOOR, so that it also holds
against neighbouring words.

The reports are the project's reference corpora in seeds/ (built from the raw sources
by scripts/build_corpora.py), so the build needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import count
from pathlib import Path

import rjieba

from zjnlp.tokenize import (
    ALIGNED,
    HAN_RUN,
    MAX_TERM_LENGTH,
    NOMINAL_TAGS,
    Tokenizer,
    discover_words,
    harvest_quoted_terms,
    jieba_tags,
    stopwords,
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
    "provinces-2026/重庆市.txt",
    "provinces-2026/湖南省.txt",
)
FLOOR = 100
DISCOVERY_MIN_COUNT = 4
MAX_LEN = 8
MIN_SCORE = 5.0  # a candidate's discovery score: log(count) * PMI * the lower boundary entropy
OPENER_MIN_TERMS = 2  # a verb that opens this many quoted or curated terms may open a term
COMPOUND_MIN_COUNT = 3
COMPOUND_MIN_REPORTS = 2
COMPOUND_MIN_PMI = 3.0
COMPOUND_MIN_ENTROPY = 0.3
# A verb the reports follow with a number this often, in this many occurrences or more,
# reports a quantity (增长 5%, 达到 100): a term does not end with it.
QUANTITY_MIN_SHARE = 0.2
QUANTITY_MIN_COUNT = 20
_NUMBER = re.compile("[0-9.%]+|[〇一二三四五六七八九十百千万亿两几]+")
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


# jieba's tags (zjnlp.tokenize.jieba_tags) that make a string a clause, not a term, when
# its first or last word has them, or when a word inside it has them.
_CLAUSE_FIRST = frozenset({"d", "p", "c", "r", "m", "q", "ad", "vd", "u", "uj", "ul", "y", "f", "k"})
_CLAUSE_LAST = frozenset({"d", "p", "c", "r", "m", "q", "ad", "u", "uj", "ul", "y", "f"})
_CLAUSE_INSIDE = frozenset({"c", "p", "u", "uj", "ul", "y"})
_ADVERB = frozenset({"d", "ad", "vd"})
_VERB = frozenset({"v", "vn", "vd"})


def _adverb_and_verb(word: str) -> bool:
    """Whether a word of jieba's dictionary is an adverb and a verb that the dictionary
    holds apart: 充分发挥, 大力发展, 坚决贯彻, whatever tag (n, nz, i) the whole has."""
    tags = jieba_tags()
    return len(word) > 2 and any(
        tags.get(word[:i]) in _ADVERB and tags.get(word[i:]) in _VERB for i in range(1, len(word))
    )


def is_clause(term: str, jieba: rjieba.Jieba, openers: frozenset[str] = frozenset(), quantity: frozenset[str] = frozenset()) -> bool:
    """Whether ``term`` reads as a clause, not a noun-like term an analyst would count.

    ``term`` is cut into jieba's words (no HMM) and tagged with jieba's dictionary: a
    clause opens with an adverb, preposition, pronoun, numeral, function word or
    suffix (型城市), or with a word the dictionary holds whole that is an adverb and a verb
    (充分发挥中央, 坚决贯彻习近平总书记); or
    opens with a verb and ends with anything but a verb (verb + object: 遵循客观规律,
    用于发展, 入选首批国家级; verb + verb such as 辐射带动 stays), unless the verb is one
    of ``openers``, verbs that open terms elsewhere (创新 of the quoted terms); or ends with an adverb,
    numeral or function word, with a policy boilerplate verb (转型升级步伐加快) or with
    one of ``quantity``, verbs that report a quantity (生产总值增长, 比例达: see
    :func:`quantity_verbs`); or holds a conjunction, preposition or particle (牢固树立和践行).
    """
    words = jieba.cut(term, False)
    if len(words) < 2:
        return False
    tags = [jieba_tags().get(word, "") for word in words]
    return (
        tags[0] in _CLAUSE_FIRST
        or _adverb_and_verb(words[0])
        or (tags[0] == "v" and tags[-1] != "v" and words[0] not in openers)
        or tags[-1] in _CLAUSE_LAST
        or (tags[-1] == "v" and words[-1] in stopwords("policy"))
        or words[-1] in quantity
        or any(tag in _CLAUSE_INSIDE for tag in tags[1:-1])
    )


def discovered_terms(texts: list[str], openers: frozenset[str], quantity: frozenset[str]) -> list[str]:
    """New words of the reports: candidates jieba's dictionary lacks, that are not phrases or clauses and join whole jieba tokens."""
    table = discover_words(texts, min_count=DISCOVERY_MIN_COUNT, max_len=MAX_LEN, tokenizer=Tokenizer(dictionary="jieba"), new_only=True)
    jieba = rjieba.Jieba()
    return [word for word in table.word[table.score >= MIN_SCORE] if not is_clause(word, jieba, openers, quantity)]


def quantity_verbs(texts: list[str], jieba: rjieba.Jieba) -> frozenset[str]:
    """Verbs that report a quantity: words jieba's dictionary tags v or vn that the reports
    (cut by jieba, no HMM) follow with a number, in Arabic or Chinese numerals, in at least
    QUANTITY_MIN_SHARE of their QUANTITY_MIN_COUNT or more occurrences (增长, 达到, 突破,
    超过, 下降). A string ending with one states a figure (工业增加值增长, 比例达)."""
    tags = jieba_tags()
    seen: Counter[str] = Counter()
    numbered: Counter[str] = Counter()
    for text in texts:
        for line in text.splitlines():
            tokens = jieba.cut(line, False)
            for word, after in zip(tokens, tokens[1:]):
                if tags.get(word) in ("v", "vn"):
                    seen[word] += 1
                    numbered[word] += bool(_NUMBER.fullmatch(after))
    return frozenset(word for word, times in seen.items() if times >= QUANTITY_MIN_COUNT and numbered[word] >= QUANTITY_MIN_SHARE * times)


def term_openers(terms: list[str], jieba: rjieba.Jieba) -> frozenset[str]:
    """Words that open OPENER_MIN_TERMS or more of ``terms`` of two words or more: evidence that a verb also modifies (创新)."""
    firsts = Counter(words[0] for words in (jieba.cut(term, False) for term in terms) if len(words) > 1)
    return frozenset(word for word, times in firsts.items() if times >= OPENER_MIN_TERMS)


def compound_terms(texts: list[str], tokenizer: Tokenizer, openers: frozenset[str], quantity: frozenset[str]) -> list[str]:
    """Pairs of whole tokens the reports join often, by chance rarely, in varied contexts.

    Every two neighbouring tokens of Chinese characters (the reports cut by
    ``tokenizer``: jieba's dictionary plus the lexicon's other sources) are a candidate
    when neither is a stopword (general or policy) and together they are at most
    MAX_TERM_LENGTH characters. Kept: seen COMPOUND_MIN_COUNT times in COMPOUND_MIN_REPORTS
    reports or more, pointwise mutual information of the two tokens at least COMPOUND_MIN_PMI,
    entropy of the token before and of the token after at least COMPOUND_MIN_ENTROPY (a
    line's edge counts as a new neighbour each time), and a noun phrase: not a clause
    (:func:`is_clause`), not opening with a verb or an adjective of two characters or
    more (an adjective of one character may: 新时代, 新业态), ending with a noun or with
    a fixed expression that ends with one (全民国防教育).
    """
    skip = stopwords("general") | stopwords("policy")
    unigrams: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    reports: dict[tuple[str, str], set[int]] = defaultdict(set)
    before: dict[tuple[str, str], Counter] = defaultdict(Counter)
    after: dict[tuple[str, str], Counter] = defaultdict(Counter)
    edges = count()
    for number, text in enumerate(texts):
        for line in text.splitlines():
            tokens = tokenizer.cut(line)
            unigrams.update(tokens)
            for at in range(len(tokens) - 1):
                pair = tokens[at], tokens[at + 1]
                if pair[0] in skip or pair[1] in skip or len(pair[0]) + len(pair[1]) > MAX_TERM_LENGTH:
                    continue
                if not (HAN_RUN.fullmatch(pair[0]) and HAN_RUN.fullmatch(pair[1])):
                    continue
                pairs[pair] += 1
                reports[pair].add(number)
                before[pair][tokens[at - 1] if at else next(edges)] += 1
                after[pair][tokens[at + 2] if at + 2 < len(tokens) else next(edges)] += 1
    total = sum(unigrams.values())
    jieba = rjieba.Jieba()
    kept = []
    for pair, seen in sorted(pairs.items()):
        if seen < COMPOUND_MIN_COUNT or len(reports[pair]) < COMPOUND_MIN_REPORTS:
            continue
        pmi = math.log(seen * total / (unigrams[pair[0]] * unigrams[pair[1]]))
        if pmi < COMPOUND_MIN_PMI or min(_entropy(before[pair]), _entropy(after[pair])) < COMPOUND_MIN_ENTROPY:
            continue
        if _is_noun("".join(pair), jieba, openers, quantity):
            kept.append("".join(pair))
    return kept


# jieba's tags of nouns, verbal and adjectival nouns and abbreviations: what a compound ends with.
_NOUN_TAGS = NOMINAL_TAGS - {"s"}  # a place word (s: 东部, 身边) does not end a term


def _is_noun(term: str, jieba: rjieba.Jieba, openers: frozenset[str], quantity: frozenset[str]) -> bool:
    """A noun phrase: not a clause, ends with a noun (tags of jieba's dictionary), and does
    not open with a verb or with an adjective of two characters or more. An adjective of
    one character opens terms (新 + 时代, 新 + 业态, 重 + 特大事故) that jieba's
    dictionary cuts, while one of two (重要 + 领域, 良好 + 环境) modifies freely. The
    noun at the end may be a fixed expression of the dictionary (tag l) that itself ends
    with a noun: 全民 + 国防教育, 司法 + 体制改革 (国防教育, 体制改革 are l)."""
    words = jieba.cut(term, False)
    tags = jieba_tags()
    first = tags.get(words[0])
    return (
        not is_clause(term, jieba, openers, quantity)
        and first != "v"
        and not (first == "a" and len(words[0]) > 1)
        and (tags.get(words[-1]) in _NOUN_TAGS or _ends_with_noun(words[-1], jieba))
    )


def _ends_with_noun(word: str, jieba: rjieba.Jieba) -> bool:
    """Whether ``word`` is a fixed expression of jieba's dictionary (tag l) whose last word,
    cut without its first character (so that the whole is not found again), is a noun."""
    tags = jieba_tags()
    return tags.get(word) == "l" and len(word) > 2 and tags.get(jieba.cut(word[1:], False)[-1]) in _NOUN_TAGS


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    return -sum(n / total * math.log(n / total) for n in counts.values())


def _entries(terms: list[str], seen: set[str], jieba: rjieba.Jieba) -> list[str]:
    """Dictionary lines for the terms not seen yet, not in jieba's dictionary, that jieba can keep whole."""
    lines = []
    for term in terms:
        if term in seen or jieba.has_word(term) or len(term) < 2 or not _JIEBA_BLOCK.fullmatch(term):
            continue
        seen.add(term)
        lines.append(f"{term} {max(jieba.suggest_freq(term), FLOOR)}")
    return lines


def build(*, held_out: bool) -> str:
    files = corpus_files(held_out=held_out)
    texts = [path.read_text(encoding="utf-8") for path in files]
    jieba = rjieba.Jieba()
    quoted = sorted({term for text in texts for term in harvest_quoted_terms(text) if _HAN.match(term)})
    openers = term_openers(quoted + curated_terms(), jieba)
    quantity = quantity_verbs(texts, jieba)
    sources = {
        "terms the reports put in quotation marks": quoted,
        "new-word discovery": discovered_terms(texts, openers, quantity),
        "curated (scripts/lexicon_curated.txt)": curated_terms(),
    }
    seen: set[str] = set()
    sections = {title: _entries(terms, seen, jieba) for title, terms in sources.items()}
    with tempfile.TemporaryDirectory() as folder:
        so_far = Path(folder) / "lexicon.txt"
        so_far.write_text("\n".join(line for lines in sections.values() for line in lines), encoding="utf-8")
        sections["compounds of whole tokens"] = _entries(compound_terms(texts, Tokenizer(dictionary=so_far), openers, quantity), seen, jieba)
    body = "\n".join(f"# --- {title}: {len(lines)} terms\n" + "\n".join(lines) for title, lines in sections.items())
    return _header(files, held_out=held_out, terms=len(seen)) + body + "\n"


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
#      Also left out: clauses (is_clause: a first or last word that is an adverb,
#      numeral, pronoun or function word, a suffix first, a first word jieba's dictionary
#      holds whole that is an adverb and a verb (充分发挥), a verb followed by its object, a policy
#      boilerplate verb or a verb the reports follow with a number (增长, 达到) last,
#      a conjunction or particle inside; tags from jieba's dictionary;
#      a verb first is allowed when it opens {OPENER_MIN_TERMS} or more quoted or curated terms);
#   3. scripts/lexicon_curated.txt, general policy vocabulary written by hand for the
#      project (not from the seed page or the held-out reports);
#   4. compounds of two neighbouring whole tokens (the reports cut with sources 1-3),
#      neither a stopword: seen {COMPOUND_MIN_COUNT} times in {COMPOUND_MIN_REPORTS} reports or more, PMI of the
#      two tokens at least {COMPOUND_MIN_PMI}, entropy of the tokens before and after at least
#      {COMPOUND_MIN_ENTROPY}; a noun phrase (not a clause, no verb first, no adjective of two
#      characters or more first (one of one character may be: 新时代), a noun last, or a
#      fixed expression of jieba's dictionary that ends with a noun: 全民国防教育).
# No outside word list: CC-CEDICT, the openly licensed Chinese word list within reach, is
# CC BY-SA 4.0, whose share-alike terms would bind this MIT-licensed lexicon. THUOCL
# (thunlp/THUOCL, MIT) was checked and left out: its finance and law lists hold 6 of the
# 120 distinct terms the held-out build cut in tests/data/policy_terms_labels.csv.
# jieba's own dictionary (MIT) is what every term is checked against.
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
