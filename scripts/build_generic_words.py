"""Build zjnlp/data/generic_words.txt: verbs, adjectives and abstract nouns of every part of every report.

    python scripts/build_generic_words.py           # write the list
    python scripts/build_generic_words.py --check   # exit 1 if the committed list differs

Evidence, not judgement: a word enters the list when jieba's dictionary tags it a verb or
an adjective (v, vd, a, ad; jieba's dict.txt, MIT) and it is spread over the reports'
numbered parts (一、二、…) as a subject word is not: found in at least SPREAD of the parts
of the national and provincial reports in seeds/ (each part one document) and in at least
REPORTS of the reports. A word that names a subject (生态, 教育) is used in the parts on
that subject; 达到, 增加, 改造 are used in all of them. Words already in the general or
policy stopword lists are left out (they are dropped anyway), and so are the few widespread
words that were read as naming a subject (SUBJECTS). Nouns as widespread mostly name
subjects (企业, 教育); only those read as naming none (ABSTRACT_NOUNS: 问题, 结果) enter,
from the nouns in at least NOUN_SPREAD of the parts and NOUN_REPORTS of the reports (a wider
net than the verbs': an abstract noun is rarer than a generic verb, and reading guards it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from zjnlp.read import read_report
from zjnlp.structure import units
from zjnlp.tokenize import Tokenizer, is_word, jieba_tags, stopwords

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "zjnlp" / "data" / "generic_words.txt"
TAGS = frozenset({"v", "vd", "a", "ad"})
SPREAD = 0.2
REPORTS = 0.8
# Read and kept out: spread as widely, but each names a subject a section can be about.
SUBJECTS = frozenset({"就业", "开放", "收入", "保护", "治理"})
# Nouns (n, vn) spread as widely are mostly subjects (企业, 教育, 农业, 金融); these were
# read, among the nouns that pass SPREAD and REPORTS, as naming no subject of their own:
# abstractions, forms of words and the speaker's frame (问题, 基础, 结果, 中央, 国际).
ABSTRACT_NOUNS = frozenset({
    "问题", "基础", "地方", "精神", "特色", "基本", "条件", "力量", "规模", "意见", "范围", "综合",
    "困难", "变化", "结果", "影响", "核心", "合理", "统一", "指导", "活动", "中心", "制度", "中央",
    "国际", "现代化", "领导", "大会", "会议", "单位", "标准", "行业", "计划", "战略", "思想", "世界",
    "国家", "代表", "地区",
    # read from the nouns in at least NOUN_SPREAD of the parts and NOUN_REPORTS of the reports
    "社会", "人民", "群众", "部门", "人员", "同志", "全民", "关系", "方针", "原则", "情况", "步伐",
    "关心", "进展", "方式", "优势", "贡献", "突破", "积极性", "经验", "规范", "总体", "活力", "比重",
    "办法", "全部", "部分", "方向", "关键", "责任", "成绩", "成就", "形式", "形势", "效益", "布局",
    "因素", "实际", "部署", "过程", "动力", "空间", "地位", "胜利", "现象", "程度", "压力", "挑战",
    "主体", "潜力", "事项", "信心", "功能", "专项", "导向", "传统", "开局", "差距", "时代", "优质",
    "个人", "结构", "政策措施",
})
NOUN_TAGS = frozenset({"n", "vn"})
NOUN_SPREAD = 0.1
NOUN_REPORTS = 0.5


def build() -> str:
    files = sorted((ROOT / "seeds" / "national").glob("*.txt")) + sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt"))
    tokenizer = Tokenizer()
    parts: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    n_parts = 0
    for path in files:
        report = read_report(path)
        cut = tokenizer.for_text(report.text)
        table = units(report, by="part")
        seen: set[str] = set()
        for text in table["text"]:
            words = {token for token in cut.cut(text) if is_word(token) and len(token) >= 2}
            parts.update(words)
            seen |= words
            n_parts += 1
        reports.update(seen)
    tags = jieba_tags()
    dropped = stopwords("general") | stopwords("policy") | SUBJECTS
    chosen = sorted(
        (word for word, count in parts.items()
         if word not in dropped and (
             tags.get(word) in TAGS and count >= SPREAD * n_parts and reports[word] >= REPORTS * len(files)
             or tags.get(word) in NOUN_TAGS and word in ABSTRACT_NOUNS
             and count >= NOUN_SPREAD * n_parts and reports[word] >= NOUN_REPORTS * len(files))),
        key=lambda word: (-parts[word], word),
    )
    header = f"""# zjnlp generic words: verbs, adjectives and abstract nouns that policy prose uses in every part of every report.
# Built by scripts/build_generic_words.py from {len(files)} reports (seeds/national/, seeds/provinces-2026/),
# {n_parts} numbered parts: words jieba's dictionary tags v, vd, a or ad, found in at least
# {SPREAD:.0%} of the parts and {REPORTS:.0%} of the reports, less the general and policy stopwords
# and, after reading, {" ".join(sorted(SUBJECTS))}: as widespread, but each names a subject;
# and the nouns (n, vn) in at least {NOUN_SPREAD:.0%} of the parts and {NOUN_REPORTS:.0%} of the reports that were read
# as naming no subject (ABSTRACT_NOUNS in the script: 问题, 基础, 结果, 关键, 地位, 空间 …).
# Used by the "generic" keyword filter (zjnlp.keywords). One word a line, with its share of parts
# after "#" for the reader.
"""
    return header + "".join(f"{word} # {parts[word] / n_parts:.2f}\n" for word in chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed list differs from a rebuild")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} differs from a rebuild", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {text.count(chr(10)) - text.count(chr(10) + '#') - 1} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
