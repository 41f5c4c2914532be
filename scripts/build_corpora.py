"""Build the reference corpora in seeds/ from the raw copies in ../shared/corpora.

Every text goes through ``zjnlp.read.read_report``, the path a user's file takes. A built
file holds the clean body (``Report.text``) and nothing else; its folder's MANIFEST.csv
holds the rest: metadata, source (repository, commit, file, record, URL), the sha256 of
the raw input and of the built file, and what reading removed. Where a source is wrong or
silent about a report's date or speaker, the correction is in CORRECTIONS below with its
reason, and the reason is in the manifest's ``notes`` column. The build stops if any
report lacks a date in its own year or a speaker, or if a source's header contradicts the
file name without a correction saying why.

Usage (from the repository root)::

    .venv/bin/python scripts/build_corpora.py           # (re)write the built files
    .venv/bin/python scripts/build_corpora.py --check   # exit 1 if they differ from a fresh build

Only this script reads ../shared; the library and the tests read the built files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from zjnlp.corpus import MANIFEST, NATIONAL, PROVINCES, SEEDS
from zjnlp.read import Report, read_report

REPO = SEEDS.parent
DEFAULT_RAW = REPO.parent / "shared" / "corpora"
PROVINCE_YEAR = 2026

# Corrections to what a source says (or adds what it leaves out), each with its reason.
NATIONAL_CORRECTIONS: dict[int, dict[str, str]] = {
    2020: {
        "date": "2020-05-22",
        "note": "date corrected: the source's header says 2021-03-05 at the 4th session of the 13th NPC "
        "(the 2021 report's header); the 2020 report was delivered on 2020-05-22 at the 3rd session",
    },
    2018: {
        "date": "2018-03-05",
        "speaker": "李克强",
        "note": "date and speaker added: the Wikisource copy has no header "
        "(delivered by premier 李克强 on 2018-03-05 at the 1st session of the 13th NPC)",
    },
    2019: {
        "date": "2019-03-05",
        "speaker": "李克强",
        "note": "date and speaker added: the Wikisource copy has no header "
        "(delivered by premier 李克强 on 2019-03-05 at the 2nd session of the 13th NPC)",
    },
    2025: {
        "date": "2025-03-05",
        "speaker": "李强",
        "note": "date and speaker added: the Wikisource copy has no header "
        "(delivered by premier 李强 on 2025-03-05 at the 3rd session of the 14th NPC)",
    },
    1991: {
        "speaker": "邹家华",
        "note": "speaker from the header, not the file name: the source file 1991政府工作报告_李鹏.txt holds "
        "邹家华's report on the 1990 plan and the 1991 draft plan (1991-03-26); 李鹏's report of "
        "1991-03-25 is in none of the sources",
    },
}
PROVINCE_CORRECTIONS: dict[str, dict[str, str]] = {}
# What a reader should know about a text that is right as it stands.
NATIONAL_NOTES: dict[int, str] = {
    1955: "the report on the first five-year plan (关于发展国民经济的第一个五年计划的报告) by vice-premier "
    "李富春 stood in for a government work report; the text opens with its table of contents (目录)",
    1956: "the report on the 1955 final accounts and the 1956 budget by vice-premier 李先念 stood in "
    "for a government work report",
    1958: "the report on the 1958 draft economic plan by vice-premier 薄一波 stood in for a government "
    "work report",
    1960: "the report on the national agricultural development programme (为提前实现全国农业发展纲要而奋斗) "
    "by vice-premier 谭震林 stood in for a government work report",
    1964: "the published abstract (摘要), not the full report",
    1979: "the source misprints the opening 各位代表 as 名位代表",
    1980: "the report on the 1980 and 1981 economic plans by vice-premier 姚依林 stood in for a "
    "government work report",
}

NATIONAL_COLUMNS = [
    "file", "year", "speaker", "date", "place", "title",
    "source_repository", "source_commit", "source_file", "source_record", "source_url",
    "raw_sha256", "raw_bytes", "sha256", "bytes", "chars", "removed", "warnings", "notes",
]
PROVINCE_COLUMNS = [
    "file", "province", "year", "speaker", "date", "title", "publish_date",
    "source_repository", "source_commit", "source_file", "source_record", "source_url",
    "raw_sha256", "raw_bytes", "sha256", "bytes", "chars", "removed", "warnings", "notes",
]

_TXT_NAME = re.compile(r"(\d{4})政府工作报告_([^_.]+)(?:_摘要)?\.txt")


@dataclass(frozen=True)
class Source:
    """One report as a raw corpus holds it."""

    year: int
    data: Path | str  # a file, or the text of a record in a JSON Lines or CSV file
    source_file: str  # its local_path in SOURCES.tsv
    record: str = ""
    url: str = ""
    title: str = ""  # the source's own title field
    speaker: str = ""  # the speaker its file name gives
    publish_date: str = ""  # the CSV's publish_date field

    def raw(self) -> bytes:
        return self.data.read_bytes() if isinstance(self.data, Path) else self.data.encode("utf-8")

    def read(self) -> Report:
        if isinstance(self.data, Path):
            return read_report(self.data)
        return read_report(text=self.data, name=f"{self.source_file} ({self.record})")


class BuildError(Exception):
    """A source contradicts itself or lacks a fact, and no correction settles it."""


def national_sources(raw: Path) -> list[Source]:
    """The 49 text files 1954–2017, the 2020 file, and the JSON Lines records for the other years.

    The text files come first: they are clean and keep their headers. The Wikisource
    records (licence footer, zero-width characters, 1954 in traditional characters) fill
    only the years no text file has; the NPC resolutions among them (year null) are dropped.
    """
    folder = raw / NATIONAL
    sources = []
    for path in sorted(folder.glob("*.txt")):
        match = _TXT_NAME.fullmatch(path.name)
        if match:
            sources.append(Source(int(match[1]), path, f"{NATIONAL}/{path.name}", speaker=match[2]))
    sources.append(Source(2020, folder / "2020-kv9898.txt", f"{NATIONAL}/2020-kv9898.txt"))
    have = {source.year for source in sources}
    jsonl = folder / "government_work_reports.jsonl"
    with jsonl.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            if record["year"] is not None and int(record["year"]) not in have:
                sources.append(Source(
                    int(record["year"]), record["content"], f"{NATIONAL}/{jsonl.name}",
                    record=f"line {number}", url=record["url"], title=record["title"],
                ))
    return sorted(sources, key=lambda source: source.year)


def province_sources(raw: Path, year: int) -> dict[str, Source]:
    """The provincial reports of ``year``, one CSV file (one row) per province."""
    sources = {}
    folder = PROVINCES.format(year=year)
    for path in sorted((raw / folder).glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.DictReader(file))
        if len(rows) != 1:
            raise BuildError(f"{path}: expected one report, found {len(rows)} rows")
        row = rows[0]
        sources[row["province"]] = Source(
            int(row["year"]), row["full_text"], f"{folder}/{path.name}",
            record="row 1", url=row["source_url"], title=row["title"], publish_date=row["publish_date"],
        )
    return sources


def _counts(values) -> str:
    return "; ".join(f"{key}:{n}" for key, n in sorted(Counter(values).items()))


def _built(source: Source, report: Report, provenance: dict[str, list[str]]) -> tuple[bytes, dict]:
    """The built file's bytes and the manifest fields every corpus shares."""
    data = (report.text + "\n").encode("utf-8")
    # A command run on the built file must see the text the corpus loaders hold.
    if read_report(data).text != report.text:
        raise BuildError(f"{source.source_file} {source.record}: reading the built text again changes it")
    raw = source.raw()
    row = provenance[source.source_file]
    return data, {
        "title": source.title or report.metadata["title"] or "",
        "source_repository": row[1],
        "source_commit": row[2].split()[0],
        "source_file": source.source_file,
        "source_record": source.record,
        "source_url": source.url,
        "raw_sha256": hashlib.sha256(raw).hexdigest(),
        "raw_bytes": len(raw),
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "chars": len(report.text),
        "removed": _counts(report.removed["reason"]),
        "warnings": _counts(report.warnings["kind"]),
    }


