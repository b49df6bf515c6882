"""The commands that talk to a broker: run, publish, alerts, watch, deadletter, status,
notify and demo (docs/contract.md)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from schemas.records import Alert
from wirewatch import SAMPLE_ARTICLES
from wirewatch.inputs import Message, messages
from wirewatch.runtime.console import (
    DEFAULT_DEMO_WATCH,
    BrokerOpt,
    JsonOpt,
    PublishedOpt,
    alert_printer,
    app,
    checked_connection,
    client_settings,
    deadletter_app,
    err,
    fail,
    out,
    print_json,
    rules_from,
    run_async,
    settings_for,
    validate_published_at,
    watch_app,
)
from wirewatch.watch import format_rule


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
        checked_connection(settings)
        err.print(f"broker: {settings.broker} ({settings.security_protocol})")
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
    last: Annotated[int | None, typer.Option(
        "--last", min=1, help="Only the last N alert versions of each partition (a large "
                              "topic is not read whole).")] = None,
    as_json: JsonOpt = False,
    broker: BrokerOpt = None,
) -> None:
    """Read the alerts topic."""
    from wirewatch.runtime.operations import alerts as read_alerts

    settings = client_settings(broker)
    show = alert_printer(as_json)

    async def go() -> int:
        n = 0
        async for alert in read_alerts(settings, follow=follow, last=last):
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
def status(
    as_json: JsonOpt = False, broker: BrokerOpt = None,
    exact_limit: Annotated[int | None, typer.Option(
        "--exact-limit", min=0,
        help="Count outcomes per distinct message (reading the topics whole) only while "
             "they hold at most this many records (default 200,000); 0: always.")] = None,
) -> None:
    """Topics, consumer lag, recent alerts and dead letters, read from the broker."""
    from wirewatch.runtime.operations import STATUS_EXACT_LIMIT, STATUS_RECENT_RECORDS
    from wirewatch.runtime.operations import status as read_status

    if exact_limit is None:
        exact_limit = STATUS_EXACT_LIMIT

    state = run_async(read_status(client_settings(broker), exact_limit=exact_limit))
    if as_json:
        print_json(state.to_dict())
        return
    s = state.summary
    out.print(f"broker {state.broker}  group {state.group}")
    if s is not None:
        out.print(f"raw {s.raw} = clean {s.clean} + duplicate {s.duplicate} + dead-lettered "
                  f"{s.deadletter}{'' if s.balanced else '  (NOT YET BALANCED: still working?)'}"
                  f"; incidents {s.incidents}; alert versions {s.alerts}")
    else:
        out.print(f"outcomes not counted: {state.summary_skipped}")
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
        title = "" if state.deadletters_scope == "all" else \
            f"recent dead letters (the last {STATUS_RECENT_RECORDS:,} of each partition)"
        letters = Table("stage", "error", "count", title=title or None)
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
    max_attempts: Annotated[int, typer.Option(
        "--max-attempts", min=1, help="Attempts per alert before it is dead-lettered.")] = 8,
    give_up_after: Annotated[float, typer.Option(
        "--give-up-after", min=1.0,
        help="Seconds of retry waits per alert before it is dead-lettered.")] = 120.0,
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
        async with Webhook(webhook, secret, routing_key, update_action,
                           max_attempts=max_attempts, give_up_after=give_up_after) as hook:
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
    refused: list[str] = []

    def report(item: Message, reason: str) -> None:  # as publish does: name it, go on
        refused.append(item.where or item.key or "?")
        err.print(f"refused {item.where or item.key}: {reason}", markup=False)

    try:
        result = run_async(run_demo(items, rules, alert_printer(as_json), timeout=timeout,
                                    on_refused=report))
    except TimeoutError as exc:
        fail(str(exc))
    if as_json:
        print_json({"summary": result.to_dict()})  # refused lines were named on stderr
        if refused:
            raise typer.Exit(1)  # as publish: something given was not sent
        return
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(result.deadletter_reasons.items()))
    out.print(f"\n[bold]{result.alerts} alert(s)[/] from {result.raw} raw message(s): "
              f"{result.clean} clean, {result.duplicate} duplicate, {result.deadletter} "
              f"dead-lettered{f' ({reasons})' if reasons else ''}; {result.incidents} incident(s)"
              + (f"; {len(refused)} line(s) refused before sending" if refused else ""))
    if refused:
        raise typer.Exit(1)


def samples_path() -> Path:
    return SAMPLE_ARTICLES
