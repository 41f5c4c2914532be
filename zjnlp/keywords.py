"""Keywords that say something: term frequencies, TF-IDF, keyness and co-occurrence per unit.

Every report repeats the same verbs (推进, 加快, 加强 …); counting them says nothing about
what a section is about. The functions here count terms per unit of analysis and rank
them by what distinguishes the unit:

- :func:`term_frequencies`: counts and rate per 1,000 words;
- :func:`tfidf_keywords`: scikit-learn's ``TfidfVectorizer`` fed by the zjnlp tokenizer,
  with IDF over the report's own units or over a reference corpus;
- :func:`jieba_keywords`: jieba's TF-IDF and TextRank extractors, as baselines;
- :func:`keyness`, :func:`keyness_by_unit`, :func:`national_keyness`: over- and under-use
  against a reference (log-likelihood G², Yates-corrected chi-square, log ratio);
- :func:`cooccurrence`, :func:`cooccurrence_graph`: terms that occur together;
- :func:`keywords_for_cli`: what ``zjnlp keywords`` prints.

A *word* is a token holding a letter (a Chinese character or a Latin letter), so
punctuation, white space and numbers are not words; rates are per 1,000 words. A *term*
is a word of at least ``min_length`` characters that is not a stopword. Terms are what
the tables list. The passages behind a term are one call away with
:func:`zjnlp.context.kwic`.
"""

from __future__ import annotations

import inspect
import logging
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from zjnlp.context import term_pattern
from zjnlp.errors import InputError, OptionError, check_whole_number
from zjnlp.read import Report, looks_like_path, read_report
from zjnlp.structure import PartKinds, Unit, as_report, sentences, unit_columns, units
from zjnlp.tokenize import (
    COMPOUND_TAGS,
    NOMINAL_TAGS,
    Tokenizes,
    fewest_words,
    is_nominal,
    is_word,
    jieba_tags,
    package_words,
    term_heads,
)
from zjnlp.tokenize import (
    stopwords as load_stopwords,
)

__all__ = [
    "FREQUENCY_COLUMNS",
    "KEYWORD_COLUMNS",
    "KEYNESS_COLUMNS",
    "EDGE_COLUMNS",
    "DEFAULT_STOPWORDS",
    "term_frequencies",
    "tfidf_keywords",
    "jieba_keywords",
    "keyness",
    "keyness_by_unit",
    "national_keyness",
    "cooccurrence",
    "cooccurrence_graph",
    "keywords_for_cli",
]

FREQUENCY_COLUMNS = ["term", "count", "per_1000", "rank"]
KEYWORD_COLUMNS = ["rank", "term", "score"]
KEYNESS_COLUMNS = [
    "term", "target_count", "reference_count", "target_per_1000", "reference_per_1000",
    "g2", "chi2", "p_value", "p_adjusted", "log_ratio", "direction",
]
EDGE_COLUMNS = ["source", "target", "weight", "pmi"]

StopwordKind = Literal["general", "policy"]
Stopwords = StopwordKind | os.PathLike | Sequence[StopwordKind | os.PathLike] | Set[str] | None
Corpus = Report | str | pd.DataFrame | Iterable[Report | str]
DEFAULT_STOPWORDS: tuple[StopwordKind, ...] = ("general", "policy")
_STOPWORD_KINDS = ("general", "policy")


def _default_tokenizer(text: str) -> Tokenizes:
    """The project tokenizer with the quoted terms of ``text`` added."""
    from zjnlp.tokenize import Tokenizer

    return Tokenizer().for_text(text)


def _stopword_set(stopwords: Stopwords) -> frozenset[str]:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, Set):
        return frozenset(stopwords)
    lists = (stopwords,) if isinstance(stopwords, (str, os.PathLike)) else tuple(stopwords)
    if not all(isinstance(item, os.PathLike) or item in _STOPWORD_KINDS for item in lists):
        raise OptionError(
            "stopwords", stopwords,
            "'general', 'policy', the path of a stopword file, a tuple of these, a set of words, or None",
        )
    return frozenset().union(*(load_stopwords(item) for item in lists))


# --------------------------------------------------------------------------- keyword filters

KeywordFilter = Literal["quantities", "generic", "fragments", "pos", "clauses", "adverbs", "particles"]
DEFAULT_FILTERS: tuple[KeywordFilter, ...] = ("quantities", "generic", "fragments", "pos", "clauses", "adverbs", "particles")
_NUMERALS = "0-9０-９〇零一二三四五六七八九十百千万亿两几"


@cache
def _quantity_pattern() -> re.Pattern:
    units = sorted(package_words("measure_words.txt"), key=lambda unit: (-len(unit), unit))
    return re.compile(rf"第[{_NUMERALS}]+(?:{'|'.join(units)})?|[{_NUMERALS}]*(?:{'|'.join(units)})")


def is_quantity(term: str) -> bool:
    """Whether a term is a quantity, a measure word or an ordinal, not a subject.

    The ``"quantities"`` keyword filter: numerals followed by a measure word or unit of
    ``data/measure_words.txt`` (万亩, 二期, 亿元), a measure word alone (公里), or 第 and
    numerals (第一, 第二批). A plan or slogan that holds numerals (十四五, 一带一路, 两新)
    is not a quantity.

    Examples
    --------
    >>> [is_quantity(term) for term in ["万亩", "二期", "第三", "十四五", "一带一路"]]
    [True, True, True, False, False]
    """
    return _quantity_pattern().fullmatch(term) is not None


def generic_words() -> frozenset[str]:
    """The ``"generic"`` filter's words: verbs, adjectives and abstract nouns of every report.

    Read from ``data/generic_words.txt``, built from evidence by
    ``scripts/build_generic_words.py`` (its header says how): 达到, 增加, 改造 ….

    Examples
    --------
    >>> "达到" in generic_words(), "教育" in generic_words()
    (True, False)
    """
    return package_words("generic_words.txt")


def fragments(text: str, tokenizer: Tokenizes) -> frozenset[str]:
    """The ``"fragments"`` keyword filter: tokens of ``text`` that jieba's HMM glued from unknown characters.

    A token of Chinese characters the tokenizer's dictionary does not know (``token not in
    tokenizer``; one it made up from single characters) is a fragment when it occurs only
    once in ``text``,
    or when a word the text has as a token elsewhere runs across one of its edges (居全国第:
    第一 cut after 第). Needs a tokenizer that answers ``in`` (:class:`zjnlp.tokenize.Tokenizer`);
    with another, nothing is a fragment.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> from zjnlp.tokenize import Tokenizer
    >>> text = "实施助企行动。企稳回升，经济企稳。"
    >>> Tokenizer(dictionary="jieba").cut(text)[:3]
    ['实施', '助企', '行动']
    >>> sorted(fragments(text, Tokenizer(dictionary="jieba")))
    ['助企']
    """
    if not hasattr(tokenizer, "__contains__"):
        return frozenset()
    tokens = tokenizer.cut(text)
    counts = Counter(tokens)
    found: set[str] = set()
    at = 0
    for token in tokens:
        start, end = at, at + len(token)
        at = end
        if len(token) < 2 or not _ALL_HAN.fullmatch(token) or token in found or token in tokenizer:
            continue
        if counts[token] == 1 or any(_word_across(text, edge, counts) for edge in (start, end)):
            found.add(token)
    return frozenset(found)