def _settle(what: str, field: str, found: str | None, claimed: str, correction: dict[str, str]) -> str:
    """The value of ``field``: the correction's, else what the source says; stop on a conflict."""
    if field in correction:
        if {found, claimed or found} == {correction[field]}:
            raise BuildError(f"{what}: the correction of {field} is no longer needed (the source says {found})")
        return correction[field]
    if found and claimed and found != claimed:
        raise BuildError(f"{what}: the header says {field} {found}, the file name {claimed}; add a correction")
    value = claimed or found
    if not value:
        raise BuildError(f"{what}: no {field} in the source; add a correction")
    return value


def _check_date(what: str, date: str, year: int) -> None:
    if not date.startswith(f"{year}-"):
        raise BuildError(f"{what}: date {date} is not in {year}; add a correction")


def build_national(raw: Path, provenance: dict[str, list[str]]) -> tuple[dict[Path, bytes], list[dict]]:
    """The national reports' files (by path relative to seeds/) and manifest rows."""
    files, rows, years = {}, [], set()
    for source in national_sources(raw):
        what = f"national {source.year} ({source.source_file})"
        if source.year in years:
            raise BuildError(f"{what}: a second report for {source.year}")
        years.add(source.year)
        report = source.read()
        correction = NATIONAL_CORRECTIONS.get(source.year, {})
        date = _settle(what, "date", report.metadata["date"], "", correction)
        _check_date(what, date, source.year)
        speaker = _settle(what, "speaker", report.metadata["speaker"], source.speaker, correction)
        name = f"{source.year}-{speaker}.txt"
        files[Path(NATIONAL) / name], fields = _built(source, report, provenance)
        notes = [note for note in (correction.get("note"), NATIONAL_NOTES.get(source.year)) if note]
        # The State Council reports to the whole country; Wikisource copies without a header say nothing.
        rows.append(fields | {
            "file": name, "year": source.year, "speaker": speaker, "date": date, "place": "全国",
            "notes": "; ".join(notes),
        })
    return files, rows


