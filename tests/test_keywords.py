"""Tests for zjnlp.keywords: frequencies, TF-IDF, baselines, keyness and co-occurrence."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnlp import corpus
from zjnlp.errors import InputError, OptionError
from zjnlp.keywords import (
    EDGE_COLUMNS,
    FREQUENCY_COLUMNS,
    KEYNESS_COLUMNS,
    KEYWORD_COLUMNS,
    cooccurrence,
    cooccurrence_graph,
    jieba_keywords,
    keyness,
    keyness_by_unit,
    keywords_for_cli,
    national_keyness,
    term_frequencies,
    tfidf_keywords,
)
from zjnlp.read import Report, read_report
from zjnlp.tokenize import Tokenizer


class Spaces:
    """A tokenizer that cuts at spaces (keeping them, so it is lossless): counts are easy to check."""

    def cut(self, text: str) -> list[str]:
        return [token for token in re.split(r"([ \n，。（）])", text) if token]


SPACES = Spaces()
PLAIN = {"tokenizer": SPACES, "stopwords": None}
# Two sections; section 1 is about education, section 2 about ecology; 发展 is everywhere.
TWO_SECTIONS = "（一）教育\n学校 学校 教师 发展 123 的\n（二）生态\n红树林 红树林 红树林 湿地 发展 。"
ONE_UNIT = "学校 学校 教师 发展"
EMPTY_SECTION = "（一）\n（二）生态\n红树林 红树林 湿地"


ROOT = Path(__file__).resolve().parents[1]
JUDGEMENTS = tomllib.loads((ROOT / "tests" / "data" / "keyword_subjects.toml").read_text(encoding="utf-8"))
BOILERPLATE = frozenset(JUDGEMENTS["boilerplate"])


def load_report(source: str) -> Report:
    """A judged report: a file of the repository, ``province:<name>`` or ``national:<year>``."""
    kind, _, name = source.partition(":")
    if kind == "province":
        return corpus.province_report(name)
    if kind == "national":
        return corpus.national_report(int(name))
    return read_report(ROOT / source)


def count_boilerplate(terms: list[str], report: Report, place: Iterable[str] = ()) -> int:
    """Boilerplate words among ``terms``; the report's place name (湖南省, 湖南) counts as one."""
    name = report.metadata.get("place") or ""
    places = {*place, name, name[:2]} - {""}
    return sum(term in BOILERPLATE or term in places for term in terms)


def judge_sections(table: pd.DataFrame, entry: dict, report: Report) -> list[tuple[int, int]]:
    """(subject words, boilerplate words) in the keywords of each section ``entry`` labels.

    A keyword names the subject when it is one of the section's words or contains one.
    Section keys are ``"<section>"`` (part unknown) or ``"<part>.<section>"``.
    """
    judged = []
    for key, words in entry["sections"].items():
        part, _, section = key.rpartition(".")
        rows = table["section"].eq(int(section)).fillna(False)
        rows &= table["part"].isna() if not part else table["part"].eq(int(part)).fillna(False)
        terms = table.loc[rows, "term"].tolist()
        subject = sum(any(word in term for word in words) for term in terms)
        judged.append((subject, count_boilerplate(terms, report, entry["place"])))
    return judged


def by_section(table: pd.DataFrame, column: str = "term") -> dict[int, list]:
    return {int(section): group[column].tolist() for section, group in table.groupby("section")}


# --------------------------------------------------------------------------- frequencies


@pytest.mark.parametrize(
    "by, keys",
    [("document", []), ("part", ["part", "part_kind"]), ("section", ["part", "section", "part_kind"]),
     ("paragraph", ["part", "section", "paragraph", "part_kind"])],
)
def test_frequency_columns_are_the_unit_columns_then_the_counts(by, keys):
    table = term_frequencies(TWO_SECTIONS, by=by, **PLAIN)
    assert list(table.columns) == [*keys, *FREQUENCY_COLUMNS]
    assert table["count"].sum() == 11  # 教育 学校×2 教师 发展×2 生态 红树林×3 湿地 (not 一, 二, 的: one character)


