"""What every ``wirewatch`` command shares: the Typer apps, the common options, one-line
errors, settings for a broker, and how alerts and reports are printed."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, NoReturn, TypeVar

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from schemas.records import Alert, WatchRule
from streams.settings import Settings
from wirewatch.watch import WatchRuleError, parse_rules

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
    from streams.security import client_options

    try:
        settings = Settings.from_env(broker=broker)
        client_options(settings)  # the TLS files and the password file can be read
    except ValueError as exc:
        fail(str(exc), 2)
    return settings


def checked_connection(settings: Settings) -> Settings:
    """``settings`` once a connection to its broker succeeded as the clients will make it
    (TLS handshake, SASL login; plaintext: at once); a bad certificate, a wrong CA or a
    refused login is a one-line error naming the broker and the reason."""
    from streams.security import check_connection

    try:
        run_async(check_connection(settings))
    except ConnectionError as exc:
        fail(str(exc), 1)
    return settings


def client_settings(broker: str | None) -> Settings:
    """Settings for a command that needs a running broker: ``--broker``, else
    ``WIREWATCH_BROKER``, else the embedded broker of a running ``wirewatch run`` (found
    through the broker file in the data dir)."""
    from streams.broker import broker_file, discover_broker

    settings = settings_for(broker)
    if settings.broker:
        return checked_connection(settings)
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
    """One file's result as it is (docs/evaluation.md); several as
    ``{"files": [{"file": ...}]}``."""
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
