"""The command line: help a newcomer can follow, the three output formats, several files,
option errors as one line with exit code 2, and end-to-end runs in a child process."""

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from zjnlp import __version__, errors
from zjnlp.cli import EXIT_BAD_INPUT, _parser, main
from zjnlp.corpus import SEED_PAGE as SEED

ROOT = Path(__file__).resolve().parents[1]
NATIONAL = sorted((ROOT / "seeds" / "national").glob("*.txt"))
COMMANDS = ["sections", "tokens", "keywords", "kwic", "themes", "targets", "discover"]
SMALL = "各位代表：\n推进绿色发展，建设美丽中国。\n新增就业2万人。"


def run(*argv: object) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``zjnlp ARGV``, argparse's exits included."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exit:
            code = exit.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def small(tmp_path) -> Path:
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- help


def test_help_lists_every_command_and_the_exit_codes():
    code, out, _ = run("--help")
    assert code == 0
    for command in COMMANDS:
        assert f"\n    {command} " in out
    assert "exit codes:" in out and "GB18030" in out and "zjnlp COMMAND --help" in out


def _subcommands() -> dict:
    action = next(a for a in _parser()._actions if a.dest == "command")
    return action.choices


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example_and_explains_every_option(command):
    code, out, _ = run(command, "--help")
    assert code == 0
    assert f"example:\n  zjnlp {command} " in out
    for action in _subcommands()[command]._actions:
        assert action.help, f"{command} {action.option_strings or action.dest} has no help"


def test_version():
    assert run("--version") == (0, f"zjnlp {__version__}\n", "")


# --------------------------------------------------------------------------- output


def test_formats_print_the_same_table(small):
    _, csv, _ = run("targets", small, "--include", "all", "--format", "csv")
    _, records, _ = run("targets", small, "--include", "all", "--format", "json")
    table = pd.read_csv(io.StringIO(csv))
    assert table["indicator"].tolist() == [row["indicator"] for row in json.loads(records)] == ["就业"]
    _, shown, _ = run("targets", small, "--include", "all")
    assert shown.splitlines()[0].split()[:3] == ["part", "section", "paragraph"]


def test_an_empty_table_says_so(small):
    assert run("kwic", "红树林", small) == (0, "(no rows)\n", "")


def test_tokens_as_text_and_json(small):
    _, text, _ = run("tokens", small)
    assert text.splitlines()[0] == "各位 / 代表 / ："
    _, listed, _ = run("tokens", small, "--format", "json")
    assert "".join(json.loads(listed)) == SMALL


def test_several_files_get_a_file_column_in_the_order_given(small):
    code, out, err = run("themes", SEED, small, "--lexicon", "green", "--format", "csv", "--jobs", "1")
    assert (code, err) == (0, "")
    table = pd.read_csv(io.StringIO(out))
    assert table.columns[0] == "file"
    assert table["file"].tolist() == [str(SEED), str(small)]


def test_several_files_of_tokens_one_block_each(small):
    _, out, _ = run("tokens", small, small, "--format", "json", "--jobs", "1")
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(small)] * 2


def test_a_command_is_one_entry_in_the_table(monkeypatch, small):
    """The README's walkthrough: a new command needs one Command, nothing else."""
    from zjnlp.cli import COMMANDS, Command, Option

    lengths = Command(
        "lengths", "Each unit of the report, with its offsets.", "zjnlp.structure:units",
        details="Columns: the unit columns, title, kind, start, end, text.", example="zjnlp lengths report.txt",
        options=(Option("--by", "by", "unit of analysis", literal="zjnlp.structure:Unit"),),
    )
    monkeypatch.setattr("zjnlp.cli.COMMANDS", (*COMMANDS, lengths))
    code, out, _ = run("lengths", "--help")
    assert code == 0 and "(default: paragraph)" in out and "{document,part,section,paragraph}" in out
    code, out, err = run("lengths", small, small, "--by", "document", "--format", "csv", "--jobs", "1")
    assert (code, err) == (0, "")
    assert pd.read_csv(io.StringIO(out))["end"].tolist() == [len(SMALL)] * 2


