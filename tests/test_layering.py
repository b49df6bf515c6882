"""The layering is a contract a tool checks: the pure core never imports the transport.

``lint-imports`` (import-linter) reads the contract in ``pyproject.toml``; here it must
pass on the repository, and fail on a copy of it where a core module imports Faust.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")
PACKAGES = ("wirewatch", "streams", "agents", "schemas")


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=tree, env=env, text=True,
                          capture_output=True, timeout=300)


@pytest.mark.slow
def test_the_repository_keeps_the_layering() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.slow
def test_a_core_module_importing_faust_breaks_it(tmp_path: Path) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "samples", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    text = tmp_path / "wirewatch" / "text.py"
    text.write_text(text.read_text() + "\nimport faust  # the layering broken on purpose\n")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "wirewatch.text -> faust" in result.stdout


def test_every_module_outside_the_runtime_is_listed_as_core() -> None:
    """A new module in ``wirewatch`` is core unless it lives in ``wirewatch.runtime``; the
    forbidden contract only checks the modules it lists, so the list must be whole."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    core = next(c for c in config["contracts"] if c["type"] == "forbidden")["source_modules"]
    modules = {".".join(path.relative_to(ROOT).with_suffix("").parts[:2])
               for path in (ROOT / "wirewatch").rglob("*.py")}
    modules -= {"wirewatch.__init__", "wirewatch.runtime"}
    assert sorted(modules - set(core)) == []
    assert "schemas" in core
