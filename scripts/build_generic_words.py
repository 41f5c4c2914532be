"""Build zjnlp/data/generic_words.txt (verbs, adjectives and abstract nouns of every part of every report) and two more lists.

    python scripts/build_generic_words.py           # write the lists
    python scripts/build_generic_words.py --check   # exit 1 if a committed list differs

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
net than the verbs': an abstract noun is rarer than a generic verb, and reading guards it),
and RARER_NOUNS, read from a wider net still (nouns, place and distinguishing words in at least
RARE_SPREAD of the parts and RARE_REPORTS of the reports: 比例, 指标, 国内, 海外), and
RAREST_NOUNS, read from the widest net (RAREST_SPREAD of the parts, RAREST_REPORTS of the
reports: 路径, 机会, 框架, 态势). A word read stays in the list while it passes that widest
net: a lexicon rebuild that folds some of its uses into longer terms (特色产业, 中国特色) must
not drop a word read as naming no subject (特色 had fallen below NOUN_REPORTS so, and came
back as a keyword).

The same reports give zjnlp/data/manner_words.txt, for the "adverbs" keyword filter: adverbs
of manner, the words that open a verb phrase (大力, 全面, 深入, 充分). A word enters when
jieba's dictionary tags it an adverb (d, ad, vd) or it is a general or policy stopword, it
occurs at least MANNER_COUNT times in at least MANNER_REPORTS of the reports, and the token
after it is a verb (v, vd) in at least MANNER_SHARE of its occurrences. With it goes
zjnlp/data/adverb_names.txt: the few tokens that open with such an adverb and a verb but
name a goal or a field (ADVERB_NAMES), read among all 184 such tokens of the reports.
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
# Nouns (n, vn; an, the adjectival nouns: 困难) spread as widely are mostly subjects (企业, 教育, 农业, 金融); these were
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
NOUN_TAGS = frozenset({"n", "vn", "an"})
NOUN_SPREAD = 0.1
NOUN_REPORTS = 0.5
# Read from the nouns (n, vn), place words (s) and distinguishing words (b) in at least
# RARE_SPREAD of the parts and RARE_REPORTS of the reports, as naming no subject: forms of
# documents and measures (报告, 草案, 比例, 指标), abstractions (局面, 效应, 理念), where
# rather than what (国内, 海外, 境外), and verbs and adverbs jieba's dictionary tags as
# nouns (启动, 利用, 依法, 充分发挥). Left out after reading: words that name a subject in
# some sections (决策, 政绩, 数字, 供给, 秩序, 公司).
RARER_NOUNS = frozenset({
    "局面", "报告", "比例", "状况", "建议", "方案", "指标", "渠道", "时间", "相适应", "不合理", "系统",
    "数量", "效应", "规定", "增量", "进程", "速度", "方法", "草案", "意义", "有所", "目的", "上述",
    "整体", "内容", "阶段", "前提", "标志", "基调", "人数", "面积", "大量", "现有", "面向", "机遇",
    "手段", "工具", "趋势", "联系", "正确处理", "基础性", "总结", "人们", "事情", "创造性", "大事",
    "特点", "决定性", "大局", "后劲", "障碍", "全局", "效果", "影响力", "主张", "制约", "产生", "主题",
    "理念", "急需", "缺点", "牢记", "全过程", "群体", "征程", "载体", "现实", "链条", "年度", "势头",
    "意识", "历史性", "新台阶", "台阶", "良性", "程序", "意愿", "保持稳定", "提高质量", "主导",
    "充分发挥", "依法", "继续加强", "全面实施", "全面提高", "严格控制", "集中力量", "全力支持",
    "攻坚克难", "主动", "日益", "精准", "运用", "启动", "调动", "营造", "有关", "大规模", "稳定增长",
    "关键时期", "国内", "海外", "境外", "国内外", "高端", "斗争", "利用", "落地", "实干", "一体",
    "效能", "底线", "整治", "考核", "冲击", "检查",
})
RARE_TAGS = frozenset({"n", "vn", "s", "b"})
RARE_SPREAD = 0.04
RARE_REPORTS = 0.3
# Read from the nouns, place and distinguishing words (RARE_TAGS) in at least RAREST_SPREAD of the parts
# and RAREST_REPORTS of the reports and not in the net above (708 words, most of them subjects: 林业, 外汇,
# 口岸), as naming no subject: abstractions and frames (态势, 框架, 路径, 机会, 着力点), verbs and
# adverbs tagged as nouns (锚定, 消化, 力求, 认真执行), set phrases (新篇章, 成效显著). Left out after
# reading: words that name a subject in some sections (枢纽, 补偿, 危机, 模范, 赛道).
RAREST_NOUNS = frozenset({
    "整个", "短板", "能级", "态势", "高地", "态度", "基本上", "原因", "证明", "现行", "事件", "篇章", "错误", "高度", "创造条件", "状态",
    "观念", "积极探索", "锚定", "战胜", "规律", "约束", "上线", "预计", "优良传统", "采取有效", "教训", "实践证明", "针对性", "难题", "事实",
    "步骤", "建设性", "面貌", "区域性", "衷心", "势力", "机会", "时机", "职责", "消化", "流程", "规则", "执行力", "路径", "双方",
    "顺利进行", "课题", "损失", "容量", "优越性", "同级", "综合性", "框架", "实事", "存量", "性质", "信任", "中等", "小型", "首要任务",
    "事务", "助力", "收官", "客观", "限度", "极端", "不断扩大", "全面推行", "有益", "所在", "实际行动", "实力", "稳定性", "双向", "定位",
    "用力", "局部", "总数", "立场", "大体", "区别", "专门", "考验", "前景", "先行", "有效性", "历程", "符合条件", "投向", "口径", "源头",
    "增长点", "企图", "意志", "继续执行", "体验", "权限", "旗帜", "持续增长", "替代", "阶段性", "着力点", "法定", "标志性", "力求", "日益增长",
    "分析", "迫切需要", "在实践中", "勇气", "幅度", "新机制", "底色", "盲目", "观点", "本领", "发挥作用", "定期", "理想", "大胆", "大面积",
    "时有发生", "承受能力", "连续性", "关键环节", "违规", "突出位置", "刚性", "重塑", "用心", "样板", "前途", "来源", "典型", "途径", "梦想",
    "出发点", "新气象", "精力", "实绩", "检验", "成效显著", "新篇章", "根基", "系统性", "人人", "经常性", "好事", "解决问题", "花费", "对象",
    "竞相", "宏观", "战略性", "主线", "领先", "预料", "命运", "光明", "热情", "比较严重", "名单", "责任感", "致力于", "新兴", "新路子",
    "吸引力", "金额", "结构性", "风尚", "思路", "履行职责", "开好局", "短期", "行使", "根本性", "合格", "生动", "下功夫", "落脚点", "深层次",
    "共识", "实惠", "根本保证", "合力", "快速增长", "高品质", "正气", "充分考虑", "合理安排", "竞争能力", "具备条件", "认真学习", "认真执行",
    "总结经验", "降低成本", "调整结构", "优化结构", "提高效益", "工作效率", "服务水平", "技术水平", "平均水平",
})
RAREST_SPREAD = 0.02
RAREST_REPORTS = 0.15
MANNER_OUTPUT = ROOT / "zjnlp" / "data" / "manner_words.txt"
ADVERB_TAGS = frozenset({"d", "ad", "vd"})
MANNER_COUNT = 20
MANNER_REPORTS = 0.2
MANNER_SHARE = 0.5
NAMES_OUTPUT = ROOT / "zjnlp" / "data" / "adverb_names.txt"
# Read among the 184 tokens of three characters or more of the reports that the "adverbs"
# filter drops (大力发展, 充分发挥, 全面落实, 相互促进 …): these two name a goal or a field.
ADVERB_NAMES = ("全面建成小康社会", "充分就业")


def build() -> dict[Path, str]:
    """The lists, by the file each is written to."""
    files = sorted((ROOT / "seeds" / "national").glob("*.txt")) + sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt"))
    tokenizer = Tokenizer()
    tags = jieba_tags()
    parts: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    before_verb: Counter[str] = Counter()
    n_parts = 0
    for path in files:
        report = read_report(path)
        cut = tokenizer.for_text(report.text)
        table = units(report, by="part")
        seen: set[str] = set()
        for text in table["text"]:
            tokens = cut.cut(text)
            words = {token for token in tokens if is_word(token) and len(token) >= 2}
            parts.update(words)
            seen |= words
            n_parts += 1
            for token, after in zip(tokens, tokens[1:]):
                occurrences[token] += 1
                before_verb[token] += tags.get(after) in {"v", "vd"}
        reports.update(seen)
    general = stopwords("general") | stopwords("policy")
    dropped = general | SUBJECTS
    chosen = sorted(
        (word for word, count in parts.items()
         if word not in dropped and (
             tags.get(word) in TAGS and count >= SPREAD * n_parts and reports[word] >= REPORTS * len(files)
             or (tags.get(word) in NOUN_TAGS and word in ABSTRACT_NOUNS or tags.get(word) in RARE_TAGS and word in RARER_NOUNS | RAREST_NOUNS)
             and count >= RAREST_SPREAD * n_parts and reports[word] >= RAREST_REPORTS * len(files))),
        key=lambda word: (-parts[word], word),
    )
    header = f"""# zjnlp generic words: verbs, adjectives and abstract nouns that policy prose uses in every part of every report.
