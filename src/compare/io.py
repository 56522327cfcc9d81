"""Reading articles: files, saved pages, URLs and standard input.

This is the only module that reads files or the network. Whatever the source, the
text is decoded as UTF-8 and kept exactly as given (a byte-order mark is dropped,
line endings are kept), so every span the library returns indexes into
``Article.text``.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from compare.models import Article

MAX_BYTES = 5_000_000
"""Largest source accepted, in bytes (about 800,000 words: far beyond any news report)."""

TIMEOUT = 20
"""Seconds a URL may take, from connecting to the last byte (``load_article(timeout=)``)."""

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "data"

_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*)://", re.I)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}

# HTML is decided by the structure of the document, never by a tag somewhere inside the
# text: a page opens (after white space, comments and an XML declaration) with a doctype,
# <html>, <head> or <body>; a fragment opens with a block element and ends with a closing
# tag. Only the first ``_SNIFF`` characters are looked at.
_SNIFF = 65_536
_SPACE = re.compile(r"\s*")
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_FRAGMENT_START = re.compile(
    r"<(?:p|div|article|section|main|header|h[1-6]|table|ul|ol|blockquote|figure)[\s>]", re.I
)
_FRAGMENT_END = re.compile(r"</[a-z][a-z0-9]*\s*>\s*\Z", re.I)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_UTF16_SAMPLE = 4096


class LoadError(Exception):
    """A source that cannot be read as an article; the message names the source."""


def example_paths() -> tuple[Path, Path]:
    """The two example reports shipped in the repository's ``data/`` folder."""
    paths = (EXAMPLE_DIR / "report-a.txt", EXAMPLE_DIR / "report-b.txt")
    for path in paths:
        if not path.is_file():
            raise LoadError(
                f"the example report {path} is missing: run from a checkout of the "
                "repository, or name two reports"
            )
    return paths


