import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnlp import errors
from zjnlp.read import Report, looks_like_path, read_report

from .conftest import ROOT, SMALL_REPORT


def test_seed_metadata(seed_report):
    assert seed_report.metadata == {
        "title": "湛江市政府工作报告（2023年2月9日曾进泽）",
        "place": "湛江市",
        "year": 2023,
        "date": "2023-02-09",
        "speaker": "曾进泽",
        "publish_date": "2023-03-23",
    }


def test_seed_site_text_removed_and_audited(seed_report):
    reasons = seed_report.removed["reason"].tolist()
    assert reasons[:3] == ["breadcrumb", "header: title", "publish date"]
    assert "pagination" in reasons
    for site_text in ("您现在的位置", "发布日期", "浏览", "上一页", "返回顶部", "欢迎咨询"):
        assert site_text not in seed_report.text
    assert seed_report.text.startswith("供销、信用”综合合作试点，")
    assert seed_report.text.endswith("勇毅前行，全")


def test_seed_nothing_of_the_body_lost(seed_report):
    # every raw character is either in the text (maybe normalised) or in a removed line
    raw = seed_report.raw
    kept = set(seed_report.offsets.tolist())
    removed = set()
    for row in seed_report.removed.itertuples():
        removed.update(range(row.start, row.end))
    lost = [i for i, c in enumerate(raw) if i not in kept and i not in removed and not c.isspace()]
    assert lost == []


@pytest.mark.parametrize(
    "kind, fragment",
    [
        ("percent_sign_missing", "优良率达100"),
        ("percent_sign_missing", "服务率分别超30、60"),
        ("space_in_chinese", "互联网 医疗健康"),
        ("space_in_chinese", "大数据 社会治理"),
        ("characters_missing", "严格规范公明执法"),
        ("truncated_start", "供销、信用"),
        ("truncated_end", "勇毅前行，全"),
        ("paginated", ""),
    ],
)
def test_seed_damage_reported_with_positions(seed_report, kind, fragment):
    rows = seed_report.warnings[seed_report.warnings["kind"] == kind]
    assert not rows.empty
    if fragment:
        assert any(fragment in seed_report.text[max(0, r.start - 10) : r.end + 10] for r in rows.itertuples())


def test_seed_is_not_repaired(seed_report):
    assert "互联网 医疗健康" in seed_report.text
    assert "严格规范公明执法" in seed_report.text
    assert "优良率达100。" in seed_report.text


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("推进绿色发展,建设美丽中国。", "推进绿色发展，建设美丽中国。"),
        ("(六)建设教育强市。", "（六）建设教育强市。"),
        ("增长５．５％左右。", "增长5.5%左右。"),
        ("第一段。\r\n\r\n第二段。", "第一段。\n第二段。"),
        ("\u3000\u3000各位代表：", "各位代表："),
        ("建设\u00a0\u00a0绿道。", "建设 绿道。"),
        ("零\u200b宽。", "零宽。"),
        ("1,000亿元", "1,000亿元"),
        ("时间为10:30", "时间为10:30"),
    ],
)
def test_normalisation(raw, clean):
    assert read_report(text=raw).text == clean


def test_offsets_trace_back_to_the_original():
    raw = "\ufeff\u3000\u3000推进绿色发展,建设美丽中国。\r\n\r\n第二段。"
    report = read_report(text=raw)
    start = report.text.index("建设")
    s, e = report.to_original(start, start + 4)
    assert raw[s:e] == "建设美丽"
    assert report.raw[report.offsets[report.text.index("，")]] == ","


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "utf-16-le"])
def test_encodings_give_the_same_text(tmp_path, seed_path, encoding):
    text = seed_path.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    assert read_report(path).text == read_report(seed_path).text


def test_crlf_gives_the_same_text(tmp_path, seed_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(seed_path.read_bytes().replace(b"\n", b"\r\n"))
    assert read_report(path).text == read_report(seed_path).text


def test_html_page_gives_the_same_report(seed_path):
    import html

    lines = seed_path.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
    page = f"<!DOCTYPE html><html><head><title>t</title><script>var x = '<p>no</p>';</script></head><body>{body}</body></html>"
    report = read_report(text=page)
    assert report.format == "html"
    assert report.text == read_report(seed_path).text
    start = report.text.index("红树林")
    s, e = report.to_original(start, start + 3)
    assert report.raw[s:e] == "红树林"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", errors.EMPTY),
        (b" \n\t\r\n", errors.BLANK),
        ("\u3000\n".encode(), errors.BLANK),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7 ...", "is a PDF that cannot be opened"),
        (bytes(range(256)) * 8, "binary"),
        (b"\xff\xfe\xfd\x80\x81" * 100, "could not be decoded|binary"),
    ],
)
def test_bad_bytes_raise_input_error(data, message):
    with pytest.raises(errors.InputError, match=message):
        read_report(data, name="bad.txt")


