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
- :func:`compounds`: a document's modifier + head compounds (潮汕 + 机场, 地方 + 债务),
  heads from ``data/term_heads.txt``, and its names of built things (川藏 + 铁路),
  heads from ``data/name_heads.txt``, and its provincial campaign names (平安 + 湖南,
  first words from ``data/place_templates.txt``), which ``for_text(discover=True)`` keeps whole.
- :func:`stopwords`: a general list of Chinese function words and a separate list of
  policy boilerplate (推进, 加快, 加强 …), so that each analysis chooses.
- :func:`discover_words`: candidate new words of a corpus ranked by frequency, cohesion
  (PMI) and boundary freedom (left and right entropy), the tool the lexicon was grown with.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import os
import re
from bisect import bisect_right
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
    "compounds",
    "discover_words",
    "fewest_words",
    "format_tokens",
    "harvest_quoted_terms",
    "is_new_word",
    "is_nominal",
    "jieba_tags",
    "is_word",
    "jieba_tokenizer",
    "name_heads",
    "package_words",
    "place_templates",
    "policy_terms",
    "stopwords",
    "term_heads",
    "terms_kept_whole",
    "tokens_of",
]

Dictionary = Literal["policy", "jieba"] | os.PathLike

_DATA = importlib.resources.files(__package__) / "data"
POLICY_LEXICON = "policy_lexicon.txt"
DISCOVER_COLUMNS = ["word", "count", "pmi", "left_entropy", "right_entropy", "score", "in_dictionary", "aligned", "example"]
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

    def for_text(self, text: str, *, discover: bool = False) -> Tokenizer:
        """A tokenizer that also keeps whole the terms ``text`` puts in quotation marks.

        Cheap (no dictionary is rebuilt): the new tokenizer shares this one's dictionary.

        Parameters
        ----------
        text : str
            The document, usually ``Report.text``.
        discover : bool, default=False
            Also keep whole the new words the document itself repeats
            (``discover_words([text], new_only=True)`` with ``min_count=REPORT_MIN_COUNT``
            and a score of at least ``REPORT_MIN_SCORE``: a named zone or programme
            the report names three times) and its modifier + head compounds
            (:func:`compounds`, found twice over, so that 社会 + 救助 + 体系 joins whole:
            潮汕机场, 地方债务, 川藏铁路). Costs about half a second a report.

        Returns
        -------
        Tokenizer
            Same dictionary and ``hmm``; ``words`` is this tokenizer's words followed by
            :func:`harvest_quoted_terms` of ``text`` (and, with ``discover``, its new
            words and compounds).

        Examples
        --------
        >>> text = "坚持“房住不炒”定位。房住不炒是长期方针。"
        >>> Tokenizer().for_text(text).cut(text)[:4]
        ['坚持', '“', '房住不炒', '”']
        """
        if not isinstance(discover, bool):
            raise OptionError("discover", discover, "True or False")
        words = [*self._words, *harvest_quoted_terms(text)]
        if discover:
            table = discover_words([text], min_count=REPORT_MIN_COUNT, max_len=MAX_TERM_LENGTH, tokenizer=self, new_only=True)
            words += table.word[table.score >= REPORT_MIN_SCORE].tolist()
            for _ in range(COMPOUND_ROUNDS):
                found = Tokenizer(self._dictionary, words=words, hmm=self._hmm)
                words += compounds(found.cut(text), tokenizer=found)
        return Tokenizer(self._dictionary, words=words, hmm=self._hmm)


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
# Tokenizer.for_text(discover=True): a report's own new words, seen this often, scoring this much.
REPORT_MIN_COUNT = 3
REPORT_MIN_SCORE = 0.5
COMPOUND_ROUNDS = 2  # a compound may itself modify a head: 社会 + 救助, then 社会救助 + 体系


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


# --------------------------------------------------------------------------- compounds

