"""streams.security: one function builds every client's TLS and SASL options."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from streams.security import client_options, faust_credentials, ssl_context
from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cret-for-this-test-only"


def settings(**env: str) -> Settings:
    return Settings.from_env({f"WIREWATCH_{k.upper()}": v for k, v in env.items()})


SASL = {"sasl_username": "svc", "sasl_password": SECRET}
CASES = {
    "plaintext": {},
    "ssl": {"security_protocol": "SSL"},
    "ssl-no-hostname-check": {"security_protocol": "SSL", "ssl_check_hostname": "false"},
    "sasl-plain": {"security_protocol": "SASL_PLAINTEXT", "sasl_mechanism": "PLAIN", **SASL},
    "sasl-ssl-scram-256": {"security_protocol": "SASL_SSL", "sasl_mechanism": "SCRAM-SHA-256",
                           **SASL},
    "sasl-ssl-scram-512": {"security_protocol": "SASL_SSL", "sasl_mechanism": "SCRAM-SHA-512",
                           **SASL},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_options_are_what_aiokafka_and_faust_take(case: str) -> None:
    configured = settings(**CASES[case])
    options = client_options(configured)
    for client in (AIOKafkaConsumer, AIOKafkaProducer, AIOKafkaAdminClient):
        accepted = set(inspect.signature(client.__init__).parameters)
        assert set(options) <= accepted, (client.__name__, set(options) - accepted)
    # Faust turns its credentials into aiokafka options: the same ones
    faust_options: dict[str, Any] = {
        key: value for key, value in credentials_to_aiokafka_auth(
            faust_credentials(configured)).items() if value is not None}
    assert faust_options.keys() == options.keys()
    for key, value in options.items():
        if key == "ssl_context":
            assert faust_options[key].check_hostname == value.check_hostname
        else:
            assert faust_options[key] == value, key


def test_tls_checks_the_host_name_unless_told_not_to() -> None:
    on = ssl_context(settings(security_protocol="SSL"))
    off = ssl_context(settings(security_protocol="SSL", ssl_check_hostname="false"))
    assert on is not None and on.check_hostname and off is not None and not off.check_hostname
    assert ssl_context(settings()) is None


def test_the_password_comes_from_a_file_for_container_secrets(tmp_path: Path) -> None:
    secret = tmp_path / "kafka-password"
    secret.write_text(SECRET + "\n")
    configured = settings(security_protocol="SASL_SSL", sasl_mechanism="PLAIN",
                          sasl_username="svc", sasl_password_file=str(secret))
    assert client_options(configured)["sasl_plain_password"] == SECRET


def test_a_missing_password_file_or_ca_file_is_a_one_line_error(tmp_path: Path) -> None:
    missing = settings(security_protocol="SASL_PLAINTEXT", sasl_mechanism="PLAIN",
                       sasl_username="svc", sasl_password_file=str(tmp_path / "nope"))
    with pytest.raises(ValueError, match="WIREWATCH_SASL_PASSWORD_FILE: cannot read"):
        client_options(missing)
    with pytest.raises(ValueError, match="TLS files"):
        client_options(settings(security_protocol="SSL", ssl_cafile=str(tmp_path / "ca")))


def test_sasl_without_its_settings_is_refused_by_name_and_shows_no_value() -> None:
    with pytest.raises(ValueError) as refused:
        settings(security_protocol="SASL_SSL", sasl_password=SECRET)
    assert "WIREWATCH_SASL_MECHANISM" in str(refused.value)
    assert SECRET not in str(refused.value)


def test_the_password_shows_nowhere_but_the_client_options() -> None:
    configured = settings(**CASES["sasl-ssl-scram-512"])
    assert SECRET not in repr(configured) and SECRET not in str(configured.model_dump())
    assert configured.to_env()["WIREWATCH_SASL_PASSWORD"] == SECRET  # for worker processes


def test_every_kafka_client_the_project_creates_gets_the_options() -> None:
    clients = {"AIOKafkaConsumer", "AIOKafkaProducer", "AIOKafkaAdminClient", "AIOKafkaClient"}
    found = 0
    for package in ("streams", "agents", "wirewatch"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) in clients:
                    found += 1
                    spread = [k.value for k in node.keywords if k.arg is None]
                    assert any(isinstance(v, ast.Call) and
                               getattr(v.func, "id", None) == "client_options" for v in spread), \
                        f"{path.relative_to(ROOT)}:{node.lineno} builds a client without it"
    assert found >= 7
    app = (ROOT / "streams" / "app.py").read_text()
    assert "broker_credentials=faust_credentials(settings)" in app
