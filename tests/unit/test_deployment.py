"""docker-compose.yml, Dockerfile and README stay in step with the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from streams.settings import Settings
from streams.topics import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_kraft_kafka_topics_and_a_scalable_worker() -> None:
    services = compose()["services"]
    assert {"kafka", "topics", "worker"} <= set(services)
    kafka = services["kafka"]["environment"]
    assert "controller" in kafka["KAFKA_PROCESS_ROLES"]  # KRaft, no ZooKeeper
    worker = services["worker"]
    assert worker["build"] == "."
    assert "container_name" not in worker  # --scale worker=N needs unnamed containers
    assert "ports" not in worker
    assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"


def test_compose_environment_names_real_settings() -> None:
    known = {env for env, _, _ in Settings.describe()}
    env = compose()["services"]["worker"]["environment"]
    assert set(env) <= known
    assert env["WIREWATCH_BROKER"] == "kafka://kafka:9092"
    assert Settings.from_env({k: str(v) for k, v in env.items()
                              if not str(v).startswith("$")}).bootstrap_servers == "kafka:9092"


def test_compose_creates_every_topic_and_compacts_the_watchlist() -> None:
    script = " ".join(compose()["services"]["topics"]["command"])
    for spec in CATALOGUE:
        assert spec.base_name in script
    assert re.search(r"wire\.watchlist .*cleanup\.policy=compact", script)


def test_dockerfile_installs_the_package_and_runs_a_worker() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "pip install ." in text
    assert 'ENTRYPOINT ["wirewatch"]' in text and '"run"' in text


def test_readme_starts_with_the_two_set_up_commands_and_documents_every_setting() -> None:
    readme = (ROOT / "README.md").read_text()
    head = readme.strip().splitlines()[:2]
    assert head[0].strip().startswith("make demo") and head[1].strip().startswith("make test")
    for env, _, _ in Settings.describe():
        assert f"`{env}`" in readme, env


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
