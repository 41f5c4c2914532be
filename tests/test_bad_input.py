"""Hostile input: every command gives the same answer whatever the file's encoding or
format, and refuses a file it cannot use with one line on stderr and exit code 2.

Every stage is also run on arbitrary text (hypothesis): it returns a table or raises a
documented ``ZjnlpError``, tokens join back to the text, units tile it, values are finite.
"""

import codecs
import contextlib
import html
import io
import os
import random
import zipfile
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zjnlp import errors
from zjnlp.cli import EXIT_BAD_INPUT, main
from zjnlp.context import kwic
from zjnlp.corpus import SEED_PAGE as SEED
from zjnlp.errors import InputError, ZjnlpError
from zjnlp.keywords import keywords_for_cli
from zjnlp.read import read_report
from zjnlp.structure import sentences, structure, units
from zjnlp.targets import targets
from zjnlp.themes import score_themes
from zjnlp.tokenize import discover_words, tokens_of

from .conftest import uncovered

UNITS = ["document", "part", "section", "paragraph"]

# Each command with options that make it print everything it found, in full.
COMMANDS = {
    "sections": ["--format", "csv"],
    "tokens": ["--format", "json"],
    "keywords": ["--top", "3", "--format", "csv"],
    "themes": ["--format", "csv"],
    "targets": ["--include", "all", "--format", "csv"],
    "kwic": ["--format", "csv"],
    "discover": ["--min-count", "2", "--top", "20", "--format", "csv"],
}
BEFORE_FILES = {"kwic": ["发展"]}  # zjnlp kwic TERM FILE…

NO_HEADINGS = (
    "现在，我代表市人民政府向大会报告工作，请予审议。\n"
    "过去一年，全市地区生产总值增长5.2%，新增就业2万人。\n"
    "今年要推动绿色发展，建设美丽城市，新建公园10个。\n"
    "实施人才强市战略，引进博士100名以上。"
)
TRADITIONAL = "各位代表：\n現在，我代表市人民政府向大會報告工作。\n推動綠色發展，建設美麗城市，新建公園10個。\n實施人才強市戰略，引進博士100名以上。"
SIMPLIFIED = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n推动绿色发展，建设美丽城市，新建公园10个。\n实施人才强市战略，引进博士100名以上。"


def run(*argv: object) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``zjnlp ARGV``, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def command_line(command: str, path: Path) -> list[str]:
    return [command, *BEFORE_FILES.get(command, []), str(path), *COMMANDS[command]]


@cache
def seed_output(command: str) -> str:
    code, out, err = run(*command_line(command, SEED))
    assert (code, err) == (0, "")
    return out


# --------------------------------------------------------------------------- encodings and HTML


def html_page(text: str) -> bytes:
    """The text as a web page: a <p> per line, with head, script, style, nav and footer."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告</title>
<style>p {{ text-indent: 2em; }}</style>
<script>var a = 1; if (a < 2 && a > 0) {{ document.write("<p>统计代码</p>"); }}</script>
</head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政府工作报告</div>
<div class="article">
{body}
</div>
<footer><p>主办：人民政府办公室 &nbsp; 承办：信息中心</p><p>版权所有 &copy; 人民政府 粤ICP备05070829号</p>
<p><a href="/lxwm">联系我们</a> | <a href="/wzdt">网站地图</a></p></footer>
<script>console.log("<p>end</p>")</script>
</body></html>"""
    return page.encode("utf-8")


VARIANTS = {
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-8 with BOM": lambda text: text.encode("utf-8-sig"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "crlf gb18030": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
    "html": html_page,
}


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("variants")
    text = SEED.read_text(encoding="utf-8")
    paths = {}
    for name, encode in VARIANTS.items():
        paths[name] = folder / f"{name.replace(' ', '_')}.txt"
        paths[name].write_bytes(encode(text))
    return paths


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_reads_as_the_same_report(variants, variant):
    report, seed = read_report(variants[variant]), read_report(SEED)
    assert report.text == seed.text
    assert report.warnings.drop(columns=["start", "end"]).equals(seed.warnings.drop(columns=["start", "end"]))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_command_prints_the_same_for_every_variant(variants, variant, command):
    code, out, err = run(*command_line(command, variants[variant]))
    assert (code, err) == (0, "")
    assert out == seed_output(command)


def test_html_site_text_is_removed_and_audited(variants):
    report = read_report(variants["html"])
    assert report.format == "html"
    removed = "\n".join(report.removed["text"])
    for site_text in ("当前位置", "版权所有", "主办：人民政府办公室", "联系我们"):
        assert site_text in removed and site_text not in report.text
    assert "统计代码" not in report.text and "end" not in report.text  # scripts skipped


def test_big5_reads_as_the_same_traditional_text():
    assert read_report(TRADITIONAL.encode("big5")).text == read_report(text=TRADITIONAL).text


