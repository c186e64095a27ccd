"""Stage 1 helper: a photo path as an article wrote it in → checked ``ImageInfo`` + diagnostics out.

Every photo is opened and decoded once at import (JPEGs at 1/8 scale, which is cheap but still
reads every byte), so a missing, corrupt, truncated or oversized file is reported here — naming
the article, line and key that refer to it — and not as a crash while drawing page 7.
"""
from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, UnidentifiedImageError

from ..errors import Diagnostic, LayoutError
from ..model import ImageInfo
from .fields import did_you_mean

#: Formats the renderer can place. Others are refused up front (Pillow is not even asked to try).
FORMATS = ("JPEG", "PNG", "TIFF", "GIF", "WEBP", "BMP")

#: Below this many pixels on the long side a photo prints visibly soft even at one column.
TINY_LONG_SIDE = 300

_ORIENTATION_TAG = 0x0112


def probe_image(path: str | Path, *, root: Path, referenced_from: Path | str,
                line: int | None, key: str) -> tuple[ImageInfo, list[Diagnostic]]:
    """Check the photo ``path`` (relative to the edition folder ``root``) and describe it.

    ``referenced_from``, ``line`` and ``key`` say where the article names the photo; every
    :class:`LayoutError` carries them and quotes ``path``. Refused: absolute paths, paths that
    leave ``root`` (``..`` or a symlink pointing outside), missing or unreadable files, files that
    are not an image of :data:`FORMATS`, corrupt or truncated data, decompression bombs.

    Returns the :class:`ImageInfo` (``path`` absolute; ``width``/``height`` as displayed, i.e.
    swapped for EXIF orientations 5–8) and diagnostics (kind ``image``) for tiny photos and
    multi-frame files (only the first frame is used).
    """
    written = str(path)

    def fail(message: str, hint: str | None = None) -> LayoutError:
        return LayoutError(f'photo "{written}": {message}', file=str(referenced_from), line=line,
                           key=key, hint=hint)

    if not written.strip():
        raise fail("empty file name")
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute() \
            or PureWindowsPath(written).drive:
        raise fail("is an absolute path", "write the path relative to the edition folder, "
                                          "e.g. images/photo.jpg")
    candidate = root / written
    try:
        root_resolved = root.resolve()
        resolved = candidate.resolve()
        exists, is_file = resolved.exists(), resolved.is_file()
    except (OSError, RuntimeError, ValueError) as error:   # symlink loop, NUL in the name
        raise fail(f"cannot be resolved ({error})") from None
    if not resolved.is_relative_to(root_resolved):
        if ".." in PurePosixPath(written).parts:
            raise fail("leaves the edition folder (..)",
                       "copy the photo into the edition's images/ folder")
        raise fail(f"is a link to {resolved}, outside the edition folder",
                   "copy the photo into the edition's images/ folder")
    if not exists:
        raise fail("no such file", _similar_names(candidate, root))
    if not is_file:
        raise fail("is not a file")
    try:
        stat = resolved.stat()
        _await_prefetch(resolved)
        info, found = _decode(resolved, stat.st_size, stat.st_mtime_ns)
    except OSError as error:
        raise fail(f"cannot be read ({error.strerror or error})") from None
    except LayoutError as error:
        raise fail(error.message, error.hint) from None
    diagnostics = [Diagnostic(d.kind, f'photo "{written}": {d.message}', str(referenced_from),
                              line) for d in found]
    return info, diagnostics


#: Photo files whose check a background thread has started (see :func:`prefetched`).
_prefetching: dict[Path, Future] = {}
_prefetch_lock = threading.Lock()
_warnings_lock = threading.Lock()


@contextmanager
def prefetched(folder: Path) -> Iterator[None]:
    """Within the block, a thread checks (decodes) the photo files under ``folder/images/`` in
    name order, so that :func:`probe_image` finds them checked while the articles are read
    (Pillow decodes without holding the interpreter lock: the check runs on another core).
    Only a cache is warmed: a photo is still checked, and its errors raised, where an article
    names it. On leaving the block what was not started is cancelled and the thread ends."""
    images = folder / "images"
    files = sorted(path.resolve() for path in images.iterdir()
                   if path.is_file() and path.suffix.lower() in _PREFETCH_SUFFIXES) \
        if images.is_dir() else []
    if not files:
        yield
        return
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprint-photo-check")
    try:
        with _prefetch_lock:
            for path in files:
                _prefetching[path] = pool.submit(_prefetch_one, path)
        yield
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        with _prefetch_lock:
            for path in files:
                _prefetching.pop(path, None)


