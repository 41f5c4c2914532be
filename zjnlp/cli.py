"""The ``zjnlp`` command line: a thin layer over the library.

Every command reads one or more report files, calls the same function a notebook
calls, and prints its DataFrame as a readable table, CSV or JSON. The commands are
declared once, in :data:`COMMANDS`: the library function each one calls, its options
(their defaults and choices come from that function's signature), its output columns
(from the stage's ``COLUMNS`` constants) and its help. One runner serves them all.

Exit codes: 0 when every file was analysed; 2 when an option is invalid (nothing is
analysed) or when some file could not be read or analysed (the other files are still
analysed and printed); 130 when interrupted. Every problem is one line on stderr,
``zjnlp: FILE: problem``, never a traceback: an unexpected error on one file is reported
as a bug in zjnlp, and the batch goes on. A report that looks like traditional Chinese,
read without ``--to-simplified``, gets a one-line warning and is analysed as it is
(exit code 0); so does a hard-wrapped text, whose lines are joined into paragraphs.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, get_args

from zjnlp import __version__, errors
from zjnlp.errors import InputError, ZjnlpError
from zjnlp.terminal import HelpFormatter

if TYPE_CHECKING:  # pandas and the reader load only when a command runs, not for --help
    import pandas as pd

    from zjnlp.read import Report

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


# --------------------------------------------------------------------------- printing


def _print_table(table: pd.DataFrame, fmt: str, *, wide: bool = False, **layout: Sequence[str]) -> None:
    """CSV and JSON whole; a table sized for the terminal (every cell whole with ``wide``), laid
    out by :func:`zjnlp.terminal.format_table`'s ``expendable`` and ``right_aligned``."""
    if fmt == "csv":
        table.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1))
        sys.stdout.write("\n")
    else:
        from zjnlp.terminal import format_table

        print(format_table(table, wide=wide, **layout))


def _print_tokens(table: pd.DataFrame, fmt: str, *, wide: bool = False) -> None:
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


# --------------------------------------------------------------------------- analyses
# Module-level functions of (report, **options), so that batches can send them to
# worker processes. A command whose library function takes the report first needs none.


def _sections(report: Report, *, by: str, part_kind: Sequence[str] | None = None) -> pd.DataFrame:
    """``structure`` by paragraph (its headlines and titles), else ``units``; only the parts
    of the kinds asked for."""
    from zjnlp.structure import part_kinds, structure, units

    if by != "paragraph":
        return units(report, by=by, part_kind=part_kind)
    table = structure(report)
    kinds = part_kinds(part_kind)
    return table if kinds is None else table[table["part_kind"].isin(kinds)].reset_index(drop=True)


def _tokens(report: Report) -> pd.DataFrame:
    """One row holding the list of tokens."""
    import pandas as pd

    from zjnlp.tokenize import tokens_of

    return pd.DataFrame({"tokens": [tokens_of(report.text)]})


def _text(report: Report) -> pd.DataFrame:
    """The clean text, for ``discover``, which works on all the files at once."""
    import pandas as pd

    return pd.DataFrame({"text": [report.text]})


def _function(name: str) -> Callable[..., Any]:
    """``"zjnlp.targets:targets"`` → the function, imported when first needed."""
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _analyse(report: Report, *, analysis: str, **options: object) -> pd.DataFrame:
    """Run the function named ``analysis`` on one report, warning first about traditional script and about lines joined.

    An unexpected error is a bug, but it must not stop a batch of a thousand files: it
    becomes an :class:`~zjnlp.errors.InputError` naming the file (as an InputError the
    analysis raises does, in :func:`~zjnlp.batch.map_reports`).
    """
    if (report.warnings["kind"] == "traditional_chinese").any():
        _fail(f"warning: {report.source}: {errors.TRADITIONAL}")
    for message in report.warnings.loc[report.warnings["kind"] == "hard_wrapped", "message"]:
        _fail(f"warning: {report.source}: {message}")
    try:
        return _function(analysis)(report, **options)
    except ZjnlpError:
        raise  # bad input (named after the file by map_reports) or an option error
    except Exception as error:
        raise InputError(report.source, errors.BUG.format(error=f"{type(error).__name__}: {error}")) from None


# --------------------------------------------------------------------------- checks before reading
# Options that need no report to check are checked (and converted) before any file is
# read: each function takes the options and returns them ready for the analysis.


def _check_lexicons(options: dict, *, to_simplified: bool) -> dict:
    from zjnlp.themes import resolve_lexicons

    return {**options, "lexicons": tuple(resolve_lexicons(options["lexicons"]))}


