"""Theme lexicons and attention indices: how much of a report speaks of a theme, and where.

A theme lexicon is a TOML file (packaged ones live in ``zjnlp/data/themes/``) with an
``id``, ``name_zh``, ``name_en``, ``description`` and ``citation``, its ``terms`` (or
``[[dimensions]]`` tables, each with ``id``, ``name_zh``, ``name_en`` and ``terms``), an
optional ``exclude`` list of false friends, and an optional ``unconfirmed`` list naming
terms whose provenance could not be checked. Terms are matched on the text, longest first
and without overlap, so a multi-word term counts whatever the segmentation; an excluded
string consumes its span, so the shorter term inside it is not counted (绿色通道 does not
count as 绿色).

A user's own TOML file is used wherever a lexicon id is accepted; a file whose ``id`` is
that of a packaged lexicon replaces it.

Every packaged lexicon is measured on hand-coded samples (``data/themes/validation/``,
coded by the rules of ``data/themes/CODEBOOK.md``): :func:`validation` gives its precision
and recall with Wilson intervals, :func:`validation_hits` and :func:`validation_misses` the
coded cases behind them.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from zjnlp import errors
from zjnlp.errors import InputError, OptionError
from zjnlp.read import Report
from zjnlp.structure import PartKinds, Unit, as_report, part_kinds, unit_columns, units
from zjnlp.tokenize import Tokenizer, Tokenizes, is_word

SCORE_COLUMNS = ["theme", "hits", "tokens", "per_1000", "char_share", "terms"]
MATCH_COLUMNS = ["theme", "dimension", "term", "start", "end"]

_FIELDS = ("id", "name_zh", "name_en", "description", "citation")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_EXCLUDED = "\0"  # the "dimension" of an excluded string: matched, then dropped


class Dimension(NamedTuple):
    """A sub-dimension of a theme, with its terms; ``id`` is ``""`` for a theme without any."""

    id: str
    name_zh: str
    name_en: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """A theme lexicon as read from its TOML file.

    Attributes
    ----------
    id, name_zh, name_en, description, citation : str
        As in the file.
    dimensions : tuple of Dimension
        The terms, grouped by sub-dimension (one ``Dimension`` with id ``""`` when the
        file has a plain ``terms`` list).
    exclude : tuple of str
        False friends: strings that contain a term but are not about the theme.
    unconfirmed : tuple of str
        Terms whose attribution to the cited source could not be checked.
    source : str
        The file the lexicon was read from.
    """

    id: str
    name_zh: str
    name_en: str
    description: str
    citation: str
    dimensions: tuple[Dimension, ...]
    exclude: tuple[str, ...]
    unconfirmed: tuple[str, ...]
    source: str

    @property
    def terms(self) -> tuple[str, ...]:
        """Every term of the lexicon, dimension by dimension."""
        return tuple(term for dimension in self.dimensions for term in dimension.terms)


@lru_cache(maxsize=1)
def _packaged() -> dict[str, Path]:
    folder = resources.files("zjnlp") / "data" / "themes"
    return {Path(str(f)).stem: Path(str(f)) for f in folder.iterdir() if f.name.endswith(".toml")}


def available_lexicons() -> list[str]:
    """Ids of the lexicons packaged with zjnlp, sorted.

    Example
    -------
    >>> "green" in available_lexicons()
    True
    """
    return sorted(_packaged())


def _bad(path: Path, field: str, problem: str) -> InputError:
    return InputError(str(path), errors.BAD_FIELD.format(field=field, problem=problem))


def _strings(path: Path, table: dict, field: str, *, required: bool = True) -> tuple[str, ...]:
    value = table.get(field, [] if not required else None)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(path, field, "must be a list of non-empty strings")
    if required and not value:
        raise _bad(path, field, "must list at least one term")
    return tuple(v.strip() for v in value)


def _text(path: Path, table: dict, field: str) -> str:
    value = table.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, field, "is missing or empty (a non-empty string is expected)")
    return value.strip()


def _read_lexicon(path: Path) -> Lexicon:
    try:
        return _parse_lexicon(path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise InputError(str(path), errors.MISSING) from None


@lru_cache(maxsize=128)
def _parse_lexicon(path: Path, modified: int) -> Lexicon:
    """Parse a lexicon file; cached for as long as the file is not modified."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), errors.NOT_UTF8.format(error=error)) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), errors.NOT_TOML.format(error=error)) from None
    head = {field: _text(path, data, field) for field in _FIELDS}
    if not _ID.fullmatch(head["id"]):
        raise _bad(path, "id", "must be lower-case ASCII letters, digits and '_'")
    if ("terms" in data) == ("dimensions" in data):
        raise _bad(path, "terms", "or 'dimensions' must be given, not both nor neither")
    if "terms" in data:
        dimensions = (Dimension("", head["name_zh"], head["name_en"], _strings(path, data, "terms")),)
    else:
        tables = data["dimensions"]
        if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
            raise _bad(path, "dimensions", "must be a list of [[dimensions]] tables")
        dimensions = tuple(
            Dimension(*(_text(path, t, f) for f in ("id", "name_zh", "name_en")), _strings(path, t, "terms"))
            for t in tables
        )
    lexicon = Lexicon(
        **head,
        dimensions=dimensions,
        exclude=_strings(path, data, "exclude", required=False),
        unconfirmed=_strings(path, data, "unconfirmed", required=False),
        source=str(path),
    )
    repeated = [t for t, n in Counter(lexicon.terms + lexicon.exclude).items() if n > 1]
    if repeated:
        raise _bad(path, "terms", f"lists {', '.join(repeated)} more than once (terms and exclude together)")
    stray = sorted(set(lexicon.unconfirmed) - set(lexicon.terms))
    if stray:
        raise _bad(path, "unconfirmed", f"names {', '.join(stray)}, which are not terms")
    return lexicon


