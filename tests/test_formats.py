"""Word and PDF files read as the same report as its plain text.

The fixtures in tests/data/formats were made from reports in seeds/ by
scripts/make_format_fixtures.py: a .docx with list-numbered headings, a running header
and a page-number footer, and the PDF LibreOffice printed from it; in tests/data/formats/plain,
by its --plain mode: a report's opening lines as text, saved as .docx by LibreOffice and printed.
"""

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from zjnlp import errors
from zjnlp.chinese import numeral as chinese_numeral
from zjnlp.formats import _PAGE_NUMBER_RE, CELL_SEPARATOR, _first_word_width, _left_to_right
from zjnlp.read import read_report
from zjnlp.structure import structure

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "formats"
FIXTURES = sorted(DATA.glob("*.pdf"))
PLAIN = sorted((DATA / "plain").glob("*.pdf"))
STRUCTURE = ["part", "part_title", "section", "section_title", "paragraph", "headline", "kind"]
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def seeds_text(stem: str) -> Path:
    return next((ROOT / "seeds").rglob(f"{stem}.txt"))


def outline(report) -> list[tuple]:
    return [tuple(row) for row in structure(report)[STRUCTURE].astype(str).itertuples(index=False)]


def test_there_are_fixtures():
    assert FIXTURES and all(path.with_suffix(".docx").exists() for path in FIXTURES)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_same_parts_sections_and_headlines_as_the_text(fixture, suffix):
    report = read_report(fixture.with_suffix(suffix))
    assert report.format == suffix[1:]
    assert outline(report) == outline(read_report(seeds_text(fixture.stem)))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_docx_text_is_the_report(fixture):
    report = read_report(fixture.with_suffix(".docx"))
    assert report.text == read_report(seeds_text(fixture.stem)).text
    assert report.metadata["title"] and report.metadata["date"]
    furniture = report.removed[report.removed["reason"] == "running header or footer"]
    assert report.metadata["title"] in set(furniture["text"])  # the running header, listed, not read as text


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_pdf_gives_back_the_chinese_characters_in_order(fixture):
    import difflib

    expected = "".join(CJK_RE.findall(read_report(seeds_text(fixture.stem)).text))
    got = "".join(CJK_RE.findall(read_report(fixture).text))
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks())
    assert in_order / len(expected) >= 0.995
    assert len(got) <= len(expected) * 1.005  # nothing repeated: no running header left in


