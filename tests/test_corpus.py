"""compare.corpus: reading a corpus, stories on a real two-worker dask.distributed cluster
(the same output as one process), the Parquet tables read back, and the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("distributed")
pytest.importorskip("datasketch")
pytest.importorskip("pyarrow")

from compare.cli import main as cli_main
from compare.corpus import CorpusOptions, Row, read_corpus, run
from compare.corpus.tables import TABLES
from compare.io import LoadError
from compare.settings import DEFAULT as DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "bench" / "basil" / "articles"

# Our own wording: two reports of one bakery fire, one unrelated notice.
FIRE_1 = (
    "A fire destroyed the Hollis Street bakery in Marden early on Sunday, the town's fire "
    "service said. Firefighters from three stations fought the blaze for four hours. "
    "No one was hurt, but the bakery's owner, Ruth Alder, said the building was lost. "
    "\"Forty years of bread, gone in one night,\" Alder said. The cause of the fire is "
    "not yet known, and investigators will visit the bakery on Monday."
)
FIRE_2 = (
    "Marden's oldest bakery burned down on Sunday morning. The fire service said crews "
    "from three stations took four hours to bring the blaze at the Hollis Street bakery "
    "under control. Owner Ruth Alder said nobody was injured. \"Forty years of bread, "
    "gone in one night,\" she said. Investigators will try to find the cause of the fire."
)
NOTICE = (
    "The county library will extend its opening hours in the spring. Readers may borrow "
    "up to twelve books at a time, and the children's reading club meets on Thursdays. "
    "The library's new catalogue goes online next month, the librarian said."
)


def _rows() -> list[dict]:
    a = (ROOT / "data" / "report-a.txt").read_text(encoding="utf-8")
    b = (ROOT / "data" / "report-b.txt").read_text(encoding="utf-8")
    # a later article that takes report a's first paragraphs with a light edit
    copy = "\n\n".join(a.split("\n\n")[:4]).replace("Tuesday", "on Tuesday")
    return [
        {"id": "report-a", "text": a, "outlet": "wire", "date": "2021-08-17"},
        {"id": "fire-1", "text": FIRE_1, "outlet": "Marden Post", "date": "2021-03-07"},
        {"id": "report-b", "text": b, "outlet": "Age", "date": "2021-08-17"},
        {"id": "notice", "text": NOTICE, "outlet": "County News", "date": "2021-03-01"},
        {"id": "copy", "text": copy, "outlet": "Daily", "date": "2021-08-18"},
        {"id": "fire-2", "text": FIRE_2, "outlet": "Evening Star", "date": "2021-03-08"},
    ]


def _basil_rows(events: int = 2) -> list[dict]:
    files = sorted(BASIL.glob("2016/*.json"))
    rows = []
    for path in files[: 3 * events]:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(p if isinstance(p, str) else " ".join(p)
                           for p in data["body-paragraphs"])
        rows.append({"id": f"basil/{path.stem}", "text": text, "outlet": data["source"],
                     "date": data["date"][:10], "title": data["title"]})
    return rows


def _write_jsonl(path: Path, rows: list[dict], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + extra, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster_client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def _same(x, y) -> None:
    for name in TABLES:
        assert x.tables[name].equals(y.tables[name]), name
    assert dict(x.pages) == dict(y.pages)
    assert x.problems == y.problems


def test_two_worker_cluster_gives_the_single_process_output(tmp_path, cluster_client):
    source = _write_jsonl(tmp_path / "feed.jsonl", _rows())
    assert len(cluster_client.scheduler_info()["workers"]) == 2
    spread = run(source, tmp_path / "out", client=cluster_client, log=None)
    alone = run(source, single=True, log=None)
    _same(spread, alone)

    stories = {a: s for a, s in zip(*(spread.frame("articles")[c] for c in ("id", "story")),
                                     strict=True)}
    assert stories["report-a"] == stories["report-b"] == stories["copy"]
    assert stories["fire-1"] == stories["fire-2"] != stories["report-a"]
    assert stories["notice"] not in {stories["fire-1"], stories["report-a"]}
    # reuse with a direction: the copy came a day later and holds report a verbatim
    pairs = spread.frame("pairs").set_index(["a", "b"])
    copied = pairs.loc[("report-a", "copy")]
    assert copied["first"] == "report-a" and copied["later"] == "copy" and copied["dated"]
    assert copied["later_verbatim"] > 0.9
    assert pairs.loc[("fire-1", "fire-2")]["later_verbatim"] < 0.5
    # the written folder: the tables, an index linking each story page
    out = tmp_path / "out"
    index = (out / "index.html").read_text(encoding="utf-8")
    for number in {stories["report-a"], stories["fire-1"]}:
        assert f'href="story-{number}.html"' in index
        assert (out / f"story-{number}.html").is_file()


@pytest.mark.skipif(not BASIL.is_dir(), reason="../shared/bench/basil absent")
def test_basil_triplets_on_the_cluster_equal_one_process(tmp_path, cluster_client):
    rows = _basil_rows(2)
    source = _write_jsonl(tmp_path / "basil.jsonl", rows)
    spread = run(source, client=cluster_client, compare_stories=False, log=None)
    alone = run(source, single=True, compare_stories=False, log=None)
    _same(spread, alone)
    frame = spread.frame("articles")
    events = frame["id"].str.split("_").str[0]
    assert frame.groupby(events)["story"].nunique().eq(1).all()


def test_tables_read_back_with_pandas_and_dask(tmp_path, cluster_client):
    import dask.dataframe as dd
    import pandas as pd

    source = _write_jsonl(tmp_path / "feed.jsonl", [r for r in _rows() if "fire" in r["id"]])
    result = run(source, tmp_path / "out", client=cluster_client, log=None)
    for name in TABLES:
        path = tmp_path / "out" / f"{name}.parquet"
        frame = pd.read_parquet(path)
        assert len(frame) == result.tables[name].num_rows
        assert list(dd.read_parquet(path).compute().columns) == list(frame.columns)
    quotes = pd.read_parquet(tmp_path / "out" / "quotes.parquet")
    assert (quotes["status"] == "same").any()


def test_bad_rows_are_reported_by_id_and_skipped(tmp_path):
    good = [{"id": "one", "text": FIRE_1}, {"id": "two", "text": FIRE_2, "date": "2021-03-08"}]
    bad = ('{"id": "one", "text": "again"}\n{"id": "empty", "text": "  "}\n'
           '{"text": "no id"}\nnot json\n{"id": "when", "text": "x", "date": "soon"}\n[1, 2]\n')
    rows, problems = read_corpus(_write_jsonl(tmp_path / "f.jsonl", good, bad))
    assert [r.id for r in rows] == ["one", "two"]
    assert rows[1] == Row("two", FIRE_2, (("date", "2021-03-08"),))
    assert problems == [
        "line 3 (id 'one'): an id seen before; skipped",
        "line 4 (id 'empty'): no text; skipped",
        "line 5: no id; skipped",
        "line 6: not JSON (Expecting value); skipped",
        "line 7 (id 'when'): date 'soon' is not a date (give YYYY-MM-DD); skipped",
        "line 8: not an object with id and text; skipped",
    ]


def test_csv_parquet_and_folder_inputs(tmp_path):
    import pandas as pd

    frame = pd.DataFrame([{"id": "one", "text": FIRE_1, "outlet": "Post"},
                          {"id": "", "text": FIRE_2, "outlet": "Star"}])
    frame.to_csv(tmp_path / "f.csv", index=False)
    frame.to_parquet(tmp_path / "f.parquet")
    for name in ("f.csv", "f.parquet"):
        rows, problems = read_corpus(tmp_path / name)
        assert [r.id for r in rows] == ["one"] and rows[0].text == FIRE_1
        assert len(problems) == 1 and "no id" in problems[0]
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(FIRE_1, encoding="utf-8")
    (folder / "sub" / "b.md").write_text("---\noutlet: Star\n---\n" + FIRE_2, encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    rows, problems = read_corpus(folder)
    assert [r.id for r in rows] == ["a.txt", "sub/b.md"]
    assert rows[1].get("outlet") == "Star" and rows[1].text == FIRE_2
    assert problems == ["empty.txt: the article is empty; skipped"]
    with pytest.raises(LoadError, match="columns id and text"):
        pd.DataFrame({"x": [1]}).to_csv(tmp_path / "x.csv", index=False)
        read_corpus(tmp_path / "x.csv")


def test_output_folder_never_an_input_nor_a_folder_of_other_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRE_1, encoding="utf-8")
    for out in (folder, folder / "out", tmp_path):
        with pytest.raises(LoadError):
            run(folder, out, single=True, log=None)
    assert sorted(os.listdir(folder)) == ["a.txt"]


def test_candidates_are_bounded_per_article():
    from compare.corpus.sketch import candidate_pairs, signatures, sketch
    from compare.prepare import prepare

    texts = [FIRE_1 + f" Reporter {k} wrote this." for k in range(8)]
    options = CorpusOptions(max_candidates=2)
    sketches = [sketch(prepare(Row(str(k), t).article()), options) for k, t in enumerate(texts)]
    values = signatures(sketches, options.num_perm)
    pairs = candidate_pairs(values, [None] * 8, options)
    assert len(pairs) <= 2 * 8 and pairs
    dated = candidate_pairs(values, [0.0, 9.0] * 4, options.replace(window_days=1))
    assert all((i - j) % 2 == 0 for i, j, _ in dated)


def _signatures(n: int, seed: int, *, copies: int = 1, common: int = 0) -> np.ndarray:
    """``n`` random 64-value signatures: ``n // copies`` originals each copied
    ``copies`` times with two values changed; ``common`` of the columns of every
    signature hold one of three values (as a stem most articles share would)."""
    rng = np.random.default_rng(seed)
    originals = rng.integers(0, 2**32, size=(-(-n // copies), 64), dtype=np.uint64)
    values = np.repeat(originals, copies, axis=0)[:n]
    rows = np.arange(n)
    for _ in range(2):
        values[rows, rng.integers(0, 64, n)] = rng.integers(0, 2**32, n, dtype=np.uint64)
    values[:, :common] = rng.integers(0, 3, size=(n, common), dtype=np.uint64)
    return values.astype(np.uint32)


@pytest.mark.parametrize("seed", range(4))
def test_no_article_proposes_more_than_max_candidates(seed):
    from compare.corpus.sketch import candidate_pairs, proposals

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 400))
    options = CorpusOptions(max_candidates=int(rng.integers(1, 6)),
                            max_bucket=int(rng.integers(2, 60)), window_days=None)
    values = _signatures(n, seed, copies=int(rng.integers(1, 30)), common=int(rng.integers(0, 8)))
    i, j, jaccard = proposals(values, [None] * n, options)
    assert (np.bincount(i, minlength=n) <= options.max_candidates).all()
    assert (i != j).all() and ((jaccard >= 0) & (jaccard <= 1)).all()
    pairs = candidate_pairs(values, [None] * n, options)
    assert len(pairs) <= n * options.max_candidates
    assert all(a < b for a, b, _ in pairs) and pairs == sorted(set(pairs))
    proposed = {(min(a, b), max(a, b)) for a, b in zip(i.tolist(), j.tolist(), strict=True)}
    assert {(a, b) for a, b, _ in pairs} == proposed


def test_near_copies_keep_the_work_per_article_bounded():
    """Thousands of near-copies (and a value every article shares) fill the LSH
    buckets: an article is still compared with at most max_bucket others per band,
    and the work per article does not grow with the corpus (counting, not timing)."""
    from compare.corpus.sketch import bands, buckets

    options = CorpusOptions()
    width = len(bands(options.lsh_threshold, options.num_perm))
    work = {}
    for n in (500, 5000):
        found = buckets(_signatures(n, 1, copies=n // 5, common=20), options)
        per_article = sum(hi - lo for _, lo, hi in found)
        assert per_article.max() <= width * options.max_bucket
        work[n] = per_article.mean()
    assert work[5000] <= work[500] * 1.05
    # uncapped, each article would meet a fifth of the corpus in every band
    assert work[5000] < 5000 / 5 * width / 4


def test_below_max_bucket_the_candidates_are_datasketch_lsh_answers():
    """Our banding over the signature matrix is datasketch's MinHashLSH when no
    bucket is over max_bucket: the same candidates as querying its index."""
    from datasketch import LeanMinHash, MinHashLSH

    from compare.corpus.sketch import candidate_pairs

    options = CorpusOptions(max_candidates=3, window_days=None, max_bucket=1000)
    values = _signatures(300, 7, copies=3, common=2)
    lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
    hashes = [LeanMinHash(seed=1, hashvalues=v.astype(np.uint64), scheme="affine32")
              for v in values]
    for k, minhash in enumerate(hashes):
        lsh.insert(k, minhash)
    expected = set()
    for i, minhash in enumerate(hashes):
        found = np.array(sorted(j for j in lsh.query(minhash) if j != i), dtype=np.int64)
        if len(found):
            jaccard = (values[found] == values[i]).mean(axis=1)
            for j in found[np.lexsort((found, -jaccard))[:3]]:
                expected.add((min(i, int(j)), max(i, int(j))))
    assert {(i, j) for i, j, _ in candidate_pairs(values, [None] * 300, options)} == expected


def test_command_line(tmp_path, capsys):
    source = _write_jsonl(tmp_path / "feed.jsonl", [r for r in _rows() if r["id"] != "report-a"
                                                   and r["id"] != "report-b"],
                          '{"id": "bad"}\n')
    assert cli_main(["corpus", str(source), "--out", str(tmp_path / "site"), "--workers", "1",
                     "--window-days", "30"]) == 0
    err = capsys.readouterr().err
    assert "line 5 (id 'bad'): no text; skipped" in err
    assert "candidate pairs" in err and "dashboard" in err
    assert (tmp_path / "site" / "stories.parquet").is_file()
    assert cli_main(["corpus", str(tmp_path / "missing.jsonl"), "--out",
                     str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert cli_main(["corpus", str(source), "--out", str(tmp_path)]) == 2
    assert "outputs never overwrite inputs" in capsys.readouterr().err


def test_pairs_are_accepted_by_the_calibrated_same_story_score(tmp_path, cluster_client):
    from compare.prepare import prepare
    from compare.story import score

    rows = _rows()
    source = _write_jsonl(tmp_path / "feed.jsonl", rows)
    corpus = run(source, client=cluster_client, compare_stories=False, log=None)
    prepared = {r.id: prepare(r.article()) for r in read_corpus(source)[0]}
    candidates = corpus.frame("pairs")
    assert len(candidates)
    threshold = CorpusOptions().story_threshold
    for a, b, probability, accepted in zip(*(candidates[c] for c in
                                             ("a", "b", "score", "accepted")), strict=True):
        expected = score(prepared[a], prepared[b])
        assert probability == expected.probability
        assert accepted == (probability >= threshold)
    # the score's own decision, and a stricter threshold on the same probability
    own = run(source, client=cluster_client, compare_stories=False, log=None,
              options=CorpusOptions(story_threshold=None))
    frame = own.frame("pairs")
    assert list(frame["accepted"]) == [score(prepared[a], prepared[b]).same_event
                                       for a, b in zip(frame["a"], frame["b"], strict=True)]
    strict = run(source, client=cluster_client, compare_stories=False, log=None,
                 options=CorpusOptions(story_threshold=0.999))
    frame = strict.frame("pairs")
    assert (frame["accepted"] == (frame["score"] >= 0.999)).all()
    assert strict.frame("articles")["story"].nunique() >= corpus.frame("articles")[
        "story"].nunique()


def test_a_story_of_three_is_collated(tmp_path, cluster_client):
    from compare.collate import collate
    from compare.pipeline import compare
    from compare.prepare import prepare
    from compare.render import collation_html, comparison_html

    source = _write_jsonl(tmp_path / "feed.jsonl", _rows())
    corpus = run(source, client=cluster_client, log=None)
    articles = corpus.frame("articles")
    story = int(articles.set_index("id").loc["report-a", "story"])
    # earliest first: report-a and report-b (same day, input order), then the copy
    order = ["report-a", "report-b", "copy"]
    given = {r.id: r for r in read_corpus(source)[0]}
    expected = collate([prepare(given[k].article()) for k in order])
    assert corpus.pages[f"story-{story}.html"] == collation_html(
        expected, title=f"Story {story}: report-a", back_link="index.html")
    # every pair of the story compared, each from the collation, a = the earlier
    pairs = corpus.frame("pairs")
    inside = pairs[pairs["story"] == story].set_index(["first", "later"])
    assert sorted(inside.index) == [("report-a", "copy"), ("report-a", "report-b"),
                                    ("report-b", "copy")]
    assert inside["compared"].all()
    for x, y in ((0, 1), (0, 2), (1, 2)):
        row = inside.loc[(order[x], order[y])]
        assert row["verdict"] == expected.pair(x, y).verdict.label
    # the many-reports tables: statement groups, facts and quotes by report
    groups = corpus.frame("groups")
    assert set(groups["story"]) == {story}
    assert groups["group"].nunique() == len(expected.groups)
    assert set(groups["id"]) == set(order)
    first = expected.groups[0]
    rows = groups[groups["group"] == 0]
    assert list(rows["id"]) == [order[r] for r in first.reports]
    assert (rows["support"] == first.support).all()
    facts = corpus.frame("story_facts")
    assert facts["fact"].nunique() == len(expected.facts) > 0
    assert set(facts["mark"]) <= {"present", "conflict"}
    quotes = corpus.frame("story_quotes")
    assert quotes["quote"].nunique() == len(expected.quotes)
    # the two-article story keeps its pairwise page and adds no many-reports rows
    fire = int(articles.set_index("id").loc["fire-1", "story"])
    assert fire not in set(groups["story"])
    assert corpus.pages[f"story-{fire}.html"] == comparison_html(
        compare(prepare(given["fire-1"].article()), prepare(given["fire-2"].article())))


def test_corpus_options_are_checked():
    with pytest.raises(ValueError, match="linkage"):
        CorpusOptions(linkage="complete")
    with pytest.raises(ValueError, match="partition_size"):
        CorpusOptions(partition_size=0)
    assert CorpusOptions(story_threshold=None).story_threshold is None
    for bad in ({"story_threshold": 0.0}, {"story_threshold": 1.5}, {"max_collate": 2},
                {"max_collate": 13}, {"lsh_threshold": 0.0}, {"max_bucket": 1}):
        with pytest.raises(ValueError):
            CorpusOptions(**bad)
    with pytest.raises(ValueError, match="max_bucket"):
        CorpusOptions(max_bucket=0)


def test_an_article_the_preparing_code_fails_on_is_reported_and_skipped(monkeypatch):
    """A fault of the preparing code on one text (not a refused input) skips that
    article with its reason; the corpus goes on (found on ECB+ 3_5ecb.xml, where a
    name check met an empty key)."""
    import importlib

    module = importlib.import_module("compare.prepare")
    real = module.prepare

    def failing(article, settings=DEFAULT_SETTINGS):
        if article.name == "notice":
            raise IndexError("list index out of range")
        return real(article, settings)

    monkeypatch.setattr(module, "prepare", failing)
    corpus = run([Row(r["id"], r["text"]) for r in _rows()], single=True, log=None,
                 compare_stories=False)
    assert "notice" not in corpus.frame("articles")["id"].tolist()
    assert any(p.startswith("notice: preparing failed (IndexError") for p in corpus.problems)


def test_a_story_profile_scores_like_the_prepared_reports():
    import pickle
    from itertools import combinations

    from compare.corpus.engine import _profile_part
    from compare.prepare import prepare
    from compare.story import profile, score

    rows = [Row(r["id"], r["text"]) for r in _rows()]
    prepared = [prepare(r.article()) for r in rows]
    for a, b in combinations(prepared, 2):
        assert score(profile(a), profile(b)) == score(a, b) == score(profile(a), b)
    assert profile(profile(prepared[0])) == profile(prepared[0])
    # what a partition sends back holds no prepared report: a tenth of its size or less
    sent = _profile_part(rows, DEFAULT_SETTINGS, CorpusOptions())
    assert all(not isinstance(item, str) for item in sent)
    assert len(pickle.dumps(sent)) * 10 < len(pickle.dumps(prepared))


def test_average_linkage_does_not_chain_two_events():
    from compare.corpus.stories import group

    # two events of three articles each; one strong pair across them, the others weak
    scored = [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9), (3, 4, 0.9), (3, 5, 0.9), (4, 5, 0.9),
              (2, 3, 0.8), (1, 3, 0.1), (2, 4, 0.2)]
    assert group(6, scored, 0.6, "single") == [1] * 6
    assert group(6, scored, 0.6) == [1, 1, 1, 2, 2, 2]
    # pairs never scored do not count against a join; numbered by first article
    assert group(4, [(1, 2, 0.9), (2, 3, 0.7)], 0.6) == [1, 2, 2, 2]
    assert group(3, [(0, 1, 0.5)], 0.6) == [1, 2, 3]


def test_partitions_and_batches_do_not_change_the_output(tmp_path, cluster_client):
    source = _write_jsonl(tmp_path / "feed.jsonl", _rows())
    small = CorpusOptions(partition_size=2, compare_batch=3)
    spread = run(source, client=cluster_client, options=small, log=None)
    alone = run(source, single=True, log=None)
    _same(spread, alone)
    assert spread.frame("pairs")["compared"].any()


def _worker_profiling(dask_worker) -> tuple[bool, list[str]]:
    import dask

    return (dask.config.get("distributed.worker.profile.enabled"),
            sorted(k for k in dask_worker.periodic_callbacks if k.startswith("profile")))


def test_the_local_cluster_keeps_no_statistical_profile_on_its_workers():
    """Dask's worker profiler keeps up to 1,000 one-second profiles of the running code
    (about 100 KB each on the preparing code): a worker grew by about 100 MB over the
    first 17 minutes of a corpus run whatever its size. The local cluster the corpus
    starts turns it off on its workers; the caller's own setting is left as it was."""
    import dask

    from compare.corpus import open_client

    before = dask.config.get("distributed.worker.profile.enabled")
    with open_client(workers=1, log=lambda _: None) as client:
        assert list(client.run(_worker_profiling).values()) == [(False, [])]
    assert dask.config.get("distributed.worker.profile.enabled") == before
    with open_client(workers=1, profile=True, log=lambda _: None) as client:
        [(on, callbacks)] = client.run(_worker_profiling).values()
        assert on and callbacks == ["profile", "profile-cycle"]


def test_a_compared_pair_comes_back_as_its_rows_and_a_compressed_page():
    """The client holds every compared pair until the tables are built: a
    :class:`~compare.models.Comparison` (its two articles, every record; about 0.5 MB in
    memory) and its page made the full pipeline's client grow by 40 MB a comparing task
    (2.7 GB a fifth of the way through 10,000 sampled articles). A worker now sends
    only the rows of the tables and the page compressed."""
    import pickle

    from compare.corpus.engine import _collate_story, _compare_pair
    from compare.models import Article, Collation, Comparison
    from compare.pipeline import compare
    from compare.prepare import prepare
    from compare.render import comparison_html

    given = [Row(r["id"], r["text"]) for r in _rows()]
    a, b, c = (prepare(given[k].article()) for k in (0, 2, 4))
    page = comparison_html(compare(a, b))
    sent = _compare_pair(a, b, DEFAULT_SETTINGS)
    story = _collate_story([a, b, c], 1, "report-a", DEFAULT_SETTINGS)
    for result in (sent, story):
        held = list(vars(result).values())
        assert not any(isinstance(v, Comparison | Collation | Article) for v in held)
    assert len(pickle.dumps(sent)) < len(page) / 2