def load_article(
    source: str | Path,
    *,
    name: str | None = None,
    timeout: float | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read one report.

    ``source`` is a path to a ``.txt`` or ``.md`` file (optional YAML front matter:
    title, outlet, date, url), a saved ``.html`` page (main text extracted with
    trafilatura), an ``http(s)://`` URL (fetched, then extracted the same way), or
    ``"-"`` for standard input. A file ``NAME.meta.yaml`` beside ``NAME.txt`` adds
    metadata. A source may hold at most ``max_bytes`` bytes (default :data:`MAX_BYTES`);
    a URL must arrive whole within that and ``timeout`` seconds (default
    :data:`TIMEOUT`). Raises :class:`LoadError` with a one-line
    reason.
    """
    source = str(source)
    meta: dict[str, str] = {}
    scheme = _SCHEME.match(source)
    if source == "-":
        label = name or "stdin"
        raw = sys.stdin.buffer.read(max_bytes + 1)
        declared_html = False
    elif scheme:
        if scheme[1].lower() not in {"http", "https"}:
            raise LoadError(
                f"{source}: {scheme[0]} is not supported (give an http:// or https:// URL, "
                "a file or -)"
            )
        label = name or source
        raw, content_type = _fetch(source, TIMEOUT if timeout is None else timeout, max_bytes)
        declared_html = content_type in _HTML_TYPES
        meta["url"] = source
    else:
        path = Path(source)
        label = name or path.name
        raw = _read_file(path, max_bytes)
        declared_html = path.suffix.lower() in _HTML_SUFFIXES
        meta.update(_sidecar_meta(path))
    text = _decode(raw, source, max_bytes)
    is_html = _looks_like_html(text)
    if is_html and not declared_html:
        meta["note"] = "the text looked like HTML; its main text was extracted"
    elif declared_html and not is_html:
        meta["note"] = "the page had no HTML structure; it was read as plain text"
    if is_html:
        text, page_meta = _extract_html(text, source)
        meta = {**page_meta, **meta}
    else:
        text, front = _split_front_matter(text, source)
        meta.update(front)
    if not text.strip():
        raise LoadError(f"{source}: the article is empty")
    return Article.from_text(text, name=meta.get("name", label), meta=meta)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise LoadError(f"{path}: cannot be written (it is a folder)")
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _fetch(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    """The body and content type of ``url``.

    The download runs in a worker thread so that the deadline covers all of it (a
    server can send its headers or body a byte at a time); a worker left behind stops
    at its next read (each socket read waits at most ``timeout``).
    """
    deadline = time.monotonic() + timeout
    results: list[tuple[bytes, str]] = []
    errors: list[LoadError] = []

    def work() -> None:
        try:
            results.append(_download(url, timeout, deadline, max_bytes))
        except LoadError as exc:
            errors.append(exc)

    worker = threading.Thread(target=work, name="compare-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if errors:
        raise errors[0]
    if not results:
        raise LoadError(f"{url}: the download took longer than {timeout:g} s")
    return results[0]


def _download(url: str, timeout: float, deadline: float, limit: int) -> tuple[bytes, str]:
    over = LoadError(f"{url}: the page is over the {limit:,}-byte limit")
    request = urllib.request.Request(url, headers={"User-Agent": "compare-sources"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                raise over
            chunks: list[bytes] = []
            size = 0
            while time.monotonic() < deadline:
                chunk = response.read1(65_536)
                if not chunk:
                    return b"".join(chunks), response.headers.get_content_type()
                size += len(chunk)
                if size > limit:
                    raise over
                chunks.append(chunk)
    except urllib.error.HTTPError as exc:
        raise LoadError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        if time.monotonic() >= deadline:
            raise LoadError(f"{url}: the download took longer than {timeout:g} s") from None
        reason = getattr(exc, "reason", exc)
        raise LoadError(f"{url}: cannot be fetched ({reason})") from None
    raise LoadError(f"{url}: the download took longer than {timeout:g} s")


def _utf16_codec(raw: bytes) -> str | None:
    """The UTF-16 codec for ``raw`` if it is UTF-16: a byte-order mark, or (without one)
    NUL bytes in about every other place of one parity and none in the other, as
    text that is mostly ASCII gives."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None  # UTF-32: left to the binary check
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:_UTF16_SAMPLE]
    if len(raw) % 2 or len(sample) < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.3 * half and even == 0:
        return "utf-16-le"
    if even >= 0.3 * half and odd == 0:
        return "utf-16-be"
    return None


