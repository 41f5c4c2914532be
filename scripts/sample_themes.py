"""Draw the hand-coding samples that validate the theme lexicons (see themes/CODEBOOK.md).

Two samples per round, both from the national reports (1954–2025), the provincial
reports of 2026 and the seed page (Zhanjiang 2023), each drawn with a fixed seed and
excluding every item of the earlier rounds:

- ``precision-rN.csv``: theme *hits* (one term occurrence each), stratified by theme and
  corpus (``--hits`` per theme: national, provinces and seed in the proportions of
  ``STRATA``; a stratum with too few hits is topped up from the others), each with its
  sentence, offsets and a keyword-in-context line. The coder fills ``label``
  (``relevant`` / ``false_friend``) and, for a false friend, ``reason``.
- ``recall-rN.csv``: random sentences (``--sentences``, same strata), written *without*
  any column saying what the lexicons match. The coder fills ``themes`` (the ids of the
  themes each sentence is about, ``;``-separated, empty for none) by reading; only then
  ``--matched`` adds ``matched``, the themes the lexicons of that moment find, which is the
  record of the round as drawn.

    .venv/bin/python scripts/sample_themes.py draw 1 --seed 20261128
    .venv/bin/python scripts/sample_themes.py show precision 1 --theme green
    .venv/bin/python scripts/sample_themes.py matched 1      # after labelling recall-r1.csv
    .venv/bin/python scripts/sample_themes.py notes 1 --why "round 1"   # after a lexicon fix
    .venv/bin/python scripts/sample_themes.py draw 3 --seed 20261130 --themes innovation talent
    .venv/bin/python scripts/sample_themes.py draw 4 --seed 20261201 --themes innovation talent --sentences 1200
    .venv/bin/python scripts/sample_themes.py record        # the figures the tests guard

A round may measure only some lexicons (``--themes``: those changed since the last round);
its recall sentences are then coded for those themes only, which the ``coded`` column of
``recall-rN.csv`` records. ``record`` writes ``strata.csv`` (each theme's hits by corpus with the
lexicons of the moment, the pool the samples are drawn from, which weights
``precision_weighted``) and ``reported.csv``: each theme's figures from the
latest round that measured it, which the tests compare every later lexicon against. ``notes`` writes, for every labelled hit the current lexicons no longer count, which
``exclude`` entry now consumes it (``zjnlp.themes.validation_hits`` reports such hits, and
the tests fail on one whose ``note`` is empty).

The samples are build-time data: the package reads the labelled CSVs in
``zjnlp/data/themes/validation/`` (``zjnlp.themes.validation``), never the corpora.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from zjnlp.corpus import SEED_PAGE, national, provinces
from zjnlp.read import read_report
from zjnlp.structure import sentences
from zjnlp.themes import (
    VALIDATION,
    available_lexicons,
    find_terms,
    load_lexicon,
    themes_in,
    validation,
    validation_hits,
)

ROOT = Path(__file__).resolve().parent.parent
# Shares of each sample drawn from each corpus: the seed page is one report, so it gets
# a small fixed share; the two corpora split the rest.
STRATA = {"national": 0.44, "provinces": 0.44, "seed": 0.12}
KWIC = 30


def _reports() -> list[tuple[str, str, str]]:
    """(corpus, source, clean text) for every report of the three corpora."""
    found = [("national", f"national/{row.path.name}", row.text) for row in national().itertuples()]
    found += [("provinces", f"provinces-2026/{row.path.name}", row.text) for row in provinces(2026).itertuples()]
    found.append(("seed", f"zhanjiang-2023/{SEED_PAGE.name}", read_report(SEED_PAGE).text))
    return found


def _sentences(reports) -> pd.DataFrame:
    frames = []
    for corpus, source, text in reports:
        table = sentences(text, by="document")[["start", "end", "text"]]
        frames.append(table.assign(corpus=corpus, source=source))
    return pd.concat(frames, ignore_index=True)


def _hits(reports, sentence_table: pd.DataFrame) -> pd.DataFrame:
    rows = []
    by_source = {s: g for s, g in sentence_table.groupby("source", sort=False)}
    for corpus, source, text in reports:
        table = by_source[source]
        starts, ends = table["start"].to_numpy(), table["end"].to_numpy()
        for theme in available_lexicons():
            for start, end, term, dimension in find_terms(text, load_lexicon(theme)):
                i = np.searchsorted(starts, start, side="right") - 1
                if i < 0 or end > ends[i]:
                    continue  # a term across a sentence end cannot be coded as one sentence
                left = text[max(0, start - KWIC) : start].replace("\n", "⏎")
                right = text[end : end + KWIC].replace("\n", "⏎")
                rows.append((theme, corpus, source, start, end, term, dimension or "", left, right,
                             int(starts[i]), table["text"].iat[i]))
    columns = ["theme", "corpus", "source", "start", "end", "term", "dimension", "left", "right",
               "sentence_start", "sentence"]
    return pd.DataFrame(rows, columns=columns)


def _quotas(total: int, available: dict[str, int]) -> dict[str, int]:
    """Per-corpus counts summing to ``total`` (or all there is), shares as in STRATA."""
    quota = {c: min(available.get(c, 0), round(total * share)) for c, share in STRATA.items()}
    short = total - sum(quota.values())
    for corpus in sorted(STRATA, key=lambda c: -STRATA[c]):
        extra = min(short, available.get(corpus, 0) - quota[corpus])
        quota[corpus] += extra
        short -= extra
    return quota


def _earlier(kind: str, round_: int) -> pd.DataFrame:
    frames = [pd.read_csv(p, dtype={"source": str}) for r in range(1, round_)
              if (p := VALIDATION / f"{kind}-r{r}.csv").is_file()]
    return pd.concat(frames) if frames else pd.DataFrame(columns=["theme", "source", "start"])


def _draw_stratified(pool: pd.DataFrame, total: int, rng: np.random.Generator) -> pd.DataFrame:
    quota = _quotas(total, pool["corpus"].value_counts().to_dict())
    picked = [group.iloc[np.sort(rng.choice(len(group), quota[corpus], replace=False))]
              for corpus, group in pool.groupby("corpus", sort=True) if quota.get(corpus)]
    return pd.concat(picked)


def draw(round_: int, seed: int, hits: int, n_sentences: int, themes: list[str]) -> None:
    rng = np.random.default_rng(seed)
    reports = _reports()
    sentence_table = _sentences(reports)
    found = _hits(reports, sentence_table)
    seen = _earlier("precision", round_)
    seen_keys = set(zip(seen["theme"], seen["source"], seen["start"]))
    found = found[[k not in seen_keys for k in zip(found["theme"], found["source"], found["start"])]]
    sample = pd.concat([_draw_stratified(found[found["theme"] == theme], hits, rng) for theme in themes])
    sample.insert(0, "id", [f"p{round_}-{i:04d}" for i in range(1, len(sample) + 1)])
    sample.insert(1, "round", round_)
    sample = sample.assign(label="", reason="", note="")
    sample.to_csv(VALIDATION / f"precision-r{round_}.csv", index=False)

    seen = _earlier("recall", round_)
    seen_keys = set(zip(seen["source"], seen["start"]))
    pool = sentence_table[[k not in seen_keys for k in zip(sentence_table["source"], sentence_table["start"])]]
    pool = pool[pool["text"].str.len() >= 8]  # headings' numbers and stray fragments are not sentences
    picked = _draw_stratified(pool, n_sentences, rng)
    picked = picked.iloc[rng.permutation(len(picked))]  # coded in random order, not report by report
    recall = pd.DataFrame({
        "id": [f"r{round_}-{i:04d}" for i in range(1, len(picked) + 1)],
        "round": round_, "corpus": picked["corpus"].to_numpy(), "source": picked["source"].to_numpy(),
        "start": picked["start"].to_numpy(), "end": picked["end"].to_numpy(),
        "text": picked["text"].to_numpy(), "coded": ";".join(themes), "themes": "",
    })
    recall.to_csv(VALIDATION / f"recall-r{round_}.csv", index=False)
    print(f"precision-r{round_}.csv: {len(sample)} hits; recall-r{round_}.csv: {len(recall)} sentences")


def matched(round_: int) -> None:
    path = VALIDATION / f"recall-r{round_}.csv"
    recall = pd.read_csv(path, dtype=str, keep_default_na=False)
    coded = recall["coded"].iat[0].split(";") if "coded" in recall else available_lexicons()
    recall["matched"] = [";".join(themes_in(text, lexicons=coded)) for text in recall["text"]]
    recall.to_csv(path, index=False)


def notes(round_: int, why: str) -> None:
    path = VALIDATION / f"precision-r{round_}.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    dropped = validation_hits()
    dropped = dropped[(dropped["round"] == round_) & ~dropped["matched"]].set_index("id")
    for i, row in table.iterrows():
        if row["id"] in dropped.index and not row["note"]:
            offset = int(row["start"]) - int(row["sentence_start"])
            taken = [e for e in load_lexicon(row["theme"]).exclude
                     if any(m.start() <= offset < m.end() for m in re.finditer(re.escape(e), row["sentence"]))]
            table.at[i, "note"] = f"{why}: excluded by {'/'.join(taken) or 'a longer term'}"
    table.to_csv(path, index=False)
    print(f"{len(dropped)} labelled hits no longer counted; notes in {path.name}")


def strata() -> None:
    """``strata.csv``: each theme's hits by corpus, the weights of ``precision_weighted``."""
    reports = _reports()
    found = _hits(reports, _sentences(reports))
    table = found.groupby(["theme", "corpus"]).size().rename("hits").reset_index()
    table.to_csv(VALIDATION / "strata.csv", index=False)


