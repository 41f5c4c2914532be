import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnlp import errors
from zjnlp.read import read_report
from zjnlp.structure import sentences, structure, units

from .conftest import SMALL_REPORT, uncovered

SEED_SECTIONS = {
    6: "建设教育强市、科技创新强市和人才强市，充分激发创新创造活力",
    7: "全面推进绿色发展，大力建设绿美湛江",
    8: "保障和改善民生，持续提高人民生活品质",
    9: "着力防风险守底线保安全，确保社会大局稳定",
    10: "坚持和加强党的全面领导，全力提高政府治理能力和水平",
}
SEED_HEADLINES = [
    "建设高质量教育体系", "构建全过程创新生态链", "推进人才强市建设",
    "推动发展方式绿色转型", "推进精准科学依法治污", "打造富有魅力的绿色半岛、蓝色海湾",
    "促进高质量充分就业", "织密社会保障安全网", "推进健康湛江建设", "加快文化强市建设",
    "有效防范化解重大风险", "扎实抓好公共安全治理", "建设更高水平的平安湛江、法治湛江",
    "全面加强党的政治建设", "建设执行有力的政府", "建设民主法治的政府", "建设清正廉洁的政府",
]


def test_seed_sections_and_titles(seed_report):
    table = units(seed_report, by="section")
    body = table[table["kind"] == "section"]
    assert body["section"].tolist() == [5, 6, 7, 8, 9, 10]
    assert dict(zip(body["section"].iloc[1:], body["title"].iloc[1:])) == SEED_SECTIONS
    assert body["title"].iloc[0] == ""  # section 5: title on a page this copy lacks
    assert body["part"].isna().all()


def test_seed_leading_fragment_belongs_to_section_5(seed_report):
    first = structure(seed_report).iloc[0]
    assert first["section"] == 5 and pd.isna(first["paragraph"]) and first["headline"] == ""
    assert first["text"].startswith("供销、信用")


def test_seed_seventeen_topical_paragraphs(seed_report):
    table = structure(seed_report)
    paragraphs = table[(table["kind"] == "paragraph") & table["paragraph"].notna()]
    assert paragraphs["headline"].tolist() == SEED_HEADLINES
    assert paragraphs.groupby("section")["paragraph"].max().to_dict() == {6: 3, 7: 3, 8: 4, 9: 3, 10: 4}


def test_seed_closing_remarks_apart_from_section_10(seed_report):
    table = structure(seed_report)
    closing = table[table["kind"] == "closing"]
    assert len(closing) == 1 and closing["text"].iloc[0].startswith("各位代表，港城春早")
    assert pd.isna(closing["section"].iloc[0])


@pytest.mark.parametrize("by", ["document", "part", "section", "paragraph"])
def test_units_tile_the_text(seed_report, by):
    assert_tiles(seed_report.text, units(seed_report, by=by))


def assert_tiles(text, table):
    assert set(uncovered(table, text)) <= {"\n"}, "a character other than a line end lies in no unit"


def test_small_report_structure():
    table = structure(read_report(SMALL_REPORT))
    assert table["kind"].tolist() == [
        "address", "address", "part", "paragraph", "part", "section", "paragraph", "paragraph",
        "section", "paragraph", "closing",
    ]
    assert table.loc[table["kind"] == "part", "part_title"].tolist() == ["2023年工作回顾", "2024年重点工作"]
    green = table[(table["section"] == 1) & (table["kind"] == "paragraph")]
    assert green["headline"].tolist() == ["加快发展方式绿色转型", "推进污染防治"]
    assert green["part"].tolist() == [2, 2]


@pytest.mark.parametrize(
    "heading, part, section",
    [
        ("一、工作回顾", 1, None),
        ("一．工作回顾", 1, None),
        ("（一）推动绿色发展。坚持生态优先。", None, 1),
        ("(一)推动绿色发展。坚持生态优先。", None, 1),
        ("（十二）推动绿色发展", None, 12),
    ],
)
def test_headings_full_and_half_width(heading, part, section):
    row = structure(heading + "\n这是正文。").iloc[0]
    if part is not None:
        assert row["kind"] == "part" and row["part"] == part
    else:
        assert row["kind"] == "section" and row["section"] == section
        assert row["section_title"] == "推动绿色发展"


