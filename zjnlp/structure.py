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

import os
import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from functools import cache, partial
from importlib import resources
from typing import Literal, get_args

import pandas as pd

from zjnlp.chinese import ADDRESS_RE as _ADDRESS_RE
from zjnlp.chinese import ITEM_NUMBER, NUMBER_1_99, ORDINAL_IS, numeral_value, sentence_spans
from zjnlp.errors import PATH_GIVEN_AS_TEXT, InputError, OptionError
from zjnlp.read import Report, looks_like_path, read_report

__all__ = ["Unit", "UNIT_COLUMNS", "PartKind", "PART_KINDS", "structure", "units", "sentences", "unit_columns", "as_report", "part_kind", "part_kinds"]

Unit = Literal["document", "part", "section", "paragraph"]
UNIT_COLUMNS = ["part", "section", "paragraph"]
STRUCTURE_COLUMNS = [
    "part", "part_title", "part_kind", "part_kind_inferred", "section", "section_title", "paragraph", "headline",
    "role", "role_basis", "kind", "start", "end", "text",
]  # fmt: skip
# after the unit columns of ``by``; ``role`` by section and paragraph, ``role_basis`` by paragraph only
UNITS_COLUMNS = ["title", "part_kind", "part_kind_inferred", "role", "role_basis", "kind", "start", "end", "text"]
PartKind = Literal["review", "plan", "outlook", "government", "other"]
PART_KINDS = get_args(PartKind)

_PART_RE = re.compile(rf"^({NUMBER_1_99})[、．.]\s*(.*)$")
_SECTION_RE = re.compile(rf"^[（(]({NUMBER_1_99})[）)]\s*(.*)$")
_APPENDIX_RE = re.compile(r"^(附件|附录|附表|附[:：]|名词解释|注释|名词注释|词语解释)[0-9一二三四五六七八九十]*[:：]?\s*(.{0,30})$")
_APPENDIX_TITLE_RE = re.compile(r"^[^。！？]{0,30}(民生实事|为民办实事|民生项目|名词解释)[^。！？]{0,10}$")
_ENUMERATOR_RE = re.compile(rf"^({ORDINAL_IS}|{ITEM_NUMBER})")
_HEADLINE_MAX = 40
_HEADLINE_RE = re.compile(rf"^([^。！？；]{{2,{_HEADLINE_MAX}}}?)[。！？；]")


