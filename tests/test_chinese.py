"""The shared rules of written Chinese: numerals, numbering, sentences, characters."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjnlp.chinese import (
    ADDRESS_RE,
    CLAUSE_END,
    HAN,
    ITEM_NUMBER,
    PART_NUMBER,
    SECTION_NUMBER,
    numeral,
    numeral_value,
    sentence_spans,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("两", 2), ("一百", 100),
        ("一百零五", 105), ("一千二百", 1200), ("两万", 20000), ("三万五千", 35000), ("一万亿", 1e12),
        ("十亿", 1e9), ("八点五", 8.5), ("二〇二三", 2023), ("一九八○", 1980), ("零", 0),
        ("四点二", 4.2), ("千", 1000),
    ],
)
def test_numeral_value(text, expected):
    assert numeral_value(text) == pytest.approx(expected)


def test_numeral_value_refuses_other_characters():
    with pytest.raises(KeyError):
        numeral_value("三个")


@given(st.integers(min_value=1, max_value=99))
def test_numeral_and_its_value_agree(number):
    assert numeral_value(numeral(number)) == number
    assert re.fullmatch(PART_NUMBER, numeral(number) + "、")


@pytest.mark.parametrize(
    "pattern, text, matches",
    [
        (PART_NUMBER, "一、", True), (PART_NUMBER, "十二．", True), (PART_NUMBER, "一百、", False),
        (SECTION_NUMBER, "（三）", True), (SECTION_NUMBER, "(二十)", True), (SECTION_NUMBER, "（1）", False),
        (ITEM_NUMBER, "1.", True), (ITEM_NUMBER, "（12）", True), (ITEM_NUMBER, "2025、", False),
    ],
)
def test_numbering(pattern, text, matches):
    assert bool(re.fullmatch(pattern, text)) is matches


@pytest.mark.parametrize("line, matches", [("各位代表：", True), ("各位代表！", True), ("人大代表建议", False)])
def test_address(line, matches):
    assert bool(ADDRESS_RE.match(line)) is matches


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推动绿色发展。加快转型！", ["推动绿色发展。", "加快转型！"]),
        ("他说：“要发展。”然后", ["他说：“要发展。”", "然后"]),
        ("第一行\n\n第二行？？", ["第一行", "第二行？？"]),
        ("  \n。", ["。"]),
    ],
)
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_clauses_end_at_semicolons():
    text = "新增就业2万人；稳定物价。"
    assert [text[s:e] for s, e in sentence_spans(text, ends=CLAUSE_END)] == ["新增就业2万人；", "稳定物价。"]


@given(st.text(alphabet="发展。！？；”\n 1", max_size=30))
def test_sentences_are_in_order_and_hold_no_line_end(text):
    spans = list(sentence_spans(text))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all("\n" not in text[s:e] and text[s:e].strip() for s, e in spans)


def test_han_covers_the_extensions():
    assert all(re.fullmatch(f"[{HAN}]", char) for char in "中㐀豈𠀀")
    assert not re.search(f"[{HAN}]", "，a1 ")
