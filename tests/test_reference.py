"""The shipped word counts of the national reports: current, and the same as cutting anew."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from zjnlp import reference
from zjnlp.corpus import national, provinces
from zjnlp.keywords import DEFAULT_FILTERS, _terms, keyness, keyness_by_unit, tfidf_keywords
from zjnlp.structure import units
from zjnlp.tokenize import Tokenizer, is_word

PROVINCES = ["广东省", "北京市", "西藏自治区"]


def _shipped_file() -> dict:
    with gzip.open(reference._DATA / reference.COUNTS_FILE, "rt", encoding="utf-8") as file:
        return json.load(file)


class _Plain:
    """The same cut through another type: zjnlp.reference cuts every text for it."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.cut = tokenizer.cut
        self._tokenizer = tokenizer

    def __contains__(self, word: str) -> bool:  # the fragments filter asks what it knows
        return word in self._tokenizer


@pytest.fixture(scope="module")
def shipped() -> dict:
    return _shipped_file()


def test_shipped_counts_match_the_lexicon_and_corpus(shipped):
    # Fails after the policy lexicon (or the corpus, or jieba) changes: rebuild the counts
    # with scripts/build_national_counts.py.
    assert shipped["key"] == reference.counts_key()


def test_shipped_counts_are_the_counts_made_now(shipped):
    assert shipped["reports"] == [path.name for path in national()["path"]]
    assert [Counter(counts) for counts in shipped["counts"]] == reference.national_word_counts()


@pytest.fixture(scope="module", params=PROVINCES)
def tokenizer(request) -> Tokenizer:
    table = provinces(2026)
    return Tokenizer().for_text(table.loc[table.province == request.param, "text"].item())


def test_counts_with_a_documents_words_are_those_of_cutting(tokenizer):
    texts = national()["text"].tolist()
    assert any(word in text for word in tokenizer.words for text in texts)  # some lines are cut again
    cut = [Counter(token for token in tokenizer.cut(text) if is_word(token)) for text in texts]
    assert reference.word_counts(texts, tokenizer) == cut
    other = "发展外来的文本"  # not a national report: cut here
    pooled = sum(cut[:5], Counter()) + Counter(token for token in tokenizer.cut(other) if is_word(token))
    stop = frozenset({"发展", "我们"})
    terms = {word: n for word, n in pooled.items() if len(word) >= 2 and word not in stop}
    assert reference.term_counts(texts[:5] + [other], tokenizer, stopwords=stop, min_length=2) == (
        terms, sum(pooled.values())
    )


def test_keyness_against_national_is_that_of_cutting(tokenizer):
    target = provinces(2026)["text"].iloc[0]
    fast = keyness(target, national(), tokenizer=tokenizer)
    slow = keyness(target, national(), tokenizer=_Plain(tokenizer))
    pd.testing.assert_frame_equal(fast, slow)
    by_unit = keyness_by_unit(target, reference=national().head(10), tokenizer=tokenizer)
    pd.testing.assert_frame_equal(by_unit, keyness_by_unit(target, reference=national().head(10), tokenizer=_Plain(tokenizer)))


@pytest.mark.parametrize("province", PROVINCES)
def test_tfidf_with_national_idf_is_that_of_fitting_on_the_corpus(province):
    table = provinces(2026)
    text = table.loc[table.province == province, "text"].item()
    result = tfidf_keywords(text, idf="national", top=5)
    # what fitting scikit-learn on the 57 reports and the report itself gives
    terms = _terms(text, None, ("general", "policy"), 2, DEFAULT_FILTERS)
    sections = units(text, by="section")
    vectorizer = TfidfVectorizer(tokenizer=terms, token_pattern=None, lowercase=False, sublinear_tf=True)
    vectorizer.fit([*national()["text"], text])
    vectorizer.idf_ = vectorizer.idf_ - 1
    matrix = vectorizer.transform(sections["text"]).toarray()
    column = {name: i for i, name in enumerate(vectorizer.get_feature_names_out())}
    numbered = sections["section"].notna()
    row = {key: i for i, key in zip(sections.index[numbered], zip(sections["part"][numbered], sections["section"][numbered]))}
    checked = 0
    for part, section, term, score in result[["part", "section", "term", "score"]].itertuples(index=False):
        if pd.isna(section):
            continue
        checked += 1
        values = matrix[row[part, section]]
        assert score == values[column[term]]
        assert score <= values.max()
    assert checked > 20