def test_list_restarting_at_one_is_not_a_new_part():
    text = "一、工作回顾\n成绩显著。\n二、今年工作\n要做三件事：\n一、发放补贴十亿元以上，惠及群众百万人次。\n二、新建学校十所。"
    table = structure(text)
    assert table.loc[table["kind"] == "part", "part"].tolist() == [1, 2]


def test_appendix_is_not_a_part():
    text = "各位代表：\n报告工作。\n一、工作回顾\n成绩显著。\n各位代表！让我们团结奋斗！\n附件\n名词解释\n1.“双碳”：\n指碳达峰碳中和。"
    table = structure(text)
    # the glossary item's headline line and its body form one block
    assert table["kind"].tolist()[-4:] == ["closing", "appendix", "appendix", "appendix"]
    assert table["part"].iloc[-1] is pd.NA


def test_headline_line_joined_with_its_body():
    text = "一、工作回顾\n一是稳住经济大盘。\n地区生产总值增长5%，就业稳定。\n二是改善民生。\n新增学位1万个。"
    table = structure(text)
    paragraphs = table[table["kind"] == "paragraph"]
    assert paragraphs["headline"].tolist() == ["稳住经济大盘", "改善民生"]
    assert paragraphs["text"].iloc[0] == "一是稳住经济大盘。\n地区生产总值增长5%，就业稳定。"


def test_report_without_headings_is_one_unit_with_paragraphs():
    text = "我们要推动绿色发展。\n我们要建设人才强市。\n我们要保障民生。"
    assert len(units(text, by="section")) == 1
    assert structure(text)["paragraph"].tolist() == [1, 2, 3]


def test_unnumbered_part_headings_when_no_numbered_parts():
    text = "各位代表：\n现在报告工作。\n“十四五”时期工作回顾\n五年来成绩显著。\n2026年重点工作\n（一）扩大内需\n促进消费。\n（二）建设产业体系\n发展制造业。"
    table = structure(text)
    assert table.loc[table["kind"] == "part", "part_title"].tolist() == ["“十四五”时期工作回顾", "2026年重点工作"]
    assert table.loc[table["kind"] == "section", "part"].tolist() == [2, 2]


def test_sentences():
    table = sentences(SMALL_REPORT, by="section")
    assert table["sentence"].min() == 1
    assert "加快发展方式绿色转型。" in table["text"].tolist()
    report = read_report(SMALL_REPORT)
    for row in table.itertuples():
        assert report.text[row.start : row.end] == row.text


def test_bad_unit():
    with pytest.raises(errors.OptionError, match="by='chapter'"):
        units("正文。", by="chapter")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["一、", "二、", "（一）", "(二)", "各位代表：", "附件", "推进绿色发展。", "建设", "。", "\n", "“", "”", "1.", "一是"]), max_size=40).map("".join))
def test_units_tile_any_text(text):
    try:
        report = read_report(text)
    except errors.InputError:
        return
    for by in ("part", "section", "paragraph"):
        assert_tiles(report.text, units(report, by=by))


def test_list_inside_a_part_does_not_take_the_next_part_number():
    text = (
        "一、回顾\n成绩显著。\n二、任务\n要做好五件事。\n一、稳增长。要扩大内需。\n继续。\n二、促改革。要深化改革。\n继续。\n"
        "三、惠民生。要办好实事。\n继续。\n三、自身建设\n要依法行政。"
    )
    table = structure(text)
    assert table.loc[table["kind"] == "part", "part_title"].tolist() == ["回顾", "任务", "自身建设"]


def test_one_line_items_in_a_row_are_a_list_not_parts():
    text = "各位代表：\n报告工作。\n一、坚持改革。\n二、坚持开放。\n三、坚持发展。\n一、农业\n发展农业。\n二、工业\n发展工业。"
    table = structure(text)
    assert table.loc[table["kind"] == "part", "part_title"].tolist() == ["农业", "工业"]


def test_table_of_contents_is_not_parts():
    text = "目录\n一、回顾\n二、任务\n各位代表：\n报告工作。\n一、回顾\n成绩显著。\n二、任务\n要做好工作。"
    table = structure(text)
    assert table["kind"].tolist()[:3] == ["contents"] * 3
    assert table.loc[table["kind"] == "part", "part"].tolist() == [1, 2]


@pytest.mark.parametrize("line", ["三一、不是标题", "（十十）不是标题", "一二、不是标题"])
def test_malformed_numerals_are_not_headings(line):
    assert structure(line + "\n正文。")["kind"].tolist() == ["paragraph", "paragraph"]
