"""Designer tool (style diff): a cache of builds, so a diff run again against the same old
style builds only the new side.

An entry is found by a key over what can be known before building — the engine's source, the
edition folder's files (names and bytes) and the style as asked for — and then checked against
what the build actually read: the style sheet and every sheet it extends (by content) and the
font files it names (by size and modification time). Any difference is a miss. Builds are
deterministic, so a hit gives the very PDF a new build would.

    DIR/.cache/<key>/edition.pdf, entry.json   ({inputs, figures, sha256})
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from ..stylesheet.inherit import load_chain
from ..build import STYLES_DIR

ENGINE = Path(__file__).resolve().parents[1]      # layout/


@functools.lru_cache(maxsize=1)
def engine_digest() -> str:
    """A hash of the engine's source: a changed engine builds anew."""
    digest = hashlib.sha256()
    for path in sorted(ENGINE.rglob("*.py")):
        digest.update(str(path.relative_to(ENGINE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key(edition: Path, style: str | None) -> str:
    text = f"{engine_digest()}\n{folder_digest(edition)}\n{style or ''}\n"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _file_state(path: Path, content: bool) -> list:
    path = Path(path)
    if not path.is_file():
        return [str(path), None]
    if content:
        return [str(path), hashlib.sha256(path.read_bytes()).hexdigest()]
    stat = path.stat()
    return [str(path), f"{stat.st_size}:{stat.st_mtime_ns}"]


def inputs(result) -> list:
    """What a build read besides the edition folder: the style chain and its fonts."""
    sheets = load_chain(result.style.file, STYLES_DIR).files
    fonts = sorted({str(p) for family in result.style.fonts.values()
                    for p in (family.regular, family.bold, family.italic, family.bold_italic)
                    if p is not None})
    return [_file_state(p, True) for p in sheets] + [_file_state(Path(p), False) for p in fonts]


def _still_valid(recorded: list) -> bool:
    for path, state in recorded:
        content = not str(path).endswith((".ttf", ".TTF"))
        if _file_state(Path(path), content)[1] != state:
            return False
    return True


def lookup(cache: Path, entry_key: str) -> dict | None:
    """The cached entry (with ``pdf`` set to its file) or None."""
    folder = Path(cache) / entry_key
    try:
        entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pdf = folder / "edition.pdf"
    if not pdf.is_file() or not _still_valid(entry.get("inputs", [])):
        return None
    return {**entry, "pdf": str(pdf), "cached": True}


def store(cache: Path, entry_key: str, pdf: Path, entry: dict) -> str:
    """Keep ``pdf`` and ``entry`` under ``entry_key`` (written to a temporary folder, then
    renamed, so a half-written entry is never found); returns the cached PDF's path."""
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    folder = cache / entry_key
    staging = Path(tempfile.mkdtemp(prefix=".entry-", dir=cache))
    shutil.copyfile(pdf, staging / "edition.pdf")
    (staging / "entry.json").write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
    try:
        os.replace(staging, folder)
    except OSError:        # another worker stored the same entry meanwhile: theirs is as good
        shutil.rmtree(staging, ignore_errors=True)
    return str(folder / "edition.pdf")
