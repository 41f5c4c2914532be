"""Build zjnlp/data/national_counts.json.gz: the word counts of the national reports.

    python scripts/build_national_counts.py           # write the file
    python scripts/build_national_counts.py --check   # exit 1 if the committed file is stale

Keyness and TF-IDF against the national corpus read these counts instead of cutting the
57 reports again on every call (see zjnlp/reference.py). They depend on the policy
lexicon, so run this after scripts/build_lexicon.py (the file's key holds the lexicon's
hash, and tests/test_reference.py fails until the two agree). The counts come from
seeds/national/, cut by zjnlp's Tokenizer(); the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from zjnlp.corpus import national
from zjnlp.reference import COUNTS_FILE, counts_key, national_word_counts

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "zjnlp" / "data" / COUNTS_FILE
ABOUT = (
    "Word counts of the national government work reports 1954-2025 (seeds/national/, "
    "zjnlp.corpus.national() order), each report cut by zjnlp.tokenize.Tokenizer() (jieba's "
    "dictionary plus zjnlp/data/policy_lexicon.txt); a word is a token with a Chinese "
    "character or a Latin letter. Built by scripts/build_national_counts.py; 'key' names "
    "what the counts depend on (sha256 prefixes of the lexicon and the texts, versions)."
)


def build() -> bytes:
    reports = national()
    data = {
        "about": ABOUT,
        "key": counts_key(),
        "reports": [path.name for path in reports["path"]],
        "counts": [dict(sorted(counts.items())) for counts in national_word_counts()],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    args = parser.parse_args()
    built = build()
    if args.check:
        same = OUTPUT.is_file() and OUTPUT.read_bytes() == built
        print(f"{OUTPUT.relative_to(ROOT)}: {'up to date' if same else 'STALE: run scripts/build_national_counts.py'}")
        return 0 if same else 1
    OUTPUT.write_bytes(built)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(built) / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
