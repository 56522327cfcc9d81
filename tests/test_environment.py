"""environment.yml (conda) lists the same dependencies as pyproject.toml."""

import re
from pathlib import Path

import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE_CONDA = {"embeddings-st", "embeddings-onnx"}
"""Extras the conda environment leaves out (optional embedding backends: torch alone is
over a gigabyte); environment.yml names each in a comment so a reader finds them."""


def _split(requirement: str) -> tuple[str, str]:
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_conda_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for name, extra in project["optional-dependencies"].items():
        if name not in OUTSIDE_CONDA:
            wanted += extra
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed += dep.get("pip", [])
        else:
            listed.append(dep)
    listed = [d for d in listed if _split(d)[0] not in {"python", "pip"}]
    assert sorted(map(_split, listed)) == sorted(map(_split, wanted))
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    assert _split(python)[1] == project["requires-python"]


def test_extras_left_out_of_the_conda_environment_are_named_there():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    text = (ROOT / "environment.yml").read_text()
    for name in OUTSIDE_CONDA:
        assert name in extras
        assert f"compare-sources[{name}]" in text
