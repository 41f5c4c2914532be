"""Word (.docx) and PDF files → the report's text, with what was left out.

:func:`zjnlp.read.read_report` recognises these files by their first bytes
(:func:`sniff`) and hands them here; what comes back is plain text that the rest of the
reading (normalising, site text, metadata, damage) treats like any other file.

**Word.** The document's paragraphs in order, with the text of its tables (a row a line,
cells joined by `` | ``) and the list numbers Word generates from ``numbering.xml``
written out (a heading whose "一、" is a list number keeps it). A paragraph's text is
every run in it, in tracked insertions, smart tags, content controls and fields too, and
paragraphs and tables inside content controls are read where they stand; a text box's
paragraphs follow the paragraph it is anchored in; tracked deletions are not text. Running
headers and footers, footnotes, endnotes and comments are not part of the running text:
each is listed in ``removed`` (reason ``running header or footer``, ``footnote``,
``endnote``, ``comment``) with its text, after the body in ``raw``. Read with
python-docx (MIT, maintained since 2013): it opens the package and gives styles and the
numbering part as XML; docx2python (MIT) also writes list numbers, but only in Latin
formats (1. a. i.), so "一、" and "（一）" would still have to be computed here.

**PDF.** The text layer, read with pypdfium2 (Apache-2.0 or BSD-3-Clause; PDFium, the
engine of Chrome's PDF viewer). Measured on Chinese reports printed to PDF by
LibreOffice (``benchmarks/bench_read.py``), it returned every Chinese character in order
as pdfminer.six / pdfplumber (MIT) and pypdf (BSD) did, 20 to 40 times faster than
either. PyMuPDF is AGPL and not used. PDF keeps lines, not paragraphs, so the text is
put back together:

- a line joins the next when the two belong to one paragraph: Chinese breaks lines
  without a hyphen, so the break is simply deleted; a paragraph ends where a line stops
  well short of the text's right edge, ends with 。！？：; (or ；), or the next line is
  indented or is a heading (一、 （一） …, a line of its own);
- page numbers ("— 3 —", "- 3 -", "第3页", "3", "3/12") and running headers and footers
  (the same line at the top or bottom of most pages) are removed and audited;
- full-width spaces that indent a paragraph's first line are dropped with the other
  white space at the start of a line;
- a line whose characters the file draws font by font (curly quotes in a Latin font
  after the Chinese of their line) is put in the order of the characters' boxes.

A PDF with pages but no text layer is a scan: it is refused with the advice to run OCR.
"""

from __future__ import annotations

import io
import re
import zipfile
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from zjnlp import errors
from zjnlp.chinese import CJK_PUNCTUATION, HAN, PART_NUMBER, SECTION_NUMBER, numeral

__all__ = ["Extracted", "sniff", "read_docx", "read_pdf"]


@dataclass
class Extracted:
    """The text of a Word or PDF file, before the common cleaning of :mod:`zjnlp.read`.

    Attributes
    ----------
    format : str
        ``"docx"`` or ``"pdf"``.
    raw : str
        The text as extracted (what :meth:`zjnlp.read.Report.to_original` indexes).
    text : str
        ``raw`` with the lines of a paragraph joined and page furniture removed.
    offsets : numpy.ndarray
        ``text[i]`` came from ``raw[offsets[i]]``.
    removed : list of dict
        Removed lines: ``start, end`` (into ``raw``), ``reason, text``.
    """

    format: str
    raw: str
    text: str
    offsets: np.ndarray
    removed: list[dict] = field(default_factory=list)