def test_option_defaults_are_the_library_defaults():
    from zjnlp.context import kwic
    from zjnlp.keywords import keywords_for_cli

    keywords = _subcommands()["keywords"].parse_args(["report.txt"])
    assert (keywords.top, keywords.method, keywords.by) == (10, "tfidf", "section")
    assert keywords_for_cli.__kwdefaults__ == {
        "by": "section", "top": 10, "method": "tfidf", "reference": None, "appendices": False, "part_kind": None,
    }
    assert (keywords.appendices, keywords.part_kind) == (False, None)
    window = _subcommands()["kwic"].parse_args(["report.txt", "x"]).window
    assert window == kwic.__kwdefaults__["window"]


# --------------------------------------------------------------------------- option errors


@pytest.fixture
def bad_lexicon(tmp_path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text('id = "mine"\nterms = ["绿色', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv, message",
    [
        ([], "the following arguments are required: COMMAND"),
        (["nosuch", "{seed}"], "invalid choice: 'nosuch'"),
        (["sections", "{seed}", "--by", "chapter"], "argument --by: invalid choice: 'chapter'"),
        (["keywords", "{seed}", "--top", "-1"], "argument --top: " + errors.TOO_SMALL.format(minimum=1, value="-1")),
        (["keywords", "{seed}", "--top", "ten"], "argument --top: " + errors.TOO_SMALL.format(minimum=1, value="ten")),
        (["kwic", "发展", "{seed}", "--window", "-5"], "argument --window: " + errors.TOO_SMALL.format(minimum=0, value="-5")),
        (["discover", "{seed}", "--min-count", "0"], "argument --min-count: expected a whole number >= 1"),
        (["targets", "{seed}", "--jobs", "0"], "argument --jobs: expected a whole number >= 1"),
        (["targets", "{seed}", "--include", "some"], "argument --include: invalid choice"),
        (["themes", "{seed}", "--lexicon", "nosuch"], "lexicon='nosuch' is not valid: expected one of culture,"),
        (["themes", "{seed}", "--lexicon", "{bad_lexicon}"], "{bad_lexicon}: is not valid TOML"),
        (["themes", "{seed}", "--lexicon", "{missing}.toml"], f"{{missing}}.toml: {errors.MISSING}"),
        (["keywords", "{seed}", "--method", "textrank", "--reference", "national"], "reference=['national'] is not valid"),
        (["keywords", "{seed}", "--method", "keyness", "--by", "document"], "reference=None is not valid"),
        (["keywords", "{seed}", "--reference", "{missing}"], f"--reference {{missing}}: {errors.MISSING}"),
        (["targets", "{seed}", "--lexicon", "{bad_lexicon}"], "{bad_lexicon}: is not valid TOML"),
        (["kwic", "", "{seed}"], "term='' is not valid"),
        (["themes", "{seed}", "--part-kind", "plans"], "argument --part-kind: invalid choice: 'plans'"),
    ],
)
def test_an_invalid_option_is_one_line_and_exit_code_2(tmp_path, bad_lexicon, argv, message):
    names = {"seed": SEED, "bad_lexicon": bad_lexicon, "missing": tmp_path / "missing.txt"}
    code, out, err = run(*(a.format(**names) for a in argv))
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("zjnlp")
    assert message.format(**names) in err


def test_an_option_error_raised_in_a_worker_process_stops_the_batch_with_one_line(small):
    code, out, err = run("keywords", small, SEED, "--method", "keyness", "--by", "document", "--jobs", "2")
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.startswith("zjnlp: reference=None is not valid") and err.count("\n") == 1


# --------------------------------------------------------------------------- end to end


def zjnlp(*argv: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zjnlp.cli", *map(str, argv)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_end_to_end_success():
    done = zjnlp("sections", SEED, "--by", "section", "--format", "csv")
    assert (done.returncode, done.stderr) == (0, "")
    assert pd.read_csv(io.StringIO(done.stdout))["section"].notna().any()


@pytest.mark.parametrize("by", ["paragraph", "section"])
def test_sections_keep_only_parts_of_a_kind(by):
    report = ROOT / "seeds" / "provinces-2026" / "浙江省.txt"
    done = zjnlp("sections", report, "--by", by, "--part-kind", "plan", "outlook", "--format", "csv")
    assert (done.returncode, done.stderr) == (0, "")
    table = pd.read_csv(io.StringIO(done.stdout), keep_default_na=False)
    assert set(table["part_kind"]) == {"plan", "outlook"} and set(table["part"]) == {2, 3}


def test_end_to_end_a_batch_with_bad_files(tmp_path):
    empty, png = tmp_path / "empty.txt", tmp_path / "image.png"
    empty.write_bytes(b"")
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    done = zjnlp("targets", SEED, empty, tmp_path / "missing.txt", png, SEED, "--format", "csv", "--jobs", "2")
    assert done.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"zjnlp: {empty}: {errors.EMPTY}",
        f"zjnlp: {tmp_path / 'missing.txt'}: {errors.MISSING}",
        f"zjnlp: {png}: {errors.BINARY.format(kind='PNG image')}",
    ]
    assert set(pd.read_csv(io.StringIO(done.stdout))["file"]) == {str(SEED)}


def test_end_to_end_usage_error():
    done = zjnlp("kwic", "发展")
    assert done.returncode == EXIT_BAD_INPUT
    assert done.stderr == "zjnlp kwic: the following arguments are required: FILE (see 'zjnlp kwic --help')\n"


def test_a_closed_pipe_ends_quietly():
    """`zjnlp tokens … | head -1`: no traceback, no complaint, exit code 0."""
    child = subprocess.Popen(
        [sys.executable, "-m", "zjnlp.cli", "tokens", *NATIONAL[-3:], "--jobs", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    child.stdout.readline()
    child.stdout.close()
    assert child.wait(timeout=120) == 0
    assert child.stderr.read() == b""


# --------------------------------------------------------------------------- choosing the text

APPENDIX = ROOT / "seeds" / "provinces-2026" / "江西省.txt"  # 名词注释 after the closing remarks


def test_themes_by_document_is_the_sum_over_the_units_that_are_not_appendices():
    _, document, _ = run("themes", APPENDIX, "--by", "document", "--lexicon", "green", "--format", "csv")
    _, parts, _ = run("themes", APPENDIX, "--by", "part", "--lexicon", "green", "--appendices", "--format", "csv")
    _, whole, _ = run("themes", APPENDIX, "--by", "document", "--lexicon", "green", "--appendices", "--format", "csv")
    document, parts, whole = (pd.read_csv(io.StringIO(table)) for table in (document, parts, whole))
    speech = parts[parts["kind"] != "appendix"]
    assert (parts["kind"] == "appendix").any()
    assert document[["hits", "tokens"]].values.tolist() == [speech[["hits", "tokens"]].sum().tolist()]
    assert whole[["hits", "tokens"]].values.tolist() == [parts[["hits", "tokens"]].sum().tolist()]


def test_part_kind_keeps_parts_of_those_kinds():
    _, plan, _ = run("themes", APPENDIX, "--by", "document", "--lexicon", "green", "--part-kind", "plan", "--format", "csv")
    _, parts, _ = run("themes", APPENDIX, "--by", "part", "--lexicon", "green", "--format", "csv")
    plan, parts = pd.read_csv(io.StringIO(plan)), pd.read_csv(io.StringIO(parts))
    assert plan[["hits", "tokens"]].values.tolist() == parts.loc[parts["part_kind"] == "plan", ["hits", "tokens"]].values.tolist()
    _, targets, _ = run("targets", APPENDIX, "--part-kind", "review", "outlook", "--include", "all", "--format", "csv")
    assert set(pd.read_csv(io.StringIO(targets))["part_kind"]) == {"review", "outlook"}


# --------------------------------------------------------------------------- fitting the terminal

TABLES = {  # every command that prints a table, on the seed page
    "sections": [], "keywords": [], "kwic": ["人才"], "themes": ["--by", "section"],
    "targets": ["--include", "all"], "discover": ["--min-count", "2"],
}


def _widest(text: str) -> int:
    from zjnlp.terminal import width

    return max(width(line) for line in text.splitlines())


@pytest.mark.parametrize("command", TABLES)
def test_a_table_fits_the_terminal(monkeypatch, command):
    before = TABLES[command][:1] if command == "kwic" else []
    argv = [command, *before, SEED, *TABLES[command][len(before):]]
    monkeypatch.setenv("COLUMNS", "80")
    code, narrow, _ = run(*argv)
    assert code == 0 and _widest(narrow) <= 80
    monkeypatch.setenv("COLUMNS", "200")
    _, broad, _ = run(*argv)
    _, wide, _ = run(*argv, "--wide")
    if _widest(wide) <= 200:  # a narrow table is shown whole at 200 columns
        assert broad == wide
    else:
        assert 80 < _widest(broad) <= 200 and _widest(broad) > _widest(narrow)
    _, csv, _ = run(*argv, "--format", "csv")
    assert "…" not in csv  # csv and json are never shortened


def test_a_narrow_kwic_keeps_the_words_next_to_the_match(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run("kwic", "人才", SEED, "--window", "30")
    header, first = out.splitlines()[:2]
    assert "start" not in header.split()  # offsets go before any context is shortened
    left = first[: first.index("人才")].split()[-1]
    _, csv, _ = run("kwic", "人才", SEED, "--window", "30", "--format", "csv")
    whole_left = csv.splitlines()[1].split(",")[-3]
    assert left.startswith("…") and whole_left.endswith(left[1:])


def test_narrow_sections_show_the_role_of_each_paragraph(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run("sections", SEED, "--by", "paragraph")
    assert {"part_kind", "section", "paragraph", "role", "text"} <= set(out.splitlines()[0].split())


@pytest.mark.parametrize("command", COMMANDS)
def test_help_fits_the_terminal(monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "80")
    for argv in (["--help"], [command, "--help"]):
        code, out, _ = run(*argv)
        assert code == 0 and _widest(out) <= 80


def test_numbers_print_as_numbers(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run("targets", SEED, "--include", "all")
    values = [line.split() for line in out.splitlines()[1:]]
    assert not any(cell.endswith(".0") for row in values for cell in row)
    _, out, _ = run("themes", SEED)
    assert "0.000000" not in out


def test_computed_columns_line_up_at_the_decimal_point(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run("themes", ROOT / "seeds" / "provinces-2026" / "广东省.txt", "--by", "document")
    header, *rows = (line.split() for line in out.splitlines())
    for name in ("per_1000", "char_share"):  # right-aligned, so the same decimal places line up
        places = {len(row[header.index(name)].partition(".")[2]) for row in rows}
        assert len(places) == 1 and places != {0}, (name, out)


def test_kwic_over_many_files_is_each_file_run_alone():
    files = sorted((ROOT / "seeds" / "provinces-2026").glob("*.txt"))
    assert len(files) == 31
    code, out, _ = run("kwic", "人才", *files, "--jobs", "2", "--format", "csv")
    together = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    alone = []
    for path in files:
        _, out, _ = run("kwic", "人才", path, "--format", "csv")
        alone.append(pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False).assign(file=str(path)))
    expected = pd.concat(alone, ignore_index=True)
    assert code == 0 and len(together) > 31
    pd.testing.assert_frame_equal(together, expected[together.columns])