_ALL_HAN = re.compile("[\u4e00-\u9fff]+")


def _word_across(text: str, edge: int, words: Counter[str], longest: int = 4) -> bool:
    """Whether a word of 2 to ``longest`` characters that the text has as a token runs across ``edge``."""
    for length in range(2, longest + 1):
        for start in range(max(edge - length + 1, 0), edge):
            end = start + length
            if edge < end <= len(text) and text[start:end] in words:
                return True
    return False


def is_subject_word(term: str) -> bool:
    """Whether a term can name a subject by its part of speech: the ``"pos"`` keyword filter.

    Keyword extractors keep nouns (jieba.analyse's ``allowPOS``); so does this filter, by
    :func:`zjnlp.tokenize.is_nominal`: nouns, names, verbal and adjectival nouns (教育,
    改革, 安全) are kept, verbs, adjectives and adverbs (作出, 培养, 幸福, 基本上) dropped,
    and a term outside jieba's dictionary (a policy term, a quoted term) is judged by its
    parts. A term of a packaged theme lexicon (:mod:`zjnlp.themes`) is kept whatever its
    tag: 就业, 创新 and 扶贫 are verbs in jieba's dictionary but each names a field.

    Examples
    --------
    >>> [is_subject_word(term) for term in ["教育", "作出", "幸福", "就业", "节能减排"]]
    [True, False, False, True, True]
    """
    return term in _theme_terms() or is_nominal(term)


_ADVERB_TAGS = frozenset({"d", "vd"})
_PREDICATE_TAGS = frozenset({"v", "vn", "a"})


@cache
def is_clause(term: str) -> bool:
    """Whether a term is a clause that says how a subject fares: the ``"clauses"`` keyword filter.

    A term jieba's dictionary does not hold as one word (a policy-lexicon entry, an HMM
    compound), split into its parts as :func:`zjnlp.tokenize.is_nominal` splits it, is a
    clause when, after a noun, it ends in

    - a verb or an adjective that follows an adverb of two characters or more: subject,
      adverb, predicate (营商环境 / 持续 / 优化, 框架 / 初步 / 建立, 文化生活 / 更加 / 丰富);
    - one adjective of two characters or more, or a run of them (实力 / 显著, 社会 / 和谐 / 稳定,
      农村义务教育 / 薄弱): subject and predicate. An adjective that heads compound terms
      (:func:`zjnlp.tokenize.term_heads`: 清单, tagged an adjective by jieba) makes a term
      (负面清单).

    The subject is counted on its own where the report names it. A term of a packaged theme
    lexicon, or one ending in such a term, is kept (农民工 / 就近 / 就业); so are 可持续发展
    (no noun before the adverb), 专精特新 (one-character adverb) and a noun and a verb
    (城镇老旧小区 / 改造, 科技 / 投入: the verb names the activity).

    Examples
    --------
    >>> [is_clause(term) for term in ["营商环境持续优化", "实力显著", "负面清单", "可持续发展", "营商环境"]]
    [True, True, False, False, False]
    """
    tags = jieba_tags()
    if term in _theme_terms() or tags.get(term, "l") not in COMPOUND_TAGS:
        return False
    parts = fewest_words(term, tags)
    kinds = [tags.get(part) for part in parts]
    if len(parts) < 2 or parts[-1] in _theme_terms():
        return False
    if len(parts) >= 3 and kinds[-1] in _PREDICATE_TAGS and kinds[-2] in _ADVERB_TAGS and len(parts[-2]) > 1:
        before = kinds[:-2]
    elif kinds[-1] == "a" and len(parts[-1]) > 1 and parts[-1] not in term_heads():
        before = kinds[:-1]
        while before and before[-1] == "a":
            before.pop()
        before = before[-1:]
    else:
        return False
    return any(kind in NOMINAL_TAGS or kind in COMPOUND_TAGS for kind in before)


_VERB_TAGS = frozenset({"v", "vd", "vn"})


@cache
def is_adverb_phrase(term: str) -> bool:
    """Whether a term opens with an adverb of manner and a verb: the ``"adverbs"`` keyword filter.

    The adverbs are those of ``data/manner_words.txt`` (大力, 全面, 深入, 充分 …), built
    from evidence by ``scripts/build_generic_words.py``: adverbs and boilerplate words that
    a verb follows in at least half of their occurrences in the reports. A term that is one
    of them and then a verb (tagged v, vd or vn in jieba's dictionary: 发展, 加强; or a verb
    of the policy stopwords: 落实), with or without an object, is a verb phrase:
    大力发展高新技术产业 says that a subject is pushed, 高新技术产业 names it. An adjective
    after the adverb makes a subject (相对 / 贫困), and so does a noun (积极 / 财政政策);
    a term of a packaged theme lexicon is kept, and so are the few such phrases read as
    naming a goal or a field (``data/adverb_names.txt``: 全面建成小康社会, 充分就业).

    Examples
    --------
    >>> [is_adverb_phrase(term) for term in ["大力发展高新技术产业", "全面落实", "相对贫困", "积极财政政策"]]
    [True, True, False, False]
    """
    if term in _theme_terms() or term in package_words("adverb_names.txt"):
        return False
    tags, adverbs = jieba_tags(), package_words("manner_words.txt")
    for length in range(2, min(len(term), _longest(adverbs) + 1)):
        rest = term[length:]
        if term[:length] in adverbs:
            verb = rest if rest in tags else fewest_words(rest, tags)[0]
            if tags.get(verb) in _VERB_TAGS or verb in load_stopwords("policy"):
                return True
    return False


_PARTICLE_TAGS = frozenset({"p", "u", "uj"})


@cache
def is_particle_piece(term: str) -> bool:
    """Whether a term is a preposition or particle and the character after it: the ``"particles"`` keyword filter.

    A set phrase the dictionaries do not hold is cut after its first two characters when
    they open with a function word: 以文 of 以文化人 and 以文塑旅, 之美 of 山水之美, 以侨 of
    以侨引侨. A term of two characters whose first is a preposition or particle by jieba's
    dictionary tags (p, u, uj: 以, 之, 向, 于) and which jieba's dictionary does not hold as
    a word is such a piece; the fragments filter misses it when the report repeats the
    phrase. A word of the dictionary (以前, 之间) and a term of a packaged theme lexicon are
    kept.

    Examples
    --------
    >>> [is_particle_piece(term) for term in ["以文", "之美", "以前", "教育"]]
    [True, True, False, False]
    """
    tags = jieba_tags()
    return (
        len(term) == 2 and term not in tags and term not in _theme_terms()
        and tags.get(term[0]) in _PARTICLE_TAGS and _ALL_HAN.fullmatch(term) is not None
    )


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


@cache
def _theme_terms() -> frozenset[str]:
    from zjnlp.themes import available_lexicons, load_lexicon

    return frozenset(term for id in available_lexicons() for term in load_lexicon(id).terms)