# --------------------------------------------------------------------------- signatures

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, source: str) -> str | None:
    """``"docx"`` or ``"pdf"`` for a file zjnlp extracts, ``None`` for one to decode as text.

    Raises
    ------
    zjnlp.errors.InputError
        An office file zjnlp cannot read (Excel, PowerPoint, OpenDocument, Word 97-2003,
        Rich Text Format, a web archive), or another ZIP archive, with what to do instead.
    """
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        kind, fix = "a Rich Text Format file (.rtf)", "open it in Word or LibreOffice and save it as .docx"
        raise errors.InputError(source, errors.UNSUPPORTED.format(kind=kind, fix=fix))
    if data[:200].lstrip().lower().startswith(b"mime-version:"):
        kind, fix = "a web archive (.mht)", "open it in a browser or Word and save it as .html or .docx"
        raise errors.InputError(source, errors.UNSUPPORTED.format(kind=kind, fix=fix))
    if data.startswith(_OLE):
        if "WordDocument".encode("utf-16-le") in data:
            kind, fix = "a Word 97-2003 document (.doc)", "open it in Word or LibreOffice and save it as .docx"
        elif "Workbook".encode("utf-16-le") in data:
            kind, fix = "an Excel 97-2003 workbook (.xls)", "export the text first (save it as .txt)"
        else:
            kind, fix = "an Office 97-2003 file", "save it as .docx, or export its text"
        raise errors.InputError(source, errors.UNSUPPORTED.format(kind=kind, fix=fix))
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise errors.InputError(source, errors.BROKEN_FILE.format(kind="ZIP archive", detail=exc)) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        kind, fix = "an Excel workbook", "export the text first (save the sheet as .txt or .csv)"
    elif "ppt/presentation.xml" in names:
        kind, fix = "a PowerPoint presentation", "export the text first"
    elif "content.xml" in names:
        kind, fix = "an OpenDocument file", "save it as .docx or export the text"
    else:
        kind, fix = "a ZIP archive", "unpack it and read the files inside"
    raise errors.InputError(source, errors.UNSUPPORTED.format(kind=kind, fix=fix))


def _identity(raw: str, fmt: str, removed: list[dict] | None = None) -> Extracted:
    return Extracted(fmt, raw, raw, np.arange(len(raw), dtype=np.int64), removed or [])


# --------------------------------------------------------------------------- Word

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CELL_SEPARATOR = " | "



