"""Quantitative targets: every number a report states, as a table.

A work report commits to numbers: 新增公办幼儿园学位5100个, 建设1.4万亩生态公益林,
国内生产总值增长5%左右. :func:`targets` finds each quantity, resolves its numerals
(Arabic, Chinese, full-width, decimals, thousands separators, 万/亿 multipliers, ranges,
分别 lists), names what it measures, and says whether the report commits to it or
reviews it.

Rules, in the order they apply:

- **Quantities** are numbers with a unit from ``zjnlp/data/targets.toml`` (个, 家, 亩, 元,
  %, 个百分点, 倍, 人次, 批次 …), numbers with a multiplier ("1.2亿"), and bare numbers
  measuring a rate ("水质优良率达100", "增长5.5"): those get unit ``%`` and the flag
  ``percent_sign_missing``. A bare number in a list takes the unit (and multiplier) of
  the item after it ("1409万、1305万人次", "3000—5000万元").
- **Not quantities**: numbers in quotes or book titles (“5080”, “十百千”, 《“十四五”规划》),
  ordinals (第二轮), years and dates (2023年, 2月9日), grades (千亿级, 10万吨级), ranks
  (前10名), names with Latin letters (5G, PM2.5), durations and ages without a word that
  sets them (五年来, 3年内, 65岁及以上; but 人均预期寿命提高到79岁), idioms (千家万户).
  A Chinese numeral of one character, or of multipliers only (三个, 百家, 千万), counts
  only right after a verb that sets an amount (新增, 建设, 打造, 突破 …), so counted
  formulas (三个务必, 两个确立, 八项规定, 五大行动, 十个方面) and articles (一个, 一批)
  are left out; 一 itself counts only as 一倍, 翻一番.
- **kind**: a heading naming a review and no plan ("一、2025年工作回顾", "“十四五”时期
  工作回顾") starts a part whose quantities are ``"achieved"``; a numbered heading or one
  naming a plan ends it. Outside review parts a sentence with a past cue (过去一年,
  一年来, 增长了 …, or 去年 opening it) and no plan cue (今年, 预期目标, 力争, 拟 …) is
  ``"achieved"``. The level a change starts from is a ``"baseline"`` (25 in
  "由25元提高到30元"). Everything else is a ``"target"``: the default table lists only
  those, ``include="all"`` lists every quantity with its kind.
"""

from __future__ import annotations

import math
import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import pandas as pd

from zjnlp.chinese import (
    CLAUSE_END,
    DIGITS,
    HAN,
    ITEM_NUMBER,
    NUMERAL_CHARACTERS,
    numeral_value,
    sentence_spans,
)
from zjnlp.errors import OptionError, check_choice, check_whole_number
from zjnlp.structure import UNIT_COLUMNS, as_report, units

if TYPE_CHECKING:
    from zjnlp.read import Report

__all__ = ["COLUMNS", "extract_targets", "targets"]

Include = Literal["targets", "all"]

COLUMNS = [
    "part", "section", "paragraph", "indicator", "value", "upper", "unit", "qualifier",
    "kind", "text", "sentence", "start", "end", "flags",
]  # fmt: skip

# Full-width digits and signs to ASCII, one character for one, so offsets survive.
_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_PERCENT_PREFIX = {"百分之": "%", "千分之": "‰"}