def _filtered_words(text: str, tokenizer: Tokenizes, filters: Iterable[KeywordFilter]) -> frozenset[str]:
    """The words the ``"generic"`` and ``"fragments"`` filters drop from ``text``."""
    dropped: frozenset[str] = frozenset()
    if "generic" in filters:
        dropped |= generic_words()
    if "fragments" in filters:
        dropped |= fragments(text, tokenizer)
    return dropped


def _check_filters(filters: Iterable[KeywordFilter] | None) -> tuple[KeywordFilter, ...]:
    chosen = () if filters is None else ((filters,) if isinstance(filters, str) else tuple(filters))
    if not all(item in DEFAULT_FILTERS for item in chosen):
        raise OptionError("filters", filters, f"a tuple of {', '.join(map(repr, DEFAULT_FILTERS))}, or None for no filter")
    return chosen


# The filters that judge a word by itself, each with what it drops.
_TERM_FILTERS: tuple[tuple[KeywordFilter, Callable[[str], bool]], ...] = (
    ("quantities", is_quantity),
    ("pos", lambda word: not is_subject_word(word)),
    ("clauses", is_clause),
    ("adverbs", is_adverb_phrase),
    ("particles", is_particle_piece),
)


def is_term(word: str, stopwords: frozenset[str], min_length: int) -> bool:
    """Whether a word counts as a term: ``min_length`` characters or more, not a stopword."""
    return len(word) >= min_length and word not in stopwords


@dataclass(frozen=True)
class _Terms:
    """Cuts a text into words and picks out its terms; the ``tokenizer`` of the vectorizer."""

    tokenizer: Tokenizes
    stopwords: frozenset[str]
    min_length: int
    filters: tuple[KeywordFilter, ...] = ()

    def _classify(self, text: str) -> tuple[list[str], set[str], set[str]]:
        """The tokens of ``text``, and which of the distinct ones are words and terms."""
        tokens = self.tokenizer.cut(text)
        words = {token for token in set(tokens) if is_word(token)}
        terms = {word for word in words if self.is_term(word)}
        return tokens, words, terms

    def __call__(self, text: str) -> list[str]:
        tokens, _, terms = self._classify(text)
        return [token for token in tokens if token in terms]

    def is_term(self, word: str) -> bool:
        return is_term(word, self.stopwords, self.min_length) and not any(
            name in self.filters and dropped(word) for name, dropped in _TERM_FILTERS
        )

    def count(self, texts: Iterable[str]) -> tuple[Counter[str], int]:
        """Term counts over ``texts`` and their number of words."""
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            tokens, words, terms = self._classify(text)
            total += sum(token in words for token in tokens)
            counts.update(token for token in tokens if token in terms)
        return counts, total

    def count_reference(self, texts: Sequence[str]) -> tuple[Counter[str], int]:
        """As :meth:`count`, for a reference corpus: the national reports' counts are shipped."""
        from zjnlp.reference import term_counts

        counts, words = term_counts(texts, self.tokenizer, stopwords=self.stopwords, min_length=self.min_length)
        return Counter({term: n for term, n in counts.items() if self.is_term(term)}), words

    def document_frequencies(self, texts: Sequence[str]) -> Counter[str]:
        """In how many of ``texts`` each term occurs (shipped counts for the national reports)."""
        from zjnlp.reference import document_frequencies

        return document_frequencies(texts, self.tokenizer, stopwords=self.stopwords, min_length=self.min_length)


def _terms(
    text: str, tokenizer: Tokenizes | None, stopwords: Stopwords, min_length: int, filters: Iterable[KeywordFilter] | None = None
) -> _Terms:
    check_whole_number("min_length", min_length, minimum=1)
    filters = _check_filters(filters)
    tokenizer = tokenizer or _default_tokenizer(text)
    dropped = _stopword_set(stopwords) | _filtered_words(text, tokenizer, filters)
    return _Terms(tokenizer, dropped, min_length, filters)


def _units(report: Report, by: Unit, appendices: bool, part_kind: PartKinds) -> tuple[pd.DataFrame, list[str]]:
    """The units analysed and the columns that label a result's rows: the unit columns and,
    below the document, the kind of the unit's part. By document the text kept (all but the
    appendices, unless asked; the parts of the kinds chosen) is one unit."""
    table = units(report, by=by, appendices=appendices, part_kind=part_kind)
    if by == "document":
        start, end = (int(table["start"].min()), int(table["end"].max())) if len(table) else (0, 0)
        return pd.DataFrame([{"start": start, "end": end, "text": "\n".join(table["text"])}]), []
    return table.assign(part_kind=table["part_kind"].replace("", pd.NA).astype("string")), [*unit_columns(by), "part_kind"]


def _labelled(table: pd.DataFrame, keys: list[str], rows: list[int], data: dict | pd.DataFrame) -> pd.DataFrame:
    """``data`` (columns of equal length) with the unit columns of ``table.iloc[rows]`` first."""
    labels = table[keys].iloc[rows].reset_index(drop=True)
    return pd.concat([labels, pd.DataFrame(data)], axis=1)


# --------------------------------------------------------------------------- frequencies


def term_frequencies(
    report: Report | str,
    *,
    by: Unit = "document",
    appendices: bool = False,
    part_kind: PartKinds = None,
    tokenizer: Tokenizes | None = None,
    stopwords: Stopwords = DEFAULT_STOPWORDS,
    min_length: int = 2,
    filters: Iterable[KeywordFilter] | None = DEFAULT_FILTERS,
) -> pd.DataFrame:
    """How often each term occurs in each unit.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="document"
        The unit of analysis.
    tokenizer : object with ``cut(text) -> list[str]``, optional
        Defaults to the project tokenizer with the report's quoted terms added.
    stopwords : "general", "policy", path, a tuple of these, a set of words, or None, default=("general", "policy")
        Words not counted as terms: the packaged general Chinese list, the list of
        policy boilerplate (推进, 加快 …), a stopword file of your own (one word a line,
        see :func:`zjnlp.tokenize.stopwords`), several of these, a set of words, or none.
    min_length : int, default=2
        Shortest term, in characters (2 drops single characters such as 的, 和).
    filters : tuple of {"quantities", "generic", "fragments", "pos", "clauses", "adverbs", "particles"}, or None, default=all seven
        Named filters that drop tokens which are not subjects; ``None`` or ``()`` for none.
        ``"quantities"``: quantities, measure words and ordinals (万亩, 二期, 第三;
        :func:`is_quantity`). ``"generic"``: the verbs, adjectives and abstract nouns used in
        every part of every report (达到, 增加, 问题, 地位; :func:`generic_words`). ``"fragments"``: tokens the
        HMM glued from unknown characters that occur once or cut a dictionary word
        (居全国第; :func:`fragments`). ``"pos"``: words that are not nouns by jieba's
        dictionary tags, verbs and adjectives (作出, 幸福; :func:`is_subject_word`).
        ``"clauses"``: phrases that state how a subject fares, not name it
        (营商环境持续优化; :func:`is_clause`). ``"adverbs"``: verb phrases opened by an
        adverb of manner (大力发展高新技术产业, 全面落实; :func:`is_adverb_phrase`).
        ``"particles"``: a preposition or particle and the next character, cut from a set
        phrase (以文 of 以文化人, 之美; :func:`is_particle_piece`).
    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        One row per term and unit, units in text order and terms by falling count
        (then by the order of the term as a string): the unit columns of ``by``, then
        ``term``, ``count``, ``per_1000`` (count per 1,000 words of the unit, stopwords
        included; punctuation, white space and numbers are not words), ``rank`` (1 for
        the most frequent; tied terms share the lower rank). A unit without terms has
        no rows.

    Examples
    --------
    >>> table = term_frequencies("建设红树林博物馆，保护红树林。", stopwords=None)
    >>> table[["term", "count", "rank"]].head(2).values.tolist()
    [['红树林', 2, 1], ['博物馆', 1, 2]]
    """
    report = as_report(report)
    table, keys = _units(report, by, appendices, part_kind)
    terms = _terms(report.text, tokenizer, stopwords, min_length, filters)
    rows: list[int] = []
    data: dict[str, list] = {column: [] for column in FREQUENCY_COLUMNS}
    for row, text in enumerate(table["text"]):
        counts, total = terms.count([text])
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        rank = 0
        for position, (term, count) in enumerate(ranked, start=1):
            if position == 1 or count != ranked[position - 2][1]:
                rank = position
            rows.append(row)
            data["term"].append(term)
            data["count"].append(count)
            data["per_1000"].append(count / total * 1000)
            data["rank"].append(rank)
    return _labelled(table, keys, rows, data).astype({"count": "int64", "per_1000": "float64", "rank": "int64"})


