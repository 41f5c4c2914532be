"""Make Word and PDF copies of reports in seeds/, as a user would receive them.

Each report becomes a .docx laid out like a printed government work report: a title and a
date-and-venue line, part headings 一、 and section headings （一） as Word list numbers
(numbering.xml, so the numerals are not typed text), first-line indents (typed full-width
spaces or paragraph indents, alternately), a running header with the title and a page
number field in the footer ("— 3 —", "- 3 -" or "第 3 页", alternately). LibreOffice then
prints each .docx to PDF.

    python scripts/make_format_fixtures.py OUT_DIR REPORT.txt [REPORT.txt ...]
    python scripts/make_format_fixtures.py --plain OUT_DIR REPORT.txt

``--plain`` makes the other kind of file a user receives: the report's opening lines (about
2,000 characters, whole lines) as a .txt, opened in LibreOffice and saved as .docx, and that
printed to PDF. Such a document sets its text in one paragraph style whose Latin font is not
its Chinese one, so the curly quotes of “十四五” are drawn in the Latin font, apart from the
Chinese around them: the PDF's text layer gives them at the end of the line.

Needs LibreOffice (Debian: libreoffice-writer) and the Noto Sans SC font where
fontconfig finds it (for example the .otf of pylopdf-fonts-zh-cn copied to
/usr/local/share/fonts). Not needed to run the tests: the fixtures it made are committed
under tests/data/formats/.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[1]
FONT = "Noto Sans SC"
PART_RE = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
SECTION_RE = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
NUMERALS = "一二三四五六七八九十"
PAGE_STYLES = [("— ", " —"), ("- ", " -"), ("第 ", " 页")]


def numeral(text: str) -> int:
    if "十" not in text:
        return NUMERALS.index(text) + 1
    tens, _, ones = text.partition("十")
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (NUMERALS.index(ones) + 1 if ones else 0)


def metadata(path: Path) -> dict:
    """Title and date of a seeds report, from its corpus's MANIFEST.csv."""
    manifest = path.parent / "MANIFEST.csv"
    if manifest.exists():
        for row in csv.DictReader(manifest.open(encoding="utf-8")):
            if row["file"] == path.name:
                return row
    return {"title": f"{path.stem}政府工作报告", "date": ""}


class Lists:
    """Numbering definitions: 一、 for parts and （一） for sections, one list per restart.

    Each restart gets its own abstract definition: LibreOffice counts on across lists that
    share one, where Word restarts at a startOverride.
    """

    FORMATS = {"part": "%1、", "section": "（%1）"}

    def __init__(self, document) -> None:
        self.numbering = document.part.numbering_part.element
        self.next_id = 900

    def new(self, key: str) -> int:
        """A fresh list (counting from 一 again)."""
        self.next_id += 1
        self.numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{self.next_id}">'
            f'<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            f'<w:suff w:val="nothing"/><w:lvlText w:val="{self.FORMATS[key]}"/><w:lvlJc w:val="left"/></w:lvl>'
            f'</w:abstractNum>'
        ))
        self.numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{self.next_id}"><w:abstractNumId w:val="{self.next_id}"/></w:num>'
        ))
        return self.next_id


def numbered(paragraph, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        node = OxmlElement(tag)
        node.set(qn("w:val"), value)
        num_pr.append(node)
    p_pr.insert(0, num_pr)


def page_field(paragraph, before: str, after: str) -> None:
    paragraph.add_run(before)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        else:
            node = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        run._r.append(node)
    paragraph.add_run(after)


def make_docx(path: Path, out: Path, variant: int) -> Path:
    meta = metadata(path)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = meta["title"]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(footer, *PAGE_STYLES[variant % len(PAGE_STYLES)])

    title = document.add_paragraph(meta["title"])
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if meta.get("date"):
        venue = document.add_paragraph(f"——{meta['date'][:4]}年{int(meta['date'][5:7])}月{int(meta['date'][8:10])}日在人民代表大会上")
        venue.alignment = WD_ALIGN_PARAGRAPH.CENTER

    lists = Lists(document)
    current = {"part": None, "section": None}
    expected = {"part": 1, "section": 1}
    typed_indent = variant % 2 == 0
    for line in lines:
        for key, pattern in (("part", PART_RE), ("section", SECTION_RE)):
            match = pattern.match(line)
            if not match or len(match.group(1)) > 3:
                continue
            number = numeral(match.group(1))
            if number == 1:
                current[key] = lists.new(key)
                expected[key] = 1
            if current[key] is not None and number == expected[key]:
                paragraph = document.add_paragraph(match.group(2))
                numbered(paragraph, current[key])
                expected[key] = number + 1
                if key == "part":
                    current["section"] = None
                break
        else:
            if typed_indent:
                paragraph = document.add_paragraph("\u3000\u3000" + line)
            else:
                paragraph = document.add_paragraph(line)
                paragraph.paragraph_format.first_line_indent = Pt(28)
    target = out / f"{path.stem}.docx"
    document.save(target)
    return target


def to_pdf(docx_path: Path, out: Path) -> Path:
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
        check=True, capture_output=True,
    )
    return out / f"{docx_path.stem}.pdf"


PLAIN_CHARACTERS = 2000


def make_plain(path: Path, out: Path) -> Path:
    lines, length = [], 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if length >= PLAIN_CHARACTERS:
            break
        lines.append(line)
        length += len(line)
    text = out / path.name
    text.write_text("".join(lines), encoding="utf-8")
    subprocess.run(["libreoffice", "--headless", "--convert-to", "docx", "--outdir", str(out), str(text)], check=True, capture_output=True)
    return to_pdf(text.with_suffix(".docx"), out)


def main(argv: list[str]) -> int:
    if argv[0] == "--plain":
        print(make_plain(Path(argv[2]), Path(argv[1])))
        return 0
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for variant, name in enumerate(argv[1:]):
        docx_path = make_docx(Path(name), out, variant)
        print(to_pdf(docx_path, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
