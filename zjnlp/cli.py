"""The ``zjnlp`` command line: a thin layer over the library.

Every command reads one or more report files, calls the same function a notebook
calls, and prints its DataFrame as a readable table, CSV or JSON.

Exit codes: 0 when every file was analysed; 2 when an option is invalid (nothing is
analysed) or when some file could not be read or analysed (the other files are still
analysed and printed); 130 when interrupted. Every problem is one line on stderr,
``zjnlp: FILE: problem``, never a traceback: an unexpected error on one file is reported
as a bug in zjnlp, and the batch goes on. A report that looks like traditional Chinese,
read without ``--to-simplified``, gets a one-line warning and is analysed as it is
(exit code 0).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import pandas as pd

from zjnlp import __version__, errors
from zjnlp.errors import InputError, ZjnlpError
from zjnlp.read import Report

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
_TABLE_CELL = 40  # characters of a text cell shown in table format
_UNITS = ("document", "part", "section", "paragraph")


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
        cut = shown.columns.drop("file", errors="ignore")  # file names are shown whole
        shown[cut] = shown[cut].map(_short)
        with pd.option_context("display.unicode.east_asian_width", True):
            print(shown.to_string(index=False))


def _short(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = value.replace("\n", " ⏎ ")
    return value if len(value) <= _TABLE_CELL else value[: _TABLE_CELL - 1] + "…"


def _print_tokens(table: pd.DataFrame, fmt: str) -> None:
    """One file: its tokens as ``format_tokens`` gives them; several: one block per file."""
    from zjnlp.tokenize import format_tokens

    if "file" not in table.columns:
        print(format_tokens(table["tokens"].iloc[0], format=fmt))
        return
    for file, tokens in zip(table["file"], table["tokens"]):
        if fmt == "json":
            print(json.dumps({"file": file, "tokens": tokens}, ensure_ascii=False))
        else:
            print(f"==> {file} <==\n{format_tokens(tokens, format=fmt)}")


def _fail(message: str) -> None:
    print(f"zjnlp: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- commands
# Each command is a module-level function of (report, options) returning a DataFrame,
# so that batches can send it to worker processes.


def _sections(report: Report, *, by: str) -> pd.DataFrame:
    from zjnlp.structure import structure, units

    return structure(report) if by == "paragraph" else units(report, by=by)


def _tokens(report: Report) -> pd.DataFrame:
    """One row holding the list of tokens."""
    from zjnlp.tokenize import tokens_of

    return pd.DataFrame({"tokens": [tokens_of(report.text)]})


def _themes(report: Report, *, by: str, lexicons: tuple | None) -> pd.DataFrame:
    from zjnlp.themes import score_themes

    return score_themes(report, by=by, lexicons=lexicons)


def _targets(report: Report, *, include: str) -> pd.DataFrame:
    from zjnlp.targets import targets

    return targets(report, include=include)


def _keywords(report: Report, *, by: str, top: int, method: str, reference: tuple | None) -> pd.DataFrame:
    from zjnlp.keywords import keywords_for_cli

    return keywords_for_cli(report, by=by, top=top, method=method, reference=reference)


def _kwic(report: Report, *, term: str, window: int, by: str) -> pd.DataFrame:
    from zjnlp.context import kwic

    return kwic(report, term, window=window, by=by)


def _text(report: Report) -> pd.DataFrame:
    """The clean text, for ``discover``, which works on all the files at once."""
    return pd.DataFrame({"text": [report.text]})


def _analyse(report: Report, *, command: Callable[..., pd.DataFrame], **options: object) -> pd.DataFrame:
    """Run ``command`` on one report, warning about traditional script first.

    An unexpected error is a bug, but it must not stop a batch of a thousand files: it
    becomes an :class:`~zjnlp.errors.InputError` naming the file (as an InputError the
    analysis raises does, in :func:`~zjnlp.batch.map_reports`).
    """
    if (report.warnings["kind"] == "traditional_chinese").any():
        _fail(f"warning: {report.source}: {errors.TRADITIONAL}")
    try:
        return command(report, **options)
    except ZjnlpError:
        raise  # bad input (named after the file by map_reports) or an option error
    except Exception as error:
        raise InputError(report.source, errors.BUG.format(error=f"{type(error).__name__}: {error}")) from None


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors on one line, as every other error of zjnlp."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(errors.TOO_SMALL.format(minimum=minimum, value=text))
        return value

    return parse


_DESCRIPTION = """\
Chinese government work reports (政府工作报告) as data: each command reads report
files and prints a table (structure, tokens, keywords, themes, targets, ...).