# --------------------------------------------------------------------------- TF-IDF


def _text_of(item: object) -> object:
    """A text as it is; a report's text; a path's report read (a str path raises, see ``as_report``)."""
    if isinstance(item, str) and not looks_like_path(item):
        return item
    if isinstance(item, (Report, str, os.PathLike)):
        return as_report(item).text
    return item


def _corpus_texts(corpus: Corpus, name: str) -> list[str]:
    """The texts of a report, a text, a corpus table (its ``text`` column) or an iterable of them."""
    if isinstance(corpus, Report):
        return [corpus.text]
    if isinstance(corpus, (str, os.PathLike)):
        return [_text_of(corpus)]
    if isinstance(corpus, pd.DataFrame):
        if "text" not in corpus.columns:
            raise OptionError(name, "a DataFrame without a 'text' column", "a table with a 'text' column, such as zjnlp.corpus.national()")
        return corpus["text"].tolist()
    try:
        texts = [_text_of(item) for item in corpus]
    except TypeError:
        raise OptionError(name, type(corpus).__name__, "a Report, a text, a table with a 'text' column, or an iterable of texts") from None
    if not all(isinstance(text, str) for text in texts):
        raise OptionError(name, "an iterable holding something other than texts", "texts (str) or Reports")
    return texts


def _national_texts() -> list[str]:
    from zjnlp.corpus import national

    return national()["text"].tolist()


def _idf_texts(idf: Literal["units", "national"] | pd.DataFrame | Iterable[str], report: Report) -> list[str] | None:
    """The reference texts IDF is fitted on (``None`` for the report's own units)."""
    if isinstance(idf, str) and idf in ("units", "national"):
        texts = None if idf == "units" else _national_texts()
    elif isinstance(idf, str):
        raise OptionError("idf", idf, "'units', 'national', a table with a 'text' column, or an iterable of reference texts")
    else:
        texts = _corpus_texts(idf, "idf")
    # A report compared with a corpus that holds it counts once.
    return None if texts is None else [text for text in texts if text != report.text] + [report.text]


def tfidf_keywords(
    report: Report | str,
    *,
    by: Unit = "section",
    appendices: bool = False,
    part_kind: PartKinds = None,
    top: int = 10,
    tokenizer: Tokenizes | None = None,
    stopwords: Stopwords = DEFAULT_STOPWORDS,
    min_length: int = 2,
    idf: Literal["units", "national"] | pd.DataFrame | Iterable[str] = "units",
    sublinear_tf: bool = True,
    filters: Iterable[KeywordFilter] | None = DEFAULT_FILTERS,
) -> pd.DataFrame:
    """The terms that distinguish each unit, by TF-IDF.

    scikit-learn's ``TfidfVectorizer`` runs with the zjnlp tokenizer (filtered as in
    :func:`term_frequencies`). IDF is smoothed, ``ln((1 + n) / (1 + df))`` over ``n``
    documents, without the ``+ 1`` scikit-learn adds: a term found in every document
    says nothing about any of them and scores 0 (with a single document, ``by="document"``
    and ``idf="units"``, the ``+ 1`` is kept and the ranking is by frequency). Each
    unit's vector is L2-normalised.

    The defaults were chosen by measuring (``benchmarks/bench_keywords.py``) on
    sections of the national and provincial reports and the seed page: with them, the
    top 10 of 32 hand-labelled sections all hold at most one boilerplate word and at
    least three words naming the section's subject, and the 788 numbered sections of
    the national reports 1978–2025 and the provincial reports of 2026 average 0.13
    boilerplate words in their top 10.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="section"
        The unit of analysis.
    top : int, default=10
        Keywords per unit.
    tokenizer, stopwords, min_length, filters
        As for :func:`term_frequencies`.
    idf : "units", "national", DataFrame or iterable of str, default="units"
        Where document frequencies come from. ``"units"``: the units of this report, so
        a term every section uses (the city's name, 发展) weighs little and a term of one
        section weighs most. ``"national"``: the national reports 1954–2025
        (:func:`zjnlp.corpus.national`), each one document, plus this report. A table
        with a ``text`` column or an iterable of texts: that reference corpus plus this
        report. With a reference corpus, terms no other report uses (place names, local
        projects) weigh most; with ``by="document"`` and ``"units"`` every term has the
        same IDF and the ranking is by frequency alone.
    sublinear_tf : bool, default=True
        Use ``1 + ln(tf)`` in place of the count, so that a term repeated in one unit
        does not crowd out the others.

    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        Up to ``top`` rows per unit, units in text order: the unit columns of ``by``,
        then ``rank`` (1 = highest score), ``term``, ``score`` (the TF-IDF weight, 0–1).
        Equal scores are common (terms used as often, in as many units): the longer term
        comes first (学前教育 before 教育, being more specific), then the one used first
        in the unit. Terms scoring 0 are left out; a unit without terms has no rows.

    See Also
    --------
    jieba_keywords : jieba's extractors, for comparison.
    keyness_by_unit : each unit against the rest of the report, with significance.

    Examples
    --------
    >>> text = "（一）办好教育。新建学校，发展教育。\\n（二）保护生态。修复生态，发展旅游。"
    >>> tfidf_keywords(text, top=1)[["section", "term"]].values.tolist()
    [[1, '教育'], [2, '生态']]
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    check_whole_number("top", top, minimum=1)
    report = as_report(report)
    table, keys = _units(report, by, appendices, part_kind)
    terms = _terms(report.text, tokenizer, stopwords, min_length, filters)
    texts = table["text"].tolist()
    reference = _idf_texts(idf, report)
    vocabulary = sorted(set().union(*map(terms, texts))) if reference else None
    if vocabulary == []:
        return _labelled(table, keys, [], {column: [] for column in KEYWORD_COLUMNS})
    vectorizer = TfidfVectorizer(
        tokenizer=terms, token_pattern=None, lowercase=False, sublinear_tf=sublinear_tf, vocabulary=vocabulary,
    )
    try:
        vectorizer.fit(texts)
    except ValueError as error:
        if "empty vocabulary" not in str(error):
            raise
        return _labelled(table, keys, [], {column: [] for column in KEYWORD_COLUMNS})
    if reference:
        # IDF from the reference corpus, counted once (zjnlp.reference), as fitting on it
        # would give: only the units' own terms matter to their vectors.
        frequencies = terms.document_frequencies(reference)
        df = np.array([frequencies[term] for term in vocabulary], dtype="float64") + 1.0
        vectorizer.idf_ = np.log((len(reference) + 1) / df) + 1.0
    if reference or len(texts) > 1:
        vectorizer.idf_ = vectorizer.idf_ - 1
    matrix = vectorizer.transform(texts).tocsr()
    names = vectorizer.get_feature_names_out()

    rows: list[int] = []
    data: dict[str, list] = {column: [] for column in KEYWORD_COLUMNS}
    for row, text in enumerate(texts):
        scores = matrix.getrow(row)
        first: dict[str, int] = {}
        for position, term in enumerate(terms(text)):
            first.setdefault(term, position)
        ranked = sorted(
            ((str(names[column]), float(score)) for column, score in zip(scores.indices, scores.data) if score > 0),
            key=lambda item: (-item[1], -len(item[0]), first[item[0]]),
        )
        for rank, (term, score) in enumerate(ranked[:top], start=1):
            rows.append(row)
            data["rank"].append(rank)
            data["term"].append(term)
            data["score"].append(score)
    return _labelled(table, keys, rows, data).astype({"rank": "int64", "score": "float64"})


# --------------------------------------------------------------------------- jieba baselines


@cache
def _jieba_extractors() -> dict[str, Callable]:
    """jieba's TF-IDF and TextRank extractors bound to a private jieba dictionary."""
    import jieba
    import jieba.analyse
    import jieba.posseg

    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)  # jieba logs the dictionary loading at DEBUG on stderr
    try:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
    finally:
        logger.setLevel(level)
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    tfidf = jieba.analyse.TFIDF()
    tfidf.tokenizer, tfidf.postokenizer = tokenizer, tagger
    textrank = jieba.analyse.TextRank()
    textrank.tokenizer = textrank.postokenizer = tagger
    return {"tfidf": tfidf.extract_tags, "textrank": textrank.textrank}


