import importlib.util
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnlp import corpus, errors
from zjnlp.read import Report, read_report
from zjnlp.structure import part_kind, sentences, structure, units

from .conftest import ROOT, SMALL_REPORT, uncovered

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
    table = structure(read_report(text=SMALL_REPORT))
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
    text = "一、工作回顾\n（一）稳增长\n1.稳住经济大盘。\n地区生产总值增长5%，就业稳定。\n2.改善民生。\n新增学位1万个。"
    table = structure(text)
    paragraphs = table[table["kind"] == "paragraph"]
    assert paragraphs["headline"].tolist() == ["稳住经济大盘", "改善民生"]
    assert paragraphs["text"].iloc[0] == "1.稳住经济大盘。\n地区生产总值增长5%，就业稳定。"


@pytest.mark.parametrize(
    "text, sections, titles",
    [
        # standalone 一是 lines organise a part without （一） headings (广东 2026, part 一)
        ("一、工作回顾\n总的看。\n一是稳住经济大盘。\n地区生产总值增长5%，就业稳定。\n二是改善民生。\n新增学位1万个。",
         [1, 2], ["稳住经济大盘", "改善民生"]),
        # 一是 inside paragraphs stays text (江西 2026, part 一)
        ("一、工作回顾\n一是经济增长好于预期。地区生产总值增长5.2%。\n二是产业发展向新图强。科技创新加快。", [], []),
        # a part with （一） headings keeps them; 一是 lines inside are paragraphs
        ("一、今年工作\n（一）稳增长\n一是扩大消费。\n推进以旧换新。\n二是扩大投资。\n推进项目。", [1], ["稳增长"]),
    ],
)
def test_point_sections(text, sections, titles):
    table = structure(text)
    heads = table[table["kind"] == "section"]
    assert heads["section"].tolist() == sections and heads["section_title"].tolist() == titles


def test_heading_split_over_two_lines_is_one_title():
    text = "各位代表：\n一、“十五五”时期经济社会发展的\n主要目标和重点任务\n今后五年要推动高质量发展。\n二、2026年重点工作\n做好今年工作。"
    table = structure(text)
    parts = table[table["kind"] == "part"]
    assert parts["part_title"].tolist() == ["“十五五”时期经济社会发展的主要目标和重点任务", "2026年重点工作"]
    assert parts["text"].iloc[0] == "一、“十五五”时期经济社会发展的\n主要目标和重点任务"
    assert (table["kind"] == "paragraph").sum() == 2
    assert parts["part_kind"].tolist() == ["outlook", "plan"]


@pytest.mark.parametrize(
    "title, kind",
    [
        ("2025年工作回顾", "review"), ("“十四五”时期工作回顾", "review"), ("过去五年工作回顾", "review"),
        ("2025年主要工作和“十四五”发展成就", "review"), ("1998年工作回顾和1999年工作的总体要求", "plan"),
        ("“十三五”时期发展成就和“十四五”时期主要目标任务", "outlook"), ("“十五五”时期主要目标任务", "outlook"),
        ("关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明", "outlook"), ("今后五年的主要任务", "outlook"),
        ("2026年重点工作", "plan"), ("对今年政府工作的建议", "plan"), ("2024年经济社会发展总体要求和政策取向", "plan"),
        ("“十五五”时期目标任务和2026年工作安排", "plan"), ("全力推动“十五五”开好局、起好步", "plan"),
        ("全面加强政府自身建设", "government"), ("努力建设让人民满意的法治型服务型政府", "government"),
        ("依靠政策和科学，加快农业的发展", None),
        # forms of other years: 2025's reports close the 十四五 period
        ("2024年工作回顾", "review"), ("2025年工作总体要求和主要目标", "plan"), ("2025年重点工作", "plan"),
        ("今年工作安排", "plan"), ("“十四五”规划目标任务完成情况", "review"), ("“十四五”规划实施情况", "review"),
        ("关于“十四五”规划纲要中期评估", "review"), ("确保“十四五”规划圆满收官", "plan"),
        ("高质量完成“十四五”规划目标任务", "plan"), ("2024年工作回顾和2025年工作安排", "plan"),
        ("“十四五”时期主要成就和2024年工作回顾", "review"), ("切实加强政府自身建设", "government"),
        ("加快建设法治政府", "government"), ("关于国际形势和外交工作", "other"), ("积极推进祖国和平统一大业", "other"),
    ],
)
def test_part_kind_from_heading(title, kind):
    assert part_kind(title) == kind


