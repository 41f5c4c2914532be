import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnlp import errors
from zjnlp.read import read_report
from zjnlp.structure import units
from zjnlp.targets import COLUMNS, extract_targets, targets

GOLD_SEED = Path(__file__).parent / "data" / "seed_targets_gold.csv"


def rows(text: str, include: str = "all") -> list[tuple]:
    table = extract_targets(text, include=include)
    return list(zip(table["value"], table["unit"]))


# --------------------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("新增公办幼儿园学位5100个。", 5100, "个"),
        ("新增公办幼儿园学位５１００个。", 5100, "个"),  # full-width digits
        ("新增中小学公办学位2.2万个。", 22000, "个"),
        ("新增中小学公办学位２．２万个。", 22000, "个"),
        ("拟发行超长期特别国债1.3万亿元。", 1.3e12, "元"),
        ("建设1.4万亩生态公益林。", 14000, "亩"),
        ("完成投资1,200亿元。", 1.2e11, "元"),  # thousands separator
        ("城镇新增就业1200万人以上。", 1.2e7, "人"),
        ("粮食产量1.4万亿斤左右。", 1.4e12, "斤"),
        ("新增装机100万千瓦。", 1e6, "千瓦"),  # 千 of 千瓦 is the unit's
        ("国内生产总值增长5%左右。", 5, "%"),
        ("国内生产总值增长5％左右。", 5, "%"),  # full-width percent sign
        ("赤字率比上年提高1个百分点。", 1, "个百分点"),
        ("进出口总额增长1.5倍。", 1.5, "倍"),
        ("新增企业3000多家。", 3000, "家"),
        ("带动就业1万余人。", 10000, "人"),
        ("惠及学生3400多万人次。", 3.4e7, "人次"),
        ("危险废物利用处置能力提高到16.9万吨/日。", 169000, "吨/日"),
        ("钢产量达到一千二百万吨。", 1.2e7, "吨"),
        ("新建两万套保障性住房。", 20000, "套"),
        ("新建三个产业园区。", 3, "个"),  # a one-character numeral after a counting verb
        ("工农业总产值增长百分之八点五。", 8.5, "%"),
        ("人口自然增长率控制在千分之十三以下。", 13, "‰"),
        ("发电量达到三千六百二十亿度。", 3.62e11, "度"),
        ("工农业年总产值翻两番。", 2, "番"),
        ("研究生招生比一九八○年增长四点五倍。", 4.5, "倍"),
        ("人均预期寿命提高到79岁。", 79, "岁"),
        ("审批时限压缩至3个工作日。", 3, "个工作日"),
        ("占全国9成。", 9, "成"),
        ("出口增长-2.1%。", -2.1, "%"),  # a sign after a word, not a range dash
    ],
)
def test_numeral_forms(text, value, unit):
    table = extract_targets(text, include="all")
    assert len(table) == 1, table
    assert table["value"].iloc[0] == pytest.approx(value)
    assert table["unit"].iloc[0] == unit


@pytest.mark.parametrize(
    "text, value, upper, unit",
    [
        ("地区生产总值增长4.5%—5%。", 4.5, 5, "%"),
        ("地区生产总值增长4.5%-5%。", 4.5, 5, "%"),
        ("地区生产总值增长4.5-5%。", 4.5, 5, "%"),
        ("新增企业3000至5000家。", 3000, 5000, "家"),
        ("安排资金3000—5000万元。", 3e7, 5e7, "元"),  # the multiplier applies to both ends
    ],
)
def test_ranges(text, value, upper, unit):
    table = extract_targets(text, include="all")
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["value"], row["upper"], row["unit"]) == (
        pytest.approx(value),
        pytest.approx(upper),
        unit,
    )
    assert "range" in row["flags"].split(",")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("服务率分别超30、60。", [(30, "%"), (60, "%")]),
        ("客运量分别达1409万、1305万人次。", [(1.409e7, "人次"), (1.305e7, "人次")]),
        (
            "投资额分别达2400亿元、450亿元、1700亿元。",
            [(2.4e11, "元"), (4.5e10, "元"), (1.7e11, "元")],
        ),
        ("新增科技孵化器1家、众创空间1家、博士工作站4家。", [(1, "家"), (1, "家"), (4, "家")]),
    ],
)
def test_lists_give_one_row_per_number(text, expected):
    assert [(pytest.approx(v), u) for v, u in expected] == rows(text)