A FILE is plain text or an HTML page, in UTF-8 (with or without BOM), UTF-16,
GB18030/GBK or Big5, with any line ends. Site text around the report (breadcrumbs,
dates, toolbars, footers) is removed first. A report in traditional Chinese is
analysed as it is, with a warning on stderr; --to-simplified converts it."""

_EPILOG = """\
Run 'zjnlp COMMAND --help' for a command's options and output columns.

examples:
  zjnlp sections report.txt --by section
  zjnlp targets reports/*.txt --format csv > targets.csv
  zjnlp kwic report.txt 绿色发展 --window 15

exit codes:
  0    every file was analysed
  2    an option is invalid, or a file could not be read (the other files are
       still analysed); each problem is one line on stderr: 'zjnlp: FILE: problem'
  130  interrupted (Ctrl-C)"""

_SKIPPED = """

A FILE that cannot be read (missing, empty, binary, undecodable, ...) is reported on
stderr and skipped; the exit code is then 2."""
_PER_FILE = "\nWith several files, a 'file' column comes first and the files are read in parallel."


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="zjnlp",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"zjnlp {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="commands")

    def command(name: str, summary: str, details: str, *, example: str, many: bool = True, several: str = _PER_FILE,
                formats: tuple[str, ...] = ("table", "csv", "json")) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=summary, description=f"{summary}\n\n{details}{_SKIPPED}{several if many else ''}",
            epilog=f"example:\n  {example}", formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if many:
            sub.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files: text or HTML, any common encoding")
        else:
            sub.add_argument("file", type=Path, metavar="FILE", help="a report file: text or HTML, any common encoding")
        sub.add_argument("--format", choices=formats, default=formats[0], help=f"output format (default: {formats[0]})")
        sub.add_argument("--to-simplified", action="store_true", help="convert traditional characters to simplified before the analysis")
        if many:
            sub.add_argument("--jobs", type=_at_least(1), default=None, metavar="N", help="worker processes for several files (default: one per core)")
        return sub

    from zjnlp.themes import available_lexicons

    def by(sub: argparse.ArgumentParser, default: str) -> None:
        sub.add_argument("--by", choices=_UNITS, default=default, help=f"unit of analysis (default: {default})")

    sections = command(
        "sections", "The report's structure: parts, sections and paragraphs.",
        "With --by paragraph (the default), one row per block of text: part, part_title,\n"
        "section, section_title, paragraph, headline, kind (address, part, section,\n"
        "paragraph, closing, appendix), start, end, text. With --by document, part or\n"
        "section, one row per unit: its numbers, title, kind, start, end, text.\n"
        "start/end are character offsets into the clean text.",
        example="zjnlp sections report.txt --by section --format csv",
    )
    by(sections, "paragraph")

    command(
        "tokens", "The report's tokens (words, punctuation), from the policy-aware tokenizer.",
        "text: one line of the report a line, tokens separated by ' / '. json: the list of\n"
        "every token, white space included (they join back to the clean text).",
        example="zjnlp tokens report.txt --format json", formats=("text", "json"),
        several="\nWith several files, one block per file, headed '==> FILE <=='\n(json: one line per file).",
    )

    keywords = command(
        "keywords", "The top keywords of each unit, by TF-IDF, TextRank or keyness.",
        "Columns: part, section, paragraph (down to the --by unit), then rank, term, score\n"
        "(TF-IDF weight, TextRank weight or log-likelihood G2). Stopwords and policy\n"
        "boilerplate (推进, 加快, ...) are left out.",
        example="zjnlp keywords report.txt --by section --top 5 --reference national",
    )
    by(keywords, "section")
    keywords.add_argument("--top", type=_at_least(1), default=10, metavar="N", help="keywords per unit (default: 10)")
    keywords.add_argument("--method", choices=("tfidf", "textrank", "keyness"), default="tfidf", help="ranking (default: tfidf)")
    keywords.add_argument(
        "--reference", action="append", metavar="national|FILE",
        help="reference corpus (repeatable): 'national' for the national reports 1954-2025, or a "
             "report file. tfidf: the IDF corpus (default: the report's own units); keyness: what "
             "each unit is compared with (default: the rest of the report); not with textrank",
    )

    kwic = command(
        "kwic", "Keyword in context: every occurrence of TERM with the text around it.",
        "Columns: part, section, paragraph (down to the --by unit), then start, end (offsets\n"
        "into the clean text), left, match, right. The context stops at the unit's edge.",
        example="zjnlp kwic report.txt 湛江湾 --window 10", many=False,
    )
    kwic.add_argument("term", metavar="TERM", help="the text to find (matched on characters, not tokens)")
    kwic.add_argument("--window", type=_at_least(0), default=20, metavar="N", help="characters of context on each side (default: 20)")
    by(kwic, "paragraph")

    themes = command(
        "themes", "Attention to themes (green development, talent, ...) in each unit.",
        "Columns: part, section, paragraph (down to the --by unit), title (of a part or\n"
        "section) or headline (of a paragraph), kind, then theme, hits (theme terms found),\n"
        "tokens, per_1000 (hits per 1,000 tokens), char_share (share of the characters in\n"
        "theme terms), terms (the terms found, with counts).",
        example="zjnlp themes reports/*.txt --lexicon green --lexicon talent",
    )
    by(themes, "document")
    themes.add_argument(
        "--lexicon", action="append", metavar="ID|PATH",
        help=f"a packaged theme ({', '.join(available_lexicons())}) or a TOML lexicon "
             "file; repeatable (default: every packaged theme)",
    )

    targets = command(
        "targets", "Every quantity the report commits to, one row each.",
        "Columns: part, section, paragraph, indicator (what is measured), value, upper (of\n"
        "a range), unit, qualifier (新增, 以上, 左右, ...), measure (increment, level,\n"
        "rate, ceiling or empty: what the number is), kind (target, achieved or\n"
        "baseline), text (the quantity as written), sentence, start, end, flags (notes\n"
        "such as percent_sign_missing: a rate given as a bare number, read as %).",
        example="zjnlp targets report.txt --include all --format csv",
    )
    targets.add_argument(
        "--include", choices=("targets", "all"), default="targets",
        help="'targets': what the report commits to (default); 'all': also the results it looks back on",
    )

    discover = command(
        "discover", "Candidate new words over all the FILEs, best first.",
        "Columns: word, count, pmi (cohesion), left_entropy, right_entropy (freedom at\n"
        "the edges), score, in_dictionary (the tokenizer knows it already).",
        example="zjnlp discover reports/*.txt --min-count 10 --top 100",
        several="\nThe files are read in parallel and make one corpus.",
    )
    discover.add_argument("--top", type=_at_least(1), default=50, metavar="N", help="candidates to show (default: 50)")
    discover.add_argument("--min-count", type=_at_least(1), default=5, metavar="N", help="fewest occurrences of a candidate (default: 5)")
    return parser


# --------------------------------------------------------------------------- running


def _task(args: argparse.Namespace) -> Callable[[Report], pd.DataFrame]:
    """The analysis of one report. Options that need no report to check (lexicons,
    reference files, the term) are checked here, before any file is read."""
    if args.command == "sections":
        return functools.partial(_analyse, command=_sections, by=args.by)
    if args.command == "tokens":
        return functools.partial(_analyse, command=_tokens)
    if args.command == "themes":
        from zjnlp.themes import resolve_lexicons

        return functools.partial(_analyse, command=_themes, by=args.by, lexicons=tuple(resolve_lexicons(args.lexicon)))
    if args.command == "targets":
        return functools.partial(_analyse, command=_targets, include=args.include)
    if args.command == "keywords":
        reference = _references(args.reference, to_simplified=args.to_simplified)
        return functools.partial(_analyse, command=_keywords, by=args.by, top=args.top, method=args.method, reference=reference)
    if args.command == "kwic":
        from zjnlp.context import term_pattern

        term_pattern(args.term)  # an empty term raises OptionError
        return functools.partial(_analyse, command=_kwic, term=args.term, window=args.window, by=args.by)
    if args.command == "discover":
        return functools.partial(_analyse, command=_text)
    raise AssertionError(args.command)


def _references(names: list[str] | None, *, to_simplified: bool) -> tuple | None:
    """Reference files read once, here: a bad one stops the command before it starts."""
    from zjnlp.read import read_report

    if not names:
        return None
    reference: list[str | Report] = []
    for name in names:
        if name == "national":
            reference.append(name)
            continue
        try:
            reference.append(read_report(Path(name), to_simplified=to_simplified))
        except InputError as error:
            raise InputError(f"--reference {error.source}", error.problem) from None
    return tuple(reference)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ZjnlpError as error:
        _fail(str(error))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `zjnlp … | head`: stop quietly
        # Python flushes stdout again at exit, which would fail and complain on stderr.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    from zjnlp.batch import map_reports

    files = [args.file] if args.command == "kwic" else args.files
    table, failed = map_reports(_task(args), files, jobs=getattr(args, "jobs", None), to_simplified=args.to_simplified)
    for error in failed:
        _fail(str(error))
    if len(files) == 1 and "file" in table.columns:
        table = table.drop(columns="file")
    if len(failed) == len(files):
        return EXIT_BAD_INPUT
    if args.command == "tokens":
        _print_tokens(table, args.format)
    elif args.command == "discover":
        from zjnlp.tokenize import discover_words

        _print_table(discover_words(table["text"], min_count=args.min_count, top=args.top), args.format)
    else:
        _print_table(table, args.format)
    return EXIT_BAD_INPUT if failed else 0


if __name__ == "__main__":
    sys.exit(main())
