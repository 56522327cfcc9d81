"""The compare-sources command: defaults, outputs and one-line errors."""

import json
import subprocess
import sys

import pytest

from compare.cli import main


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