def test_respectively_pairs_subjects_with_numbers():
    table = extract_targets("力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。")
    assert table["indicator"].tolist() == ["交通", "水利", "能源领域投资额"]
    assert set(table["qualifier"]) == {"力争,达"}


# --------------------------------------------------------------------------- not targets


@pytest.mark.parametrize(
    "text",
    [
        "巩固提升“5080”攻坚成果。",  # names and slogans in quotes
        "实施“十百千”医学人才引智计划。",
        "实施市“八五”普法规划。",
        "全面落实省委“1310”具体部署。",
        "以《“十四五”规划》为指引。",
        "始终牢记三个务必。",  # counted formulas
        "深刻领悟两个确立的决定性意义，增强四个意识、坚定四个自信、做到两个维护。",
        "严格落实中央八项规定及其实施细则精神。",
        "全面实施法治建设一规划两纲要。",
        "深入实施人才发展五大行动。",
        "重点做好十个方面工作。",
        "扎实推进三项工程。",
        "推进第二轮中央生态环保督察整改。",  # ordinals
        "做好第五次全国经济普查工作。",
        "学习贯彻党的二十大精神。",
        "建成市第二技工学校新校区。",
        "推进十四五规划实施。",
        "加快市养老服务中心二期建设。",  # phases
        "推进附属医院海东院区（一期）建设。",
        "推动65岁及以上老年人医养结合。",  # age brackets
        "新增3岁以下婴幼儿托位。",
        "2023年2月9日在市人民代表大会上。",  # dates
        "到2025年底基本建成。",
        "五年来，我们砥砺前行。",  # durations without a quantity word
        "推进科技体制改革三年攻坚。",
        "争取3年内完成。",
        "（一）建设教育强市。",  # numbering
        "一、2023年工作回顾",
        "一是推动经济运行稳中向好。",
        "1.稳增长。",
        "全方位对接粤港澳大湾区建设。",
        "校企共建一批产教融合联盟。",  # 一 as an article
        "一体推进教育科技人才发展。",
        "推行社会保障卡居民服务一卡通。",
        "加强一老一小等人群服务保障。",
        "建设一个现代化国际化城市。",
        "走进千家万户。",  # idioms
        "千方百计稳就业。",
        "打造千亿级产业集群。",  # grades
        "建设10万吨级泊位。",
        "建设5G基站。",  # names with Latin letters
        "PM2.5平均浓度下降。",
        "进入全国前10名。",  # ranks
        "开通12345热线。",
        "发布日期:2023/3/23 13:28:23 浏览:293",  # page metadata
        "上一页 [1] [2] [3] [4] [5] 下一页",
        "实现两位数增长。",
        "每10万人口高等教育在校生增加。",
        "约占全国1/10。",
        "城乡居民收入比从2.50:1缩小至2.27:1。",
        "新引进数百家企业。",
        "覆盖率在2024—2026年间稳步提高。",  # a year is no rate
        "新增" + "9" * 400 + "个。",  # beyond float range: no quantity a report states
        "新增" + "亿" * 50 + "元。",
    ],
)
def test_not_targets(text):
    assert extract_targets(text, include="all").empty


# --------------------------------------------------------------------------- description


@pytest.mark.parametrize(
    "text, indicator, qualifier",
    [
        ("新增公办幼儿园学位5100个。", "公办幼儿园学位", "新增"),
        ("新增4家市级重点实验室。", "市级重点实验室", "新增"),
        ("力争研发机构突破500家。", "研发机构", "力争,突破"),
        ("推动食品抽检达每千人5.5批次。", "食品抽检", "达,每千人"),
        ("建设120个新能源充电桩。", "新能源充电桩", ""),
        ("国内生产总值增长5%左右。", "国内生产总值", "增长,左右"),
        ("各县（市、区）创建1个以上教育共同体。", "教育共同体", "以上"),
        ("筹集保障性租赁住房2000套。", "保障性租赁住房", ""),
        ("今年赤字率拟按4%左右安排。", "赤字率", "左右"),
        ("拟发行超长期特别国债1.3万亿元。", "超长期特别国债", ""),
        ("到2030年非常规天然气产量达到300亿立方米。", "非常规天然气产量", "达到"),
    ],
)
def test_indicator_and_qualifier(text, indicator, qualifier):
    row = extract_targets(text).iloc[0]
    assert (row["indicator"], row["qualifier"]) == (indicator, qualifier)


