"""map_reports: many files, one table, in input order, with bad files reported not fatal."""

import functools
import io
from concurrent import futures
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnlp import batch
from zjnlp.batch import map_reports
from zjnlp.errors import InputError, OptionError
from zjnlp.read import read_report

TEXTS = {
    "a.txt": "各位代表：\n推进绿色发展，建设美丽中国。",
    "b.txt": "各位代表：\n实施人才强省战略。\n加快建设教育强省。",
    "c.txt": "各位代表：\n稳住农业基本盘。",
    "d.txt": "各位代表：\n發展新質生產力。",
}


def sentences(report, *, marker="。"):
    """One row per sentence: a module-level function, so worker processes can run it."""
    parts = [part + marker for part in report.text.split(marker) if part]
    return pd.DataFrame({"n": range(len(parts)), "sentence": parts})


def nothing(report):
    return pd.DataFrame({"n": pd.Series([], dtype="int64")})


def refuse_short(report):
    if len(report.text) < 15:
        raise InputError("<report>", "is too short to analyse")
    return sentences(report)


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def one_by_one(func, paths, **read_options):
    frames = [func(read_report(Path(p), **read_options)).assign(file=p) for p in paths]
    table = pd.concat(frames, ignore_index=True)
    return table[["file", *table.columns.drop("file")]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_identical_to_running_file_by_file(files, jobs):
    table, errors = map_reports(sentences, files, jobs=jobs, progress=False)
    assert errors == []
    pd.testing.assert_frame_equal(table, one_by_one(sentences, files))


@pytest.mark.parametrize("jobs", [1, 2])
def test_rows_follow_the_order_of_the_files(files, jobs):
    order = files[::-1]
    table, _ = map_reports(sentences, order, jobs=jobs, progress=False)
    assert list(dict.fromkeys(table["file"])) == order
    assert table.columns[0] == "file"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_file_is_reported_and_the_rest_go_on(files, tmp_path, jobs):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [files[0], str(tmp_path / "missing.txt"), files[1], str(empty)]
    table, errors = map_reports(sentences, paths, jobs=jobs, progress=False)
    assert list(dict.fromkeys(table["file"])) == [files[0], files[1]]
    assert [(error.source, error.problem) for error in errors] == [
        (str(tmp_path / "missing.txt"), "no such file"),
        (str(empty), "is empty"),
    ]


def test_an_analysis_may_refuse_a_report(files):
    table, errors = map_reports(refuse_short, files, jobs=2, progress=False)
    # the error names the file, and keeps what the analysis said
    assert [error.problem for error in errors] == ["<report>: is too short to analyse"] * 2
    assert [error.source for error in errors] == files[2:]
    assert set(table["file"]) == {files[0], files[1]}


def test_options_reach_the_analysis_and_the_reader(files):
    func = functools.partial(sentences, marker="：")
    table, _ = map_reports(func, files[2:], progress=False, to_simplified=True)
    assert table["sentence"].tolist() == ["各位代表：", "\n稳住农业基本盘。：", "各位代表：", "\n发展新质生产力。："]


def test_one_file_starts_no_pool(files, monkeypatch):
    monkeypatch.setattr(batch, "ProcessPoolExecutor", None)  # calling it would fail
    table, _ = map_reports(sentences, files[:1], progress=False)
    assert set(table["file"]) == {files[0]}


def test_several_files_fan_out_over_processes(files, monkeypatch):
    started = []

    class Recording(futures.ProcessPoolExecutor):
        def __init__(self, workers, **options):
            started.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Recording)
    map_reports(sentences, files, jobs=8, progress=False)
    assert started == [4]  # never more workers than files


def test_empty_tables_and_no_files():
    table, errors = map_reports(sentences, [], progress=False)
    assert list(table.columns) == ["file"] and table.empty and errors == []


def test_only_empty_tables_keep_their_columns(files):
    table, _ = map_reports(nothing, files, jobs=1, progress=False)
    assert list(table.columns) == ["file", "n"] and table.empty


def test_progress_bar_off_writes_nothing(files, capsys):
    map_reports(sentences, files[:2], jobs=1, progress=False)
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("terminal, count, shown", [(True, 2, True), (True, 1, False), (False, 2, False)])
def test_progress_bar_only_for_several_files_on_a_terminal(files, monkeypatch, jobs, terminal, count, shown):
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    map_reports(sentences, files[:count], jobs=jobs)
    assert ("2/2" in stderr.getvalue()) is shown
    assert stderr.getvalue() == "" or shown


@pytest.mark.parametrize("jobs", [0, -1, 1.5, "2", True])
def test_jobs_must_be_a_positive_integer(files, jobs):
    with pytest.raises(OptionError, match=r"jobs=.* whole number >= 1, or None for one worker per core"):
        map_reports(sentences, files, jobs=jobs)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([*TEXTS, "missing.txt"]), max_size=6))
def test_every_file_is_either_a_table_or_an_error(tmp_path_factory, names):
    folder = tmp_path_factory.mktemp("files")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    paths = [str(folder / name) for name in names]
    table, errors = map_reports(sentences, paths, jobs=1, progress=False)
    good = [path for path in paths if not path.endswith("missing.txt")]
    expected = [path for path in good for _ in range(len(sentences(read_report(Path(path)))))]
    assert table["file"].tolist() == expected
    assert [error.source for error in errors] == [path for path in paths if path not in good]
