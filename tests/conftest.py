"""Shared fixtures: the two example reports, loaded once; hypothesis profiles."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from compare.io import load_article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# No per-example deadline (a loaded 2-core CI machine is slow, not wrong); in CI the
# examples are derandomised so that a run is reproducible.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(scope="session")
def article_a():
    return load_article(DATA / "report-a.txt")


@pytest.fixture(scope="session")
def article_b():
    return load_article(DATA / "report-b.txt")