def test_an_indicator_carries_over_to_a_bare_clause():
    table = extract_targets(
        "国内生产总值达到74.4万亿元，增长6.7%；赤字规模5.66万亿元、比上年增加1.6万亿元。"
    )
    assert table["indicator"].tolist() == ["国内生产总值"] * 2 + ["赤字规模"] * 2


@pytest.mark.parametrize(
    "text, indicator",
    [
        (
            "推动县级及以上集中式饮用水水源地水质优良率达100。",
            "县级及以上集中式饮用水水源地水质优良率",
        ),
        ("森林覆盖率保持在100，建设绿道。", "森林覆盖率"),
        ("工业增加值增长5.5，利润下降。", "工业增加值"),
    ],
)
def test_rate_without_percent_sign_is_flagged(text, indicator):
    row = extract_targets(text).iloc[0]
    assert (row["indicator"], row["unit"], row["flags"]) == (indicator, "%", "percent_sign_missing")


def test_bare_numbers_without_rate_are_not_quantities():
    assert extract_targets("研发机构达500，开通热线。").empty


# --------------------------------------------------------------------------- kind

REVIEW_AND_PLAN = """一、2016年工作回顾
国内生产总值达到74.4万亿元，增长6.7%。
二、2017年工作总体部署
今年发展的主要预期目标是：国内生产总值增长6.5%左右。
去年全国财政超收7239亿元。
"""


@pytest.mark.parametrize(
    "text, kinds",
    [
        # the structure stage names the part's kind; a review part's quantities are achieved
        ("一、“十四五”时期发展成就\n建成学校10所。\n二、2026年重点工作\n建成学校20所。", ["achieved", "target"]),
        ("一、2025年工作回顾\n建成学校10所。\n二、“十五五”时期主要目标任务\n建成学校20所。", ["achieved", "target"]),
        # a part whose heading names no kind: each sentence by its cues
        ("一、加快农业发展\n建成学校10所。\n二、关于外交工作\n过去一年，建成学校20所。", ["target", "achieved"]),
    ],
)
def test_review_parts_come_from_structure(text, kinds):
    assert extract_targets(text, include="all")["kind"].tolist() == kinds
    assert targets(text, include="all")["kind"].tolist() == kinds


def test_kind_follows_the_part_and_the_sentence():
    table = extract_targets(REVIEW_AND_PLAN, include="all")
    assert table["kind"].tolist() == ["achieved", "achieved", "target", "achieved"]
    assert extract_targets(REVIEW_AND_PLAN)["value"].tolist() == [6.5]


def test_the_level_a_change_starts_from_is_a_baseline():
    text = "人均基本公共卫生服务经费标准由25元提高到30元，毛入学率从53.4%提高到63%以上。"
    assert extract_targets(text, include="all")["kind"].tolist() == ["baseline", "target"] * 2
    assert extract_targets(text)["value"].tolist() == [30, 63]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("过去一年，城镇新增就业1256万人。", "achieved"),
        ("一年来，新建充电桩120个。", "achieved"),
        ("去年全国财政超收7239亿元。", "achieved"),
        ("综合考虑了去年价格变动，居民消费价格涨幅3%左右。", "target"),
        ("过去一年成绩显著，今年力争新增就业1200万人。", "target"),
        ("“十四五”时期工作回顾\n五年来，地区生产总值年均增长5.2%。", "achieved"),
        (
            "“十四五”时期工作回顾\n地区生产总值年均增长5.2%。\n2026年重点工作\n新增学位2000个。",
            "target",
        ),
    ],
)
def test_kind_cues(text, kind):
    assert extract_targets(text, include="all")["kind"].iloc[-1] == kind


# --------------------------------------------------------------------------- table shape and errors