TERM_HEADS = "term_heads.txt"
NAME_HEADS = "name_heads.txt"
PLACE_TEMPLATES = "place_templates.txt"
NAME_MODIFIER_LENGTH = (2, 3)  # 川藏, 渝厦, 南信合: the abbreviated place names that make such names
# jieba's tags of names: places, people, organisations, other proper nouns, abbreviations.
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "j"})
# jieba's tags of words that do not modify a head inside a term: verbs, adjectives,
# adverbs, pronouns, numerals, measure, time and place words, function words.
_NOT_MODIFIER = frozenset({"v", "a", "d", "p", "c", "u", "r", "m", "q", "t", "f", "y", "e", "o", "z", "ad", "vd", "ul", "uj"})
_TAGGED = re.compile(r"^(\S+) [0-9]+ (\S+)$", re.MULTILINE)
HAN_RUN = re.compile(f"[{HAN}]+")


def term_heads() -> frozenset[str]:
    """The heads of compound terms (工程, 平台, 保险, 示范区 …), from ``data/term_heads.txt``.

    Examples
    --------
    >>> {"机场", "债务", "体系"} <= term_heads()
    True
    """
    return package_words(TERM_HEADS)


def name_heads() -> frozenset[str]:
    """The heads of proper names of built things and places (铁路, 高铁, 机场, 水库 …), from ``data/name_heads.txt``.

    Examples
    --------
    >>> {"铁路", "水电工程"} <= name_heads()
    True
    """
    return package_words(NAME_HEADS)


def place_templates() -> frozenset[str]:
    """The first words of campaign names a province copies with its own name (平安, 法治,
    美丽 …: 平安湖南 after 平安中国), from ``data/place_templates.txt``.

    Examples
    --------
    >>> {"平安", "法治"} <= place_templates()
    True
    """
    return package_words(PLACE_TEMPLATES)


def compounds(tokens: list[str], *, tokenizer: Tokenizer | None = None) -> list[str]:
    """The modifier + head compounds among a document's tokens, first occurrence first.

    A compound is two neighbouring tokens: a modifier and then a head of
    :func:`term_heads` (潮汕 + 机场, 地方 + 债务, 社会治安整体防控 + 体系), 3 to 10
    characters together. The modifier is 2 characters or more of Chinese, not a stopword
    (general or policy), and either a word of jieba's dictionary whose part of speech can
    modify a noun (a noun, a verbal noun, a distinguishing word; not a verb, adjective,
    adverb, pronoun, numeral or function word: 推动 + 平台, 这是 + 经济 stay apart) or a
    term ``tokenizer`` adds to jieba's dictionary (an unknown string the HMM joined is
    not one, most being fragments). A head of :func:`name_heads` (铁路, 机场, 水库)
    takes a name instead: a word jieba's dictionary tags as a place, person,
    organisation, proper noun or abbreviation (长沙 + 机场), or an unknown string of 2
    or 3 characters that neither opens nor ends with a general stopword, such as the
    abbreviated place names these names are made of (川藏 + 铁路, 渝厦 + 高铁). A first
    word of :func:`place_templates` followed by a place name of jieba's dictionary (tag
    ns) is a campaign name too (平安 + 湖南, 法治 + 浙江).

    Parameters
    ----------
    tokens : list of str
        A document cut by ``tokenizer``.
    tokenizer : Tokenizer, optional
        ``Tokenizer()`` when omitted.

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokens = Tokenizer(dictionary="jieba").cut("扩建潮汕机场，推动平台建设，化解地方债务")
    >>> compounds(tokens, tokenizer=Tokenizer(dictionary="jieba"))
    ['潮汕机场', '地方债务']
    """
    tokenizer = tokenizer or Tokenizer()
    tags, heads, names, templates = jieba_tags(), term_heads(), name_heads(), place_templates()
    skip = stopwords("general") | stopwords("policy")
    found: dict[str, None] = {}
    for modifier, head in zip(tokens, tokens[1:]):
        if modifier in templates and tags.get(head) == "ns":
            found[modifier + head] = None
            continue
        if head not in heads and head not in names or not 2 <= len(modifier) <= MAX_TERM_LENGTH - len(head):
            continue
        if modifier in skip or not HAN_RUN.fullmatch(modifier):
            continue
        tag = tags.get(modifier)
        if head in heads and (tag not in _NOT_MODIFIER if tag is not None else modifier in tokenizer):
            found[modifier + head] = None
        elif head in names and _is_name(modifier, tag, tokenizer, skip):
            found[modifier + head] = None
    return list(found)