_QUOTE_RE = re.compile(
    r"“[^“”\n]{0,40}”|\"[^\"\n]{1,30}\"|‘[^‘’\n]{0,40}’|「[^「」\n]{0,40}」|《[^《》\n]{0,60}》"
)
_HEADING_RE = re.compile(
    r"^[ \t\u3000]*(?P<number>[一二三四五六七八九十]{1,3}[、.．])?(?P<title>[^（(\n。；！？][^\n。；！？]{1,59})。?$",
    re.M,
)
# A time or comparison base leading an indicator: 到2025年, 比一九八○年, 五年内, 今后.
_TIME_RE = re.compile(
    r"(?:(?:到|至|在|于|比|较|从|由|截至)?(?:(?:19|20)\d\d|[一二三四五六七八九〇○零]{4})年(?:底|末|初|前|内|以前|度)?"
    r"|[一二三四五六七八九十两\d]{1,2}年(?:内|来|中|间|里)|今明两年|今后|未来|到本世纪末|本世纪末)"
)
_PER_RE = re.compile(
    r"(?:每[十百千万亿\d]*(?:人口|人|户|平方公里|名|家|个|月|年|天|亩|吨|公里|平方米))+$"
)
_TIME_END_RE = re.compile(r"(?:到|至|在|于)?(?:19|20)\d\d年(?:底|末)?$")
_LIST_NUMBER_RE = re.compile(rf"^{ITEM_NUMBER}")
# The level a change starts from: 由25元提高到30元, 从2020年的3.68万亿元增长到…
_BASE_BEFORE_RE = re.compile(r"(?:由|从)(?:[^，。；、]{0,12}的)?$")
_BASE_AFTER_RE = re.compile(
    r"(?:提高|增加|增长|提升|扩大|上升|上调|降低|下降|减少|压缩|缩短|缩小|下调|调整|降|增|升|扩)?(?:到|至|为)"
)
_COMMA_RE = re.compile(r"[，,]")
_CLAUSE_STOPS = "，,：:；;。！？!?\n"
_SEGMENT_STOPS = _CLAUSE_STOPS + "、"
_BARE_END_RE = re.compile(
    r"(?:$|[\s，。；、,;！？!?）)\]】”\"’和及与或至到的—\-－–~～]|[：:](?!\d)|以上|以内|以下|左右)"
)
_RANGE_RE = re.compile(r"(?:—{1,2}|-|－|–|~|～|至|到)")
_LIST_RE = re.compile(r"(?:、|和|及|与|或)")
_PAREN_RE = re.compile(r"^（[^（）]*）")
_NOUN_AFTER_RE = re.compile(
    r"(?:(?!百分之|千分之)[^，,：:；;。！？!?\n、（(“”\"0-9]|（[^（）\n]{0,12}）){1,30}"
)


@dataclass(frozen=True)
class _Lexicon:
    """The compiled word lists of ``zjnlp/data/targets.toml``."""

    mention: re.Pattern
    multipliers: dict[str, float]
    unit_kind: dict[str, str]
    unit_aliases: dict[str, str]
    time_before_re: re.Pattern  # a word that makes a duration or an age a quantity
    amount_verb_re: re.Pattern  # a verb a one-character Chinese numeral must follow
    leading_re: re.Pattern
    trailing_re: re.Pattern
    after_stop_re: re.Pattern
    rate_re: re.Pattern
    growth_re: re.Pattern  # a bare number after these is a percentage too: 增长5.5
    formula_re: re.Pattern
    grade_re: re.Pattern
    blocked_re: re.Pattern  # quotes, book titles and idioms
    review_re: re.Pattern
    plan_heading_re: re.Pattern
    past_re: re.Pattern
    plan_re: re.Pattern
    qualifiers: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _lexicon() -> _Lexicon:
    path = resources.files("zjnlp") / "data" / "targets.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unit_kind = {unit: kind for kind, units in data["units"].items() for unit in units}
    guards = data["unit_guards"]
    units = "|".join(
        re.escape(u) + (f"(?![{guards[u]}])" if u in guards else "")
        for u in sorted(unit_kind, key=len, reverse=True)
    )
    multipliers = {word: float(value) for word, value in data["multipliers"].items()}
    # 千 and 百 before 千瓦, 千米, 百分点 … belong to the unit, not to the number.
    guard = {"千": "(?![瓦米克伏])", "百": "(?!分)"}
    mult = "|".join(
        re.escape(w) + guard.get(w, "") for w in sorted(multipliers, key=len, reverse=True)
    )
    qualifiers, indicator, exclude, kind = (
        data[k] for k in ("qualifiers", "indicator", "exclude", "kind")
    )
    leading = _alternation(indicator["leading"])
    digits = "".join(DIGITS)
    per = _alternation(data["denominators"]["units"])
    mention = re.compile(
        r"(?P<pct>百分之|千分之)?"
        # thousands may be separated by "," or, in older texts, "，": 3，500万吨
        rf"(?:(?:(?<=[{HAN}：:（(])(?P<sign>[-−－]))?"
        r"(?<![0-9.A-Za-z_/])(?!0\d)(?P<ar>\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?P<approx1>多|余)?(?P<mult>{mult})?"
        # a Chinese numeral only as a percentage or before a unit: 百分之八, 三万亩
        rf"|(?P<cn>[{NUMERAL_CHARACTERS}]+(?:点[{digits}]+)?)(?(pct)|(?=[多余]?(?:{units}))))"
        rf"(?P<approx>多|余)?(?P<unit>(?:{units})(?:/(?:{per}))?)?(?P<after>{_alternation(qualifiers['after'])})?"
    )
    return _Lexicon(
        mention=mention,
        multipliers=multipliers,
        unit_kind=unit_kind,
        unit_aliases=data["unit_aliases"],
        time_before_re=re.compile(rf"(?:{_alternation(data['time_qualifiers']['before'])})$"),
        amount_verb_re=re.compile(rf"(?:{_alternation(qualifiers['counting_verbs'])})了?$"),
        # a leading verb is stripped only where a word ends (not 保障 in 保障性租赁住房), and
        # a conjunction only before one (和 in 和改造提升农村公路, not in 和美乡村)
        leading_re=re.compile(
            rf"(?:(?:和|及|以及|并|或)(?=(?:{leading}))|(?:{leading})(?![{indicator['bound_suffixes']}]))"
        ),
        trailing_re=re.compile(rf"(?:{_alternation(indicator['trailing'])})$"),
        after_stop_re=re.compile(_alternation(indicator["after_stop"] + qualifiers["before"])),
        rate_re=re.compile(_alternation(indicator["rate_words"])),
        growth_re=re.compile(_alternation(indicator["growth_words"])),
        formula_re=re.compile(_alternation(exclude["formula_nouns"])),
        grade_re=re.compile(_alternation(exclude["grades"])),
        blocked_re=re.compile(rf"{_QUOTE_RE.pattern}|{_alternation(exclude['idioms'])}"),
        review_re=re.compile(_alternation(kind["review_headings"])),
        plan_heading_re=re.compile(_alternation(kind["plan_headings"])),
        past_re=re.compile(
            rf"(?<![比较同与])(?:{_alternation(kind['past'])})|^(?:{_alternation(kind['past_openings'])})"
        ),
        plan_re=re.compile(_alternation(kind["plan"])),
        qualifiers=frozenset(qualifiers["before"] + qualifiers["after"]),
    )


