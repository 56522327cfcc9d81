"""Reading articles from files, saved pages, URLs and standard input; clear errors."""

import http.server
import io
import sys
import threading
from pathlib import Path

import pytest

from compare import io as cio
from compare.io import LoadError, load_article

DATA = Path(__file__).resolve().parents[1] / "data"
TEXT_A = (DATA / "report-a.txt").read_text(encoding="utf-8")

PAGE = """<!DOCTYPE html>
<html><head><title>NATO chief on Afghanistan</title>
<meta property="og:site_name" content="Example News"></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<article><h1>NATO chief blames Afghan leaders</h1>
{paragraphs}
</article>
<footer>Copyright Example News. All rights reserved. Cookie settings.</footer>
</body></html>
"""


def page_html() -> str:
    paragraphs = [p.strip() for p in TEXT_A.split("\n") if p.strip()]
    return PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs))


def test_example_text_and_sidecar_metadata():
    article = load_article(DATA / "report-a.txt")
    assert article.text == TEXT_A  # kept exactly
    assert article.name == "report-a"
    assert article.meta["date"] == "2021-08-17"
    assert article.meta["language"] == "en"
    assert (DATA / "report-b.txt").read_bytes().endswith("— Age".encode())


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: NATO chief\noutlet: Example\ndate: 2021-08-17\n---\n" + TEXT_A,
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.text == TEXT_A
    assert article.meta["title"] == "NATO chief" and article.meta["outlet"] == "Example"
    assert article.name == "story.md"


def test_bom_is_dropped_and_crlf_kept(tmp_path):
    path = tmp_path / "crlf.txt"
    body = TEXT_A.replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    article = load_article(path)
    assert article.text == body
    assert len(article.sentences) == 19
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)


def test_saved_page_main_text_is_extracted(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page_html(), encoding="utf-8")
    article = load_article(path)
    assert "Jens Stoltenberg blames Afghanistan’s rapid collapse" in article.text
    assert "Sign in" not in article.text and "Cookie settings" not in article.text
    assert article.meta["extracted_from"] == "html"
    assert len(article.sentences) >= 15


def test_html_where_text_was_expected_is_extracted_and_noted(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(page_html(), encoding="utf-8")
    article = load_article(path)
    assert "<p>" not in article.text
    assert "looked like HTML" in article.meta["note"]


@pytest.fixture()
def server():
    page = page_html().encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/story":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)
            else:
                self.send_error(404, "Not Found")

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_and_extracted(server):
    article = load_article(server + "/story")
    assert "Jens Stoltenberg blames Afghanistan’s rapid collapse" in article.text
    assert article.meta["url"] == server + "/story"
    assert "Sign in" not in article.text


def test_url_errors_are_one_line(server):
    with pytest.raises(LoadError, match=r"the server answered 404"):
        load_article(server + "/missing")
    with pytest.raises(LoadError, match=r"cannot be fetched"):
        load_article("http://127.0.0.1:9/nothing-listens-here")


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT_A.encode("utf-8"))))
    article = load_article("-")
    assert article.name == "stdin" and article.text == TEXT_A


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"  \n\t \r\n", "the article is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Café au lait.".encode("latin-1"), r"not valid UTF-8 \(byte 0xe9 at offset 3\)"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message) as info:
        load_article(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_file_folder_and_size_limit(tmp_path, monkeypatch):
    with pytest.raises(LoadError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="is a folder"):
        load_article(tmp_path)
    monkeypatch.setattr(cio, "MAX_BYTES", 100)
    with pytest.raises(LoadError, match="over the 100-byte limit"):
        load_article(DATA / "report-a.txt")


def test_bad_front_matter(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\n[unclosed\n---\nText here.", encoding="utf-8")
    with pytest.raises(LoadError, match="front matter is not valid YAML"):
        load_article(path)


def test_save_text_refuses_a_missing_folder_and_reports_errors(tmp_path):
    target = tmp_path / "deep" / "out.json"
    with pytest.raises(LoadError, match=r"no folder .*deep; create it first"):
        cio.save_text(target, "é\n")  # a missing folder is not created silently
    assert not target.parent.exists()
    target.parent.mkdir()
    cio.save_text(target, "é\n")
    assert target.read_bytes() == "é\n".encode()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LoadError, match="cannot be written"):
        cio.save_text(blocker / "out.json", "x")