def test_frequencies_per_unit_count_words_not_numbers_or_punctuation():
    table = term_frequencies(TWO_SECTIONS, by="section", **PLAIN)
    section_one = table[table["section"] == 1].set_index("term")
    # words of section 1: 一 教育 学校 学校 教师 发展 的 (123, brackets and spaces are not words)
    assert section_one.loc["学校", "count"] == 2
    assert section_one.loc["学校", "per_1000"] == pytest.approx(2 / 7 * 1000)
    assert by_section(table) == {1: ["学校", "发展", "教师", "教育"], 2: ["红树林", "发展", "湿地", "生态"]}
    assert by_section(table, "rank") == {1: [1, 2, 2, 2], 2: [1, 2, 2, 2]}


@pytest.mark.parametrize(
    "stopwords, min_length, expected",
    [
        (None, 1, {"学校", "教师", "发展", "的"}),
        (None, 2, {"学校", "教师", "发展"}),
        (frozenset({"发展"}), 2, {"学校", "教师"}),
        ({"发展", "教师"}, 2, {"学校"}),
    ],
)
def test_stopwords_and_min_length_choose_the_terms(stopwords, min_length, expected):
    table = term_frequencies(ONE_UNIT + " 的", tokenizer=SPACES, stopwords=stopwords, min_length=min_length, filters=None)
    assert set(table["term"]) == expected


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["（一）教育\n", "（二）生态\n", "学校 ", "红树林 ", "的 ", "2023 ", "。\n"]), min_size=1, max_size=25))
def test_counts_per_section_add_up_to_the_document_counts(pieces):
    text = "推进 " + "".join(pieces)
    whole = term_frequencies(text, **PLAIN).set_index("term")["count"]
    parts = term_frequencies(text, by="section", **PLAIN).groupby("term")["count"].sum()
    assert parts.sort_index().to_dict() == whole.sort_index().to_dict()
    assert term_frequencies(text, by="section", **PLAIN)["per_1000"].between(0, 1000).all()


def test_a_unit_without_terms_has_no_rows():
    table = term_frequencies(EMPTY_SECTION, by="section", **PLAIN)
    assert set(table["section"]) == {2}


# --------------------------------------------------------------------------- TF-IDF


def test_tfidf_ranks_what_distinguishes_each_unit_first():
    table = tfidf_keywords(TWO_SECTIONS, top=2, **PLAIN)
    assert list(table.columns) == ["part", "section", "part_kind", *KEYWORD_COLUMNS]
    assert by_section(table) == {1: ["学校", "教育"], 2: ["红树林", "生态"]}
    assert table["score"].between(0, 1).all()


def test_tfidf_on_one_unit_ranks_by_frequency_then_first_occurrence():
    table = tfidf_keywords(ONE_UNIT, by="document", **PLAIN)
    assert list(table.columns) == KEYWORD_COLUMNS
    assert table["term"].tolist() == ["学校", "教师", "发展"]
    assert table["rank"].tolist() == [1, 2, 3]


def test_tfidf_with_a_reference_corpus_weighs_terms_the_reference_lacks():
    reference = ["发展 学校 教师", "发展 学校"]
    table = tfidf_keywords("学校 教师 发展 红树林", by="document", idf=reference, **PLAIN)
    # IDF over the reference and the report: 红树林 ln(4/2), 教师 ln(4/3); 学校 and 发展,
    # in every document, score 0 and are left out
    assert table["term"].tolist() == ["红树林", "教师"]
    weights = np.array([math.log(4 / 2), math.log(4 / 3)])
    assert table["score"].tolist() == pytest.approx(weights / np.linalg.norm(weights))


@pytest.mark.parametrize("text", [EMPTY_SECTION, "（一）\n（二）"])
def test_tfidf_skips_units_without_terms(text):
    table = tfidf_keywords(text, **PLAIN)
    assert list(table.columns) == ["part", "section", "part_kind", *KEYWORD_COLUMNS]
    assert set(table["section"]) <= {2}


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"top": 0}, "top"),
        ({"idf": "world"}, "idf"),
        ({"idf": [1, 2]}, "idf"),
        ({"min_length": 0}, "min_length"),
        ({"by": "chapter"}, "by"),
        ({"stopwords": "legal"}, "stopwords"),
        ({"stopwords": ["general", "legal"]}, "stopwords"),
    ],
)
def test_tfidf_bad_options_name_the_option(kwargs, name):
    options = {**PLAIN, **kwargs}
    with pytest.raises(OptionError, match=f"^{name}="):
        tfidf_keywords(TWO_SECTIONS, **options)