def record() -> None:
    strata()
    table = validation(latest=True)
    table.to_csv(VALIDATION / "reported.csv", index=False, float_format="%.4f")
    print(table.to_string(index=False))


def show(kind: str, round_: int, theme: str | None, first: int, last: int | None) -> None:
    table = pd.read_csv(VALIDATION / f"{kind}-r{round_}.csv", dtype=str, keep_default_na=False)
    if kind == "precision":
        if theme:
            table = table[table["theme"] == theme]
        for row in table.iloc[first:last].itertuples():
            print(f"{row.id} [{row.theme}/{row.corpus}] {row.left}【{row.term}】{row.right}")
    else:
        for row in table.iloc[first:last].itertuples():
            print(f"{row.id} {row.text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    d = commands.add_parser("draw")
    d.add_argument("round", type=int)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--hits", type=int, default=52)
    d.add_argument("--sentences", type=int, default=420)
    d.add_argument("--themes", nargs="+", choices=available_lexicons(), default=available_lexicons(),
                   help="the lexicons the round measures (default: all); recall is coded for these only")
    m = commands.add_parser("matched")
    m.add_argument("round", type=int)
    n = commands.add_parser("notes")
    n.add_argument("round", type=int)
    n.add_argument("--why", required=True)
    commands.add_parser("record")
    s = commands.add_parser("show")
    s.add_argument("kind", choices=["precision", "recall"])
    s.add_argument("round", type=int)
    s.add_argument("--theme")
    s.add_argument("--first", type=int, default=0)
    s.add_argument("--last", type=int)
    args = parser.parse_args(argv)
    if args.command == "draw":
        draw(args.round, args.seed, args.hits, args.sentences, args.themes)
    elif args.command == "matched":
        matched(args.round)
    elif args.command == "notes":
        notes(args.round, args.why)
    elif args.command == "record":
        record()
    else:
        show(args.kind, args.round, args.theme, args.first, args.last)
    return 0


if __name__ == "__main__":
    sys.exit(main())