def _check_term(options: dict, *, to_simplified: bool) -> dict:
    from zjnlp.context import term_pattern

    term_pattern(options["term"])  # an empty term raises OptionError
    return options


def _check_target_words(options: dict, *, to_simplified: bool) -> dict:
    from zjnlp.quantities import quantity_words

    if options["lexicon"] is not None:
        quantity_words(options["lexicon"])  # a bad file raises InputError naming the key
    return options


def _read_references(options: dict, *, to_simplified: bool) -> dict:
    """Reference files read once, here: a bad one stops the command before it starts."""
    from zjnlp.read import read_report

    names = options["reference"]
    if not names:
        return {**options, "reference": None}
    reference: list[str | Report] = []
    for name in names:
        if name == "national":
            reference.append(name)
            continue
        try:
            reference.append(read_report(Path(name), to_simplified=to_simplified))
        except InputError as error:
            raise InputError(f"--reference {error.source}", error.problem) from None
    return {**options, "reference": tuple(reference)}


# --------------------------------------------------------------------------- the commands


@dataclass(frozen=True)
class Option:
    """One option of a command, for the keyword ``parameter`` of the command's function.

    The default comes from the signature of the function that takes ``parameter`` (the
    analysis, the command's ``combine``, or ``signature`` for an analysis that only
    dispatches) unless ``default`` is given with a reason;
    ``choices`` come from the parameter's ``Literal`` type when ``literal`` names it.
    """

    flag: str  # "--by", or a positional argument's name
    parameter: str
    help: str
    literal: str | None = None  # "zjnlp.structure:Unit": the choices
    minimum: int | None = None  # a whole number at least this
    repeatable: bool = False
    values: bool = False  # one or more values after the flag, repeatable (--part-kind plan outlook)
    switch: bool = False  # a flag without a value that turns the default over (--appendices, --all)
    metavar: str | None = None
    default: Any = inspect.Parameter.empty  # only where the command line differs on purpose
    corpus: bool = False  # an option of ``combine``, not of the analysis of each report
    signature: str | None = None  # "module:function" whose default to take, if not the command's


@dataclass(frozen=True)
class Command:
    """One command: the function it runs on each report, its options, columns and help."""

    name: str
    summary: str
    analysis: str  # "module:function" called as function(report, **options)
    example: str
    columns: Callable[[], str] | None = None  # the output columns, described for --help
    details: str = ""
    options: tuple[Option, ...] = ()
    check: Callable[..., dict] | None = None  # options checked before any file is read
    combine: str | None = None  # "module:function" of all the reports' table, for corpus options
    show: Callable[[pd.DataFrame, str], None] = _print_table
    formats: tuple[str, ...] = ("table", "csv", "json")
    several: str = "\nWith several files, a 'file' column comes first and the files are read in parallel."


def _described(columns: Sequence[str], notes: dict[str, str]) -> str:
    return ", ".join(f"{column} ({notes[column]})" if column in notes else column for column in columns)


def _unit_prefix() -> str:
    from zjnlp.structure import UNIT_COLUMNS

    return f"{', '.join(UNIT_COLUMNS)} (down to the --by unit)"


def _sections_columns() -> str:
    from zjnlp.structure import STRUCTURE_COLUMNS, UNITS_COLUMNS

    return (
        f"With --by paragraph (the default), one row per block of text: "
        f"{_described(STRUCTURE_COLUMNS, {'kind': 'address, contents, part, section, paragraph, closing, appendix'})}. "
        f"With --by document, part or section, one row per unit: its numbers, {', '.join(UNITS_COLUMNS)}. "
        "start/end are character offsets into the clean text."
    )


def _keywords_columns() -> str:
    from zjnlp.keywords import KEYWORD_COLUMNS

    notes = {"score": "TF-IDF weight, TextRank weight or log-likelihood G2"}
    return (
        f"Columns: {_unit_prefix()}, then {_described(KEYWORD_COLUMNS, notes)}. Stopwords and policy "
        "boilerplate (推进, 加快, ...) are left out."
    )


def _kwic_columns() -> str:
    from zjnlp.context import KWIC_COLUMNS

    notes = {"end": "offsets into the clean text"}
    return f"Columns: {_unit_prefix()}, then {_described(KWIC_COLUMNS, notes)}. The context stops at the unit's edge."