# --------------------------------------------------------------------------- jieba baselines


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_jieba_baselines_have_the_keyword_columns_and_the_method(method):
    table = jieba_keywords("（一）教育\n建设学校，培养教师，建设学校。\n（二）生态\n保护红树林，修复湿地，保护红树林。", method=method, top=3)
    assert list(table.columns) == ["part", "section", "part_kind", *KEYWORD_COLUMNS, "method"]
    assert (table["method"] == method).all()
    assert table.groupby("section").size().max() <= 3


def test_jieba_baseline_leaves_the_global_dictionary_alone():
    import jieba

    before = jieba.dt.FREQ.get("红树林博物馆")
    jieba_keywords("建设红树林博物馆。", by="document")
    assert jieba.dt.FREQ.get("红树林博物馆") == before


def test_jieba_baseline_rejects_an_unknown_method():
    with pytest.raises(OptionError, match="^method="):
        jieba_keywords(ONE_UNIT, method="lda")


# --------------------------------------------------------------------------- keyness

# Target: 1,000 words, 10 of them 红树; reference: 4,000 words, 20 of them 红树.
TARGET = " ".join(["红树"] * 10 + ["其他"] * 990)
REFERENCE = " ".join(["红树"] * 20 + ["其他"] * 3980)


def test_g2_chi2_and_log_ratio_match_hand_computed_values():
    row = keyness(TARGET, REFERENCE, **PLAIN).set_index("term").loc["红树"]
    # expected counts: 1000·30/5000 = 6, 4000·30/5000 = 24, 994, 3976
    g2 = 2 * (10 * math.log(10 / 6) + 20 * math.log(20 / 24) + 990 * math.log(990 / 994) + 3980 * math.log(3980 / 3976))
    chi2 = 5000 * (abs(10 * 3980 - 20 * 990) - 5000 / 2) ** 2 / (30 * 4970 * 1000 * 4000)
    assert row["g2"] == pytest.approx(g2) == pytest.approx(2.943791214)
    assert row["chi2"] == pytest.approx(chi2) == pytest.approx(2.567488263)
    assert row["p_value"] == pytest.approx(0.0862081745)
    assert row["log_ratio"] == pytest.approx(math.log2((10.5 / 1000) / (20.5 / 4000)))
    assert row[["target_count", "reference_count"]].tolist() == [10, 20]
    assert row["target_per_1000"] == pytest.approx(10.0)
    assert row["reference_per_1000"] == pytest.approx(5.0)
    assert row["direction"] == "over"


def test_chi2_measure_gives_its_own_p_value():
    row = keyness(TARGET, REFERENCE, measure="chi2", **PLAIN).set_index("term").loc["红树"]
    assert row["p_value"] == pytest.approx(0.1090808044)


def test_swapping_target_and_reference_flips_direction_and_keeps_the_statistics():
    forward = keyness(TWO_SECTIONS, ONE_UNIT + " 红树林", min_count=1, **PLAIN).set_index("term").sort_index()
    backward = keyness(ONE_UNIT + " 红树林", TWO_SECTIONS, min_count=1, **PLAIN).set_index("term").sort_index()
    assert list(forward.index) == list(backward.index)
    for column in ("g2", "chi2", "p_value"):
        assert np.allclose(forward[column], backward[column])
    assert np.allclose(forward["log_ratio"], -backward["log_ratio"])
    differs = forward["target_per_1000"] != forward["reference_per_1000"]
    assert (forward.loc[differs, "direction"] != backward.loc[differs, "direction"]).all()


def test_over_used_terms_come_first_each_direction_by_the_measure():
    table = keyness("红树林 红树林 红树林 海湾 发展", "发展 发展 发展 海湾 粮食 粮食 粮食", min_count=1, **PLAIN)
    assert list(table.columns) == KEYNESS_COLUMNS
    assert table["direction"].tolist() == sorted(table["direction"])  # "over" < "under"
    for _, group in table.groupby("direction"):
        assert group["g2"].is_monotonic_decreasing
    assert table["term"].iloc[0] == "红树林"
    assert table[table["direction"] == "under"]["term"].iloc[0] in {"粮食", "发展"}


def test_a_term_absent_from_a_short_target_never_gets_a_positive_log_ratio():
    table = keyness("湿地 湿地", " ".join(["发展"] * 50 + ["湿地"] * 2), min_count=1, **PLAIN).set_index("term")
    assert table.loc["发展", "direction"] == "under"
    assert table.loc["发展", "log_ratio"] <= 0


