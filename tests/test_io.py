"""Reading articles from files, saved pages, URLs and standard input; clear errors."""

import http.server
import io
import sys
import threading
import time
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
            elif self.path == "/plain":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.end_headers()
                self.wfile.write(TEXT_A.encode("utf-8"))
            elif self.path in {"/trickle", "/endless"}:
                # a body with no length: 2 bytes every 50 ms, or 64 KB as fast as possible,
                # until the client hangs up (at most 10 s or 6 MB)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                slow = self.path == "/trickle"
                for _ in range(200 if slow else 100):
                    try:
                        self.wfile.write(b"<p" if slow else b"a " * 32768)
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(0.05 if slow else 0)
            elif self.path == "/slow-headers":
                for _ in range(200):  # the status line itself, a byte at a time
                    try:
                        self.wfile.write(b"H")
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(0.05)
            elif self.path == "/announced":
                self.send_response(200)
                self.send_header("Content-Length", str(10**9))
                self.end_headers()
            else:
                self.send_error(404, "Not Found")

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
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


def test_standard_input_holds_the_size_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT_A.encode("utf-8"))))
    with pytest.raises(LoadError, match=r"^-: over the 100-byte limit$"):
        load_article("-", max_bytes=100)


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


def test_missing_file_folder_and_size_limit(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="is a folder"):
        load_article(tmp_path)
    with pytest.raises(LoadError, match="over the 100-byte limit"):
        load_article(DATA / "report-a.txt", max_bytes=100)
    size = (DATA / "report-a.txt").stat().st_size
    assert load_article(DATA / "report-a.txt", max_bytes=size).text  # the limit itself is in


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


# --- issue 8: whole-download limits, encodings, HTML detection, clear errors -----------


@pytest.mark.parametrize("path", ["/trickle", "/slow-headers"])
def test_the_timeout_holds_for_the_whole_download(server, path):
    began = time.monotonic()
    with pytest.raises(LoadError, match=r"took longer than 0.5 s") as info:
        load_article(server + path, timeout=0.5)
    assert time.monotonic() - began < 2
    assert "\n" not in str(info.value)


def test_the_size_limit_holds_during_the_download(server):
    began = time.monotonic()
    with pytest.raises(LoadError, match=r"over the 100,000-byte limit"):
        load_article(server + "/endless", timeout=5, max_bytes=100_000)
    with pytest.raises(LoadError, match=r"over the 100,000-byte limit"):
        load_article(server + "/announced", timeout=5, max_bytes=100_000)
    assert time.monotonic() - began < 3


def test_a_plain_text_url_is_read_as_text(server):
    article = load_article(server + "/plain")
    assert article.text == TEXT_A
    assert len(article.sentences) == 19


def test_other_url_schemes_are_not_supported():
    with pytest.raises(LoadError, match=r"ftp://example.org/a.txt: ftp:// is not supported"):
        load_article("ftp://example.org/a.txt")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16"),  # with a byte-order mark (little-endian here)
        lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),  # no byte-order mark
        lambda text: text.encode("utf-16-be"),
    ],
    ids=["bom", "bom-be", "le", "be"],
)
def test_utf16_files_are_decoded(tmp_path, encode):
    path = tmp_path / "wide.txt"
    path.write_bytes(encode(TEXT_A))
    article = load_article(path)
    assert article.text == TEXT_A
    assert len(article.sentences) == 19


def test_broken_front_matter_is_one_line_with_its_line_number(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: NATO\ndate: [2021\nurl: x\n---\nText here.", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_article(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: the front matter is not valid YAML (line 4")


SCRIPT = (
    "<script>document.write('<div><p><a href=\"/x\">x</a></p></div>');</script>"
)


def test_a_script_inside_text_does_not_make_it_html(tmp_path):
    texts = {}
    for name, body in (("one", TEXT_A), ("two", TEXT_A.replace("Stoltenberg", "Stoltenburg"))):
        path = tmp_path / f"{name}.md"
        body = body[:300] + "\n\n" + SCRIPT + "\n\n" + body[300:]
        path.write_text("---\ntitle: NATO chief\n---\n" + body, encoding="utf-8")
        article = load_article(path)
        assert article.meta["title"] == "NATO chief" and "note" not in article.meta
        assert article.text == body
        texts[name] = article.text
    assert texts["one"] != texts["two"]


def test_a_plain_text_html_file_is_read_as_text(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(TEXT_A, encoding="utf-8")
    article = load_article(path)
    assert article.text == TEXT_A
    assert "plain text" in article.meta["note"]


def test_a_saved_page_after_a_comment_is_still_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text("<!-- saved from url=(0042)https://example.org -->\n" + page_html(),
                    encoding="utf-8")
    article = load_article(path)
    assert "<p>" not in article.text and "looked like HTML" in article.meta["note"]
