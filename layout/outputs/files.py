"""Stage 6 (outputs): writing files atomically — a temporary name in the same folder, renamed
when complete, so a failed build never leaves a half-written file or spoils the previous one."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_text_atomically(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".newsprint-", suffix=path.suffix,
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_folder_atomically(target: Path, fill: Callable[[Path], list[Path]],
                            kind: str) -> list[Path]:
    """Put a whole folder in place of ``target`` at once: ``fill(staging)`` writes the files
    into a fresh hidden folder beside ``target`` (``.newsprint-KIND-…``) and returns them;
    folders are made 0755 and files 0644, the old ``target`` is removed and the staging folder
    renamed to it. On any failure the staging folder is removed and ``target`` is untouched.
    Returns the written files' paths under ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".newsprint-{kind}-", dir=target.parent))
    try:
        written = fill(staging)
        for path in (staging, *sorted({p.parent for p in written})):
            os.chmod(path, 0o755)
        for path in written:
            os.chmod(path, 0o644)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / path.relative_to(staging) for path in written]
