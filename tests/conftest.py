"""Shared fixtures: the seed page and small report texts."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from zjnlp.corpus import SEED_PAGE as SEED

ROOT = Path(__file__).resolve().parents[1]

# A small report in the shape every level of government uses.
SMALL_REPORT = """2024年某市政府工作报告
——2024年1月20日在某市第十六届人民代表大会第四次会议上
某市市长 张三
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2023年工作回顾
过去一年，全市地区生产总值增长5.2%。
二、2024年重点工作
（一）推动绿色发展。坚持生态优先。
加快发展方式绿色转型。推广绿色建筑，建设120个充电桩。
推进污染防治。深入打好蓝天保卫战。
（二）建设人才强市。深入实施人才强市战略。
推进人才引育。新增博士工作站4家。
各位代表！让我们团结奋斗，再创佳绩！
"""


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_report():
    from zjnlp.read import read_report

    return read_report(SEED)


def uncovered(table: pd.DataFrame, text: str) -> str:
    """The characters of ``text`` in no row of ``table``; fails if one is in two rows."""
    covered = np.zeros(len(text), dtype=np.int64)
    for start, end, piece in zip(table["start"], table["end"], table["text"]):
        assert 0 <= start < end <= len(text) and text[start:end] == piece
        covered[start:end] += 1
    assert covered.max(initial=1) == 1
    return "".join(text[i] for i in np.flatnonzero(covered == 0))
