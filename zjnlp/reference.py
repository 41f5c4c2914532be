"""Word counts of the national reports, computed once and shipped with the package.

Keyness and TF-IDF against the national corpus (``--reference national``) need the word
counts of its 57 reports. Cutting 3.5 MB again for every report analysed made keyness
cost four times what TF-IDF does, so the counts are built once, by
``scripts/build_national_counts.py``, into ``data/national_counts.json.gz``: a data file
read in a few milliseconds by every process (nothing is written at run time, so
read-only installs and parallel workers need no cache directory). The file is keyed by
what the counts depend on (the policy lexicon, the corpus texts, the jieba and rjieba
versions); when the key does not match, the counts are made afresh in memory, so a
stale file can cost time but never change a result. ``tests/test_reference.py`` fails
when the shipped file is stale, so a rebuilt lexicon comes with rebuilt counts.

The counts are exact for the project's tokenizer with a document's own terms added
(:meth:`zjnlp.tokenize.Tokenizer.for_text`): such a term changes the cut only inside the
lines that hold it, and those lines are cut again.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.resources
import json
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, lru_cache, partial

import numpy as np

from zjnlp.tokenize import POLICY_LEXICON, Tokenizer, Tokenizes, is_word

__all__ = ["counts_key", "document_frequencies", "national_word_counts", "term_counts", "word_counts"]

COUNTS_FILE = "national_counts.json.gz"
_DATA = importlib.resources.files(__package__) / "data"


def _digest(parts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _national_texts() -> list[str]:
    from zjnlp.corpus import national

    return national()["text"].tolist()


@cache
def counts_key() -> dict[str, str]:
    """What the national counts depend on: the lexicon, the texts and the tokenizer's versions."""
    return {
        "lexicon": _digest([(_DATA / POLICY_LEXICON).read_text(encoding="utf-8")]),
        "corpus": _digest(_national_texts()),
        "jieba": importlib.metadata.version("jieba"),
        "rjieba": importlib.metadata.version("rjieba"),
    }


def _count(tokens: Sequence[str]) -> Counter[str]:
    counts = Counter(tokens)
    return Counter({token: n for token, n in counts.items() if is_word(token)})


def national_word_counts() -> list[Counter[str]]:
    """The words of each national report, cut by ``Tokenizer()``, in :func:`zjnlp.corpus.national`'s order.

    Returns
    -------
    list of collections.Counter
        One per report: each word (a token with a Chinese character or a Latin letter)
        and how often it occurs.
    """
    tokenizer = Tokenizer()
    return [_count(tokenizer.cut(text)) for text in _national_texts()]


@cache
def _shipped() -> tuple[Counter[str], ...]:
    """The shipped counts, or counts made now when the shipped file does not match."""
    try:
        with gzip.open(_DATA / COUNTS_FILE, "rt", encoding="utf-8") as file:
            data = json.load(file)
    except FileNotFoundError:
        data = {}
    if data.get("key") != counts_key():
        return tuple(national_word_counts())
    return tuple(Counter(counts) for counts in data["counts"])


@cache
def _index() -> dict[str, int]:
    from zjnlp.errors import InputError

    try:
        return {text: i for i, text in enumerate(_national_texts())}
    except InputError:  # installed without the corpora: every text is cut
        return {}


def _term_filter(stopwords: frozenset[str], min_length: int) -> Callable[[str], bool]:
    from zjnlp.keywords import is_term

    return partial(is_term, stopwords=stopwords, min_length=min_length)


@cache
def _base_frequencies(reports: frozenset[int], stopwords: frozenset[str], min_length: int) -> dict[str, int]:
    """In how many of some national reports each term occurs."""
    frequencies: Counter[str] = Counter()
    for i in sorted(reports):
        frequencies.update(_shipped()[i].keys())
    is_term = _term_filter(stopwords, min_length)
    return {word: n for word, n in frequencies.items() if is_term(word)}


@cache
def _pooled_terms(reports: frozenset[int], stopwords: frozenset[str], min_length: int) -> tuple[dict[str, int], int]:
    """The terms of some national reports together, and their number of words."""
    words: Counter[str] = Counter()
    for i in sorted(reports):
        words.update(_shipped()[i])
    is_term = _term_filter(stopwords, min_length)
    return {word: n for word, n in words.items() if is_term(word)}, sum(words.values())


def _eligible(tokenizer: Tokenizes) -> bool:
    """Whether ``tokenizer`` cuts as the shipped counts were made, but for added words."""
    return (
        type(tokenizer) is Tokenizer and tokenizer.dictionary == "policy" and tokenizer.hmm
        and not any("\n" in word for word in tokenizer.words)  # lines are cut one by one
    )


