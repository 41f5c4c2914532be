"""Score :func:`zjnlp.structure.structure` against the hand labels of report structure.

The labels are ``tests/data/structure_labels.csv`` (how they were made:
``tests/data/structure_codebook.md``): one row per part of a report, naming the line of its
heading (1-based, in the report's text), its kind, its number of sections and the lines of
its part-level paragraphs. Four things are scored, each per report (right when every part
of the report is right) and per part:

- ``parts``: the part headings the rules find are the labelled ones;
- ``sections``: each labelled part has the labelled number of sections;
- ``kinds``: each labelled part has the labelled ``part_kind``;
- ``part_level``: in every part the rules find, the paragraphs after its first section that
  have no section (``role`` ``wrap_up`` or ``interlude``) are exactly the labelled lines.

Columns a label leaves empty (the national reports are labelled for part-level paragraphs
only) are not scored. ::

    .venv/bin/python scripts/evaluate_structure.py --set dev
    .venv/bin/python scripts/evaluate_structure.py --set heldout --misses
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from zjnlp.read import read_report
from zjnlp.structure import structure
from zjnlp.themes import wilson

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "structure_labels.csv"
MEASURES = ["parts", "sections", "kinds", "part_level"]


def load_labels(path: Path = LABELS, *, subset: str | None = None) -> pd.DataFrame:
    """The labels, one row per labelled part (``part_line`` NA: a report without labelled parts)."""
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    if subset is not None:
        labels = labels[labels["set"] == subset]
    return labels.reset_index(drop=True)


def _lines(spec: str, part_lines: list[int]) -> set[int]:
    """The lines a ``part_level`` cell names: ``a-b`` and ``a-`` (to the end of the part)."""
    lines: set[int] = set()
    last = max(part_lines, default=0)
    for chunk in filter(None, spec.split(";")):
        first, _, end = chunk.partition("-")
        lines.update(range(int(first), (int(end) if end else last) + 1))
    return lines


def _parts(text: str, table: pd.DataFrame) -> dict[int, dict]:
    """The parts the rules find, by the line of their heading: kind, sections and lines."""
    line_of = [text.count("\n", 0, start) + 1 for start in table["start"]]
    last_line = [text.count("\n", 0, end) + 1 for end in table["end"]]
    parts: dict[int, dict] = {}
    current = None
    for i, row in enumerate(table.itertuples(index=False)):
        if row.kind == "part":
            current = parts.setdefault(line_of[i], {"kind": row.part_kind, "sections": 0, "lines": [],
                                                    "candidates": set(), "predicted": set(), "seen_section": False})
        elif row.kind not in ("section", "paragraph") or current is None:
            current = None if row.kind in ("closing", "appendix") else current
            continue
        span = range(line_of[i], last_line[i] + 1)
        current["lines"].extend(span)
        if row.kind == "section":
            current["sections"] += 1
            current["seen_section"] = True
        elif row.kind == "paragraph" and current["seen_section"]:
            current["candidates"].update(span)
            if pd.isna(row.section):
                current["predicted"].update(span)
    return parts


def score_report(path: Path, labels: pd.DataFrame) -> dict:
    """One report's scores: for each measure True, False or None (not labelled), and what missed."""
    report = read_report(path)
    found = _parts(report.text, structure(report))
    rows = labels[labels["part_line"] != ""]
    labelled = {int(r.part_line): r for r in rows.itertuples(index=False)}
    misses: list[str] = []
    result: dict = {"file": path.name}
    kinds_labelled = any(r.part_kind for r in rows.itertuples())
    if kinds_labelled:
        result["parts"] = set(found) == set(labelled)
        if not result["parts"]:
            misses.append(f"parts at {sorted(found)}, labelled {sorted(labelled)}")
        result["sections"] = all(line in found and found[line]["sections"] == int(r.sections) for line, r in labelled.items())
        result["kinds"] = all(line in found and found[line]["kind"] == r.part_kind for line, r in labelled.items())
        for line, r in labelled.items():
            if line in found and found[line]["sections"] != int(r.sections):
                misses.append(f"part at {line}: {found[line]['sections']} sections, labelled {r.sections}")
            if line in found and found[line]["kind"] != r.part_kind:
                misses.append(f"part at {line}: {found[line]['kind']}, labelled {r.part_kind}")
    else:
        result.update(parts=None, sections=None, kinds=None)
    right = all(line in found for line in labelled)
    for line, part in found.items():
        spec = labelled[line].part_level if line in labelled else ""
        expected = _lines(spec, part["lines"]) & part["candidates"]
        if part["predicted"] != expected:
            right = False
            misses.append(f"part at {line}: part-level lines {_ranges(part['predicted'])}, labelled {_ranges(expected)}")
    result["part_level"] = right
    result["misses"] = "; ".join(misses)
    result["part_level_parts"] = sum(1 for line in labelled if line in found and found[line]["sections"])
    return result


def _ranges(lines: set[int]) -> str:
    out, run = [], []
    for line in sorted(lines):
        if run and line != run[-1] + 1:
            out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(line)
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ",".join(out) or "none"


def evaluate(subset: str | None = None, *, labels_path: Path = LABELS, root: Path = ROOT) -> pd.DataFrame:
    """Scores of every labelled report: one row each, columns ``corpus``, ``file``, the measures,
    ``misses`` and ``has_sections`` (False: the labels say no part has sections, so the report
    is right unless the rules invent some)."""
    labels = load_labels(labels_path, subset=subset)
    rows = []
    for (corpus, name), group in labels.groupby(["corpus", "file"], sort=True):
        rows.append({"corpus": corpus, **score_report(root / "seeds" / corpus / name, group),
                     "has_sections": bool((group["part_line"] != "").any())})
    return pd.DataFrame(rows, columns=["corpus", "file", *MEASURES, "misses", "part_level_parts", "has_sections"])


def summary(scores: pd.DataFrame) -> pd.DataFrame:
    """Right / labelled reports for each measure, with the 95% Wilson interval."""
    rows = []
    for measure in MEASURES:
        scored = scores[measure].dropna().astype(bool)
        if scored.empty:
            continue
        low, high = wilson(int(scored.sum()), len(scored))
        rows.append({"measure": measure, "right": int(scored.sum()), "reports": len(scored),
                     "low": round(low, 2), "high": round(high, 2)})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=["dev", "heldout"], help="score only this set of labels")
    parser.add_argument("--misses", action="store_true", help="list what each wrong report got wrong")
    args = parser.parse_args(argv)
    scores = evaluate(args.set)
    for has, title in [(True, "reports with sections"), (False, "reports without sections (right unless sections are invented)")]:
        chosen = scores[scores["has_sections"] == has]
        if not chosen.empty:
            print(f"{title}:")
            print(summary(chosen).to_string(index=False))
    if args.misses:
        for row in scores[scores["misses"] != ""].itertuples():
            print(f"{row.corpus}/{row.file}: {row.misses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
