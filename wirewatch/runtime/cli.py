"""The ``wirewatch`` command line (SPEC §5)."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import sys
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import orjson
import typer
from aiokafka.errors import KafkaConnectionError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from schemas.records import Alert, RawArticle, WatchRule
from streams.settings import Settings
from wirewatch import BENCH_ARTICLES, SAMPLE_ARTICLES
from wirewatch.inputs import InputError, Message, messages, single_article
from wirewatch.watch import WatchRuleError, format_rule, parse_rules

app = typer.Typer(
    name="wirewatch", add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Real-time casualty-incident alerts from news wires (Kafka + Faust).",
)
watch_app = typer.Typer(help="Manage the live watchlist.", no_args_is_help=True)
deadletter_app = typer.Typer(help="Inspect dead letters.", no_args_is_help=True)
app.add_typer(watch_app, name="watch")
app.add_typer(deadletter_app, name="deadletter")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
T = TypeVar("T")

DEFAULT_DEMO_WATCH = "TR,SY,NG,PK,AF,SO,UA,ML"
BrokerOpt = Annotated[str | None, typer.Option("--broker", help="Kafka URL, e.g. kafka://host:9092")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published-at", help="Publication time (RFC 3339) for .txt/.html files."),
]


class CliError(Exception):
    """An error to report in one line, with an exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 1) -> NoReturn:
    raise CliError(message, code)


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def settings_for(broker: str | None) -> Settings:
    """Settings from the environment, with ``--broker`` over ``WIREWATCH_BROKER``."""
    try:
        settings = Settings.from_env(broker=broker)
    except ValueError as exc:
        fail(str(exc), 2)
    return settings


def client_settings(broker: str | None) -> Settings:
    """Settings for a command that needs a running broker: ``--broker``, else
    ``WIREWATCH_BROKER``, else the embedded broker of a running ``wirewatch run`` (found
    through the broker file in the data dir)."""
    from streams.broker import broker_file, discover_broker

    settings = settings_for(broker)
    if settings.broker:
        return settings
    found = discover_broker(settings.data_dir)
    if found is None:
        fail("no broker: pass --broker kafka://HOST:PORT, set WIREWATCH_BROKER, or start "
             f"`wirewatch run` (no running one recorded in {broker_file(settings.data_dir)})", 2)
    err.print(f"using the embedded broker of the running `wirewatch run`: {found} "
              f"(from {broker_file(settings.data_dir)})")
    return settings.replace(broker=found)


def validate_published_at(value: str | None) -> str | None:
    if value is None:
        return None
    from wirewatch.dates import parse_published

    if parse_published(value) is None:
        fail(f"--published-at: cannot read {value!r} as an ISO date or RFC 3339 time", 2)
    return value if "T" in value else f"{value[:10]}T12:00:00Z"


def rules_from(text: str | None) -> list[WatchRule]:
    try:
        return parse_rules(text)
    except WatchRuleError as exc:
        fail(str(exc), 2)


# --------------------------------------------------------------------------- output


def print_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value).decode() + "\n")
    sys.stdout.flush()


def print_per_file(results: dict[str, dict[str, Any]]) -> None:
    """One file's result as it is (SPEC §6); several as ``{"files": [{"file": ...}]}``."""
    if len(results) == 1:
        print_json(next(iter(results.values())))
    else:
        print_json({"files": [{"file": path, **result} for path, result in results.items()]})


def describe_alert(alert: Alert) -> str:
    """An alert in two or three readable lines."""
    inc = alert.incident
    toll = f"{inc.killed}{'+' if inc.killed_qualifier == 'at_least' else ''} killed"
    if inc.wounded:
        toll += f", {inc.wounded}{'+' if inc.wounded_qualifier == 'at_least' else ''} wounded"
    where = ", ".join(x for x in (inc.location.name, inc.location.country) if x) or "place unknown"
    victims = "; ".join(
        f"{v.count} {v.category or 'people'}{f' ({v.country})' if v.country else ''} {v.outcome}"
        for v in inc.victims
    )
    by = ""
    if inc.perpetrator:
        country = f" ({inc.perpetrator.country})" if inc.perpetrator.country else ""
        by = f" — by {inc.perpetrator.name}{country}"
    watched = ", ".join(f"{w.country}:{'+'.join(w.roles)}" for w in alert.watched)
    colour = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan"}
    flags = " [accidental]" if inc.accidental else ""
    head = (f"[{colour.get(alert.severity, 'white')}]{alert.severity.upper():8}[/] "
            f"[bold]{escape(toll)}[/] — {escape(inc.sub_event_type or '?')}{flags} — "
            f"{escape(where)} — {inc.date or 'date unknown'}{escape(by)}")
    sources = ", ".join(s.source or s.article_id for s in alert.sources)
    evidence = escape(inc.evidence[0][:220]) if inc.evidence else ""
    return (f"{head}\n         victims: {escape(victims)} | watched: {watched} | "
            f"{alert.alert_id} v{alert.version} ({alert.status}) | sources: {escape(sources)}\n"
            f"         [dim]“{evidence}”[/]")