def _themes_columns() -> str:
    from zjnlp.themes import SCORE_COLUMNS

    notes = {
        "hits": "theme terms found", "per_1000": "hits per 1,000 tokens",
        "char_share": "share of the characters in theme terms", "terms": "the terms found, with counts",
    }
    return (
        f"Columns: {_unit_prefix()}, title (of a part or section) or headline (of a paragraph), part_kind "
        "(review, plan, outlook, government or other; below --by document), kind, "
        f"then {_described(SCORE_COLUMNS, notes)}."
    )


def _targets_columns() -> str:
    from zjnlp.targets import COLUMNS

    notes = {
        "indicator": "what is measured", "upper": "of a range", "qualifier": "新增, 以上, 左右, ...",
        "measure": "increment, level, rate, ceiling or empty: what the number is",
        "kind": "target, achieved or baseline", "text": "the quantity as written",
        "flags": "notes such as percent_sign_missing: a rate given as a bare number, read as %",
    }
    return f"Columns: {_described(COLUMNS, notes)}."


def _discover_columns() -> str:
    from zjnlp.tokenize import DISCOVER_COLUMNS

    notes = {
        "pmi": "cohesion", "right_entropy": "freedom at the edges",
        "in_dictionary": "the tokenizer knows it already",
        "aligned": "share of occurrences that start and end at token boundaries",
        "example": "its first occurrence, 12 characters either side",
    }
    return f"Columns: {_described(DISCOVER_COLUMNS, notes)}."


def _by() -> Option:
    return Option("--by", "by", "unit of analysis", literal="zjnlp.structure:Unit")


def _part_kind(signature: str | None = None) -> Option:
    return Option("--part-kind", "part_kind", "keep only parts of these kinds (one or more; default: all text): review "
                  "(of past work), plan (this year's requirements, targets and tasks), outlook (a five-year plan), "
                  "government (the government's own building), other", literal="zjnlp.structure:PartKind",
                  values=True, metavar="KIND", signature=signature)


def _choosing() -> tuple[Option, ...]:
    """--appendices and --part-kind: the text an analysis reads."""
    return (
        Option("--appendices", "appendices", "count the appendices (名词解释, lists of 民生实事) too; by default they "
               "are left out, so --by document totals the speech alone", switch=True),
        _part_kind(),
    )