@cache
def _bigram_index() -> tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The national reports joined by line breaks, with every position sorted by its two characters.

    Finding a report's added words in 3.5 MB with ``str.find`` costs a scan per word; a
    sorted index finds each word's places by binary search.
    """
    joined = "\n".join(_national_texts())
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    keys = (codes[:-1] << np.uint64(21)) | codes[1:]  # a code point fits in 21 bits
    order = np.argsort(keys, kind="stable")
    starts = np.cumsum([0] + [len(text) + 1 for text in _national_texts()])
    return joined, keys[order], order, np.flatnonzero(codes == ord("\n")), starts


@cache
def _changes(words: tuple[str, ...]) -> dict[int, list[tuple[str, tuple[str, ...]]]]:
    """For each national report, its lines that hold added words, each with the words it holds."""
    joined, keys, order, breaks, starts = _bigram_index()
    found: dict[int, list[str]] = {}  # line number in ``joined`` -> words
    for word in words:
        if len(word) < 2:
            places = [at for at in range(len(joined)) if joined[at] == word] if word else []
        else:
            key = (ord(word[0]) << 21) | ord(word[1])
            low, high = np.searchsorted(keys, np.array([key, key + 1], dtype=np.uint64))
            places = [at for at in order[low:high].tolist() if joined.startswith(word, at)]
        for line in np.searchsorted(breaks, places).tolist():
            found.setdefault(line, []).append(word)
    changes: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    for line in sorted(found):
        begin = int(breaks[line - 1]) + 1 if line else 0
        end = int(breaks[line]) if line < len(breaks) else len(joined)
        report = int(np.searchsorted(starts, begin, side="right")) - 1
        changes.setdefault(report, []).append((joined[begin:end], tuple(dict.fromkeys(found[line]))))
    return changes


@lru_cache(maxsize=8192)
def _line_words(line: str, words: tuple[str, ...] = ()) -> Counter[str]:
    """The words of a line, with ``words`` kept whole (lines recur across reports)."""
    return _count(Tokenizer(words=words).cut(line))


def _line_change(line: str, words: tuple[str, ...]) -> Counter[str]:
    """How the words of ``line`` change when ``words`` are kept whole."""
    change = _line_words(line, words).copy()
    change.subtract(_line_words(line))
    return change


def _positions(texts: Sequence[str], tokenizer: Tokenizes) -> list[int | None]:
    """Which national report each text is (None: another text, or a tokenizer of its own)."""
    known = _index() if _eligible(tokenizer) and texts else {}
    return [known.get(text) for text in texts]


def _changed(position: int, tokenizer: Tokenizer) -> Counter[str]:
    """How keeping ``tokenizer.words`` whole changes a national report's word counts."""
    change: Counter[str] = Counter()
    for line, words in _changes(tokenizer.words).get(position, ()) if tokenizer.words else ():
        change.update(_line_change(line, words))
    return change


def word_counts(texts: Sequence[str], tokenizer: Tokenizes) -> list[Counter[str]]:
    """The words of each text cut by ``tokenizer``, from the shipped counts where possible.

    A text that is one of the national reports, cut by the project's tokenizer (with any
    added words), takes its counts from the shipped file, corrected by cutting again
    the lines that hold an added word. Any other text, or another tokenizer, is cut here.

    Parameters
    ----------
    texts : sequence of str
    tokenizer : object with ``cut(text) -> list[str]``

    Returns
    -------
    list of collections.Counter
        One per text: each word (a token with a Chinese character or a Latin letter)
        and how often it occurs.
    """
    counts = []
    for text, position in zip(texts, _positions(texts, tokenizer)):
        if position is None:
            counts.append(_count(tokenizer.cut(text)))
        else:
            words = _shipped()[position].copy()
            words.update(_changed(position, tokenizer))
            counts.append(+words)
    return counts


def term_counts(
    texts: Sequence[str], tokenizer: Tokenizes, *, stopwords: frozenset[str], min_length: int,
) -> tuple[dict[str, int], int]:
    """The terms of ``texts`` together (words of ``min_length`` characters or more, not
    stopwords) and their number of words, from the shipped counts where possible.

    As :func:`word_counts`, pooled; the terms of the national reports are counted once
    per process and corrected for each tokenizer's added words.

    Returns
    -------
    terms : dict of str to int
    words : int
    """
    positions = _positions(texts, tokenizer)
    known = frozenset(position for position in positions if position is not None)
    base, total = _pooled_terms(known, stopwords, min_length) if known else ({}, 0)
    change: Counter[str] = Counter()
    for text, position in zip(texts, positions):
        change.update(_count(tokenizer.cut(text)) if position is None else _changed(position, tokenizer))
    terms = dict(base)
    is_term = _term_filter(stopwords, min_length)
    for word, n in change.items():
        total += n
        if n and is_term(word):
            terms[word] = terms.get(word, 0) + n
            if terms[word] <= 0:
                del terms[word]
    return terms, total


def document_frequencies(
    texts: Sequence[str], tokenizer: Tokenizes, *, stopwords: frozenset[str], min_length: int,
) -> Counter[str]:
    """In how many of ``texts`` each term occurs, from the shipped counts where possible.

    Terms as for :func:`term_counts`; the national reports' frequencies are counted
    once per process and corrected for each tokenizer's added words.
    """
    positions = _positions(texts, tokenizer)
    known = frozenset(position for position in positions if position is not None)
    frequencies = Counter(_base_frequencies(known, stopwords, min_length) if known else {})
    is_term = _term_filter(stopwords, min_length)
    for text, position in zip(texts, positions):
        if position is None:
            frequencies.update(word for word in _count(tokenizer.cut(text)) if is_term(word))
            continue
        words = _shipped()[position]
        for word, n in _changed(position, tokenizer).items():
            before, after = words[word] > 0, words[word] + n > 0
            if before != after and is_term(word):
                frequencies[word] += 1 if after else -1
    return +frequencies
