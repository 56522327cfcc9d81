"""Reading articles: files, saved pages, URLs and standard input.

This is the only module that reads files or the network. Whatever the source, the
text is decoded as UTF-8 and kept exactly as given (a byte-order mark is dropped,
line endings are kept), so every span the library returns indexes into
``Article.text``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from compare.models import Article

MAX_BYTES = 5_000_000
"""Largest source accepted, in bytes (about 800,000 words: far beyond any news report)."""

TIMEOUT = 20
"""Seconds to wait for a URL."""

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "data"

_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|a|br|article|section|script|h[1-6])\b[^>]*>", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


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


def load_article(source: str | Path, *, name: str | None = None) -> Article:
    """Read one report.

    ``source`` is a path to a ``.txt`` or ``.md`` file (optional YAML front matter:
    title, outlet, date, url), a saved ``.html`` page (main text extracted with
    trafilatura), an ``http(s)://`` URL (fetched, then extracted the same way), or
    ``"-"`` for standard input. A file ``NAME.meta.yaml`` beside ``NAME.txt`` adds
    metadata. Raises :class:`LoadError` with a one-line reason.
    """
    source = str(source)
    meta: dict[str, str] = {}
    if source == "-":
        label = name or "stdin"
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        kind = "text"
    elif re.match(r"https?://", source, re.I):
        label = name or source
        raw = _fetch(source)
        kind = "html"
        meta["url"] = source
    else:
        path = Path(source)
        label = name or path.name
        raw = _read_file(path)
        kind = "html" if path.suffix.lower() in {".html", ".htm", ".xhtml"} else "text"
        meta.update(_sidecar_meta(path))
    text = _decode(raw, source)
    if kind == "text" and _looks_like_html(text):
        kind = "html"
        meta["note"] = "the text looked like HTML; its main text was extracted"
    if kind == "html":
        text, page_meta = _extract_html(text, source)
        meta = {**page_meta, **meta}
    else:
        text, front = _split_front_matter(text, source)
        meta.update(front)
    if not text.strip():
        raise LoadError(f"{source}: the article is empty")
    return Article.from_text(text, name=meta.get("name", label), meta=meta)


def _read_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise LoadError(f"{path}: cannot be written (it is a folder)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "compare-sources"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise LoadError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise LoadError(f"{url}: cannot be fetched ({reason})") from None
    if len(raw) > MAX_BYTES:
        raise LoadError(f"{url}: the page is over the {MAX_BYTES:,}-byte limit")
    return raw


def _decode(raw: bytes, source: str) -> str:
    if len(raw) > MAX_BYTES:
        raise LoadError(f"{source}: over the {MAX_BYTES:,}-byte limit")
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
    return bool(_HTML_SNIFF.match(text)) or len(_HTML_TAGS.findall(text[:20000])) >= 5


def _extract_html(html: str, source: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise LoadError(f"{source}: no article text was found in this page")
    meta = {"extracted_from": "html"}
    for key in ("title", "author", "date", "sitename", "url"):
        value = getattr(document, key, None)
        if value:
            meta["outlet" if key == "sitename" else key] = str(value)
    return document.text, meta


def _split_front_matter(text: str, source: str) -> tuple[str, dict[str, str]]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        raise LoadError(f"{source}: the front matter is not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise LoadError(f"{source}: the front matter must be a mapping of keys to values")
    return text[m.end():], {str(k): str(v) for k, v in data.items() if v is not None}


def _sidecar_meta(path: Path) -> dict[str, str]:
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if not sidecar.is_file():
        return {}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LoadError(f"{sidecar}: cannot be read as YAML ({exc})") from None
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