def test_min_count_drops_rare_terms():
    table = keyness("红树林 海湾", "红树林 粮食", min_count=2, **PLAIN)
    assert table["term"].tolist() == ["红树林"]


def test_a_corpus_of_several_texts_is_pooled():
    pooled = keyness(TARGET, [REFERENCE[: len(REFERENCE) // 2], REFERENCE[len(REFERENCE) // 2 :]], **PLAIN)
    assert pooled.set_index("term").loc["红树", "reference_count"] == 20


@pytest.mark.parametrize("target, reference, name", [("123 。", ONE_UNIT, "target"), (ONE_UNIT, "。", "reference")])
def test_keyness_of_a_side_without_words_names_it(target, reference, name):
    with pytest.raises(InputError, match=f"^{name}: has no words"):
        keyness(target, reference, **PLAIN)


@pytest.mark.parametrize("kwargs, name", [({"min_count": 0}, "min_count"), ({"measure": "pmi"}, "measure")])
def test_keyness_bad_options_name_the_option(kwargs, name):
    with pytest.raises(OptionError, match=f"^{name}="):
        keyness(TARGET, REFERENCE, **PLAIN, **kwargs)


def test_each_section_against_the_rest_of_the_report():
    table = keyness_by_unit(TWO_SECTIONS, min_count=2, **PLAIN)
    assert list(table.columns) == ["part", "section", "part_kind", *KEYNESS_COLUMNS]
    over = table[table["direction"] == "over"]
    assert by_section(over) == {1: ["学校"], 2: ["红树林"]}
    row = table[(table["section"] == 2) & (table["term"] == "红树林")].iloc[0]
    assert (row["target_count"], row["reference_count"]) == (3, 0)


@pytest.mark.parametrize("text, by", [(ONE_UNIT, "section"), (TWO_SECTIONS, "document"), ("（一）\n（二）", "section")])
def test_keyness_by_unit_with_nothing_to_compare_is_an_empty_table(text, by):
    table = keyness_by_unit(text, by=by, **PLAIN)
    assert table.empty
    assert list(table.columns) == [*{"document": [], "section": ["part", "section", "part_kind"]}[by], *KEYNESS_COLUMNS]


def test_keyness_by_unit_skips_a_unit_without_words():
    table = keyness_by_unit("学校 学校 湿地\n2023。\n红树林 红树林 湿地", by="paragraph", min_count=1, **PLAIN)
    assert set(table["paragraph"]) == {1, 3}


def test_keyness_by_unit_against_a_reference_compares_every_unit_with_it():
    table = keyness_by_unit(TWO_SECTIONS, reference=["发展 发展 学校 学校 学校 学校"], min_count=2, **PLAIN)
    assert by_section(table[table["direction"] == "over"]) == {2: ["红树林"]}


# --------------------------------------------------------------------------- co-occurrence

COOCCURRING = "保护 红树林 湿地。保护 红树林。湿地 海湾。\n保护 红树林 海湾。"


def test_sentence_cooccurrence_counts_sentences_holding_both():
    table = cooccurrence(COOCCURRING, min_count=1, **PLAIN)
    assert list(table.columns) == EDGE_COLUMNS
    edges = {(s, t): w for s, t, w in table[["source", "target", "weight"]].itertuples(index=False)}
    assert edges[("保护", "红树林")] == 3
    assert edges[("海湾", "湿地")] == 1
    # 保护 and 红树林 are in the same 3 of the 4 sentences: PMI = log2(3·4 / (3·3))
    assert table.iloc[0][["source", "target"]].tolist() == ["保护", "红树林"]
    assert table.iloc[0]["pmi"] == pytest.approx(math.log2(4 / 3))


def test_window_cooccurrence_counts_pairs_within_k_terms_of_a_paragraph():
    table = cooccurrence(COOCCURRING, window=1, min_count=1, **PLAIN)
    edges = {(s, t): w for s, t, w in table[["source", "target", "weight"]].itertuples(index=False)}
    # paragraph 1 terms: 保护 红树林 湿地 保护 红树林 湿地 海湾; paragraph 2: 保护 红树林 海湾
    assert edges == {("保护", "红树林"): 3, ("湿地", "红树林"): 2, ("保护", "湿地"): 1, ("海湾", "湿地"): 1, ("海湾", "红树林"): 1}


def test_given_terms_are_found_on_the_text_whatever_the_segmentation():
    table = cooccurrence("保护红树林湿地。红树林湿地公园。", terms=["红树林", "湿地", "粤港澳"], min_count=2)
    assert table[["source", "target", "weight"]].values.tolist() == [["湿地", "红树林", 2]]


def test_cooccurrence_of_terms_that_never_occur_is_empty_with_the_columns():
    table = cooccurrence(COOCCURRING, terms=["粤港澳大湾区"], by="section")
    assert table.empty
    assert list(table.columns) == ["part", "section", "part_kind", *EDGE_COLUMNS]


def test_cooccurrence_by_section_keeps_units_apart():
    table = cooccurrence("（一）教育\n学校 教师。学校 教师。\n（二）生态\n学校 湿地。学校 湿地。", by="section", min_count=2, **PLAIN)
    assert by_section(table, "target") == {1: ["教师"], 2: ["湿地"]}


@pytest.mark.parametrize("kwargs, name", [({"window": 0}, "window"), ({"window": "paragraph"}, "window"), ({"min_count": 0}, "min_count")])
def test_cooccurrence_bad_options_name_the_option(kwargs, name):
    with pytest.raises(OptionError, match=f"^{name}="):
        cooccurrence(COOCCURRING, **PLAIN, **kwargs)


def test_the_graph_has_weighted_edges_and_node_strengths():
    graph = cooccurrence_graph(cooccurrence(COOCCURRING, min_count=1, **PLAIN))
    assert isinstance(graph, nx.Graph)
    assert graph["保护"]["红树林"]["weight"] == 3
    assert graph.nodes["保护"]["weight"] == sum(data["weight"] for *_, data in graph.edges("保护", data=True))
    assert "pmi" in graph["保护"]["红树林"]


def test_the_graph_refuses_edges_of_several_units():
    edges = cooccurrence("（一）教育\n学校 教师。学校 教师。\n（二）生态\n学校 湿地。学校 湿地。", by="section", min_count=1, **PLAIN)
    with pytest.raises(OptionError, match="edges of 2 units"):
        cooccurrence_graph(edges)
    assert cooccurrence_graph(edges[edges["section"] == 1]).number_of_edges() == 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["学校", "教师", "湿地", "红树林", "。", "\n"]), min_size=1, max_size=30))
