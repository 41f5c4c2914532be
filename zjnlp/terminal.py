"""Tables and help text sized for the terminal, for the command line.

Widths are display columns: a Chinese character (East Asian wide or full-width) takes
two, a combining mark none, anything else one. A table that is wider than the terminal
has its text columns shortened with "…" (the widest first, never below a few
characters); numbers are never shortened, and columns that still do not fit are left
out, the last first, with a line naming them. ``wide=True`` shows every cell whole.
A column of computed values (rates, scores) shows every cell to the same decimal places,
four significant digits of its largest value, so that the points line up.
"""

from __future__ import annotations

import argparse
import math
import shutil
from typing import TYPE_CHECKING

from zjnlp.chinese import display_width as width

if TYPE_CHECKING:  # loaded when a table is printed, not for --help
    from collections.abc import Sequence

    import pandas as pd

__all__ = ["HelpFormatter", "format_number", "format_table", "terminal_width", "width", "wrap"]

_GAP = "  "  # between columns
_NARROWEST = 8  # display columns a shortened text column keeps
_SIGNIFICANT = 4  # digits shown of a computed value (a score, a rate)
_EXACT = 6  # a value with this many significant digits or fewer is shown as it is (3.5, 1234.56)
_MAX_PLACES = 8  # more decimal places than this, and a column's values keep their own


def terminal_width() -> int:
    """The terminal's width in columns (``COLUMNS`` if set; 80 when not a terminal)."""
    return shutil.get_terminal_size((80, 24)).columns


def _shorten(text: str, columns: int, *, keep_end: bool = False) -> str:
    """``text`` in at most ``columns`` display columns: its start and "…", or "…" and its end."""
    if width(text) <= columns:
        return text
    kept, used = [], 0
    for char in reversed(text) if keep_end else text:
        used += width(char)
        if used > columns - 1:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept)) if keep_end else "".join(kept) + "…"


def format_number(value: float) -> str:
    """A number on its own: whole numbers without a decimal point, values as written
    (3.5, 1234.56) in full, computed ones (scores, rates) to four significant digits.
    A table's column of computed values shows them all to the same decimal places.

    Examples
    --------
    >>> [format_number(v) for v in [5100.0, 3.5, 0.000123456789, 0.78372582596, 12.0]]
    ['5100', '3.5', '0.0001235', '0.7837', '12']
    """
    import numpy as np

    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e16:
        return str(int(value))
    if _as_written(value):
        return np.format_float_positional(value, trim="-")
    return np.format_float_positional(value, precision=_SIGNIFICANT, unique=False, fractional=False, trim="-")


def _as_written(value: float) -> bool:
    """Whether ``value`` is a number as a report writes it (5, 3.5, 1234.56), not a computed one."""
    import numpy as np

    if float(value).is_integer():
        return True
    return len(np.format_float_positional(value, trim="-").lstrip("-0.").replace(".", "")) <= _EXACT


def _decimals(values: list[float]) -> int | None:
    """Decimal places that show a column of computed values aligned: four significant
    digits of its largest value, the same places for every cell. ``None`` when the
    column needs no common places (whole numbers, values as written) or cannot have them
    (a value so small beside the largest that it would show fewer than two digits).

    Examples
    --------
    >>> per_1000 = [hits / 10374 * 1000 for hits in (36, 77, 170)]  # 3.470…, 7.422…, 16.39…
    >>> _decimals(per_1000), _decimals([hits / 10374 for hits in (36, 170)])
    (2, 5)
    >>> _decimals([12.0, 3.5]), _decimals([1 / 3, 1e-9 / 3])  # as written; too far apart
    (None, None)
    """
    finite = [abs(v) for v in values if math.isfinite(v)]
    if all(_as_written(v) for v in finite):
        return None
    largest = max(finite)
    places = max(0, _SIGNIFICANT - 1 - math.floor(math.log10(largest)))
    smallest = min((v for v in finite if v), default=largest)
    if places > _MAX_PLACES or smallest < 10 ** (1 - places):
        return None
    return places


def _cells(column: pd.Series) -> tuple[list[str], bool]:
    """The column's cells as text, and whether it is numeric (right-aligned, never shortened)."""
    import numpy as np
    import pandas as pd

    numeric = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
    values = list(column.astype(object))
    floats = [float(v) for v in values if isinstance(v, (float, np.floating)) and not math.isnan(v)]
    places = _decimals(floats) if floats else None
    cells = []
    for value in values:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            cells.append("")
        elif isinstance(value, (float, np.floating)):
            finite = math.isfinite(value)
            cells.append(f"{float(value):.{places}f}" if places is not None and finite else format_number(float(value)))
        else:
            cells.append(str(value).replace("\r\n", " ⏎ ").replace("\n", " ⏎ "))
    return cells, numeric