_PREFETCH_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".webp", ".bmp")


def _prefetch_one(path: Path) -> None:
    try:
        stat = path.stat()
        _decode(path, stat.st_size, stat.st_mtime_ns)
    except (OSError, LayoutError):
        pass              # reported where an article names the photo


def _await_prefetch(path: Path) -> None:
    """Wait for the background check of ``path`` if it has started (not to decode it twice)."""
    with _prefetch_lock:
        future = _prefetching.get(path)
    if future is not None and not future.cancel():
        future.result()


def _similar_names(candidate: Path, root: Path) -> str | None:
    folder = candidate.parent
    if not folder.is_dir():
        return f"there is no folder {folder.relative_to(root) if folder != root else '.'}/ " \
               "in the edition"
    names = [p.name for p in folder.iterdir() if p.is_file()]
    return did_you_mean(candidate.name, names)


@lru_cache(maxsize=256)
def _decode(path: Path, size: int, mtime_ns: int) -> tuple[ImageInfo, tuple[Diagnostic, ...]]:
    """Open and fully decode ``path``; raise LayoutError (message only) if that fails.

    Cached by path, size and modification time: an edition that uses one photo in several
    articles decodes it once (a failure is not cached)."""
    diagnostics: list[Diagnostic] = []
    try:
        # warnings.catch_warnings swaps the process's filters: one thread at a time.
        with _warnings_lock, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                image_format = image.format or "?"
                mode = image.mode
                stored_width, stored_height = image.size
                frames = getattr(image, "n_frames", 1)
                orientation = _orientation(image)
                dpi = _dpi(image.info.get("dpi"))
                if image_format in ("JPEG", "MPO"):   # MPO: a JPEG with more pictures after it
                    # Decode at 1/8 scale: DCT scaling still reads every byte, so truncation
                    # and corruption are found at a fraction of the cost.
                    image.draft(mode, (max(1, stored_width // 8), max(1, stored_height // 8)))
                image.load()
    except UnidentifiedImageError:
        raise LayoutError(f"not a {', '.join(FORMATS[:-1])} or {FORMATS[-1]} image "
                          "(or the file is damaged)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise LayoutError(f"too many pixels to be a photo ({error})", hint=
                          "scale it down to at most a few thousand pixels a side") from None
    except PermissionError:
        raise LayoutError("cannot be read (permission denied)") from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as error:
        raise LayoutError(f"corrupt or truncated image data ({error})", hint=
                          "open it in an image editor and save it again") from None
    width, height = (stored_height, stored_width) if orientation >= 5 else \
        (stored_width, stored_height)
    if width < 1 or height < 1:
        raise LayoutError(f"has no pixels ({width}×{height})")
    if frames > 1:
        diagnostics.append(Diagnostic("image", f"has {frames} frames; the first is used"))
    if max(width, height) < TINY_LONG_SIDE:
        diagnostics.append(Diagnostic(
            "image", f"only {width}×{height} px; it will print soft or very small "
                     f"(under {TINY_LONG_SIDE} px on the long side)"))
    info = ImageInfo(path=path, format=image_format, mode=mode, width=width, height=height,
                     orientation=orientation, dpi=dpi)
    return info, tuple(diagnostics)


def _orientation(image: Image.Image) -> int:
    """EXIF orientation 1–8; anything missing or out of range counts as 1 (as stored)."""
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop the photo
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _dpi(value: object) -> float | None:
    """Horizontal resolution from Pillow's ``info["dpi"]``; None when absent or meaningless."""
    if isinstance(value, tuple) and value:
        try:
            dpi = float(value[0])
        except (TypeError, ValueError):
            return None
        return dpi if dpi > 1 else None
    return None