def test_edges_are_distinct_ordered_pairs_weighted_no_more_than_their_rarer_term(tokens):
    text = "推进 " + " ".join(tokens)
    frequencies = term_frequencies(text, **PLAIN, filters=None).set_index("term")["count"]  # cooccurrence is not filtered
    table = cooccurrence(text, min_count=1, **PLAIN)
    assert (table["source"] < table["target"]).all()
    assert not table.duplicated(["source", "target"]).any()
    for source, target, weight in table[["source", "target", "weight"]].itertuples(index=False):
        assert weight <= min(frequencies[source], frequencies[target])


# --------------------------------------------------------------------------- command line


def test_cli_keyness_by_document_needs_a_reference():
    with pytest.raises(OptionError, match="^reference="):
        keywords_for_cli(ONE_UNIT, by="document", method="keyness")


def test_cli_textrank_takes_no_reference():
    with pytest.raises(OptionError, match="^reference="):
        keywords_for_cli(ONE_UNIT, method="textrank", reference=["national"])


def test_cli_keyness_is_keyness_by_unit_with_its_defaults(seed_report):
    over = keyness_by_unit(seed_report, by="section").query("direction == 'over'")
    table = keywords_for_cli(seed_report, by="section", method="keyness", top=10_000)
    assert table["term"].tolist() == over["term"].tolist()
    assert table["score"].tolist() == over["g2"].tolist()


def test_cli_rejects_an_unknown_method():
    with pytest.raises(OptionError, match="^method="):
        keywords_for_cli(ONE_UNIT, method="lda")


# --------------------------------------------------------------------------- real reports


@pytest.fixture(scope="module")
def seed() -> Report:
    return read_report(corpus.SEED_PAGE)


