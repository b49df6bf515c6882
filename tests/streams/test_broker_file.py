"""How commands find the embedded broker of a running `wirewatch run`."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from streams.broker import broker_file, discover_broker, forget_broker, record_broker


def test_a_recorded_live_broker_is_found(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"kafka://127.0.0.1:{listener.getsockname()[1]}"
        record_broker(tmp_path, url)
        assert discover_broker(tmp_path) == url
        forget_broker(tmp_path, url)
    assert not broker_file(tmp_path).exists()
    assert discover_broker(tmp_path) is None


def test_a_file_left_by_a_dead_process_or_a_closed_port_is_stale(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    record_broker(tmp_path, f"kafka://127.0.0.1:{closed}")
    assert discover_broker(tmp_path) is None  # our pid is alive, but nobody listens
    broker_file(tmp_path).write_text(json.dumps({"url": "kafka://127.0.0.1:1",
                                                 "pid": 2 ** 22 + 1}))
    assert discover_broker(tmp_path) is None  # no such process
    broker_file(tmp_path).write_text("not json")
    assert discover_broker(tmp_path) is None


def test_forget_leaves_another_runs_file_alone(tmp_path: Path) -> None:
    record_broker(tmp_path, "kafka://127.0.0.1:9")
    forget_broker(tmp_path, "kafka://127.0.0.1:10")
    assert broker_file(tmp_path).exists()
