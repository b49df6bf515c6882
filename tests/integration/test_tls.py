"""A broker behind TLS: the embedded broker behind a TLS terminator (Debian's stunnel4),
advertising the terminator's port, so every connection any client makes goes through
TLS. ``publish`` → worker → ``alerts`` end to end with ``SSL`` and the CA file; a wrong
CA is a one-line error naming the broker and the reason; the configured password shows
up in no log, no ``status --json``, no ``/api/state`` and no error output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker, free_port, wait_for_port
from streams.settings import Settings
from tests.integration.conftest import wait_for
from wirewatch import SAMPLE_ARTICLES
from wirewatch.runtime.operations import demo_settings
from wirewatch.runtime.worker import WorkerProcess

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("stunnel4") is None and shutil.which("stunnel") is None,
                       reason="needs Debian's stunnel4 (.ci/run installs it)"),
]

PASSWORD = "correct-horse-battery-staple-7731"
CLI = [sys.executable, "-c", "from wirewatch.runtime.cli import main; main()"]


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_certificates(folder: Path, name: str) -> Path:
    """A CA of our own, and a server certificate for 127.0.0.1 it signed: (the CA file)."""
    folder.mkdir(parents=True, exist_ok=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", f"/CN={name} test CA", "-keyout", "ca.key", "-out", "ca.pem", cwd=folder)
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", "server.key", "-out", "server.csr", cwd=folder)
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "server.pem",
            cwd=folder)
    return folder / "ca.pem"


@pytest.fixture(scope="module")
def tls_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """(broker URL through TLS, the right CA file, a wrong CA file)."""
    work = Path(tmp_path_factory.mktemp("tls"))
    ca = make_certificates(work / "good", "wirewatch")
    wrong = make_certificates(work / "other", "somebody else")
    tls_port = free_port()
    with EmbeddedBroker(work / "broker.log", advertised_port=tls_port) as broker:
        config = work / "stunnel.conf"
        config.write_text(
            f"foreground = yes\npid =\noutput = {work / 'stunnel.log'}\n[kafka]\n"
            f"accept = 127.0.0.1:{tls_port}\nconnect = 127.0.0.1:{broker.port}\n"
            f"cert = {work / 'good' / 'server.pem'}\nkey = {work / 'good' / 'server.key'}\n")
        binary = shutil.which("stunnel4") or shutil.which("stunnel") or "stunnel4"
        proc = subprocess.Popen([binary, str(config)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            wait_for_port("127.0.0.1", tls_port, 30, proc)
            yield f"kafka://127.0.0.1:{tls_port}", ca, wrong
        finally:
            proc.terminate()
            proc.wait(10)


def tls_env(url: str, ca: Path, data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "WIREWATCH_BROKER": url, "WIREWATCH_SECURITY_PROTOCOL": "SSL",
           "WIREWATCH_SSL_CAFILE": str(ca), "WIREWATCH_DATA_DIR": str(data_dir),
           # configured though this broker does not ask for it: it must show up nowhere
           "WIREWATCH_SASL_PASSWORD": PASSWORD, "WIREWATCH_SASL_USERNAME": "wirewatch"}
    return env


def test_publish_worker_alerts_end_to_end_over_tls(
        tls_broker: tuple[str, Path, Path], tmp_path: Path) -> None:
    url, ca, _ = tls_broker
    env = tls_env(url, ca, tmp_path)
    settings = demo_settings(url, str(tmp_path)).replace(
        security_protocol="SSL", ssl_cafile=str(ca), web_port=free_port(),
        sasl_password=PASSWORD, sasl_username="wirewatch")
    import asyncio

    asyncio.run(ensure_topics(settings))
    watched = subprocess.run([*CLI, "watch", "add", "NG,PK,SO,TR,SY,AF,UA,ML"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert watched.returncode == 0, watched.stderr
    outputs: list[str] = [watched.stdout, watched.stderr]
    with WorkerProcess(settings, log_path=tmp_path / "worker.log") as worker:
        published = subprocess.run([*CLI, "publish", str(SAMPLE_ARTICLES)], env=env,
                                   capture_output=True, text=True, timeout=180)
        assert published.returncode == 0, published.stderr
        outputs += [published.stdout, published.stderr]

        def alerts() -> list[dict[str, object]] | None:
            worker.check()
            done = subprocess.run([*CLI, "alerts", "--json"], env=env, capture_output=True,
                                  text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            outputs.append(done.stdout + done.stderr)
            found = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
            return found if len(found) >= 5 else None

        found = wait_for("alerts through TLS", alerts, 300, 2.0)
        assert all(str(a["alert_id"]).startswith("al-") for a in found)
        status = subprocess.run([*CLI, "status", "--json"], env=env, capture_output=True,
                                text=True, timeout=120)
        assert status.returncode == 0, status.stderr
        outputs += [status.stdout, status.stderr]
        assert worker.web_url is not None
        with urllib.request.urlopen(f"{worker.web_url}/api/state", timeout=10) as resp:
            outputs.append(resp.read().decode())
    outputs.append((tmp_path / "worker.log").read_text())
    for text in outputs:
        assert PASSWORD not in text


def test_a_wrong_ca_is_one_line_naming_the_broker_and_the_reason(
        tls_broker: tuple[str, Path, Path], tmp_path: Path) -> None:
    url, _, wrong = tls_broker
    done = subprocess.run([*CLI, "watch", "ls"], env=tls_env(url, wrong, tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert url.split("://")[1] in lines[0] and "certificate" in lines[0]
    assert PASSWORD not in done.stderr + done.stdout


def test_a_refused_login_names_the_broker_and_shows_no_password(
        tls_broker: tuple[str, Path, Path], tmp_path: Path) -> None:
    url, ca, _ = tls_broker
    env = {**tls_env(url, ca, tmp_path), "WIREWATCH_SECURITY_PROTOCOL": "SASL_SSL",
           "WIREWATCH_SASL_MECHANISM": "SCRAM-SHA-512"}
    done = subprocess.run([*CLI, "watch", "ls"], env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith("error: SASL login (SCRAM-SHA-512, user 'wirewatch')")
    assert url.split("://")[1] in done.stderr  # names the broker, and the client's reason
    assert PASSWORD not in done.stderr + done.stdout


def test_the_settings_never_print_the_password(tmp_path: Path) -> None:
    secret_file = tmp_path / "password"
    secret_file.write_text(PASSWORD + "\n")
    settings = Settings.from_env({"WIREWATCH_SECURITY_PROTOCOL": "SASL_SSL",
                                  "WIREWATCH_SASL_MECHANISM": "PLAIN",
                                  "WIREWATCH_SASL_USERNAME": "u",
                                  "WIREWATCH_SASL_PASSWORD_FILE": str(secret_file)})
    assert settings.sasl_secret() == PASSWORD
    assert PASSWORD not in repr(settings) and PASSWORD not in str(settings.model_dump())