def test_offsets_index_the_text_and_start_offset_shifts_them():
    text = "各位代表：\n新增公办幼儿园学位５１００个，食品抽检达每千人5.5批次。"
    table = extract_targets(text)
    assert [text[s:e] for s, e in zip(table["start"], table["end"])] == table["text"].tolist()
    assert table["text"].tolist() == ["５１００个", "每千人5.5批次"]
    shifted = extract_targets(text, start_offset=100)
    assert (shifted["start"] - table["start"]).eq(100).all()
    assert (
        table["sentence"].tolist()[0] == "新增公办幼儿园学位５１００个，食品抽检达每千人5.5批次。"
    )


def test_empty_table_has_the_columns():
    table = extract_targets("没有数字。")
    assert list(table.columns) == COLUMNS and table.empty
    assert str(table["value"].dtype) == "float64" and str(table["part"].dtype) == "Int64"


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"text": 5}, errors.OptionError, "text='int' is not valid: expected a str"),
        ({"text": "x", "start_offset": True}, errors.OptionError, "start_offset=True"),
        ({"text": "x", "include": "some"}, errors.OptionError, "include='some'"),
        ({"text": "x", "start_offset": -1}, errors.OptionError, "start_offset=-1"),
    ],
)
def test_errors(kwargs, error, match):
    text = kwargs.pop("text")
    with pytest.raises(error, match=match):
        extract_targets(text, **kwargs)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "0123456789０１２.,，、。；％%—-至到一二两三十百千万亿点个家亿元亩人次率达增长以上左右分别超第每“”《》（）\n"
            )
        )
        | st.characters(),
        max_size=80,
    )
)
def test_any_text_gives_a_well_formed_table(text):
    table = extract_targets(text, include="all")
    assert list(table.columns) == COLUMNS
    for row in table.itertuples():
        assert math.isfinite(row.value)
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.text
        assert row.kind in ("target", "achieved", "baseline")


# --------------------------------------------------------------------------- reports and gold tables


def test_targets_of_a_report_name_their_paragraph(seed_report):
    table = targets(seed_report)
    paragraphs = units(seed_report, by="paragraph")
    for row in table.itertuples():
        unit = paragraphs[
            (paragraphs["start"] <= row.start) & (row.start < paragraphs["end"])
        ].iloc[0]
        assert (row.section, row.paragraph) == (unit["section"], unit["paragraph"])
    assert table["section"].notna().all()


def test_targets_reads_a_text_as_a_report():
    table = targets("各位代表：\n（一）推动发展。建设120个充电桩。")
    assert table[["section", "value", "unit"]].values.tolist() == [[1, 120.0, "个"]]


def score(found: pd.DataFrame, text: str, gold: list[tuple]) -> tuple[float, float]:
    """Precision and recall of ``found`` against (context, quantity, value, unit) gold rows.

    A found row matches a gold row when its span holds the gold quantity's first character
    (the quantity as found in its unique context) and value and unit agree.
    """
    spans = [
        (text.index(context) + context.index(quantity), value, unit)
        for context, quantity, value, unit in gold
    ]
    matched = set()
    hits = 0
    for row in found.itertuples():
        for k, (at, value, unit) in enumerate(spans):
            if (
                k not in matched
                and row.start <= at < row.end
                and row.unit == unit
                and math.isclose(row.value, value)
            ):
                matched.add(k)
                hits += 1
                break
    return hits / max(len(found), 1), hits / max(len(gold), 1)


def test_seed_gold(seed_report):
    gold = pd.read_csv(
        GOLD_SEED, comment="#", dtype={"unit": str, "qualifier": str}, keep_default_na=False
    )
    expected = list(zip(gold["context"], gold["text"], gold["value"].astype(float), gold["unit"]))
    found = targets(seed_report)
    precision, recall = score(found, seed_report.text, expected)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