@pytest.mark.parametrize("entry", JUDGEMENTS["report"], ids=[entry["source"] for entry in JUDGEMENTS["report"]])
def test_default_tfidf_top10_names_each_section_and_holds_little_boilerplate(entry):
    report = load_report(entry["source"])
    table = tfidf_keywords(report)
    judged = dict(zip(entry["sections"], judge_sections(table, entry, report)))
    failing = {key: counts for key, counts in judged.items() if counts[0] < 3 or counts[1] > 1}
    assert not failing, f"(subject words, boilerplate words) of failing sections: {failing}"


def test_seed_against_the_national_report_of_its_year_shows_what_is_local_and_what_is_left_out(seed):
    table = national_keyness(seed)
    over = table[table["direction"] == "over"]
    under = table[table["direction"] == "under"]["term"].tolist()
    assert over["term"].iloc[0] == "湛江"
    assert {"医院", "海洋", "博士", "校区"} <= set(over["term"].head(20))
    assert "红树林" in set(over.loc[over["p_value"] < 0.05, "term"])  # twice in the page, never in the nation's
    assert (over["p_value"].head(10) < 0.01).all()
    # what the city leaves out: the national economy (增长 too, but the generic filter drops
    # it on both sides, as it drops 增加 and 万亿元; without filters it comes first)
    assert {"经济", "消费", "投资"} <= set(under[:10]) and "增长" not in set(table["term"])


def test_keyness_applies_the_keyword_filters_to_both_sides_and_can_turn_them_off():
    target = "（一）推进教育。发展教育，新建学校123所，达到标准。\n（二）保护生态。保护红树林。"
    reference = "发展经济，新建工厂，达到目标，增长万亿元。推进经济，达到标准。"
    on = set(keyness(target, reference, min_count=1)["term"])
    off = set(keyness(target, reference, min_count=1, filters=None)["term"])
    assert {"达到", "万亿元"} <= off and not {"达到", "万亿元"} & on  # generic, quantity: from neither side
    assert {"教育", "经济"} <= on
    by_unit = set(keyness_by_unit(target, min_count=1)["term"])
    assert "达到" not in by_unit and "达到" in set(keyness_by_unit(target, min_count=1, filters=None)["term"])


def test_a_local_term_surfaces_once_the_tokenizer_keeps_it_whole(seed):
    # 湛江湾 is in no dictionary: the default tokenizer cuts it 湛江 / 湾
    tokenizer = Tokenizer(words=["湛江湾"]).for_text(seed.text)
    table = national_keyness(seed, tokenizer=tokenizer, min_count=1)
    over = set(table[table["direction"] == "over"]["term"])
    assert {"湛江湾", "红树林", "红树林之城"} <= over


def test_jieba_baseline_on_the_seed_is_the_boilerplate_the_issue_describes(seed):
    terms = jieba_keywords(seed, by="document", top=30)["term"].tolist()
    assert sum(term in BOILERPLATE for term in terms) >= 10


def test_appendices_and_part_kinds_choose_the_text():
    text = "各位代表：\n一、2025年工作回顾\n建成湿地公园。\n二、2026年重点工作\n保护红树林。\n附件\n名词解释\n1.红树林：海岸植物。"
    document = term_frequencies(text, stopwords=None)
    assert dict(zip(document["term"], document["count"]))["红树林"] == 1
    everything = term_frequencies(text, stopwords=None, appendices=True)
    assert dict(zip(everything["term"], everything["count"]))["红树林"] == 2
    plan = term_frequencies(text, stopwords=None, part_kind="plan")
    assert "湿地" not in set(plan["term"]) and "红树林" in set(plan["term"])
    parts = term_frequencies(text, by="part", stopwords=None)
    assert parts["part_kind"].dropna().unique().tolist() == ["review", "plan"]


# --------------------------------------------------------------------------- multiple comparisons


def _benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """The step-up procedure as Benjamini and Hochberg (1995) state it, written out."""
    m = len(p)
    order = np.argsort(p)
    adjusted = np.empty(m)
    running = 1.0
    for rank in range(m, 0, -1):  # from the largest p down: p_(i) · m / i, monotone
        running = min(running, p[order[rank - 1]] * m / rank)
        adjusted[order[rank - 1]] = running
    return adjusted


def test_benjamini_hochberg_is_the_default_and_matches_the_procedure(seed_report):
    table = national_keyness(seed_report, year=2023)
    assert np.allclose(table["p_adjusted"], _benjamini_hochberg(table["p_value"].to_numpy()))
    assert (table["p_adjusted"] >= table["p_value"]).all()


