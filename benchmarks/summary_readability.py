"""Summary readability and its cost in ROUGE: Multi-News dev in two folds, seeds, examples.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/summary_readability.py [--before FILE]``.

The readability check is ``storyline.summary.standalone.leaning_sentences``: the share of
summary sentences that start or end inside a quotation, open with a pronoun, or open with
a bare "The <noun>" that nothing earlier in the summary names. It prints:

1. the check on the seeds' and the examples' digests (default budget) and on the digests
   of 50 Multi-News dev clusters (rows 0, 5, 10, ..., 245 of ``validation.csv``), each
   leaning sentence listed;
2. ROUGE-1/2 F1 x100 at 250 words (as ``storyline eval summaries`` computes them: fill,
   then cut) and the leaning share of those summaries, on the tune fold (even rows) and
   the held-out fold (odd rows);
3. with ``--tune``: the same on the tune fold for each ``MAX_QUOTE_SENTENCES`` in
   ``TUNE_VALUES`` (the threshold was chosen there; read the held-out row in part 2).

``--before FILE`` adds the rows of summaries written by ``--write FILE`` from another
checkout (``--write`` uses only the evaluation API older checkouts have), for example
the code before the readability rules::

    mkdir /tmp/base && git archive 4c43702 src | tar -x -C /tmp/base
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/summary_readability.py --write /tmp/before.json
    PYTHONPATH=src .venv/bin/python benchmarks/summary_readability.py --before /tmp/before.json

Figures, not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from storyline.evaluate.multinews import Cluster
from storyline.evaluate.rouge import score, split_reference
from storyline.evaluate.summaries import load_for_eval, prepare, storyline_method

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WORDS = 250
SAMPLE_EVERY = 5
"""The 50 clusters of part 1: every fifth row of the 250."""
TUNE_VALUES = (1, 2, 3, 4, 6)
FOLDS = (("tune (even rows)", 0), ("held-out (odd rows)", 1))
"""Fold name and row parity: thresholds were chosen on the tune fold."""


def summaries(clusters: list[Cluster], words: int) -> dict[str, list[str]]:
    """storyline's evaluation summary (filled to ``words``) of every cluster, by id."""
    return {c.id: storyline_method(prepare(c), words) for c in clusters}


def fold_rows(
    clusters: list[Cluster], made: dict[str, list[str]], words: int, folds: tuple = FOLDS
) -> dict[str, tuple]:
    """Per fold: clusters, mean ROUGE-1 and ROUGE-2 F1 x100, leaning sentences / sentences."""
    from storyline.summary.standalone import leaning_sentences

    rows = {}
    for fold, parity in folds:
        mine = [c for c in clusters if int(c.id) % 2 == parity]
        rouge = [score(made[c.id], split_reference(c.reference), words) for c in mine]
        leaning = sum(len(leaning_sentences(made[c.id])) for c in mine)
        total = sum(len(made[c.id]) for c in mine)
        rows[fold] = (len(mine), 100 * np.mean([r.rouge1 for r in rouge]),
                      100 * np.mean([r.rouge2 for r in rouge]), leaning, total)
    return rows


def print_rows(label: str, rows: dict[str, tuple]) -> None:
    for fold, (n, r1, r2, leaning, total) in rows.items():
        print(f"{label:<10} {fold:<22} {n:>4} clusters  R1 {r1:6.2f}  R2 {r2:6.2f}  "
              f"leaning {leaning}/{total} = {leaning / max(total, 1):.3f}")


def digest_check(name: str, summary: list[str]) -> int:
    """Print the leaning sentences of one digest's summary; return how many."""
    from storyline.summary.standalone import leaning_sentences

    found = leaning_sentences(summary)
    for position, reason in found:
        print(f"  {name}: sentence {position + 1} {reason}: {summary[position][:90]!r}")
    return len(found)


def readability_part(clusters: list[Cluster]) -> None:
    """Part 1: the check on seeds, examples and 50 Multi-News digests (default budget)."""
    import storyline
    from storyline.config import DEFAULT_WORDS
    from storyline.represent.document import document_of
    from storyline.summary.summarize import summarize

    print(f"Readability check on digests ({DEFAULT_WORDS} words): leaning sentences / sentences")
    for name, path in (("seeds", DATA / "seeds"), ("examples", EXAMPLES)):
        summary = [s.text for s in storyline.digest(storyline.read(path)).summary]
        print(f"{name:<30} {digest_check(name, summary)}/{len(summary)}")
    sample = [c for c in clusters if int(c.id) % SAMPLE_EVERY == 0]
    leaning = total = 0
    for cluster in sample:
        kept = prepare(cluster).kept
        summary = [s.text for s in summarize(document_of(kept), DEFAULT_WORDS)] if kept else []
        leaning += digest_check(f"multinews {cluster.id}", summary)
        total += len(summary)
    print(f"{f'multinews dev, {len(sample)} clusters':<30} {leaning}/{total}")


def tune_part(clusters: list[Cluster], words: int) -> None:
    """Part 3: ROUGE and leaning share on the tune fold for each quotation length cap."""
    from storyline.summary import units

    tune = [c for c in clusters if int(c.id) % 2 == 0]
    chosen = units.MAX_QUOTE_SENTENCES
    for value in TUNE_VALUES:
        units.MAX_QUOTE_SENTENCES = value
        print_rows(f"cap {value}", fold_rows(tune, summaries(tune, words), words, FOLDS[:1]))
    units.MAX_QUOTE_SENTENCES = chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "multinews" / "validation.csv")
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--write", type=Path, help="only write this checkout's summaries (JSON)")
    parser.add_argument("--before", type=Path, help="summaries written by --write elsewhere")
    parser.add_argument("--tune", action="store_true", help="sweep MAX_QUOTE_SENTENCES on the tune fold")
    args = parser.parse_args()
    clusters, _ = load_for_eval(args.data, None)
    made = summaries(clusters, args.words)
    if args.write:
        args.write.write_text(json.dumps(made), encoding="utf-8")
        print(f"wrote {len(made)} summaries to {args.write}")
        return
    readability_part(clusters)
    print(f"\nROUGE F1 x100 at {args.words} words (fill, then cut) and leaning share, by fold")
    if args.before:
        print_rows("before", fold_rows(clusters, json.loads(args.before.read_text("utf-8")), args.words))
    print_rows("now", fold_rows(clusters, made, args.words))
    if args.tune:
        print(f"\nTune fold by MAX_QUOTE_SENTENCES ({', '.join(map(str, TUNE_VALUES))})")
        tune_part(clusters, args.words)


if __name__ == "__main__":
    main()