def jieba_keywords(
    report: Report | str,
    *,
    by: Unit = "section",
    appendices: bool = False,
    part_kind: PartKinds = None,
    top: int = 10,
    method: Literal["tfidf", "textrank"] = "tfidf",
) -> pd.DataFrame:
    """jieba's keyword extractors per unit, as a baseline for :func:`tfidf_keywords`.

    ``"tfidf"`` is ``jieba.analyse.extract_tags`` (term frequency in the unit times
    jieba's IDF from a general corpus); ``"textrank"`` is ``jieba.analyse.textrank``
    (PageRank over co-occurring nouns and verbs, weights scaled so the first is 1). Both
    use jieba's own dictionary and stopwords, held privately: jieba's global dictionary
    is not touched.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="section"
        The unit of analysis.
    top : int, default=10
        Keywords per unit.
    method : {"tfidf", "textrank"}, default="tfidf"
        The extractor.

    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        Up to ``top`` rows per unit: the unit columns of ``by``, ``rank``, ``term``,
        ``score`` (jieba's weight), ``method``.

    Examples
    --------
    >>> jieba_keywords("建设红树林博物馆，保护红树林。", by="document", top=1)["term"].tolist()
    ['红树林']
    """
    check_whole_number("top", top, minimum=1)
    extractors = _jieba_extractors()
    if method not in extractors:
        raise OptionError("method", method, "'tfidf' or 'textrank'")
    report = as_report(report)
    table, keys = _units(report, by, appendices, part_kind)
    rows: list[int] = []
    data: dict[str, list] = {column: [] for column in [*KEYWORD_COLUMNS, "method"]}
    for row, text in enumerate(table["text"]):
        for rank, (term, score) in enumerate(extractors[method](text, topK=top, withWeight=True), start=1):
            rows.append(row)
            data["rank"].append(rank)
            data["term"].append(term)
            data["score"].append(float(score))
            data["method"].append(method)
    return _labelled(table, keys, rows, data).astype({"rank": "int64", "score": "float64", "method": "str"})


# --------------------------------------------------------------------------- keyness

Measure = Literal["g2", "chi2"]
Correction = Literal["fdr_bh", "bonferroni"]


def _check_keyness_options(min_count: int, measure: str, correction: str = "fdr_bh") -> None:
    check_whole_number("min_count", min_count, minimum=1)
    if measure not in ("g2", "chi2"):
        raise OptionError("measure", measure, "'g2' (log-likelihood) or 'chi2' (Yates-corrected chi-square)")
    if correction not in ("fdr_bh", "bonferroni"):
        raise OptionError("correction", correction, "'fdr_bh' (Benjamini-Hochberg) or 'bonferroni'")


