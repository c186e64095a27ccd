"""Stage 6 (outputs): writing files atomically — a temporary name in the same folder, renamed
when complete, so a failed build never leaves a half-written file or spoils the previous one."""
from __future__ import annotations

import os
import tempfile
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