def format_table(
    table: pd.DataFrame,
    *,
    columns: int | None = None,
    wide: bool = False,
    expendable: Sequence[str] = (),
    right_aligned: Sequence[str] = (),
) -> str:
    """``table`` as aligned text no wider than ``columns`` (default: the terminal's).

    Parameters
    ----------
    table : pandas.DataFrame
    columns : int, optional
        The width to fit; :func:`terminal_width` when omitted.
    wide : bool, default=False
        Show every column and every cell whole, whatever the width.
    expendable : sequence of str, default=()
        Columns worth less than whole cells of the others: when the table is too wide, these
        are left out first, in this order, before any cell is shortened (offsets, flags and
        titles beside the text a reader came for).
    right_aligned : sequence of str, default=()
        Text columns aligned right and shortened at their start, so that their end shows
        (the left context of a keyword in context, whose end touches the match).

    Returns
    -------
    str
        A header line, one line per row (line breaks inside a cell shown as ⏎), and,
        when columns had to be left out, a last line naming them.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"term": ["绿色发展", "新质生产力"], "count": [12.0, 3.0], "per_1000": [1.2345678, 0.5]})
    >>> print(format_table(table, columns=40))
    term        count  per_1000
    绿色发展       12     1.235
    新质生产力      3     0.500
    >>> print(format_table(table, columns=24, expendable=["count"]))
    term        per_1000
    绿色发展       1.235
    新质生产力     0.500
    (1 more column: count;
    --wide shows it)
    """
    if table.empty:
        return "(no rows)"
    limit = terminal_width() if columns is None else columns
    names = [str(name) for name in table.columns]
    cells, numeric = zip(*(_cells(table[name]) for name in table.columns))
    cells, numeric = list(cells), list(numeric)
    widths = [max([width(name)] + [width(cell) for cell in column]) for name, column in zip(names, cells)]
    shown = list(range(len(names)))
    if not wide:
        def too_wide() -> bool:
            return sum(widths[i] for i in shown) + len(_GAP) * (len(shown) - 1) > limit

        for name in expendable:
            if too_wide() and name in names and len(shown) > 1:
                shown.remove(names.index(name))
        fitted = _fit([names[i] for i in shown], [widths[i] for i in shown], [numeric[i] for i in shown], limit)
        widths = [fitted[shown.index(i)] if i in shown else widths[i] for i in range(len(names))]
        while len(shown) > 1 and too_wide():
            shown.pop()
    lines = []
    for row in [names, *zip(*cells)]:
        parts = []
        for i in shown:
            right = numeric[i] or names[i] in right_aligned
            cell = _shorten(row[i], widths[i], keep_end=right)
            pad = " " * (widths[i] - width(cell))
            parts.append(pad + cell if right else cell + pad)
        lines.append(_GAP.join(parts).rstrip())
    left_out = [names[i] for i in range(len(names)) if i not in shown]
    if left_out:
        more = f"1 more column: {left_out[0]}; --wide shows it" if len(left_out) == 1 else (
            f"{len(left_out)} more columns: {', '.join(left_out)}; --wide shows them")
        lines.extend(wrap(f"({more})", limit))
    return "\n".join(lines)


def _fit(names: list[str], widths: list[int], numeric: list[bool], limit: int) -> list[int]:
    """Shorten the text columns, the widest first, until the table fits or they reach their floor."""
    widths = list(widths)
    floors = [widths[i] if numeric[i] else min(widths[i], max(width(names[i]), _NARROWEST)) for i in range(len(widths))]
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - limit
    while excess > 0:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        others = [widths[i] for i in shrinkable if i != widest]
        # down to the next widest column (or the floor), no further than needed
        target = max(floors[widest], max(others, default=0), widths[widest] - excess)
        step = max(widths[widest] - target, 1)
        widths[widest] -= step
        excess -= step
    return widths


def wrap(text: str, columns: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``columns`` display columns (a
    run of Chinese without spaces is broken between characters where it must be).

    Examples
    --------
    >>> wrap("每个 command reads report files", 12)
    ['每个 command', 'reads report', 'files']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if width(candidate) <= columns:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # a word longer than the line
            if width(line + char) > columns:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


def _hanging(line: str, columns: int) -> list[str]:
    """An indented line as written, or, if too long, wrapped under the start of its text
    ("  2    an option …": the continuation lines start under "an")."""
    if width(line) <= columns:
        return [line]
    body = line.lstrip(" ")
    head, gap, rest = body.partition("  ")
    text = rest.lstrip(" ") if gap else body
    prefix = line[: len(line) - len(text)]
    lines = wrap(text, columns - width(prefix))
    return [prefix + lines[0]] + [" " * width(prefix) + piece for piece in lines[1:]]


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse help wrapped to the terminal, Chinese counted as two columns.

    Paragraphs (separated by blank lines) are re-wrapped; lines indented by two spaces
    or more (examples, the exit codes) are kept as they are written.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            block: list[str] = []
            for line in lines:
                if line.startswith("  ") or line.endswith(":"):
                    if block:
                        out.extend(indent + piece for piece in wrap(" ".join(block), width - len(indent)))
                        block = []
                    out.extend(indent + piece for piece in _hanging(line, width - len(indent)))
                else:
                    block.append(line)
            if block:
                out.extend(indent + piece for piece in wrap(" ".join(block), width - len(indent)))
            out.append("")
        return "\n".join(out).rstrip("\n")

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)