NATIONAL_PART_KINDS = pd.read_csv(ROOT / "tests" / "data" / "national_part_kinds.tsv", sep="\t")
_CHINESE_DIGITS = "〇一二三四五六七八九"


def _year_before(text: str) -> str:
    """The text with every year one earlier (2026年 → 2025年, 二〇二六年 → 二〇二五年) and every
    five-year plan the one before (十五五 → 十四五), each number keeping its length."""
    text = re.sub(r"(?<!\d)(?:19|20)\d\d(?=年|[—\-～~至]\d)", lambda m: str(int(m[0]) - 1), text)

    def chinese(match: re.Match) -> str:
        year = int("".join(str(_CHINESE_DIGITS.index(c)) for c in match[1].replace("○", "〇").replace("零", "〇"))) - 1
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(year)) + "年"

    text = re.sub(r"([〇○零一二三四五六七八九]{4})年", chinese, text)
    return re.sub(r"十([二三四五])五", lambda m: "十" + "一二三四"["二三四五".index(m[1])] + "五", text)


@pytest.mark.parametrize("year, kind, title", list(NATIONAL_PART_KINDS.itertuples(index=False)))
def test_national_part_headings_and_their_kinds(year, kind, title):
    """Every part heading of the national reports 1978–2025 that names its kind, labelled
    by reading; the same heading a year earlier is the same kind."""
    assert part_kind(title) == kind
    assert part_kind(_year_before(title)) == kind


def test_year_before():
    assert _year_before("一、2025年和“十四五”时期工作回顾，二〇二六年一月，“十五五”，2021—2025年，100亿元") == (
        "一、2024年和“十三五”时期工作回顾，二〇二五年一月，“十四五”，2020—2024年，100亿元"
    )


def test_structure_does_not_depend_on_the_year():
    """Each provincial report of 2026 moved one year back (2026 → 2025, 十五五 → 十四五, in
    headings and text) has the same parts, sections, kinds and roles, line by line."""
    columns = ["part", "section", "paragraph", "part_kind", "part_kind_inferred", "role", "role_basis", "kind", "start", "end"]
    for row in corpus.provinces().itertuples():
        shifted = _year_before(row.text)
        assert shifted != row.text
        before = structure(Report.from_text(row.text))[columns]
        after = structure(Report.from_text(shifted))[columns]
        pd.testing.assert_frame_equal(after, before, obj=row.province)


# Read in the reports: the line that opens each part's wrap-up after its last section.
WRAP_UPS = [
    ("provinces-2026/上海市.txt", 1, "各位代表，过去一年，坚如磐石的军政军民团结"),
    ("provinces-2026/上海市.txt", 2, "各位代表，蓝图已绘就"),
    ("provinces-2026/上海市.txt", 3, "各位代表，支持国防和军队现代化建设"),
    ("provinces-2026/广西壮族自治区.txt", 1, "一年来，外事、侨务"),
    ("provinces-2026/天津市.txt", 1, "一年来，我们切实加强政府自身建设"),
    ("provinces-2026/安徽省.txt", 3, "一以贯之支持国防和军队现代化建设"),
    ("national/2025-李强.txt", 3, "今年将开展“十五五”规划编制工作"),
    ("national/2023-李克强.txt", 1, "各位代表！"),
    ("national/2007-温家宝.txt", 1, "民族、宗教、港澳、对台和侨务工作进一步加强"),
    ("national/2005-温家宝.txt", 4, "今年，我国对外开放面临不少新情况"),
    ("national/1986-赵紫阳.txt", 2, "上述三项任务"),
    ("national/1986-赵紫阳.txt", 3, "上述三个方面的改革"),
    ("provinces-2026/青海省.txt", 2, "在此基础上再奋斗五年"),
]


@pytest.mark.parametrize("path, part, opening", WRAP_UPS)
def test_wrap_up_leaves_the_last_section(path, part, opening):
    table = structure(read_report(ROOT / "seeds" / path))
    rows = table[(table["part"] == part) & (table["kind"] == "paragraph")]
    wrap = rows[rows["role"] == "wrap_up"]
    assert wrap["text"].iloc[0].startswith(opening)
    assert wrap["section"].isna().all() and (wrap["section_title"] == "").all()
    assert wrap["paragraph"].dropna().is_monotonic_increasing
    before = rows.loc[: wrap.index[0] - 1]
    assert (before["role"] != "wrap_up").all()


