"""The rules of written Chinese that several stages share, each written once.

Reading, structure, targets and plotting all need to know what a Chinese numeral is
worth, where a sentence ends, which characters are Han characters, how lists and
headings are numbered (一、 （一） 1. （1） 一是), how the speaker addresses the
deputies (各位代表：) and how many columns a line of Chinese takes (for a hard-wrapped
text and for the terminal's tables). Each of these is defined here and nowhere else, as spaCy keeps
its numeral rule in ``lang/zh/lex_attrs.py``.

Character classes and patterns are strings to put inside a regular expression
(``rf"[{HAN}]"``); the functions work on plain strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

__all__ = [
    "HAN",
    "CJK_PUNCTUATION",
    "DIGITS",
    "NUMERAL_CHARACTERS",
    "NUMBER_1_99",
    "PART_NUMBER",
    "SECTION_NUMBER",
    "ITEM_NUMBER",
    "ORDINAL_IS",
    "ADDRESS_RE",
    "SENTENCE_END",
    "CLAUSE_END",
    "CLOSING_QUOTES",
    "numeral_value",
    "numeral",
    "sentence_spans",
    "display_width",
]

# Han characters: CJK Unified Ideographs, Extension A, the compatibility ideographs and
# the supplementary planes (Extensions B and on).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# Full-width punctuation: CJK symbols (、。「」…), full-width forms (，：；！？（）),
# dashes, curly quotes and the ellipsis.
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u2014\u2018\u2019\u201c\u201d\u2026"

# The digits, with the three ways of writing zero (零, 〇 and the circle ○ of older texts).
DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARACTERS = "".join(DIGITS) + "十百千万亿"

# one to ninety-nine as headings number them: 一 … 九, 十, 十一 … 十九, 二十 … 九十九
NUMBER_1_99 = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
PART_NUMBER = rf"{NUMBER_1_99}[、．.]"  # 一、 (a part, or an item of a list)
SECTION_NUMBER = rf"[（(]{NUMBER_1_99}[）)]"  # （一）
ITEM_NUMBER = r"(?:[0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)])"  # 1. 1、 （1）, not 2025、
ORDINAL_IS = "[一二三四五六七八九十]+是"  # 一是 … 二是: items counted in running text

# The address to the deputies that opens and closes a report: 各位代表： 各位代表！
ADDRESS_RE = re.compile(r"^.{0,3}代表[：:！!，,]")

SENTENCE_END = "。！？!?"
CLAUSE_END = SENTENCE_END + "；;"  # a clause of a list of commitments ends at a semicolon
CLOSING_QUOTES = "”’」』）)"  # they close the sentence before them


def numeral_value(numeral: str) -> float:
    """The value of a Chinese numeral.

    Digits written one by one are read as such (二〇二三 → 2023); otherwise 十, 百, 千
    multiply the digit before them and 万, 亿 everything before them (一万亿 → 1e12);
    两 is 2; a fraction follows 点.

    Parameters
    ----------
    numeral : str
        Characters of :data:`NUMERAL_CHARACTERS`, with at most one 点 followed by digits.

    Returns
    -------
    float

    Raises
    ------
    KeyError
        A character that is not part of a numeral.

    Examples
    --------
    >>> [numeral_value(n) for n in ("十二", "二十三", "一千二百", "两万", "八点五", "二〇二三")]
    [12.0, 23.0, 1200.0, 20000.0, 8.5, 2023.0]
    """
    integer, _, fraction = numeral.partition("点")
    if len(integer) > 1 and all(c in DIGITS for c in integer):
        value = float("".join(str(DIGITS[c]) for c in integer))
    else:
        total = section = number = 0.0
        for char in integer:
            if char in DIGITS:
                number = DIGITS[char]
            elif char in _SMALL_UNITS:
                section += (number or 1) * _SMALL_UNITS[char]
                number = 0
            elif char == "万":
                total += ((section + number) or 1) * 1e4
                section = number = 0
            elif char == "亿":  # it scales everything before it: 一万亿 is 1e12
                total = ((total + section + number) or 1) * 1e8
                section = number = 0
            else:
                raise KeyError(char)
        value = total + section + number
    if fraction:
        value += float("0." + "".join(str(DIGITS[c]) for c in fraction))
    return value


def numeral(number: int) -> str:
    """A whole number from 0 to 999 as headings and Word's list numbers write it.

    1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 105 → 一百零五, 0 → 〇 (Word's
    ``chineseCounting``).

    Examples
    --------
    >>> [numeral(n) for n in (1, 10, 12, 23, 99, 100, 105, 120)]
    ['一', '十', '十二', '二十三', '九十九', '一百', '一百零五', '一百二十']
    """
    digits = "〇一二三四五六七八九"
    number = int(number)
    if number < 10:
        return digits[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    if rest == 0:
        return digits[hundreds] + "百"
    return digits[hundreds] + "百" + ("零" + digits[rest] if rest < 10 else ("一" if rest < 20 else "") + numeral(rest))


def sentence_spans(text: str, *, ends: str = SENTENCE_END) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, in order, blank ones left out.

    A sentence ends after a run of ``ends`` and the closing quotes and brackets right
    after it, or at a line end; a line end never belongs to a sentence.

    Parameters
    ----------
    text : str
    ends : str, default=SENTENCE_END
        The characters that end a sentence; :data:`CLAUSE_END` also ends it at ；.

    Examples
    --------
    >>> text = "推动绿色发展。“加快转型！”\\n新增就业2万人；稳定物价"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['推动绿色发展。', '“加快转型！”', '新增就业2万人；稳定物价']
    >>> [text[s:e] for s, e in sentence_spans(text, ends=CLAUSE_END)][-2:]
    ['新增就业2万人；', '稳定物价']
    """
    stops = re.escape(ends)
    pattern = _SENTENCE_PATTERNS.get(ends) or _SENTENCE_PATTERNS.setdefault(
        ends, re.compile(rf"[^{stops}\n]*(?:[{stops}]+[{re.escape(CLOSING_QUOTES)}]*|\n|$)")
    )
    for match in pattern.finditer(text):
        body = match.group().rstrip("\n")
        if body.strip():
            yield match.start(), match.start() + len(body)


_SENTENCE_PATTERNS: dict[str, re.Pattern] = {}


def display_width(text: str) -> int:
    """Display columns of ``text`` in a fixed-width view: two for a wide character (Chinese,
    full-width forms), none for a combining mark, one for anything else.

    Examples
    --------
    >>> display_width("GDP增长5%")
    9
    """
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )
