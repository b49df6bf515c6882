"""The command line without a broker: extract, clean, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts processes or loads the model

WIREWATCH = str(Path(sys.executable).parent / "wirewatch")

STORY = """Two soldiers killed by roadside bomb in Hakkari

A roadside bomb killed two Turkish soldiers and wounded three others in Hakkari province on \
Wednesday, the defence ministry said.

The army launched an operation in the area after the blast.

Copyright 2026 Test Wire. All rights reserved.
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([WIREWATCH, *args], input=stdin, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    return path


def test_extract_json_without_a_broker(story: Path) -> None:
    result = run("extract", str(story), "--published-at", "2026-11-19", "--json")
    assert result.returncode == 0, result.stderr
    (incident,) = json.loads(result.stdout)["incidents"]
    assert (incident["killed"], incident["wounded"]) == (2, 3)
    assert incident["location"]["country"] == "TR"
    assert incident["date"] == "2026-11-18"


def test_extract_reads_stdin() -> None:
    result = run("extract", "-", "--published-at", "2026-11-19", "--json", stdin=STORY)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["incidents"]) == 1


def test_clean_json(story: Path) -> None:
    result = run("clean", str(story), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert "All rights reserved" not in doc["text"]
    assert "The army launched an operation" in doc["text"]
    assert doc["language"] == "en"
    assert any("All rights reserved" in line for line in doc["removed"])


@pytest.mark.parametrize("args", [
    ("extract", "/no/such/file.txt"),
    ("extract", "-", "--published-at", "not-a-date"),
    ("demo", "--watch", "XX"),
    ("watch", "add", "TR:everything"),
    ("frobnicate",),
    ("extract",),
    ("alerts", "--broker", "kafka://127.0.0.1:1"),
])
def test_bad_input_is_one_line_and_non_zero(args: tuple[str, ...]) -> None:
    result = run(*args, stdin="")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    result = run("extract", str(path))
    assert result.returncode != 0 and "unsupported" in result.stderr


def test_eval_several_files_predictions_and_alerts(tmp_path: Path) -> None:
    rows = [{"id": f"e{n}", "published_at": "2026-05-04T09:00:00Z",
             "text": f"A roadside bomb killed {n} soldiers near Kandahar in Afghanistan.",
             "gold": {"killed": n, "wounded": None, "country": "AF", "event_type": None,
                      "sub_event_type": None,
                      "events": [{"event": f"g{n}", "country": "AF", "killed": n}]}}
            for n in (2, 3)]
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text(json.dumps(rows[0]) + "\n")
    second.write_text(json.dumps(rows[1]) + "\n")
    out = tmp_path / "predictions.jsonl"
    result = run("eval", str(first), str(second), "--json", "--predictions", str(out))
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [(f["file"], f["n"], f["killed_exact"]) for f in files] == [
        (str(first), 1, 1.0), (str(second), 1, 1.0)]
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(p["id"], p["file"], p["predicted"]["killed"], p["right"]["killed"])
            for p in lines] == [("e2", str(first), 2, True), ("e3", str(second), 3, True)]
    single = run("eval", str(first), "--json")
    assert set(json.loads(single.stdout)) >= {"n", "killed_exact", "articles_per_s"}
    replay = run("eval", "--alerts", str(first), "--json")
    assert json.loads(replay.stdout) == {"alerts": 1, "gold_events": 1, "precision": 1.0,
                                         "recall": 1.0, "one_alert_per_event": 1.0,
                                         "final_toll": 1.0}
    missing = run("eval", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and missing.stderr.startswith("error:")