def _decode(raw: bytes, source: str, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise LoadError(f"{source}: over the {max_bytes:,}-byte limit")
    codec = _utf16_codec(raw)
    if codec:
        with contextlib.suppress(UnicodeDecodeError):  # if not, the checks below say what it is
            text = raw.decode(codec)
            if "\x00" not in text:
                return text
    if b"\x00" in raw:
        raise LoadError(f"{source}: this is a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"{source}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None


def _looks_like_html(text: str) -> bool:
    head = text[:_SNIFF]
    pos = 0
    while True:
        space = _SPACE.match(head, pos)
        assert space is not None  # \s* matches (empty) anywhere
        pos = space.end()
        for opening, closing in (("<!--", "-->"), ("<?", "?>")):
            if head.startswith(opening, pos):
                end = head.find(closing, pos + len(opening))
                if end < 0:
                    return False
                pos = end + len(closing)
                break
        else:
            break
    if _PAGE_START.match(head, pos):
        return True
    return bool(_FRAGMENT_START.match(head, pos)) and bool(_FRAGMENT_END.search(text[-200:]))


def _extract_html(html: str, source: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    assert not isinstance(document, dict)  # as_dict=False (the default) gives a Document
    text = "" if document is None else document.text or ""
    if not text.strip():
        raise LoadError(f"{source}: no article text was found in this page")
    meta = {"extracted_from": "html"}
    for key in ("title", "author", "date", "sitename", "url"):
        value = getattr(document, key, None)
        if value:
            meta["outlet" if key == "sitename" else key] = str(value)
    return text, meta


def _yaml_problem(exc: yaml.YAMLError, first_line: int) -> str:
    """One line saying where and what: ``line 4: expected ',' or ']' ...``."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or "not YAML"
    where = f"line {mark.line + first_line}: " if mark is not None else ""
    return where + " ".join(str(problem).split())


def _split_front_matter(text: str, source: str) -> tuple[str, dict[str, str]]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        raise LoadError(
            f"{source}: the front matter is not valid YAML ({_yaml_problem(exc, 2)})"
        ) from None
    if not isinstance(data, dict):
        raise LoadError(f"{source}: the front matter must be a mapping of keys to values")
    return text[m.end():], {str(k): str(v) for k, v in data.items() if v is not None}


def _sidecar_meta(path: Path) -> dict[str, str]:
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if not sidecar.is_file():
        return {}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise LoadError(f"{sidecar}: cannot be read as YAML (not valid UTF-8)") from None
    except yaml.YAMLError as exc:
        raise LoadError(
            f"{sidecar}: cannot be read as YAML ({_yaml_problem(exc, 1)})"
        ) from None
    if not isinstance(data, dict):
        raise LoadError(f"{sidecar}: must be a mapping of keys to values")
    return {str(k): str(v) for k, v in data.items() if v is not None}


def check_output(path: str | Path) -> Path:
    """The file an output written to ``path`` replaces; :class:`LoadError` if it cannot be.

    The folder must already exist (none is created), ``path`` must not be a folder or a
    read-only file, and a symbolic link is followed (the file it points to is replaced).
    """
    if str(path) == "":
        raise LoadError("the output path is empty (use - for standard output)")
    target = Path(os.path.realpath(path))
    folder = target.parent
    if target.is_dir():
        raise LoadError(f"{path}: cannot be written (it is a folder)")
    if not folder.exists():
        raise LoadError(f"{path}: cannot be written (no folder {folder}; create it first)")
    if not folder.is_dir():
        raise LoadError(f"{path}: cannot be written ({folder} is not a folder)")
    if not os.access(folder, os.W_OK | os.X_OK) or (
        target.exists() and not os.access(target, os.W_OK)
    ):
        raise LoadError(f"{path}: cannot be written (permission denied)")
    return target


def save_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` (``-`` for standard output).

    The text goes to a temporary file in the same folder, which then replaces ``path``
    in one step: an interrupted or failed write leaves the old file as it was and no
    temporary file behind. The folder must exist (see :func:`check_output`). A new file
    gets the usual mode (``0o666`` less the umask); a replaced file keeps its mode.
    Raises :class:`LoadError` with a one-line reason.
    """
    if str(path) == "-":
        sys.stdout.write(text)
        return
    target = check_output(path)
    if target.exists():
        mode = target.stat().st_mode & 0o7777
    else:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    temp = None
    try:
        try:
            with tempfile.NamedTemporaryFile(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
            ) as f:
                temp = f.name
                f.write(text.encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            os.chmod(temp, mode)
            os.replace(temp, target)
        except BaseException:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
            raise
    except PermissionError:
        raise LoadError(f"{path}: cannot be written (permission denied)") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be written ({exc.strerror or exc})") from None


@contextlib.contextmanager
def new_folder(out: Path):
    """Build a folder that replaces ``out`` whole: yields an empty folder beside ``out``
    (readable as the umask allows, not private like a plain temporary folder); when the
    block ends without an error it takes ``out``'s place (:func:`replace_folder`), and on
    an error it is deleted and ``out`` is left as it was."""
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}-new-"))
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        yield staging
        replace_folder(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def replace_folder(staging: Path, out: Path) -> None:
    """Put the finished folder ``staging`` in the place of ``out`` (same file system), then
    delete the old ``out``; if the move fails, the old ``out`` is put back. A site or a
    corpus output is built in ``staging`` beside ``out`` so that a failed run leaves the
    old one whole."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}-old-"))
        os.replace(out, old / out.name)
    try:
        os.replace(staging, out)
    except OSError:
        if old is not None:
            os.replace(old / out.name, out)
            old.rmdir()
        raise
    if old is not None:
        shutil.rmtree(old)
