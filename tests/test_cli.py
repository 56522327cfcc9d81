"""The compare-sources command: defaults, outputs and one-line errors."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from compare.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sentences_of_the_example_reports(capsys):
    code, out, err = run(capsys, "--sentences")
    assert code == 0 and err == ""
    assert "report-a: 19 sentences" in out and "report-b: 25 sentences" in out
    assert "credit: — Age" in out


def test_sentences_json(tmp_path, capsys):
    target = tmp_path / "s.json"
    code, _, _ = run(capsys, "--sentences", "-q", "--json", str(target))
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == 1
    assert len(data["a"]["sentences"]) == 19
    first = data["b"]["sentences"][0]
    assert set(first) == {"index", "start", "end", "paragraph", "text"}
    assert data["b"]["credits"][0]["text"] == "— Age"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one.txt"], "give two reports"),
        (["missing-a.txt", "missing-b.txt"], "missing-a.txt: no such file"),
        (["-", "-"], "only one of the reports can come from standard input"),
        (["--min-words", "0"], "--min-words must be at least 1"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_console_script_error_has_no_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    proc = subprocess.run(
        [sys.executable, "-m", "compare.cli", str(bad), str(bad)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"compare-sources: error: {bad}: this is a binary file, not text"


def test_default_run_prints_the_summary(capsys):
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    assert out.startswith("a: report-a (19 sentences)\nb: report-b (25 sentences)\n")
    for part in ("Verdict:", "Coverage (share of content words):", "Top links", "Quotes:"):
        assert part in out


def test_json_and_html_outputs(tmp_path, capsys):
    (tmp_path / "out").mkdir()  # the output folder must exist (see test_missing_output_folder)
    js, page = tmp_path / "out" / "c.json", tmp_path / "out" / "c.html"
    code, _, err = run(capsys, "-q", "--json", str(js), "--html", str(page))
    assert code == 0 and err == ""
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["links"] and data["verdict"]["label"]
    html_text = page.read_text(encoding="utf-8")
    assert html_text.startswith("<!DOCTYPE html>") and 'id="side-by-side"' in html_text


def test_article_text_is_escaped_in_html(tmp_path, capsys):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "NATO chief Jens Stoltenberg blamed Afghan leaders. <script>alert('x')</script> "
        "He said there are many lessons to be learned.",
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    code, _, _ = run(capsys, "-q", str(hostile), "data/report-a.txt", "--html", str(page))
    assert code == 0
    html_text = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html_text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html_text


def test_a_report_from_standard_input(tmp_path):
    text = (ROOT / "data" / "report-b.txt").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "compare.cli", "data/report-a.txt", "-"],
        input=text, capture_output=True, check=False, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"b: stdin (25 sentences)" in proc.stdout


def test_same_input_same_bytes(tmp_path):
    outputs = []
    for k in range(2):
        target = tmp_path / f"run{k}.json"
        subprocess.run([sys.executable, "-m", "compare.cli", "-q", "--json", str(target)],
                       check=True, cwd=ROOT)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


# --- outputs never overwrite inputs, are written atomically, errors are one line --------


@pytest.fixture
def reports(tmp_path):
    """Copies of the example reports (with their .meta.yaml) in a scratch folder."""
    for name in ("report-a.txt", "report-a.meta.yaml", "report-b.txt", "report-b.meta.yaml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    return tmp_path / "report-a.txt", tmp_path / "report-b.txt"


def snapshot(folder):
    return {p.name: None if p.is_dir() else p.read_bytes() for p in sorted(folder.iterdir())}


def assert_one_line_error(code, err, message, expected_code=2):
    assert code == expected_code, err
    assert err.count("\n") == 1 and err.startswith("compare-sources: ")
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("option", ["--json", "--html"])
@pytest.mark.parametrize(
    "target",
    ["a", "b", "link-to-a", "hard-link-to-b", "a-sidecar", "b-missing-sidecar", "a-via-dotdot"],
)
def test_output_onto_an_input_is_refused(reports, capsys, option, target):
    a, b = reports
    folder = a.parent
    (folder / "report-b.meta.yaml").unlink()
    (folder / "link-to-a").symlink_to(a)
    os.link(b, folder / "hard-link-to-b")
    (folder / "sub").mkdir()
    path = {
        "a": a,
        "b": b,
        "a-sidecar": folder / "report-a.meta.yaml",
        "b-missing-sidecar": folder / "report-b.meta.yaml",
        "a-via-dotdot": folder / "sub" / ".." / "report-a.txt",
    }.get(target, folder / target)
    before = snapshot(folder)
    code, out, err = run(capsys, "-q", str(a), str(b), option, str(path))
    assert out == ""
    assert_one_line_error(code, err, "is an input")
    assert snapshot(folder) == before


def test_output_onto_the_file_given_as_standard_input_is_refused(reports):
    a, b = reports
    before = a.read_bytes()
    with a.open("rb") as stdin:
        proc = subprocess.run(
            [sys.executable, "-m", "compare.cli", "-q", "-", str(b), "--json", str(a)],
            stdin=stdin, capture_output=True, text=True, check=False,
        )
    assert_one_line_error(proc.returncode, proc.stderr, "standard input")
    assert a.read_bytes() == before


def test_the_same_path_for_two_outputs_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = run(capsys, "-q", "--json", str(out), "--html", str(out))
    assert_one_line_error(code, err, "--json and --html")
    assert not out.exists()


def test_two_outputs_that_are_one_file_are_refused(tmp_path, capsys):
    out = tmp_path / "out"
    out.write_text("old", encoding="utf-8")
    os.link(out, tmp_path / "hard-link")
    code, _, err = run(capsys, "-q", "--json", str(out), "--html", str(tmp_path / "hard-link"))
    assert_one_line_error(code, err, "--json and --html")
    assert snapshot(tmp_path) == {"hard-link": b"old", "out": b"old"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", ""], "--json: the output path is empty"),
        (["--html", ""], "--html: the output path is empty"),
        (["--json", "-", "--html", "-"], "--json and --html"),
        (["--top", "-1"], "--top must be 0 or more"),
        (["--sentences", "--html", "x.html"], "--html cannot be used with --sentences"),
    ],
)
def test_bad_output_options_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "-q", str(ROOT / "data/report-a.txt"),
                         str(ROOT / "data/report-b.txt"), *args)
    assert_one_line_error(code, err, message)
    assert out == "" and list(tmp_path.iterdir()) == []


def test_missing_output_folder_is_an_error_and_is_not_created(tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "c.json"
    code, _, err = run(capsys, "-q", "--json", str(target))
    assert_one_line_error(code, err, "no folder")
    assert list(tmp_path.iterdir()) == []


def test_output_path_that_is_a_folder_is_an_error(tmp_path, capsys):
    code, _, err = run(capsys, "-q", "--html", str(tmp_path))
    assert_one_line_error(code, err, "cannot be written (it is a folder)")
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_is_a_file_is_an_error(tmp_path, capsys):
    (tmp_path / "f").write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, "-q", "--json", str(tmp_path / "f" / "c.json"))
    assert_one_line_error(code, err, "not a folder")
    assert snapshot(tmp_path) == {"f": b"keep"}


def test_unwritable_output_folder_is_an_error(tmp_path, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    code, _, err = run(capsys, "-q", "--json", str(tmp_path / "c.json"))
    assert_one_line_error(code, err, "permission denied")
    assert list(tmp_path.iterdir()) == []


def interrupt_writes_midway(monkeypatch, exc):
    """Make every write to a temporary file write half its data, then raise ``exc``."""
    real = tempfile.NamedTemporaryFile

    class HalfWriter:
        def __init__(self, f):
            self._f = f

        def __getattr__(self, name):
            return getattr(self._f, name)

        def __enter__(self):
            self._f.__enter__()
            return self

        def __exit__(self, *exc_info):
            return self._f.__exit__(*exc_info)

        def write(self, data):
            self._f.write(data[: len(data) // 2])
            self._f.flush()
            raise exc

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", lambda *a, **k: HalfWriter(real(*a, **k)))


@pytest.mark.parametrize(
    ("exc", "code", "message"),
    [
        (OSError(28, "No space left on device"), 2, "cannot be written (No space left on device)"),
        (KeyboardInterrupt(), 130, "interrupted"),
    ],
)
def test_interrupted_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path, monkeypatch, capsys, exc, code, message
):
    target = tmp_path / "c.json"
    target.write_text("the old output\n", encoding="utf-8")
    interrupt_writes_midway(monkeypatch, exc)
    got, _, err = run(capsys, "-q", "--json", str(target))
    assert_one_line_error(got, err, message, expected_code=code)
    assert snapshot(tmp_path) == {"c.json": b"the old output\n"}


def test_written_file_mode_follows_umask_and_an_existing_file_keeps_its_mode(tmp_path, capsys):
    new, old = tmp_path / "new.json", tmp_path / "old.json"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o600)
    mask = os.umask(0o027)
    try:
        code, _, _ = run(capsys, "-q", "--json", str(new), "--html", str(old))
    finally:
        os.umask(mask)
    assert code == 0
    assert new.stat().st_mode & 0o777 == 0o640
    assert old.stat().st_mode & 0o777 == 0o600
    assert old.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path, capsys):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    code, _, _ = run(capsys, "-q", "--json", str(tmp_path / "link.json"))
    assert code == 0 and (tmp_path / "link.json").is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["schema"] == 1


def test_json_to_standard_output_is_only_the_json(capsys):
    code, out, err = run(capsys, "--json", "-")
    assert code == 0 and err == ""
    assert json.loads(out)["schema"] == 1


def test_top_zero_prints_no_link_list(capsys):
    code, out, _ = run(capsys, "--top", "0")
    assert code == 0 and "Top links" not in out and "Links:" in out


# --- an unexpected error is one line (exit 1); --debug shows the traceback -------------


def fail_in_pipeline(monkeypatch, exc):
    def boom(*args, **kwargs):
        raise exc

    monkeypatch.setattr("compare.pipeline.compare", boom)


def test_unexpected_error_is_one_line_naming_the_inputs(monkeypatch, capsys):
    fail_in_pipeline(monkeypatch, RecursionError("maximum recursion depth exceeded"))
    code, out, err = run(capsys, "data/report-a.txt", "data/report-b.txt")
    assert_one_line_error(code, err, "data/report-a.txt", expected_code=1)
    assert "data/report-b.txt" in err and "RecursionError" in err
    assert "please report" in err and "--debug" in err
    assert out == ""


def test_debug_shows_the_traceback(monkeypatch, capsys):
    fail_in_pipeline(monkeypatch, RecursionError("maximum recursion depth exceeded"))
    code, _, err = run(capsys, "--debug")
    assert code == 1
    assert err.startswith("Traceback (most recent call last):")
    assert "RecursionError: maximum recursion depth exceeded" in err


def test_keyboard_interrupt_is_exit_130_without_traceback(monkeypatch, capsys):
    fail_in_pipeline(monkeypatch, KeyboardInterrupt())
    code, _, err = run(capsys)
    assert_one_line_error(code, err, "interrupted", expected_code=130)


def test_console_script_unexpected_error_has_no_traceback(tmp_path):
    # a real process: the error must not escape main() as a traceback
    script = (
        "import sys, compare.pipeline\n"
        "def boom(*a, **k): raise RuntimeError('line one\\nline two')\n"
        "compare.pipeline.compare = boom\n"
        "from compare.cli import main\n"
        "sys.exit(main([]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    assert_one_line_error(proc.returncode, proc.stderr, "line one line two", expected_code=1)


# --- many reports and a primary source ----------------------------------------------

THIRD = (
    "NATO Secretary General Jens Stoltenberg said on Tuesday that the Afghan political "
    "leadership failed to stand up to the Taliban. He said there are many lessons to be "
    "learned. Allies will meet again next week to discuss evacuations."
)
SOURCE_TEXT = (
    "Parts of the Afghan security forces fought bravely, but they were unable to secure the "
    "country because ultimately the Afghan political leadership failed to stand up to the "
    "Taliban. There are many lessons to be learned. We will hold an extraordinary meeting "
    "of foreign ministers on Friday."
)


@pytest.fixture
def three(reports):
    a, b = reports
    c = a.parent / "report-c.txt"
    c.write_text(THIRD, encoding="utf-8")
    return a, b, c


def test_two_reports_keep_the_pairwise_output(reports, capsys):
    from compare import compare
    from compare.export import summary_text

    a, b = reports
    code, out, err = run(capsys, str(a), str(b))
    assert code == 0 and err == ""
    assert out == summary_text(compare(a, b))


def test_three_reports_print_the_summary(three, capsys):
    code, out, err = run(capsys, *map(str, three))
    assert code == 0 and err == ""
    assert out.startswith("3 reports:\n  1 report-a (19 sentences)\n")
    for part in ("Statement groups:", "Coverage (share of the row report", "Facts:", "Quotes:"):
        assert part in out


def test_three_reports_json_keeps_the_pairs_unchanged(three, tmp_path, capsys):
    from compare import compare
    from compare.export import comparison_dict

    target = tmp_path / "n.json"
    code, _, err = run(capsys, "-q", *map(str, three), "--json", str(target))
    assert code == 0 and err == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == 2 and len(data["reports"]) == 3 and data["source"] is None
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [(0, 1), (0, 2), (1, 2)]
    assert data["pairs"][1]["comparison"] == json.loads(json.dumps(
        comparison_dict(compare(three[0], three[2]))))
    for key in ("groups", "facts", "conflicts", "quotes", "coverage"):
        assert key in data
    assert len(data["coverage"]) == 6


def test_source_option(three, tmp_path, capsys):
    source = tmp_path / "statement.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    target, page = tmp_path / "s.json", tmp_path / "s.html"
    code, out, err = run(capsys, *map(str, three[:2]), "--source", str(source),
                         "--json", str(target), "--html", str(page))
    assert code == 0 and err == ""
    assert "source: statement.txt" in out and "From the source" in out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["source"]["name"] == "statement.txt" and len(data["fidelity"]) == 2
    assert {c["status"] for c in data["quote_checks"]} <= {"exact", "altered", "not_found"}
    assert 'id="source"' in page.read_text(encoding="utf-8")


def test_a_source_sharing_nothing_is_said(three, tmp_path, capsys):
    source = tmp_path / "snow.txt"
    source.write_text("Heavy snow closed three mountain passes in the Alps.", encoding="utf-8")
    code, out, _ = run(capsys, *map(str, three), "--source", str(source))
    assert code == 0
    assert "note: The source (snow.txt) shares nothing with the reports" in out


@pytest.mark.parametrize("how", ["same path", "link", "source"])
def test_the_same_file_twice_is_refused(three, capsys, how):
    a, b, _ = three
    args = {"same path": [str(a), str(b), str(a)],
            "link": [str(a), str(b), str(a.parent / "link.txt")],
            "source": [str(a), str(b), "--source", str(b)]}[how]
    if how == "link":
        (a.parent / "link.txt").symlink_to(a)
    code, out, err = run(capsys, *args)
    assert_one_line_error(code, err, "are the same file: give each input once")
    assert out == ""


def test_a_report_that_fails_among_many_is_skipped_and_named(three, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    target = tmp_path / "n.json"
    code, out, err = run(capsys, str(three[0]), str(bad), *map(str, three[1:]),
                         "--json", str(target), "-q")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"compare-sources: warning: skipped {bad}: ") and "binary" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [r["name"] for r in data["reports"]] == ["report-a", "report-b", "report-c.txt"]
    assert data["notes"][0].startswith(f"not compared: skipped {bad}")


def test_fewer_than_two_readable_reports_is_an_error(tmp_path, capsys, reports):
    missing = [str(tmp_path / f"missing{k}.txt") for k in range(2)]
    code, _, err = run(capsys, str(reports[0]), *missing)
    assert code == 2 and "fewer than two reports could be read (1 of 3)" in err


def test_more_reports_than_a_page_shows_is_refused(tmp_path, capsys):
    from compare.present import MAX_PAGE_REPORTS

    paths = []
    for k in range(MAX_PAGE_REPORTS + 1):
        path = tmp_path / f"r{k}.txt"
        path.write_text(f"Report {k} says the river rose.", encoding="utf-8")
        paths.append(str(path))
    code, _, err = run(capsys, *paths, "--html", str(tmp_path / "p.html"))
    assert_one_line_error(code, err, "corpus command")
    assert not (tmp_path / "p.html").exists()


@pytest.mark.parametrize("onto", ["c", "source"])
def test_output_onto_a_third_report_or_the_source_is_refused(three, tmp_path, capsys, onto):
    source = tmp_path / "statement.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    target = three[2] if onto == "c" else source
    before = target.read_bytes()
    code, _, err = run(capsys, *map(str, three), "--source", str(source), "--json", str(target))
    assert_one_line_error(code, err, "is an input")
    assert target.read_bytes() == before


def test_many_reports_same_input_same_bytes(three, tmp_path):
    outputs = []
    for k in range(2):
        target = tmp_path / f"run{k}.html"
        subprocess.run([sys.executable, "-m", "compare.cli", "-q", *map(str, three),
                        "--html", str(target)], check=True, cwd=ROOT)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_event_links_option_adds_partial_links_of_one_event(tmp_path, capsys):
    """--event-links turns Settings.event_links on (off by default: no such link then)."""
    reasons = {}
    for name, extra in (("default", ()), ("event", ("--event-links",))):
        out = tmp_path / f"{name}.json"
        code, _, err = run(capsys, "-q", "--json", str(out), *extra)
        assert code == 0 and err == ""
        links = json.loads(out.read_text(encoding="utf-8"))["links"]
        reasons[name] = [link["reason"] for link in links]
    said = "the same event decided it"
    reasons = {k: [r.lower() for r in v] for k, v in reasons.items()}
    assert not any(r.startswith(said) for r in reasons["default"])
    assert any(r.startswith(said) for r in reasons["event"])
