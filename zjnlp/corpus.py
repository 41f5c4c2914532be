"""Reference corpora: the national reports 1954–2025 and the provincial reports of 2026.

A single report says little on its own: "is this much attention to talent a lot?" needs
other reports to compare with. The project ships two reference corpora in ``seeds/``,
each a folder of clean UTF-8 texts (one report a file) with a ``MANIFEST.csv`` giving
every file's year, speaker, date, source and checksums, and a ``README.md`` on where the
texts come from:

- ``seeds/national/``: the State Council's report to the National People's Congress for
  every year it heard one, 1954–2025 (57 reports, ``YYYY-<speaker>.txt``);
- ``seeds/provinces-2026/``: the 31 provincial-level reports of 2026 (``广东省.txt``).

The texts are what :func:`zjnlp.read.read_report` makes of the raw sources (the script
``scripts/build_corpora.py`` builds them), so reading one of these files again gives the
same text, and a command run on ``seeds/national/*.txt`` sees what :func:`national` holds.

The folders sit at the root of the source repository, beside the package; an editable
install (``pip install -e .``, what the Makefile does) finds them there.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pandas as pd

from zjnlp.errors import InputError, OptionError
from zjnlp.read import Report, read_report

__all__ = ["SEED_PAGE", "national", "national_report", "province_report", "provinces"]

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# The project's first report as scraped, byte for byte: page 5 of 5 of Zhanjiang's 2023 report.
SEED_PAGE = SEEDS / "zhanjiang-2023" / "000_07f79baf7ba8441e.txt"
MANIFEST = "MANIFEST.csv"
NATIONAL = "national"
PROVINCES = "provinces-{year}"

NOT_BUILT = (
    "no reference corpus here: the corpora ship with the source repository, not with the "
    "package; install zjnlp from a clone with `pip install -e .` "
    "(or rebuild them with scripts/build_corpora.py)"
)


def _folder(name: str) -> Path:
    folder = SEEDS / name
    if not (folder / MANIFEST).is_file():
        raise InputError(str(folder), NOT_BUILT)
    return folder


def _provinces_folder(year: int) -> Path:
    name = PROVINCES.format(year=year)
    if SEEDS.is_dir() and not (SEEDS / name).is_dir():
        years = sorted(int(p.name.rpartition("-")[2]) for p in SEEDS.glob(PROVINCES.format(year="*")))
        raise OptionError("year", year, f"a year with a provincial corpus: {', '.join(map(str, years))}")
    return _folder(name)


@cache
def _load(folder: Path) -> pd.DataFrame:
    """The manifest of a corpus folder with each file's ``text`` and ``path``."""
    table = pd.read_csv(folder / MANIFEST, dtype=str, keep_default_na=False)
    table["path"] = [folder / name for name in table["file"]]
    # The files end with a newline; Report.text does not.
    table["text"] = [path.read_text(encoding="utf-8").removesuffix("\n") for path in table["path"]]
    table["year"] = table["year"].astype("int64")
    return table


def national() -> pd.DataFrame:
    """The State Council's government work reports, 1954–2025, one row per report.

    Returns
    -------
    pandas.DataFrame
        57 rows sorted by year, columns ``year`` (int), ``speaker`` (str: who delivered
        it: the premier or, in 1955, 1956, 1958, 1960, 1980 and 1991, the vice-premier
        or state councillor whose plan or budget report stood in for it), ``date`` (str,
        ``YYYY-MM-DD``, the day it was delivered), ``text`` (the clean body) and
        ``path`` (``pathlib.Path`` of the file in ``seeds/national/``). Read once per
        process; each call returns a fresh copy.

    Raises
    ------
    zjnlp.errors.InputError
        The corpus folder is not there (the package was installed without its
        repository).

    See Also
    --------
    national_report : one year's report as a :class:`~zjnlp.read.Report`.

    Examples
    --------
    >>> reports = national()
    >>> reports.loc[reports.year == 2023, "speaker"].item()
    '李克强'
    """
    table = _load(_folder(NATIONAL))
    return table[["year", "speaker", "date", "text", "path"]].sort_values("year", ignore_index=True)


def provinces(year: int = 2026) -> pd.DataFrame:
    """The government work reports of the 31 provincial-level divisions for one year.

    Parameters
    ----------
    year : int, default=2026
        The year of the reports; the project holds 2026.

    Returns
    -------
    pandas.DataFrame
        One row per province, sorted by name, columns ``province`` (``广东省``,
        ``北京市``, ``内蒙古自治区`` …), ``year`` (int), ``text`` (the clean body) and
        ``path`` (``pathlib.Path`` of the file in ``seeds/provinces-<year>/``). Read
        once per process; each call returns a fresh copy.

    Raises
    ------
    zjnlp.errors.OptionError
        No corpus for ``year``.
    zjnlp.errors.InputError
        The corpus folder is not there (the package was installed without its
        repository).

    Examples
    --------
    >>> reports = provinces(2026)
    >>> reports.loc[reports.province == "广东省", "text"].item()[:5]
    '各位代表：'
    """
    table = _load(_provinces_folder(year))
    return table[["province", "year", "text", "path"]].sort_values("province", ignore_index=True)


def _report(row: pd.Series) -> Report:
    """Read a corpus file, with the metadata its raw source had (the file holds the body only)."""
    report = read_report(row["path"])
    keys = ["title", "place", "year", "date", "speaker", "publish_date"]
    metadata = {key: (row.get(key) or None) for key in keys}
    metadata |= {"year": int(row["year"]), "place": row.get("place") or row.get("province")}
    return dataclasses.replace(report, metadata=metadata)


def national_report(year: int) -> Report:
    """The national government work report of one year, read as a user's file is.

    Parameters
    ----------
    year : int
        A year the National People's Congress heard a report (1954–1960, 1964, 1975,
        1978–2025).

    Returns
    -------
    Report
        The report read from ``seeds/national/``, with ``metadata`` (title, place, year,
        date, speaker) taken from its source as recorded in the manifest.

    Raises
    ------
    zjnlp.errors.OptionError
        No report for ``year``.

    Examples
    --------
    >>> national_report(2023).metadata["date"]
    '2023-03-05'
    """
    table = _load(_folder(NATIONAL))
    match = table[table["year"] == year]
    if match.empty:
        raise OptionError("year", year, "a year the National People's Congress heard a report (see zjnlp.corpus.national().year)")
    return _report(match.iloc[0])


def province_report(province: str, year: int = 2026) -> Report:
    """One province's government work report, read as a user's file is.

    Parameters
    ----------
    province : str
        The full name (``广东省``, ``广西壮族自治区``) or its first characters when they
        name one province (``广东``, ``广西``).
    year : int, default=2026
        The year of the report.

    Returns
    -------
    Report
        The report read from ``seeds/provinces-<year>/``, with ``metadata`` from its source.

    Raises
    ------
    zjnlp.errors.OptionError
        ``province`` names no province or several, or no corpus for ``year``.

    Examples
    --------
    >>> province_report("广东").metadata["place"]
    '广东省'
    """
    table = _load(_provinces_folder(year))
    match = table[table["province"].str.startswith(province)] if province else table.iloc[:0]
    if len(match) != 1:
        raise OptionError("province", province, "the name of one province, e.g. 广东省 or 广东")
    return _report(match.iloc[0])