def load_lexicon(id_or_path: str | os.PathLike[str]) -> Lexicon:
    """Read a packaged theme lexicon by id, or a user's TOML file by path.

    Parameters
    ----------
    id_or_path : str or path-like
        A packaged id (see :func:`available_lexicons`), or the path of a ``.toml`` file.

    Returns
    -------
    Lexicon

    Raises
    ------
    OptionError
        Neither a packaged id nor a ``.toml`` path.
    InputError
        The file is missing, not TOML, or a field is missing or malformed; the message
        names the file and the field.

    Example
    -------
    >>> load_lexicon("green").name_zh
    '绿色发展'
    """
    packaged = _packaged()
    name = os.fspath(id_or_path)
    if isinstance(id_or_path, str) and name in packaged:
        return _read_lexicon(packaged[name])
    if not name.endswith(".toml"):
        raise OptionError("lexicon", name, f"one of {', '.join(sorted(packaged))} or the path of a .toml file")
    return _read_lexicon(Path(name))


def resolve_lexicons(lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None) -> list[Lexicon]:
    """The lexicons to score with: all packaged ones when None, user files overriding by id.

    A lexicon read from a file replaces any packaged or earlier lexicon with the same id,
    keeping its place in the list.
    """
    if lexicons is None:
        return [load_lexicon(i) for i in available_lexicons()]
    if isinstance(lexicons, str | os.PathLike):
        raise OptionError("lexicons", lexicons, "a list of lexicon ids or paths, not a single one")
    chosen: dict[str, Lexicon] = {}
    for item in lexicons:
        lexicon = item if isinstance(item, Lexicon) else load_lexicon(item)
        chosen[lexicon.id] = lexicon
    if not chosen:
        raise OptionError("lexicons", [], "at least one lexicon id or path")
    return list(chosen.values())


@lru_cache(maxsize=64)
def _matcher(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str | None]]:
    # Longest first: re takes the first alternative that matches at the leftmost position.
    dimension_of: dict[str, str | None] = {t: d.id or None for d in lexicon.dimensions for t in d.terms}
    dimension_of.update(dict.fromkeys(lexicon.exclude, _EXCLUDED))
    ordered = sorted(dimension_of, key=lambda t: (-len(t), t))
    return re.compile("|".join(map(re.escape, ordered))), dimension_of


def find_terms(text: str, lexicon: Lexicon) -> list[tuple[int, int, str, str | None]]:
    """Occurrences of a lexicon's terms in a text: ``(start, end, term, dimension)``.

    Longest first and without overlap; excluded strings consume their span and are not
    returned.

    Example
    -------
    >>> lexicon = load_lexicon("green")
    >>> [m[2] for m in find_terms("开辟绿色通道，推动绿色发展。", lexicon)]
    ['绿色发展']
    """
    pattern, dimension_of = _matcher(lexicon)
    return [
        (match.start(), match.end(), term, dimension)
        for match in pattern.finditer(text)
        if (dimension := dimension_of[term := match.group()]) != _EXCLUDED
    ]


def themes_in(
    text: str,
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
) -> list[str]:
    """Ids of the themes that have at least one term in a text, in lexicon order.

    The terms are matched as :func:`find_terms` matches them, so a false friend does not
    tag its text (a hospital attached to a university is not education).

    Parameters
    ----------
    text : str
        Any text: a sentence, a paragraph, the ``sentence`` of a target.
    lexicons : iterable of str, path-like or Lexicon, optional
        Lexicon ids or TOML paths; all packaged lexicons when omitted.

    Returns
    -------
    list of str
        The lexicon ids, in the order of ``lexicons``; empty when no theme matches.

    Raises
    ------
    OptionError
        A lexicon id is not valid.

    See Also
    --------
    score_themes : how much of each unit of a report speaks of each theme.

    Example
    -------
    >>> themes_in("新增中小学公办学位2.2万个，支持广东医科大学附属医院建设。", lexicons=["education", "health"])
    ['education', 'health']
    >>> themes_in("支持广东医科大学附属医院建设区域医疗中心。", lexicons=["education", "health"])
    ['health']
    """
    return [lexicon.id for lexicon in resolve_lexicons(lexicons) if find_terms(text, lexicon)]


def _word_starts(text: str, tokenizer: Tokenizes) -> np.ndarray:
    """Start offsets of the tokens that are words (not white space, punctuation or bare numbers)."""
    tokens = tokenizer.cut(text)
    words = set(filter(is_word, set(tokens)))
    starts = np.fromiter(accumulate(map(len, tokens), initial=0), dtype=np.int64, count=len(tokens) + 1)
    return starts[:-1][np.fromiter(map(words.__contains__, tokens), dtype=bool, count=len(tokens))]


def _identity_columns(by: Unit) -> list[str]:
    """The columns that place a result's row: the unit columns, the unit's title and kind."""
    if by == "document":
        return []
    return [*unit_columns(by), "headline" if by == "paragraph" else "title", "part_kind", "kind"]


def _units(report: Report, by: Unit, appendices: bool, part_kind: PartKinds) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """The stretches of text of ``report`` analysed, the columns that identify each unit in a
    result, and the unit (row of the identity table) each stretch belongs to.

    By document the stretches kept (all text but the appendices, unless asked) are one unit.
    """
    table = units(report, by=by, appendices=appendices, part_kind=part_kind)
    if by == "document":
        return table, pd.DataFrame(index=range(1)), np.zeros(len(table), dtype=np.int64)
    named = table.assign(title=table["title"].replace("", pd.NA).astype("string"),
                         part_kind=table["part_kind"].replace("", pd.NA).astype("string"))
    if by == "paragraph":
        named = named.rename(columns={"title": "headline"})
    return table, named[_identity_columns(by)], np.arange(len(table))


def _unit_of(bounds: tuple[np.ndarray, np.ndarray], offsets: np.ndarray) -> np.ndarray:
    """Row of the unit (``bounds`` = its starts and ends) holding each offset, -1 if none."""
    starts, ends = bounds
    if not len(starts):  # nothing chosen (a text that is all appendix, or no part of the kinds asked)
        return np.full(len(offsets), -1)
    row = np.searchsorted(starts, offsets, side="right") - 1
    inside = (row >= 0) & (offsets < ends[np.maximum(row, 0)])
    return np.where(inside, row, -1)


