"""The compare-sources command: defaults, outputs and one-line errors."""

import json
import subprocess
import sys
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