COMMANDS: tuple[Command, ...] = (
    Command(
        "sections", "The report's structure: parts, sections and paragraphs.", "zjnlp.cli:_sections",
        columns=_sections_columns,
        options=(
            Option("--by", "by", "unit of analysis", literal="zjnlp.structure:Unit", signature="zjnlp.structure:units"),
            _part_kind(signature="zjnlp.structure:units"),
        ),
        example="zjnlp sections report.txt --by section --part-kind plan --format csv",
        show=functools.partial(_print_table, expendable=(
            "start", "end", "part_kind_inferred", "role_basis", "headline", "part_title", "section_title")),
    ),
    Command(
        "tokens", "The report's tokens (words, punctuation), from the policy-aware tokenizer.", "zjnlp.cli:_tokens",
        details="text: one line of the report a line, tokens separated by ' / '. json: the list of every token, "
                "white space included (they join back to the clean text).",
        example="zjnlp tokens report.txt --format json", formats=("text", "json"), show=_print_tokens,
        several="\nWith several files, one block per file, headed '==> FILE <=='\n(json: one line per file).",
    ),
    Command(
        "keywords", "The top keywords of each unit, by TF-IDF, TextRank or keyness.", "zjnlp.keywords:keywords_for_cli",
        columns=_keywords_columns, check=_read_references,
        options=(
            _by(),
            Option("--top", "top", "keywords per unit", minimum=1, metavar="N"),
            Option("--method", "method", "ranking", literal="zjnlp.keywords:Method"),
            Option("--reference", "reference", "reference corpus (repeatable): 'national' for the national reports "
                   "1954-2025, or a report file. tfidf: the IDF corpus (default: the report's own units); keyness: "
                   "what each unit is compared with (default: the rest of the report); not with textrank",
                   repeatable=True, metavar="national|FILE"),
            *_choosing(),
        ),
        example="zjnlp keywords report.txt --by section --top 5 --reference national",
    ),
    Command(
        "kwic", "Keyword in context: every occurrence of TERM with the text around it.", "zjnlp.context:kwic",
        columns=_kwic_columns, check=_check_term,
        options=(
            Option("term", "term", "the text to find (matched on characters, not tokens)", metavar="TERM"),
            Option("--window", "window", "characters of context on each side", minimum=0, metavar="N"),
            _by(),
            *_choosing(),
        ),
        example="zjnlp kwic 湛江湾 report.txt --window 10",
        show=functools.partial(_print_table, expendable=("start", "end"), right_aligned=("left",)),
    ),
    Command(
        "themes", "Attention to themes (green development, talent, ...) in each unit.", "zjnlp.themes:score_themes",
        columns=_themes_columns, check=_check_lexicons,
        options=(
            _by(),
            Option("--lexicon", "lexicons", "a packaged theme ({lexicons}) or a TOML lexicon file; repeatable "
                   "(default: every packaged theme)", repeatable=True, metavar="ID|PATH"),
            *_choosing(),
        ),
        example="zjnlp themes reports/*.txt --by document --part-kind plan --lexicon green",
    ),
    Command(
        "targets", "Every quantity the report commits to, one row each.", "zjnlp.targets:targets",
        columns=_targets_columns, check=_check_target_words,
        options=(
            Option("--include", "include", "'targets': what the report commits to; 'all': also the results "
                   "it looks back on", literal="zjnlp.targets:Include"),
            Option("--lexicon", "lexicon", "a TOML file of your own that extends the packaged targets.toml (units "
                   "of measure, multipliers, cues), or replaces it with 'replace = true'", metavar="PATH"),
            *_choosing(),
        ),
        example="zjnlp targets report.txt --include all --format csv",
        show=functools.partial(_print_table, expendable=("start", "end")),
    ),
    Command(
        "discover", "Candidate new words over all the FILEs, best first.", "zjnlp.cli:_text",
        combine="zjnlp.tokenize:discover_words", columns=_discover_columns,
        options=(
            # the library returns every candidate; a terminal shows the best 50
            Option("--top", "top", "candidates to show", minimum=1, metavar="N", default=50, corpus=True),
            Option("--min-count", "min_count", "fewest occurrences of a candidate (default: 2 on one report, "
                   "growing with the square root of the files' length: 5 on a million characters)",
                   minimum=1, metavar="N", corpus=True),
            # a terminal is for finding new words; the library's default keeps every candidate
            Option("--all", "new_only", "show every candidate, not only new words (by default: those neither jieba's "
                   "dictionary nor the policy lexicon holds, that are not phrases and join whole tokens)",
                   default=True, corpus=True, switch=True),
            # most false new words are two known words side by side (湖北经济): a terminal leaves them out
            Option("--juxtapositions", "juxtapositions", "also show new words that read as two words side by side "
                   "(tokens the files use apart three times as often as together: 湖北经济, or the national reports "
                   "25 times: 管理改革; a thing and a verb: "
                   "居民增收; a one-character verb and one character: 做优; a phrase cut before its head: 高于全国)",
                   default=False, corpus=True, switch=True),
        ),
        example="zjnlp discover reports/*.txt --min-count 10 --top 100",
        # the word and where it occurs matter more than the statistics behind its score
        show=functools.partial(_print_table, expendable=("in_dictionary", "aligned", "left_entropy", "right_entropy")),
        several="\nThe files are read in parallel and make one corpus.",
    ),
)


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
GB18030/GBK or Big5, with any line ends; or a Word document (.docx) or a PDF with a
text layer. Site text around the report (breadcrumbs, dates, toolbars, footers) and
the page furniture of Word and PDF files (page numbers, running heads, notes) are
removed first. A report in traditional Chinese is analysed as it is, with a warning
on stderr; --to-simplified converts it."""

_EPILOG = """\
Run 'zjnlp COMMAND --help' for a command's options and output columns.

