"""Reading speed by format: the same reports as .txt, .html, .docx and .pdf.

The reports are the fixtures in tests/data/formats (made from seeds/ by
scripts/make_format_fixtures.py) and their plain text in seeds/; the HTML page is the
text with each line in a <p>. One row per format: ``format, files, MB, pages, seconds,
MB/s, pages/s, x_tokenize`` where ``x_tokenize`` is the time to read over the time zjnlp's
tokenizer takes to cut the same text (under 1: reading costs less than tokenizing).

With ``--compare``, the PDF libraries that could read the text layer are timed on the
same PDFs, with the share of the report's Chinese characters each gives back in order
(pdfplumber, pdfminer.six and pypdf are not dependencies: install them to compare).

Usage::

    .venv/bin/python benchmarks/bench_read.py [--repeat N] [--compare]
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from zjnlp.read import read_report
from zjnlp.tokenize import Tokenizer

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "data" / "formats").glob("*.pdf"))
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def seeds_text(stem: str) -> Path:
    return next((ROOT / "seeds").rglob(f"{stem}.txt"))


def html_copies(folder: Path) -> list[Path]:
    paths = []
    for pdf in FIXTURES:
        lines = seeds_text(pdf.stem).read_text(encoding="utf-8").splitlines()
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
        path = folder / f"{pdf.stem}.html"
        path.write_text(f"<!DOCTYPE html><html><body>{body}</body></html>", encoding="utf-8")
        paths.append(path)
    return paths


def best_of(repeat: int, call) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def reading(repeat: int) -> pd.DataFrame:
    tokenizer = Tokenizer()
    texts = [read_report(seeds_text(pdf.stem)).text for pdf in FIXTURES]
    tokenize = best_of(repeat, lambda: [tokenizer.cut(text) for text in texts])
    pages = sum(read_report(pdf).raw.count("\f") + 1 for pdf in FIXTURES)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "txt": [seeds_text(pdf.stem) for pdf in FIXTURES],
            "html": html_copies(Path(folder)),
            "docx": [pdf.with_suffix(".docx") for pdf in FIXTURES],
            "pdf": FIXTURES,
        }
        for fmt, paths in files.items():
            seconds = best_of(repeat, lambda paths=paths: [read_report(path) for path in paths])
            mb = sum(path.stat().st_size for path in paths) / 1e6
            rows.append({
                "format": fmt, "files": len(paths), "MB": round(mb, 3), "pages": pages,
                "seconds": round(seconds, 3), "MB/s": round(mb / seconds, 2),
                "pages/s": round(pages / seconds, 1), "x_tokenize": round(seconds / tokenize, 2),
            })
    rows.append({
        "format": "(tokenize the text)", "files": len(FIXTURES), "MB": None, "pages": pages,
        "seconds": round(tokenize, 3), "MB/s": None, "pages/s": round(pages / tokenize, 1), "x_tokenize": 1.0,
    })
    return pd.DataFrame(rows)


def _pdfium(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    return "\f".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\f".join(page.extract_text() or "" for page in pdf.pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def _pypdf(path: Path) -> str:
    import pypdf

    return "\f".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def in_order(expected: str, got: str) -> float:
    """Share of the Chinese characters of ``expected`` found in ``got`` in the same order."""
    a, b = "".join(CJK_RE.findall(expected)), "".join(CJK_RE.findall(got))
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(a)


def compare() -> pd.DataFrame:
    rows = []
    libraries = {"pypdfium2": _pdfium, "pdfplumber": _pdfplumber, "pdfminer.six": _pdfminer, "pypdf": _pypdf}
    for name, extract in libraries.items():
        try:
            start = time.perf_counter()
            texts = [extract(pdf) for pdf in FIXTURES]
            seconds = time.perf_counter() - start
        except ImportError:
            continue
        expected = [seeds_text(pdf.stem).read_text(encoding="utf-8") for pdf in FIXTURES]
        rows.append({
            "library": name, "seconds": round(seconds, 2),
            "chinese_in_order": round(min(in_order(e, t) for e, t in zip(expected, texts)), 4),
        })
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="time the PDF libraries too")
    args = parser.parse_args(argv)
    print(reading(args.repeat).to_string(index=False))
    if args.compare:
        print()
        print(compare().to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
