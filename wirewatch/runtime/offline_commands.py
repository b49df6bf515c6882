"""The commands that need no broker: clean, extract, eval and bench (docs/contract.md)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from schemas.records import RawArticle
from wirewatch import BENCH_ARTICLES
from wirewatch.inputs import single_article
from wirewatch.runtime.console import (
    DEFAULT_DEMO_WATCH,
    JsonOpt,
    PublishedOpt,
    app,
    fail,
    out,
    print_json,
    print_per_file,
    validate_published_at,
)


@app.command()
def clean(
    path: Annotated[str, typer.Argument(help="A .txt or .html article, or - for stdin")],
    as_json: JsonOpt = False,
) -> None:
    """Run the cleaning stage alone on one article."""
    from wirewatch.cleaning import InvalidArticle, clean_article

    raw = single_article(path, None)
    try:
        article = clean_article(raw)
    except InvalidArticle as exc:
        fail(f"{path}: {exc}")
    if as_json:
        print_json({"text": article.text, "language": article.language,
                    "removed": article.removed, "content_hash": article.content_hash})
    else:
        sys.stdout.write(article.text + "\n")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A .txt or .html article, or - for stdin")],
    published_at: PublishedOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the pure pipeline (clean, extract, classify) on one article; no Kafka."""
    from wirewatch.cleaning import InvalidArticle
    from wirewatch.pipeline import analyse

    raw: RawArticle = single_article(path, validate_published_at(published_at))
    try:
        result = analyse(raw)
    except InvalidArticle as exc:
        fail(f"{path}: {exc}")
    if as_json:
        print_json({"incidents": result.incidents})
        return
    table = Table("#", "killed", "wounded", "victims", "perpetrator", "where", "date", "type",
                  "flags")
    for n, inc in enumerate(result.incidents, 1):
        table.add_row(
            str(n), f"{inc.killed}{'+' if inc.killed_qualifier == 'at_least' else ''}",
            str(inc.wounded or "—"),
            "; ".join(f"{v.count} {v.category or 'people'} ({v.country or '?'})"
                      for v in inc.victims),
            f"{inc.perpetrator.name} ({inc.perpetrator.country or '?'})" if inc.perpetrator
            else "—",
            f"{inc.location.name or '?'}, {inc.location.country or '?'}", inc.date or "?",
            inc.sub_event_type or "?",
            ", ".join(f for f, on in (("accidental", inc.accidental),
                                      ("historical", inc.historical)) if on),
        )
    out.print(table)


@app.command("eval")
def eval_(
    paths: Annotated[list[str], typer.Argument(help="Labelled .jsonl files (docs/evaluation.md)")],
    as_json: JsonOpt = False,
    predictions: Annotated[str | None, typer.Option(
        "--predictions", help="Write one JSON line per row (id, file, gold, predicted, "
                              "right) to this file.")] = None,
    alerts: Annotated[bool, typer.Option(
        "--alerts", help="Alert-level replay: publication order, every country watched, "
                         "scored per incident by gold.events (docs/evaluation.md).")] = False,
    misses: Annotated[int, typer.Option("--misses", min=0,
                                        help="Also list up to N wrong answers.")] = 0,
    rewrite: Annotated[str | None, typer.Option(
        "--rewrite", help="Rewrite every text first without changing its meaning "
                          "(headline, dateline, background, caveat, numbers, acronym, "
                          "furniture): the figures should not move.")] = None,
) -> None:
    """Accuracy of the pure pipeline on labelled files (one table row per file)."""
    files = _labelled_files(paths, rewrite)
    if alerts:
        _eval_alerts(files, as_json)
    else:
        _eval_texts(files, as_json, predictions, misses)


def _labelled_files(paths: list[str], rewrite: str | None) -> dict[str, list[Any]]:
    """Each file's rows, rewritten first when ``rewrite`` names a rewrite; a file that
    cannot be read, or holds no row, is a one-line error."""
    from wirewatch.evaluation import EvalFileError, read_rows
    from wirewatch.rewrites import REWRITES

    if rewrite is not None and rewrite not in REWRITES:
        fail(f"--rewrite: {rewrite!r} is not one of {', '.join(sorted(REWRITES))}", 2)
    files: dict[str, list[Any]] = {}
    for path in paths:
        try:
            files[path] = list(read_rows(path))
        except EvalFileError as exc:
            fail(str(exc), 2)
        if not files[path]:
            fail(f"{path}: no evaluation rows", 2)
        if rewrite is not None:
            files[path] = [replace(row, text=REWRITES[rewrite](row.text, row.gold))
                           for row in files[path]]
    return files