def test_seed_part_is_an_inferred_plan(seed_report):
    table = units(seed_report, by="section")
    body = table[table["kind"] == "section"]
    assert (body["part_kind"] == "plan").all() and body["part_kind_inferred"].all()
    assert body[body["section"].notna()]["section"].tolist() == [5, 6, 7, 8, 9, 10]
    assert (body[body["section"].notna()]["role"] == "").all()


@pytest.mark.parametrize("path", sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt")) + sorted((ROOT / "seeds" / "national").glob("19[89]*.txt")) + sorted((ROOT / "seeds" / "national").glob("20*.txt")))
def test_every_report_tiles_and_has_kinds(path):
    report = read_report(path)
    for by in ("part", "section", "paragraph"):
        table = units(report, by=by)
        assert uncovered(table, report.text).strip() == ""
        body = table[table["part"].notna()]
        assert body["part_kind"].isin(["review", "plan", "outlook", "government", "other"]).all()
    paragraphs = units(report, by="paragraph")
    assert paragraphs.loc[paragraphs["role"] == "wrap_up", "section"].isna().all()


def test_appendices_and_part_kinds_are_chosen():
    text = "各位代表：\n一、2025年工作回顾\n增长了5%。\n二、2026年重点工作\n要推进绿色发展。\n各位代表！奋斗！\n附件\n名词解释\n1.绿色发展：理念。"
    whole = units(text, by="document")
    speech = units(text, by="document", appendices=False)
    assert len(whole) == 1 and len(speech) == 1 and not speech["text"].iloc[0].count("名词解释")
    plan = units(text, by="part", part_kind="plan")
    assert plan["part"].tolist() == [2]
    assert units(text, by="document", part_kind=["review", "plan"])["text"].iloc[0].startswith("一、")
    with pytest.raises(errors.OptionError, match="part_kind"):
        units(text, by="part", part_kind="plans")


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
    report = read_report(text=SMALL_REPORT)
    for row in table.itertuples():
        assert report.text[row.start : row.end] == row.text


def test_bad_unit():
    with pytest.raises(errors.OptionError, match="by='chapter'"):
        units("正文。", by="chapter")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["一、", "二、", "（一）", "(二)", "各位代表：", "附件", "推进绿色发展。", "建设", "。", "\n", "“", "”", "1.", "一是"]), max_size=40).map("".join))
def test_units_tile_any_text(text):
    try:
        report = read_report(text=text)
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


def test_unnumbered_headings_above_numbered_parts_are_parts():
    # 内蒙古 2026: two named headings, the numbered parts under the second
    table = units(read_report(ROOT / "seeds" / "provinces-2026" / "内蒙古自治区.txt"), by="part")
    body = table[table["kind"] == "part"]
    assert body["title"].tolist()[:2] == ["“十四五”时期发展成就和2025年工作回顾", "“十五五”时期主要目标和2026年重点工作"]
    assert body["part"].isna().tolist()[:3] == [True, True, False]
    assert body["part_kind"].tolist()[:2] == ["review", "plan"] and not body["part_kind_inferred"].iloc[:2].any()


# --------------------------------------------------------------------------- paths and text

from zjnlp.context import kwic  # noqa: E402
from zjnlp.errors import InputError  # noqa: E402
from zjnlp.keywords import (  # noqa: E402
    cooccurrence,
    jieba_keywords,
    keyness,
    keyness_by_unit,
    national_keyness,
    term_frequencies,
    tfidf_keywords,
)
from zjnlp.plotting import plot_targets  # noqa: E402
from zjnlp.structure import as_report  # noqa: E402
from zjnlp.targets import targets  # noqa: E402
from zjnlp.themes import score_themes, theme_matches  # noqa: E402

# Every public function that takes a report, called with it as its first argument.
TAKES_A_REPORT = {
    "as_report": as_report,
    "structure": structure,
    "units": units,
    "sentences": sentences,
    "term_frequencies": term_frequencies,
    "tfidf_keywords": tfidf_keywords,
    "jieba_keywords": jieba_keywords,
    "keyness": lambda report: keyness(report, "各位代表：\n推进绿色发展。"),
    "keyness_by_unit": keyness_by_unit,
    "national_keyness": lambda report: national_keyness(report, year="all"),
    "cooccurrence": cooccurrence,
    "kwic": lambda report: kwic(report, "发展"),
    "theme_matches": theme_matches,
    "score_themes": score_themes,
    "targets": targets,
    "plot_targets": lambda report: plot_targets(targets(SMALL_REPORT), report=report),
}


@pytest.mark.parametrize("name", TAKES_A_REPORT)
def test_a_path_given_as_a_str_is_never_analysed_as_text(name, seed_path):
    with pytest.raises(InputError, match="looks like a file path, not report text; read the file with read_report"):
        TAKES_A_REPORT[name](str(seed_path))