def alert_printer(as_json: bool) -> Callable[[Alert], None]:
    def show(alert: Alert) -> None:
        if as_json:
            print_json(alert)
        else:
            out.print(describe_alert(alert))

    return show


# --------------------------------------------------------------------------- commands


@app.command()
def run(
    broker: BrokerOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="Worker processes to run.")] = 1,
) -> None:
    """Run pipeline workers until interrupted (embedded broker when none is configured)."""
    import time

    from streams.admin import ensure_topics
    from streams.broker import EmbeddedBroker, forget_broker, record_broker
    from wirewatch.runtime.operations import wait_ready, watch_list, watch_set
    from wirewatch.runtime.worker import WorkerProcess

    settings = settings_for(broker)
    seed = rules_from(settings.watch)
    embedded: EmbeddedBroker | None = None
    if not settings.broker:
        embedded = EmbeddedBroker(Path(settings.data_dir) / "broker.log").start()
        settings = settings.replace(broker=embedded.url, rebalance_timeout=2.0)
        record_broker(settings.data_dir, embedded.url)
        err.print(f"broker: embedded, {embedded.url} (memory only; log in "
                  f"{embedded.log_path}); other wirewatch commands on this machine find it")
    else:
        err.print(f"broker: {settings.broker}")
    procs: list[WorkerProcess] = []
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    try:
        run_async(ensure_topics(settings))
        if seed:
            run_async(watch_set(settings, seed))
            err.print(f"watchlist: seeded with {', '.join(format_rule(r) for r in seed)}")
        elif not run_async(watch_list(settings)):
            err.print("watchlist: EMPTY - no incident will alert. Add rules with "
                      "`wirewatch watch add TR,RU:perpetrator` or set WIREWATCH_WATCH")
        for index in range(workers):
            procs.append(WorkerProcess(settings, index=index).start())
        urls = [p.web_url for p in procs if p.web_url]
        err.print(f"{workers} worker(s); logs in {settings.data_dir}/worker-*.log; "
                  + (f"web: {', '.join(urls)}" if urls else "web disabled (WIREWATCH_WEB_PORT=0)"))
        if urls:
            started = time.monotonic()
            run_async(wait_ready(procs, lambda: stopping))
            if not stopping:
                err.print(f"ready: {workers} worker(s) processing "
                          f"({time.monotonic() - started:.1f}s); Ctrl-C stops")
        while not stopping:
            for proc in procs:
                proc.check()
            if embedded is not None and not embedded.running:
                raise RuntimeError(f"the embedded broker exited; see {embedded.log_path}")
            time.sleep(0.5)
    except RuntimeError as exc:
        err.print(f"error: {exc}")
        code = 1
    finally:
        for proc in procs:
            proc.stop()
        if embedded:
            forget_broker(settings.data_dir, embedded.url)
            embedded.stop()
    if code:
        raise typer.Exit(code)