@dataclass
class _Mention:
    start: int  # of the span, with a 每千人 prefix
    end: int
    value: float
    unit: str
    factor: float  # the multiplier written after an Arabic number (万 → 1e4), else 1
    after: list[str]
    per: str = ""
    upper: float = float("nan")
    flags: tuple[str, ...] = ()


def _scan_back(s: str, stop: int, floor: int, stops: str) -> int:
    """Start of the stretch of ``s`` ending at ``stop``: after the last of ``stops`` outside brackets."""
    depth = 0
    for i in range(stop - 1, floor - 1, -1):
        char = s[i]
        if char in "）)":
            depth += 1
        elif char in "（(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and char in stops:
            return i + 1
    return floor


def _mention(m: re.Match, s: str, floor: int, lex: _Lexicon) -> _Mention | None:
    """The quantity a match of ``lex.mention`` reads as, or None when it is not one."""
    start, end = m.start(), m.end()
    unit = m.group("unit") or ""
    unit = lex.unit_aliases.get(unit, unit)
    before = s[max(floor, start - 8) : start]
    following = s[end : end + 3]
    if before.endswith(("第", "每")) or (before.endswith("前") and unit in ("", "名", "位")):
        return None  # 第二轮, 每10万人口, 前10名
    if lex.grade_re.match(following):
        return None  # 千亿级, 10万吨级, 14个方面
    factor = 1.0
    if m.group("ar"):
        value = float(re.sub("[,，]", "", m.group("ar"))) * (-1 if m.group("sign") else 1)
        if m.group("mult"):
            factor = lex.multipliers[m.group("mult")]
        if not unit and not m.group("mult") and not m.group("pct"):
            if following[:1].isascii() and following[:1].isalpha():
                return None  # 5G, 3A
            if not _BARE_END_RE.match(s, end - len(m.group("after") or "")):
                return None  # 2月, 12345热线
    else:
        numeral = m.group("cn")
        value = numeral_value(numeral)
        if before.endswith(("数", "几", "若干")):
            return None  # 数百家
        if numeral == "一" and lex.unit_kind.get(unit) not in ("ratio", "percent"):
            return None  # 一个, 一家: an article, not a count
        if len(numeral) > 1 and not any(c in "十百千万亿点" for c in numeral):
            return None  # 一九八二: digit by digit, a year or a name
        weak = len(numeral) == 1 or all(c in "十百千万亿" for c in numeral)
        if weak and not m.group("pct") and not lex.amount_verb_re.search(before):
            return None  # 三个务必, 八项规定, 千万家庭
        if following[:1] and following[0] in NUMERAL_CHARACTERS:
            return None  # 千家万户, 一户一策, 五个一
        if lex.formula_re.match(s, end):
            return None  # 三个务必
    if m.group("pct"):
        unit = _PERCENT_PREFIX[m.group("pct")]
    if lex.unit_kind.get(unit) == "needs_multiplier" and factor * value < 1e4:
        return None  # 360度
    if lex.unit_kind.get(unit) == "time":
        if unit == "年" and value >= 1000:
            return None  # 2023年
        if not (lex.time_before_re.search(before) or m.group("after") in ("以内", "之内")):
            return None  # 五年来, 3年内, 65岁及以上
    mention = _Mention(
        start=start,
        end=end,
        value=value * factor,
        unit=unit,
        factor=factor,
        after=[w for w in (m.group("approx1"), m.group("approx"), m.group("after")) if w],
    )
    per = _PER_RE.search(s[max(floor, start - 12) : start])
    if per:
        mention.per = per.group()
        mention.start = start - len(mention.per)
    return mention