# Built by scripts/build_generic_words.py from {len(files)} reports (seeds/national/, seeds/provinces-2026/),
# {n_parts} numbered parts: words jieba's dictionary tags v, vd, a or ad, found in at least
# {SPREAD:.0%} of the parts and {REPORTS:.0%} of the reports, less the general and policy stopwords
# and, after reading, {" ".join(sorted(SUBJECTS))}: as widespread, but each names a subject;
# and the nouns (n, vn, an) in at least {NOUN_SPREAD:.0%} of the parts and {NOUN_REPORTS:.0%} of the reports that were read
# as naming no subject (ABSTRACT_NOUNS in the script: 问题, 基础, 结果, 关键, 地位, 空间 …), and the
# nouns, place and distinguishing words (n, vn, s, b) in at least {RARE_SPREAD:.0%} of the parts and {RARE_REPORTS:.0%} of the
# reports read the same way (RARER_NOUNS: 比例, 指标, 局面, 国内 …), and those in at least {RAREST_SPREAD:.0%} of the parts and
# {RAREST_REPORTS:.0%} of the reports read the same way (RAREST_NOUNS: 路径, 机会, 框架, 态势 …). A word read stays while it is
# in at least {RAREST_SPREAD:.0%} of the parts and {RAREST_REPORTS:.0%} of the reports, however many of its uses the lexicon folds into longer terms.
# Used by the "generic" keyword filter (zjnlp.keywords). One word a line, with its share of parts
# after "#" for the reader.
"""
    generic = header + "".join(f"{word} # {parts[word] / n_parts:.2f}\n" for word in chosen)

    share = {word: before_verb[word] / occurrences[word] for word in occurrences}
    manner = sorted(
        (word for word in occurrences
         if len(word) >= 2 and (tags.get(word) in ADVERB_TAGS or word in general)
         and occurrences[word] >= MANNER_COUNT and reports[word] >= MANNER_REPORTS * len(files)
         and share[word] >= MANNER_SHARE),
        key=lambda word: (-share[word], word),
    )
    manner_text = f"""# zjnlp manner words: adverbs that open a verb phrase (大力 发展…, 全面 落实…, 充分 发挥…).