def _roman(n: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",
    "chineseCounting": numeral,
    "chineseCountingThousand": numeral,
    "chineseLegalSimplified": lambda n: numeral(n).translate(str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰")),
    "ideographDigital": lambda n: "".join(numeral(int(c)) for c in str(n)),
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12],
    "ideographEnclosedCircle": lambda n: chr(0x3220 + n - 1) if 1 <= n <= 10 else numeral(n),
    "japaneseCounting": numeral,
    "taiwaneseCounting": numeral,
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


class _Numbering:
    """Word's list numbers: ``numbering.xml`` definitions and the running counters."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, format, text)
        # Lists that share an abstract definition count on together, unless one restarts.
        self.counter_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for node in root.iter(f"{_W}abstractNum"):
            abstract[node.get(f"{_W}abstractNumId")] = self._levels(node)
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            abstract_id = ref.get(f"{_W}val") if ref is not None else None
            levels = dict(abstract.get(abstract_id, {}))
            num_id = num.get(f"{_W}numId")
            self.counter_of[num_id] = f"abstract {abstract_id}"
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
                start = override.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(f"{_W}val")),) + levels[ilvl][1:]
                    self.counter_of[num_id] = num_id
            self.levels[num_id] = levels

    @staticmethod
    def _level(lvl) -> tuple[int, str, str]:
        def val(tag: str, default: str) -> str:
            node = lvl.find(f"{_W}{tag}")
            return node.get(f"{_W}val", default) if node is not None else default

        return int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", "")

    def _levels(self, node) -> dict[int, tuple[int, str, str]]:
        return {int(lvl.get(f"{_W}ilvl", "0")): self._level(lvl) for lvl in node.iter(f"{_W}lvl")}

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next item at level ``ilvl`` of list ``num_id``: 一、 （二） 3."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.counter_of[num_id], {})
        start, fmt, text = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            value = counters.get(level, levels.get(level, (1,))[0])
            level_fmt = levels.get(level, (1, "decimal", ""))[1]
            return _FORMATS.get(level_fmt, str)(value)

        return re.sub(r"%(\d)", number, text)


def _number_properties(paragraph, by_style: dict) -> tuple[str, int] | None:
    """``(numId, ilvl)`` of a paragraph's list numbering, set on it or on its style.

    ``by_style`` caches the answer for each style: python-docx looks a style up slowly.
    """
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is None:
        style_id = paragraph._p.style
        if style_id not in by_style:
            style, found = paragraph.style, None
            while found is None and style is not None:
                style_p_pr = style.element.pPr
                found = style_p_pr.numPr if style_p_pr is not None else None
                style = style.base_style
            by_style[style_id] = found
        num_pr = by_style[style_id]
    if num_pr is None or num_pr.numId is None or num_pr.numId.val == 0:
        return None
    return str(num_pr.numId.val), num_pr.ilvl.val if num_pr.ilvl is not None else 0


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Runs that are not the document's text: deleted or moved away under tracked changes, the
# fallback copy mc:AlternateContent keeps of its choice, and a text box's own paragraphs
# (read as lines of their own).
_NOT_PARAGRAPH_TEXT = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback", f"{_W}txbxContent"})


def _outside(element, paragraph, skip: frozenset[str]) -> bool:
    """Whether no element between ``element`` and ``paragraph`` is one of ``skip``."""
    parent = element.getparent()
    while parent is not paragraph:
        if parent is None or parent.tag in skip:
            return False
        parent = parent.getparent()
    return True


def _paragraph_text(paragraph) -> str:
    """The text of a ``w:p``: its runs wherever they sit, in tracked insertions, smart tags,
    content controls, fields and hyperlinks alike (python-docx's ``Paragraph.text`` reads
    only the runs and hyperlinks right under the paragraph and drops the rest)."""
    return "".join(run.text for run in paragraph.iter(f"{_W}r") if _outside(run, paragraph, _NOT_PARAGRAPH_TEXT))


def _text_box_lines(paragraph) -> list[str]:
    """The paragraphs of the text boxes anchored in a ``w:p`` (their choice copy only)."""
    skip = frozenset({f"{_MC}Fallback"})
    return [
        _paragraph_text(inner)
        for box in paragraph.iter(f"{_W}txbxContent") if _outside(box, paragraph, skip)
        for inner in box.iter(f"{_W}p") if inner.getparent() is box
    ]


def _blocks(container):
    """The paragraphs and tables of a body or a cell in order, also inside content controls
    and custom XML, which python-docx's ``iter_inner_content`` passes over."""
    for child in container.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag == f"{_W}customXml":
            yield from _blocks(child)


def _cell_text(tc, parent) -> str:
    from docx.table import Table

    pieces = []
    for block in _blocks(tc):
        if block.tag == f"{_W}tbl":  # a table in a cell: its rows, one after the other
            pieces.extend(_table_lines(Table(block, parent)))
        else:
            pieces.append(_paragraph_text(block).strip())
            pieces.extend(line.strip() for line in _text_box_lines(block))
    return " ".join(piece for piece in pieces if piece)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell._tc, cell))
        if any(cells):
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def read_docx(data: bytes, source: str) -> Extracted:
    """The text of a Word document: paragraphs and table rows, one a line, in order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors …
        raise errors.InputError(source, errors.BROKEN_FILE.format(kind="Word document", detail=type(exc).__name__)) from None
    numbering = _Numbering(document)
    lines, by_style = [], {}
    for block in _blocks(document.element.body):
        if block.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(block, document._body)))
            continue
        text = _paragraph_text(block)
        if text.strip():
            props = _number_properties(Paragraph(block, document._body), by_style)
            label = numbering.label(*props) if props else ""
            lines.append(label + text)
        lines.extend(line for line in _text_box_lines(block) if line.strip())
    body = "\n".join(lines)
    notes = _notes(data)
    if not notes:
        return _identity(body, "docx")
    # The notes follow the body in ``raw``, each listed as removed, so that none is lost unseen.
    raw, removed = body, []
    for reason, text in notes:
        raw += "\n"
        removed.append({"start": len(raw), "end": len(raw) + len(text), "reason": reason, "text": text})
        raw += text
    return Extracted("docx", raw, body, np.arange(len(body), dtype=np.int64), removed)


# A Word file's notes and comments: not the report's running text, but kept and audited.
# Each part's element is also the reason its text is listed as removed.
_NOTE_PARTS = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"), ("word/comments.xml", "comment"))
_HEADER_FOOTER_RE = re.compile(r"word/(?:header|footer)\d*\.xml")


def _notes(data: bytes) -> list[tuple[str, str]]:
    """``(reason, text)`` for each running header and footer (each part once, in name order),
    footnote, endnote and comment of a .docx (the separators Word keeps among the footnotes
    are not notes)."""
    from docx.oxml.parser import parse_xml

    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    found = []
    for name in sorted(filter(_HEADER_FOOTER_RE.fullmatch, names)):
        found.append(("running header or footer", _joined_text(parse_xml(archive.read(name)))))
    for part, tag in _NOTE_PARTS:
        if part in names:
            found.extend(
                (tag, _joined_text(note)) for note in parse_xml(archive.read(part)).iter(f"{_W}{tag}")
                if note.get(f"{_W}type") not in ("separator", "continuationSeparator", "continuationNotice")
            )
    return [(reason, text) for reason, text in found if text]


def _joined_text(element) -> str:
    """The text of the paragraphs in ``element``, one after the other, joined by a space."""
    return " ".join(text for text in (_paragraph_text(p).strip() for p in element.iter(f"{_W}p")) if text)


# --------------------------------------------------------------------------- PDF

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[—–－-]+\s*\d{1,4}\s*[—–－-]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?|[·•]\s*\d{1,4}\s*[·•]|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$",
    re.IGNORECASE,
)
_HEADING_LINE_RE = re.compile(rf"^[\s\u3000]*(?:{PART_NUMBER}|{SECTION_NUMBER}|附件|附录|名词解释)")
_PARAGRAPH_END = "。！？：；!?:;"
_CJK_CHAR_RE = re.compile(rf"[{HAN}{CJK_PUNCTUATION}\uff01-\uff5e]")  # full-width letters and digits too


@dataclass
class _Line:
    page: int
    start: int  # index in raw of the line's first character
    text: str
    generated: list[bool]  # which characters PDFium made up (spaces between runs)
    left: float
    right: float
    top: float
    bottom: float


def _page_lines(textpage, page: int, start: int) -> tuple[list[_Line], str]:
    """The lines of a page with their boxes, and the page's text for ``raw``."""
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    lines, chars, at = [], [], 0
    for segment in re.split(r"(\r\n|\r|\n)", text):
        if not segment:
            continue
        if segment in ("\r\n", "\r", "\n"):
            at += len(segment)
            continue
        # a line of Chinese and its punctuation is drawn in one font, in order
        order = _left_to_right(textpage, at, segment) if _OTHER_FONT_RE.search(segment) else range(len(segment))
        indices = [i for i in order if not segment[i].isspace()]
        if indices:
            first, last = textpage.get_charbox(at + indices[0]), textpage.get_charbox(at + indices[-1])
            tops = [textpage.get_charbox(at + i)[3] for i in indices[:: max(1, len(indices) // 4)]]
            lines.append(_Line(
                page=page, start=start + len(chars and "\n".join(chars)) + (1 if chars else 0),
                # PDFium writes a hyphen that ends a row, joining the rows, as U+FFFE
                text="".join(segment[i] for i in order).replace("\ufffe", "-"),
                generated=[bool(pdfium_c.FPDFText_IsGenerated(textpage, at + i)) if segment[i] == " " else False for i in order],
                left=first[0], right=last[2], top=max(tops), bottom=first[1],
            ))
            chars.append(lines[-1].text)
        at += len(segment)
    return lines, "\n".join(chars)


# Characters an office suite may draw in a Latin font amid Chinese: anything but Han
# characters, CJK symbols (。、「」) and full-width forms (，：（）).
_OTHER_FONT_RE = re.compile(f"[^{HAN}\u3000-\u303f\uff00-\uffef\\s]")


def _left_to_right(textpage, at: int, segment: str) -> list[int]:
    """The order in which a line's characters stand on the page: row by row, left to right.

    PDFium gives a line's characters in the order the file draws them. An office suite
    draws a line font by font, so characters of a second font come after the line's
    others: the curly quotes of “十四五”, set in a Latin font among Chinese ones, come out
    as 十四五…“”, and 2.81∶1 as 2.81 1∶. Their boxes are where they stand. A line
    whose characters step back is put in the order of their boxes: by row (PDFium joins a
    row that ends with a hyphen to the next, writing the hyphen as U+FFFE), then by left edge.
    """
    boxes = [textpage.get_charbox(at + i) for i in range(len(segment))]
    visible = [i for i, c in enumerate(segment) if not c.isspace()]
    height = max((boxes[i][3] - boxes[i][1] for i in visible), default=0.0)
    if all(boxes[b][0] >= boxes[a][0] - 0.1 * height for a, b in zip(visible, visible[1:])):
        return list(range(len(segment)))
    # rows: the union of the boxes' vertical extents (rows do not overlap)
    bands: list[list[float]] = []
    for bottom, top in sorted((box[1], box[3]) for box in boxes):
        if bands and bottom <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], top)
        else:
            bands.append([bottom, top])
    starts = [band[0] for band in bands]
    rows = [bisect_right(starts, box[1]) - 1 for box in boxes]
    return sorted(range(len(segment)), key=lambda i: (-rows[i], boxes[i][0], i))  # PDF heights grow upwards


def _key(text: str) -> str:
    """A line with its digits blanked, to recognise a running header with a page number."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _furniture(lines: list[_Line], pages: int) -> dict[int, str]:
    """Page numbers and running headers and footers: line index → reason."""
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    edges = {}  # the two top and two bottom lines of each page
    for indices in by_page.values():
        ordered = sorted(indices, key=lambda i: -lines[i].top)
        for i in ordered[:2] + ordered[-2:]:
            edges[i] = True
    removed = {}
    seen = Counter()
    for i in edges:
        seen[(_key(lines[i].text), round(lines[i].top / 4))] += 1
    needed = max(2, pages // 2)
    for i in edges:
        text = lines[i].text.strip()
        if _PAGE_NUMBER_RE.match(text):
            removed[i] = "page number"
        elif pages > 1 and seen[(_key(text), round(lines[i].top / 4))] >= needed:
            removed[i] = "running header or footer"
    return removed


def _drop_generated_space(line: _Line, i: int) -> bool:
    """A space PDFium inserted between two runs, next to Chinese: not in the document."""
    if not line.generated[i]:
        return False
    before, after = line.text[i - 1 : i], line.text[i + 1 : i + 2]
    return bool(_CJK_CHAR_RE.match(before) or _CJK_CHAR_RE.match(after)) or not before or not after


def read_pdf(data: bytes, source: str) -> Extracted:
    """The text of a PDF: its text layer, lines re-joined into paragraphs, furniture removed."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        detail = re.search(r"PDFium: ([^)]*)", str(exc))
        raise errors.InputError(source, errors.BROKEN_FILE.format(kind="PDF", detail=detail.group(1) if detail else exc)) from None
    lines: list[_Line] = []
    raw_pages = []
    offset = 0
    for number in range(len(document)):
        page_lines, page_text = _page_lines(document[number].get_textpage(), number + 1, offset)
        lines.extend(page_lines)
        raw_pages.append(page_text)
        offset += len(page_text) + 1
    raw = "\f".join(raw_pages)
    visible = sum(1 for c in raw if not c.isspace())
    if visible < 20 * max(1, len(document)):
        raise errors.InputError(source, errors.SCANNED_PDF)

    furniture = _furniture(lines, len(document))
    removed = [
        {"start": lines[i].start, "end": lines[i].start + len(lines[i].text), "reason": reason, "text": lines[i].text}
        for i, reason in sorted(furniture.items())
    ]
    body = [line for i, line in enumerate(lines) if i not in furniture]
    breaks = _paragraph_breaks(body)
    chars, offsets = [], []
    for i, line in enumerate(body):
        if i:
            previous = body[i - 1]
            newline = previous.start + len(previous.text)
            if breaks[i - 1]:
                chars.append("\n")
                offsets.append(newline)
            elif previous.text.rstrip()[-1:].isascii() and line.text.lstrip()[:1].isascii() and line.text.strip()[:1].isalnum():
                chars.append(" ")  # English words broken over two lines
                offsets.append(newline)
        for j, char in enumerate(line.text):
            if char == " " and _drop_generated_space(line, j):
                continue
            chars.append(char)
            offsets.append(line.start + j)
    return Extracted("pdf", raw, "".join(chars), np.asarray(offsets, dtype=np.int64), removed)