def _link(s: str, mentions: list[_Mention]) -> list[_Mention]:
    """Merge ranges (5%—6%) and give a bare list item the unit of the item after it."""
    out: list[_Mention] = []
    for m in reversed(mentions):
        nxt = out[-1] if out else None
        gap = s[m.end : nxt.start] if nxt and nxt.start >= m.end else None
        if gap is not None and (not m.unit or m.unit == nxt.unit) and _RANGE_RE.fullmatch(gap):
            if not m.unit and m.factor == 1:
                m.value *= nxt.factor  # 3000—5000万元
            nxt.value, nxt.upper = m.value, nxt.value
            nxt.start = m.start
            nxt.after = m.after + nxt.after
            nxt.flags += ("range",)
            continue
        if gap is not None and not m.unit and nxt.unit and _LIST_RE.fullmatch(gap):
            if m.factor == 1:
                m.value *= nxt.factor  # 1.5、2万元
            m.unit = nxt.unit
            m.flags += ("unit_from_list",)
        out.append(m)
    out.reverse()
    return out


def _strip(phrase: str, lex: _Lexicon) -> tuple[str, list[str], list[str]]:
    """An indicator from the text before a number, and the qualifiers stripped off its two ends."""
    lead: list[str] = []
    trail: list[str] = []
    changed = True
    while changed and phrase:
        changed = False
        year = _TIME_RE.match(phrase)
        if year:
            phrase, changed = phrase[year.end() :], True
        word = lex.leading_re.match(phrase)
        if word and len(word.group()) < len(phrase):
            if word.group() in lex.qualifiers:
                lead.append(word.group())
            phrase, changed = phrase[word.end() :], True
        word = lex.trailing_re.search(phrase) or _TIME_END_RE.search(phrase)
        if word:
            if word.group() in lex.qualifiers:
                trail.insert(0, word.group())
            phrase, changed = phrase[: word.start()], True
    return _LIST_NUMBER_RE.sub("", _tidy(phrase)), lead, trail


def _tidy(phrase: str) -> str:
    """``phrase`` with its brackets balanced: 平台（基地 → 平台（基地）, 标准） → 标准."""
    phrase = phrase.strip(" ").rstrip("（(")
    if phrase.count("（") > phrase.count("）"):
        phrase += "）"
    while phrase.count("）") > phrase.count("（") and phrase[-1:] == "）":
        phrase = phrase[:-1]
    return phrase.lstrip("）)") if phrase.count("）") > phrase.count("（") else phrase