# Built by scripts/build_generic_words.py from the same {len(files)} reports: words of two characters or more
# that jieba's dictionary (dict.txt, MIT) tags d, ad or vd, or that are general or policy stopwords,
# found at least {MANNER_COUNT} times in at least {MANNER_REPORTS:.0%} of the reports, and followed by a verb (v, vd) in at
# least {MANNER_SHARE:.0%} of their occurrences. Used by the "adverbs" keyword filter (zjnlp.keywords): a term that
# opens with one of them and a verb is a verb phrase (大力发展高新技术产业), not a subject.
# One word a line, with the share of its occurrences followed by a verb after "#".
"""
    manner_text += "".join(f"{word} # {share[word]:.2f}\n" for word in manner)

    names_text = """# zjnlp adverb names: tokens that open with an adverb of manner and a verb, as the "adverbs" keyword
# filter (zjnlp.keywords.is_adverb_phrase) drops them, but name a goal or a field: kept by that filter.
# Written by scripts/build_generic_words.py (ADVERB_NAMES) after reading every token of three characters or
# more of the reports in seeds/ that the filter drops (184: 大力发展, 充分发挥, 全面落实, 相互促进 …).
"""
    names_text += "".join(f"{name}\n" for name in ADVERB_NAMES)
    return {OUTPUT: generic, MANNER_OUTPUT: manner_text, NAMES_OUTPUT: names_text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed list differs from a rebuild")
    args = parser.parse_args(argv)
    built = build()
    if args.check:
        stale = [path for path, text in built.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} differs from a rebuild", file=sys.stderr)
        return 1 if stale else 0
    for path, text in built.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {sum(1 for line in text.splitlines() if not line.startswith('#'))} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