_QUOTES = "“”‘’\"'"
_CLOSING = "」』）》】〕］｝〉、，。；：！？%‰"
_OPENING = "「『（《【〔［｛〈"
_WORD_RE = re.compile(r"[A-Za-z0-9.,%+/:∶_-]+|.")


def _first_word_width(text: str, em: float) -> float:
    """About how wide the start of a line is that cannot be broken: 8.3%、7.9%。 子”联 一”、“各.

    A line may not start with closing punctuation nor end with opening punctuation;
    quotation marks hold on to the characters on both sides (Unicode line breaking,
    class QU); LibreOffice and Word keep a number with the punctuation around it.
    """
    text = text.lstrip(" \u3000")
    end = 0
    while end < len(text):
        end = _WORD_RE.match(text, end).end()
        while end < len(text) and text[end] in _CLOSING:
            end += 1
        last, following = text[end - 1], text[end : end + 1]
        glued = last in _QUOTES or last in _OPENING or following in _QUOTES
        if not (glued or last in _CLOSING and following.isascii() and following.isalnum()):
            break
    word = text[:end]
    latin = sum(char.isascii() for char in word)
    # Latin runs are set off from Chinese by a quarter of a character on each side
    runs = len(re.findall(r"[\x00-\x7f]+", word))
    return (len(word) - latin + 0.58 * latin + 0.5 * runs) * em or em