@app.command()
def publish(
    paths: Annotated[list[str], typer.Argument(help=".jsonl/.txt/.html files, folders, or -")],
    broker: BrokerOpt = None,
    published_at: PublishedOpt = None,
) -> None:
    """Publish raw articles to the raw topic (a .jsonl line goes as-is)."""
    from streams.topics import TopicNames
    from wirewatch.runtime.operations import publish as publish_messages

    settings = client_settings(broker)
    items = list(messages(paths, validate_published_at(published_at)))
    refused: list[str] = []

    def report(item: Message, reason: str) -> None:
        refused.append(item.where or item.key)
        err.print(f"refused {item.where or item.key}: {reason}", markup=False)

    with Progress(TextColumn("publishing"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("publish", total=len(items))
        sent = run_async(publish_messages(
            settings, TopicNames(settings.topic_prefix).raw, items,
            lambda n: progress.advance(task, n), on_refused=report))
    out.print(f"published {sent} message(s) from {len(paths)} path(s) to "
              f"{TopicNames(settings.topic_prefix).raw}"
              + (f"; {len(refused)} refused" if refused else ""))
    if refused:
        raise typer.Exit(1)


@app.command()
def alerts(
    follow: Annotated[bool, typer.Option("--follow", "-f", help="Wait for new alerts.")] = False,
    as_json: JsonOpt = False,
    broker: BrokerOpt = None,
) -> None:
    """Read the alerts topic."""
    from wirewatch.runtime.operations import alerts as read_alerts

    settings = client_settings(broker)
    show = alert_printer(as_json)

    async def go() -> int:
        n = 0
        async for alert in read_alerts(settings, follow=follow):
            show(alert)
            n += 1
        return n

    try:
        n = run_async(go())
    except KeyboardInterrupt:
        return
    if not as_json:
        err.print(f"{n} alert(s)")


@watch_app.command("add")
def watch_add(
    rules: Annotated[str, typer.Argument(help="e.g. TR or TR,RU:perpetrator or SY>=5")],
    broker: BrokerOpt = None,
) -> None:
    """Watch countries (replaces earlier rules for the same countries)."""
    from wirewatch.runtime.operations import watch_set

    parsed = rules_from(rules)
    if not parsed:
        fail("no watch rule given", 2)
    run_async(watch_set(client_settings(broker), parsed))
    out.print("watching " + ", ".join(format_rule(r) for r in parsed))


@watch_app.command("rm")
def watch_rm(
    countries: Annotated[str, typer.Argument(help="Comma-separated country codes")],
    broker: BrokerOpt = None,
) -> None:
    """Stop watching countries."""
    from wirewatch.runtime.operations import watch_remove

    codes = [r.country for r in rules_from(countries)]
    if not codes:
        fail("no country given", 2)
    run_async(watch_remove(client_settings(broker), codes))
    out.print("no longer watching " + ", ".join(codes))


@watch_app.command("ls")
def watch_ls(as_json: JsonOpt = False, broker: BrokerOpt = None) -> None:
    """List the live watchlist."""
    from wirewatch.runtime.operations import watch_list

    rules = run_async(watch_list(client_settings(broker)))
    if as_json:
        print_json(rules)
        return
    for rule in rules:
        out.print(format_rule(rule))
    if not rules:
        err.print("the watchlist is empty")


@deadletter_app.command("ls")
def deadletter_ls(as_json: JsonOpt = False, broker: BrokerOpt = None) -> None:
    """List dead letters with their reasons."""
    from wirewatch.runtime.operations import dead_letters

    letters = run_async(dead_letters(client_settings(broker)))
    if as_json:
        for letter in letters:
            print_json({"key": letter.key, "partition": letter.partition,
                        "offset": letter.offset, "headers": letter.headers,
                        "value": letter.value.decode("utf-8", "replace")})
        return
    table = Table("offset", "stage", "key", "reason")
    for letter in letters:
        table.add_row(f"{letter.partition}:{letter.offset}", letter.stage, letter.key or "",
                      letter.reason[:120])
    out.print(table)


@app.command()
def status(as_json: JsonOpt = False, broker: BrokerOpt = None) -> None:
    """Topics, consumer lag, recent alerts and dead letters, read from the broker."""
    from wirewatch.runtime.operations import status as read_status

    state = run_async(read_status(client_settings(broker)))
    if as_json:
        print_json(state.to_dict())
        return
    s = state.summary
    out.print(f"broker {state.broker}  group {state.group}")
    out.print(f"raw {s.raw} = clean {s.clean} + duplicate {s.duplicate} + dead-lettered "
              f"{s.deadletter}{'' if s.balanced else '  (NOT YET BALANCED: still working?)'}; "
              f"incidents {s.incidents}; alert versions {s.alerts}")
    last = state.last_alert_at or "never"
    out.print(f"alerts in the last hour: {state.alerts_last_hour}; last alert: {last}")
    topics = Table("topic", "messages")
    for name, count in state.messages.items():
        topics.add_row(name, str(count))
    out.print(topics)
    lag = Table("topic", "partition", "end", "committed", "lag")
    for row in state.lag:
        lag.add_row(row.topic, str(row.partition), str(row.end),
                    "-" if row.committed is None else str(row.committed), str(row.lag))
    out.print(lag)
    if state.deadletters:
        letters = Table("stage", "error", "count")
        for d in state.deadletters:
            letters.add_row(str(d["stage"]), str(d["error"]), str(d["count"]))
        out.print(letters)
    else:
        out.print("no dead letters")


@deadletter_app.command("replay")
def deadletter_replay(
    positions: Annotated[list[str] | None, typer.Argument(
        help="Letters to replay, as partition:offset (see `deadletter ls`).")] = None,
    stage: Annotated[str | None, typer.Option("--stage", help="Only letters of this stage.")]
    = None,
    reason: Annotated[str | None, typer.Option(
        "--reason", help="Only letters with this error class, e.g. NotJSON.")] = None,
    replay_all: Annotated[bool, typer.Option("--all", help="Replay every letter.")] = False,
    broker: BrokerOpt = None,
) -> None:
    """Send chosen dead letters back to the topic they came from, bytes untouched."""
    from wirewatch.runtime.operations import dead_letters, replay_dead_letters, select_dead_letters

    if not (positions or stage or reason or replay_all):
        fail("choose letters to replay: partition:offset ..., --stage, --reason or --all", 2)
    for position in positions or []:
        if not re.fullmatch(r"\d+:\d+", position):
            fail(f"{position!r} is not partition:offset", 2)
    settings = client_settings(broker)
    chosen = select_dead_letters(run_async(dead_letters(settings)), positions or [], stage,
                                 reason)
    if positions and len(chosen) < len(set(positions)):
        found = {f"{d.partition}:{d.offset}" for d in chosen}
        fail(f"no dead letter at {', '.join(sorted(set(positions) - found))}", 2)
    sent = run_async(replay_dead_letters(settings, chosen))
    err.print(f"replayed {sent} dead letter(s)")


@app.command()
def notify(
    webhook: Annotated[str, typer.Option("--webhook", help="URL to POST each alert to.")],
    secret: Annotated[str | None, typer.Option(
        "--secret", envvar="WIREWATCH_WEBHOOK_SECRET",
        help="Sign bodies with HMAC-SHA256 (header X-Wirewatch-Signature).")] = None,
    routing_key: Annotated[str | None, typer.Option(
        "--routing-key", help="PagerDuty integration key to put in each body.")] = None,
    update_action: Annotated[str, typer.Option(
        "--update-action", help="event_action for updated alerts.")] = "trigger",
    group: Annotated[str, typer.Option("--group", help="Consumer group (its offsets mark "
                                       "what was delivered).")] = "wirewatch-notify",
    metrics_port: Annotated[int, typer.Option(
        "--metrics-port", min=0, max=65535,
        help="Serve Prometheus metrics (wirewatch_webhook_deliveries_total) on this port; "
             "0: off.")] = 0,
    broker: BrokerOpt = None,
) -> None:
    """Forward alerts to a webhook (PagerDuty Events v2 style), at least once."""
    from urllib.parse import urlparse

    if metrics_port:
        from prometheus_client import start_http_server

        start_http_server(metrics_port)

    from wirewatch.runtime.notify import Webhook
    from wirewatch.runtime.operations import notify as run_notify

    if urlparse(webhook).scheme not in ("http", "https"):
        fail(f"--webhook: {webhook!r} is not an http(s) URL", 2)
    settings = client_settings(broker)

    def delivered(alert: Alert, attempts: int) -> None:
        err.print(f"delivered {alert.alert_id} v{alert.version} ({alert.status})")

    async def go() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        async with Webhook(webhook, secret, routing_key, update_action) as hook:
            counts = await run_notify(settings, hook, stop, group, delivered)
        err.print(f"{counts.delivered} delivered, {counts.dead_lettered} refused "
                  f"(dead-lettered), {counts.attempts} attempts")

    run_async(go())


@app.command()
def demo(
    articles: Annotated[str | None, typer.Option(
        "--articles", help="Articles to run instead of the bundled samples.")] = None,
    watch: Annotated[str | None, typer.Option(
        "--watch", help=f"Watch rules (default {DEFAULT_DEMO_WATCH}).")] = None,
    published_at: PublishedOpt = None,
    as_json: JsonOpt = False,
    timeout: Annotated[float, typer.Option("--timeout", min=10,
                                           help="Seconds to wait for the pipeline.")] = 300.0,
) -> None:
    """Embedded broker + worker + sample articles end to end; print the alerts."""
    from wirewatch.runtime.operations import run_demo

    rules = rules_from(watch if watch is not None else
                       os.environ.get("WIREWATCH_WATCH") or DEFAULT_DEMO_WATCH)
    source = [articles] if articles else [str(samples_path())]
    items = list(messages(source, validate_published_at(published_at)))
    if not as_json:
        err.print(f"demo: {len(items)} article(s), watching "
                  f"{', '.join(format_rule(r) for r in rules)}; starting broker and worker…")
    try:
        result = run_async(run_demo(items, rules, alert_printer(as_json), timeout=timeout))
    except TimeoutError as exc:
        fail(str(exc))
    if as_json:
        print_json({"summary": result.to_dict()})
        return
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(result.deadletter_reasons.items()))
    out.print(f"\n[bold]{result.alerts} alert(s)[/] from {result.raw} raw message(s): "
              f"{result.clean} clean, {result.duplicate} duplicate, {result.deadletter} "
              f"dead-lettered{f' ({reasons})' if reasons else ''}; {result.incidents} incident(s)")


def samples_path() -> Path:
    return SAMPLE_ARTICLES


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
    paths: Annotated[list[str], typer.Argument(help="Labelled .jsonl files (SPEC §6)")],
    as_json: JsonOpt = False,
    predictions: Annotated[str | None, typer.Option(
        "--predictions", help="Write one JSON line per row (id, file, gold, predicted, "
                              "right) to this file.")] = None,
    alerts: Annotated[bool, typer.Option(
        "--alerts", help="Alert-level replay: publication order, every country watched, "
                         "scored per incident by gold.events (SPEC §6).")] = False,
    misses: Annotated[int, typer.Option("--misses", min=0,
                                        help="Also list up to N wrong answers.")] = 0,
    rewrite: Annotated[str | None, typer.Option(
        "--rewrite", help="Rewrite every text first without changing its meaning "
                          "(headline, dateline, background, caveat, numbers, acronym, "
                          "furniture): the figures should not move.")] = None,
) -> None:
    """Accuracy of the pure pipeline on labelled files (one table row per file)."""
    from wirewatch.evaluation import (
        METRICS,
        REPORT_KEYS,
        EvalFileError,
        Report,
        RowResult,
        evaluate,
        evaluate_alerts,
        read_rows,
    )
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
    if alerts:
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
        return
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
        "--broker/--no-broker", help="Also time the embedded broker with one worker.")] = True,
    as_json: JsonOpt = False,
) -> None:
    """Throughput of the pure pipeline against the naive full-spaCy baseline; end to end."""
    from wirewatch.runtime.bench import run_bench

    paths = articles or [str(BENCH_ARTICLES)]
    try:
        report = run_bench(paths, broker=broker, watch=DEFAULT_DEMO_WATCH)
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


# --------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: every failure is one line on stderr and a non-zero exit."""
    # The client reports broker trouble itself, once; aiokafka's own retries stay quiet.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        code = app(args=argv, standalone_mode=False)  # click returns an Exit's code here
        if isinstance(code, int) and code:
            sys.exit(code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors, bad parameters (click's, vendored)
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        err.print(f"error: {escape(message)}")
        sys.exit(getattr(exc, "exit_code", 2))
    except (CliError, InputError) as exc:
        err.print(f"error: {escape(str(exc))}")
        sys.exit(getattr(exc, "code", 2))
    except KeyboardInterrupt:
        sys.exit(130)
    except (OSError, TimeoutError) as exc:
        err.print(f"error: {escape(str(exc) or exc.__class__.__name__)}")
        sys.exit(1)
    except KafkaConnectionError as exc:
        err.print(f"error: cannot reach the Kafka broker ({escape(str(exc))})")
        sys.exit(1)
    except Exception as exc:  # a bug: still one line
        name = exc.__class__.__name__
        err.print(f"error: {name}: {escape(str(exc))}")
        sys.exit(1)
