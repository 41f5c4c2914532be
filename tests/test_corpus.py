"""The reference corpora in seeds/: complete, clean, dated, and what the manifest says."""

import hashlib
import re

import pandas as pd
import pytest

from zjnlp import corpus
from zjnlp.errors import InputError, OptionError
from zjnlp.read import read_report

# The years the National People's Congress heard a government work report.
NPC_YEARS = [*range(1954, 1961), 1964, 1975, *range(1978, 2026)]
# Texts that open otherwise than with the address to the deputies, and why.
OPENINGS = {
    1955: "目录",  # the plan report opens with its table of contents
    1964: "五年来",  # the published abstract has no address
    1979: "名位代表",  # the source's misprint of 各位代表
}
ADDRESS = re.compile(r"^各位代表[：！，]")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Text that belongs to a web page or to Wikisource, never to a report.
FOREIGN = re.compile(
    r"本作品|Public domain|维基文库|^false$|^【?字号|^(?:下载|打印|全屏|收藏|打印本页|关闭窗口)$|扫一扫|^相关报道|^责任编辑|当前位置",
    re.M,
)


@pytest.fixture(scope="module")
def national():
    return corpus.national()


@pytest.fixture(scope="module")
def provinces():
    return corpus.provinces(2026)


@pytest.fixture(scope="module", params=["national", "provinces-2026"])
def manifest(request):
    folder = corpus.SEEDS / request.param
    return folder, pd.read_csv(folder / corpus.MANIFEST, dtype=str, keep_default_na=False)


def test_national_has_every_year_the_npc_heard_a_report(national):
    assert list(national.columns) == ["year", "speaker", "date", "text", "path"]
    assert national["year"].tolist() == NPC_YEARS
    assert len(national) == 57


def test_national_dates_fall_in_their_year(national):
    dates = pd.to_datetime(national["date"], format="%Y-%m-%d")
    assert (dates.dt.year == national["year"]).all()


@pytest.mark.parametrize(
    "year, speaker, date",
    [
        (1954, "周恩来", "1954-05-23"),
        (1980, "姚依林", "1980-08-30"),  # a vice-premier's plan report stood in
        (2018, "李克强", "2018-03-05"),  # the source has no header: added
        (2020, "李克强", "2020-05-22"),  # the source's header says 2021-03-05: corrected
        (2025, "李强", "2025-03-05"),
    ],
)
def test_national_speakers_and_dates(national, year, speaker, date):
    row = national.set_index("year").loc[year]
    assert (row["speaker"], row["date"]) == (speaker, date)
    assert row["path"].name == f"{year}-{speaker}.txt"


def test_provinces_are_the_31_provincial_divisions(provinces):
    assert list(provinces.columns) == ["province", "year", "text", "path"]
    assert len(provinces) == 31 == provinces["province"].nunique()
    assert provinces["province"].str.fullmatch(r"\S+(省|市|自治区)").all()
    assert (provinces["year"] == 2026).all()
    assert provinces["province"].is_monotonic_increasing


def test_texts_are_clean_report_bodies(national, provinces):
    texts = pd.concat([national["text"], provinces["text"]], ignore_index=True)
    assert texts.str.len().min() > 5000
    assert not texts.str.contains(ZERO_WIDTH).any()
    assert not texts.str.contains(FOREIGN).any()
    assert not texts.str.contains(r"\n\n|^\s|\s$|\r").any()


def test_texts_open_with_the_address(national, provinces):
    first = national.set_index("year")["text"].str.split("\n").str[0]
    for year, opening in OPENINGS.items():
        assert first[year].startswith(opening)
    assert first.drop(list(OPENINGS)).str.match(ADDRESS).all()
    assert provinces["text"].str.match(ADDRESS).all()


def test_a_page_that_repeats_its_opening_keeps_it_once(provinces):
    sichuan = provinces.set_index("province").loc["四川省", "text"]
    assert sichuan.count("现在，我代表省人民政府，向大会报告工作") == 1


def test_manifest_lists_exactly_the_files_with_their_checksums(manifest):
    folder, table = manifest
    assert sorted(table["file"]) == sorted(path.name for path in folder.glob("*.txt"))
    for name, sha256, size in zip(table["file"], table["sha256"], table["bytes"]):
        data = (folder / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha256, f"{name} differs from its MANIFEST row: rebuild"
        assert len(data) == int(size)


def test_manifest_gives_every_file_its_source(manifest):
    _, table = manifest
    sources = pd.read_csv(corpus.SEEDS / "SOURCES.tsv", sep="\t", dtype=str)
    assert set(table["source_file"]) <= set(sources["local_path"])
    assert (table[["source_repository", "source_commit", "raw_sha256", "date", "speaker"]] != "").all().all()


@pytest.mark.parametrize(
    "year, province",
    [(1955, "四川省"), (1964, "广东省"), (1998, "湖南省"), (2018, "云南省"), (2020, "陕西省"), (2025, "宁夏回族自治区")],
)
def test_files_read_back_to_the_same_text(national, provinces, year, province):
    # A command run on seeds/*/*.txt sees the texts the loaders hold. The build checks
    # every file; these cover each kind of source.
    for table, key, value in [(national, "year", year), (provinces, "province", province)]:
        row = table[table[key] == value].iloc[0]
        assert read_report(row["path"]).text == row["text"]


def test_loaders_return_copies(national):
    table = corpus.national()
    table.loc[0, "speaker"] = "某某"
    assert corpus.national().loc[0, "speaker"] == national.loc[0, "speaker"] == "周恩来"


def test_national_report_carries_the_manifest_metadata(national):
    report = corpus.national_report(2020)
    assert report.text == national.loc[national["year"] == 2020, "text"].item()
    assert report.metadata == {
        "title": "政府工作报告", "place": "全国", "year": 2020, "date": "2020-05-22",
        "speaker": "李克强", "publish_date": None,
    }


@pytest.mark.parametrize("name", ["广东省", "广东"])
def test_province_report_by_full_or_short_name(name):
    report = corpus.province_report(name)
    assert report.metadata["place"] == "广东省"
    assert report.metadata["speaker"] == "孟凡利"
    assert report.metadata["date"] == "2026-01-26"


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: corpus.provinces(2025), r"year=2025 .* 2026"),
        (lambda: corpus.national_report(1970), r"year=1970 .* heard a report"),
        (lambda: corpus.province_report("江"), r"province='江' .* one province"),
        (lambda: corpus.province_report("加州"), r"province='加州'"),
    ],
)
def test_bad_options_name_what_is_expected(call, match):
    with pytest.raises(OptionError, match=match):
        call()


def test_missing_corpus_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "SEEDS", tmp_path / "seeds")
    with pytest.raises(InputError, match=r"seeds/national: .*pip install -e \."):
        corpus.national()
