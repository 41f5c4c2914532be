"""Tokenizing: a policy-aware tokenizer, quoted-term harvesting, stopwords, new words.

jieba's dictionary breaks the vocabulary government work reports are made of
(粤港澳大湾区 -> 粤港澳 / 大湾 / 区, 碳中和 -> 碳中 / 和). This module holds:

- :class:`Tokenizer`: jieba's algorithm run by rjieba (its Rust port, 15-20 times
  faster) on an instance of its own, so that no analysis changes another's results or
  jieba's global dictionary. ``Tokenizer(dictionary="jieba")`` cuts exactly as
  ``jieba.lcut`` does; the default adds the policy lexicon (``data/policy_lexicon.txt``);
  :meth:`Tokenizer.for_text` also keeps whole the terms the document itself puts in
  quotation marks.
- :func:`harvest_quoted_terms`: those terms (“揭榜挂帅”, “放管服”), without quoted
  sentences, numbers and scraps.
- :func:`stopwords`: a general list of Chinese function words and a separate list of
  policy boilerplate (推进, 加快, 加强 …), so that each analysis chooses.
- :func:`discover_words`: candidate new words of a corpus ranked by frequency, cohesion
  (PMI) and boundary freedom (left and right entropy), the tool the lexicon was grown with.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import math
import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache, partial
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np
import pandas as pd

from zjnlp import errors
from zjnlp.chinese import HAN
from zjnlp.errors import InputError, OptionError, check_whole_number

if TYPE_CHECKING:
    import rjieba

__all__ = [
    "DISCOVER_COLUMNS",
    "Tokenizer",
    "Tokenizes",
    "discover_words",
    "format_tokens",
    "harvest_quoted_terms",
    "is_word",
    "jieba_tokenizer",
    "policy_terms",
    "stopwords",
    "terms_kept_whole",
    "tokens_of",
]

Dictionary = Literal["policy", "jieba"] | os.PathLike

_DATA = importlib.resources.files(__package__) / "data"
POLICY_LEXICON = "policy_lexicon.txt"
DISCOVER_COLUMNS = ["word", "count", "pmi", "left_entropy", "right_entropy", "score", "in_dictionary"]
STOPWORD_FILES = {"general": "stopwords_general.txt", "policy": "stopwords_policy.txt"}

# --------------------------------------------------------------------------- jieba parity
# rjieba follows jieba except in two corners, which cut() repairs so that
# Tokenizer(dictionary="jieba") gives jieba.lcut's tokens exactly:
# 1. rjieba takes CJK extension A, U+9FD6-U+9FFF, the compatibility ideographs and the
#    supplementary planes for Chinese; jieba (U+4E00-U+9FD5 only) makes each of them a
#    token of its own and lets no word run across it.
# 2. In the HMM pass over runs of unknown single characters, rjieba keeps Latin letters
#    and digits joined by "-", "_" or "." together ("2011-2020", "a.b"); jieba splits them
#    with the pattern below ("2011", "-", "2020"), keeping only decimals ("5.5") whole.
_OTHER_HAN = re.compile("([\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0010ffff])")
_JOINED = re.compile(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+%?")
_JIEBA_NON_HAN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip
_DECIMAL = re.compile(r"[A-Za-z0-9]+\.[0-9]+")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_RUN = _ALNUM | frozenset("-_.")


def _has_other_han(text: str) -> bool:
    if len(text) < 2000:  # below this the regex is faster than numpy's fixed cost
        return _OTHER_HAN.search(text) is not None
    units = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
    # uint16 arithmetic wraps around, so (units - low) < width tests low <= units < low + width
    return bool(
        ((units - 0x3400) < 0x0DC0).any()  # CJK extension A
        or ((units - 0x9FD6) < 0x002A).any()  # U+9FD6-U+9FFF
        or ((units - 0xF900) < 0x0200).any()  # compatibility ideographs
        or ((units - 0xD800) < 0x0800).any()  # surrogates: supplementary planes
    )


def _repair_positions(text: str, hmm: bool) -> list[int]:
    """Where ``text`` has a character of corner 1 or (with the HMM) a joiner of corner 2."""
    positions = [match.start() for match in _OTHER_HAN.finditer(text)] if _has_other_han(text) else []
    if hmm:
        for joiner in "-_.":
            at = text.find(joiner)
            while at != -1:
                if 0 < at < len(text) - 1 and text[at - 1] in _ALNUM and text[at + 1] in _ALNUM:
                    if joiner != "." or not _decimal_at(text, at):
                        positions.append(at)
                at = text.find(joiner, at + 1)
    return sorted(positions)


def _decimal_at(text: str, dot: int) -> bool:
    """Whether the run of letters, digits and joiners around ``text[dot]`` is a plain decimal."""
    start, end = dot, dot + 1
    while start > 0 and text[start - 1] in _RUN:
        start -= 1
    while end < len(text) and text[end] in _RUN:
        end += 1
    return _DECIMAL.fullmatch(text, start, end) is not None


# --------------------------------------------------------------------------- dictionaries


# jieba's re_userdict: the frequency is digits after one space, the tag lower-case letters
# after one space, and everything before them is the word, spaces included.
_USERDICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() removes, as jieba strips each line


def _lexicon_entries(text: str) -> list[tuple[str, int | None, str | None]]:
    """The ``word [freq] [tag]`` lines of a jieba dictionary, read as ``jieba.load_userdict`` reads them.

    Each line is stripped of ASCII white space at both ends and of a byte-order mark at
    its start; a line without a frequency gets one from jieba's ``suggest_freq`` when it
    is added; a word may hold spaces (jieba's cutting never produces such a token, so
    the word only counts in the dictionary's totals); what does not fit ``freq``/``tag``
    stays part of the word (``word 5 NR`` is one word, as in jieba). One addition: a
    line starting with ``#`` is a comment, which jieba would take for a word, so that
    the lexicons keep their provenance in a header.
    """
    entries = []
    for line in text.split("\n"):
        line = line.strip(_ASCII_SPACE).lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        word, freq, tag = _USERDICT_LINE.match(line).groups()
        entries.append((word, None if freq is None else int(freq), None if tag is None else tag.strip()))
    return entries


@cache
def policy_terms() -> tuple[str, ...]:
    """The terms of the packaged policy lexicon, in its order.

    Examples
    --------
    >>> "碳达峰" in policy_terms()
    True
    """
    return tuple(word for word, _, _ in _lexicon_entries(_package_text(POLICY_LEXICON)))


def _package_text(name: str) -> str:
    return (_DATA / name).read_text(encoding="utf-8")


def _user_text(path: Path, what: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")  # line ends as written: jieba splits at "\n" only
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), errors.NOT_UTF8.format(error=error)) from error


@cache
def _engine(dictionary: str | Path, stamp: tuple[int, int] | None) -> rjieba.Jieba:
    """jieba's dictionary plus ``dictionary``'s words; built once per process and never changed.

    ``stamp`` (the file's modification time and size) makes an edited file load again.
    """
    import rjieba  # 0.1-0.6 s: only when a text is cut, not for the lexicon's terms

    engine = rjieba.Jieba()
    if dictionary == "policy":
        entries = _lexicon_entries(_package_text(POLICY_LEXICON))
    elif dictionary == "jieba":
        entries = []
    else:
        entries = _lexicon_entries(_user_text(dictionary, "dictionary"))
    for word, freq, tag in entries:
        engine.add_word(word, freq, tag)
    return engine


def _dictionary_key(dictionary: Dictionary) -> tuple[str | Path, tuple[int, int] | None]:
    if isinstance(dictionary, str) and dictionary in ("policy", "jieba"):
        return dictionary, None
    if not isinstance(dictionary, os.PathLike):
        raise OptionError("dictionary", dictionary, "'policy', 'jieba' or a pathlib.Path of a jieba dictionary file")
    path = Path(dictionary).resolve()
    if not path.is_file():
        raise InputError(str(dictionary), errors.MISSING)
    status = path.stat()
    return path, (status.st_mtime_ns, status.st_size)


# --------------------------------------------------------------------------- the tokenizer


class Tokenizes(Protocol):
    """Anything with a lossless ``cut(text) -> list[str]``, such as ``zjnlp.tokenize.Tokenizer``."""

    def cut(self, text: str) -> list[str]: ...


class Tokenizer:
    """jieba's segmentation on a dictionary of its own, lossless, with policy terms kept whole.

    Parameters
    ----------
    dictionary : {"policy", "jieba"} or path-like, default="policy"
        ``"jieba"``: jieba's default dictionary, cutting exactly as ``jieba.lcut``.
        ``"policy"``: that plus the policy lexicon shipped in ``zjnlp/data``. A path: jieba's
        dictionary plus the words of that file, in jieba's user dictionary format
        (``word [frequency] [tag]`` a line, read as ``jieba.load_userdict`` reads it;
        ``#`` lines are comments). Each dictionary is
        built once per process (about 0.1 s) and shared by the tokenizers that use it.
    words : iterable of str, default=()
        Terms kept whole wherever they occur, whatever the dictionary says: the text is
        split around them and the rest is cut by the dictionary. :meth:`for_text` adds a
        document's quoted terms here.
    hmm : bool, default=True
        Let jieba's HMM join unknown characters into words, as ``jieba.lcut`` does.

    Attributes
    ----------
    dictionary : str or pathlib.Path
        ``"policy"``, ``"jieba"`` or the resolved path of the dictionary file.
    words : tuple of str
        The terms added with ``words`` (and by :meth:`for_text`), in order, without repeats.
    hmm : bool

    Raises
    ------
    zjnlp.errors.OptionError
        ``dictionary`` is not one of the above (a path must be a ``pathlib.Path``, so that
        a misspelt name is not taken for a file), ``hmm`` is not a bool, or a word is empty
        or not a string.
    zjnlp.errors.InputError
        The dictionary file is missing or has a malformed line.

    Notes
    -----
    Never touches jieba's global dictionary. A tokenizer pickles as its options and is
    rebuilt from them in a worker process (the dictionary once per worker).

    Examples
    --------
    >>> Tokenizer(dictionary="jieba").cut("推进粤港澳大湾区建设")
    ['推进', '粤港澳', '大湾', '区', '建设']
    >>> Tokenizer().cut("推进粤港澳大湾区建设")
    ['推进', '粤港澳大湾区', '建设']
    >>> Tokenizer().for_text("实施“揭榜挂帅”，揭榜挂帅项目落地").words
    ('揭榜挂帅',)
    """

    def __init__(self, dictionary: Dictionary = "policy", *, words: Iterable[str] = (), hmm: bool = True) -> None:
        name, stamp = _dictionary_key(dictionary)
        if not isinstance(hmm, bool):
            raise OptionError("hmm", hmm, "True or False")
        if isinstance(words, str):
            raise OptionError("words", words, "an iterable of words, not a single string")
        words = tuple(dict.fromkeys(words))
        for word in words:
            if not isinstance(word, str) or not word:
                raise OptionError("words", word, "non-empty strings")
        self._dictionary = name
        self._engine = _engine(name, stamp)
        self._words = words
        self._word_set = frozenset(words)
        self._hmm = hmm

    @property
    def dictionary(self) -> str:
        return self._dictionary

    @property
    def words(self) -> tuple[str, ...]:
        return self._words

    @property
    def hmm(self) -> bool:
        return self._hmm

    def __repr__(self) -> str:
        return f"Tokenizer(dictionary={self._dictionary!r}, words=<{len(self._words)} terms>, hmm={self._hmm})"

    def __reduce__(self):
        return partial(Tokenizer, words=self._words, hmm=self._hmm), (self._dictionary,)

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` is in the dictionary or among the added terms."""
        return isinstance(word, str) and (word in self._word_set or self._engine.has_word(word))

    def cut(self, text: str) -> list[str]:
        """Cut ``text`` into tokens that join back to it exactly.

        Spaces, line breaks and punctuation are tokens too, as in ``jieba.lcut``.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of str
            ``"".join(tokens) == text``.

        Examples
        --------
        >>> Tokenizer().cut("力争碳达峰，努力碳中和。")
        ['力争', '碳达峰', '，', '努力', '碳中和', '。']
        """
        if not isinstance(text, str):
            raise OptionError("text", type(text).__name__, "a str")
        if not self._words:
            return self._cut(text)
        # Every occurrence of every word, then the leftmost (and of those the longest) first.
        found = []
        for word in self._words:
            at = text.find(word)
            while at != -1:
                found.append((at, -len(word)))
                at = text.find(word, at + 1)
        found.sort()
        tokens: list[str] = []
        done = 0
        for at, minus_length in found:
            if at >= done:
                tokens += self._cut(text[done:at])
                done = at - minus_length
                tokens.append(text[at:done])
        return tokens + self._cut(text[done:])

    def __call__(self, text: str) -> list[str]:
        """Same as :meth:`cut`, so that a tokenizer can be scikit-learn's ``tokenizer=``."""
        return self.cut(text)

    def _cut(self, text: str) -> list[str]:
        positions = _repair_positions(text, self._hmm)
        if not positions:
            return self._engine.cut(text, self._hmm)
        # Repair only the lines that need it: no jieba word runs across a line break.
        tokens: list[str] = []
        done = 0
        for at in positions:
            if at >= done:
                start = text.rfind("\n", 0, at) + 1
                end = text.find("\n", at) + 1 or len(text)
                tokens += self._engine.cut(text[done:start], self._hmm) + self._cut_repaired(text[start:end])
                done = end
        return tokens + self._engine.cut(text[done:], self._hmm)

    def _cut_repaired(self, line: str) -> list[str]:
        tokens = []
        for piece in _OTHER_HAN.split(line):
            if _OTHER_HAN.fullmatch(piece):
                tokens.append(piece)
                continue
            for token in self._engine.cut(piece, self._hmm):
                if self._hmm and _JOINED.fullmatch(token) and not self._engine.has_word(token):
                    tokens += filter(None, _JIEBA_NON_HAN.split(token))
                else:
                    tokens.append(token)
        return tokens

    def for_text(self, text: str) -> Tokenizer:
        """A tokenizer that also keeps whole the terms ``text`` puts in quotation marks.

        Cheap (no dictionary is rebuilt): the new tokenizer shares this one's dictionary.

        Parameters
        ----------
        text : str
            The document, usually ``Report.text``.

        Returns
        -------
        Tokenizer
            Same dictionary and ``hmm``; ``words`` is this tokenizer's words followed by
            :func:`harvest_quoted_terms` of ``text``.

        Examples
        --------
        >>> text = "坚持“房住不炒”定位。房住不炒是长期方针。"
        >>> Tokenizer().for_text(text).cut(text)[:4]
        ['坚持', '“', '房住不炒', '”']
        """
        return Tokenizer(self._dictionary, words=(*self._words, *harvest_quoted_terms(text)), hmm=self._hmm)


def tokens_of(text: str, *, tokenizer: Tokenizer | None = None) -> list[str]:
    """The tokens of one document, with its quoted terms kept whole.

    Parameters
    ----------
    text : str
        The document, usually ``Report.text``.
    tokenizer : Tokenizer, optional
        Defaults to ``Tokenizer()`` (jieba's dictionary plus the policy lexicon).

    Returns
    -------
    list of str
        ``tokenizer.for_text(text).cut(text)``; the tokens join back to ``text``.

    Examples
    --------
    >>> tokens_of("推进“一网通办”，一网通办覆盖全市")[2]
    '一网通办'
    """
    return (tokenizer or Tokenizer()).for_text(text).cut(text)


def jieba_tokenizer():
    """A ``jieba.Tokenizer`` of its own with jieba's default dictionary, loaded quietly.

    The baseline that comparisons and parity tests run against; jieba's global
    tokenizer is left alone and its "Building prefix dict" lines stay off stderr.

    Returns
    -------
    jieba.Tokenizer

    Examples
    --------
    >>> jieba_tokenizer().lcut("碳中和")
    ['碳中', '和']
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def is_word(token: str) -> bool:
    """Whether a token is a word: it holds a Chinese character or a Latin letter.

    Punctuation, white space and bare numbers are not.

    Examples
    --------
    >>> [is_word(token) for token in ["碳中和", "5G", "2023", "，", "\\n"]]
    [True, True, False, False, False]
    """
    return _WORD.search(token) is not None


_WORD = re.compile(f"[{HAN}A-Za-z]")

# --------------------------------------------------------------------------- quoted terms

_QUOTED = re.compile("“([^“”\n]{1,40})”|「([^「」\n]{1,40})」")
_HAN = re.compile(f"[{HAN}]")
_NOT_IN_TERM = re.compile(r"[\s，。、；：！？,;:!?…—（）()《》〈〉【】\[\]{}<>\"'‘’“”「」]")
MAX_TERM_LENGTH = 10


def terms_kept_whole(tokens: list[str], text: str, terms: Iterable[str]) -> tuple[int, int]:
    """How many occurrences of ``terms`` in ``text`` no token boundary cuts through.

    The measure of a tokenizer's recall of policy terms: a term is kept whole where
    no boundary between ``tokens`` (which join to ``text``) falls inside it.

    Returns
    -------
    (kept, total) : tuple of int

    Examples
    --------
    >>> terms_kept_whole(["碳", "达峰", "和", "碳中和"], "碳达峰和碳中和", ["碳达峰", "碳中和"])
    (1, 2)
    """
    cuts = list(accumulate(map(len, tokens), initial=0))
    kept = total = 0
    for term in terms:
        at = text.find(term)
        while at != -1:
            total += 1
            after = bisect_right(cuts, at)
            kept += after == len(cuts) or cuts[after] >= at + len(term)
            at = text.find(term, at + 1)
    return kept, total


def harvest_quoted_terms(text: str) -> list[str]:
    """The terms a document puts in quotation marks (“…” or 「…」), first occurrence first.

    A quoted span is a term when it is 2 to 10 characters long, holds a Chinese
    character, and has no white space or sentence punctuation: this leaves out quoted
    sentences and lists (“大众创业、万众创新”), numbers (“5080”) and scraps whose ``+``
    was lost to a space (“互联网 医疗健康”).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> harvest_quoted_terms("实施“揭榜挂帅”，巩固“5080”成果，推进“互联网 医疗健康”和“双减”")
    ['揭榜挂帅', '双减']
    """
    terms = {}
    for match in _QUOTED.finditer(text):
        term = match.group(1) or match.group(2)
        if 2 <= len(term) <= MAX_TERM_LENGTH and _HAN.search(term) and not _NOT_IN_TERM.search(term):
            terms[term] = None
    return list(terms)


# --------------------------------------------------------------------------- stopwords


def _word_list(text: str) -> frozenset[str]:
    words = (line.strip() for line in text.splitlines())
    return frozenset(word for word in words if word and not word.startswith("#"))


@cache
def _packaged_stopwords(kind: str) -> frozenset[str]:
    return _word_list(_package_text(STOPWORD_FILES[kind]))


def stopwords(kind: Literal["general", "policy"] | os.PathLike = "general") -> frozenset[str]:
    """A stopword list: one word a line, ``#`` lines are comments.

    Parameters
    ----------
    kind : {"general", "policy"} or path-like, default="general"
        ``"general"``: Chinese function words (pronouns, particles, prepositions,
        conjunctions, auxiliaries, frequent adverbs). ``"policy"``: the boilerplate verbs
        and modifiers of policy prose (推进, 加快, 加强, 深入, 全面 …) that carry little
        of a report's subject. Each file's header says how it was made. Combine with
        ``stopwords("general") | stopwords("policy")``. A path reads a list of your own.

    Returns
    -------
    frozenset of str

    Raises
    ------
    zjnlp.errors.OptionError
        ``kind`` is neither a known list nor a path.
    zjnlp.errors.InputError
        The file of a path cannot be read as UTF-8.

    Examples
    --------
    >>> "的" in stopwords("general"), "推进" in stopwords("policy")
    (True, True)
    """
    if isinstance(kind, os.PathLike):
        return _word_list(_user_text(Path(kind), "stopword list"))
    if kind not in STOPWORD_FILES:
        raise OptionError("kind", kind, "'general', 'policy' or a pathlib.Path of a stopword file")
    return _packaged_stopwords(kind)


# --------------------------------------------------------------------------- output


def format_tokens(tokens: list[str], *, format: Literal["text", "json"] = "text") -> str:
    """Tokens as the command line prints them.

    Parameters
    ----------
    tokens : list of str
    format : {"text", "json"}, default="text"
        ``"text"``: one line of the document a line, its tokens separated by `` / ``,
        white space left out. ``"json"``: the list of every token, white space included.

    Returns
    -------
    str

    Examples
    --------
    >>> print(format_tokens(["推进", "碳达峰", "。", "\\n", "各位", "代表"]))
    推进 / 碳达峰 / 。
    各位 / 代表
    """
    if format == "json":
        return json.dumps(tokens, ensure_ascii=False)
    if format != "text":
        raise OptionError("format", format, "'text' or 'json'")
    lines: list[list[str]] = [[]]
    for token in tokens:
        if "\n" in token:
            lines.append([])
        elif not token.isspace():
            lines[-1].append(token)
    return "\n".join(" / ".join(line) for line in lines if line)


# --------------------------------------------------------------------------- new words

_CANDIDATE = re.compile(f"[{HAN}]+")
_ONE_DIGIT = str.maketrans("123456789", "000000000")


def discover_words(
    texts: Iterable[str],
    *,
    min_count: int = 5,
    max_len: int = 6,
    top: int | None = None,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Candidate words of a corpus, ranked by frequency, cohesion and boundary freedom.

    Every run of 2 to ``max_len`` Chinese characters seen ``min_count`` times or more is
    a candidate. A word holds together (high ``pmi``: it occurs far more often than its
    halves would by chance) and is used in many contexts (high left and right entropy
    of its neighbouring characters); a fragment such as 粤港澳大湾 is always followed by
    区 (right entropy 0).

    Parameters
    ----------
    texts : iterable of str
        The corpus, one document a string.
    min_count : int, default=5
        Fewest occurrences of a candidate.
    max_len : int, default=6
        Longest candidate, in characters (2 or more).
    top : int, optional
        Keep this many best candidates; all when omitted.
    tokenizer : Tokenizer, optional
        The dictionary ``in_dictionary`` looks words up in; ``Tokenizer()`` when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per candidate, best first, columns ``word``, ``count`` (occurrences),
        ``pmi`` (the weakest split's pointwise mutual information, natural log),
        ``left_entropy``, ``right_entropy`` (of the neighbouring character, digits
        counted as one; a line's edge counts as a new neighbour each time), ``score``
        (``log(count) * pmi * min(left_entropy, right_entropy)``, 0 when any factor is
        negative) and ``in_dictionary`` (bool: the tokenizer knows it already).

    Raises
    ------
    zjnlp.errors.OptionError
        ``min_count`` below 1, ``max_len`` below 2, or ``top`` below 1.

    Examples
    --------
    >>> texts = ["推进乡村振兴，全面推进乡村振兴，乡村振兴取得成效。"] * 3
    >>> discover_words(texts, min_count=3, top=1).word.tolist()
    ['乡村振兴']
    """
    check_whole_number("min_count", min_count, minimum=1)
    check_whole_number("max_len", max_len, minimum=2)
    check_whole_number("top", top, minimum=1, none="all")
    # Digits count as one character, so that a word always followed by a number
    # (率达 in 覆盖率达95%) does not look free on that side.
    lines = [line for text in texts for line in text.translate(_ONE_DIGIT).splitlines()]
    counts = _ngram_counts(lines, max_len + 1, min_count)  # one longer than a candidate: its neighbours
    total = sum(counts[1].values())
    right: dict[str, Counter] = {}
    left: dict[str, Counter] = {}
    for n in range(2, max_len + 1):
        for gram, count in counts[n + 1].items():
            if counts[n][gram[:-1]] >= min_count:
                right.setdefault(gram[:-1], Counter())[gram[-1]] += count
            if counts[n][gram[1:]] >= min_count:
                left.setdefault(gram[1:], Counter())[gram[0]] += count
    tokenizer = tokenizer or Tokenizer()
    rows = []
    for n in range(2, max_len + 1):
        for word, count in counts[n].items():
            if count < min_count or not _CANDIDATE.fullmatch(word):
                continue
            pmi = min(
                math.log(count * total / (counts[k][word[:k]] * counts[n - k][word[k:]])) for k in range(1, n)
            )
            left_entropy = _entropy(left.get(word, Counter()), count)
            right_entropy = _entropy(right.get(word, Counter()), count)
            score = math.log(count) * max(pmi, 0.0) * min(left_entropy, right_entropy)
            rows.append((word, count, pmi, left_entropy, right_entropy, score, word in tokenizer))
    table = pd.DataFrame(rows, columns=DISCOVER_COLUMNS)
    table = table.sort_values(["score", "count", "word"], ascending=[False, False, True], ignore_index=True)
    return table if top is None else table.head(top)


def _ngram_counts(lines: list[str], longest: int, min_count: int) -> list[Counter]:
    """``counts[n]``: n-grams of the lines, exact for every n-gram seen ``min_count`` times.

    Apriori pruning: an n-gram is counted only where its first or last n-1 characters
    are frequent, which every frequent n-gram (and every neighbour of one) satisfies.
    """
    counts: list[Counter] = [Counter(), Counter(char for line in lines for char in line)]
    # starts[k]: the positions of line k where a frequent (n-1)-gram starts
    starts = [[i for i, char in enumerate(line) if counts[1][char] >= min_count] for line in lines]
    for n in range(2, longest + 1):
        level: Counter = Counter()
        counted = []
        for line, frequent in zip(lines, starts):
            last = len(line) - n
            positions = sorted({i for p in frequent for i in (p - 1, p) if 0 <= i <= last})
            level.update(line[i : i + n] for i in positions)
            counted.append(positions)
        counts.append(level)
        starts = [[i for i in positions if level[line[i : i + n]] >= min_count] for line, positions in zip(lines, counted)]
    return counts


def _entropy(neighbours: Counter, count: int) -> float:
    """Entropy of the neighbours; each of the ``count - sum`` edge occurrences is a neighbour of its own."""
    edges = count - sum(neighbours.values())
    entropy = -sum(c / count * math.log(c / count) for c in neighbours.values())
    return entropy + edges / count * math.log(count)