@pytest.mark.parametrize("fixture", [*FIXTURES, *PLAIN], ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_pdf_gives_back_every_character_where_it_stands(fixture):
    """Punctuation too. In the plain fixture the curly quotes are drawn in a Latin font and
    come last in their line's text layer; they stay around the words they quote (“十四五”),
    not at the end of the line (十四五…“”)."""
    source = fixture.with_suffix(".txt") if fixture in PLAIN else seeds_text(fixture.stem)
    expected = re.sub(r"\s", "", read_report(source).text)
    assert "“" in expected
    for suffix in (".docx", ".pdf"):
        assert re.sub(r"\s", "", read_report(fixture.with_suffix(suffix)).text) == expected


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_pdf_page_furniture_is_removed_and_audited(fixture):
    report = read_report(fixture)
    pages = report.raw.count("\f") + 1
    assert pages > 3
    reasons = report.removed["reason"].value_counts()
    assert reasons["page number"] == pages
    assert reasons["running header or footer"] >= pages - 1
    title = report.metadata["title"]
    for line in report.text.split("\n"):
        assert not re.search(r"[—-] ?\d+ ?[—-]|第 ?\d+ ?页", line)
    assert report.text.count(title) == read_report(seeds_text(fixture.stem)).text.count(title)
    for row in report.removed.itertuples():
        assert report.raw[row.start : row.end] == row.text


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_pdf_offsets_point_into_the_text_layer(fixture):
    report = read_report(fixture)
    start = report.text.index("。") - 4
    s, e = report.to_original(start, start + 5)
    assert report.raw[s:e].replace("\n", "") == report.text[start : start + 5]
    paragraph_end = report.text.index("\n", len(report.text) // 2)
    page = report.raw.count("\f", 0, report.to_original(paragraph_end, paragraph_end + 1)[0]) + 1
    assert 1 < page <= report.raw.count("\f") + 1


@pytest.mark.parametrize(
    "line", ["— 3 —", "- 3 -", "－12－", "第3页", "第 3 页 共 12 页", "3", "3/12", "Page 3 of 12"]
)
def test_page_numbers(line):
    assert _PAGE_NUMBER_RE.match(line)


@pytest.mark.parametrize("line", ["3年", "一、总体要求", "— 3 —年", "2025年工作回顾"])
def test_not_page_numbers(line):
    assert not _PAGE_NUMBER_RE.match(line)


@pytest.mark.parametrize(
    "line, words",
    [
        ("进集成电路装备", 1),
        ("8.3%、7.9%。大力", 0.58 * 8 + 2 + 0.5 * 2),
        ("一”、“各阶级", 5),
        ("机“黑飞”", 3),
        ("子”联动", 3),
        ("（市、区）达到", 3),
        ("8.3∶41.4∶50.3。", 0.58 * 11 + 3 + 0.5 * 3),
        ('面"战略布局', 2 + 0.58 + 0.5),  # a straight quote holds on like a curly one
    ],
)
def test_the_start_of_a_line_that_cannot_be_broken(line, words):
    assert _first_word_width(line, 1.0) == pytest.approx(words)


@pytest.mark.parametrize("n, numeral", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (105, "一百零五")])
def test_chinese_list_numbers(n, numeral):
    assert chinese_numeral(n) == numeral


# --------------------------------------------------------------------------- Word made here


def _numbered(document, formats: list[str], num_fmt: str = "chineseCounting") -> int:
    """Add a list definition with one level per format (%1、 （%2） …) and return its numId."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{num_fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, text in enumerate(formats)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return 77


def _item(document, text: str, num_id: int, level: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_list_numbers_are_written_out():
    document = docx.Document()
    num_id = _numbered(document, ["%1、", "（%2）"])
    document.add_paragraph("各位代表：")
    _item(document, "过去一年工作回顾", num_id)
    _item(document, "经济运行稳中向好", num_id, 1)
    document.add_paragraph("全年地区生产总值增长5%。")
    _item(document, "改革开放持续深化", num_id, 1)
    _item(document, "今年工作安排", num_id)
    _item(document, "扩大内需", num_id, 1)
    report = read_report(_bytes(document))
    assert report.format == "docx"
    assert report.text.split("\n") == [
        "各位代表：", "一、过去一年工作回顾", "（一）经济运行稳中向好", "全年地区生产总值增长5%。",
        "（二）改革开放持续深化", "二、今年工作安排", "（一）扩大内需",
    ]
    table = structure(report)
    assert table.loc[table["kind"] == "section", "section_title"].tolist() == ["经济运行稳中向好", "改革开放持续深化", "扩大内需"]


def test_word_tables_a_row_a_line():
    document = docx.Document()
    document.add_paragraph("各位代表：")
    document.add_paragraph("让我们团结奋斗！")
    document.add_paragraph("附件")
    document.add_paragraph("2026年民生实事项目")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("序号", "项目", "主办单位：牵头部门"), ("1", "新增托位2000个", "市卫生健康委"), ("2", "改造老旧小区50个", "市住房城乡建设局")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("以上项目由市政府督查室跟踪督办。")
    report = read_report(_bytes(document))
    lines = report.text.split("\n")
    assert lines[4] == CELL_SEPARATOR.join(["序号", "项目", "主办单位：牵头部门"])
    assert lines[5] == "1 | 新增托位2000个 | 市卫生健康委"
    assert lines[-1] == "以上项目由市政府督查室跟踪督办。"


def test_word_merged_cells_once():
    document = docx.Document()
    document.add_paragraph("各位代表：")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "重点项目"
    for cell, text in zip(table.rows[1].cells, ["1", "港口", "建成"]):
        cell.text = text
    assert read_report(_bytes(document)).text.split("\n")[1:] == ["重点项目", "1 | 港口 | 建成"]


def test_word_headers_and_footers_are_not_body():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某市人民政府"
    document.sections[0].footer.paragraphs[0].text = "第1页"
    document.add_paragraph("各位代表：")
    document.add_paragraph("现在报告工作。")
    assert read_report(_bytes(document)).text == "各位代表：\n现在报告工作。"


def test_an_empty_word_document():
    with pytest.raises(errors.InputError, match=errors.EMPTY):
        read_report(_bytes(docx.Document()), name="empty.docx")


# --------------------------------------------------------------------------- command line


def _cli(*argv: object) -> tuple[int, str, str]:
    import contextlib

    from zjnlp.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_zjnlp_sections_of_word_and_pdf(suffix):
    fixture = FIXTURES[0]
    code, out, err = _cli("sections", fixture.with_suffix(suffix), "--format", "csv")
    expected = _cli("sections", seeds_text(fixture.stem), "--format", "csv")[1]
    assert (code, err) == (0, "")
    assert [line.split(",")[:4] for line in out.splitlines()] == [line.split(",")[:4] for line in expected.splitlines()]


def test_word_list_numbers_set_by_a_style():
    document = docx.Document()
    document.add_paragraph("各位代表：")
    for text in ("新增托位2000个。", "改造老旧小区50个。"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("要点", style="List Bullet")  # a bullet is not text
    assert read_report(_bytes(document)).text.split("\n") == ["各位代表：", "1.新增托位2000个。", "2.改造老旧小区50个。", "要点"]


class _Boxes:
    """A text page of PDFium's kind that only knows its characters' boxes (left, bottom, right, top)."""

    def __init__(self, boxes):
        self.boxes = boxes

    def get_charbox(self, index):
        return self.boxes[index]


def test_a_line_drawn_font_by_font_is_read_where_its_characters_stand():
    # 重庆's 2.81∶1 as LibreOffice printed it: the ratio sign, of another font, drawn last
    segment = "2.81 1∶ ，"
    boxes = [(269.5, 277.4, 274.1, 284.1), (277.2, 277.4, 278.4, 278.8), (281.4, 277.3, 286.1, 284.1),
             (287.5, 277.4, 292.3, 284.0), (298.8, 277.4, 298.8, 277.4), (299.5, 277.4, 304.3, 284.0),
             (295.2, 278.6, 296.4, 283.2), (298.8, 277.4, 298.8, 277.4), (306.1, 276.3, 308.1, 279.7)]
    order = _left_to_right(_Boxes(boxes), 0, segment)
    assert "".join(segment[i] for i in order).replace(" ", "") == "2.81∶1，"
    # two rows PDFium joined at a hyphen (U+FFFE), a quote of the first row drawn last
    segment = "滨海\ufffe中关“"
    boxes = [(60, 751, 69, 760), (70, 751, 79, 760), (80, 755, 83, 756), (50, 736, 59, 745), (60, 736, 69, 745), (52, 756, 56, 759)]
    order = _left_to_right(_Boxes(boxes), 0, segment)
    assert "".join(segment[i] for i in order) == "“滨海\ufffe中关"
    # a line drawn in order keeps it, even where punctuation's ink starts left of the em box
    assert _left_to_right(_Boxes(boxes[:3]), 0, segment[:3]) == [0, 1, 2]


def test_docx_text_in_tracked_insertions_smart_tags_content_controls_fields_and_text_boxes_is_read():
    document = docx.Document()
    document.add_paragraph("各位代表：")
    w = nsdecls("w")
    inserted = document.add_paragraph("修订前，")
    inserted._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>插入的文字，</w:t></w:r></w:ins>'))
    inserted._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>'))
    inserted.add_run("修订后。")
    tagged = document.add_paragraph("智能标记：")
    tagged._p.append(parse_xml(f'<w:smartTag {w} w:uri="urn:x" w:element="place"><w:r><w:t>湛江市</w:t></w:r></w:smartTag>'))
    tagged._p.append(parse_xml(f'<w:sdt {w}><w:sdtPr/><w:sdtContent><w:r><w:t>，控件里的文字</w:t></w:r></w:sdtContent></w:sdt>'))
    tagged._p.append(parse_xml(f'<w:fldSimple {w} w:instr="DATE"><w:r><w:t>，2025年1月1日。</w:t></w:r></w:fldSimple>'))
    boxed = document.add_paragraph("文本框所在段落。")
    boxed._p.append(parse_xml(
        f'<w:r {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent>'
        "<mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>文本框里的文字。</w:t></w:r></w:p></w:txbxContent></mc:Choice>"
        "<mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框里的文字。</w:t></w:r></w:p></w:txbxContent></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    ))
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(f'<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>块级控件里的段落。</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0]._p.append(parse_xml(f'<w:ins {w} w:id="3" w:author="a"><w:r><w:t>表格插入</w:t></w:r></w:ins>'))
    table.cell(0, 1).text = "第二格"
    buffer = io.BytesIO()
    document.save(buffer)
    report = read_report(buffer.getvalue(), name="修订.docx")
    assert report.text.split("\n") == [
        "各位代表：", "修订前，插入的文字，修订后。", "智能标记：湛江市，控件里的文字，2025年1月1日。",
        "文本框所在段落。", "文本框里的文字。", "块级控件里的段落。", f"表格插入{CELL_SEPARATOR}第二格",
    ]


def test_docx_footnotes_endnotes_and_comments_are_listed_as_removed_not_lost():
    document = docx.Document()
    document.add_paragraph("各位代表：")
    document.add_paragraph("推进新型工业化。")
    buffer = io.BytesIO()
    document.save(buffer)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "word/footnotes.xml": f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                              '<w:footnote w:id="1"><w:p><w:r><w:t>新型工业化：以新一代信息技术推动的工业化。</w:t></w:r></w:p></w:footnote></w:footnotes>',
        "word/endnotes.xml": f'<w:endnotes {w}><w:endnote w:id="1"><w:p><w:r><w:t>数据来源：统计局。</w:t></w:r></w:p></w:endnote></w:endnotes>',
        "word/comments.xml": f'<w:comments {w}><w:comment w:id="0" w:author="a"><w:p><w:r><w:t>请核对。</w:t></w:r></w:p></w:comment></w:comments>',
    }
    with_notes = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(with_notes, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for name, xml in parts.items():
            target.writestr(name, xml)
    report = read_report(with_notes.getvalue(), name="注释.docx")
    assert report.text == "各位代表：\n推进新型工业化。"
    assert report.removed[["reason", "text"]].values.tolist() == [
        ["footnote", "新型工业化：以新一代信息技术推动的工业化。"], ["endnote", "数据来源：统计局。"], ["comment", "请核对。"],
    ]
    for row in report.removed.itertuples():
        assert report.raw[row.start : row.end] == row.text