@pytest.mark.parametrize(
    "source, text",
    [
        # character references as browsers read them: NUL, a surrogate and a code point
        # past U+10FFFF become U+FFFD, 150 is the Windows-1252 dash, controls are dropped
        (b"<html><body><p>&#0;&#55296;&#x110000;&#150;&#1;\xe5\x90\x84\xe4\xbd\x8d\xe3\x80\x82</p></body></html>", "\ufffd\ufffd\ufffd\u2013各位。"),
        ("\udce5各位代表：推进发展。", "\ufffd各位代表：推进发展。"),  # a lone surrogate in a str
    ],
)
def test_characters_no_writer_can_encode_become_replacement_characters(source, text):
    report = read_report(source) if isinstance(source, bytes) else read_report(text=source)
    assert report.text == text and len(report.offsets) == len(text)
    assert report.text.encode("utf-8")


# --------------------------------------------------------------------------- bad files


def _zip(name: str = "report.txt") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, SIMPLIFIED)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """A PDF whose page has an image and no text, as a scanner makes it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


BAD_FILES = {
    "empty": (b"", errors.EMPTY),
    "white space only": (" \r\n\t\u3000\n".encode(), errors.BLANK),
    "PNG image": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), errors.BINARY.format(kind="PNG image")),
    "damaged PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", errors.BROKEN_FILE.format(kind="PDF", detail="Data format error")),
    "scanned PDF": (_scanned_pdf(), errors.SCANNED_PDF),
    "zip": (_zip(), errors.UNSUPPORTED.format(kind="a ZIP archive", fix="unpack it and read the files inside")),
    "Excel workbook": (_zip("xl/workbook.xml"), errors.UNSUPPORTED.format(kind="an Excel workbook", fix="export the text first (save the sheet as .txt or .csv)")),
    "Word 97-2003": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(500), errors.UNSUPPORTED.format(kind="a Word 97-2003 document (.doc)", fix="open it in Word or LibreOffice and save it as .docx")),
    "Rich Text Format": (b"{\\rtf1\\ansi\\deff3{\\fonttbl{\\f0 Times;}}\\u21508\\'3f\\u20301\\'3f\\par }", errors.UNSUPPORTED.format(kind="a Rich Text Format file (.rtf)", fix="open it in Word or LibreOffice and save it as .docx")),
    "web archive": ("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"b\"\n\n--b\nContent-Type: text/html\n\n<p>各位代表</p>\n--b--\n".encode(), errors.UNSUPPORTED.format(kind="a web archive (.mht)", fix="open it in a browser or Word and save it as .html or .docx")),
    "random bytes": (random.Random(0).randbytes(4096), errors.BINARY.format(kind="NUL bytes")),
    "bad UTF-8 after a BOM": (codecs.BOM_UTF8 + "各位代表".encode() + b"\xff\xfe\xc0", errors.UNDECODABLE),
    "bad UTF-16 after a BOM": (codecs.BOM_UTF16_LE + b"\x00\xd8\x00\xd8", errors.UNDECODABLE),
    "no encoding fits": (b"\x80" * 300, errors.UNDECODABLE),
    "a page with no text": (b"<html><body><script>var x = 1;</script></body></html>", errors.NO_TEXT),
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    paths = {"missing": folder / "missing.txt", "a directory": folder / "folder.txt"}
    paths["a directory"].mkdir()
    for name, (data, _) in BAD_FILES.items():
        paths[name] = folder / f"{name.replace(' ', '_')}.txt"
        paths[name].write_bytes(data)
    return paths


MESSAGES = {name: message for name, (_, message) in BAD_FILES.items()} | {
    "missing": errors.MISSING,
    "a directory": errors.IS_DIRECTORY,
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", MESSAGES)
def test_a_bad_file_is_one_line_and_exit_code_2(bad_files, bad, command):
    path = bad_files[bad]
    code, out, err = run(*command_line(command, path))
    assert code == EXIT_BAD_INPUT
    assert err == f"zjnlp: {path}: {MESSAGES[bad]}\n"
    assert out == ""


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    path.chmod(0)
    try:
        assert run("targets", path) == (EXIT_BAD_INPUT, "", f"zjnlp: {path}: {errors.UNREADABLE}\n")
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unreadable_file_without_permission_checks(tmp_path, monkeypatch, command):
    path = tmp_path / "secret.txt"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    read_bytes = Path.read_bytes

    def refuse(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert run(*command_line(command, path)) == (EXIT_BAD_INPUT, "", f"zjnlp: {path}: {errors.UNREADABLE}\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_in_a_batch_bad_files_are_reported_and_skipped(bad_files, tmp_path, command):
    other = tmp_path / "other.txt"
    other.write_text(NO_HEADINGS, encoding="utf-8")
    bad = [bad_files["missing"], bad_files["PNG image"], bad_files["empty"]]
    files = [bad[0], SEED, bad[1], other, bad[2]]
    code, out, err = run(command, *BEFORE_FILES.get(command, []), *files, *COMMANDS[command], "--jobs", "1")
    assert code == EXIT_BAD_INPUT
    assert err.splitlines() == [f"zjnlp: {path}: {MESSAGES[name]}" for path, name in zip(bad, ["missing", "PNG image", "empty"])]
    if command == "tokens":
        assert [line.count('"file"') for line in out.splitlines()] == [1, 1]
    elif command == "discover":
        assert "word" in out
    else:
        assert pd.read_csv(io.StringIO(out))["file"].drop_duplicates().tolist() == [str(SEED), str(other)]


def test_a_batch_over_worker_processes_reports_the_same(bad_files):
    files = [SEED, bad_files["missing"], SEED]
    one = run("targets", *files, "--format", "csv", "--jobs", "1")
    assert run("targets", *files, "--format", "csv", "--jobs", "2") == one
    assert one[0] == EXIT_BAD_INPUT


def test_a_batch_of_only_bad_files_prints_no_table(bad_files):
    code, out, err = run("themes", bad_files["missing"], bad_files["empty"])
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert len(err.splitlines()) == 2


# --------------------------------------------------------------------------- no headings, traditional


def test_no_headings_is_one_unit_with_its_paragraphs():
    report = read_report(text=NO_HEADINGS)
    for by in ("document", "part", "section"):
        assert len(units(report, by=by)) == 1
    table = structure(report)
    assert table["kind"].tolist() == ["paragraph"] * 4
    assert table["paragraph"].tolist() == [1, 2, 3, 4]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_runs_on_a_report_without_headings(tmp_path, command):
    path = tmp_path / "report.txt"
    path.write_text(NO_HEADINGS, encoding="utf-8")
    code, out, err = run(*command_line(command, path))
    assert (code, err) == (0, "")
    assert out.strip()


@pytest.mark.parametrize("command", COMMANDS)
def test_traditional_chinese_is_flagged_and_converted_on_request(tmp_path, command):
    traditional, simplified = tmp_path / "traditional.txt", tmp_path / "simplified.txt"
    traditional.write_text(TRADITIONAL, encoding="utf-8")
    simplified.write_text(SIMPLIFIED, encoding="utf-8")
    code, _, err = run(*command_line(command, traditional))
    assert code == 0
    assert err == f"zjnlp: warning: {traditional}: {errors.TRADITIONAL}\n"
    converted = run(*command_line(command, traditional), "--to-simplified")
    assert converted == run(*command_line(command, simplified))


def test_a_hard_wrapped_text_is_a_warning_line_and_read_as_paragraphs(tmp_path):
    path = tmp_path / "wrapped.txt"
    paragraph = "推动绿色发展，建设美丽城市，新建公园十个，实施人才强市战略，引进博士一百名以上，" * 3 + "完成全年目标。"
    lines = [paragraph[i : i + 30] for i in range(0, len(paragraph), 30)]
    path.write_text("\n".join(["各位代表："] + lines * 8), encoding="utf-8")
    code, _, err = run(*command_line("sections", path))
    assert code == 0
    assert err == f"zjnlp: warning: {path}: {read_report(path).warnings['message'].iloc[0]}\n"
    assert "cut at 30 characters" in err


def test_traditional_chinese_is_a_warning_row():
    warnings = read_report(text=TRADITIONAL).warnings
    assert "traditional_chinese" in set(warnings["kind"])
    assert "traditional_chinese" not in set(read_report(text=TRADITIONAL, to_simplified=True).warnings["kind"])


def test_an_unexpected_error_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    other = tmp_path / "other.txt"
    other.write_text(NO_HEADINGS, encoding="utf-8")

    # the same signature as targets: the command line reads its switches' defaults from it
    def buggy(report, *, include="targets", lexicon=None, appendices=False, **choice):
        if report.source == str(SEED):
            raise KeyError("三一")
        return targets(report, include=include, lexicon=lexicon, appendices=appendices, **choice)

    monkeypatch.setattr("zjnlp.targets.targets", buggy)
    code, out, err = run("targets", SEED, other, "--format", "csv", "--jobs", "1")
    assert code == EXIT_BAD_INPUT
    assert err == f"zjnlp: {SEED}: {errors.BUG.format(error='KeyError: ' + repr('三一'))}\n"
    assert set(pd.read_csv(io.StringIO(out))["file"]) == {str(other)}


# --------------------------------------------------------------------------- every stage on any text

# Pieces of reports (headings, address, numbers, units, site text, markup, traditional
# characters, odd white space) mixed with arbitrary text, so that most examples read as
# a report and reach the later stages.
PIECES = [
    "一、", "二、", "十二、", "（一）", "(三)", "各位代表：", "各位代表！", "。", "，", "、", "：", "；", "！", "？",
    "\n", "\r\n", " ", "\u3000", "\t", "\u200b", "\ufeff", "\x00", "%", "％", "万", "亿", "元", "个", "以上", "左右",
    "增长", "达到", "率", "分别", "至", "-", "—", "“", "”", "（", "）", "1", "2.5", "100", "三", "十", "百",
    "目标", "新增", "建设", "绿色发展", "人才", "附件", "名词解释", "政府工作报告", "发布日期：2023-01-01", "相关链接",
    "上一页", "<p>", "</p>", "<html>", "&amp;", "&#0;", "發展", "國務院", "x", "A",
]
report_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=200), report_like)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_none(text: str):
    try:
        return read_report(text=text)
    except InputError:
        return None


@FAST
@given(st.one_of(st.binary(max_size=300), any_text.map(str.encode)))
def test_read_any_bytes(data):
    try:
        report = read_report(data)
    except InputError:
        return
    assert report.text and len(report.offsets) == len(report.text)
    assert report.text.encode("utf-8")  # nothing a writer or a tokenizer would refuse


@FAST
@given(any_text, st.sampled_from(UNITS))
def test_units_and_sentences_tile_the_text(text, by):
    report = read_or_none(text)
    if report is None:
        return
    table = units(report, by=by)
    assert set(uncovered(table, report.text)) <= {"\n"}
    assert set(uncovered(structure(report), report.text)) <= {"\n"}
    lines = sentences(report, by=by)
    assert uncovered(lines, report.text).isspace() or not uncovered(lines, report.text)
    row = np.searchsorted(table["start"].to_numpy(), lines["start"].to_numpy(), side="right") - 1
    assert (lines["end"].to_numpy() <= table["end"].to_numpy()[row]).all()  # inside its unit


@FAST
@given(any_text)
def test_tokens_join_back_to_the_text(text):
    assert "".join(tokens_of(text)) == text


@FAST
@given(any_text, st.sampled_from(UNITS))
def test_themes_scores_are_counts_and_rates(text, by):
    report = read_or_none(text)
    if report is None:
        return
    table = score_themes(report, by=by)
    assert (table["hits"] >= 0).all() and (table["tokens"] >= 0).all()
    rate = table["per_1000"]
    assert (np.isfinite(rate) | (rate.isna() & (table["tokens"] == 0))).all()
    assert table["char_share"].dropna().between(0, 1).all()


@FAST
@given(any_text, st.sampled_from(["targets", "all"]))
def test_target_values_are_finite(text, include):
    report = read_or_none(text)
    if report is None:
        return
    table = targets(report, include=include)
    assert np.isfinite(table["value"]).all()
    assert np.isfinite(table["upper"].dropna()).all()
    assert all(report.text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


@FAST
@given(st.data(), any_text, st.sampled_from(UNITS))
def test_kwic_finds_what_it_says(data, text, by):
    report = read_or_none(text)
    if report is None:
        return
    start = data.draw(st.integers(0, len(report.text) - 1))
    term = report.text[start : data.draw(st.integers(start + 1, min(len(report.text), start + 4)))]
    table = kwic(report, term, by=by, window=3, appendices=True)  # appendices are report text too
    assert len(table) >= (term.strip() != "")
    assert all(report.text[s:e] == term for s, e in zip(table["start"], table["end"]))


@settings(FAST, max_examples=30)
@given(any_text, st.sampled_from(UNITS), st.sampled_from(["tfidf", "textrank", "keyness"]))
def test_keywords_scores_are_finite(text, by, method):
    report = read_or_none(text)
    if report is None:
        return
    try:
        table = keywords_for_cli(report, by=by, top=3, method=method)
    except ZjnlpError:
        return  # documented: keyness of a single unit has nothing to compare with
    assert np.isfinite(table["score"]).all()
    assert (table["rank"] >= 1).all()


@FAST
@given(st.lists(any_text, max_size=3))
def test_discover_scores_are_finite(texts):
    table = discover_words(texts, min_count=1, top=20)
    columns = ["pmi", "left_entropy", "right_entropy", "score"]
    assert np.isfinite(table[columns].to_numpy(dtype=float)).all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.binary(max_size=200), any_text.map(str.encode)),
    st.sampled_from(list(COMMANDS)),
)
def test_the_command_line_survives_any_file(tmp_path_factory, data, command):
    path = tmp_path_factory.mktemp("any") / "report.txt"
    path.write_bytes(data)
    code, out, err = run(*command_line(command, path))
    assert code in (0, EXIT_BAD_INPUT)
    if code == EXIT_BAD_INPUT:
        assert out == ""
        assert err.startswith(f"zjnlp: {path}: ") and err.count("\n") == 1
    assert "Traceback" not in err and "a bug in zjnlp" not in err