examples:
  zjnlp sections report.txt --by section
  zjnlp targets reports/*.txt --format csv > targets.csv
  zjnlp kwic 绿色发展 reports/*.txt --jobs 2

exit codes:
  0    every file was analysed
  2    an option is invalid, or a file could not be read (the other files are
       still analysed); each problem is one line on stderr: 'zjnlp: FILE: problem'
  130  interrupted (Ctrl-C)"""

_SKIPPED = """

A FILE that cannot be read (missing, empty, binary, undecodable, ...) is reported on
stderr and skipped; the exit code is then 2."""


def _default(command: Command, option: Option) -> Any:
    """The option's default: given on purpose, else from the library function's signature."""
    if option.default is not inspect.Parameter.empty:
        return option.default
    function = _function(option.signature or (command.combine if option.corpus else command.analysis))
    default = inspect.signature(function).parameters[option.parameter].default
    if default is inspect.Parameter.empty:
        raise AssertionError(f"{command.name} {option.flag}: {option.parameter} has no default")
    return default


def _add_option(parser: argparse.ArgumentParser, command: Command, option: Option) -> None:
    help_text = option.help
    if "{lexicons}" in help_text:  # loading the themes (and the tokenizer) costs 0.5 s: only for them
        from zjnlp.themes import available_lexicons

        help_text = help_text.format(lexicons=", ".join(available_lexicons()))
    if not option.flag.startswith("-"):
        parser.add_argument(option.parameter, metavar=option.metavar, help=help_text)
        return
    if option.switch:
        default = _default(command, option)
        action = "store_false" if default else "store_true"
        parser.add_argument(option.flag, dest=option.parameter, action=action, default=default, help=help_text)
        return
    settings: dict[str, Any] = {"dest": option.parameter, "metavar": option.metavar}
    if option.values:
        settings.update(action="extend", nargs="+")
    elif option.repeatable:
        settings["action"] = "append"
    else:
        default = _default(command, option)
        settings["default"] = default
        help_text += "" if default is None else f" (default: {default})"
    if option.literal is not None:
        settings["choices"] = get_args(_function(option.literal))
    if option.minimum is not None:
        settings["type"] = _at_least(option.minimum)
    parser.add_argument(option.flag, help=help_text, **settings)


def _add_command(commands: argparse._SubParsersAction, command: Command, *, full: bool) -> None:
    """The command's parser; with ``full``, its description and options (which import the
    library functions their defaults come from, so only the command being run gets them)."""
    if not full:
        commands.add_parser(command.name, help=command.summary)
        return
    details = command.details or command.columns()
    sub = commands.add_parser(
        command.name, help=command.summary, description=f"{command.summary}\n\n{details}{_SKIPPED}{command.several}",
        epilog=f"example:\n  {command.example}", formatter_class=HelpFormatter,
    )
    positional = [option for option in command.options if not option.flag.startswith("-")]
    for option in positional:  # before the files: zjnlp kwic TERM FILE…
        _add_option(sub, command, option)
    sub.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files: text or HTML in any common encoding, Word (.docx) or PDF")
    formats = command.formats
    sub.add_argument("--format", choices=formats, default=formats[0], help=f"output format (default: {formats[0]})")
    if "table" in formats:
        sub.add_argument("--wide", action="store_true", help="table: every column and every cell whole, however wide")
    sub.add_argument("--to-simplified", action="store_true", help="convert traditional characters to simplified before the analysis")
    sub.add_argument("--jobs", type=_at_least(1), default=None, metavar="N", help="worker processes for several files (default: one per core)")
    for option in command.options:
        if option not in positional:
            _add_option(sub, command, option)


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, given ``argv``, with only the chosen command's options."""
    parser = _Parser(prog="zjnlp", description=_DESCRIPTION, epilog=_EPILOG, formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"zjnlp {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="commands")
    # the top level takes no option values, so the first word that is not an option is the command
    chosen = None if argv is None else next((arg for arg in argv if not arg.startswith("-")), "")
    for command in COMMANDS:
        _add_command(commands, command, full=chosen is None or command.name == chosen)
    return parser


# --------------------------------------------------------------------------- running


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(argv).parse_args(argv)
    try:
        return _run(next(command for command in COMMANDS if command.name == args.command), args)
    except ZjnlpError as error:
        _fail(str(error))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `zjnlp … | head`: stop quietly
        # Python flushes stdout again at exit, which would fail and complain on stderr.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _run(command: Command, args: argparse.Namespace) -> int:
    """Check the options, analyse every file, combine and print: the same for every command."""
    from zjnlp.batch import map_reports

    options = {option.parameter: getattr(args, option.parameter) for option in command.options if not option.corpus}
    if command.check is not None:
        options = command.check(options, to_simplified=args.to_simplified)
    files = args.files
    task = functools.partial(_analyse, analysis=command.analysis, **options)
    table, failed = map_reports(task, files, jobs=getattr(args, "jobs", None), to_simplified=args.to_simplified)
    for error in failed:
        _fail(str(error))
    if len(files) == 1 and "file" in table.columns:
        table = table.drop(columns="file")
    if len(failed) == len(files):
        return EXIT_BAD_INPUT
    if command.combine is not None:
        corpus_options = {option.parameter: getattr(args, option.parameter) for option in command.options if option.corpus}
        table = _function(command.combine)(table["text"], **corpus_options)
    command.show(table, args.format, wide=getattr(args, "wide", False))
    return EXIT_BAD_INPUT if failed else 0


if __name__ == "__main__":
    sys.exit(main())