def _respectively(s: str, clause_start: int, first: int, count: int) -> list[str] | None:
    """The subjects of "A、B分别达X、Y", one per quantity, or None when they do not pair up."""
    head = s[clause_start:first]
    at = head.rfind("分别")
    if at < 0:
        return None
    items, depth, last = [], 0, 0
    for i, char in enumerate(head[:at]):
        depth += (char in "（(") - (char in "）)")
        if char in "、和" and depth == 0:
            items.append(head[last:i])
            last = i + 1
    items.append(head[last:at])
    return items if len(items) == count else None


@dataclass
class _Row:
    """A quantity being described, with what the next quantity in its sentence may inherit."""

    fields: dict
    lead: list[str]  # qualifiers that lead the clause (新增, 力争): shared by a 、 list
    quals: list[str]
    clause: int
    first: int  # where the number's text starts


def _describe(
    s: str, lo: int, hi: int, m: _Mention, previous: _Row | None, lex: _Lexicon
) -> _Row | None:
    """Indicator, qualifiers and flags of the quantity ``m`` in the sentence ``s[lo:hi]``."""
    clause = _scan_back(s, m.start, lo, _CLAUSE_STOPS)
    segment = _scan_back(s, m.start, lo, _SEGMENT_STOPS)
    if previous is not None:
        segment = max(segment, previous.fields["end"])
    raw_before = s[segment : m.start]
    indicator, lead, trail = _strip(raw_before, lex)
    if previous is not None and s[segment - 1 : segment] == "、":
        lead = previous.lead + lead  # 新增4家实验室、15家工程技术中心
    flags = m.flags
    if not m.unit and m.factor == 1:
        rate = lex.rate_re.search(s, clause, m.start) or lex.growth_re.search(
            " ".join(lead + trail)
        )
        if not rate or abs(m.value) > 1000:
            return None  # a bare number, not a rate (1000 and more: a year, a count)
        m.unit, flags = "%", flags + ("percent_sign_missing",)
    if lex.unit_kind.get(m.unit) not in ("percent", "ratio"):
        noun = _NOUN_AFTER_RE.match(s, m.end, hi)
        words = _PAREN_RE.sub("", noun.group(), count=1) if noun else ""
        if words and not lex.after_stop_re.match(words):
            if (
                lex.unit_kind.get(m.unit) in ("money", "measure")
                and s[noun.end() : noun.end() + 1].isdigit()
            ):
                return None  # a class, not an amount: 总投资超10亿元项目50个
            indicator = words.rstrip("等的和及与并")
            lead, trail = lead + trail, []  # all of 新增 in 新增4家实验室 leads
    quals = lead + trail
    if not indicator and previous is not None:
        indicator = previous.fields["indicator"]  # 国内生产总值达到74.4万亿元，增长6.7%
        if not raw_before.strip("、，, "):
            quals = previous.quals  # 服务率分别超30、60
    if not math.isfinite(m.value) or math.isinf(m.upper):
        return None  # hundreds of digits: no quantity a report states
    qualifier = [*quals, *([m.per] if m.per else []), *m.after]
    baseline = _BASE_BEFORE_RE.search(raw_before) and _BASE_AFTER_RE.match(s, m.end, hi)
    fields = {
        "kind": "baseline" if baseline else None,
        "indicator": indicator,
        "value": m.value,
        "upper": m.upper,
        "unit": m.unit,
        "qualifier": ",".join(dict.fromkeys(qualifier)),
        "start": m.start,
        "end": m.end,
        "flags": ",".join(flags),
    }
    return _Row(fields, lead, quals, clause, m.start)


def _sentence_rows(s: str, lo: int, hi: int, found: list[_Mention], lex: _Lexicon) -> list[dict]:
    """Rows for the quantities ``found`` in the sentence ``s[lo:hi]``."""
    rows: list[_Row] = []
    group: list[_Row] = []  # quantities of one clause joined by list separators, for 分别
    for m in _link(s, found):
        previous = rows[-1] if rows else None
        row = _describe(s, lo, hi, m, previous, lex)
        if row is None:
            continue
        joined = previous is not None and _LIST_RE.fullmatch(
            s[previous.fields["end"] : m.start] or "x"
        )
        if joined and group and group[-1].clause == row.clause:
            group.append(row)
        else:
            _pair_respectively(s, group, lex)
            group = [row]
        rows.append(row)
    _pair_respectively(s, group, lex)
    return [row.fields for row in rows]