def theme_matches(
    report_or_text: Report | str,
    *,
    by: Unit = "document",
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    appendices: bool = False,
    part_kind: PartKinds = None,
) -> pd.DataFrame:
    """Every occurrence of every theme term, one row each, for concordances and plots.

    Parameters
    ----------
    report_or_text : Report, pathlib.Path, bytes or str
        A report from ``zjnlp.read.read_report``, a path or a file's bytes to read, or
        the report's text (see :func:`~zjnlp.structure.as_report`: a ``str`` that looks
        like a path raises ``InputError``).
    by : {"document", "part", "section", "paragraph"}, default="document"
        The unit each match is placed in.
    lexicons : iterable of str, path-like or Lexicon, optional
        Lexicon ids or TOML paths; all packaged lexicons when omitted.
    appendices, part_kind
        As for :func:`score_themes`: appendices are left out unless asked.

    Returns
    -------
    DataFrame
        The unit columns (``part, section, paragraph`` as for ``by``) with the unit's
        ``title`` (``headline`` for paragraphs) and ``kind`` as in ``score_themes``, then
        ``theme`` (lexicon id), ``dimension`` (sub-dimension id, NA
        when the lexicon has none), ``term``, ``start``, ``end`` (offsets into
        ``report.text``), in order of lexicon then position.

    Example
    -------
    >>> theme_matches("推动绿色发展，开辟绿色通道。", lexicons=["green"])[["term", "start"]]
       term  start
    0  绿色发展      2
    """
    report = as_report(report_or_text)
    table, identity, owner = _units(report, by, appendices, part_kind)
    rows = []
    for lexicon in resolve_lexicons(lexicons):
        for start, end, term, dimension in find_terms(report.text, lexicon):
            rows.append((lexicon.id, dimension, term, start, end))
    matches = pd.DataFrame(rows, columns=MATCH_COLUMNS).astype(
        {"theme": "str", "dimension": "str", "term": "str", "start": "int64", "end": "int64"}
    )
    matches["dimension"] = matches["dimension"].where(matches["dimension"] != "None")
    row = _unit_of((table["start"].to_numpy(), table["end"].to_numpy()), matches["start"].to_numpy())
    placed = identity.iloc[owner[row[row >= 0]]].reset_index(drop=True)
    return pd.concat([placed, matches[row >= 0].reset_index(drop=True)], axis=1)


def _terms_summary(counts: Counter[str]) -> str:
    return ", ".join(f"{t}:{n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def score_themes(
    report_or_text: Report | str,
    *,
    by: Unit = "document",
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    tokenizer: Tokenizes | None = None,
    dimensions: bool = False,
    appendices: bool = False,
    part_kind: PartKinds = None,
) -> pd.DataFrame:
    """Attention to each theme in each unit of a report: hits, per 1,000 tokens, share of text.

    Parameters
    ----------
    report_or_text : Report, pathlib.Path, bytes or str
        As for :func:`theme_matches`.
    by : {"document", "part", "section", "paragraph"}, default="document"
        The unit of analysis.
    lexicons : iterable of str, path-like or Lexicon, optional
        Lexicon ids or TOML paths (a file overrides the packaged lexicon with its id);
        all packaged lexicons when omitted.
    tokenizer : object with ``cut(text) -> list[str]``, optional
        Counts the tokens of each unit; the project tokenizer when omitted. The report is
        cut once and its tokens are assigned to units by offset.
    dimensions : bool, default=False
        One row per sub-dimension of each theme instead of one per theme.
    appendices : bool, default=False
        Count the appendices (名词解释, lists of 民生实事) too. Left out by default: they
        are not the speech, and by document their terms would swell the totals.
    part_kind : str or iterable of str, optional
        Keep only parts of these kinds (``review``, ``plan``, ``outlook``,
        ``government``, ``other``; see :func:`zjnlp.structure.units`).

    Returns
    -------
    DataFrame
        One row per unit and theme (and dimension), in unit order then lexicon order:

        - the unit columns (``part, section, paragraph`` as for ``by``; none for the
          document);
        - ``title`` (by part or section): the heading's title, NA when the report has
          none (the closing, a heading on a page the copy lacks); ``headline`` instead for
          paragraphs: the paragraph's opening phrase, NA when it has none;
        - ``part_kind`` (by part, section or paragraph): the kind of the part the unit
          is in, NA outside parts;
        - ``kind`` (by part, section or paragraph): the unit's kind as
          :func:`zjnlp.structure.units` gives it (``part``, ``section``, ``paragraph``,
          ``heading``, ``address``, ``closing`` …), which tells the untitled rows apart;
        - ``theme``: the lexicon id; ``dimension`` (only with ``dimensions=True``): the
          sub-dimension id, NA for a lexicon without dimensions;
        - ``hits``: occurrences of the theme's terms (longest first, no overlap, false
          friends excluded);
        - ``tokens``: tokens of the unit, whitespace and punctuation not counted;
        - ``per_1000``: ``hits / tokens * 1000`` (NaN for a unit without tokens). Divided
          by 1,000 this is the word-frequency share of Chen and Chen (2018);
        - ``char_share``: the share of the unit's characters covered by matched terms;
        - ``terms``: the matched terms with counts, most frequent first, e.g.
          ``"绿色发展:3, 生态:2"`` (empty when there is no hit).

    Raises
    ------
    OptionError
        ``by`` or a lexicon id is not valid.

    See Also
    --------
    theme_matches : the matches themselves, with offsets.
    score_files : the same table for many files.

    Example
    -------
    >>> score_themes("推动绿色发展，建设美丽中国。", lexicons=["green"])[["theme", "hits", "terms"]]
       theme  hits           terms
    0  green     2  绿色发展:1, 美丽中国:1
    """
    report = as_report(report_or_text)
    table, identity, owner = _units(report, by, appendices, part_kind)
    words = _word_starts(report.text, tokenizer or Tokenizer().for_text(report.text))
    bounds = (table["start"].to_numpy(), table["end"].to_numpy())
    word_row = _unit_of(bounds, words)
    tokens = np.bincount(owner[word_row[word_row >= 0]], minlength=len(identity))
    lengths = np.bincount(owner, weights=(table["end"] - table["start"]).to_numpy(), minlength=len(identity))
    records = []
    for lexicon in resolve_lexicons(lexicons):
        found = find_terms(report.text, lexicon)
        rows = _unit_of(bounds, np.array([m[0] for m in found], dtype=np.int64))
        keys = [(lexicon.id, d.id or None) for d in lexicon.dimensions] if dimensions else [(lexicon.id, None)]
        counts = {(r, key): Counter() for r in range(len(identity)) for key in keys}
        for (_, _, term, dimension), r in zip(found, rows):
            if r >= 0:
                counts[owner[r], (lexicon.id, dimension if dimensions else None)][term] += 1
        for (r, (theme, dimension)), terms in counts.items():
            hits = sum(terms.values())
            covered = sum(len(t) * n for t, n in terms.items())
            records.append((r, theme, dimension, hits, covered, _terms_summary(terms)))
    scores = pd.DataFrame(records, columns=["row", "theme", "dimension", "hits", "covered", "terms"])
    scores = scores.sort_values("row", kind="stable")
    row = scores.pop("row").to_numpy()
    scores.insert(3, "tokens", tokens[row])
    with np.errstate(divide="ignore", invalid="ignore"):
        scores.insert(4, "per_1000", np.where(tokens[row] > 0, scores["hits"] / tokens[row] * 1000, np.nan))
        scores.insert(5, "char_share", np.where(lengths[row] > 0, scores.pop("covered") / lengths[row], np.nan))
    if not dimensions:
        scores = scores.drop(columns="dimension")
    placed = identity.iloc[row].reset_index(drop=True)
    return pd.concat([placed, scores.reset_index(drop=True)], axis=1)


