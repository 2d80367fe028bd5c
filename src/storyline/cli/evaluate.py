"""``storyline eval ...``: storyline measured against reference data, with peers in the same run."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.app import (
    STDERR,
    EvalData,
    emit,
    eval_app,
    finish,
    need_data,
    usage_errors,
)
from storyline.config import Config
from storyline.render.listing import progress_bar

__all__ = ["eval_clusters", "eval_compare", "eval_entities", "eval_quotes", "eval_summaries", "eval_timelines"]


class ClusterMode(StrEnum):
    """What ``storyline eval clusters`` runs."""

    all = "all"
    batch = "batch"
    online = "online"
    peer = "peer"


class ClusterFold(StrEnum):
    """Which half of the data ``storyline eval clusters`` scores."""

    all = "all"
    tune = "tune"
    heldout = "heldout"


@eval_app.command("summaries")
def eval_summaries(
    data: Annotated[Path, typer.Option(help="Multi-News .csv file, or a directory of .jsonl clusters.")],
    words: Annotated[int, typer.Option(help="Word budget every summary is cut to.")] = 250,
    methods: Annotated[list[str] | None, typer.Option(
        help="Methods to run (repeat or comma-separate): storyline, lead, centroid, lexrank, "
             "textrank, lsa, oracle. Default: all.")] = None,
    limit: Annotated[int | None, typer.Option(help="Use only the first N clusters.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write per-cluster scores here (JSONL).")] = None,
) -> None:
    """ROUGE-1/2/Lsum F1 (95% bootstrap CI) and seconds per cluster of storyline and its peers."""
    from storyline.evaluate import summaries

    with usage_errors():
        Config(words=words)
        names = summaries.method_names(methods or [])
        clusters, skipped = summaries.load_for_eval(data, limit)
        with progress_bar(STDERR) as update:
            scores = summaries.evaluate(clusters, names, words, lambda k: update("clusters", k, len(clusters)))
    emit(summaries.format_table(summaries.table(scores), words), None)
    if output is not None:
        summaries.write_jsonl(scores, output)
        STDERR.print(f"wrote {output}", markup=False)
    finish(skipped)


@eval_app.command("timelines")
def eval_timelines(
    data: Annotated[Path, typer.Option(help="Timeline17 folder (topic folders with InputDocs/).")],
    window: Annotated[bool, typer.Option(
        help="news-tls set-up: read the articles and take the days within each gold "
             "timeline's span (standard), else every article and day.")] = True,
    by_collection: Annotated[bool, typer.Option(
        help="Also print every score of every system on each gold timeline.")] = False,
) -> None:
    """tilse's date F1 and concat / agreement / align ROUGE-1/2 beside ours, for storyline's
    timelines, the learned day ranker (tuned and leave-one-collection-out) and baselines."""
    from storyline.evaluate.timelines import evaluate, format_breakdown, format_table

    with usage_errors():
        results = evaluate(data, window=window)
    emit(format_table(results), None)
    if by_collection:
        emit(format_breakdown(results), None)


@eval_app.command("entities")
def eval_entities(data: EvalData = Path("../shared/data/conllpp/conllpp_dev.txt")) -> None:
    """Entity mentions on CoNLL++ (exact span P/R/F1, untyped and typed) with a peer."""
    from storyline.evaluate import conll

    with usage_errors():
        need_data(data)
        emit(conll.table(conll.evaluate(data)), None)


@eval_app.command("quotes")
def eval_quotes(data: EvalData = Path("../shared/data/polnear/dev")) -> None:
    """Attributions on PolNeAR (content P/R/F1, speaker accuracy) with a peer."""
    from storyline.evaluate import polnear

    with usage_errors():
        need_data(data)
        emit(polnear.table(polnear.evaluate(data)), None)


@eval_app.command("compare")
def eval_compare(
    data: EvalData = Path("../shared/data/multinews/validation.csv"),
    clusters: Annotated[int, typer.Option(help="Multi-News clusters to build cases from.")] = 120,
    seed: Annotated[int, typer.Option(help="Seed of the random choices (same seed, same cases).")] = 13,
) -> None:
    """Precision and recall of copies and conflicts planted in real Multi-News stories."""
    from storyline.evaluate import compare

    with usage_errors():
        need_data(data)
        emit(compare.format_table(*compare.evaluate(data, clusters, seed)), None)


@eval_app.command("clusters")
def eval_clusters(
    data: Annotated[Path, typer.Option(
        help="ECB+ folder, Timeline17 folder (collections with InputDocs/), or Multi-News .csv (one pile).")],
    mode: Annotated[ClusterMode, typer.Option(help="Run batch, online, the peer, or all three.")] = ClusterMode.all,
    fold: Annotated[ClusterFold, typer.Option(
        help="Half of the data: tune, heldout (fixed split, see storyline.evaluate.streams) or all.")] = ClusterFold.all,
    collapse: Annotated[bool, typer.Option(
        help="Timeline17: shift every collection to start on the same day.")] = False,
) -> None:
    """B-cubed and pairwise P/R/F1 of stories / storylines: batch, online and a TF-IDF peer."""
    from storyline.evaluate.clustering import evaluate_path

    modes = ("batch", "online", "peer") if mode is ClusterMode.all else (mode.value,)
    with usage_errors():
        need_data(data)
        emit(evaluate_path(data, modes, fold=fold.value, collapse=collapse), None)
