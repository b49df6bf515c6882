"""The operations surface of a running worker (docs/operations.md), checked with real parts.

One worker with its web port on the embedded broker; the bundled samples go through
it. Then: its ``/metrics`` agree with what the topics say happened; a real Prometheus
server (Debian package ``prometheus``) scrapes it with ``deploy/prometheus``; a real
browser (Debian ``chromium`` + ``chromium-driver``, through selenium) watches new alerts
appear on ``/`` without a reload; librdkafka (``confluent-kafka``) produces an article
and reads its alert with the CloudEvents headers; and ``wirewatch status --json``
against a ``wirewatch run`` agrees with the demo's summary.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from streams.broker import broker_file, free_port
from streams.topics import TopicNames
from tests.conftest import sample_lines
from tests.integration.conftest import Pipeline, running_pipeline, wait_for
from wirewatch import SAMPLE_ARTICLES
from wirewatch.inputs import Message, messages
from wirewatch.runtime.operations import Summary, publish, wait_accounted, watch_set
from wirewatch.watch import parse_rules

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
WATCH = "TR,SY,NG,PK,AF,SO,UA,ML,KE"
FAMILIES = ("wirewatch_messages_total", "wirewatch_deadletters_total", "wirewatch_alerts_total",
            "wirewatch_stage_seconds", "wirewatch_ingest_to_alert_seconds",
            "wirewatch_consumer_lag", "wirewatch_watch_rules",
            "wirewatch_webhook_deliveries_total")


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError:
        return 0, b""


def article(n: int, killed: str) -> dict[str, str]:
    """A new story, in words of our own, about an attack in Kenya."""
    return {"id": f"ops-{n}", "source": "Test Wire", "published_at": "2026-11-12T10:00:00Z",
            "body": f"Gunmen attacked a bus near Garissa in Kenya on Wednesday, killing "
                    f"{killed} passengers, a county official said."}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    with running_pipeline(Path(tmp_path_factory.mktemp("operations")),
                          web_port=free_port("127.0.0.1")) as running:
        yield running


@pytest.fixture(scope="module")
def base_url(pipeline: Pipeline) -> str:
    return f"http://127.0.0.1:{pipeline.settings.web_port}"


@pytest.fixture(scope="module")
def samples_summary(pipeline: Pipeline) -> Summary:
    """The bundled samples, all the way through (the same input and rules as the demo)."""
    items = list(messages([str(SAMPLE_ARTICLES)]))  # exactly what `wirewatch publish` sends

    async def go() -> Summary:
        await watch_set(pipeline.settings, parse_rules(WATCH))
        await publish(pipeline.settings, TopicNames().raw, items)
        return await wait_accounted(pipeline.settings, len(items), timeout=240,
                                    worker=pipeline.worker)

    return asyncio.run(go())


def scrape(base_url: str) -> dict[str, Any]:
    """``/metrics`` as ``{family name: [(sample name, labels, value), ...]}``."""
    status, body = get(f"{base_url}/metrics")
    assert status == 200
    out: dict[str, Any] = {}
    for family in text_string_to_metric_families(body.decode()):
        name = family.name + ("_total" if family.type == "counter" else "")
        out[name] = [(s.name, s.labels, s.value) for s in family.samples]
    return out


def total(samples: list[tuple[str, dict[str, str], float]], suffix: str = "",
          **labels: str) -> float:
    return sum(v for name, lab, v in samples
               if name.endswith(suffix) and all(lab.get(k) == x for k, x in labels.items()))


def test_health_and_readiness(base_url: str, samples_summary: Summary) -> None:
    assert get(f"{base_url}/health")[0] == 200
    def answered() -> tuple[int, bytes] | None:
        response = get(f"{base_url}/ready")
        return response if response[0] == 200 else None

    _, body = wait_for("/ready to answer 200", answered)
    assert json.loads(body)["ready"] is True


def test_metrics_agree_with_the_topics(base_url: str, samples_summary: Summary) -> None:
    s = samples_summary
    assert s.balanced and s.raw == len(sample_lines())

    def caught_up() -> dict[str, Any] | None:
        metrics = scrape(base_url)
        done = total(metrics["wirewatch_ingest_to_alert_seconds"], "_count") == s.alerts
        lag = [v for _, _, v in metrics["wirewatch_consumer_lag"]]
        return metrics if done and lag and not any(lag) else None

    metrics = wait_for("every alert observed and lag back to 0", caught_up)
    for family in FAMILIES:
        assert family in metrics, family
    messages = metrics["wirewatch_messages_total"]
    assert total(messages, stage="dedup", outcome="clean") == s.clean
    assert total(messages, stage="dedup", outcome="duplicate") == s.duplicate
    assert total(messages, stage="clean", outcome="deadletter") == s.deadletter
    assert total(messages, stage="clean") == s.raw
    assert total(messages, stage="classify", outcome="classified") == s.incidents
    assert total(metrics["wirewatch_deadletters_total"], stage="clean") == s.deadletter
    assert total(metrics["wirewatch_alerts_total"]) == s.alerts
    assert total(metrics["wirewatch_stage_seconds"], "_count", stage="clean") == s.raw
    assert total(metrics["wirewatch_watch_rules"]) == len(WATCH.split(","))
    assert "faust" in " ".join(metrics)  # Faust's own sensor families are there too


def test_prometheus_scrapes_the_worker(base_url: str, samples_summary: Summary,
                                       tmp_path: Path) -> None:
    prometheus, promtool = shutil.which("prometheus"), shutil.which("promtool")
    if not prometheus or not promtool:
        pytest.skip("needs the Debian package 'prometheus' (prometheus and promtool)")
    deploy = ROOT / "deploy" / "prometheus"
    checked = subprocess.run([promtool, "check", "rules", str(deploy / "alerts.yml")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    config = yaml.safe_load((deploy / "prometheus.yml").read_text())
    config["global"]["scrape_interval"] = "1s"
    job = config["scrape_configs"][0]
    job.pop("dns_sd_configs")  # compose's service discovery; here, the one worker
    job["static_configs"] = [{"targets": [base_url.split("://", 1)[1]]}]
    shutil.copy(deploy / "alerts.yml", tmp_path / "alerts.yml")
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    with open(tmp_path / "prometheus.log", "wb") as log:
        proc = subprocess.Popen(
            [prometheus, f"--config.file={tmp_path / 'prometheus.yml'}",
             f"--storage.tsdb.path={tmp_path / 'data'}",
             f"--web.listen-address=127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        query = urllib.parse.urlencode(
            {"query": 'sum(wirewatch_messages_total{stage="clean"})'})

        def answer() -> float | None:
            status, body = get(f"http://127.0.0.1:{port}/api/v1/query?{query}")
            if status != 200:
                return None
            result = json.loads(body)["data"]["result"]
            return float(result[0]["value"][1]) if result else None

        assert wait_for("Prometheus to scrape the worker", answer) == samples_summary.raw
        _, body = get(f"http://127.0.0.1:{port}/api/v1/rules")
        names = {r["name"] for g in json.loads(body)["data"]["groups"] for r in g["rules"]}
        assert {"WirewatchWorkerDown", "WirewatchLagGrowing", "WirewatchNoRawMessages"} <= names
    finally:
        proc.terminate()
        proc.wait(15)


def test_the_page_shows_new_alerts_without_a_reload(
        pipeline: Pipeline, base_url: str, samples_summary: Summary, tmp_path: Path) -> None:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("needs the Debian packages 'chromium' and 'chromium-driver'")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", f"--user-data-dir={tmp_path / 'profile'}",
                 "--window-size=1200,900"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    try:
        browser.get(base_url + "/")

        def shown() -> dict[str, str]:
            """Alert id → text of each alert on the page, read in one go (the list is
            redrawn every two seconds, so element handles would go stale)."""
            return dict(browser.execute_script(
                "return [...document.querySelectorAll('#alerts li[data-alert-id]')]"
                ".map(e => [e.dataset.alertId, e.innerText]);"))

        before = wait_for("the page to show the sample alerts", shown)
        browser.execute_script("window.loadedOnce = true;")  # gone if the page reloads
        asyncio.run(publish(pipeline.settings, TopicNames().raw,
                            [Message("ops-1", orjson.dumps(article(1, "seven")))]))

        def new_alert() -> list[str] | None:
            fresh = [text for alert_id, text in shown().items() if alert_id not in before]
            return fresh or None

        (text,) = wait_for("the new alert on the page", new_alert)
        assert "7 killed" in text and "KE" in text
        assert browser.execute_script("return window.loadedOnce === true;")
        assert browser.execute_script("return document.getElementById('status').textContent")\
            == "ready"
        shot = tmp_path / "operations-page.png"
        browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        artifacts = os.environ.get("WIREWATCH_TEST_ARTIFACTS")
        if artifacts:
            Path(artifacts).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(artifacts) / shot.name)
    finally:
        browser.quit()


def test_a_librdkafka_client_gets_the_alert_with_cloudevents_headers(
        pipeline: Pipeline, samples_summary: Summary) -> None:
    confluent = pytest.importorskip("confluent_kafka")
    bootstrap = pipeline.settings.bootstrap_servers
    producer = confluent.Producer({"bootstrap.servers": bootstrap, "enable.idempotence": False,
                                   "acks": "all"})
    story = article(2, "eleven") | {"body": "A roadside bomb hit a police truck near Mandera "
                                            "in Kenya on Wednesday, killing eleven officers."}
    producer.produce(TopicNames().raw, key=story["id"], value=orjson.dumps(story))
    assert producer.flush(30) == 0
    consumer = confluent.Consumer({"bootstrap.servers": bootstrap, "group.id": "ops-test-rdkafka",
                                   "auto.offset.reset": "earliest",
                                   "enable.auto.commit": False})
    consumer.subscribe([TopicNames().alerts])
    try:
        def ours() -> Any:
            msg = consumer.poll(0.5)
            if msg is None or msg.error():
                return None
            value = orjson.loads(msg.value())
            ids = [s["article_id"] for s in value["sources"]]
            return msg if story["id"] in ids else None

        msg = wait_for("the alert for the librdkafka article", ours, timeout=120, every=0)
    finally:
        consumer.close()
    headers = {k: v.decode() for k, v in msg.headers()}
    alert = orjson.loads(msg.value())
    assert headers["ce_specversion"] == "1.0"
    assert headers["ce_type"] == "org.wirewatch.alert.new"
    assert headers["ce_id"] == f"{alert['alert_id']}.v{alert['version']}"
    assert headers["ce_source"] == f"wirewatch/{pipeline.settings.app_id}"
    assert headers["ce_subject"] == "KE" == alert["incident"]["location"]["country"]
    assert headers["content-type"] == "application/json"
    assert headers["ce_time"].endswith("Z")
    assert msg.key().decode() == alert["alert_id"]


CLI = [sys.executable, "-c", "from wirewatch.runtime.cli import main; main()"]


def start_run(tmp_path: Path, web_port: int
              ) -> tuple[dict[str, str], Path, subprocess.Popen[bytes]]:
    """`wirewatch run` on its own embedded broker, with short group timeouts: (its
    environment, its log, the process)."""
    env = {**os.environ, "WIREWATCH_DATA_DIR": str(tmp_path), "WIREWATCH_WATCH": WATCH,
           "WIREWATCH_WEB_PORT": str(web_port), "WIREWATCH_REBALANCE_TIMEOUT": "1",
           "WIREWATCH_SESSION_TIMEOUT": "6", "WIREWATCH_HEARTBEAT_INTERVAL": "0.5",
           "WIREWATCH_PARTITIONS": "2"}
    env.pop("WIREWATCH_BROKER", None)
    log_path = tmp_path / "run.log"
    with open(log_path, "wb") as log:
        run = subprocess.Popen([*CLI, "run"], env=env, stdout=log, stderr=subprocess.STDOUT)
    return env, log_path, run


def test_status_of_a_running_wirewatch_run_matches_the_demo(
        samples_summary: Summary, tmp_path: Path) -> None:
    env, log_path, run = start_run(tmp_path, web_port=free_port())
    try:
        def run_is_ready() -> bool:
            assert run.poll() is None, log_path.read_text()  # `run` must not exit
            return b"ready:" in log_path.read_bytes()

        wait_for("`wirewatch run` to say it is ready", run_is_ready, 180)
        assert broker_file(tmp_path).exists()
        published = subprocess.run([*CLI, "publish", str(SAMPLE_ARTICLES)],
                                   env=env, capture_output=True, text=True, timeout=120)
        assert published.returncode == 0, published.stderr
        assert "using the embedded broker of the running `wirewatch run`" in published.stderr

        def settled() -> dict[str, Any] | None:
            done = subprocess.run([*CLI, "status", "--json"], env=env, capture_output=True,
                                  text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            state = json.loads(done.stdout)
            summary = state["summary"]
            finished = (summary["clean"] + summary["duplicate"] + summary["deadletter"]
                        == summary["raw"] and summary["alerts"] >= samples_summary.alerts)
            return state if finished and state["total_lag"] == 0 else None

        state = wait_for("status to show every sample processed, lag 0", settled, 180, 1.0)
        assert state["summary"] == samples_summary.to_dict()
        assert all(row["lag"] == 0 for row in state["lag"])
        assert state["alerts_last_hour"] == samples_summary.alerts
        assert {(d["stage"], d["error"]) for d in state["deadletters"]} == {
            ("clean", "NotJSON"), ("clean", "NotAnObject"), ("clean", "InvalidField")}
        assert state["deadletters_scope"] == "all" and state["summary_skipped"] is None
        # on a cluster too large to read whole: offsets, lag and the ends of the topics only
        done = subprocess.run([*CLI, "status", "--json", "--exact-limit", "5"], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        large = json.loads(done.stdout)
        assert large["summary"] is None and "over the exact-count limit 5" in \
            large["summary_skipped"]
        for same in ("messages", "lag", "total_lag", "alerts_last_hour", "last_alert_at"):
            assert large[same] == state[same], same
        assert large["deadletters_scope"] == "recent"
        assert large["deadletters"] == state["deadletters"]  # every letter is recent here
    finally:
        run.send_signal(signal.SIGINT)
        code = run.wait(60)
    assert code == 0, log_path.read_text()
    assert not broker_file(tmp_path).exists()  # the next command will not find a dead broker


def test_run_with_the_web_port_off_still_says_when_it_is_ready(tmp_path: Path) -> None:
    _, log_path, run = start_run(tmp_path, web_port=0)
    try:
        def run_is_ready() -> bool:
            assert run.poll() is None, log_path.read_text()
            return b"ready:" in log_path.read_bytes()

        wait_for("`wirewatch run` with WIREWATCH_WEB_PORT=0 to say it is ready",
                 run_is_ready, 180)
        assert "web disabled" in log_path.read_text()
    finally:
        run.send_signal(signal.SIGINT)
        code = run.wait(60)
    assert code == 0, log_path.read_text()
    assert not list(tmp_path.glob("worker-*.ready.json"))  # cleaned up with the worker