@pytest.mark.parametrize("name", TAKES_A_REPORT)
def test_a_missing_path_given_as_a_str_is_a_clear_error(name):
    with pytest.raises(InputError, match="no such file"):
        TAKES_A_REPORT[name]("reports/2025年政府工作报告.txt")


@pytest.mark.parametrize("name", [name for name in TAKES_A_REPORT if name not in ("plot_targets", "as_report")])
def test_text_a_path_and_a_report_give_the_same_table(name, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(SMALL_REPORT, encoding="utf-8")
    call = TAKES_A_REPORT[name]
    expected = call(read_report(path))
    pd.testing.assert_frame_equal(call(path), expected)
    if name != "keyness":  # keyness pools texts as they are given, without reading them as reports
        pd.testing.assert_frame_equal(call(SMALL_REPORT), expected)


# Read in the reports: paragraphs that carry a cue, and the role the rules give them.
ROLES = [
    ("provinces-2026/浙江省.txt", "各位代表！今年我们要坚持和完善为民办实事", "interlude", "各位代表 on a topic"),
    ("provinces-2026/浙江省.txt", "1.医疗卫生方面", "interlude", "after the interlude opens"),
    ("provinces-2026/云南省.txt", "各位代表！环境就是民生", "", "uncertain: 各位代表 on the section's topic"),
    ("provinces-2026/海南省.txt", "深入贯彻习近平强军思想", "", "uncertain: topic"),
    ("provinces-2026/贵州省.txt", "推动文化事业繁荣发展和民族团结", "", "uncertain: topic 民族团结"),
    ("provinces-2026/江西省.txt", "《纲要（草案）》经大会审查通过后", "wrap_up", "opening 《纲要"),
    ("provinces-2026/河南省.txt", "一年来，我们全面正确履行政府职能", "wrap_up", "topic 履行政府职能"),
    ("provinces-2026/北京市.txt", "全力支持国防和军队现代化建设，推动军民融合", "wrap_up", "topic 国防"),
    ("provinces-2026/上海市.txt", "今年是实施“十五五”规划的开局之年", "intro", "before the first section"),
    ("national/2004-温家宝.txt", "继续做好民族、宗教、侨务工作", "", "uncertain: topic 民族"),
]


@pytest.mark.parametrize("path, opening, role, basis", ROLES)
def test_role_and_its_basis(path, opening, role, basis):
    table = structure(read_report(ROOT / "seeds" / path))
    row = table[table["text"].str.startswith(opening)].iloc[0]
    assert row["role"] == role and row["role_basis"].startswith(basis)
    assert pd.isna(row["section"]) == (role != "")


# Read in six provincial reports of 2026 drawn at random (random.Random(2025).sample of the
# 31 files: 河南, 内蒙古, 湖北, 辽宁, 江西, 四川), whole, by paragraph: the block a line opens,
# its kind, role, part kind and number in its unit.
READ_2026 = [
    ("河南省.txt", "事非经过不知难", "paragraph", "wrap_up", "review", 10),
    ("河南省.txt", "重点做好十个方面工作：", "paragraph", "intro", "plan", 3),
    ("河南省.txt", "加强国防动员和后备力量建设", "paragraph", "wrap_up", "plan", 4),
    ("河南省.txt", "面对新征程新使命", "paragraph", "wrap_up", "plan", 7),
    ("内蒙古自治区.txt", "成绩固然可喜，问题也不容忽视", "paragraph", "", "review", 10),
    ("内蒙古自治区.txt", "铸牢中华民族共同体意识是新时代党的民族工作的主线", "paragraph", "intro", "plan", 1),
    ("内蒙古自治区.txt", "附件", "appendix", "", "", 1),
    ("内蒙古自治区.txt", "2026年自治区民生实事", "appendix", "", "", 2),
    ("湖北省.txt", "各位代表！我们做的一切工作", "paragraph", "wrap_up", "plan", 5),
    ("湖北省.txt", "湖北正以高水平开放全面融入世界经济循环", "paragraph", "", "plan", 7),
    ("湖北省.txt", "政贵在行，功成于实", "paragraph", "intro", "government", 1),
    ("辽宁省.txt", "各位代表！今年，我们继续安排20件民生实事", "paragraph", "", "plan", 7),
    ("辽宁省.txt", "支持国防和军队现代化建设，服务支撑一体化", "paragraph", "wrap_up", "plan", 9),
    ("江西省.txt", "全力支持国防和军队现代化建设，深化跨军地改革", "paragraph", "wrap_up", "plan", 4),
    ("江西省.txt", "3.“四融一共”和美乡村", "appendix", "", "", 5),
    ("江西省.txt", "4.", "appendix", "", "", 6),
    ("四川省.txt", "名词解释", "appendix", "", "", 1),
    ("四川省.txt", "2.“两新”", "appendix", "", "", 3),
    ("四川省.txt", "（十）突出政府履职效能", "section", "", "plan", None),
]


@pytest.mark.parametrize("name, opening, kind, role, part_kind_, paragraph", READ_2026)
def test_blocks_read_in_provincial_reports(name, opening, kind, role, part_kind_, paragraph):
    table = structure(read_report(ROOT / "seeds" / "provinces-2026" / name))
    row = table[table["text"].str.startswith(opening)].iloc[0]
    assert (row["kind"], row["role"], row["part_kind"]) == (kind, role, part_kind_)
    assert (pd.isna(row["paragraph"]) if paragraph is None else row["paragraph"] == paragraph)
    assert "\n" not in row["text"]  # a block of one line: no glossary item joined with the next


@pytest.mark.parametrize(
    "opening",
    ["在充分肯定成绩的同时，我们也清醒看到，发展中还有不少困难。", "我们也深刻认识到，经济回升向好的基础还不稳固。",
     "在看到发展成就的同时，我们也认识到，短板仍然不少。", "上述三项任务，是相互联系的。",
     "过去一年，我们坚持以政治建设为统领，全面加强政府自身建设。"],
)
def test_wrap_up_openings_of_other_wordings(opening):
    text = (
        "一、2024年工作回顾\n过去一年成绩显著。\n（一）稳增长。\n增长了5%。\n（二）惠民生。\n就业稳定，城镇新增就业10万人。\n"
        f"{opening}\n我们一定认真改进。\n二、2025年重点工作\n（一）扩内需。\n要促进消费。"
    )
    table = structure(text)
    rows = table[table["kind"] == "paragraph"].set_index("text")
    assert rows.loc[opening, "role"] == "wrap_up" and rows.loc["我们一定认真改进。", "role"] == "wrap_up"
    assert rows.loc["就业稳定，城镇新增就业10万人。", "section"] == 2


def test_interlude_is_numbered_in_its_part_and_a_unit_by_section():
    report = read_report(ROOT / "seeds" / "provinces-2026" / "浙江省.txt")
    table = structure(report)
    own = table[(table["part"] == 3) & table["role"].isin(["intro", "interlude", "wrap_up"])]
    assert own["paragraph"].dropna().tolist() == list(range(1, len(own["paragraph"].dropna()) + 1))
    sections = units(report, by="section")
    interlude = sections[sections["role"] == "interlude"]
    assert len(interlude) == 1 and pd.isna(interlude["section"].iloc[0]) and "1.医疗卫生方面" in interlude["text"].iloc[0]
    assert "role_basis" in units(report, by="paragraph") and "role_basis" not in sections


def test_section_number_broken_after_its_bracket():
    text = "一、工作回顾\n（一）经济运行稳中有进。\n增长了5%。\n（\n二）产业发展提质增效。\n投产了项目。"
    table = structure(text)
    assert table.loc[table["kind"] == "section", "section_title"].tolist() == ["经济运行稳中有进", "产业发展提质增效"]
    assert "（\n二）" in table.loc[table["kind"] == "section", "text"].iloc[1]


def test_outlook_inferred_from_its_sentences():
    table = units(read_report(ROOT / "seeds" / "provinces-2026" / "福建省.txt"), by="part")
    body = table[table["kind"] == "part"]
    assert body["part_kind"].tolist() == ["review", "outlook", "plan", "government"]
    assert body["part_kind_inferred"].tolist() == [False, True, False, False]


def _evaluation():
    spec = importlib.util.spec_from_file_location("evaluate_structure", ROOT / "scripts" / "evaluate_structure.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scores_against_the_labels():
    """The figures reported for the rules (scripts/evaluate_structure.py): a change that
    moves one of them must say so here."""
    module = _evaluation()
    scores = module.evaluate("dev")
    with_sections = module.summary(scores[scores["has_sections"]]).set_index("measure")["right"].to_dict()
    assert with_sections == {"parts": 31, "sections": 31, "kinds": 31, "part_level": 53}
    without = module.summary(scores[~scores["has_sections"]]).set_index("measure")["right"].to_dict()
    assert without == {"part_level": 21}
    assert module.evaluate("heldout").empty