def score_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    by: Unit = "document",
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    dimensions: bool = False,
    appendices: bool = False,
    part_kind: PartKinds = None,
    jobs: int | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """:func:`score_themes` over many report files, fanned out over processes.

    Parameters
    ----------
    paths : iterable of str or path-like
        Report files, read with ``zjnlp.read.read_report``.
    by, lexicons, dimensions, appendices, part_kind
        As for :func:`score_themes`.
    jobs : int, optional
        Worker processes; one per core when omitted, 1 to stay in this process.
    progress : bool, default=True
        Show a progress bar on stderr (on a terminal).

    Returns
    -------
    DataFrame
        ``file`` (the path as given), then the columns of :func:`score_themes`, files in
        the order given; identical to scoring the files one by one. A file that cannot be
        read is skipped with one line on stderr; ``df.attrs["errors"]`` lists those
        messages (empty when every file was read).

    Raises
    ------
    OptionError
        ``by``, ``jobs`` or a lexicon is not valid (checked before any file is read).

    See Also
    --------
    zjnlp.batch.map_reports : the machinery, shared by every many-file analysis.

    Example
    -------
    >>> table = score_files(["2023.txt", "2024.txt"], lexicons=["green"])  # doctest: +SKIP
    """
    from zjnlp.batch import map_reports

    columns = ["file", *_identity_columns(by), "theme", *(["dimension"] if dimensions else []), *SCORE_COLUMNS[1:]]
    part_kinds(part_kind)
    score = partial(score_themes, by=by, lexicons=resolve_lexicons(lexicons), dimensions=dimensions,
                    appendices=appendices, part_kind=part_kind)
    scores, errors = map_reports(score, paths, jobs=jobs, progress=progress)
    for error in errors:
        print(error, file=sys.stderr)
    scores = scores.reindex(columns=columns)
    scores.attrs["errors"] = [str(error) for error in errors]
    return scores


# --- Validation: precision and recall of the lexicons on hand-coded samples -------------

VALIDATION = Path(str(resources.files("zjnlp") / "data" / "themes" / "validation"))
VALIDATION_COLUMNS = [
    "theme", "round", "hits", "matched", "precision", "precision_low", "precision_high",
    "sentences", "recall", "recall_low", "recall_high", "f1", "precision_drawn", "recall_drawn",
    "precision_weighted", "precision_weighted_low", "precision_weighted_high",
]


