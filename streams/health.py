"""Is this worker able to work: readiness, the broker probe and the broker-loss watchdog.

Every few seconds the worker asks the broker for metadata. A change of state is logged
once ("NOT reachable", then "reachable again"), not at every failed request, and while
the broker is away the Kafka clients' own error lines are held back (they would repeat
many times a second). If the broker stays away longer than
``WIREWATCH_BROKER_LOSS_TIMEOUT`` seconds, the worker exits with :data:`EXIT_BROKER_LOST`
so that its supervisor (``wirewatch run``, Kubernetes, compose's restart policy) starts a
fresh one: after a broker loss Faust's consumer can keep committing to partitions that no
longer exist and its table recovery can hang, so a bounded wait and a clean restart is
the reliable way back. Offsets not committed are read again: nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import faust
import orjson
from aiokafka.client import AIOKafkaClient

from streams.security import client_options
from streams.settings import Settings

log = logging.getLogger(__name__)

PROBE_INTERVAL_S = 2.0
#: exit status of a worker that lost its broker for too long (EX_TEMPFAIL)
EXIT_BROKER_LOST = 75
#: loggers whose errors repeat many times a second while the broker is away
NOISY_LOGGERS = ("aiokafka", "faust.transport", "faust.tables", "faust.app", "mode")


@dataclass
class Readiness:
    """What ``/ready`` checks; each flag is kept up to date by the worker."""

    broker: bool = False
    model: bool = False
    watchlist: bool = False
    partitions: bool = False
    #: when the broker was last seen (monotonic seconds), for the watchdog
    broker_seen: float = field(default_factory=time.monotonic)

    def missing(self) -> list[str]:
        """The checks that fail, in words an operator can act on."""
        out = []
        if not self.broker:
            out.append("broker: not reachable")
        if not self.partitions:
            out.append("partitions: not assigned yet (joining the consumer group)")
        if not self.model:
            out.append("model: spaCy model and gazetteer not loaded yet")
        if not self.watchlist:
            out.append("watchlist: not read to the end yet")
        return out


class QuietWhileBrokerAway(logging.Filter):
    """Hold back the Kafka clients' repeated log lines: while the broker is known to be
    away (the probe has said so once) all of them, and otherwise each distinct message
    at most once per ``repeat_s``."""

    def __init__(self, ready: Readiness, repeat_s: float = 30.0) -> None:
        super().__init__()
        self.ready = ready
        self.repeat_s = repeat_s
        self._last: dict[tuple[str, str], float] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(NOISY_LOGGERS) or record.levelno >= logging.CRITICAL:
            return True
        if not self.ready.broker and self.ready.broker_seen < time.monotonic() - 1:
            return False
        key = (record.name, str(record.msg)[:80])
        now = time.monotonic()
        if now - self._last.get(key, -self.repeat_s) < self.repeat_s:
            return False
        self._last[key] = now
        return True


def quiet_logs(ready: Readiness) -> None:
    """Put the filter on every handler of the root logger (call once logging is set up)."""
    quiet = QuietWhileBrokerAway(ready)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, QuietWhileBrokerAway) for f in handler.filters):
            handler.addFilter(quiet)


def ready_file(data_dir: str | Path, pid: int) -> Path:
    """Where the worker with process id ``pid`` says whether it is ready, for supervisors
    that cannot ask ``/ready`` (``WIREWATCH_WEB_PORT=0``)."""
    return Path(data_dir) / f"worker-{pid}.ready.json"


def read_ready_file(data_dir: str | Path, pid: int) -> bool:
    """Has the worker with process id ``pid`` said it is ready?"""
    try:
        return bool(orjson.loads(ready_file(data_dir, pid).read_bytes()).get("ready"))
    except (OSError, ValueError, AttributeError):
        return False


def install(app: faust.App, settings: Settings, ready: Readiness) -> None:
    """Register the broker probe, the watchdog and the readiness file on ``app``."""
    path = ready_file(settings.data_dir, os.getpid())

    @app.timer(PROBE_INTERVAL_S)
    async def check_partitions() -> None:
        ready.partitions = bool(app.consumer.assignment()) and not app.rebalancing

    @app.timer(0.5)
    async def report_readiness() -> None:
        """Write what ``/ready`` would answer to the readiness file (atomically)."""
        missing = ready.missing()
        body = orjson.dumps({"ready": not missing, "missing": missing, "pid": os.getpid()})
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            scratch = path.with_suffix(".tmp")
            scratch.write_bytes(body)
            scratch.replace(path)
        except OSError as exc:  # a read-only data dir: /ready still answers
            log.debug("cannot write %s: %s", path, exc)

    @app.task
    async def probe_broker() -> None:
        """Ask the broker for metadata every few seconds; act on changes of state."""
        client = AIOKafkaClient(bootstrap_servers=settings.bootstrap_servers,
                                request_timeout_ms=5000, **client_options(settings))
        started = ever = False
        quiet_logs(ready)  # the worker has set up its log handlers by now
        try:
            while True:
                try:
                    if not started:
                        await client.bootstrap()
                        started = True
                    await asyncio.wait_for(client.fetch_all_metadata(), 5.0)
                    reachable = True
                except asyncio.CancelledError:
                    raise
                except Exception:
                    reachable = False
                now = time.monotonic()
                if reachable:
                    ready.broker_seen = now
                if reachable != ready.broker:
                    ready.broker = reachable
                    if reachable:
                        log.warning("broker %s reachable%s", settings.bootstrap_servers,
                                    " again" if ever else "")
                        ever = True
                    else:
                        log.error("broker %s NOT reachable; retrying every %.0fs, giving up "
                                  "after %.0fs", settings.bootstrap_servers, PROBE_INTERVAL_S,
                                  settings.broker_loss_timeout)
                away = now - ready.broker_seen
                if not reachable and away > settings.broker_loss_timeout:
                    log.critical("broker %s unreachable for %.0fs: exiting with status %d so "
                                 "that a fresh worker starts", settings.bootstrap_servers,
                                 away, EXIT_BROKER_LOST)
                    logging.shutdown()
                    os._exit(EXIT_BROKER_LOST)
                await asyncio.sleep(PROBE_INTERVAL_S)
        finally:
            await client.close()
