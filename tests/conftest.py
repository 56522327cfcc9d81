"""Shared fixtures: the two example reports, loaded once."""

from pathlib import Path

import pytest

from compare.io import load_article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def article_a():
    return load_article(DATA / "report-a.txt")


@pytest.fixture(scope="session")
def article_b():
    return load_article(DATA / "report-b.txt")
