"""Running pipeline workers: in this process, or as supervised child processes."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from streams.broker import die_with_parent, stop_process
from streams.settings import Settings

log = logging.getLogger(__name__)


def run_worker() -> None:
    """Run one Faust worker with every agent, configured from the environment; blocks."""
    import faust

    import agents  # noqa: F401 - registers the agents
    from agents.alert import recent_alerts, watchlist, watchlist_mirror
    from streams import health, stage, web
    from streams.app import app, settings
    from wirewatch import gazetteer, nlp

    stage.bug_budget.limit = settings.max_errors_per_minute
    stage.max_letter_bytes = settings.max_message_bytes
    ready = health.Readiness()
    health.install(app, settings, ready)
    if settings.web_port > 0:
        web.install(app, settings, ready, lambda: [r for r in watchlist.values() if r],
                    recent_alerts)

    @app.task
    async def watchlist_loaded() -> None:
        await watchlist_mirror.caught_up.wait()
        ready.watchlist = True

    def load() -> None:
        """The model and gazetteer, loaded while the worker joins its group (I/O waits)
        rather than before it starts; /ready waits for them, and a stage that gets a
        message first waits on the same lock instead of loading twice."""
        started = time.monotonic()
        nlp.model()
        gazetteer.warm()
        ready.model = True
        log.info("model and gazetteer loaded in %.1fs", time.monotonic() - started)

    threading.Thread(target=load, name="wirewatch-model-loader", daemon=True).start()
    worker = faust.Worker(app, loglevel=settings.log_level.upper(), quiet=True)
    worker.execute_from_commandline()


class WorkerProcess:
    """A worker in a child process that dies with its parent; use as a context manager."""

    def __init__(self, settings: Settings, log_path: Path | None = None, index: int = 0) -> None:
        if settings.web_port > 0 and index:
            settings = settings.replace(web_port=settings.web_port + index)  # docs/operations.md
        self.settings = settings
        self.log_path = log_path or Path(settings.data_dir) / f"worker-{index}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **self.settings.to_env()}
        with open(self.log_path, "ab") as log_file:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "wirewatch.runtime.worker"], env=env, stdout=log_file,
                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, preexec_fn=die_with_parent,
            )
        return self

    @property
    def web_url(self) -> str | None:
        """Where this worker serves its operations page and probes (None: disabled)."""
        if self.settings.web_port <= 0:
            return None
        host = self.settings.web_host
        host = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{host}:{self.settings.web_port}"

    def messages_handled(self) -> float:
        """How many articles, incidents and reports this worker's stages have handled, read
        from its ``/metrics`` (the watch rules every worker reads at start not counted)."""
        import urllib.request

        from prometheus_client.parser import text_string_to_metric_families

        if self.web_url is None:
            raise RuntimeError("the worker serves no /metrics (WIREWATCH_WEB_PORT=0)")
        with urllib.request.urlopen(f"{self.web_url}/metrics", timeout=5) as resp:
            text = resp.read().decode()
        return sum(sample.value for family in text_string_to_metric_families(text)
                   if family.name == "wirewatch_messages"
                   for sample in family.samples
                   if sample.name == "wirewatch_messages_total"
                   and sample.labels.get("stage") != "watchlist")

    @property
    def pid(self) -> int:
        """The worker's process id (0 before it starts)."""
        return self.proc.pid if self.proc is not None else 0

    def check(self) -> None:
        """Raise if the worker has exited."""
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"worker exited with code {self.proc.returncode}; "
                               f"see {self.log_path}")

    def stop(self, timeout: float = 15.0) -> None:
        """Terminate the worker, killing it if it does not exit within ``timeout``."""
        proc, self.proc = self.proc, None
        stop_process(proc, timeout)
        if proc is not None:
            from streams.health import ready_file

            ready_file(self.settings.data_dir, proc.pid).unlink(missing_ok=True)

    def __enter__(self) -> WorkerProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


if __name__ == "__main__":
    run_worker()
