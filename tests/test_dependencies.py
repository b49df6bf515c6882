"""Every third-party module the code imports is declared in ``pyproject.toml`` (the
package's own code against its dependencies, the tests against those plus ``dev``)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {"wirewatch", "streams", "agents", "schemas", "tests"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ;]", r)[0].lower().replace("_", "-") for r in requirements}


def undeclared(folders: list[str], declared: set[str]) -> dict[str, str]:
    """Imported top-level modules no declared distribution provides, with a file each."""
    providers = importlib.metadata.packages_distributions()
    missing: dict[str, str] = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in OWN or top in sys.stdlib_module_names:
                        continue
                    dists = {d.lower().replace("_", "-") for d in providers.get(top, [top])}
                    if not dists & declared:
                        missing.setdefault(top, str(path.relative_to(ROOT)))
    return missing


def test_every_import_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = _names(project["dependencies"])
    dev = _names(project["optional-dependencies"]["dev"])
    assert undeclared(["wirewatch", "streams", "agents", "schemas"], runtime) == {}
    assert undeclared(["tests"], runtime | dev) == {}