def _paragraph_breaks(lines: list[_Line]) -> list[bool]:
    """For each pair of consecutive lines, whether a paragraph ends between them."""
    if len(lines) < 2:
        return []
    widths = [line.top - line.bottom for line in lines if line.top > line.bottom]
    em = float(np.median(widths)) if widths else 10.0
    left = float(np.quantile([line.left for line in lines], 0.1))
    right = float(np.quantile([line.right for line in lines], 0.9))
    # an indent is two characters; an opening bracket's ink alone starts half a character in
    indented = [line.left > left + 1.2 * em or line.text[:1] == "\u3000" for line in lines]
    pitches = [a.top - b.top for a, b in zip(lines, lines[1:]) if a.page == b.page and a.top > b.top]
    pitch = float(np.median(pitches)) if pitches else 0.0
    uses_indent = sum(indented) >= 0.05 * len(lines)
    uses_spacing = sum(a.page == b.page and a.top - b.top > 1.4 * pitch for a, b in zip(lines, lines[1:])) >= 0.03 * len(lines)
    breaks = []
    for a, b, b_indented in zip(lines, lines[1:], indented[1:]):
        # a line ended early when the next line's first word would have fitted after it
        ended = right - a.right > _first_word_width(b.text, em) + 0.5 * em
        gap = a.page == b.page and pitch > 0 and a.top - b.top > 1.4 * pitch
        ends_sentence = a.text.rstrip()[-1:] in _PARAGRAPH_END
        # 二、 starts a line inside a paragraph that lists 一、…；二、…
        heading = bool(_HEADING_LINE_RE.match(b.text)) and a.text.rstrip()[-1:] in "。！？："
        breaks.append(b_indented or heading or ended or gap or ends_sentence and not (uses_indent or uses_spacing))
    return breaks
