"""Reuse between outlets: the table from a corpus and its chart (plot.outlet_reuse_chart)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

pytest.importorskip("distributed")
pytest.importorskip("datasketch")

from test_corpus import FIRE_1, FIRE_2

from compare import plot
from compare.corpus import Row, run
from compare.corpus.tables import outlet_reuse


def test_outlet_reuse_table_and_chart():
    copy = FIRE_1.replace("early on Sunday", "on Sunday")
    rows = [
        Row("post", FIRE_1, (("outlet", "Post"), ("date", "2021-03-07"))),
        Row("star", FIRE_2, (("outlet", "Star"), ("date", "2021-03-08"))),
        Row("daily", copy, (("outlet", "Daily"), ("date", "2021-03-09"))),
    ]
    corpus = run(rows, single=True, log=None)
    reuse = outlet_reuse(corpus).set_index(["earlier", "later"])
    assert reuse.loc[("Post", "Daily"), "pairs"] == 1
    assert reuse.loc[("Post", "Daily"), "verbatim"] > 0.9
    assert reuse.loc[("Post", "Star"), "verbatim"] < 0.5
    assert ("Daily", "Post") not in reuse.index  # the direction follows the dates

    _fig, ax = plt.subplots()
    assert plot.outlet_reuse_chart(outlet_reuse(corpus), ax=ax) is ax
    labels = {t.get_text() for t in ax.texts}
    assert any(label.startswith("9") or label.startswith("100%") for label in labels)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Daily", "Post", "Star"]
    plt.close("all")
    assert plot.outlet_reuse_chart(outlet_reuse(corpus)).figure is not None
    plt.close("all")