def as_report(source: Report | str | os.PathLike | bytes) -> Report:
    """The report every analysis takes: a :class:`Report`, a path, or the text itself.

    Parameters
    ----------
    source : Report, pathlib.Path, bytes or str
        A report from :func:`~zjnlp.read.read_report` (returned as it is), a
        :class:`pathlib.Path` or a file's bytes (read with it), or the text of a report (a ``str``, read
        with :meth:`Report.from_text`). A ``str`` is never taken for a path: one that
        looks like one raises instead of being analysed as a one-line report.

    Raises
    ------
    zjnlp.errors.InputError
        ``source`` is a ``str`` that looks like a file path (``"seeds/x.txt"``): read the
        file with ``read_report(path)`` or pass a :class:`pathlib.Path`.

    Examples
    --------
    >>> as_report("一、工作回顾\\n成绩显著。").text
    '一、工作回顾\\n成绩显著。'
    >>> as_report("report.txt")
    Traceback (most recent call last):
    ...
    zjnlp.errors.InputError: report.txt: looks like a file path, not report text, and there is no such file; ...
    """
    if isinstance(source, Report):
        return source
    if isinstance(source, (os.PathLike, bytes, bytearray)):
        return read_report(source)
    if isinstance(source, str) and looks_like_path(source):
        exists = ", and there is no such file" if not os.path.exists(source.strip()) else ""
        raise InputError(source.strip(), PATH_GIVEN_AS_TEXT.format(exists=exists, path=source.strip()))
    if not isinstance(source, str):
        raise OptionError("report", type(source).__name__, "a Report, a pathlib.Path, a file's bytes, or the report's text as a str")
    return read_report(text=source)


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
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).

    Returns
    -------
    pandas.DataFrame
        One row per block (a line, or a headline line joined with the body line after
        it), in order, with columns:

        - ``part``, ``section``, ``paragraph`` (nullable ``Int64``; NA when unknown or
          not applicable): paragraphs are numbered within their section (or part, or
          the document when there are no headings);
        - ``part_title``, ``section_title``, ``headline`` (str; ``""`` when absent);
        - ``part_kind`` (``review``, ``plan``, ``outlook``, ``government`` or ``other``;
          ``""`` outside parts) and ``part_kind_inferred`` (bool: read from the part's
          sentences because its heading is missing or names no kind);
        - ``role``: for a paragraph that belongs to its part but to none of its sections,
          ``intro`` (before the first section), ``interlude`` (a 各位代表 passage inside the
          part on a topic its section does not name, up to the next section) or ``wrap_up``
          (after the last section, from the first paragraph with a wrap-up cue); ``""``
          otherwise;
        - ``role_basis``: why the paragraph has its role (``before the first section``,
          ``opening 各位代表``, ``early 清醒认识到``, ``topic 国防``, ``after the wrap-up
          opens`` …), or ``uncertain: …`` for a paragraph kept in its section although it
          carries a cue (a 各位代表 paragraph on the section's topic, a topic cue in a
          paragraph laid out as one of the section's items); ``""`` otherwise;
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
            section, section_title = kinds.sections[index]
            paragraph = 0
        elif kind == "heading-tail":
            # the second line of a heading split over two lines
            rows[-1]["end"], rows[-1]["text"] = end, text[rows[-1]["start"] : end]
            continue
        elif kind == "before-section":
            # text before the first heading of a page that starts inside a section
            kind, section = "paragraph", kinds.first_section - 1
            part = None
        elif kind == "before-part":
            kind, part = "paragraph", kinds.first_part - 1
        elif kind == "appendix" and rows and rows[-1]["kind"] != "appendix":
            paragraph = 0  # appendices are numbered on their own, not on from the last part
        row = {
            "part": part if kind not in ("address", "closing", "appendix", "contents") else None,
            "part_title": part_title if kind not in ("address", "closing", "appendix", "contents") else "",
            "section": section if kind in ("section", "paragraph") else None,
            "section_title": section_title if kind in ("section", "paragraph") else "",
            "paragraph": None,
            "headline": "",
            "part_kind": "",
            "part_kind_inferred": False,
            "role": "",
            "role_basis": "",
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
            # the body follows unless the next line is an item of its own (a glossary's
            # 3.“四融一共”和美乡村：……。 then 4.……, 江西 2026)
            if _is_headline_only(line) and following == kind and not _ENUMERATOR_RE.match(lines[index + 1]):
                pending_headline = (start, line)
        rows.append(row)

    _label_part_rows(rows)
    table = pd.DataFrame(rows, columns=STRUCTURE_COLUMNS)
    for column in UNIT_COLUMNS:
        table[column] = table[column].astype("Int64")
    table["part_kind_inferred"] = table["part_kind_inferred"].astype(bool)
    return table


@cache
def _cues() -> dict:
    path = resources.files("zjnlp") / "data" / "parts.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _has(text: str, words: list[str]) -> bool:
    return any(word in text for word in words)


_YEAR_RE = re.compile(r"(?:19|20)\d\d年|[〇○零一二三四五六七八九]{4}年")


def part_kind(title: str) -> str | None:
    """The kind of part a heading's title announces, or None when it does not say.

    ``government`` (the government's own building), ``other`` (foreign affairs,
    reunification), ``plan`` (this year's requirements, targets and tasks), ``outlook`` (a
    multi-year plan), ``review`` (past work, when the title names no plan); the words are in
    ``zjnlp/data/parts.toml``.

    Examples
    --------
    >>> [part_kind(t) for t in ["2025年工作回顾", "“十五五”时期主要目标任务", "2026年重点工作", "全面加强政府自身建设"]]
    ['review', 'outlook', 'plan', 'government']
    """
    kind = _cues()["kind"]
    this_year = bool(_YEAR_RE.search(title)) or _has(title, kind["this_year"])
    plan, tasks, outlook = _has(title, kind["plan"]), _has(title, kind["plan_with_year"]), _has(title, kind["outlook"])
    if _has(title, kind["government"]) or title.rstrip("。").endswith(tuple(kind["government_ending"])):
        return "government"
    if _has(title, kind["other"]):
        return "other"
    goals = outlook and _has(title, kind["outlook_goals"]) and not _has(title, kind["review_status"])
    if _has(title, kind["review"]) and not plan and not goals:
        return "review"
    if (this_year and (plan or tasks)) or _has(title, kind["first_year"]):
        return "plan"
    if outlook:
        return "outlook"
    if plan:
        return "plan"
    return None


def _content_kind(text: str) -> str:
    """``review``, ``plan`` or ``outlook`` by a part's sentences: results against commitments,
    and, for commitments, whether a multi-year period is named more often than this year and
    in a share of the sentences (``outlook_share`` in ``zjnlp/data/parts.toml``)."""
    content, kind = _cues()["content"], _cues()["kind"]
    sentences = [sentence for sentence in re.split(r"[。！？；]", text) if sentence.strip()]
    past = sum(_has(sentence, content["past"]) for sentence in sentences)
    future = sum(_has(sentence, content["future"]) for sentence in sentences)
    if not past and not future:
        return "other"
    if past >= content["review_ratio"] * future:
        return "review"
    years = sum(_has(sentence, kind["outlook"]) for sentence in sentences)
    this_year = sum(_has(sentence, kind["this_year"]) for sentence in sentences)
    return "outlook" if years > this_year and years >= content["outlook_share"] * len(sentences) else "plan"


_ADDRESS_OPENING_RE = re.compile(r"^各位代表[！!，,：:]?")
_HAN_PAIR_RE = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_HEADLINE_LINE_RE = re.compile(r"[^。！？；，,]{2,20}[。：:]")


def _pairs(text: str) -> set[str]:
    return set(_HAN_PAIR_RE.findall(text))


def _common_pairs(texts: list[str]) -> set[str]:
    """Character pairs too common in a report to mark a topic (发展, 建设, the place's name)."""
    share = _cues()["continuity"]["common_share"]
    counts = Counter(pair for text in texts for pair in _pairs(text))
    return {pair for pair, count in counts.items() if count > share * len(texts)}


def _continues(text: str, title: str, common: set[str]) -> bool:
    """Whether a paragraph speaks of its section's topic: a pair of characters of the
    section's title, neither of them a function character (的, 和 …)."""
    function = _cues()["continuity"]["function_characters"]
    words = {pair for pair in _pairs(title) - common if not set(pair) & set(function)}
    return bool(words & _pairs(text))


def _first_sentence(text: str) -> str:
    return re.split(r"[。！？；]", text, maxsplit=1)[0]


def _wrap_up_cue(text: str, section_title: str, part_title: str = "") -> str | None:
    """The cue that makes a paragraph after a part's last section open its wrap-up, if any:
    ``opening ……`` (the paragraph opens with 各位代表, 这些成绩 …, unless the part's title
    names the cue's subject, as a part explaining the 纲要 does), ``summing ……`` (上述三项:
    it counts what came before), ``early ……`` (清醒认识到,
    来之不易 … in its first sentence, at most ``early_reach`` characters) or ``topic ……``
    (国防, 民族团结, 港澳 … when the last section's title does not name it) or ``roundup ……``
    (``roundup`` of those topics anywhere in it)."""
    cues = _cues()["wrap_up"]
    opening = next((word for word in cues["openings"] if text.startswith(word) and word.strip("《") not in part_title), None)
    if opening:
        return f"opening {opening}"
    summing = re.match(rf"({'|'.join(cues['summing'])})[一二三四五六七八九十两几]+(项|个|条|点|方面)", text)
    if summing:
        return f"summing {summing.group(0)}"
    head = _first_sentence(text)[: cues["early_reach"]]
    early = next((word for word in cues["early"] if word in head), None)
    if early:
        return f"early {early}"
    government = "政府" in section_title
    topic = next((t for t in cues["topics"] if t in text[:20] and t.rstrip("、") not in section_title), None) or \
        next((t for t in cues["government_topics"] if t in head and not government), None)
    if topic:
        return f"topic {topic.rstrip('、')}"
    named = {t.rstrip("、") for t in cues["topics"] if t in text and t.rstrip("、") not in section_title}
    return f"roundup {'、'.join(sorted(named))}" if len(named) >= cues["roundup"] else None


def _in_section_layout(rows: list[dict], i: int, earlier: list[int], following: int | None, cue_of) -> bool:
    """Whether a paragraph is laid out as one of its section's items: the body of a headline
    line just before it, or a headline paragraph among items that mostly have headlines, or
    one followed by a headline item without a wrap-up cue (national 2004: 继续做好民族、宗教、
    侨务工作。 then 加强政府立法工作。 under 加强民主法制建设，维护国家安全和社会稳定)."""
    if rows[i - 1]["kind"] == "paragraph" and _HEADLINE_LINE_RE.fullmatch(rows[i - 1]["text"]):
        return True
    if not _item_headline(rows[i]["headline"]):
        return False
    with_headline = [j for j in earlier if _item_headline(rows[j]["headline"])]
    if len(with_headline) * 2 > len(earlier) > 0:
        return True
    return following is not None and _item_headline(rows[following]["headline"]) and cue_of(rows[following]["text"]) is None


def _item_headline(headline: str) -> bool:
    """A headline that names an item in one phrase (推动文化事业繁荣发展和民族团结), not a first
    sentence of two clauses (提请全国人大常委会审议法律议案10件，制定修订行政法规15部)."""
    return bool(headline) and "，" not in headline


def _label_part_rows(rows: list[dict]) -> None:
    """Give every body row its part's kind; take the part's own paragraphs out of its sections.

    A part's rows are the run of body rows with the same part. Its kind comes from its
    heading, or, without one, from its sentences (``part_kind_inferred``). Its own paragraphs
    (``section`` NA, numbered on through the part, ``role_basis`` saying why) are:

    - ``intro``: the paragraphs before its first section;
    - ``interlude``: under a part heading, a 各位代表 paragraph inside a section that does
      not speak of the section's topic (no pair of characters of its title, leaving out pairs common in the
      report), and the paragraphs after it up to the next section;
    - ``wrap_up``: after the last section, the first paragraph with a wrap-up cue (see
      :func:`_wrap_up_cue` and ``zjnlp/data/parts.toml``) and every paragraph after it. A
      各位代表 paragraph that speaks of the last section's topic, and a topic cue in a
      paragraph laid out as one of the section's items, stay in the section with
      ``role_basis`` ``uncertain: …``.
    """
    body = [i for i, row in enumerate(rows) if row["kind"] in ("part", "section", "paragraph")]
    common = _common_pairs([rows[i]["text"] for i in body if rows[i]["kind"] == "paragraph"])
    runs: list[list[int]] = []
    for i in body:
        if runs and runs[-1][-1] == i - 1 and rows[runs[-1][-1]]["part"] == rows[i]["part"] and rows[i]["kind"] != "part":
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        heading = next((rows[i] for i in run if rows[i]["kind"] == "part"), None)
        kind = part_kind(heading["part_title"]) if heading is not None else None
        inferred = kind is None
        if inferred:
            kind = _content_kind("".join(rows[i]["text"] for i in run))
        for i in run:
            rows[i]["part_kind"], rows[i]["part_kind_inferred"] = kind, inferred
        sections = [i for i in run if rows[i]["kind"] == "section"]
        if sections:
            _label_part_level(rows, run, sections, common, interludes=heading is not None)


def _label_part_level(rows: list[dict], run: list[int], sections: list[int], common: set[str], *, interludes: bool) -> None:
    """Roles of one part's paragraphs (see :func:`_label_part_rows`); ``interludes`` only under
    a part heading (sections at the top of a report, as in 1981 and 1985, have no part to
    turn to)."""
    roles: dict[int, tuple[str, str]] = {}
    for i in run:
        if rows[i]["kind"] == "paragraph" and i < sections[0] and rows[i]["section"] is None:
            roles[i] = ("intro", "before the first section")
    # Topics the part's title names and none of its sections does (national 2005: 四、大力推进
    # 经济体制改革和对外开放, whose sections are all on the reform): a paragraph after the
    # last section that turns to one of them belongs to the part.
    part_title = rows[sections[0]]["part_title"]
    unannounced = [
        phrase for phrase in re.split(r"[，、和与及]", part_title)
        if len(phrase) >= 4 and not any(phrase in rows[j]["section_title"] for j in sections)
    ] if interludes else []
    bounds = [*sections, run[-1] + 1]
    for first, stop in zip(sections, bounds[1:]):
        items = [i for i in run if first < i < stop and rows[i]["kind"] == "paragraph"]
        title, last = rows[first]["section_title"], first == sections[-1]
        opened = None
        for i in items:
            text = rows[i]["text"]
            if opened is not None:
                roles[i] = (opened, f"after the {opened.replace('_', '-')} opens")
                continue
            rest = _ADDRESS_OPENING_RE.sub("", text)
            if rest != text and not last and interludes:
                # 各位代表 between sections: the close of the section when it goes on with the
                # section's topic, else the part's own words; 各位代表 alone on its line is
                # judged by the paragraph after it
                after = items[items.index(i) + 1] if rest.strip() == "" and i != items[-1] else None
                rest = rows[after]["text"] if after is not None else rest
                if (inner := _wrap_up_cue(rest, title, part_title)) is None and _continues(rest, title, common):
                    roles[i] = ("", "uncertain: 各位代表 on the section's topic")
                else:
                    basis = f"各位代表, {inner}" if inner else "各位代表 on a topic the section does not name"
                    opened, roles[i] = "interlude", ("interlude", basis)
            elif last and (cue := _wrap_up_cue(text, title, part_title) or next(
                (f"topic {phrase} of the part's title" for phrase in unannounced if phrase in _first_sentence(text) and part_title not in text), None
            )):
                following = next((j for j in items if j > i), None)
                if cue.startswith(("topic", "roundup")) and _in_section_layout(
                    rows, i, [j for j in items if j < i], following, partial(_wrap_up_cue, section_title=title, part_title=part_title)
                ):
                    roles[i] = ("", f"uncertain: {cue} laid out as one of the section's items")
                else:
                    opened, roles[i] = "wrap_up", ("wrap_up", cue)
    number = 0
    for i in run:
        role, basis = roles.get(i, ("", ""))
        rows[i]["role_basis"] = basis
        if not role:
            continue
        rows[i].update(section=None, section_title="", role=role)
        if rows[i]["paragraph"] is not None:
            number += 1
            rows[i]["paragraph"] = number


class _Kinds(list):
    """The kind of every line; the number and title of each part and section heading (by line);
    the numbers of the first part and section headings."""

    def __init__(self, kinds: list[str]) -> None:
        super().__init__(kinds)
        self.parts: dict[int, tuple[int, str]] = {}
        self.sections: dict[int, tuple[int, str]] = {}
        self.first_part = 0
        self.first_section = 0


def _classify(lines: list[str]) -> _Kinds:
    kinds = _Kinds(["paragraph"] * len(lines))
    appendix_at = _appendix_start(lines)
    closing_at = _closing_start(lines, appendix_at)

    _label_contents(lines, kinds)
    _label_parts(lines[:closing_at], kinds)
    if kinds.parts:
        _named_parts(lines[:closing_at], kinds)
    seen_heading = False
    for i, line in enumerate(lines[:closing_at]):
        if kinds[i] == "part":
            seen_heading = True
        elif kinds[i] == "paragraph" and line in ("（", "(") and i + 1 < closing_at and _SECTION_RE.match(line + lines[i + 1]):
            # a section number broken after its opening bracket: （ / 三）……
            number, rest = _SECTION_RE.match(line + lines[i + 1]).groups()
            kinds[i], kinds[i + 1] = "section", "heading-tail"
            kinds.sections[i] = (int(numeral_value(number)), _title(rest))
            seen_heading = True
        elif kinds[i] == "paragraph" and _SECTION_RE.match(line):
            number, rest = _SECTION_RE.match(line).groups()
            if not seen_heading:
                kinds.first_section = int(numeral_value(number))
            kinds[i] = "section"
            kinds.sections[i] = (int(numeral_value(number)), _title(rest))
            seen_heading = True
    if not kinds.parts:
        _unnumbered_parts(lines[:closing_at], kinds)
    _label_point_sections(lines[:closing_at], kinds)
    _join_split_headings(lines[:closing_at], kinds)
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


_POINT_HEADING_RE = re.compile(rf"^({NUMBER_1_99})是([^。！？；：:]{{2,40}})。?$")


def _label_point_sections(lines: list[str], kinds: _Kinds) -> None:
    """Standalone lines 一是…… 二是…… as the sections of a part that has no （一） headings.

    Only short heading lines count, numbered 一, 二, … in order, at least two of them, each
    followed by its body; 一是 inside a paragraph stays text.
    """
    starts = sorted(kinds.parts)
    for first, stop in zip(starts, [*starts[1:], len(lines)]):
        block = range(first + 1, stop)
        if any(kinds[i] == "section" for i in block):
            continue
        points = [i for i in block if kinds[i] == "paragraph" and _POINT_HEADING_RE.match(lines[i])]
        numbers = [int(numeral_value(_POINT_HEADING_RE.match(lines[i]).group(1))) for i in points]
        if len(points) < 2 or numbers != list(range(1, len(points) + 1)):
            continue
        if any(i + 1 >= stop or kinds[i + 1] != "paragraph" or i + 1 in points for i in points):
            continue
        for i, number in zip(points, numbers):
            kinds[i] = "section"
            kinds.sections[i] = (number, _POINT_HEADING_RE.match(lines[i]).group(2).strip())


_TAIL_RE = re.compile(r"^[^。！？；：:!?;]{1,25}$")


def _join_split_headings(lines: list[str], kinds: _Kinds) -> None:
    """A part or section heading broken over two lines: the short unpunctuated line after a
    heading line that ends without punctuation is the rest of its title."""
    for i in range(len(lines) - 2):
        heading = kinds.parts if kinds[i] == "part" else kinds.sections if kinds[i] == "section" else None
        tail = lines[i + 1]
        if (
            heading is None
            or re.search(r"[。！？；：:!?;）)”]$", lines[i])
            or re.search(r"[。！？；]", lines[i])
            or kinds[i + 1] != "paragraph"
            or not _TAIL_RE.match(tail)
            or _ENUMERATOR_RE.match(tail)
            or _ADDRESS_RE.match(tail)
            or _PART_RE.match(tail)
            or _SECTION_RE.match(tail)
        ):
            continue
        number, title = heading[i]
        heading[i] = (number, title.rstrip("，、,") + tail.strip())
        kinds[i + 1] = "heading-tail"


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


def _named_parts(lines: list[str], kinds: _Kinds) -> None:
    """Unnumbered headings that name a part kind above or among numbered parts.

    Some reports put a level above 一、二、…: “十四五”时期发展成就和2025年工作回顾, then
    “十五五”时期主要目标和2026年重点工作 with the numbered parts under it. Such a line (short,
    without punctuation, naming a review, plan, outlook or the government's building,
    followed by a sentence) starts a part whose number is unknown.
    """
    for i in range(1, len(lines) - 1):
        line, following = lines[i], lines[i + 1]
        if (
            kinds[i] == "paragraph"
            and kinds[i + 1] == "paragraph"
            and _UNNUMBERED_HEADING_RE.match(line)
            and not _ENUMERATOR_RE.match(line)
            and not _SECTION_RE.match(line)
            and not _PART_RE.match(line)
            and not _ADDRESS_RE.match(line)
            and re.search(r"[。！？；：:!?]$", lines[i - 1])
            and len(following) > 20
            and re.search(r"[。！？；]", following)
            and part_kind(line) is not None
        ):
            kinds[i] = "part"
            kinds.parts[i] = (None, line)


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


PartKinds = str | Iterable[str] | None


def part_kinds(part_kind: PartKinds) -> frozenset[str] | None:
    """Check a ``part_kind=`` option: None, one kind, or several; the set of kinds kept."""
    if part_kind is None:
        return None
    kinds = frozenset([part_kind] if isinstance(part_kind, str) else part_kind)
    if not kinds or not kinds <= set(PART_KINDS):
        raise OptionError("part_kind", part_kind, "None or one or more of " + ", ".join(map(repr, PART_KINDS)))
    return kinds


def units(
    report: Report | str,
    by: Unit = "paragraph",
    *,
    appendices: bool = True,
    part_kind: PartKinds = None,
) -> pd.DataFrame:
    """Split a report into units of analysis.

    Parameters
    ----------
    report : Report, pathlib.Path or str
        A report from :func:`~zjnlp.read.read_report`, a path to read, or the report's
        text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks like a path
        raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="paragraph"
        The unit. Address, closing remarks and appendices are units of their own at
        every level below ``document`` (their ``part`` is NA and ``kind`` says which).
    appendices : bool, default=True
        Keep the appendices (名词解释, lists of 民生实事). With False they are left out at
        every level, and the document is the text before them. The analyses
        (themes, keywords, targets …) pass False unless asked.
    part_kind : str or iterable of str, optional
        Keep only the units inside parts of these kinds (``review``, ``plan``,
        ``outlook``, ``government``, ``other``); the address, closing and appendices go.

    Returns
    -------
    pandas.DataFrame
        One row per unit, in order: the unit columns (none for ``document``; ``part``;
        ``part, section``; ``part, section, paragraph``), then ``title`` (the part or
        section title, or the paragraph's headline), ``part_kind`` and
        ``part_kind_inferred`` (below ``document``: the kind of the part the unit is in,
        "" outside parts, and whether it was inferred from the part's sentences because
        its heading is missing or names no kind), ``role`` (by section and paragraph:
        ``intro``, ``interlude`` or ``wrap_up`` for a part's own paragraphs before its first
        section, between sections and after its last section, "" otherwise), ``role_basis``
        (by paragraph: why, or ``uncertain: …``; see :func:`structure`), ``kind``, ``start``, ``end``, ``text``. Units
        tile the text: each character other than the newlines between units lies in
        exactly one unit. By document with text left out, one row per stretch of text
        kept (one row unless the parts kept are not adjacent).

    Raises
    ------
    zjnlp.errors.OptionError
        ``by`` or ``part_kind`` is not valid.

    Examples
    --------
    >>> units("一、工作回顾\\n过去一年成绩显著。", by="part")[["part", "title", "part_kind"]].values.tolist()
    [[1, '工作回顾', 'review']]
    """
    report = as_report(report)
    keys = unit_columns(by)
    kinds = part_kinds(part_kind)
    selecting = not appendices or kinds is not None
    if by == "document" and not selecting:
        return pd.DataFrame(
            [{"title": report.metadata.get("title") or "", "kind": "document", "start": 0, "end": len(report.text), "text": report.text}]
        )
    table = structure(report)
    keep = pd.Series(True, index=table.index)
    if not appendices:
        keep &= table["kind"] != "appendix"
    if kinds is not None:
        keep &= table["part_kind"].isin(kinds)
    if by == "document":
        run = (keep != keep.shift()).cumsum()[keep]
        rows = []
        for _, block in table[keep].groupby(run, sort=False):
            start, end = int(block["start"].iloc[0]), int(block["end"].iloc[-1])
            rows.append({"title": report.metadata.get("title") or "", "kind": "document", "start": start, "end": end,
                         "text": report.text[start:end]})
        return pd.DataFrame(rows, columns=["title", "kind", "start", "end", "text"])
    columns = [*keys, *(c for c in UNITS_COLUMNS
                         if (c != "role" or by in ("section", "paragraph")) and (c != "role_basis" or by == "paragraph"))]
    group = table["kind"].where(table["kind"].isin(["address", "closing", "appendix", "contents"]), "body")
    if by == "paragraph":
        frame = table.assign(title=table["headline"])
        frame["kind"] = frame["kind"].replace({"part": "heading", "section": "heading"})
        return frame.loc[keep, columns].reset_index(drop=True)
    key_frame = table[keys].astype("string").fillna("<NA>").agg("|".join, axis=1) + "|" + group + "|" + table["part_title"]
    if by == "section":
        key_frame += "|" + table["role"]
    run = (key_frame != key_frame.shift()).cumsum()
    rows = []
    for _, block in table[keep].groupby(run[keep], sort=False):
        first = block.iloc[0]
        kind = group[block.index[0]]
        title = first["part_title"] if by == "part" else first["section_title"]
        start, end = int(block["start"].iloc[0]), int(block["end"].iloc[-1])
        rows.append({**{k: first[k] for k in keys}, "title": title if kind == "body" else "",
                     "part_kind": first["part_kind"], "part_kind_inferred": first["part_kind_inferred"],
                     "role": first["role"] if by == "section" and first["kind"] != "part" else "",
                     "kind": kind if kind != "body" else by, "start": start, "end": end, "text": report.text[start:end]})
    frame = pd.DataFrame(rows, columns=columns)
    for column in keys:
        frame[column] = frame[column].astype("Int64")
    return frame.astype({"part_kind_inferred": bool})


def sentences(
    report: Report | str, by: Unit = "paragraph", *, appendices: bool = True, part_kind: PartKinds = None
) -> pd.DataFrame:
    """Split a report into sentences, each labelled with its unit.

    ``appendices`` and ``part_kind`` choose the text as for :func:`units`.

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
    table = units(report, by=by, appendices=appendices, part_kind=part_kind)
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
