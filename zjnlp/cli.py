"""The ``zjnlp`` command line: a thin layer over the library.

Every command reads one or more report files, calls the same function a notebook
calls, and prints its DataFrame as a readable table, CSV or JSON. A file that cannot
be read is one line on stderr (``zjnlp: FILE: problem``); the other files are still
analysed, and the exit code is 2 when any file or option was bad.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from zjnlp import __version__
from zjnlp.errors import ZjnlpError

EXIT_BAD_INPUT = 2
_TABLE_CELL = 40  # characters of a text cell shown in table format


def _print_table(table: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        table.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1))
        sys.stdout.write("\n")
    elif table.empty:
        print("(no rows)")
    else:
        shown = table.astype(object).where(table.notna(), "")  # unknown is empty
        with pd.option_context("display.unicode.east_asian_width", True):
            print(shown.map(_short).to_string(index=False))


def _short(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = value.replace("\n", " ⏎ ")
    return value if len(value) <= _TABLE_CELL else value[: _TABLE_CELL - 1] + "…"


# --------------------------------------------------------------------------- commands
# Each command is a module-level function of (report, options) returning a DataFrame,
# so that batches can send it to worker processes.


def _sections(report, *, by: str):
    from zjnlp.structure import structure, units

    if by == "paragraph":
        return structure(report)
    return units(report, by=by)


def _tokens(report):
    from zjnlp.tokenize import Tokenizer

    tokens = Tokenizer().for_text(report.text).cut(report.text)
    return pd.DataFrame({"token": tokens})


def _themes(report, *, by: str, lexicons: tuple[str, ...] | None):
    from zjnlp.themes import score_themes

    return score_themes(report, by=by, lexicons=lexicons)


def _targets(report, *, include: str):
    from zjnlp.targets import targets

    return targets(report, include=include)


def _keywords(report, *, by: str, top: int, method: str, reference: tuple[str, ...]):
    from zjnlp import keywords

    return keywords.keywords_for_cli(report, by=by, top=top, method=method, reference=reference)


def _kwic(report, *, term: str, window: int, by: str):
    from zjnlp.context import kwic

    return kwic(report, term, window=window, by=by)


# --------------------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zjnlp",
        description="Chinese government work reports as data: structure, tokens, keywords, themes, targets.",
        epilog="Exit codes: 0 success; 2 a file could not be read or an option is invalid (one line on stderr each).",
    )
    parser.add_argument("--version", action="version", version=f"zjnlp {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, *, formats=("table", "csv", "json"), default="table") -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files (text or HTML, any common encoding)")
        sub.add_argument("--format", choices=formats, default=default, help=f"output format (default: {default})")
        sub.add_argument("--to-simplified", action="store_true", help="convert traditional characters to simplified")
        sub.add_argument("--jobs", type=int, default=None, help="worker processes for many files (default: all cores)")
        return sub

    by_choices = ("document", "part", "section", "paragraph")
    sections = command("sections", "One row per paragraph (or per part/section with --by): part, section, section_title, paragraph, headline, start, end, text.")
    sections.add_argument("--by", choices=by_choices, default="paragraph")

    command("tokens", "The tokens of the report body (policy-aware tokenizer).", formats=("text", "json"), default="text")

    themes = command("themes", "Theme scores (hits, tokens, hits per 1,000 tokens, matched terms) per unit.")
    themes.add_argument("--by", choices=by_choices, default="document")
    themes.add_argument("--lexicon", action="append", metavar="ID|PATH", help="a theme id or a TOML lexicon file (repeatable; default: all)")

    targets = command("targets", "Every quantity the report commits to, as a table.")
    targets.add_argument("--include", choices=("targets", "all"), default="targets", help="targets only, or also quantities the report looks back on")

    keywords = command("keywords", "Keywords per unit: TF-IDF, TextRank or keyness.")
    keywords.add_argument("--by", choices=by_choices, default="section")
    keywords.add_argument("--top", type=int, default=10)
    keywords.add_argument("--method", choices=("tfidf", "textrank", "keyness"), default="tfidf")
    keywords.add_argument("--reference", nargs="+", default=("national",), metavar="national|FILE", help="reference corpus for IDF or keyness (default: the national reports)")

    kwic = commands.add_parser("kwic", help="Keyword in context: every occurrence of TERM with its unit and context.")
    kwic.add_argument("file", type=Path, metavar="FILE")
    kwic.add_argument("term", metavar="TERM")
    kwic.add_argument("--window", type=int, default=20, help="characters of context on each side (default: 20)")
    kwic.add_argument("--by", choices=by_choices, default="paragraph")
    kwic.add_argument("--format", choices=("table", "csv", "json"), default="table")
    kwic.add_argument("--to-simplified", action="store_true")

    discover = commands.add_parser("discover", help="Rank candidate new words over files by frequency, cohesion (PMI) and boundary entropy.")
    discover.add_argument("files", nargs="+", type=Path, metavar="FILE")
    discover.add_argument("--top", type=int, default=50)
    discover.add_argument("--min-count", type=int, default=5)
    discover.add_argument("--format", choices=("table", "csv", "json"), default="table")
    discover.add_argument("--to-simplified", action="store_true")
    return parser


def _task(args: argparse.Namespace) -> Callable:
    if args.command == "sections":
        return functools.partial(_sections, by=args.by)
    if args.command == "tokens":
        return _tokens
    if args.command == "themes":
        return functools.partial(_themes, by=args.by, lexicons=tuple(args.lexicon) if args.lexicon else None)
    if args.command == "targets":
        return functools.partial(_targets, include=args.include)
    if args.command == "keywords":
        return functools.partial(_keywords, by=args.by, top=args.top, method=args.method, reference=tuple(args.reference))
    raise AssertionError(args.command)


def _fail(message: str) -> None:
    print(f"zjnlp: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ZjnlpError as error:
        _fail(str(error))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `zjnlp … | head`
        return 0


def _run(args: argparse.Namespace) -> int:
    from zjnlp.batch import map_reports
    from zjnlp.read import read_report

    read_options = {"to_simplified": args.to_simplified}
    if args.command == "kwic":
        report = read_report(args.file, **read_options)
        _print_table(_kwic(report, term=args.term, window=args.window, by=args.by), args.format)
        return 0
    if args.command == "discover":
        from zjnlp.tokenize import discover_words

        texts, failed = [], False
        for path in args.files:
            try:
                texts.append(read_report(path, **read_options).text)
            except ZjnlpError as error:
                _fail(str(error))
                failed = True
        _print_table(discover_words(texts, min_count=args.min_count, top=args.top), args.format)
        return EXIT_BAD_INPUT if failed else 0

    table, errors = map_reports(_task(args), args.files, jobs=args.jobs, **read_options)
    for error in errors:
        _fail(str(error))
    if len(args.files) == 1 and "file" in table.columns:
        table = table.drop(columns="file")
    if args.command == "tokens":
        _print_tokens(table, args.format)
    elif not table.empty or not errors:
        _print_table(table, args.format)
    return EXIT_BAD_INPUT if errors else 0


def _print_tokens(table: pd.DataFrame, fmt: str) -> None:
    """Tokens: one line per file, tokens separated by spaces (text), or JSON lists."""
    import json

    groups = [table] if "file" not in table.columns else [g for _, g in table.groupby("file", sort=False)]
    for group in groups:
        tokens = group["token"].tolist()
        if fmt == "json":
            print(json.dumps(tokens, ensure_ascii=False))
        else:
            print(" ".join(t.replace("\n", "⏎") for t in tokens if not t.isspace()))


if __name__ == "__main__":
    sys.exit(main())