# Passages of other reports (public-domain official texts; see the project's corpus
# sources): the State Council reports of 1982, 2013, 2017 and 2025, and the 2026 reports of
# Hunan, Fujian and Qinghai. Gold rows: (context, quantity, value, unit).
PASSAGES = {
    "national-2025": (
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上；居民消费价格涨幅2%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右，生态环境质量持续改善。\n"
        "今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。拟发行超长期特别国债1.3万亿元、比上年增加3000亿元。",
        [
            ("增长5%左右", "5%", 5, "%"),
            ("失业率5.5%", "5.5%", 5.5, "%"),
            ("1200万人", "1200万人", 1.2e7, "人"),
            ("涨幅2%", "2%", 2, "%"),
            ("1.4万亿斤", "1.4万亿斤", 1.4e12, "斤"),
            ("降低3%", "3%", 3, "%"),
            ("按4%", "4%", 4, "%"),
            ("1个百分点", "1个百分点", 1, "个百分点"),
            ("5.66万亿元", "5.66万亿元", 5.66e12, "元"),
            ("1.6万亿元", "1.6万亿元", 1.6e12, "元"),
            ("1.3万亿元", "1.3万亿元", 1.3e12, "元"),
            ("3000亿元", "3000亿元", 3e11, "元"),
        ],
    ),
    "national-2013": (
        "今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。同时，目前我国债务负担率相对较低，今年增加赤字后，赤字率在2%左右，总体上处于安全水平。二是结合税制改革完善结构性减税政策。\n"
        "全面开展儿童白血病等20种重大疾病保障试点工作。今年新农合和城镇居民基本医疗保险财政补助标准由每人每年240元提高到280元，人均基本公共卫生服务经费标准由25元提高到30元。",
        [
            ("1.2万亿元", "1.2万亿元", 1.2e12, "元"),
            ("4000亿元", "4000亿元", 4e11, "元"),
            ("8500亿元", "8500亿元", 8.5e11, "元"),
            ("3500亿元", "3500亿元", 3.5e11, "元"),
            ("2%左右", "2%", 2, "%"),
            ("20种", "20种", 20, "种"),
            ("240元", "240元", 240, "元"),
            ("280元", "280元", 280, "元"),
            ("25元", "25元", 25, "元"),
            ("30元", "30元", 30, "元"),
        ],
    ),
    "national-2017-review": (
        "一、2016年工作回顾\n"
        "——经济运行缓中趋稳、稳中向好。国内生产总值达到74.4万亿元，增长6.7%，名列世界前茅，对全球经济增长的贡献率超过30%。居民消费价格上涨2%。工业企业利润由上年下降2.3%转为增长8.5%，单位国内生产总值能耗下降5%，经济发展的质量和效益明显提高。",
        [
            ("74.4万亿元", "74.4万亿元", 7.44e13, "元"),
            ("增长6.7%", "6.7%", 6.7, "%"),
            ("超过30%", "30%", 30, "%"),
            ("上涨2%", "2%", 2, "%"),
            ("下降2.3%", "2.3%", 2.3, "%"),
            ("增长8.5%", "8.5%", 8.5, "%"),
            ("下降5%", "5%", 5, "%"),
        ],
    ),
    "national-1982": (
        "到一九八五年，全国粮食产量计划达到三亿六千万吨，比一九八○年增长百分之十二点三；棉花三百六十万吨，增长百分之三十三；原煤七亿吨，增长百分之十二点九；发电量三千六百二十亿度，增长百分之二十点四；钢三千九百万吨，增长百分之五点一。今后人口的年自然增长率，必须控制在千分之十三以下。",
        [
            ("三亿六千万吨", "三亿六千万吨", 3.6e8, "吨"),
            ("百分之十二点三", "百分之十二点三", 12.3, "%"),
            ("三百六十万吨", "三百六十万吨", 3.6e6, "吨"),
            ("百分之三十三", "百分之三十三", 33, "%"),
            ("七亿吨", "七亿吨", 7e8, "吨"),
            ("百分之十二点九", "百分之十二点九", 12.9, "%"),
            ("三千六百二十亿度", "三千六百二十亿度", 3.62e11, "度"),
            ("百分之二十点四", "百分之二十点四", 20.4, "%"),
            ("三千九百万吨", "三千九百万吨", 3.9e7, "吨"),
            ("百分之五点一", "百分之五点一", 5.1, "%"),
            ("千分之十三", "千分之十三", 13, "‰"),
        ],
    ),
    "hunan-2026": (
        "今年主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；地方一般公共预算收入增长1.5%左右；规模工业增加值增长6%；固定资产投资实现正增长；社会消费品零售总额增长4.5%以上；进出口总额增长3%；城镇新增就业70万人；居民收入增速高于经济增速；居民消费价格涨幅2%左右；粮食产量615亿斤左右。\n"
        "扩大增量，实施新增规模以上工业企业行动，力争新增规模以上工业企业800家、省级以上专精特新企业1000家、单项冠军企业100家以上；大力培育商贸企业，力争新增限额以上批零住餐企业1000家以上；积极引育优质外贸企业，力争外贸实绩企业突破9500家。",
        [
            ("增长5%", "5%", 5, "%"),
            ("增长1.5%", "1.5%", 1.5, "%"),
            ("增长6%", "6%", 6, "%"),
            ("增长4.5%", "4.5%", 4.5, "%"),
            ("增长3%", "3%", 3, "%"),
            ("就业70万人", "70万人", 7e5, "人"),
            ("涨幅2%", "2%", 2, "%"),
            ("615亿斤", "615亿斤", 6.15e10, "斤"),
            ("企业800家", "800家", 800, "家"),
            ("企业1000家、", "1000家", 1000, "家"),
            ("企业100家", "100家", 100, "家"),
            ("住餐企业1000家", "1000家", 1000, "家"),
            ("突破9500家", "9500家", 9500, "家"),
        ],
    ),
    "fujian-2026": (
        "实施“两通工程”2.0版，建设邻县高速通、乡镇便捷通、港口铁路通项目26个。实施好200项以上工业战略性新兴产业重点项目。新引进落地总投资超10亿元项目50个以上。\n"
        "滚动实施1500个以上省重点技改项目。培育“独角兽”、“瞪羚”企业360家。深入做好金融“五篇大文章”，开展“一链一策一行”融资服务专项行动。粮食播种面积稳定在1255万亩以上。推动十大乡村特色产业全产业链发展。",
        [
            ("项目26个", "26个", 26, "个"),
            ("200项", "200项", 200, "项"),
            ("项目50个", "50个", 50, "个"),
            ("1500个", "1500个", 1500, "个"),
            ("360家", "360家", 360, "家"),
            ("1255万亩", "1255万亩", 1.255e7, "亩"),
        ],
    ),
    "qinghai-2026": (
        "今年发展主要预期目标是：全省地区生产总值增长4.5%左右、力争更好结果；城镇新增就业6万人以上，农牧区劳动力转移就业106万人次以上，城镇调查失业率5.5%左右；居民消费价格涨幅2%左右；粮食总产量保持在110万吨以上；长江、黄河、澜沧江省境内干流全线水质稳定保持在Ⅱ类及以上。\n"
        "打好“三北”工程攻坚战，优化提升“光伏治沙”效能，完成国土绿化450万亩、防沙治沙111万亩。",
        [
            ("增长4.5%", "4.5%", 4.5, "%"),
            ("6万人", "6万人", 6e4, "人"),
            ("106万人次", "106万人次", 1.06e6, "人次"),
            ("失业率5.5%", "5.5%", 5.5, "%"),
            ("涨幅2%", "2%", 2, "%"),
            ("110万吨", "110万吨", 1.1e6, "吨"),
            ("450万亩", "450万亩", 4.5e6, "亩"),
            ("111万亩", "111万亩", 1.11e6, "亩"),
        ],
    ),
}


