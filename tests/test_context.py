"""Tests for zjnlp.context: keyword in context on the text, whatever the segmentation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjnlp.context import KWIC_COLUMNS, kwic, term_pattern
from zjnlp.corpus import SEED_PAGE as SEED
from zjnlp.errors import OptionError
from zjnlp.read import read_report

REPORT = """（一）建设教育强市。支持粤港澳大湾区高校来湛办学。
推进人才强市建设。对接粤港澳大湾区人才高地。
（二）建设绿美湛江。加快建设“红树林之城”，保护红树林。"""


@pytest.fixture(scope="module")
def seed():
    return read_report(SEED)


@pytest.mark.parametrize(
    "by, keys",
    [("document", []), ("part", ["part", "part_kind"]), ("section", ["part", "section", "part_kind"]),
     ("paragraph", ["part", "section", "paragraph", "part_kind"])],
)
def test_columns_are_the_unit_columns_then_the_match(by, keys):
    table = kwic(REPORT, "红树林", by=by)
    assert list(table.columns) == [*keys, *KWIC_COLUMNS]
    assert len(table) == 2


def test_a_multi_word_term_is_found_on_the_text_with_its_offsets():
    table = kwic(REPORT, "粤港澳大湾区", window=3)
    assert table["match"].tolist() == ["粤港澳大湾区"] * 2
    for start, end in zip(table["start"], table["end"]):
        assert REPORT[start:end] == "粤港澳大湾区"
    assert table["section"].tolist() == [1, 1]
    assert table["paragraph"].isna().tolist() == [True, False]  # a section heading line has no paragraph number
    assert table["left"].tolist() == ["。支持", "。对接"]
    assert table["right"].tolist() == ["高校来", "人才高"]


def test_the_longest_term_wins_and_matches_do_not_overlap():
    table = kwic(REPORT, ["红树林", "红树林之城"], window=2)
    assert table["match"].tolist() == ["红树林之城", "红树林"]
    assert table["start"].is_monotonic_increasing


def test_context_stops_at_the_edge_of_the_unit():
    table = kwic(REPORT, "推进人才", window=50, by="paragraph")
    assert table["left"].item() == ""
    assert table["right"].item() == "强市建设。对接粤港澳大湾区人才高地。"


def test_line_breaks_in_a_larger_unit_are_marked():
    table = kwic(REPORT, "推进人才", window=4, by="section")
    assert table["left"].item() == "办学。⏎"
    assert "⏎" in kwic(REPORT, "推进人才", window=10, by="document")["left"].item()


@pytest.mark.parametrize("term", ["不存在的词", ["不存在", "也没有"]])
def test_a_term_that_does_not_occur_gives_an_empty_table_with_the_columns(term):
    table = kwic(REPORT, term)
    assert table.empty
    assert list(table.columns) == ["part", "section", "paragraph", "part_kind", *KWIC_COLUMNS]


def test_a_regular_expression_can_be_matched():
    assert kwic(REPORT, r"红树林(之城)?", regex=True)["match"].tolist() == ["红树林之城", "红树林"]


def test_a_report_without_headings_is_one_unit():
    table = kwic("推动绿色发展。绿色转型。", "绿色", by="section", window=2)
    assert table["section"].isna().all()
    assert table["right"].tolist() == ["发展", "转型"]


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"term": ""}, "term"),
        ({"term": []}, "term"),
        ({"term": "(", "regex": True}, "term"),
        ({"term": "绿色", "window": -1}, "window"),
        ({"term": "绿色", "by": "chapter"}, "by"),
    ],
)
def test_bad_options_name_the_option(kwargs, name):
    with pytest.raises(OptionError, match=f"^{name}="):
        kwic(REPORT, **kwargs)


def test_the_seed_page_local_terms_and_their_offsets_map_back_to_the_file(seed):
    table = kwic(seed, ["红树林", "湛江湾"], window=10)
    assert table["match"].tolist() == ["湛江湾", "红树林", "红树林", "红树林"]
    assert set(table["section"].astype(int)) == {6, 7}
    for start, end in zip(table["start"], table["end"]):
        original_start, original_end = seed.to_original(start, end)
        assert seed.raw[original_start:original_end] == seed.text[start:end]


@given(
    st.text(alphabet="红树林湛江湾。，\n", min_size=1, max_size=60),
    st.sampled_from(["红树林", "湛江", "。"]),
    st.integers(min_value=0, max_value=8),
)
def test_every_match_is_the_text_at_its_offsets_with_context_around_it(text, term, window):
    report = read_report(text="推进。\n" + text)
    table = kwic(report, term, window=window, by="document")
    assert len(table) == report.text.count(term)
    for row in table.itertuples():
        assert report.text[row.start : row.end] == term
        assert len(row.left) <= window and len(row.right) <= window
        assert report.text[: row.start].replace("\n", "⏎").endswith(row.left)
        assert report.text[row.end :].replace("\n", "⏎").startswith(row.right)


def test_term_pattern_prefers_the_longest():
    assert term_pattern(["湛江", "湛江湾"]).findall("湛江湾和湛江") == ["湛江湾", "湛江"]


def test_appendices_and_part_kinds_choose_where_to_search():
    text = "各位代表：\n一、2025年工作回顾\n建成红树林公园。\n二、2026年重点工作\n保护红树林。\n附件\n名词解释\n1.红树林：海岸植物。"
    assert kwic(text, "红树林", by="part")["part_kind"].tolist() == ["review", "plan"]
    assert len(kwic(text, "红树林", by="document", appendices=True)) == 3
    assert kwic(text, "红树林", by="section", part_kind="plan")["part"].tolist() == [2]
