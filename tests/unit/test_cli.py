"""The command line without a broker: extract, clean, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