def test_bad_paths(tmp_path):
    with pytest.raises(errors.InputError, match=f"{tmp_path / 'missing.txt'}: no such file"):
        read_report(tmp_path / "missing.txt")
    with pytest.raises(errors.InputError, match="is a directory"):
        read_report(tmp_path)


def test_small_report_header_becomes_metadata():
    report = read_report(text=SMALL_REPORT)
    assert report.text.startswith("各位代表：")
    assert report.metadata["place"] == "某市"
    assert report.metadata["speaker"] == "张三"
    assert report.metadata["date"] == "2024-01-20"
    assert report.metadata["year"] == 2024


BODY = "\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。"


# Header shapes of real reports (provinces 2026, national 2021 and 2024), with the year moved
# to 2025 and, where the 2026 page had a speaker line, that line left out so that the caption
# or the date line must name the speaker; plus 代省长, 代市长, 代主席 and a compound surname.
@pytest.mark.parametrize(
    "header, speaker",
    [
        # the shapes of the 2026 provincial headers (湖南, 广东) and those reported on others
        ("2026年湖南省政府工作报告\n——2026年2月3日在湖南省第十四届人民代表大会第四次会议上\n来源：湖南日报\n时间：2026-02-24\n毛伟明", "毛伟明"),
        ("2026年广东省政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长 孟凡利", "孟凡利"),
        ("2025年某省政府工作报告\n省长王某某作政府工作报告", "王某某"),
        ("2025年某省政府工作报告\n——2025年1月20日某省省长 李某 在某省第十四届人民代表大会第三次会议上", "李某"),
        ("2025年某自治区政府工作报告\n——2025年1月20日在自治区第十四届人民代表大会第三次会议上\n艾尔肯·吐尼亚孜", "艾尔肯·吐尼亚孜"),
        ("2025年某省政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上", None),
        ("2025年宁夏回族自治区政府工作报告\n政务信息\n——2025年1月20日在宁夏回族自治区第十三届人民代表大会第三次会议上\n自治区人民政府主席张雨浦作政府工作报告。 宁夏日报记者 王鼎 摄", "张雨浦"),
        ("2025年湖南省政府工作报告\n——2025年1月14日在湖南省第十四届人民代表大会第三次会议上\n来源：湖南日报\n毛伟明", "毛伟明"),
        ("2025年湖南省政府工作报告\n——2025年1月14日在湖南省第十四届人民代表大会第三次会议上\n1月14日，湖南省第十四届人民代表大会第三次会议在省人民会堂开幕。省长毛伟明作政府工作报告。湖南日报全媒体记者 刘尚文 摄", "毛伟明"),
        ("政府工作报告\n（2025年1月14日 毛伟明）", "毛伟明"),
        ("政府工作报告\n（2025年1月14日　毛伟明）", "毛伟明"),
        ("2025年上海市政府工作报告\n——2025年1月15日在上海市第十六届人民代表大会第三次会议上\n上海市市长 龚 正", "龚正"),
        ("2025年广西壮族自治区政府工作报告\n——2025年1月16日在广西壮族自治区第十四届人民代表大会第四次会议上\n自治区主席 韦 韬", "韦韬"),
        ("2025年某省政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上\n代省长 王某某", "王某某"),
        ("2025年某省政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上\n某省人民政府代省长 王某某", "王某某"),
        ("2025年某省政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上\n某省代省长王某某", "王某某"),
        ("2025年新疆维吾尔自治区政府工作报告\n——2025年1月20日在新疆维吾尔自治区第十四届人民代表大会第三次会议上\n自治区主席 艾尔肯·吐尼亚孜", "艾尔肯·吐尼亚孜"),
        ("2025年新疆维吾尔自治区政府工作报告\n——2025年1月20日在新疆维吾尔自治区第十四届人民代表大会第三次会议上\n1月20日，艾尔肯·吐尼亚孜代表自治区人民政府，向大会作政府工作报告。石榴云/新疆日报记者谢龙摄", "艾尔肯·吐尼亚孜"),
        ("2025年天津市政府工作报告\n——2025年1月20日在天津市第十八届人民代表大会第三次会议上\n天津市代市长 张工", "张工"),
        ("2025年天津市政府工作报告\n——2025年1月20日在天津市第十八届人民代表大会第三次会议上\n张工作政府工作报告。", "张工"),
        ("2025年重庆市政府工作报告\n——2025年1月20日在重庆市第六届人民代表大会第三次会议上\n重庆市人民政府市长 胡衡华", "胡衡华"),
        ("2025年江苏省政府工作报告\n——2025年1月20日在江苏省第十四届人民代表大会第三次会议上\n省长许昆林代表省人民政府向大会作政府工作报告。本报记者 朱江 摄", "许昆林"),
        ("2025年江苏省政府工作报告\n——2025年1月20日在江苏省第十四届人民代表大会第三次会议上\n省长许昆林作政府工作报告", "许昆林"),
        ("2025年江苏省政府工作报告\n——2025年1月20日在江苏省第十四届人民代表大会第三次会议上\n许昆林省长作政府工作报告", "许昆林"),
        ("陕西省2025年政府工作报告\n2025年1月20日在陕西省第十四届人民代表大会第五次会议上 陕西省省长 赵刚", "赵刚"),
        ("2025年山西省政府工作报告\n——2025年1月20日在山西省第十四届人民代表大会第三次会议上\n省长金湘军在省十四届人大三次会议上作政府工作报告。本报记者阮洋摄", "金湘军"),
        ("政府工作报\n告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n国务院总理\n李克强", "李克强"),
        ("2025年湖南省政府\n工作报告\n——2025年1月14日在湖南省第十四届\n人民代表大会第三次会议上\n湖南省省长 毛伟明", "毛伟明"),
        ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\n李　强", "李强"),
        ("2025年湖南省政府工作报告\n湖南省人民政府省长　毛伟明\n（2025年1月14日）", "毛伟明"),
        ("2025年湖南省政府工作报告\n湖南省省长　毛伟明\n2025年1月14日", "毛伟明"),
        ("2025年西藏自治区政府工作报告\n——2025年1月20日在西藏自治区第十二届人民代表大会第三次会议上\n自治区人民政府主席 嘎玛泽登", "嘎玛泽登"),
        ("2025年西藏自治区政府工作报告\n——2025年1月20日在西藏自治区第十二届人民代表大会第三次会议上\n自治区代主席 嘎玛泽登", "嘎玛泽登"),
        ("2025年宁夏回族自治区政府工作报告\n——2025年1月20日在宁夏回族自治区第十三届人民代表大会第三次会议上\n1月20日，宁夏回族自治区第十三届人民代表大会第三次会议在银川开幕。自治区人民政府主席张雨浦作政府工作报告。 宁夏日报记者 王鼎 摄", "张雨浦"),
        ("2025年北京市政府工作报告\n——2025年1月14日在北京市第十六届人民代表大会第三次会议上\n殷勇同志作政府工作报告。本报记者 戴冰摄", "殷勇"),
        ("2025年北京市政府工作报告\n北京市市长 殷勇\n——2025年1月14日在北京市第十六届人民代表大会第三次会议上", "殷勇"),
        ("2025年河北省政府工作报告\n——2025年1月20日在河北省第十四届人民代表大会第三次会议上\n王正谱作政府工作报告。本报记者 霍艳恩摄", "王正谱"),
        ("2025年贵州省政府工作报告\n——2025年1月20日在贵州省第十四届人民代表大会第三次会议上\n省长　李炳军\n政府工作报告。 贵州日报天眼新闻记者 李森 摄", "李炳军"),
        ("2025年某市政府工作报告\n——2025年1月20日在某市第十六届人民代表大会第三次会议上\n市长 欧阳某某", "欧阳某某"),
    ],
)
def test_speaker_wherever_the_header_names_it(header, speaker):
    assert read_report(text=header + BODY).metadata["speaker"] == speaker