def _is_name(modifier: str, tag: str | None, tokenizer: Tokenizer, skip: frozenset[str]) -> bool:
    """Whether ``modifier`` may name a built thing or place: a name by jieba's tag, or a short unknown string (川藏)."""
    if tag is not None:
        return tag in _NAME_TAGS
    low, high = NAME_MODIFIER_LENGTH
    return modifier not in tokenizer and low <= len(modifier) <= high and modifier[0] not in skip and modifier[-1] not in skip


# --------------------------------------------------------------------------- stopwords


def _word_list(text: str) -> frozenset[str]:
    words = (line.strip() for line in text.splitlines())
    return frozenset(word for word in words if word and not word.startswith("#"))


@cache
def package_words(name: str) -> frozenset[str]:
    """The words of a word list in ``zjnlp/data``: one a line, ``#`` and what follows it a
    comment, on a line of its own or after the word (``代表 # 0.64`` in generic_words.txt)."""
    lines = (line.split("#")[0].strip() for line in _package_text(name).splitlines())
    return frozenset(line for line in lines if line)


def _packaged_stopwords(kind: str) -> frozenset[str]:
    return package_words(STOPWORD_FILES[kind])


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



def discover_words(
    texts: Iterable[str],
    *,
    min_count: int | None = None,
    max_len: int = 6,
    top: int | None = None,
    tokenizer: Tokenizer | None = None,
    new_only: bool = False,
    juxtapositions: bool = True,
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
    min_count : int, optional
        Fewest occurrences of a candidate. By default it grows with the square root of the
        corpus's length (``5 * sqrt(characters / 1e6)``, rounded, at least 2): 2 on one
        report, whose new words a report repeats only two or three times; 5 on a million
        characters (the 2026 provincial reports together); 14 on 22 MB.
    max_len : int, default=6
        Longest candidate, in characters (2 or more).
    top : int, optional
        Keep this many best candidates; all when omitted.
    tokenizer : Tokenizer, optional
        The dictionary ``in_dictionary`` looks words up in and whose tokens ``aligned``
        compares with; ``Tokenizer()`` (jieba's dictionary and the policy lexicon) when
        omitted.
    new_only : bool, default=False
        Keep only new words (:func:`is_new_word`): candidates of score above 0 (a word is
        free at both edges; 引大济 is always followed by 岷) that the tokenizer does not know,
        that are not phrases (a function word or numeral at an edge, 的 inside, a policy
        boilerplate verb first, 建设, 工作 or 发展 last, a clause by jieba's part-of-speech
        tags such as 建强 or 强工业), and that start and end where the tokenizer's tokens do in at
        least half their occurrences (河流域 cuts 黄河 / 流域 and is left out).
    juxtapositions : bool, default=True
        With ``new_only``, also keep the new words that read as two words side by side
        (:func:`_is_juxtaposition`): tokens the texts each use at least three times as often
        as together (湖北经济: 湖北 46 times, 经济 82, together 3) or that the national reports
        use apart 25 times as often (管理改革), a thing and a verb (居民增收,
        启动实施), a verb of one character before one other character (聚势, 做优), a
        measure word first (级开发区), 全国 inside or a noun such as 国家 last that needs
        its head (高于全国, 入选国家). ``False`` leaves them out, as ``zjnlp discover`` does:
        of 352 candidates read in twelve reports (``benchmarks/discover_sample.csv``),
        the tests other than the national reports' leave out 111 false ones and 14 real
        terms; that one, on 84 more read in two reports, 6 false ones and no real one.

    Returns
    -------
    pandas.DataFrame
        One row per candidate, best first, columns ``word``, ``count`` (occurrences),
        ``pmi`` (the weakest split's pointwise mutual information, natural log),
        ``left_entropy``, ``right_entropy`` (of the neighbouring character, digits
        counted as one; a line's edge counts as a new neighbour each time), ``score``
        (``log(count) * pmi * min(left_entropy, right_entropy)``, 0 when any factor is
        negative), ``in_dictionary`` (bool: the tokenizer knows it already), ``aligned``
        (share of its occurrences that start and end at the tokenizer's token
        boundaries) and ``example`` (its first occurrence with up to 12 characters of its
        line on each side: enough to judge it, short enough that a terminal shows the word).

    Raises
    ------
    zjnlp.errors.OptionError
        ``min_count`` below 1, ``max_len`` below 2, ``top`` below 1, ``new_only`` or
        ``juxtapositions`` not a bool.

    Notes
    -----
    Counting is done on arrays (numpy), level by level: a 22 MB corpus takes seconds and
    well under a gigabyte.

    Examples
    --------
    >>> texts = ["推进乡村振兴，全面推进乡村振兴，乡村振兴取得成效。"] * 3
    >>> discover_words(texts, min_count=3, top=1).word.tolist()
    ['乡村振兴']
    """
    check_whole_number("min_count", min_count, minimum=1, none="a default by the corpus's length")
    check_whole_number("max_len", max_len, minimum=2)
    check_whole_number("top", top, minimum=1, none="all")
    for name, value in (("new_only", new_only), ("juxtapositions", juxtapositions)):
        if not isinstance(value, bool):
            raise OptionError(name, value, "True or False")
    tokenizer = tokenizer or Tokenizer()
    text = "\n".join(texts)
    levels = _Levels(text, max_len, _default_min_count(len(text)) if min_count is None else min_count)
    boundaries = _token_boundaries(text, tokenizer)
    tables = [_score_level(text, levels, n, boundaries) for n in range(2, max_len + 1)]
    table = pd.concat([t for t in tables if len(t)] or tables[:1], ignore_index=True)
    # Rank on the numbers first and look words up only as far down as needed: a large
    # corpus has millions of candidates.
    order = np.lexsort((-table["count"].to_numpy(), -table["score"].to_numpy()))
    first, length, aligned, score = (table[column].to_numpy() for column in ("first", "length", "aligned", "score"))
    known = np.zeros(len(table), dtype=bool)
    kept: dict[int, str] = {}
    last = None
    for row in order.tolist():
        if top is not None and len(kept) >= top and not _ties(table, row, last):
            break
        word = text[first[row] : first[row] + length[row]]
        known[row] = word in tokenizer
        if not new_only or (not known[row] and score[row] > 0 and aligned[row] >= ALIGNED and not _is_phrase(word)):
            if new_only and not juxtapositions and _is_juxtaposition(word, int(table.at[row, "count"]), levels, int(first[row]), tokenizer):
                continue
            kept[row] = word
            last = row
    table["in_dictionary"] = known
    table = table.iloc[list(kept)].assign(word=list(kept.values()))
    table = table.sort_values(["score", "count", "word"], ascending=[False, False, True], ignore_index=True)
    if top is not None:
        table = table.head(top).copy()
    table["example"] = [_example(text, at, len(word)) for at, word in zip(table["first"], table["word"])]
    return table[DISCOVER_COLUMNS]


def _default_min_count(characters: int) -> int:
    return max(2, round(5 * (characters / 1e6) ** 0.5))


def _token_boundaries(text: str, tokenizer: Tokenizer, chunk: int = 1 << 20) -> np.ndarray:
    """``boundaries[i]``: a token of ``tokenizer`` starts or ends at ``i``.

    Cut a chunk of lines at a time (no token runs across a line break), so that the
    tokens of a large corpus are never all held at once.
    """
    boundaries = np.zeros(len(text) + 1, dtype=bool)
    start = 0
    while start < len(text):
        end = text.find("\n", start + chunk) + 1 or len(text)
        cuts = np.fromiter(accumulate(map(len, tokenizer.cut(text[start:end])), initial=start), dtype=np.int64)
        boundaries[cuts] = True
        start = end
    boundaries[0] = True
    return boundaries


ALIGNED = 0.5  # a new word joins whole tokens in at least this share of its occurrences
_NUMERALS = frozenset("〇一二三四五六七八九十百千万亿两几")


def _ties(table: pd.DataFrame, row: int, last: int) -> bool:
    return table.at[row, "score"] == table.at[last, "score"] and table.at[row, "count"] == table.at[last, "count"]


# "X建设", "X工作", "X发展": the building of X, the work on X; the subject is X (粤港澳大湾区建设).
_GENERIC_HEADS = ("建设", "工作", "发展")


def _is_phrase(word: str) -> bool:
    """A phrase rather than a word: a function word or numeral at an edge, 的 inside, a boilerplate verb first,
    a generic head last, or words of jieba's dictionary that make a clause (:func:`_is_clause`)."""
    function_words = stopwords("general")
    edges = {word[:1], word[-1:], word[:2], word[-2:]}
    if edges & function_words or {word[0], word[-1]} & _NUMERALS or "的" in word:
        return True
    if len(word) > 2 and word.endswith(_GENERIC_HEADS):
        return True
    return any(word.startswith(verb) for verb in stopwords("policy")) or _is_clause(word)


def _is_clause(word: str) -> bool:
    """Words of jieba's dictionary that make a clause, not a name: the word is not nominal
    (:func:`is_nominal`: 建强, 大提升) or joins a verb or adjective of one character to a
    word of two or more (强工业, 产业强). A noun and a verb (乡村振兴), a verb and its
    object (揭榜挂帅) can name a policy, and are kept."""
    if not is_nominal(word):
        return True
    tags = jieba_tags()
    parts = fewest_words(word, tags)
    if len(parts) < 2:
        return False
    return len(parts) == 2 and any(len(one) == 1 and tags.get(one) in _PREDICATE_TAGS and len(other) > 1 for one, other in (parts, parts[::-1]))


_PREDICATE_TAGS = frozenset({"v", "a", "ad", "vd"})
# A new word is two words side by side when each of its tokens occurs at least this many times as
# often as the word: on the 352 labelled candidates of benchmarks/discover_sample.csv, with the other
# tests of _is_juxtaposition, 3 leaves out 111 false ones and 14 real ones (湖北经济, 服务保障; 齐鲁文化,
# 水环境); 2: 132 and 30; 4: 103 and 10; the other tests alone: 74 and 7.
JUXTAPOSED = 3
# Nouns that open a noun phrase in policy prose (全国第一, 国家级, 国际合作, 世界一流): a new word
# that ends in one is cut before its head, and 全国 anywhere ranks a province against the nation
# (居全国首位, 占全国份额). On the labelled sample: 17 false candidates, no real one.
_NATIONWIDE = frozenset({"全国", "国家", "国际", "世界"})


def _is_juxtaposition(word: str, count: int, levels: _Levels, first: int, tokenizer: Tokenizer) -> bool:
    """Two words side by side rather than one, by jieba's tags and the tokenizer's tokens of
    ``word``: a verb of one character opens a word of two (聚势, 做优, 驻津); the last of
    several tokens is a verb, a thing and what is done to it (居民增收, 启动实施); the first
    is a measure word (级开发区, 系列政策); a token is one of :data:`_NATIONWIDE` (高于全国,
    入选国家); or each token occurs at least :data:`JUXTAPOSED` times as often as ``word``,
    so that neither needs the other (湖北经济), or the national reports use each token of two
    characters or more apart :data:`NATIONAL_APART` times as often (管理改革, 依法监督). A word
    that ends in a place name is a province's campaign (健康湖北, 平安天津), however often its
    parts occur apart."""
    tags = jieba_tags()
    if len(word) == 2 and tags.get(word[0]) == "v":
        return True
    parts = tokenizer.cut(word)
    if len(parts) < 2 or tags.get(parts[-1]) == "ns":
        return False
    if tags.get(parts[-1]) == "v" or tags.get(parts[0]) == "q" or parts[-1] in _NATIONWIDE or "全国" in parts:
        return True
    starts = accumulate(map(len, parts), initial=first)
    # every part is seen as often as the word, so min_count times: the levels count it
    if all(levels.counts[len(part)][levels.ids[len(part)][at]] >= JUXTAPOSED * count for part, at in zip(parts, starts)):
        return True
    return _apart_in_national(word, parts)


# A new word is two words side by side when the national reports use each of its tokens apart at
# least this many times as often as the word (plus one): 管理改革 (管理 1,344 times apart, 改革 3,379,
# together 7), 依法监督, 服务变革. A report repeats its own new words two or three times, too few to
# tell; the national reports know which words combine freely. On 84 candidates read in two held-out
# reports (benchmarks/discover_sample.csv, tuning-heldout): 6 false ones left out, no real one (20: 9
# and 1; 30: 5 and 0); on the 409 earlier rows: 54 false and 7 real (线上消费, 森林城市; 20: 56 and 12).
NATIONAL_APART = 25


def _apart_in_national(word: str, parts: list[str]) -> bool:
    """Whether the national reports use every token of ``word`` apart :data:`NATIONAL_APART` times as
    often as ``word``. Only tokens of two characters or more are evidence: a character on its own
    binds to its neighbour (安置房, 进出川)."""
    if min(map(len, parts)) < 2:
        return False
    national = _national_text()
    together = national.count(word)
    return all(national.count(part) - together * word.count(part) >= NATIONAL_APART * (together + 1) for part in parts)


@cache
def _national_text() -> str:
    """The national reports as one text, or nothing when the package was installed without its corpora."""
    from zjnlp.corpus import national

    try:
        return "\n".join(national()["text"])
    except InputError:
        return ""


def is_new_word(word: str, *, tokenizer: Tokenizer | None = None) -> bool:
    """Whether ``word`` passes the word tests of ``discover_words(new_only=True)`` that need no corpus.

    The tokenizer does not know it and it is not a phrase: no function word or numeral
    at an edge, no 的 inside, no policy boilerplate verb first, no generic head last, and
    not a clause of dictionary words (建强, 强工业; see :func:`_is_clause`).

    Examples
    --------
    >>> jieba = Tokenizer(dictionary="jieba")
    >>> [is_new_word(word, tokenizer=jieba) for word in ["揭榜挂帅", "推进改革", "发展"]]
    [True, False, False]
    """
    return word not in (tokenizer or Tokenizer()) and not _is_phrase(word)


# jieba's dictionary tags of words that name things: nouns (n, ng), names of people,
# places, organisations and other proper nouns (nr, nrt, nrfg, ns, nt, nz), nouns made of
# verbs and adjectives (vn 改革, an 安全), abbreviations (j) and places (s).
NOMINAL_TAGS = frozenset({"n", "ng", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "an", "j", "s"})
# Fixed expressions (l 义务教育, 不断完善) and idioms (i) are compounds: judged by their parts.
COMPOUND_TAGS = frozenset({"l", "i"})


@cache
def jieba_tags() -> dict[str, str]:
    """The part-of-speech tag of every word of jieba's dictionary (``dict.txt``, MIT licence).

    Tags are those of the ICTCLAS set jieba uses: ``n`` noun, ``v`` verb, ``vn`` verbal
    noun, ``a`` adjective, ``d`` adverb, ``ns`` place name, ``l`` fixed expression …

    Examples
    --------
    >>> tags = jieba_tags()
    >>> tags["教育"], tags["改善"], tags["幸福"]
    ('vn', 'v', 'a')
    """
    return dict(_TAGGED.findall((importlib.resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")))


def is_nominal(word: str) -> bool:
    """Whether ``word`` names a thing, by the tags of jieba's dictionary.

    A word the dictionary tags is nominal when its tag is in :data:`NOMINAL_TAGS` (nouns,
    proper nouns, verbal and adjectival nouns, abbreviations): 教育 (vn), 湛江 (ns), not
    改善 (v), 幸福 (a), 基本上 (d). A word the dictionary does not hold (a policy term,
    a new word), a fixed expression or an idiom is a compound, judged by its parts (the
    fewest words of the dictionary it splits into): nominal when one of them is (a fixed
    expression judged by its own parts in turn) or is unknown to the dictionary (a Latin
    name such as 5G), and when it joins verbs of two characters or more, which name an
    activity as a verbal noun does (节能 / 减排). 义务教育 is nominal; 平稳较快 (平稳 /
    较快), 不断完善 and 做强 (做 / 强) are not.

    Examples
    --------
    >>> [is_nominal(word) for word in ["教育", "改善", "义务教育", "节能减排", "平稳较快", "5G"]]
    [True, False, True, True, False, True]
    """
    tag = jieba_tags().get(word)
    if tag is not None and tag not in COMPOUND_TAGS:
        return tag in NOMINAL_TAGS
    return _compound_is_nominal(word)


@cache
def _compound_is_nominal(word: str) -> bool:
    tags = jieba_tags()
    parts = fewest_words(word, tags)
    for part in parts:
        if not part.isspace() and (part not in tags or (is_nominal(part) if part != word else tags[part] in NOMINAL_TAGS)):
            return True
    return len(parts) > 1 and all(tags[part] == "v" and len(part) > 1 for part in parts)


def fewest_words(word: str, words: dict[str, str], longest: int = 8) -> list[str]:
    """``word`` split into the fewest words of ``words`` shorter than itself (single characters
    always allowed), and the earliest long part on ties: how a term the dictionary does not
    hold whole, or holds as a fixed expression, is judged by its parts.

    Examples
    --------
    >>> fewest_words("营商环境持续优化", jieba_tags())
    ['营商', '环境', '持续', '优化']
    """
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - longest), end):
            piece = word[start:end]
            if best[start] is None or (piece not in words and end - start > 1) or end - start == len(word) > 1:
                continue
            if best[end] is None or len(best[start]) + 1 < len(best[end]):
                best[end] = [*best[start], piece]
    return best[-1]


def _example(text: str, at: int, length: int, width: int = 12) -> str:
    start = max(text.rfind("\n", 0, at) + 1, at - width)
    end = text.find("\n", at + length)
    end = min(len(text) if end == -1 else end, at + length + width)
    return text[start:end]


# Where str.splitlines breaks a line: no n-gram runs across one, and next to a word it is
# an edge (a new neighbour each time).
_LINE_BREAKS = np.array([0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029], dtype=np.uint32)


class _Levels:
    """The n-grams of Chinese characters seen ``min_count`` times, as arrays over the text.

    ``ids[n][i]`` numbers the n-gram starting at ``i`` among the frequent ones (-1 when it
    is not frequent or not all Chinese), ``counts[n][id]`` its occurrences. Counting runs
    level by level (apriori): an n-gram is looked at only where its first and last n-1
    characters are frequent, which every frequent n-gram satisfies, so counts are exact;
    numpy's sort does the counting, so memory grows with the text, not with its n-grams.
    """

    def __init__(self, text: str, longest: int, min_count: int) -> None:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()
        # Digits count as one character, so that a word always followed by a number
        # (率达 in 覆盖率达95%) does not look free on that side. uint32 wraps below 0x31.
        codes[(codes - 0x31) < 9] = 0x30
        self.size = len(codes)
        self.breaks = np.isin(codes, _LINE_BREAKS)
        self.total = int(self.size - self.breaks.sum())  # characters, line breaks left out
        present = np.bincount(codes, minlength=1) > 0
        alphabet = np.flatnonzero(present)
        self.chars = (np.cumsum(present, dtype=np.int32) - 1)[codes]
        self.edge = len(alphabet)  # the id of a line's edge as a neighbour
        self.width = len(alphabet) + 1
        char_counts = np.bincount(self.chars[~self.breaks], minlength=len(alphabet))
        han = (alphabet >= 0x4E00) & (alphabet <= 0x9FFF)
        self.ids = [np.empty(0, dtype=np.int32), np.where(han[self.chars] & (char_counts[self.chars] >= min_count), self.chars, -1).astype(np.int32)]
        self.counts = [np.empty(0, dtype=np.int64), char_counts]
        for n in range(2, longest + 1):
            shorter = self.ids[n - 1]
            starts = max(self.size - n + 1, 0)
            at = np.flatnonzero((shorter[:starts] >= 0) & (shorter[1 : starts + 1] >= 0))
            inverse, counts = _groups(shorter[at].astype(np.int64) * self.width + self.chars[at + n - 1])
            frequent = counts >= min_count
            dense = (np.cumsum(frequent) - 1).astype(np.int32)
            ids = np.full(self.size, -1, dtype=np.int32)
            ids[at] = np.where(frequent[inverse], dense[inverse], -1)
            self.ids.append(ids)
            self.counts.append(counts[frequent])


def _groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number equal keys by their order (``inverse``) and count them; keys are non-negative.

    ``keys`` (int64) is used up: sorted in place.

    A key and its position are packed into one integer and sorted, which is several times
    faster than ``np.unique``'s inverse (an argsort) or hash, and than ``np.searchsorted``.
    """
    if not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    shift = len(keys).bit_length()
    if int(keys.max()).bit_length() + shift <= 63:
        keys <<= shift
        keys |= np.arange(len(keys), dtype=np.int64)
        keys.sort()
        order = keys & ((1 << shift) - 1)
        keys >>= shift
    else:
        order = np.argsort(keys)
        keys = keys[order]
    starts = np.empty(len(keys), dtype=bool)
    starts[0] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    del keys
    group = np.cumsum(starts) - 1
    inverse = np.empty(len(group), dtype=np.int64)
    inverse[order] = group
    return inverse, np.bincount(group)


def _score_level(text: str, levels: _Levels, n: int, boundaries: np.ndarray) -> pd.DataFrame:
    """The candidates of ``n`` characters: count, weakest-split PMI, left and right entropy, score, aligned share."""
    counts = levels.counts[n]
    at = np.flatnonzero(levels.ids[n] >= 0)
    which = levels.ids[n][at]
    first = np.full(len(counts), levels.size, dtype=np.int64)
    np.minimum.at(first, which, at)
    pmi = np.full(len(counts), np.inf)
    for k in range(1, n):
        halves = levels.counts[k][levels.ids[k][first]] * levels.counts[n - k][levels.ids[n - k][first + k]]
        pmi = np.minimum(pmi, np.log(counts * levels.total / halves))
    right_entropy, left_entropy = (_neighbour_entropy(levels, which, at + step, counts) for step in (n, -1))
    score = np.log(counts) * np.maximum(pmi, 0.0) * np.minimum(left_entropy, right_entropy)
    aligned = np.bincount(which, weights=boundaries[at] & boundaries[at + n], minlength=len(counts)) / counts
    return pd.DataFrame(
        {
            "length": np.full(len(counts), n),
            "count": counts,
            "pmi": pmi,
            "left_entropy": left_entropy,
            "right_entropy": right_entropy,
            "score": score,
            "aligned": aligned,
            "first": first,
        }
    )


def _neighbour_entropy(levels: _Levels, which: np.ndarray, neighbour_at: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Entropy of the character at ``neighbour_at`` of each occurrence; an edge is a neighbour of its own."""
    inside = (neighbour_at >= 0) & (neighbour_at < levels.size)
    clipped = np.clip(neighbour_at, 0, levels.size - 1)
    edge = ~inside | levels.breaks[clipped]
    # Only the number of each (candidate, neighbour) pair is needed, not which occurrence
    # is which: sort the pairs and measure the runs.
    pairs = which[~edge].astype(np.int64)
    pairs *= levels.width
    pairs += levels.chars[clipped[~edge]]
    pairs.sort()
    starts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1]))) if len(pairs) else np.zeros(0, dtype=np.int64)
    pair_counts = np.diff(np.append(starts, len(pairs)))
    owner = pairs[starts] // levels.width
    share = pair_counts / counts[owner]
    entropy = np.bincount(owner, weights=-share * np.log(share), minlength=len(counts))
    edges = np.bincount(which[edge], minlength=len(counts))
    return entropy + edges / counts * np.log(counts)
