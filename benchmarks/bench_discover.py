"""Does ``zjnlp discover`` on a report find new words? The labelled sample, and today's ranking.

    python benchmarks/bench_discover.py     # make bench

``benchmarks/discover_sample.csv`` holds candidates of ``zjnlp discover`` read in their
reports and labelled real (a term under tests/data/policy_terms_codebook.md, or a new word
of the language) or not; its header lines say how each group of rows (``role``) was drawn
and read. For every role: the real share of its rows as they were labelled, with its
Wilson 95% interval.

The ``*-heldout`` rows are measured as a user with an unseen report would see them: the
packaged lexicon was built from every report in ``seeds/``, so their new words are in it
already; the held-out lexicon (tests/data/policy_lexicon_heldout.txt) was built without
these reports. Each of their reports is run again now through ``discover_words`` with
``zjnlp discover``'s defaults on that lexicon, and the script prints, for today's top 50:
how many candidates there are, the share out of both dictionaries (jieba's and the
held-out lexicon), and the real share of those labelled (a candidate not labelled yet is
counted and named, never guessed). The goal: at least 80% out of both dictionaries, and at
least 60% of those real terms.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from zjnlp.read import read_report
from zjnlp.themes import wilson
from zjnlp.tokenize import Tokenizer, discover_words

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "benchmarks" / "discover_sample.csv"
HELD_OUT_LEXICON = ROOT / "tests" / "data" / "policy_lexicon_heldout.txt"
TOP = 50  # zjnlp discover's --top


def labels() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8") as file:
        return list(csv.DictReader(line for line in file if not line.startswith("#")))


def rate(real: int, n: int) -> str:
    low, high = wilson(real, n)
    return f"{real}/{n} = {real / n:.1%} [{low:.1%}, {high:.1%}]" if n else "0/0"


def main() -> None:
    rows = labels()
    by_role: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_role[row["role"]].append(row)
    print("real share as labelled, by role:")
    for role, group in by_role.items():
        print(f"  {role:16} {rate(sum(row['real'] == 'yes' for row in group), len(group))}")

    tokenizer = Tokenizer(dictionary=HELD_OUT_LEXICON)
    print(f"\ntoday's top {TOP} on the held-out lexicon (zjnlp discover's defaults):")
    for role, group in by_role.items():
        if not role.endswith("-heldout"):
            continue
        real = labelled = out = shown = 0
        for report in dict.fromkeys(row["report"] for row in group):
            label = {row["word"]: row["real"] == "yes" for row in group if row["report"] == report}
            text = read_report(ROOT / "seeds" / report).text
            words = discover_words([text], tokenizer=tokenizer, new_only=True, juxtapositions=False, top=TOP).word.tolist()
            new = [word for word in words if word not in tokenizer]
            unread = [word for word in new if word not in label]
            shown += len(words)
            out += len(new)
            labelled += len(new) - len(unread)
            real += sum(label.get(word, False) for word in new)
            print(f"  {role:16} {report}: {len(words)} candidates" + (f"; not labelled: {', '.join(unread)}" if unread else ""))
        print(f"  {role:16} out of both dictionaries {rate(out, shown)}; real {rate(real, labelled)}")


if __name__ == "__main__":
    main()