@pytest.mark.parametrize(
    "header, title",
    [
        ("2025年湖南省政府\n工作报告\n——2025年1月14日在湖南省第十四届\n人民代表大会第三次会议上\n湖南省省长 毛伟明", "2025年湖南省政府工作报告"),
        ("2025年湖南省\n政府工作报告\n——2025年1月14日在湖南省第十四届人民代表大会第三次会议上", "2025年湖南省政府工作报告"),
        ("政府工作报\n告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n国务院总理\n李克强", "政府工作报告"),
        ("云南要闻\n2026年政府工作报告\n——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n省长　王予波", "2026年政府工作报告"),
    ],
)
def test_title_split_over_lines_is_whole(header, title):
    metadata = read_report(text=header + BODY).metadata
    assert metadata["title"] == title and metadata["speaker"] in ("毛伟明", "李克强", "王予波", None)
    assert metadata["year"] in (2021, 2025, 2026)


def test_chinese_numeral_dates():
    report = read_report(text="2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n各位代表：\n现在报告工作。")
    assert report.metadata["date"] == "2026-01-27"
    assert report.metadata["place"] == "甘肃省"


def test_footer_after_the_report_is_removed():
    page = "各位代表：\n现在报告工作。\n让我们团结奋斗！\n相关报道：\n某某新闻标题\n关闭窗口"
    report = read_report(text=page)
    assert report.text == "各位代表：\n现在报告工作。\n让我们团结奋斗！"
    assert report.removed["text"].tolist() == ["相关报道：", "某某新闻标题", "关闭窗口"]