def _adjust(p_values: np.ndarray, correction: Correction) -> np.ndarray:
    """p-values adjusted for testing every term of one table at once.

    Benjamini-Hochberg: the step-up adjustment ``min over j >= i of p_(j) m / j`` of the
    sorted p-values (what scipy's ``false_discovery_control`` computes, without importing
    scipy.stats); Bonferroni: ``p m``. Both at most 1.
    """
    m = len(p_values)
    if correction == "bonferroni" or m == 0:
        return np.minimum(p_values * m, 1.0)
    order = np.argsort(p_values, kind="stable")
    stepped = np.minimum.accumulate((p_values[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted


def _keyness_table(
    target: Counter[str], target_words: int, reference: Counter[str], reference_words: int,
    *, min_count: int, measure: Measure, correction: Correction = "fdr_bh", target_only: bool = False,
) -> pd.DataFrame:
    """The keyness of every term counted at least ``min_count`` times in both together.

    ``target_only``: only the terms the target uses (all the over-used ones), which
    spares scoring the tens of thousands of words of a large reference.
    """
    # chdtrc is what scipy.stats.chi2.sf computes, without importing scipy.stats (about 1 s)
    from scipy.special import chdtrc, xlogy

    terms = target.keys() if target_only else target.keys() | reference.keys()
    candidates = sorted(term for term in terms if target[term] + reference[term] >= min_count)
    a = np.array([target[t] for t in candidates], dtype=float)  # the term in the target
    b = np.array([reference[t] for t in candidates], dtype=float)  # the term in the reference
    c, d = target_words - a, reference_words - b  # the other words
    n = float(target_words + reference_words)
    observed = (a, b, c, d)
    expected = (
        target_words * (a + b) / n, reference_words * (a + b) / n,
        target_words * (c + d) / n, reference_words * (c + d) / n,
    )
    # G² of the 2 × 2 table (Dunning 1993): 2 Σ O ln(O / E), with 0 ln 0 = 0
    g2 = 2 * sum(xlogy(o, o) - xlogy(o, e) for o, e in zip(observed, expected))
    g2 = np.maximum(g2, 0.0)  # rounding can leave -1e-15 where O = E
    yates = np.maximum(np.abs(a * d - b * c) - n / 2, 0.0)
    chi2 = n * yates**2 / ((a + b) * (c + d) * (a + c) * (b + d))
    target_rate, reference_rate = a / target_words, b / reference_words
    log_ratio = np.log2(((a + 0.5) / target_words) / ((b + 0.5) / reference_words))
    # Smoothing can reverse the sign when one side is much smaller (a term absent from a
    # short section): the evidence then shows no measurable effect.
    log_ratio = np.where(np.sign(log_ratio) == np.sign(target_rate - reference_rate), log_ratio, 0.0)
    p_value = chdtrc(1, g2 if measure == "g2" else chi2)
    frame = pd.DataFrame({
        "term": candidates,
        "target_count": a.astype("int64"),
        "reference_count": b.astype("int64"),
        "target_per_1000": target_rate * 1000,
        "reference_per_1000": reference_rate * 1000,
        "g2": g2,
        "chi2": chi2,
        "p_value": p_value,
        "p_adjusted": _adjust(p_value, correction),
        "log_ratio": log_ratio,
        "direction": np.where(target_rate > reference_rate, "over", "under"),
    }, columns=KEYNESS_COLUMNS)
    frame = frame.sort_values(["direction", measure, "term"], ascending=[True, False, True], kind="stable")
    return frame.reset_index(drop=True)


def keyness(
    target: Corpus,
    reference: Corpus,
    *,
    tokenizer: Tokenizes | None = None,
    stopwords: Stopwords = DEFAULT_STOPWORDS,
    min_length: int = 2,
    min_count: int = 2,
    measure: Measure = "g2",
    correction: Correction = "fdr_bh",
    filters: Iterable[KeywordFilter] | None = DEFAULT_FILTERS,
) -> pd.DataFrame:
    """Terms the target uses more (or less) than the reference, with significance and effect size.

    For each term, the 2 × 2 table of (this term, other words) × (target, reference)
    gives the log-likelihood G² (Dunning 1993), the chi-square with Yates's continuity
    correction, the p-value of the chosen one (chi-square distribution, 1 degree of
    freedom) and the log ratio (Hardie 2014), ``log2`` of the ratio of the two rates per
    word with 0.5 added to both counts so that a term absent from one side has a finite
    ratio (set to 0 where the smoothing would reverse its sign, which happens when one
    side is much smaller than the other). Words are counted as in :func:`term_frequencies`,
    and the keyword filters drop the same terms on both sides (a term the filters drop is
    neither over- nor under-used; the rates stay per 1,000 words of all words).

    Parameters
    ----------
    target, reference : Report, str, DataFrame or iterable of str / Report
        A report, a text, a table with a ``text`` column (such as
        :func:`zjnlp.corpus.national`) or several texts, pooled.
    tokenizer : object with ``cut(text) -> list[str]``, optional
        Cuts both sides; defaults to the project tokenizer with the target's quoted
        terms added.
    stopwords, min_length, filters
        As for :func:`term_frequencies`.
    min_count : int, default=2
        Fewest occurrences of a term, target and reference together, for it to be
        tested: a term seen once cannot be significant at any usual level and would only
        lengthen the list the correction divides by. Terms below it are neither listed
        nor counted in the correction.
    measure : {"g2", "chi2"}, default="g2"
        The statistic that orders the table and gives ``p_value``.
    correction : {"fdr_bh", "bonferroni"}, default="fdr_bh"
        How ``p_adjusted`` accounts for testing every listed term at once:
        Benjamini–Hochberg (controls the expected share of false discoveries among the
        terms called significant; scipy's ``false_discovery_control``) or Bonferroni
        (controls the chance of any false discovery; ``p × number of terms``, at most 1).

    Returns
    -------
    pandas.DataFrame
        One row per term: ``term``, ``target_count``, ``reference_count``,
        ``target_per_1000``, ``reference_per_1000`` (per 1,000 words of each side),
        ``g2``, ``chi2``, ``p_value`` (of one term on its own), ``p_adjusted`` (corrected
        for all the terms of the table, as ``correction`` says: read this one when
        picking terms from the list), ``log_ratio`` (the effect size: log₂ of the ratio
        of the rates, positive: more frequent in the target; 1 is twice as frequent),
        ``direction`` (``"over"`` or ``"under"``: used more or less in the
        target than in the reference). Over-used terms come first, each direction
        ordered by ``measure``, strongest first. G² of 3.84 is p < 0.05, 6.63 is
        p < 0.01, 10.83 is p < 0.001.

    Raises
    ------
    zjnlp.errors.InputError
        The target or the reference has no words.

    Examples
    --------
    >>> table = keyness("保护红树林，种植红树林，研究红树林。", "种植水稻，研究水稻，收获水稻。")
    >>> table[["term", "target_count", "reference_count", "direction"]].head(2).values.tolist()
    [['红树林', 3, 0, 'over'], ['水稻', 0, 3, 'under']]
    """
    _check_keyness_options(min_count, measure, correction)
    target_texts = _corpus_texts(target, "target")
    reference_texts = _corpus_texts(reference, "reference")
    terms = _terms("\n".join(target_texts), tokenizer, stopwords, min_length, filters)
    target_counts, target_words = terms.count(target_texts)
    reference_counts, reference_words = terms.count_reference(reference_texts)
    if target_words == 0:
        raise InputError("target", "has no words to compare")
    if reference_words == 0:
        raise InputError("reference", "has no words to compare against")
    return _keyness_table(
        target_counts, target_words, reference_counts, reference_words,
        min_count=min_count, measure=measure, correction=correction,
    )


def keyness_by_unit(
    report: Report | str,
    *,
    by: Unit = "section",
    appendices: bool = False,
    part_kind: PartKinds = None,
    reference: Corpus | None = None,
    tokenizer: Tokenizes | None = None,
    stopwords: Stopwords = DEFAULT_STOPWORDS,
    min_length: int = 2,
    min_count: int = 2,
    measure: Measure = "g2",
    correction: Correction = "fdr_bh",
    filters: Iterable[KeywordFilter] | None = DEFAULT_FILTERS,
) -> pd.DataFrame:
    """Keyness of each unit of a report against the rest of the report, or against a reference.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="section"
        The unit of analysis.
    reference : Report, str, DataFrame, iterable of str, or None, default=None
        What each unit is compared with; ``None``: the other units of the report
        (with ``by="document"`` there are none, and the table is empty).
    tokenizer, stopwords, min_length, min_count, measure, correction, filters
        As for :func:`keyness`.

    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        The unit columns of ``by``, then the columns of :func:`keyness`; units in
        text order. ``p_adjusted`` corrects for the terms of each unit's comparison. A unit without words, or with nothing to compare against, has no rows.

    Examples
    --------
    >>> text = "（一）办好教育。新建学校，扩建学校，改造学校。\\n（二）保护生态。保护红树林，种植红树林，研究红树林。"
    >>> table = keyness_by_unit(text, min_count=3)
    >>> table[table.direction == "over"][["section", "term"]].values.tolist()
    [[1, '学校'], [2, '红树林']]
    """
    report = as_report(report)
    table, keys, results = _unit_keyness(
        report, by=by, appendices=appendices, part_kind=part_kind, reference=reference, tokenizer=tokenizer, stopwords=stopwords,
        min_length=min_length, min_count=min_count, measure=measure, correction=correction, filters=filters,
    )
    if not results:
        return _labelled(table, keys, [], _keyness_table(Counter(), 1, Counter(), 1, min_count=1, measure=measure))
    return pd.concat([_labelled(table, keys, [row] * len(frame), frame) for row, frame in results], ignore_index=True)


def _unit_keyness(
    report: Report, *, by: Unit, appendices: bool = False, part_kind: PartKinds = None, reference: Corpus | None,
    tokenizer: Tokenizes | None, stopwords: Stopwords, min_length: int, min_count: int, measure: Measure,
    correction: Correction, filters: Iterable[KeywordFilter] | None, target_only: bool = False,
) -> tuple[pd.DataFrame, list[str], list[tuple[int, pd.DataFrame]]]:
    """The units of ``report`` and the keyness table of each unit that has one (by row)."""
    _check_keyness_options(min_count, measure, correction)
    table, keys = _units(report, by, appendices, part_kind)
    terms = _terms(report.text, tokenizer, stopwords, min_length, filters)
    counted = [terms.count([text]) for text in table["text"]]
    if reference is None:
        all_counts = sum((counts for counts, _ in counted), Counter())
        all_words = sum(words for _, words in counted)
    else:
        reference_counts, reference_words = terms.count_reference(_corpus_texts(reference, "reference"))
        if reference_words == 0:
            raise InputError("reference", "has no words to compare against")
    results = []
    for row, (counts, words) in enumerate(counted):
        if reference is None:
            reference_counts, reference_words = all_counts - counts, all_words - words
        if words and reference_words:
            results.append((row, _keyness_table(
                counts, words, reference_counts, reference_words,
                min_count=min_count, measure=measure, correction=correction, target_only=target_only,
            )))
    return table, keys, results


def national_keyness(
    report: Report | str,
    *,
    year: Literal["same", "all"] | int = "same",
    by: Unit = "document",
    appendices: bool = False,
    part_kind: PartKinds = None,
    tokenizer: Tokenizes | None = None,
    stopwords: Stopwords = DEFAULT_STOPWORDS,
    min_length: int = 2,
    min_count: int = 2,
    measure: Measure = "g2",
    correction: Correction = "fdr_bh",
    filters: Iterable[KeywordFilter] | None = DEFAULT_FILTERS,
) -> pd.DataFrame:
    """Keyness of a report (or each of its units) against the national reports.

    What a local report says that the State Council's report does not (its places, its
    projects), and what the national report says that it leaves out.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    year : "same", "all" or int, default="same"
        ``"same"``: the national report of the report's own year (from its metadata);
        an int: the national report of that year; ``"all"``: all national reports
        1954–2025, pooled (less the report itself, if it is one of them).
    by : {"document", "part", "section", "paragraph"}, default="document"
        The unit of analysis.
    tokenizer, stopwords, min_length, min_count, measure, correction, filters
        As for :func:`keyness`.

    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        As :func:`keyness_by_unit`.

    Raises
    ------
    zjnlp.errors.OptionError
        ``year="same"`` for a report whose year is unknown, or a year without a
        national report.

    Examples
    --------
    >>> table = national_keyness("建设红树林博物馆，保护红树林，种植红树林。", year=2023)
    >>> table[table.direction == "over"]["term"].tolist()[:1]
    ['红树林']
    """
    from zjnlp.corpus import national

    report = as_report(report)
    reports = national()
    if year == "all":
        chosen = reports[reports["text"] != report.text]
    else:
        wanted = report.metadata.get("year") if year == "same" else year
        if wanted is None:
            raise OptionError("year", year, "a year: the report's metadata has none, so give year=<int> or 'all'")
        chosen = reports[reports["year"] == wanted]
        if chosen.empty:
            raise OptionError("year", wanted, "a year with a national report (see zjnlp.corpus.national().year), or 'all'")
    return keyness_by_unit(
        report, by=by, appendices=appendices, part_kind=part_kind, reference=chosen, tokenizer=tokenizer, stopwords=stopwords,
        min_length=min_length, min_count=min_count, measure=measure, correction=correction, filters=filters,
    )


# --------------------------------------------------------------------------- co-occurrence


def cooccurrence(
    report: Report | str,
    *,
    terms: Iterable[str] | None = None,
    window: Literal["sentence"] | int = "sentence",
    by: Unit = "document",
    appendices: bool = False,
    part_kind: PartKinds = None,
    min_count: int = 2,
    tokenizer: Tokenizes | None = None,
    stopwords: Stopwords = DEFAULT_STOPWORDS,
    min_length: int = 2,
) -> pd.DataFrame:
    """Pairs of terms that occur together, as a weighted edge table.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    terms : iterable of str, optional
        Only these terms, matched on the text (longest first, so a multi-word term is
        found whatever the segmentation); by default every term the tokenizer finds
        (filtered as in :func:`term_frequencies`).
    window : "sentence" or int, default="sentence"
        ``"sentence"``: two terms co-occur when they are in the same sentence, counted
        once per sentence. An int ``k``: when at most ``k`` terms apart within a
        paragraph (only the terms counted here, in text order), counted once per pair
        of occurrences.
    by : {"document", "part", "section", "paragraph"}, default="document"
        Count edges separately within each unit.
    min_count : int, default=2
        Fewest co-occurrences for an edge to be listed.
    tokenizer, stopwords, min_length
        As for :func:`term_frequencies` (not used when ``terms`` is given).

    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        One row per pair of distinct terms and unit: the unit columns of ``by``, then
        ``source``, ``target`` (the pair, in string order), ``weight`` (co-occurrences),
        ``pmi`` (``log2`` of ``weight`` over its chance expectation: ``fx * fy / n`` with
        ``n`` sentences and ``fx`` the sentences holding the term; with a window of
        ``k`` terms, ``2 * k * fx * fy / n`` with ``n`` term occurrences). Heaviest
        edges first within each unit.

    See Also
    --------
    cooccurrence_graph : the edges as a networkx graph.

    Examples
    --------
    >>> cooccurrence("保护红树林，建设湛江湾。保护红树林和湛江湾。", terms=["红树林", "湛江湾"])[["source", "target", "weight"]].values.tolist()
    [['湛江湾', '红树林', 2]]
    """
    if window != "sentence":
        check_whole_number("window", window, minimum=1)
    check_whole_number("min_count", min_count, minimum=1)
    report = as_report(report)
    table, keys = _units(report, by, appendices, part_kind)
    if terms is None:
        find: Callable[[str], list[str]] = _terms(report.text, tokenizer, stopwords, min_length)
    else:
        find = term_pattern(terms).findall
    # Contexts: sentences, or paragraphs for a window of terms; each lies in one unit.
    contexts = (sentences(report, by=by, appendices=appendices, part_kind=part_kind) if window == "sentence"
                else units(report, by="paragraph", appendices=appendices, part_kind=part_kind))
    owner = np.searchsorted(table["start"].to_numpy(), contexts["start"].to_numpy(), side="right") - 1

    rows: list[int] = []
    data: dict[str, list] = {column: [] for column in EDGE_COLUMNS}
    for row in range(len(table)):
        found = [find(text) for text in contexts["text"][owner == row]]
        if window == "sentence":
            sets = [sorted(set(terms_found)) for terms_found in found]
            frequency = Counter(term for terms_found in sets for term in terms_found)
            pairs = Counter(pair for terms_found in sets for pair in combinations(terms_found, 2))
            n, chance = len(sets), 1.0
        else:
            frequency = Counter(term for terms_found in found for term in terms_found)
            pairs = Counter(
                tuple(sorted((x, y)))
                for terms_found in found
                for i, x in enumerate(terms_found)
                for y in terms_found[i + 1 : i + 1 + window]
                if x != y
            )
            n, chance = sum(frequency.values()), 2.0 * window
        for (source, target), weight in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
            if weight < min_count:
                break
            rows.append(row)
            data["source"].append(source)
            data["target"].append(target)
            data["weight"].append(weight)
            data["pmi"].append(math.log2(weight * n / (chance * frequency[source] * frequency[target])))
    return _labelled(table, keys, rows, data).astype({"source": "str", "target": "str", "weight": "int64", "pmi": "float64"})


def cooccurrence_graph(edges: pd.DataFrame):
    """The edges of :func:`cooccurrence` as a networkx graph, ready to draw.

    Parameters
    ----------
    edges : pandas.DataFrame
        A table from :func:`cooccurrence` (or any table with ``source``, ``target``,
        ``weight``), for one unit: filter a table made with ``by`` first.

    Returns
    -------
    networkx.Graph
        One node per term, with ``weight``: the sum of its edges' weights (its
        strength, for node sizes); one edge per row, with ``weight`` and, when the table
        has it, ``pmi``.

    Raises
    ------
    zjnlp.errors.OptionError
        The table lacks ``source``/``target``/``weight``, or holds edges of several units.

    Examples
    --------
    >>> graph = cooccurrence_graph(pd.DataFrame({"source": ["湛江湾"], "target": ["红树林"], "weight": [2]}))
    >>> graph["湛江湾"]["红树林"]["weight"], graph.nodes["红树林"]["weight"]
    (2, 2)
    """
    import networkx as nx

    missing = {"source", "target", "weight"} - set(edges.columns)
    if missing:
        raise OptionError("edges", f"a table without {', '.join(sorted(missing))}", "the table cooccurrence() returns")
    keys = [column for column in edges.columns if column in ("part", "section", "paragraph")]
    if keys and len(edges[keys].drop_duplicates()) > 1:
        count = len(edges[keys].drop_duplicates())
        raise OptionError("edges", f"edges of {count} units", "the edges of one unit: filter on the unit columns first")
    graph = nx.Graph()
    attributes = [column for column in ("weight", "pmi") if column in edges.columns]
    for record in edges[["source", "target", *attributes]].itertuples(index=False):
        graph.add_edge(record.source, record.target, **{name: getattr(record, name) for name in attributes})
    for node, strength in graph.degree(weight="weight"):
        graph.nodes[node]["weight"] = strength
    return graph


# --------------------------------------------------------------------------- command line

Method = Literal["tfidf", "textrank", "keyness"]


def _reference_texts(reference: Sequence[str | Path | Report]) -> list[str]:
    """``"national"`` is the national corpus; a Path or any other string is a report file."""
    texts: list[str] = []
    for item in reference:
        if isinstance(item, Report):
            texts.append(item.text)
        elif item == "national":
            texts.extend(_national_texts())
        else:
            texts.append(read_report(Path(item)).text)
    return texts


def _defaults(function: Callable, *names: str) -> dict[str, object]:
    """The defaults of ``function``'s parameters ``names``: a caller takes them, never retypes them."""
    parameters = inspect.signature(function).parameters
    return {name: parameters[name].default for name in names}


def keywords_for_cli(
    report: Report | str,
    *,
    by: Unit = "section",
    appendices: bool = False,
    part_kind: PartKinds = None,
    top: int = 10,
    method: Method = "tfidf",
    reference: Sequence[str | Path | Report] | None = None,
) -> pd.DataFrame:
    """The table ``zjnlp keywords`` prints: the top terms of each unit by one method.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="section"
        The unit of analysis.
    top : int, default=10
        Keywords per unit.
    method : {"tfidf", "textrank", "keyness"}, default="tfidf"
        ``"tfidf"``: :func:`tfidf_keywords`; ``"textrank"``: jieba's TextRank
        (:func:`jieba_keywords`); ``"keyness"``: the over-used terms of
        :func:`keyness_by_unit` with its defaults, by G².
    reference : sequence of ``"national"``, file paths or Reports, optional
        The reference corpus: for ``tfidf`` the IDF corpus (default: the report's own
        units), for ``keyness`` what each unit is compared with (default: the rest of
        the report). ``"national"`` stands for the national reports 1954–2025; any
        other string is a report file.

    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too; left out by default.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``, ``government``,
        ``other``); see :func:`zjnlp.structure.units`.

    Returns
    -------
    pandas.DataFrame
        The unit columns of ``by``, then ``rank``, ``term``, ``score`` (TF-IDF weight,
        TextRank weight or G²).

    Raises
    ------
    zjnlp.errors.OptionError
        An unknown method; a reference with ``textrank``; ``keyness`` by document with
        no reference.
    zjnlp.errors.InputError
        A reference file cannot be read.
    """
    check_whole_number("top", top, minimum=1)
    reference = None if reference is None or len(reference) == 0 else reference
    if method == "tfidf":
        idf = "units" if reference is None else _reference_texts(reference)
        return tfidf_keywords(report, by=by, top=top, idf=idf, appendices=appendices, part_kind=part_kind)
    if method == "textrank":
        if reference is not None:
            raise OptionError("reference", list(map(str, reference)), "no reference with method 'textrank' (jieba's TextRank needs none)")
        return jieba_keywords(report, by=by, top=top, method="textrank", appendices=appendices,
                              part_kind=part_kind).drop(columns="method")
    if method == "keyness":
        if reference is None and by == "document":
            raise OptionError("reference", None, "a reference ('national' or report files) for keyness of the whole document")
        texts = None if reference is None else _reference_texts(reference)
        options = _defaults(keyness_by_unit, "tokenizer", "stopwords", "min_length", "min_count", "measure", "correction", "filters")
        table, keys, results = _unit_keyness(
            as_report(report), by=by, appendices=appendices, part_kind=part_kind, reference=texts, target_only=True, **options
        )
        rows: list[int] = []
        data: dict[str, list] = {column: [] for column in KEYWORD_COLUMNS}
        for row, frame in results:
            over = frame[frame["direction"] == "over"].head(top)
            rows.extend([row] * len(over))
            data["rank"].extend(range(1, len(over) + 1))
            data["term"].extend(over["term"])
            data["score"].extend(over["g2"])
        return _labelled(table, keys, rows, data).astype({"rank": "int64", "score": "float64"})
    raise OptionError("method", method, "'tfidf', 'textrank' or 'keyness'")