def test_gold_passages_of_other_reports():
    hits_p = hits_r = 0.0
    found_total = gold_total = 0
    for text, gold in PASSAGES.values():
        found = extract_targets(text, include="all")
        precision, recall = score(found, text, gold)
        hits_p += precision * len(found)
        hits_r += recall * len(gold)
        found_total += len(found)
        gold_total += len(gold)
    assert hits_p / found_total >= 0.9 and hits_r / gold_total >= 0.9, (
        hits_p / found_total,
        hits_r / gold_total,
    )


def test_review_passage_is_achieved_and_left_out_by_default():
    text, gold = PASSAGES["national-2017-review"]
    assert set(extract_targets(text, include="all")["kind"]) == {"achieved"}
    assert extract_targets(text).empty


# --------------------------------------------------------------------------- measure


@pytest.mark.parametrize(
    "text, measure",
    [
        ("新增公办幼儿园学位5100个。", "increment"),
        ("新增4家市级重点实验室、15家市级工程技术中心。", "increment"),
        ("新培育博士工作站4家。", "increment"),
        ("建设120个新能源充电桩。", "increment"),
        ("力争研发机构突破500家。", "level"),
        ("高新技术企业达到60家以上。", "level"),
        ("粮食产量保持在1.3万亿斤以上。", "level"),
        ("水质优良率达100%。", "level"),
        ("城镇调查失业率5.5%左右。", "level"),
        ("国内生产总值增长5%左右。", "rate"),
        ("单位国内生产总值能耗降低2%左右。", "rate"),
        ("居民消费价格涨幅控制在3%左右。", "ceiling"),
        ("新增债务不超过3000亿元。", "ceiling"),
        ("赤字规模5.66万亿元。", ""),
        # changes: a percentage whose indicator names a change is a rate; a change in another unit an increment
        ("居民消费价格涨幅3%左右。", "rate"),
        ("今年小麦最低收购价每斤提高0.11元。", "increment"),
        ("比去年预算赤字减少650亿元。", "increment"),
    ],
)
def test_measure(text, measure):
    assert extract_targets(text).iloc[0]["measure"] == measure