def test_traditional_chinese_detected_and_converted():
    text = "各位代表：\n現在，我代表國務院向大會作政府工作報告，請予審議。發展經濟，鞏固國防。"
    assert "traditional_chinese" in set(read_report(text=text).warnings["kind"])
    converted = read_report(text=text, to_simplified=True)
    assert "国务院" in converted.text and "traditional_chinese" not in set(converted.warnings["kind"])
    assert len(converted.text) == len(read_report(text=text).text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_reads_or_raises_input_error(text):
    try:
        report = read_report(text=text)
    except errors.InputError:
        return
    assert len(report.offsets) == len(report.text)
    assert np.all(np.diff(report.offsets) > 0)
    assert "\n\n" not in report.text and not report.text.startswith("\n")


def test_whitespace_table_is_complete():
    from zjnlp.read import _WHITESPACE

    every = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert set(_WHITESPACE) == every - {"\n", "\r"}


# --------------------------------------------------------------------------- paths and text


def test_a_str_is_a_path(seed_path, seed_report):
    assert read_report(str(seed_path)).text == seed_report.text
    assert read_report(seed_path).source == str(seed_path)


def test_a_missing_path_is_an_error_not_a_report(tmp_path):
    with pytest.raises(errors.InputError, match="no such file"):
        read_report(str(tmp_path / "seeds" / "report.txt"))


def test_text_given_as_a_path_is_an_error():
    with pytest.raises(errors.InputError, match=r"takes a file path.*text="):
        read_report(SMALL_REPORT)


def test_text_is_given_explicitly():
    assert read_report(text=SMALL_REPORT).text == Report.from_text(SMALL_REPORT).text
    assert read_report(text=SMALL_REPORT).source == "<text>"


@pytest.mark.parametrize("call", [lambda: read_report(), lambda: read_report("a.txt", text="各位代表："), lambda: read_report(3)])
def test_source_or_text_exactly_once(call):
    with pytest.raises(errors.OptionError):
        call()


@pytest.mark.parametrize(
    "text, is_path",
    [
        ("seeds/national/2025-李强.txt", True),
        ("report.docx", True),
        ("C:\\reports\\2025.PDF", True),
        ("./reports/gansu", True),
        ("就业率超1/10。", False),
        ("一、工作回顾\n成绩显著。", False),
        ("各位代表：", False),
        ("PM2.5浓度下降10%", False),
    ],
)
def test_looks_like_path(text, is_path):
    assert looks_like_path(text) is is_path


# --------------------------------------------------------------------------- no false alarms


def kinds(text: str) -> list[str]:
    return read_report(text=text).warnings["kind"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        "各位代表：\n实施“2030启航计划” “2030先锋工程”。",  # two quoted slogans
        "各位代表：\n打响“好客山东 好品山东”品牌。",  # the halves of a couplet
        "各位代表：\n开展“进窗口 走流程”活动。",
        "各位代表：\n现在报告工作。\n附件2 名词解释",
        "各位代表：\n一、 过去五年工作回顾\n（六） 更加注重社会建设。",  # after a heading number
        "各位代表：\n努力提高投资效益。 要提高透明度。",  # after a full stop
        "各位代表：\n以全省 100 个县为基础。",  # a number set off on both sides
        "各位代表：\n持续推进国有企业 “争链主、强集群”行动。",
    ],
)
def test_spaces_that_lose_nothing(text):
    assert "space_in_chinese" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "各位代表：\n加快“互联网 医疗健康”信息化工作。",
        "各位代表：\n开展“大数据 社会治理”示范。",
        "各位代表：\n实施“人工智能 ”行动。",
        "各位代表：\n本届政府从1 9 9 3 年3 月就职。",
        "各位代表：\n引进一批急需科技 、青年人才。",
    ],
)
def test_spaces_where_a_character_was_lost(text):
    assert "space_in_chinese" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "各位代表：\n研发投入占比超1/10。",
        "各位代表：\n城乡居民收入比为1∶3.4。",
        "各位代表：\n三次产业比重为4.0∶37.7∶58.3。",
        "各位代表：\n文盲率下降到6 %。",
        "各位代表：\n优良天数比例达到80/85。",
    ],
)
def test_no_missing_percent_in_fractions_and_ratios(text):
    assert "percent_sign_missing" not in kinds(text)


