"""Review the theme lexicons against real contexts (KWIC) over the reference corpora.

For every term of each lexicon: how often it matches in the national reports
(1954–2025) and the provincial reports of 2026, in how many reports, and sample
contexts spread over the corpus; the same for the false friends the lexicon excludes.
``--neighbours STR`` lists the strings a term most often sits in (to find false friends),
and ``--chen`` prints the Chen–Chen (2018) environment index for every national report
with its Spearman correlation with the year.

The corpora are read from ``seeds/national`` and ``seeds/provinces-2026`` when they have
been built, otherwise from the raw files in ``../shared/corpora`` (this script is a
build-time tool: nothing at run or test time reads ``../shared``).

    .venv/bin/python scripts/review_themes.py green talent --contexts 4
    .venv/bin/python scripts/review_themes.py --neighbours 生态
    .venv/bin/python scripts/review_themes.py --chen
    .venv/bin/python scripts/review_themes.py green --markdown   # the count table of REVIEW.md
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from zjnlp.themes import available_lexicons, find_terms, load_lexicon, score_themes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
FOOTER = re.compile(r"本作品.*\Z", re.S)


def _raw_national() -> list[tuple[str, int, str]]:
    folder = SHARED / "national"
    reports = {}
    for path in sorted(folder.glob("*政府工作报告_*.txt")):
        reports[int(path.name[:4])] = (path.name, path.read_text(encoding="utf-8"))
    reports[2020] = ("2020-kv9898.txt", (folder / "2020-kv9898.txt").read_text(encoding="utf-8"))
    with open(folder / "government_work_reports.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["year"] and int(record["year"]) not in reports:
                text = FOOTER.sub("", record["content"]).replace("\u200b", "")
                reports[int(record["year"])] = (f"jsonl:{record['year']}", text)
    return [(name, year, text) for year, (name, text) in sorted(reports.items())]


def _raw_provinces() -> list[tuple[str, int, str]]:
    csv.field_size_limit(sys.maxsize)
    found = []
    for path in sorted((SHARED / "provinces-2026").glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as rows:
            for row in csv.DictReader(rows):
                found.append((row["province"], int(row["year"]), row["full_text"]))
    return found


def corpora() -> dict[str, list[tuple[str, int, str]]]:
    """``{"national": [(name, year, text), ...], "provinces": [...]}``."""
    built = {
        "national": sorted((ROOT / "seeds" / "national").glob("*.txt")),
        "provinces": sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt")),
    }
    raw = {"national": _raw_national, "provinces": _raw_provinces}
    return {
        group: [(p.name, int(re.search(r"\d{4}", p.name).group() if group == "national" else 2026), p.read_text(encoding="utf-8")) for p in paths]
        if paths else raw[group]()
        for group, paths in built.items()
    }


def _context(text: str, start: int, end: int, width: int) -> str:
    left = text[max(0, start - width):start].replace("\n", "⏎")
    right = text[end:end + width].replace("\n", "⏎")
    return f"{left:>{width}}【{text[start:end]}】{right}"


def _spread(items: list, n: int) -> list:
    return items if len(items) <= n else [items[i * len(items) // n] for i in range(n)]


def _occurrences(lexicon, texts: dict) -> dict[str, list]:
    """Matches of every term, and of every excluded string (as ``(exclude) STR``)."""
    hits: dict[str, list] = {}
    for group, reports in texts.items():
        for name, year, text in reports:
            for start, end, term, _ in find_terms(text, lexicon):
                hits.setdefault(term, []).append((group, year, name, text, start, end))
            for term in lexicon.exclude:
                for m in re.finditer(re.escape(term), text):
                    hits.setdefault(f"(exclude) {term}", []).append((group, year, name, text, m.start(), m.end()))
    return hits


def review(lexicon_id: str, texts: dict, *, contexts: int, width: int, markdown: bool) -> None:
    lexicon = load_lexicon(lexicon_id)
    hits = _occurrences(lexicon, texts)
    dimension_of = {t: d.id for d in lexicon.dimensions for t in d.terms}
    if markdown:
        print("| term | dimension | national | provinces 2026 | reports | national years |")
        print("| --- | --- | ---: | ---: | ---: | --- |")
    else:
        print(f"# {lexicon.id} ({lexicon.name_zh}) — {lexicon.source}")
    for term in list(lexicon.terms) + [f"(exclude) {t}" for t in lexicon.exclude]:
        found = hits.get(term, [])
        count = Counter(h[0] for h in found)
        docs = len({(h[0], h[2]) for h in found})
        years = [h[1] for h in found if h[0] == "national"]
        span = f"{min(years)}–{max(years)}" if years else "-"
        if markdown:
            print(f"| {term} | {dimension_of.get(term, '')} | {count['national']} | {count['provinces']} | {docs} | {span} |")
            continue
        print(f"\n## {term}: national {count['national']}, provinces {count['provinces']}, reports {docs}, national years {span}")
        for _, year, name, text, start, end in _spread(found, contexts):
            print(f"  {year} {name[:12]:<12} {_context(text, start, end, width)}")


def neighbours(string: str, texts: dict, *, top: int) -> None:
    around: Counter[str] = Counter()
    for reports in texts.values():
        for _, _, text in reports:
            for m in re.finditer(re.escape(string), text):
                left, right = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 2]
                around[f"{left}[{string}]{right}"] += 1
    for context, n in around.most_common(top):
        print(f"{n:6d}  {context}")


def chen(texts: dict) -> None:
    rows = []
    for name, year, text in texts["national"]:
        score = score_themes(text, lexicons=["environment_chen2018"])
        rows.append({"year": year, "report": name, **score.iloc[0][["hits", "tokens", "per_1000", "terms"]].to_dict()})
    table = pd.DataFrame(rows)
    table["share"] = table["per_1000"] / 1000
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 80):
        print(table[["year", "hits", "tokens", "share", "terms"]].to_string(index=False))
    print(f"\nSpearman correlation of the index with the year: {table['year'].corr(table['share'], method='spearman'):.3f} "
          f"over {len(table)} reports")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lexicons", nargs="*", help="lexicon ids or paths (default: all packaged)")
    parser.add_argument("--contexts", type=int, default=6, help="contexts shown per term")
    parser.add_argument("--width", type=int, default=14, help="characters either side")
    parser.add_argument("--neighbours", metavar="STR", help="most frequent surroundings of STR")
    parser.add_argument("--top", type=int, default=60, help="rows for --neighbours")
    parser.add_argument("--chen", action="store_true", help="the Chen–Chen (2018) index by year")
    parser.add_argument("--markdown", action="store_true", help="count tables only, as Markdown (for REVIEW.md)")
    args = parser.parse_args()
    texts = corpora()
    if args.neighbours:
        neighbours(args.neighbours, texts, top=args.top)
    elif args.chen:
        chen(texts)
    else:
        for lexicon_id in args.lexicons or available_lexicons():
            review(lexicon_id, texts, contexts=args.contexts, width=args.width, markdown=args.markdown)
            print()


if __name__ == "__main__":
    main()