def test_benjamini_hochberg_matches_scipy(seed_report):
    from scipy.stats import false_discovery_control

    table = national_keyness(seed_report, year=2023)
    assert np.allclose(table["p_adjusted"], false_discovery_control(table["p_value"].to_numpy(), method="bh"))


def test_benjamini_hochberg_on_a_textbook_example():
    from zjnlp.keywords import _adjust

    # R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05, 0.5), "BH")
    p = np.array([0.01, 0.02, 0.03, 0.04, 0.05, 0.5])
    assert np.allclose(_adjust(p, "fdr_bh"), [0.06, 0.06, 0.06, 0.06, 0.06, 0.5])
    assert np.allclose(_adjust(p, "bonferroni"), [0.06, 0.12, 0.18, 0.24, 0.30, 1.0])


def test_bonferroni_on_request(seed_report):
    table = national_keyness(seed_report, year=2023, correction="bonferroni")
    assert np.allclose(table["p_adjusted"], np.minimum(table["p_value"] * len(table), 1))


def test_the_correction_is_per_unit():
    table = keyness_by_unit(TWO_SECTIONS, min_count=1, **PLAIN)
    for _, unit in table.groupby("section"):
        assert np.allclose(unit["p_adjusted"], _benjamini_hochberg(unit["p_value"].to_numpy()))


def test_unknown_correction_is_refused():
    with pytest.raises(OptionError, match="correction"):
        keyness(TARGET, REFERENCE, correction="holm", **PLAIN)


# --------------------------------------------------------------------------- keyword filters


def test_quantity_filter_drops_quantities_and_ordinals_not_plans():
    from zjnlp.keywords import is_quantity

    assert [is_quantity(term) for term in ["万亩", "二期", "第三", "公里", "24小时", "小时", "十四五", "一带一路", "教育"]] == [
        True, True, True, True, True, True, False, False, False,
    ]


def test_pos_filter_keeps_nouns_and_drops_verbs_and_adjectives():
    from zjnlp.keywords import is_subject_word

    nouns = ["教育", "湛江", "改革", "安全", "义务教育", "节能减排", "5G", "粤港澳大湾区"]
    others = ["作出", "培养", "超过", "激发", "融入", "幸福", "豪华", "不断完善", "平稳较快", "做强"]
    assert all(map(is_subject_word, nouns))
    assert not any(map(is_subject_word, others))


def test_pos_filter_keeps_the_verbs_a_theme_lexicon_counts():
    from zjnlp.keywords import is_subject_word
    from zjnlp.tokenize import is_nominal

    for verb in ["就业", "创新"]:
        assert not is_nominal(verb) and is_subject_word(verb)


def test_generic_list_holds_verbs_and_the_abstract_nouns_read_as_no_subject():
    from zjnlp.keywords import generic_words

    words = generic_words()
    assert {"达到", "改造", "问题", "结果", "关键", "地位", "空间", "比例", "指标", "国内", "特色", "路径", "框架"} <= words
    assert not {"教育", "企业", "就业", "治理", "民生", "枢纽", "林业"} & words


def test_clause_filter_drops_subject_adverb_predicate_and_keeps_named_subjects():
    from zjnlp.keywords import is_clause

    clauses = ["营商环境持续优化", "结构进一步调整", "文化生活更加丰富", "工业生产逐步回升"]
    kept = ["营商环境", "可持续发展", "专精特新企业", "农民工就近就业", "失业人员再就业", "优化", "乡村振兴"]
    assert all(map(is_clause, clauses))
    assert not any(map(is_clause, kept))


def test_clause_filter_drops_subject_and_adjective_and_keeps_terms_with_an_adjective_head_or_a_verb():
    from zjnlp.keywords import is_clause

    clauses = ["实力显著", "社会和谐稳定", "农村义务教育薄弱", "电力供应紧张"]
    kept = ["负面清单", "城镇老旧小区改造", "科技投入", "乡村振兴", "灾后恢复重建", "节能减排", "显著", "稳定"]
    assert all(map(is_clause, clauses))
    assert not any(map(is_clause, kept))