@pytest.mark.parametrize("text", ["各位代表：\n水质优良率达100。", "各位代表：\n服务率分别超30、60。"])
def test_missing_percent(text):
    assert "percent_sign_missing" in kinds(text)


# --------------------------------------------------------------------------- footers

APPENDIX = "各位代表：\n现在报告工作。\n让我们团结奋斗！\n附件\n2026年民生实事\n一、新增托位2000个。\n主办单位：市卫生健康委\n二、改造老旧小区50个。\n主办单位：市住房城乡建设局"


def test_an_appendix_line_that_reads_like_a_footer_is_kept():
    report = read_report(text=APPENDIX)
    assert report.text == APPENDIX and report.removed.empty


def test_site_footer_after_an_appendix_is_removed_and_the_appendix_kept():
    report = read_report(text=APPENDIX + "\n版权所有 某市人民政府\n网站地图")
    assert report.text == APPENDIX
    assert report.removed["text"].tolist() == ["版权所有 某市人民政府", "网站地图"]


def test_a_site_contact_line_is_removed():
    report = read_report(text="各位代表：\n现在报告工作。\n让我们团结奋斗！\n主办：人民政府办公室\n版权所有 某市人民政府")
    assert report.text == "各位代表：\n现在报告工作。\n让我们团结奋斗！"


def _wrapped(text: str, width: int, indent: str = "") -> str:
    """``text`` hard-wrapped at ``width`` characters, as an editor saves it."""
    lines = []
    for paragraph in text.splitlines():
        paragraph = indent + paragraph
        lines += [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
    return "\n".join(lines)


def test_a_hard_wrapped_text_is_joined_back_into_its_paragraphs():
    path = ROOT / "seeds" / "provinces-2026" / "贵州省.txt"
    original = read_report(path)
    indented = read_report(_wrapped(path.read_text(encoding="utf-8"), 38, "\u3000\u3000").encode(), name="wrapped.txt")
    assert indented.text == original.text
    assert list(indented.warnings["kind"]).count("hard_wrapped") == 1
    start = indented.text.index("高质量发展")  # offsets still point at the characters read
    s, e = indented.to_original(start, start + 5)
    assert indented.raw[s:e] == "高质量发展"
    # without indents a paragraph whose last line is full runs on into the next: a few, not hundreds
    plain = read_report(_wrapped(path.read_text(encoding="utf-8"), 38).encode(), name="wrapped.txt")
    assert plain.text.replace("\n", "") == original.text.replace("\n", "")
    assert 0.9 * original.text.count("\n") <= plain.text.count("\n") <= original.text.count("\n")


def test_a_text_of_paragraphs_is_not_taken_for_a_wrapped_one():
    for path in sorted((ROOT / "seeds").rglob("*.txt")):
        report = read_report(path)
        assert "hard_wrapped" not in set(report.warnings["kind"]), path.name
