"""Find a report's structure: parts, sections, topical paragraphs and sentences.

A work report is built the same way at every level of government::

    各位代表：                          ← the opening address
    一、2025年工作回顾                  ← a part (一、 二、 …)
    （一）建设教育强市……。深入实施……    ← a section inside a part, often with an intro
    建设高质量教育体系。落实……          ← a topical paragraph: a short headline sentence, then its body
    各位代表！……                        ← the closing remarks
    附件 / 名词解释 / 民生实事           ← appendices, whose items restart at 一、 or 1.

:func:`structure` labels every line of :attr:`Report.text <zjnlp.read.Report.text>`;
:func:`units` groups the lines into the unit of analysis every other stage takes
(``document``, ``part``, ``section`` or ``paragraph``); :func:`sentences` splits units into
sentences. Every character of the text belongs to exactly one unit at every level, with
``start``/``end`` offsets into the clean text.
"""

from __future__ import annotations

import re
from typing import Literal

import pandas as pd

from zjnlp.chinese import ADDRESS_RE as _ADDRESS_RE
from zjnlp.chinese import ITEM_NUMBER, NUMBER_1_99, ORDINAL_IS, numeral_value, sentence_spans
from zjnlp.errors import OptionError
from zjnlp.read import Report, read_report

__all__ = ["Unit", "UNIT_COLUMNS", "structure", "units", "sentences", "unit_columns", "as_report"]

Unit = Literal["document", "part", "section", "paragraph"]
UNIT_COLUMNS = ["part", "section", "paragraph"]
KINDS = ("address", "contents", "part", "section", "paragraph", "closing", "appendix")
STRUCTURE_COLUMNS = ["part", "part_title", "section", "section_title", "paragraph", "headline", "kind", "start", "end", "text"]
UNITS_COLUMNS = ["title", "kind", "start", "end", "text"]  # after the unit columns of ``by``

_PART_RE = re.compile(rf"^({NUMBER_1_99})[、．.]\s*(.*)$")
_SECTION_RE = re.compile(rf"^[（(]({NUMBER_1_99})[）)]\s*(.*)$")
_APPENDIX_RE = re.compile(r"^(附件|附录|附表|附[:：]|名词解释|注释|名词注释|词语解释)[0-9一二三四五六七八九十]*[:：]?\s*(.{0,30})$")
_APPENDIX_TITLE_RE = re.compile(r"^[^。！？]{0,30}(民生实事|为民办实事|民生项目|名词解释)[^。！？]{0,10}$")
_ENUMERATOR_RE = re.compile(rf"^({ORDINAL_IS}|{ITEM_NUMBER})")
_HEADLINE_MAX = 40
_HEADLINE_RE = re.compile(rf"^([^。！？；]{{2,{_HEADLINE_MAX}}}?)[。！？；]")


def as_report(source: Report | str) -> Report:
    """Return ``source`` if it is a :class:`Report`, else read it (a ``str`` is the text)."""
    return source if isinstance(source, Report) else read_report(source)


def _title(rest: str) -> str:
    """A heading's title: its text up to the first full stop (the rest is the intro)."""
    return re.split(r"[。！？；]", rest, maxsplit=1)[0].strip()


def _headline(line: str) -> str | None:
    """The short headline sentence a topical paragraph opens with, if it has one."""
    match = _HEADLINE_RE.match(line)
    if match is None or "，" in match.group(1) and len(match.group(1)) > 30:
        return None
    return _ENUMERATOR_RE.sub("", match.group(1)).strip() or None


def _is_headline_only(line: str) -> bool:
    """A line that is nothing but a headline (the body follows on the next line)."""
    return (
        len(line) <= _HEADLINE_MAX + 6
        and bool(_ENUMERATOR_RE.match(line))
        and re.fullmatch(r"[^。！？；]+[。：:]", line) is not None
    )