def wilson(successes: int, n: int, *, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval of a proportion (95% by default); ``(nan, nan)`` when ``n`` is 0.

    Example
    -------
    >>> [round(x, 3) for x in wilson(45, 50)]
    [0.786, 0.957]
    """
    if n == 0:
        return (float("nan"), float("nan"))
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (float(centre - half), float(centre + half))


def _weighted_precision(kept: pd.DataFrame, shares: pd.Series) -> tuple[float, float, float]:
    """Precision reweighted from the sample's corpus strata to their shares of all hits.

    ``kept``: the matched labelled hits of one theme and round (``corpus``, ``label``);
    ``shares``: each corpus's share of the theme's hits in the corpora. The estimate is
    sum(share × stratum precision); its interval is Wilson's at Kish's effective sample
    size 1 / sum(share² / stratum n), which is smaller than the sample when its strata are
    out of proportion. NaN when the shares are unknown or a stratum with hits has no
    labelled hit.
    """
    if shares.empty:
        return (np.nan, np.nan, np.nan)
    n = kept.groupby("corpus").size().reindex(shares.index, fill_value=0)
    relevant = kept[kept["label"] == "relevant"].groupby("corpus").size().reindex(shares.index, fill_value=0)
    if (n[shares > 0] == 0).any():
        return (np.nan, np.nan, np.nan)
    used = shares > 0
    estimate = float((shares[used] * relevant[used] / n[used]).sum())
    effective = float(1 / (shares[used] ** 2 / n[used]).sum())
    return (estimate, *wilson(estimate * effective, effective))


def _strata_shares(folder: Path) -> pd.DataFrame:
    """Each theme's hits by corpus in the corpora the samples were drawn from (``strata.csv``)."""
    path = folder / "strata.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["theme", "corpus", "share"])
    strata = pd.read_csv(path)
    return strata.assign(share=strata["hits"] / strata.groupby("theme")["hits"].transform("sum"))


def _still_matched(row: pd.Series, lexicon: Lexicon) -> bool:
    """Whether the lexicon still counts a labelled hit: a match overlapping its span in its sentence.

    A longer term that now takes the span (人才 inside 人才飞地) counts the same occurrence.
    """
    start = row["start"] - row["sentence_start"]
    end = start + len(row["term"])
    return any(s < end and e > start for s, e, _, _ in find_terms(row["sentence"], lexicon))


def _labelled(kind: str, folder: Path) -> pd.DataFrame:
    paths = sorted(folder.glob(f"{kind}-r*.csv"))
    if not paths:
        raise InputError(str(folder), errors.NO_SAMPLES.format(kind=kind))
    return pd.concat([pd.read_csv(p, dtype={"label": str, "themes": str, "coded": str, "matched": str}, keep_default_na=False)
                      for p in paths], ignore_index=True)


def _coded(recall: pd.DataFrame) -> pd.DataFrame:
    """The recall sample with ``coded``: the themes each sentence was coded for.

    A round that measured only some lexicons says which in its ``coded`` column; an empty or
    absent one means the sentence was coded for every packaged theme.
    """
    every = set(available_lexicons())
    given = recall["coded"].fillna("") if "coded" in recall else pd.Series("", index=recall.index)
    return recall.assign(coded=[set(c.split(";")) if c else every for c in given])


def validation_hits(
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The hand-coded precision sample, each hit checked against the lexicons as they are now.

    Parameters
    ----------
    lexicons : iterable of str, path-like or Lexicon, optional
        The lexicons to check; all packaged ones when omitted (a file overrides by id).
    folder : path-like, optional
        Where the labelled CSVs are; the packaged ``data/themes/validation`` when omitted.

    Returns
    -------
    DataFrame
        One row per labelled hit, the columns of ``precision-rN.csv`` (``id, round, theme,
        corpus, source, start, end, term, dimension, left, right, sentence_start, sentence,
        label, reason, note``; described in ``data/themes/validation/README.md``) and
        ``matched``: whether the current lexicon still counts the hit (a match overlapping
        its span; False when a later ``exclude`` took it, which ``note`` then explains).
        Themes not among ``lexicons`` are left out.
    """
    table = _labelled("precision", Path(folder) if folder else VALIDATION)
    chosen = {lexicon.id: lexicon for lexicon in resolve_lexicons(lexicons)}
    table = table[table["theme"].isin(list(chosen))].reset_index(drop=True)
    table["matched"] = [_still_matched(row, chosen[row["theme"]]) for _, row in table.iterrows()]
    return table


def validation(
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    folder: str | os.PathLike[str] | None = None,
    latest: bool = False,
) -> pd.DataFrame:
    """Precision, recall and F1 of each theme lexicon on the hand-coded samples, by round.

    Each round's samples are fresh (drawn excluding every earlier item) and were used to fix
    the lexicons for the next round, so a theme's latest round is its figure to report
    (``CODEBOOK.md`` says how the samples were coded, ``REVIEW.md`` what each round
    changed). A round may measure only some themes (rounds 3 and 4: innovation and talent). Figures
    are recomputed with the lexicons given, so a user's edited lexicon is measured on the
    same labels.

    Parameters
    ----------
    lexicons : iterable of str, path-like or Lexicon, optional
        The lexicons to measure; all packaged ones when omitted.
    folder : path-like, optional
        Where ``precision-rN.csv`` and ``recall-rN.csv`` are; the packaged samples when
        omitted.
    latest : bool, default False
        Only each theme's latest round (the figures to report), instead of every round.

    Returns
    -------
    DataFrame
        One row per theme and round that measured it, columns:

        - ``theme``, ``round`` (the round whose samples give the figures);
        - ``hits``: labelled hits of the theme in the precision sample;
        - ``matched``: those the lexicon still matches (all of them for the lexicon the
          round was drawn with);
        - ``precision``: the share of ``matched`` hits coded relevant, with
          ``precision_low``, ``precision_high`` its Wilson 95% interval;
        - ``sentences``: sentences of the recall sample coded as about the theme;
        - ``recall``: the share of them in which the lexicon finds at least one term, with
          ``recall_low``, ``recall_high`` its Wilson 95% interval;
        - ``f1``: the harmonic mean of precision and recall;
        - ``precision_drawn``, ``recall_drawn``: the same figures with the lexicons as they
          were when the round was drawn (every labelled hit; the ``matched`` column of the
          recall CSV).

        - ``precision_weighted``, with ``precision_weighted_low``,
          ``precision_weighted_high``: precision reweighted to the corpora. The precision
          sample is stratified by corpus (national reports, provincial reports, seed page,
          in the fixed shares of ``scripts/sample_themes.py``), so ``precision`` weights
          the strata as the sample does; this column weights each stratum's precision by
          its share of the theme's hits in the corpora (``strata.csv``, the packaged
          lexicons' counts), with a Wilson interval at Kish's effective sample size. NaN
          when ``strata.csv`` does not list the theme.

    Raises
    ------
    InputError
        The folder holds no labelled samples.

    Example
    -------
    >>> table = validation(lexicons=["green"])
    >>> table.columns.tolist()[:5]
    ['theme', 'round', 'hits', 'matched', 'precision']
    """
    hits = validation_hits(lexicons=lexicons, folder=folder)
    recall = _coded(_labelled("recall", Path(folder) if folder else VALIDATION))
    strata = _strata_shares(Path(folder) if folder else VALIDATION)
    records = []
    for lexicon in resolve_lexicons(lexicons):
        rounds = sorted(set(hits.loc[hits["theme"] == lexicon.id, "round"])
                        | {r for r, coded in zip(recall["round"], recall["coded"]) if lexicon.id in coded})
        for round_ in rounds[-1:] if latest else rounds:
            theirs = hits[(hits["theme"] == lexicon.id) & (hits["round"] == round_)]
            relevant = theirs["label"] == "relevant"
            kept = theirs["matched"]
            sample = recall[(recall["round"] == round_) & np.array([lexicon.id in c for c in recall["coded"]])]
            about = sample[[lexicon.id in t.split(";") for t in sample["themes"]]]
            found = sum(bool(find_terms(text, lexicon)) for text in about["text"])
            found_drawn = sum(lexicon.id in m.split(";") for m in about["matched"])
            precision = (relevant & kept).sum() / kept.sum() if kept.sum() else np.nan
            shares = strata[strata["theme"] == lexicon.id].set_index("corpus")["share"]
            recall_ = found / len(about) if len(about) else np.nan
            f1 = 2 * precision * recall_ / (precision + recall_) if precision + recall_ > 0 else np.nan
            records.append((
                lexicon.id, round_, len(theirs), int(kept.sum()), precision,
                *wilson(int((relevant & kept).sum()), int(kept.sum())),
                len(about), recall_, *wilson(found, len(about)), f1,
                relevant.mean() if len(theirs) else np.nan,
                found_drawn / len(about) if len(about) else np.nan,
                *_weighted_precision(theirs[kept], shares),
            ))
    return pd.DataFrame(records, columns=VALIDATION_COLUMNS)


def validation_misses(
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Sentences of the recall sample coded as about a theme in which its lexicon finds no term.

    Parameters
    ----------
    lexicons, folder
        As for :func:`validation`.

    Returns
    -------
    DataFrame
        One row per missed sentence and theme: ``id``, ``round``, ``corpus``, ``source``,
        ``theme``, ``text`` (the sentence), in the order of the samples then of
        ``lexicons``.

    Example
    -------
    >>> validation_misses(lexicons=["green"]).columns.tolist()
    ['id', 'round', 'corpus', 'source', 'theme', 'text']
    """
    recall = _labelled("recall", Path(folder) if folder else VALIDATION)
    chosen = resolve_lexicons(lexicons)
    rows = [
        (row.id, row.round, row.corpus, row.source, lexicon.id, row.text)
        for row in recall.itertuples()
        for lexicon in chosen
        if lexicon.id in row.themes.split(";") and not find_terms(row.text, lexicon)
    ]
    return pd.DataFrame(rows, columns=["id", "round", "corpus", "source", "theme", "text"])


def _parse_terms(summary: str) -> Counter[str]:
    """The counts of a ``terms`` column value (``"绿色发展:3, 生态:2"``)."""
    pairs = (item.rsplit(":", 1) for item in summary.split(", ") if item)
    return Counter({term: int(n) for term, n in pairs})


def term_sensitivity(
    paths: Iterable[str | os.PathLike[str]],
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    drop: int = 3,
    jobs: int | None = None,
) -> pd.DataFrame:
    """How much a ranking of reports by a theme rests on the theme's broadest terms.

    Each report is scored with each lexicon as it is and with its ``drop`` most frequent
    terms over the reports left out (their spans still consumed, as an excluded string's
    would be, so a shorter term does not take their place); the two rankings of the
    reports by ``per_1000`` are compared by Spearman's rank correlation.

    Parameters
    ----------
    paths : iterable of str or path-like
        The reports to rank (e.g. the provincial reports of one year).
    lexicons : iterable of str, path-like or Lexicon, optional
        All packaged lexicons when omitted.
    drop : int, default=3
        How many of each theme's most frequent terms to leave out.
    jobs : int, optional
        Worker processes, as for :func:`score_files`.

    Returns
    -------
    DataFrame
        One row per theme: ``theme``; ``dropped`` (the terms left out, most frequent
        first); ``dropped_share`` (the share of the theme's hits they make); ``spearman``
        (rank correlation of the reports' ``per_1000`` with and without them; 1 means the
        ranking does not depend on them); ``reports``.

    Raises
    ------
    OptionError
        ``drop`` is not a positive integer, or a lexicon is not valid.

    Example
    -------
    >>> from zjnlp.corpus import provinces
    >>> term_sensitivity(provinces()["path"], lexicons=["green"])  # doctest: +SKIP
    """
    if not isinstance(drop, int) or isinstance(drop, bool) or drop < 1:
        raise OptionError("drop", drop, "a positive integer")
    paths = list(paths)
    chosen = resolve_lexicons(lexicons)
    full = score_files(paths, lexicons=chosen, jobs=jobs, progress=False)
    dropped = {}
    for lexicon in chosen:
        counts = sum(map(_parse_terms, full.loc[full["theme"] == lexicon.id, "terms"]), Counter())
        dropped[lexicon.id] = [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:drop]]
    reduced = [
        dataclasses.replace(
            lexicon,
            id=f"{lexicon.id}_reduced",
            dimensions=tuple(d._replace(terms=tuple(t for t in d.terms if t not in dropped[lexicon.id])) for d in lexicon.dimensions),
            exclude=lexicon.exclude + tuple(dropped[lexicon.id]),
        )
        for lexicon in chosen
    ]
    fewer = score_files(paths, lexicons=reduced, jobs=jobs, progress=False)
    records = []
    for lexicon in chosen:
        before = full[full["theme"] == lexicon.id].reset_index(drop=True)
        after = fewer[fewer["theme"] == f"{lexicon.id}_reduced"].reset_index(drop=True)
        share = 1 - after["hits"].sum() / before["hits"].sum() if before["hits"].sum() else np.nan
        rho = before["per_1000"].corr(after["per_1000"], method="spearman")
        records.append((lexicon.id, ", ".join(dropped[lexicon.id]), share, rho, len(before)))
    return pd.DataFrame(records, columns=["theme", "dropped", "dropped_share", "spearman", "reports"])


# --------------------------------------------------------------------------- uncertainty

BOOTSTRAP_COLUMNS = [
    "theme", "paragraphs", "hits", "tokens",
    "per_1000", "per_1000_low", "per_1000_high", "share", "share_low", "share_high",
]  # fmt: skip
RANK_COLUMNS = ["theme", "value", "rank", "rank_low", "rank_high"]
_BLOCKS = ("address", "closing", "appendix", "contents")


def _paragraph_blocks(scores: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple], np.ndarray, np.ndarray]:
    """The paragraphs of a ``score_themes(by="paragraph")`` table as matrices.

    Returns the paragraphs' identity rows (one per paragraph), the themes in order (as
    ``(theme,)`` or ``(theme, dimension)``),
    their hits (paragraphs × themes) and their tokens.
    """
    required = {"part", "section", "paragraph", "kind", "theme", "hits", "tokens"}
    missing = sorted(required - set(scores.columns))
    if missing:
        raise OptionError(
            "scores", f"a table without {', '.join(missing)}",
            "the table of score_themes(..., by='paragraph') or score_files(..., by='paragraph')",
        )
    columns = ["theme", "dimension"] if "dimension" in scores else ["theme"]
    keys = list(scores[columns].astype(object).where(scores[columns].notna(), None).itertuples(index=False, name=None))
    themes = list(dict.fromkeys(keys))
    if len(keys) % len(themes) or keys != themes * (len(keys) // len(themes)):
        raise OptionError(
            "scores", "a table whose paragraphs do not each list the same themes in the same order",
            "the table of score_themes(..., by='paragraph') as it was returned (filter whole paragraphs only)",
        )
    first = scores.iloc[:: len(themes)].reset_index(drop=True)
    hits = scores["hits"].to_numpy(dtype=np.int64).reshape(-1, len(themes))
    return first, themes, hits, first["tokens"].to_numpy(dtype=np.int64)


def _groups(paragraphs: pd.DataFrame, by: Unit, group: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Place each paragraph in its unit at level ``by``: the units' identity and each paragraph's unit."""
    if by == "document":
        block = pd.Series(by, index=paragraphs.index)
    else:
        block = paragraphs["kind"].where(paragraphs["kind"].isin(_BLOCKS), by)
    columns = [*group, *unit_columns(by)]
    key = paragraphs[columns].astype("string").fillna("<NA>").agg("|".join, axis=1) if columns else pd.Series("", index=paragraphs.index)
    key = key + "|" + block
    number = (key != key.shift()).cumsum().to_numpy() - 1
    first = np.flatnonzero(np.r_[True, number[1:] != number[:-1]])
    identity = paragraphs.iloc[first][columns].reset_index(drop=True).assign(kind=block.iloc[first].to_numpy())
    return identity, number


def _rates(hits: np.ndarray, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-1,000 rates and percentage shares of ``hits`` (rows × themes) over ``tokens`` (rows)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1000 = np.where(tokens[:, None] > 0, hits / tokens[:, None] * 1000, np.nan)
        total = hits.sum(axis=1, keepdims=True)
        share = np.where(total > 0, hits / total * 100, np.nan)
    return per_1000, share


def _resample(
    hits: np.ndarray, tokens: np.ndarray, n_boot: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Rates and shares (replicates × themes) over paragraphs drawn with replacement."""
    n = len(tokens)
    weights = rng.multinomial(n, np.full(n, 1 / n), size=n_boot).astype(float)
    return _rates(weights @ hits, weights @ tokens)


def _interval(replicates: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each column, NaN where no replicate has a value."""
    low, high = np.full(replicates.shape[1], np.nan), np.full(replicates.shape[1], np.nan)
    defined = ~np.isnan(replicates).all(axis=0)
    if defined.any():
        quantiles = np.nanquantile(replicates[:, defined], [(1 - ci) / 2, (1 + ci) / 2], axis=0)
        low[defined], high[defined] = quantiles
    return low, high


def _check_bootstrap_options(n_boot: int, ci: float) -> None:
    if isinstance(n_boot, bool) or not isinstance(n_boot, int) or n_boot < 1:
        raise OptionError("n_boot", n_boot, "a whole number >= 1 (1,000 is usual)")
    if not 0 < ci < 1:
        raise OptionError("ci", ci, "a coverage between 0 and 1, such as 0.95")


def bootstrap_themes(
    scores: pd.DataFrame,
    *,
    by: Unit = "document",
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Per-1,000 rates and theme shares of each unit with bootstrap percentile intervals.

    The paragraphs of each unit are drawn with replacement ``n_boot`` times, as many as
    the unit has; each draw gives the unit's rate (hits per 1,000 tokens, pooled over the
    drawn paragraphs) and each theme's share of all theme hits. The interval is the
    central ``ci`` of those draws (percentile bootstrap).

    Paragraphs, not sentences or words, are resampled because theme terms cluster: a
    report's topical paragraph is about one thing, so its hits are not independent draws,
    and resampling sentences or words would treat them as such and give intervals that are
    too narrow. The paragraph is the cluster (a cluster bootstrap). The interval describes
    how much the figure depends on which paragraphs the text happens to contain (a page
    rather than the report, a report written with other paragraphs); it says nothing of
    how well the lexicon measures the theme. With few paragraphs (``paragraphs`` under
    about 10) the draws take few distinct values and the interval is rough.

    Parameters
    ----------
    scores : DataFrame
        The table of :func:`score_themes` or :func:`score_files` with
        ``by="paragraph"`` (optionally ``dimensions=True``), as returned or with whole
        paragraphs left out (e.g. rows of one part only).
    by : {"document", "part", "section", "paragraph"}, default="document"
        The unit whose paragraphs are resampled; with a ``file`` column, units are
        within files.
    n_boot : int, default=1000
        Number of bootstrap draws.
    ci : float, default=0.95
        Coverage of the interval.
    seed : int, default=0
        Seed of the draws: the same seed gives the same intervals. Each unit is drawn
        from its own stream spawned from ``seed``.

    Returns
    -------
    DataFrame
        One row per unit and theme (and dimension), units in order: ``file`` (when the
        input has it), the unit columns of ``by``, ``kind`` (``by``, or ``address``,
        ``closing``, ``appendix``, ``contents`` for those units), then

        - ``theme`` (and ``dimension``, when the input has it);
        - ``paragraphs``: the paragraphs resampled (lines of the unit, headings included);
        - ``hits``, ``tokens``: the unit's totals;
        - ``per_1000``, ``per_1000_low``, ``per_1000_high``: hits per 1,000 tokens and its
          interval (NaN for a unit without tokens);
        - ``share``, ``share_low``, ``share_high``: the theme's percentage of all theme
          hits in the unit (of the themes in ``scores``) and its interval (NaN when the
          unit has no theme hit at all).

    Raises
    ------
    OptionError
        ``scores`` is not a paragraph table of :func:`score_themes`, or ``by``,
        ``n_boot`` or ``ci`` is not valid.

    See Also
    --------
    bootstrap_ranks : the interval of each report's rank among others.

    Example
    -------
    >>> text = "一、任务\\n推动绿色发展。\\n建设美丽中国，培养人才。\\n引进人才。"
    >>> paragraphs = score_themes(text, by="paragraph", lexicons=["green", "talent"])
    >>> table = bootstrap_themes(paragraphs, n_boot=200)
    >>> table[["theme", "hits", "share", "share_low", "share_high"]]
        theme  hits  share  share_low  share_high
    0   green     2   50.0        0.0       100.0
    1  talent     2   50.0        0.0       100.0
    """
    _check_bootstrap_options(n_boot, ci)
    unit_columns(by)
    paragraphs, themes, hits, tokens = _paragraph_blocks(scores)
    group = ["file"] if "file" in scores else []
    identity, unit = _groups(paragraphs, by, group)
    streams = np.random.SeedSequence(seed).spawn(len(identity))
    rows = []
    for number, stream in enumerate(streams):
        inside = unit == number
        unit_hits, unit_tokens = hits[inside].sum(axis=0), tokens[inside].sum()
        point = _rates(unit_hits[None, :], np.array([unit_tokens]))
        draws = _resample(hits[inside], tokens[inside], n_boot, np.random.default_rng(stream))
        (rate_low, rate_high), (share_low, share_high) = (_interval(d, ci) for d in draws)
        for column, key in enumerate(themes):
            rows.append((
                number, key, int(inside.sum()), int(unit_hits[column]), int(unit_tokens),
                point[0][0, column], rate_low[column], rate_high[column],
                point[1][0, column], share_low[column], share_high[column],
            ))
    table = pd.DataFrame(rows, columns=["unit", "key", *BOOTSTRAP_COLUMNS[1:]])
    placed = identity.iloc[table.pop("unit")].reset_index(drop=True)
    key = table.pop("key")
    if "dimension" in scores:
        table.insert(0, "dimension", pd.Series([k[1] for k in key], dtype="string"))
    table.insert(0, "theme", [k[0] for k in key])
    return pd.concat([placed, table], axis=1)


def _ranks(values: np.ndarray) -> np.ndarray:
    """Rank along the first axis (the reports), 1 = the largest, ties the best rank, NaN last."""
    filled = np.where(np.isnan(values), -np.inf, values)
    return (filled[None, ...] > filled[:, None, ...]).sum(axis=1) + 1


def bootstrap_ranks(
    scores: pd.DataFrame,
    *,
    group: str = "file",
    value: Literal["share", "per_1000"] = "share",
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Each report's rank among the others on each theme, with a bootstrap interval.

    In every draw each report's paragraphs are resampled as in :func:`bootstrap_themes`,
    independently of the other reports, and the reports are ranked on ``value`` for
    each theme (1 = the largest; ties take the best rank they share). The interval is the
    central ``ci`` of a report's ranks over the draws: a rank of 1 with an interval of
    1–9 says the report may as well be ninth.

    Parameters
    ----------
    scores : DataFrame
        A :func:`score_themes` / :func:`score_files` table with ``by="paragraph"``, with a
        column ``group`` naming the report of each row (``file`` from
        :func:`score_files`, or one added when concatenating reports).
    group : str, default="file"
        The column that names the reports.
    value : {"share", "per_1000"}, default="share"
        What is ranked: the theme's share of all theme hits, or its rate per 1,000 tokens.
    n_boot, ci, seed
        As for :func:`bootstrap_themes`.

    Returns
    -------
    DataFrame
        One row per report and theme, reports in order of first appearance: ``group``'s
        column, ``theme``, ``value`` (the report's figure), ``rank`` (its rank, 1 = the
        largest), ``rank_low`` and ``rank_high`` (the interval of its rank; ``rank_low``
        is the better rank).

    Raises
    ------
    OptionError
        ``scores`` lacks the ``group`` column or is not a paragraph table, or ``value``,
        ``n_boot`` or ``ci`` is not valid.

    See Also
    --------
    bootstrap_themes : intervals of each unit's rates and shares.

    Example
    -------
    >>> texts = {"a": "推动绿色发展。\\n培养人才。", "b": "引进人才。\\n培养人才。\\n发展绿色产业。"}
    >>> scores = pd.concat([score_themes(t, by="paragraph", lexicons=["green", "talent"]).assign(file=f)
    ...                     for f, t in texts.items()])
    >>> bootstrap_ranks(scores, n_boot=200).round(1)
      file   theme  value  rank  rank_low  rank_high
    0    a   green   50.0     1         1          2
    1    a  talent   50.0     2         1          2
    2    b   green   33.3     2         1          2
    3    b  talent   66.7     1         1          2
    """
    _check_bootstrap_options(n_boot, ci)
    if value not in ("share", "per_1000"):
        raise OptionError("value", value, "'share' or 'per_1000'")
    if group not in scores:
        raise OptionError("group", group, f"a column of scores ({', '.join(map(str, scores.columns))})")
    names = list(dict.fromkeys(scores[group]))
    streams = np.random.SeedSequence(seed).spawn(len(names))
    points, draws = [], []
    for name, stream in zip(names, streams):
        _, themes, hits, tokens = _paragraph_blocks(scores[scores[group] == name].drop(columns=group))
        which = 0 if value == "per_1000" else 1
        points.append(_rates(hits.sum(axis=0)[None, :], np.array([tokens.sum()]))[which][0])
        draws.append(_resample(hits, tokens, n_boot, np.random.default_rng(stream))[which])
    point, draw = np.array(points), np.stack(draws)  # reports × themes; reports × draws × themes
    rank, draw_rank = _ranks(point), _ranks(draw)
    # ranks are whole numbers: the interval's ends are ranks that occurred in the draws
    low, high = np.quantile(draw_rank, [(1 - ci) / 2, (1 + ci) / 2], axis=1, method="inverted_cdf")
    return pd.DataFrame({
        group: np.repeat(names, len(themes)),
        "theme": [key[0] for key in themes] * len(names),
        "value": point.ravel(),
        "rank": rank.ravel().astype("int64"),
        "rank_low": low.ravel().astype("int64"),
        "rank_high": high.ravel().astype("int64"),
    })
