"""Regenerate the golden outputs in ``tests/golden/``: every command on every report.

For each corpus in ``seeds/`` (``national``, ``provinces-2026``, ``zhanjiang-2023``) and
each case in :data:`CASES` (a command with one set of options), the command line's
output on all the corpus's reports is stored as ``tests/golden/<corpus>/<case>.csv``,
followed by a last line with the exit code. ``tests/test_golden.py`` recomputes every
file and compares.

To keep the files small and their diffs readable, a line end in a cell is shown as ⏎
and a cell longer than :data:`LONG` characters is stored as its first characters, its
length and a hash (``start``/``end`` columns pin the text anyway);
the clean text of each report is pinned by its hash in ``read-text.csv``.

When a change *means* to alter outputs: run ``python scripts/golden.py``, read
``git diff tests/golden``, and explain the differences in the commit message.

Usage::

    python scripts/golden.py                            # every corpus and case
    python scripts/golden.py national                   # one corpus
    python scripts/golden.py --case 'keywords-keyness*'  # some cases, every corpus
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CORPORA = ("national", "provinces-2026", "zhanjiang-2023")
LONG = 48  # characters of a cell stored whole
UNITS = ("document", "part", "section", "paragraph")

SEED = ("zhanjiang-2023",)

# case name -> the arguments after the files; every command prints CSV.
CASES: dict[str, list[str]] = {
    **{f"sections-by-{by}": ["sections", "--by", by] for by in UNITS},
    **{f"themes-by-{by}": ["themes", "--by", by] for by in UNITS},
    **{f"targets-include-{include}": ["targets", "--include", include] for include in ("targets", "all")},
    **{f"keywords-tfidf-by-{by}": ["keywords", "--method", "tfidf", "--by", by] for by in ("document", "part", "section")},
    "keywords-textrank-by-section": ["keywords", "--method", "textrank", "--by", "section"],
    **{f"keywords-keyness-by-{by}": ["keywords", "--method", "keyness", "--by", by] for by in ("part", "section")},
    "keywords-tfidf-national": ["keywords", "--method", "tfidf", "--reference", "national"],
    "keywords-keyness-national": ["keywords", "--method", "keyness", "--by", "document", "--reference", "national"],
    "discover": ["discover", "--top", "50"],
}
KWIC_TERMS = ("绿色", "人才", "万亿元")
# Cases run on the seed page only: the same code paths as a case run everywhere, but
# seconds per report (TextRank, the national reference, discover over a corpus), or
# tables of every paragraph times every theme.
ONLY_SEED = {
    "themes-by-paragraph", "keywords-tfidf-by-document", "keywords-tfidf-by-part", "keywords-textrank-by-section",
    "keywords-keyness-by-part", "keywords-tfidf-national", "keywords-keyness-national", "discover", "kwic-人才",
}


def files(corpus: str) -> list[Path]:
    """The reports of a corpus, in name order."""
    return sorted((ROOT / "seeds" / corpus).glob("*.txt"))


def cases(corpus: str) -> list[str]:
    """The names of the golden files of a corpus (without ``.csv``)."""
    names = [*CASES, "tokens", "tokens-text", *(f"kwic-{term}" for term in KWIC_TERMS), "read-text", "read-removed", "read-warnings"]
    return [name for name in names if corpus in SEED or name not in ONLY_SEED]


def _cli(argv: list[str]) -> tuple[int, str]:
    from zjnlp.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exit:
            code = exit.code
    return code, out.getvalue()


def _short(cell: str) -> str:
    """The cell on one line (a line end shown as ⏎); a long one cut, with its length and hash."""
    shown = cell.replace("\n", "⏎")
    if len(cell) <= LONG:
        return shown
    digest = hashlib.sha1(cell.encode("utf-8")).hexdigest()[:10]
    return f"{shown[:LONG // 2]}…[{len(cell)} chars, sha1 {digest}]"


def _relative(name: str) -> str:
    return name.removeprefix(f"{ROOT}/")


def _rows_to_csv(rows: list[list[str]], code: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[_short(_relative(cell)) for cell in row] for row in rows])
    return out.getvalue() + f"# exit code {code}\n"


def _csv(code: int, text: str) -> str:
    return _rows_to_csv(list(csv.reader(io.StringIO(text))), code)


def _per_file(paths: list[Path], argv: list[str]) -> str:
    """A command that takes one file (kwic), run on each report, stacked with a file column."""
    rows: list[list[str]] = []
    codes = set()
    for path in paths:
        code, text = _cli([argv[0], str(path), *argv[1:], "--format", "csv"])
        codes.add(code)
        table = list(csv.reader(io.StringIO(text)))
        if table and not rows:
            rows.append(["file", *table[0]])
        rows.extend([str(path), *row] for row in table[1:])
    return _rows_to_csv(rows, max(codes))


def _token_rows(paths: list[Path]) -> str:
    """Per report: the number of tokens, a hash of the sequence and the first tokens."""
    code, text = _cli(["tokens", *map(str, paths), "--format", "json"])
    if len(paths) == 1:
        lists = [(str(paths[0]), json.loads(text))]
    else:
        lists = [(record["file"], record["tokens"]) for record in map(json.loads, text.splitlines())]
    rows = [["file", "tokens", "chars", "sha1", "first"]]
    for name, tokens in lists:
        digest = hashlib.sha1("\x1f".join(tokens).encode("utf-8")).hexdigest()[:16]
        rows.append([name, str(len(tokens)), str(sum(map(len, tokens))), digest, " / ".join(tokens[:12])])
    return _rows_to_csv(rows, code)


def _token_text(paths: list[Path]) -> str:
    """The text format: per block (one per file), its lines, a hash and its first line."""
    code, text = _cli(["tokens", *map(str, paths), "--format", "text"])
    blocks: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("==> ") and line.endswith(" <=="):
            blocks.append((line[4:-4], []))
        elif not blocks:
            blocks.append((str(paths[0]), [line]))
        else:
            blocks[-1][1].append(line)
    rows = [["file", "lines", "sha1", "first"]]
    for name, lines in blocks:
        digest = hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:16]
        rows.append([name, str(len(lines)), digest, lines[0] if lines else ""])
    return _rows_to_csv(rows, code)


def _read(paths: list[Path], part: str) -> str:
    """The read stage: clean text (hash), metadata, removed site text, warnings."""
    from zjnlp.read import read_report

    rows: list[list[str]] = []
    for path in paths:
        report = read_report(path)
        if part == "text":
            text = report.text
            if not rows:
                rows.append(["file", "chars", "sha1", "first", "encoding", "format", *report.metadata])
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
            metadata = ["" if value is None else str(value) for value in report.metadata.values()]
            rows.append([str(path), str(len(text)), digest, text[:20], report.encoding, report.format, *metadata])
        else:
            table = report.removed if part == "removed" else report.warnings
            if not rows:
                rows.append(["file", *map(str, table.columns)])
            rows.extend([str(path), *("" if value is None else str(value) for value in row)] for row in table.itertuples(index=False))
    return _rows_to_csv(rows, 0)


def output(corpus: str, case: str) -> str:
    """The golden text of one case on one corpus, as the code computes it now."""
    paths = files(corpus)
    generators: dict[str, Callable[[], str]] = {
        "tokens": lambda: _token_rows(paths),
        "tokens-text": lambda: _token_text(paths),
        "read-text": lambda: _read(paths, "text"),
        "read-removed": lambda: _read(paths, "removed"),
        "read-warnings": lambda: _read(paths, "warnings"),
    }
    if case in generators:
        return generators[case]()
    if case.startswith("kwic-"):
        return _per_file(paths, ["kwic", case.removeprefix("kwic-")])
    argv = CASES[case]
    return _csv(*_cli([argv[0], *map(str, paths), *argv[1:], "--format", "csv"]))


def path(corpus: str, case: str) -> Path:
    return GOLDEN / corpus / f"{case}.csv"


def main(argv: list[str]) -> None:
    """Write the golden files of the corpora and cases ``argv`` names (all by default)."""
    import argparse
    import fnmatch

    parser = argparse.ArgumentParser(description="Regenerate the golden outputs in tests/golden/.")
    parser.add_argument("corpora", nargs="*", choices=[[], *CORPORA], metavar="CORPUS", help=", ".join(CORPORA))
    parser.add_argument("--case", action="append", default=[], metavar="PATTERN", help="only cases matching (shell-style)")
    args = parser.parse_args(argv)
    for corpus in args.corpora or CORPORA:
        (GOLDEN / corpus).mkdir(parents=True, exist_ok=True)
        for case in cases(corpus):
            if args.case and not any(fnmatch.fnmatch(case, pattern) for pattern in args.case):
                continue
            path(corpus, case).write_text(output(corpus, case), encoding="utf-8")
            print(f"{corpus}/{case}.csv", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