def _pair_respectively(s: str, group: list[_Row], lex: _Lexicon) -> None:
    """Give each quantity of "力争A、B分别达X、Y" its own subject and the clause's qualifiers."""
    if len(group) < 2:
        return
    subjects = _respectively(s, group[0].clause, group[0].first, len(group))
    if not subjects:
        return
    lead = _strip(subjects[0], lex)[1]
    for row, subject in zip(group, subjects):
        row.fields["indicator"] = _strip(subject, lex)[0] or row.fields["indicator"]
        own = [q for q in row.fields["qualifier"].split(",") if q]
        row.fields["qualifier"] = ",".join(dict.fromkeys(lead + own))


def _review_parts(s: str, lex: _Lexicon) -> tuple[list[int], list[bool]]:
    """Where the parts of ``s`` start and whether each reviews past work.

    A part starts at a heading line: numbered (一、…) or short, without a full stop inside.
    A numbered heading is a review when it names one (回顾, 成就 …) and no plan (目标,
    安排 …); an unnumbered line starts a part only when it names one or the other.
    """
    starts, review = [0], [False]
    for heading in _HEADING_RE.finditer(s):
        line = heading.group("title")
        past = bool(lex.review_re.search(line))
        plan = bool(lex.plan_heading_re.search(line))
        if heading.group("number") or ((past or plan) and not _COMMA_RE.search(line)):
            starts.append(heading.start())
            review.append(past and not plan)
    return starts, review


def _mentions_by_sentence(s: str, lex: _Lexicon) -> list[tuple[tuple[int, int], list[_Mention]]]:
    """The quantities of ``s`` grouped by the sentence (ended by 。；！？) they start in.

    Sentences without quantities are left out; a number in quotes, a book title or an
    idiom is not a quantity.
    """
    blocked = [(b.start(), b.end()) for b in lex.blocked_re.finditer(s)]
    blocked_starts = [b[0] for b in blocked]
    spans = list(sentence_spans(s, ends=CLAUSE_END))
    starts = [lo for lo, _ in spans]
    found: dict[int, list[_Mention]] = {}
    for match in lex.mention.finditer(s):
        at = bisect_right(starts, match.start()) - 1
        if at < 0 or match.start() >= spans[at][1]:
            continue  # between sentences: white space
        i = bisect_right(blocked_starts, match.start()) - 1
        if i >= 0 and blocked[i][1] > match.start():
            continue  # in quotes, or part of an idiom
        mention = _mention(match, s, spans[at][0], lex)
        if mention is not None:
            found.setdefault(at, []).append(mention)
    return [(spans[at], mentions) for at, mentions in found.items()]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, "object")) for c in COLUMNS})


_DTYPES = {"part": "Int64", "section": "Int64", "paragraph": "Int64", "value": "float64",
           "upper": "float64", "start": "int64", "end": "int64"}  # fmt: skip


