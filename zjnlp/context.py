"""Keyword in context: every place a term occurs, with the text around it.

Terms are matched on the clean text, not on tokens, so a multi-word term such as
粤港澳大湾区 is found whatever the tokenizer makes of it. Each match carries the unit
columns of the unit it lies in and its ``start``/``end`` offsets into the clean text, so
the passage behind any count is one lookup away (and
:meth:`Report.to_original <zjnlp.read.Report.to_original>` maps it back to the file).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from zjnlp.errors import OptionError, check_whole_number
from zjnlp.read import Report
from zjnlp.structure import Unit, as_report, unit_columns, units

__all__ = ["KWIC_COLUMNS", "NEWLINE_MARK", "kwic", "term_pattern"]

KWIC_COLUMNS = ["start", "end", "left", "match", "right"]
NEWLINE_MARK = "⏎"


def term_pattern(terms: str | Iterable[str], *, regex: bool = False) -> re.Pattern[str]:
    """One pattern matching any of ``terms``, the longest first where two start together.

    Parameters
    ----------
    terms : str or iterable of str
        A term or several; with ``regex=True``, regular expressions.
    regex : bool, default=False
        Treat the terms as regular expressions rather than literal strings.

    Raises
    ------
    zjnlp.errors.OptionError
        No term is given, a term is empty, or a regular expression does not compile.

    Examples
    --------
    >>> term_pattern(["红树林", "红树林之城"]).findall("建设红树林之城")
    ['红树林之城']
    """
    wanted = [terms] if isinstance(terms, str) else list(terms)
    if not wanted or any(not isinstance(t, str) or not t for t in wanted):
        raise OptionError("term", terms, "a non-empty string or a list of non-empty strings")
    if regex:
        alternatives = wanted
    else:
        alternatives = [re.escape(t) for t in sorted(set(wanted), key=len, reverse=True)]
    try:
        return re.compile("|".join(f"(?:{a})" for a in alternatives))
    except re.error as error:
        raise OptionError("term", terms, f"regular expressions that compile ({error})") from None


def kwic(
    report: Report | str,
    term: str | Iterable[str],
    *,
    window: int = 20,
    by: Unit = "paragraph",
    regex: bool = False,
) -> pd.DataFrame:
    """Every occurrence of a term with ``window`` characters of context on each side.

    Parameters
    ----------
    report : Report or str
        A report, or its text.
    term : str or iterable of str
        The term(s) to find, matched on the text (not on tokens). Where several terms
        start at the same place the longest wins; matches do not overlap.
    window : int, default=20
        Characters of context on each side. The context stops at the edge of the unit,
        so with ``by="paragraph"`` it never runs into the next paragraph.
    by : {"document", "part", "section", "paragraph"}, default="paragraph"
        The unit whose columns label each match and whose edges bound the context.
    regex : bool, default=False
        Treat ``term`` as regular expression(s).

    Returns
    -------
    pandas.DataFrame
        One row per match, in text order: the unit columns of ``by``, then ``start``,
        ``end`` (offsets into the clean text), ``left``, ``match``, ``right``. Line breaks
        inside the context are shown as ``⏎`` (one character, so the context keeps its
        width). A term that does not occur gives an empty table with these columns.

    Raises
    ------
    zjnlp.errors.OptionError
        ``term`` is empty, ``window`` is negative, or ``by`` is not a unit.

    Examples
    --------
    >>> kwic("推进湛江湾实验室建设，加快湛江湾开发。", "湛江湾", window=3, by="document")[["left", "match", "right"]].values.tolist()
    [['推进', '湛江湾', '实验室'], ['，加快', '湛江湾', '开发。']]
    """
    check_whole_number("window", window, minimum=0)
    keys = unit_columns(by)
    pattern = term_pattern(term, regex=regex)
    report = as_report(report)
    text = report.text
    table = units(report, by=by)
    unit_starts = table["start"].to_numpy()
    unit_ends = table["end"].to_numpy()

    rows = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if start == end:
            continue  # a regular expression that matches the empty string
        row = int(np.searchsorted(unit_starts, start, side="right")) - 1
        unit = table.iloc[row]
        left = text[max(int(unit_starts[row]), start - window) : start]
        right = text[end : min(int(unit_ends[row]), end + window)]
        rows.append(
            {
                **{k: unit[k] for k in keys},
                "start": start,
                "end": end,
                "left": left.replace("\n", NEWLINE_MARK),
                "match": match.group().replace("\n", NEWLINE_MARK),
                "right": right.replace("\n", NEWLINE_MARK),
            }
        )
    frame = pd.DataFrame(rows, columns=[*keys, *KWIC_COLUMNS])
    for column in keys:
        frame[column] = frame[column].astype("Int64")
    return frame.astype({"start": "int64", "end": "int64"})
