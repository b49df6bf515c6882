"""docker-compose.yml, Dockerfile and README stay in step with the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from streams.settings import Settings
from streams.topics import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]


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
    assert re.search(r"create wire\.alerts .*cleanup\.policy=compact", script)


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


def test_compose_runs_prometheus_and_grafana_on_the_deploy_files() -> None:
    services = compose()["services"]
    assert "./deploy/prometheus:/etc/prometheus:ro" in services["prometheus"]["volumes"]
    grafana = " ".join(services["grafana"]["volumes"])
    assert "deploy/grafana/wirewatch.json" in grafana and "deploy/grafana/provisioning" in grafana
    worker = services["worker"]
    # liveness: an idle or rebalancing worker is not ready, but must not be restarted
    assert "/health" in " ".join(worker["healthcheck"]["test"])
    assert "/ready" not in " ".join(worker["healthcheck"]["test"])
    dockerfile = (ROOT / "Dockerfile").read_text()
    healthcheck = dockerfile[dockerfile.index("HEALTHCHECK"):].splitlines()[1]
    assert "/health" in healthcheck and "/ready" not in healthcheck
    env = worker["environment"]
    assert env["WIREWATCH_WEB_HOST"] == "0.0.0.0"  # reachable from the other containers


def test_prometheus_config_scrapes_the_workers_and_loads_the_rules() -> None:
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    assert config["rule_files"] == ["alerts.yml"]
    (job,) = config["scrape_configs"]
    assert job["metrics_path"] == "/metrics"
    port = Settings.from_env({}).web_port
    assert job["dns_sd_configs"][0]["port"] == port and "worker" in compose()["services"]
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "alerts.yml").read_text())
    exprs = " ".join(r["expr"] for g in rules["groups"] for r in g["rules"])
    for family in ("up{", "wirewatch_consumer_lag", "wirewatch_deadletters_total",
                   "wirewatch_messages_total", "wirewatch_webhook_deliveries_total"):
        assert family in exprs, family


def test_the_dashboard_shows_every_wirewatch_family() -> None:
    import json

    from streams import metrics

    dashboard = json.loads((ROOT / "deploy" / "grafana" / "wirewatch.json").read_text())
    exprs = " ".join(t["expr"] for p in dashboard["panels"] for t in p["targets"])
    families = [m for m in vars(metrics).values() if hasattr(m, "_name")]
    assert len(families) == 8
    for family in families:
        assert family._name in exprs, family._name