def extract_targets(
    text: str, *, start_offset: int = 0, include: Include = "targets"
) -> pd.DataFrame:
    """Quantities stated in a text, one row each.

    Parameters
    ----------
    text : str
        Any report text, raw or clean. Sentences end at 。；！？ and line breaks.
    start_offset : int, default=0
        Added to ``start`` and ``end``: the position of ``text`` in a larger text.
    include : {"targets", "all"}, default="targets"
        ``"targets"``: only the quantities the text commits to; ``"all"``: also those it
        reports as achieved (the review of past work) and the baselines of changes.

    Returns
    -------
    pandas.DataFrame
        One row per quantity, in text order, with columns:

        - ``part, section, paragraph`` (Int64): always NA here; see :func:`targets`;
        - ``indicator`` (str): what the number measures (公办幼儿园学位), "" when unknown;
        - ``value`` (float): the number with its multiplier resolved (2.2万 → 22000), the
          lower bound of a range;
        - ``upper`` (float): the upper bound of a range (5%—6% → 6), NaN otherwise;
        - ``unit`` (str): the base unit (个, 亩, 元, %, 个百分点 …), "" for a bare count
          with a multiplier ("人口1.2亿");
        - ``qualifier`` (str): comma-joined words bounding or framing the number (新增,
          突破, 以上, 左右, 每千人 …);
        - ``kind`` (str): ``"target"`` (a commitment), ``"achieved"`` (a result the text
          reviews) or ``"baseline"`` (the level a change starts from: 25 in
          "由25元提高到30元");
        - ``text`` (str): the quantity as written (``text == source[start:end]``);
        - ``sentence`` (str): the sentence it is in;
        - ``start, end`` (int): offsets of ``text`` (plus ``start_offset``);
        - ``flags`` (str): comma-joined notes: ``percent_sign_missing`` (a rate given as
          a bare number, read as %), ``range``, ``unit_from_list`` (the unit was written
          only after a later list item).

    Raises
    ------
    zjnlp.errors.OptionError
        ``text`` is not a string, ``include`` is not "targets" or "all", or
        ``start_offset`` is not a whole number >= 0.

    See Also
    --------
    targets : the same for a whole report, with its part, section and paragraph.

    Examples
    --------
    >>> table = extract_targets("新增公办幼儿园学位5100个，力争研发机构突破500家。")
    >>> table[["indicator", "value", "unit", "qualifier"]].values.tolist()
    [['公办幼儿园学位', 5100.0, '个', '新增'], ['研发机构', 500.0, '家', '力争,突破']]
    """
    if not isinstance(text, str):
        raise OptionError("text", type(text).__name__, "a str")
    check_choice("include", include, get_args(Include))
    check_whole_number("start_offset", start_offset, minimum=0)
    lex = _lexicon()
    s = text.translate(_WIDTH)
    part_starts, part_review = _review_parts(s, lex)
    rows: list[dict] = []
    for (lo, hi), found in _mentions_by_sentence(s, lex):
        words = s[lo:hi].strip()
        review = part_review[bisect_right(part_starts, lo) - 1]
        achieved = review or (bool(lex.past_re.search(words)) and not lex.plan_re.search(words))
        for row in _sentence_rows(s, lo, hi, found, lex):
            row["kind"] = row["kind"] or ("achieved" if achieved else "target")
            if include == "all" or row["kind"] == "target":
                row["text"] = text[row["start"] : row["end"]]
                row["sentence"] = text[lo:hi].strip()
                rows.append(row)
    if not rows:
        return _empty()
    table = pd.DataFrame(rows)
    table[["start", "end"]] += start_offset
    for column in UNIT_COLUMNS:
        table[column] = pd.NA
    return table[COLUMNS].astype(_DTYPES)


def targets(report: Report | str, *, include: Include = "targets") -> pd.DataFrame:
    """The quantities a report commits to, one row each, with the paragraph they are in.

    Parameters
    ----------
    report : Report or str
        A report from :func:`zjnlp.read.read_report`, or its text (read with it).
    include : {"targets", "all"}, default="targets"
        ``"targets"``: the commitments; ``"all"``: also the results the report reviews
        and the baselines of changes (see ``kind``).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`extract_targets`, with ``part, section, paragraph`` of the
        paragraph each quantity starts in (NA in the address, closing and appendices);
        ``start, end`` index ``report.text``.

    Raises
    ------
    zjnlp.errors.InputError
        The text cannot be read as a report (see :func:`zjnlp.read.read_report`).
    zjnlp.errors.OptionError
        ``include`` is not "targets" or "all".

    See Also
    --------
    extract_targets : the same on any text, without reading it as a report.

    Examples
    --------
    >>> table = targets("各位代表：\\n国内生产总值增长5%左右。")
    >>> table[["indicator", "value", "unit", "qualifier"]].values.tolist()
    [['国内生产总值', 5.0, '%', '增长,左右']]
    """
    report = as_report(report)
    table = extract_targets(report.text, include=include)
    if table.empty:
        return table
    paragraphs = units(report, by="paragraph")
    at = np.searchsorted(paragraphs["start"].to_numpy(), table["start"].to_numpy(), side="right")
    located = paragraphs.iloc[np.maximum(at - 1, 0)]
    for column in UNIT_COLUMNS:
        table[column] = located[column].astype("Int64").to_numpy()
    return table.astype(_DTYPES)