def build_provinces(raw: Path, provenance: dict[str, list[str]], year: int) -> tuple[dict[Path, bytes], list[dict]]:
    """The provincial reports' files (by path relative to seeds/) and manifest rows."""
    folder = Path(PROVINCES.format(year=year))
    files, rows = {}, []
    for province, source in province_sources(raw, year).items():
        what = f"{province} {year} ({source.source_file})"
        report = source.read()
        correction = PROVINCE_CORRECTIONS.get(province, {})
        if report.metadata["place"] != province:
            raise BuildError(f"{what}: the report names its place {report.metadata['place']}")
        date = _settle(what, "date", report.metadata["date"], "", correction)
        _check_date(what, date, year)
        speaker = _settle(what, "speaker", report.metadata["speaker"], "", correction)
        notes = [correction["note"]] if "note" in correction else []
        listed, published = source.publish_date, report.metadata["publish_date"]
        if published and listed and published != listed:
            notes.append(f"the page says it was published on {published}; the CSV's publish_date is {listed}")
        name = f"{province}.txt"
        files[folder / name], fields = _built(source, report, provenance)
        rows.append(fields | {
            "file": name, "province": province, "year": year, "speaker": speaker, "date": date,
            "publish_date": published or listed, "notes": "; ".join(notes),
        })
    return files, rows


def _manifest(rows: list[dict], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def read_provenance(raw: Path) -> tuple[list[str], dict[str, list[str]]]:
    """SOURCES.tsv of the raw corpora: its header line and its rows by local path."""
    lines = (raw / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    return lines[:1], {line.split("\t")[0]: line.split("\t") for line in lines[1:] if line}


def build(raw: Path) -> dict[Path, bytes]:
    """Every built file, by path relative to seeds/."""
    header, provenance = read_provenance(raw)
    national, national_rows = build_national(raw, provenance)
    provinces, province_rows = build_provinces(raw, provenance, PROVINCE_YEAR)
    used = {row["source_file"] for row in national_rows + province_rows}
    sources = ["\t".join(row) for key, row in provenance.items() if key in used]
    return national | provinces | {
        Path(NATIONAL) / MANIFEST: _manifest(national_rows, NATIONAL_COLUMNS),
        Path(PROVINCES.format(year=PROVINCE_YEAR)) / MANIFEST: _manifest(province_rows, PROVINCE_COLUMNS),
        Path("SOURCES.tsv"): ("\n".join(header + sources) + "\n").encode("utf-8"),
    }


def _differences(files: dict[Path, bytes]) -> list[str]:
    """How the files in seeds/ differ from ``files``: missing, changed and stray files."""
    problems = []
    for path, data in files.items():
        target = SEEDS / path
        if not target.is_file():
            problems.append(f"missing: seeds/{path}")
        elif target.read_bytes() != data:
            problems.append(f"differs: seeds/{path}")
    for folder in {path.parent for path in files if path.parent != Path(".")}:
        for target in (SEEDS / folder).glob("*"):
            if target.name != "README.md" and folder / target.name not in files:
                problems.append(f"not built by this script: seeds/{folder / target.name}")
    return sorted(problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW, help=f"the raw corpora (default: {DEFAULT_RAW})")
    parser.add_argument("--check", action="store_true", help="compare with the files in seeds/ and exit 1 if they differ")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        files = build(args.raw)
    except BuildError as error:
        print(f"build_corpora: {error}", file=sys.stderr)
        return 2
    problems = _differences(files)
    if args.check:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(files)} files checked, {len(problems)} differences", file=sys.stderr)
        return 1 if problems else 0
    for problem in problems:
        if problem.startswith("not built by this script: "):
            (REPO / problem.removeprefix("not built by this script: ")).unlink()
    for path, data in files.items():
        (SEEDS / path).parent.mkdir(parents=True, exist_ok=True)
        (SEEDS / path).write_bytes(data)
    megabytes = sum(len(data) for data in files.values()) / 1e6
    print(f"{len(files)} files, {megabytes:.1f} MB, {len(problems)} changed, in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