def test_measure_of_the_seed_page(seed_report):
    table = targets(seed_report, include="all").set_index("indicator")
    assert table.loc["公办幼儿园学位", "measure"] == "increment"
    assert table.loc["研发机构", "measure"] == "level"  # 突破500家: a total, not 500 new ones
    assert set(table["measure"]) <= {"increment", "level", "rate", "ceiling", ""}


# --------------------------------------------------------------------------- the word lists


def test_a_new_unit_is_one_word_in_the_toml(tmp_path):
    """The README's walkthrough: a user's file adds a unit to a kind; nothing else changes."""
    text = "新增充电桩3000根，建设口袋公园12座。"
    assert extract_targets(text)["text"].tolist() == ["12座"]
    mine = tmp_path / "mine.toml"
    mine.write_text('[measure_units]\ncount = ["根"]\n', encoding="utf-8")
    table = extract_targets(text, lexicon=mine)
    assert table[["indicator", "text", "unit"]].values.tolist() == [["充电桩", "3000根", "根"], ["口袋公园", "12座", "座"]]


@pytest.mark.parametrize(
    "content, match",
    [
        ('[measure_units]\nspeed = ["节"]\n', r"field 'measure_units.speed' is not a kind of unit of measure \(percent, "),
        ('[measure_units]\ncount = "艘次"\n', r"field 'measure_units.count' must be a list of non-empty strings"),
        ('[multipliers]\n"兆" = "1e12"\n', r"field 'multipliers.兆' must be a number"),
        ('[indicator]\nleadin = ["推进"]\n', r"field 'indicator.leadin' is not a key of targets.toml"),
        ('replace = true\n[measure_units]\ncount = ["个"]\n', r"is missing \(a file with replace = true gives every key\)"),
        ('[measure_units\n', r"is not valid TOML"),
    ],
)
def test_a_bad_targets_file_names_the_key(tmp_path, content, match):
    mine = tmp_path / "mine.toml"
    mine.write_text(content, encoding="utf-8")
    with pytest.raises(errors.InputError, match=match):
        extract_targets("新增3个。", lexicon=mine)


def test_a_targets_file_can_replace_the_packaged_one(tmp_path):
    from zjnlp.quantities import quantity_words

    packaged = (Path(__file__).parents[1] / "zjnlp" / "data" / "targets.toml").read_text(encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text("replace = true\n" + packaged.replace('"个", "家",', '"家",'), encoding="utf-8")
    assert "个" not in quantity_words(mine)["measure_units"]["count"]
    assert extract_targets("新增3个园区、5家企业。", lexicon=mine)["text"].tolist() == ["5家"]


def test_appendices_left_out_and_part_kinds_chosen():
    report = read_report(Path(__file__).parents[1] / "seeds" / "provinces-2026" / "江西省.txt")  # 名词注释 appendix
    speech, everything = targets(report), targets(report, appendices=True)
    assert len(everything) > len(speech) and speech["part_kind"].notna().any()
    plan = targets(report, part_kind="plan")
    assert len(plan) and (plan["part_kind"] == "plan").all()
    assert plan["start"].tolist() == speech.loc[speech["part_kind"] == "plan", "start"].tolist()
    with pytest.raises(errors.OptionError, match="part_kind"):
        targets(report, part_kind="budget")
