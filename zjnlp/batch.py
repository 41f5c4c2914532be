"""Many report files at once: read each, analyse it, and stack the tables.

Every command that takes several files goes through :func:`map_reports`: it reads each
file with :func:`zjnlp.read.read_report`, calls the analysis on the report, and returns
one table with a ``file`` column first, in the order the files were given. The files
are spread over worker processes (one per core) when there are several, with a progress
bar when stderr is a terminal; a file that cannot be read is reported, not fatal. The result is the
same as running the files one by one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from zjnlp.errors import InputError, check_whole_number
from zjnlp.read import Report, read_report

__all__ = ["map_reports"]

Result = pd.DataFrame | InputError


def _run(func: Callable[[Report], pd.DataFrame], path: Path, read_options: dict) -> Result:
    """One file's table, or the InputError that stopped it, always naming the file."""
    try:
        return func(read_report(path, **read_options))
    except InputError as error:
        # an analysis names what it was given ("<text>", "target"), not the file
        return error if error.source == str(path) else InputError(str(path), str(error))


def _context() -> multiprocessing.context.BaseContext | None:
    # Forked workers inherit what the parent has loaded (modules, dictionaries,
    # lexicons) instead of importing it again; elsewhere keep the platform's default.
    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def map_reports(
    func: Callable[[Report], pd.DataFrame],
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    progress: bool = True,
    **read_options: object,
) -> tuple[pd.DataFrame, list[InputError]]:
    """Read every file, apply ``func`` to each report and stack the results.

    Parameters
    ----------
    func : callable
        ``func(report) -> DataFrame``. With several workers it is sent to other
        processes, so it must be picklable: a module-level function, or a
        ``functools.partial`` of one with its options.
    paths : iterable of str or path-like
        The report files, in the order the rows should come in.
    jobs : int, optional
        Worker processes; by default one per core, never more than there are files.
        ``1`` (or a single file) runs in this process and starts no pool.
    progress : bool, default=True
        Show a progress bar on stderr, only with several files and only when stderr is
        a terminal.
    **read_options
        Passed to :func:`zjnlp.read.read_report` for every file (``to_simplified=True``).

    Returns
    -------
    table : pandas.DataFrame
        ``file`` (the path as given), then the columns of ``func``'s tables, the rows
        of each file in the order of ``paths``; only ``file`` when no file gave a table.
    errors : list of zjnlp.errors.InputError
        One per file that could not be read (missing, empty, binary, …) or that
        ``func`` refused, in the order of ``paths``. Their files are left out of
        ``table``; every other file is still done.

    Raises
    ------
    zjnlp.errors.OptionError
        ``jobs`` is not a positive integer.

    Examples
    --------
    >>> def length(report):
    ...     return pd.DataFrame({"chars": [len(report.text)]})
    >>> table, errors = map_reports(length, ["2023.txt", "2024.txt"])  # doctest: +SKIP
    >>> list(table.columns)  # doctest: +SKIP
    ['file', 'chars']
    """
    check_whole_number("jobs", jobs, minimum=1, none="one worker per core")
    files = [os.fspath(path) for path in paths]
    results: list[Result] = []
    workers = min(jobs or os.cpu_count() or 1, len(files))
    if workers <= 1:
        with _bar(len(files), progress) as bar:
            for name in files:
                results.append(_run(func, Path(name), read_options))
                bar.update()
    else:
        pool = ProcessPoolExecutor(workers, mp_context=_context())
        try:
            futures = {pool.submit(_run, func, Path(name), read_options): i for i, name in enumerate(files)}
            done: dict[int, Result] = {}
            # The bar starts after the workers, so no thread of its is running when they fork.
            with _bar(len(files), progress) as bar:
                for future in as_completed(futures):
                    done[futures[future]] = future.result()
                    bar.update()
            results = [done[i] for i in range(len(files))]
        finally:
            # On an error or Ctrl-C, do not wait for the files not yet started.
            pool.shutdown(cancel_futures=True)
    return _stack(files, results)


def _bar(total: int, progress: bool) -> tqdm:
    # One file needs no bar; disable=None shows it only when stderr is a terminal, so
    # logs and redirected output stay clean.
    return tqdm(total=total, unit="file", file=sys.stderr, disable=None if progress and total > 1 else True)


def _stack(files: list[str], results: list[Result]) -> tuple[pd.DataFrame, list[InputError]]:
    frames, errors = [], []
    for name, result in zip(files, results):
        if isinstance(result, InputError):
            errors.append(result)
        else:
            frame = result
            frames.append(frame.assign(file=name)[["file", *frame.columns.drop("file", errors="ignore")]])
    if not frames:
        return pd.DataFrame(columns=["file"]), errors
    # Empty tables add no rows; leaving them out keeps pandas from guessing their dtypes.
    filled = [frame for frame in frames if len(frame)] or frames[:1]
    return pd.concat(filled, ignore_index=True), errors