def _starts_mid_sentence(line: str) -> bool:
    close = line.find("”")
    return line[:1] in "”’，、。；)）" or (close != -1 and "“" not in line[:close])


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer("\n", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def structure(report: Report | str) -> pd.DataFrame:
    """Label every line of a report with its part, section and paragraph.

    Parameters
    ----------
    report : Report or str
        A report from :func:`~zjnlp.read.read_report`, or its text.

    Returns
    -------
    pandas.DataFrame
        One row per block (a line, or a headline line joined with the body line after
        it), in order, with columns:

        - ``part``, ``section``, ``paragraph`` (nullable ``Int64``; NA when unknown or
          not applicable): paragraphs are numbered within their section (or part, or
          the document when there are no headings);
        - ``part_title``, ``section_title``, ``headline`` (str; ``""`` when absent);
        - ``kind``: ``address``, ``contents``, ``part`` (a part heading),
          ``section`` (a section heading with its intro), ``paragraph``, ``closing``
          or ``appendix``;
        - ``start``, ``end``: offsets into ``report.text``; ``text``: the block.

    Notes
    -----
    A page that starts inside the report (the seed page starts inside section 五)
    puts its leading lines in the section (or part) before the first heading it has,
    with the title unknown, and leaves the paragraph number of a paragraph cut at its
    start as NA.

    Examples
    --------
    >>> table = structure("一、工作回顾\\n过去一年成绩显著。\\n二、今年工作\\n（一）推动绿色发展。加快转型。")
    >>> table[["part", "section", "kind"]].values.tolist()
    [[1, <NA>, 'part'], [1, <NA>, 'paragraph'], [2, <NA>, 'part'], [2, 1, 'section']]
    """
    report = as_report(report)
    text = report.text
    spans = _lines(text)
    lines = [text[s:e] for s, e in spans]
    kinds = _classify(lines)

    rows: list[dict] = []
    part = section = None
    part_title = section_title = ""
    paragraph = 0
    pending_headline: tuple[int, str] | None = None  # a headline-only line waiting for its body
    for index, ((start, end), line, kind) in enumerate(zip(spans, lines, kinds)):
        if kind == "part":
            part, part_title = kinds.parts[index]
            section, section_title, paragraph = None, "", 0
        elif kind == "section":
            number, rest = _SECTION_RE.match(line).groups()
            section, section_title, paragraph = int(numeral_value(number)), _title(rest), 0
        elif kind == "before-section":
            # text before the first heading of a page that starts inside a section
            kind, section = "paragraph", kinds.first_section - 1
            part = None
        elif kind == "before-part":
            kind, part = "paragraph", kinds.first_part - 1
        row = {
            "part": part if kind not in ("address", "closing", "appendix", "contents") else None,
            "part_title": part_title if kind not in ("address", "closing", "appendix", "contents") else "",
            "section": section if kind in ("section", "paragraph") else None,
            "section_title": section_title if kind in ("section", "paragraph") else "",
            "paragraph": None,
            "headline": "",
            "kind": kind,
            "start": start,
            "end": end,
            "text": line,
        }
        if kind in ("paragraph", "appendix"):
            if pending_headline is not None and rows and rows[-1]["start"] == pending_headline[0]:
                # join the headline line and this body line into one paragraph
                merged = rows[-1]
                merged["end"], merged["text"] = end, text[merged["start"] : end]
                pending_headline = None
                continue
            if index == 0 and _starts_mid_sentence(line):
                rows.append(row)  # a paragraph cut at its start: number and headline unknown
                continue
            paragraph += 1
            row["paragraph"] = paragraph
            row["headline"] = _headline(line) or ""
            following = kinds[index + 1] if index + 1 < len(kinds) else None
            if _is_headline_only(line) and following == kind:
                pending_headline = (start, line)
        rows.append(row)

    table = pd.DataFrame(rows, columns=STRUCTURE_COLUMNS)
    for column in UNIT_COLUMNS:
        table[column] = table[column].astype("Int64")
    return table


class _Kinds(list):
    """The kind of every line; the number and title of each part heading (by line);
    the numbers of the first part and section headings."""

    def __init__(self, kinds: list[str]) -> None:
        super().__init__(kinds)
        self.parts: dict[int, tuple[int, str]] = {}
        self.first_part = 0
        self.first_section = 0


def _classify(lines: list[str]) -> _Kinds:
    kinds = _Kinds(["paragraph"] * len(lines))
    appendix_at = _appendix_start(lines)
    closing_at = _closing_start(lines, appendix_at)

    _label_contents(lines, kinds)
    _label_parts(lines[:closing_at], kinds)
    seen_heading = False
    for i, line in enumerate(lines[:closing_at]):
        if kinds[i] == "part":
            seen_heading = True
        elif kinds[i] == "paragraph" and _SECTION_RE.match(line):
            if not seen_heading:
                kinds.first_section = int(numeral_value(_SECTION_RE.match(line).group(1)))
            kinds[i] = "section"
            seen_heading = True
    if not kinds.parts:
        _unnumbered_parts(lines[:closing_at], kinds)
    for i in range(closing_at, len(lines)):
        kinds[i] = "closing" if i < appendix_at else "appendix"

    _label_front(lines, kinds)
    return kinds


def _label_parts(lines: list[str], kinds: _Kinds) -> None:
    """Find the part headings 一、二、三、… among the lines numbered that way.

    Parts run in sequence. A list inside a part restarts at 一、 and is followed
    while its numbers continue, so 一、二、三、 inside part 二 do not become parts;
    three or more one-line items in a row are a list, not parts.
    """
    numbered = {}
    for i, line in enumerate(lines):
        match = _PART_RE.match(line)
        if kinds[i] == "paragraph" and match:
            numbered[i] = int(numeral_value(match.group(1)))
    in_list = {
        i for i in numbered
        if lines[i][-1] in "。；;" and any(all(k in numbered for k in range(j, j + 3)) for j in range(i - 2, i + 1))
    }
    numbered = {i: number for i, number in numbered.items() if i not in in_list}
    expected = nested = None  # the next part number; the next number of a list inside a part
    for i, number in numbered.items():
        if nested is not None and number == nested:
            nested += 1
        elif expected is None or number == expected:
            kinds[i] = "part"
            kinds.parts[i] = (number, _title(_PART_RE.match(lines[i]).group(2)))
            kinds.first_part = kinds.first_part or number
            expected, nested = number + 1, None
        elif number == 1:
            nested = 2


def _label_contents(lines: list[str], kinds: _Kinds) -> None:
    """A table of contents (目录 and the headings listed after it) near the top."""
    start = next((i for i, line in enumerate(lines[:10]) if line == "目录"), None)
    if start is None:
        return
    kinds[start] = "contents"
    for i in range(start + 1, len(lines)):
        if "。" in lines[i] or len(lines[i]) > _HEADLINE_MAX or _ADDRESS_RE.match(lines[i]):
            return
        kinds[i] = "contents"


_UNNUMBERED_HEADING_RE = re.compile(r"^[^。！？；：:，,、]{4,30}$")


def _unnumbered_parts(lines: list[str], kinds: _Kinds) -> None:
    """Headings without numbers (“十四五”时期工作回顾 / 2026年重点工作) as parts 1, 2, ….

    Used only when a report has no numbered part headings: a short line without
    punctuation standing between two paragraphs.
    """
    found = [
        i for i in range(1, len(lines) - 1)
        if kinds[i] == "paragraph"
        and _UNNUMBERED_HEADING_RE.match(lines[i])
        and not _ENUMERATOR_RE.match(lines[i])
        and not _ADDRESS_RE.match(lines[i])
        and kinds[i + 1] != "part"
        and not (kinds[i - 1] == "paragraph" and _UNNUMBERED_HEADING_RE.match(lines[i - 1]))
        and not (kinds[i + 1] == "paragraph" and _UNNUMBERED_HEADING_RE.match(lines[i + 1]))
    ]
    if len(found) < 2:
        return
    for number, i in enumerate(found, start=1):
        kinds[i] = "part"
        kinds.parts[i] = (number, lines[i])
    kinds.first_part = 1


def _label_front(lines: list[str], kinds: _Kinds) -> None:
    """Label the lines before the first heading: address, contents, or a cut-off section."""
    first_heading = next((i for i, k in enumerate(kinds) if k in ("part", "section")), None)
    if first_heading is None:
        return
    front = range(first_heading)
    address = next((i for i in front if _ADDRESS_RE.match(lines[i])), None)
    if address is not None or (kinds.first_part == 1 and kinds[first_heading] == "part"):
        # 各位代表： and the paragraph after it are the address; a longer front (an
        # unnumbered review before 一、) stays body text.
        end = first_heading if address is None else min(first_heading, address + (2 if len(lines[address]) <= 10 else 1))
        for i in front:
            if i < end and kinds[i] != "contents":
                kinds[i] = "address"
        return
    if not front:
        return
    # The page starts inside the report: its first lines belong to the unit before the
    # first heading it has (section 5 when the first heading is （六）).
    if kinds[first_heading] == "section" and kinds.first_section > 1:
        for i in front:
            kinds[i] = "before-section"
    elif kinds[first_heading] == "part" and kinds.first_part > 1:
        for i in front:
            kinds[i] = "before-part"
    else:
        for i in front:
            kinds[i] = "address"


def _appendix_start(lines: list[str]) -> int:
    """Index of the first appendix line (附件, 名词解释, a list of 民生实事), or len(lines)."""
    last_address = max((i for i, line in enumerate(lines) if _ADDRESS_RE.match(line)), default=-1)
    for i in range(max(last_address, len(lines) // 2), len(lines)):
        if _APPENDIX_RE.match(lines[i]) or (i > last_address >= 0 and _APPENDIX_TITLE_RE.match(lines[i])):
            return i
    return len(lines)


def _closing_start(lines: list[str], appendix_at: int) -> int:
    """Index where the closing remarks start: the last 各位代表 after the last heading."""
    last_heading = max(
        (i for i in range(appendix_at) if _PART_RE.match(lines[i]) or _SECTION_RE.match(lines[i])), default=-1
    )
    for i in range(appendix_at - 1, last_heading, -1):
        if _ADDRESS_RE.match(lines[i]):
            # 各位代表！ alone on a line, or a short closing run: at most three blocks
            return i if appendix_at - i <= 3 else appendix_at
    return appendix_at


def unit_columns(by: Unit) -> list[str]:
    """The columns that identify a unit at level ``by``: ``[]``, ``["part"]``, … ."""
    levels = {"document": 0, "part": 1, "section": 2, "paragraph": 3}
    if by not in levels:
        raise OptionError("by", by, "one of 'document', 'part', 'section', 'paragraph'")
    return UNIT_COLUMNS[: levels[by]]


def units(report: Report | str, by: Unit = "paragraph") -> pd.DataFrame:
    """Split a report into units of analysis.

    Parameters
    ----------
    report : Report or str
        A report, or its text.
    by : {"document", "part", "section", "paragraph"}, default="paragraph"
        The unit. Address, closing remarks and appendices are units of their own at
        every level below ``document`` (their ``part`` is NA and ``kind`` says which).

    Returns
    -------
    pandas.DataFrame
        One row per unit, in order: the unit columns (none for ``document``; ``part``;
        ``part, section``; ``part, section, paragraph``), then ``title`` (the part or
        section title, or the paragraph's headline), ``kind``, ``start``, ``end``,
        ``text``. Units tile the text: each character other than the newlines between
        units lies in exactly one unit.

    Examples
    --------
    >>> units("一、工作回顾\\n过去一年成绩显著。", by="part")[["part", "title"]].values.tolist()
    [[1, '工作回顾']]
    """
    report = as_report(report)
    keys = unit_columns(by)
    if by == "document":
        return pd.DataFrame(
            [{"title": report.metadata.get("title") or "", "kind": "document", "start": 0, "end": len(report.text), "text": report.text}]
        )
    table = structure(report)
    group = table["kind"].where(table["kind"].isin(["address", "closing", "appendix", "contents"]), "body")
    if by == "paragraph":
        frame = table.assign(title=table["headline"])
        frame["kind"] = frame["kind"].replace({"part": "heading", "section": "heading"})
        return frame[[*keys, *UNITS_COLUMNS]].reset_index(drop=True)
    key_frame = table[keys].astype("string").fillna("<NA>").agg("|".join, axis=1) + "|" + group
    run = (key_frame != key_frame.shift()).cumsum()
    rows = []
    for _, block in table.groupby(run, sort=False):
        first = block.iloc[0]
        kind = group[block.index[0]]
        title = first["part_title"] if by == "part" else first["section_title"]
        start, end = int(block["start"].iloc[0]), int(block["end"].iloc[-1])
        rows.append({**{k: first[k] for k in keys}, "title": title if kind == "body" else "", "kind": kind if kind != "body" else by,
                     "start": start, "end": end, "text": report.text[start:end]})
    frame = pd.DataFrame(rows, columns=[*keys, *UNITS_COLUMNS])
    for column in keys:
        frame[column] = frame[column].astype("Int64")
    return frame


def sentences(report: Report | str, by: Unit = "paragraph") -> pd.DataFrame:
    """Split a report into sentences, each labelled with its unit.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: the unit columns of ``by``, ``sentence`` (1-based within
        the unit), ``start``, ``end`` (offsets into the clean text) and ``text``.

    Examples
    --------
    >>> sentences("推动绿色发展。加快转型！", by="document")["text"].tolist()
    ['推动绿色发展。', '加快转型！']
    """
    table = units(report, by=by)
    keys = unit_columns(by)
    rows = []
    for unit in table.itertuples(index=False):
        for number, (start, end) in enumerate(sentence_spans(unit.text), start=1):
            rows.append({**{k: getattr(unit, k) for k in keys}, "sentence": number, "start": unit.start + start,
                         "end": unit.start + end, "text": unit.text[start:end]})
    frame = pd.DataFrame(rows, columns=[*keys, "sentence", "start", "end", "text"])
    for column in keys:
        frame[column] = frame[column].astype("Int64")
    return frame
