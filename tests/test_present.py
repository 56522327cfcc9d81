"""The presentation data every view shares (compare.present): layouts and reductions."""

from __future__ import annotations

from itertools import pairwise

import pytest

from compare import present
from compare.pipeline import compare
from compare.records import RELATIONS, UNIQUE


@pytest.fixture(scope="module")
def result(article_a, article_b):
    return compare(article_a, article_b)


@pytest.mark.parametrize("cells", [1, 2, 3, 7, 200])
def test_score_cells_are_the_highest_score_of_each_block(result, cells):
    full = present.score_matrix(result)
    binned, step_r, step_c = present.score_cells(result, cells, cells)
    assert (step_r, step_c) == present.bin_steps(*full.shape, cells, cells)
    assert binned.shape == (-(-full.shape[0] // step_r), -(-full.shape[1] // step_c))
    for i in range(binned.shape[0]):
        for j in range(binned.shape[1]):
            block = full[i * step_r:(i + 1) * step_r, j * step_c:(j + 1) * step_c]
            assert binned[i, j] == block.max()
    assert binned.max() > 0


def test_bin_steps_keep_a_small_matrix_whole():
    assert present.bin_steps(10, 20, 120, 120) == (1, 1)
    assert present.bin_steps(121, 240, 120, 120) == (2, 2)


def test_sentence_bars_are_as_tall_as_their_sentences(result):
    for side, article in (("a", result.a), ("b", result.b)):
        bars = present.sentence_bars(result, side, gap=5)
        assert [h for _, h in bars] == [max(len(s.text), 1) for s in article.sentences]
        for (top, height), (next_top, _) in pairwise(bars):
            assert next_top == top + height + 5
    depth = present.alignment_depth(result, gap=5)
    assert depth == max(sum(h + 5 for _, h in present.sentence_bars(result, side, 5))
                        for side in "ab")


def test_shared_centre_and_extents(result):
    for side in "ab":
        extents = present.sentence_extents(result, side)
        assert all(0 <= start <= end <= 1 for start, end in extents)
        assert extents == sorted(extents)
        centre = present.shared_centre(result, side)
        assert centre is not None and 0 < centre < 1
        linked = [e for e, s in zip(extents, present.sentence_status(result, side), strict=True)
                  if s != UNIQUE]
        assert min(s for s, _ in linked) <= centre <= max(e for _, e in linked)


def test_statuses_present_are_in_legend_order(result):
    statuses = present.statuses_present(result)
    assert statuses == [r for r in (*RELATIONS, UNIQUE) if r in statuses]
    assert set(statuses) == set(present.sentence_status(result, "a")) | set(
        present.sentence_status(result, "b"))
    assert set(present.linked_relations(result)) == {link.relation for link in result.links}
    assert set(present.statuses_present(result, links=True)) >= set(statuses)


def test_detail_labels_name_the_reports(result):
    labels = present.detail_status_labels(result)
    assert set(labels) == set(present.STATUS_COLORS)
    assert result.a.name in labels["only_a"] and result.b.name in labels["only_b"]