def _eval_alerts(files: dict[str, list[Any]], as_json: bool) -> None:
    """The alert-level replay of each file, as JSON or a table."""
    from wirewatch.evaluation import evaluate_alerts

    results = {path: evaluate_alerts(rows).to_dict() for path, rows in files.items()}
    if as_json:
        print_per_file(results)
        return
    keys = ["alerts", "gold_events", "precision", "recall", "one_alert_per_event",
            "final_toll"]
    table = Table("file", *keys, title="alert-level replay (every country watched)")
    for path, result in results.items():
        table.add_row(Path(path).name, *("—" if result[k] is None else
                              f"{result[k]:.3f}" if isinstance(result[k], float)
                              else str(result[k]) for k in keys))
    out.print(table)


def _eval_texts(files: dict[str, list[Any]], as_json: bool, predictions: str | None,
                misses: int) -> None:
    """The text-level figures of each file (and ``--predictions``), as JSON or a table
    with up to ``misses`` wrong answers per file."""
    from wirewatch.evaluation import METRICS, REPORT_KEYS, Report, RowResult, evaluate

    sink = open(predictions, "wb") if predictions else None  # noqa: SIM115 - closed below
    reports: dict[str, Report] = {}
    try:
        for path, rows in files.items():
            def write(result: RowResult, path: str = path) -> None:
                assert sink is not None
                sink.write(orjson.dumps(result.to_dict(path)) + b"\n")
            reports[path] = evaluate(rows, keep_misses=misses > 0,
                                     on_row=write if sink is not None else None)
    except OSError as exc:
        fail(f"--predictions: {exc}", 2)
    finally:
        if sink is not None:
            sink.close()
    if as_json:
        print_per_file({path: report.to_dict() for path, report in reports.items()})
        return
    table = Table("file", "n", *(REPORT_KEYS[m].replace("_accuracy", "") for m in METRICS),
                  "texts/s")
    for path, report in reports.items():
        cells = []
        for metric in METRICS:
            value = report.accuracy(metric)
            cells.append("—" if value is None else f"{value:.3f}")
        table.add_row(Path(path).name, str(report.n), *cells, f"{report.articles_per_s:.1f}")
    out.print(table)
    for path, report in reports.items():
        ceiling = report.country_ceiling
        if ceiling is not None:
            out.print(f"{path}: {report.unplaceable} of {report.labelled['country']} "
                      f"country-labelled texts name no place the gazetteer puts in their "
                      f"country: country accuracy can reach {ceiling:.3f} at most")
        for miss in report.misses[:misses]:
            note = f"\t({miss.note})" if miss.note else ""
            out.print(f"{miss.row_id}\t{miss.metric}\tgold={miss.gold!r}\t"
                      f"predicted={miss.predicted!r}{note}", markup=False, highlight=False)


@app.command()
def bench(
    articles: Annotated[list[str] | None, typer.Option(
        "--articles", help="Articles to time (default: the bundled benchmark corpus).")] = None,
    broker: Annotated[bool, typer.Option(
        "--broker/--no-broker", help="Also time the embedded broker with the workers.")] = True,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, max=64, help="Worker processes for the end-to-end run.")] = 1,
    as_json: JsonOpt = False,
) -> None:
    """Throughput of the pure pipeline against the naive full-spaCy baseline; end to end."""
    from wirewatch.runtime.bench import run_bench

    paths = articles or [str(BENCH_ARTICLES)]
    try:
        report = run_bench(paths, broker=broker, watch=DEFAULT_DEMO_WATCH, workers=workers)
    except ValueError as exc:
        fail(str(exc), 2)
    doc = report.to_dict()
    if as_json:
        print_json(doc)
        return
    table = Table("figure", "value", title=f"{report.articles} articles, {report.words} words")
    for key, value in doc.items():
        table.add_row(key, "—" if value is None else str(value))
    out.print(table)