def test_adverb_filter_drops_verb_phrases_opened_by_an_adverb_of_manner():
    from zjnlp.keywords import is_adverb_phrase

    phrases = ["大力发展高新技术产业", "全面落实", "充分发挥市场", "继续执行", "深入开展爱国卫生运动"]
    kept = ["高新技术产业", "相对贫困", "积极财政政策", "持续健康发展", "大力", "教育", "全面建成小康社会", "充分就业"]
    assert all(map(is_adverb_phrase, phrases))
    assert not any(map(is_adverb_phrase, kept))


def test_adverb_filter_can_be_turned_off():
    text = "（一）大力发展高新技术产业。大力发展高新技术产业。\n（二）发展教育。"
    tokenizer = Tokenizer(words=["大力发展高新技术产业"])
    on = set(term_frequencies(text, by="section", tokenizer=tokenizer)["term"])
    off = set(term_frequencies(text, by="section", tokenizer=tokenizer, filters=("quantities", "generic", "fragments", "pos", "clauses"))["term"])
    assert "大力发展高新技术产业" in off and "大力发展高新技术产业" not in on


def test_particle_filter_drops_a_function_word_and_the_character_after_it():
    from zjnlp.keywords import is_particle_piece

    pieces = ["以文", "之美", "以侨", "向新"]
    kept = ["以前", "之间", "教育", "以文化人", "对外开放", "文化"]
    assert all(map(is_particle_piece, pieces))
    assert not any(map(is_particle_piece, kept))


def test_particle_filter_can_be_turned_off():
    text = "（一）以文化人。以文塑旅。\n（二）发展教育。"
    tokenizer = Tokenizer(words=["以文", "化人", "塑旅"])
    on = set(term_frequencies(text, by="section", tokenizer=tokenizer)["term"])
    off = set(term_frequencies(text, by="section", tokenizer=tokenizer, filters=("quantities", "generic", "fragments", "pos", "clauses", "adverbs"))["term"])
    assert "以文" in off and "以文" not in on


def test_clause_filter_can_be_turned_off():
    text = "（一）营商环境持续优化。营商环境持续优化。\n（二）发展教育。"
    on = set(term_frequencies(text, by="section")["term"])
    off = set(term_frequencies(text, by="section", filters=("quantities", "generic", "fragments", "pos"))["term"])
    assert "营商环境持续优化" in off and "营商环境持续优化" not in on


def test_each_filter_can_be_turned_off():
    text = "（一）作出部署，发展教育。\n（二）作出安排，保护湿地。"
    on = set(term_frequencies(text, by="section", stopwords=None)["term"])
    off = set(term_frequencies(text, by="section", stopwords=None, filters=("quantities", "generic", "fragments"))["term"])
    assert "保护" not in on and "保护" in off  # a verb: the part-of-speech filter drops it
    assert set(term_frequencies(text, by="section", stopwords=None, filters=None)["term"]) >= off


def test_unknown_filter_is_refused():
    with pytest.raises(OptionError, match="filters"):
        term_frequencies("发展教育。", filters=("nouns",))


def test_keyword_subject_sample_is_labelled_with_known_kinds():
    import csv

    for name in ["keyword_subjects_sample.csv", "keyword_subjects_fresh.csv", "keyword_subjects_fresh2.csv", "keyword_subjects_fresh3.csv",
                 "keyword_subjects_fresh4.csv", "keyword_subjects_fresh5.csv", "keyword_subjects_fresh6.csv", "keyword_subjects_fresh7.csv",
                 "keyword_subjects_fresh8.csv"]:
        path = Path(__file__).resolve().parents[1] / "benchmarks" / name
        with path.open(encoding="utf-8") as sample:
            rows = list(csv.DictReader(line for line in sample if not line.startswith("#")))
        assert len(rows) == 200
        assert {row["label"] for row in rows} <= {"subject", "generic", "fragment", "quantity"}
        if "kind" in rows[0]:  # the goal's kinds, and the non-subjects it does not name
            allowed = {"subject": {""}, "generic": {"verb", "noun", "clause"}, "fragment": {"fragment"}, "quantity": {"quantity"}}
            assert all(row["kind"] in allowed[row["label"]] for row in rows)


def test_generic_words_rebuild_identically():
    """The generic and manner lists are what scripts/build_generic_words.py makes of the corpora
    with the shipped tokenizer: a rebuilt policy lexicon must come with rebuilt lists."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_generic_words", ROOT / "scripts" / "build_generic_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run scripts/build_generic_words.py"
