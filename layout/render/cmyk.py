"""Stage 5 (render), print side: pixels → CMYK for the press, within the plant's ink limit.

Contract:

* :func:`to_cmyk` converts an RGB, grey or CMYK Pillow image to CMYK through ICC (Pillow
  ImageCms, i.e. LittleCMS): from the image's own embedded profile where it has one, else sRGB
  (RGB and grey, a grey going through R = G = B) or — for CMYK without a profile — none at
  all (taken as already separated for this press); to the output profile, perceptual intent.
* :func:`limit_ink` then caps the total area coverage (C+M+Y+K) of every pixel at ``max_ink``
  per cent: first grey component replacement (the part common to C, M and Y moves to K, which
  darkens the same with a third of the ink), then, where that is not enough, C, M and Y scaled
  down together (K kept, so shadows keep their detail in black). It works on the separated
  values, as a RIP's ink limiter does — no photo is refused for being too dark.
* :func:`ink_coverage` measures the largest coverage of a CMYK image, in per cent (the
  preflight and the tests use it on what was embedded).

Pure functions of their inputs; no file is written here.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

SRGB_PROFILE = Path(__file__).resolve().parent.parent / "outputs" / "icc" / "sRGB.icc"


@lru_cache(maxsize=8)
def _profile(path: str) -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(path)


@lru_cache(maxsize=16)
def _embedded(data: bytes) -> ImageCms.ImageCmsProfile | None:
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError):
        return None


@lru_cache(maxsize=32)
def _transform(source_key, source: ImageCms.ImageCmsProfile, in_mode: str,
               target: str) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(source, _profile(target), in_mode, "CMYK",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL)


def to_cmyk(image: Image.Image, output_profile: Path, icc: bytes | None = None) -> Image.Image:
    """``image`` (RGB, RGBA, L, LA, P, CMYK …; alpha is dropped here, see the caller) → CMYK
    separated for ``output_profile``. ``icc`` is the source's embedded profile (default: the
    image's ``info['icc_profile']``)."""
    icc = icc if icc is not None else image.info.get("icc_profile")
    source = _embedded(icc) if icc else None
    if image.mode == "CMYK":
        if source is None or source.profile.xcolor_space.strip() != "CMYK":
            return image
        transform = _transform(("cmyk", icc), source, "CMYK", str(output_profile))
        return ImageCms.applyTransform(image, transform)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image.mode == "L":
        if source is not None and source.profile.xcolor_space.strip() == "GRAY":
            return ImageCms.applyTransform(image, _transform(("gray", icc), source, "L",
                                                             str(output_profile)))
        image = image.convert("RGB")
        source = None
    if source is None or source.profile.xcolor_space.strip() != "RGB":
        source, icc = _profile(str(SRGB_PROFILE)), b"srgb"
    return ImageCms.applyTransform(image, _transform(("rgb", icc), source, "RGB",
                                                     str(output_profile)))


def limit_ink(image: Image.Image, max_ink: float) -> Image.Image:
    """A CMYK image whose every pixel covers at most ``max_ink`` per cent (see the module)."""
    if image.mode != "CMYK":
        raise ValueError(f"limit_ink wants CMYK, got {image.mode}")
    pixels = np.asarray(image)
    limit = max_ink / 100.0
    over = pixels.sum(axis=2, dtype=np.uint16) > int(limit * 255.0)
    if not over.any():
        return image
    # Only the pixels over the limit are worked on (usually the shadows: a small share).
    values = pixels[over].astype(np.float32) / 255.0
    c, m, y, k = values[:, 0], values[:, 1], values[:, 2], values[:, 3]
    excess = np.maximum(values.sum(axis=1) - limit, 0.0)
    moved = np.minimum(np.minimum(np.minimum(c, m), y), np.minimum(1.0 - k, excess / 2.0))
    c, m, y, k = c - moved, m - moved, y - moved, k + moved
    colour = c + m + y
    room = np.maximum(limit - k, 0.0)
    scale = np.where(colour > room, room / np.maximum(colour, 1e-6), 1.0)
    fixed = np.stack([c * scale, m * scale, y * scale, k], axis=1)
    out = pixels.copy()
    # Rounded down, so four rounded channels never add up past the limit.
    out[over] = np.floor(fixed * 255.0 + 1e-4).astype(np.uint8)
    return Image.fromarray(out, "CMYK")


def ink_coverage(image: Image.Image) -> float:
    """The largest C+M+Y+K of any pixel of a CMYK image, in per cent (0–400)."""
    if image.mode != "CMYK":
        raise ValueError(f"ink_coverage wants CMYK, got {image.mode}")
    return float(np.asarray(image).sum(axis=2, dtype=np.uint16).max()) * 100.0 / 255.0


def cmyk_colour(space: str, values: tuple[float, ...]) -> tuple[float, float, float, float]:
    """A flat colour (the style's ``rgb``/``gray``/``cmyk``, 0–1) → CMYK for print: grey and
    black (and any neutral RGB) are K only — black text is 100 K, never four-colour; other RGB
    by the plain formula K = 1 − max(R, G, B), C, M, Y in proportion (flat tints of rules
    and text want clean separations, not an ICC rendering with rich-black grey)."""
    if space == "cmyk":
        return tuple(round(v, 4) for v in values)  # type: ignore[return-value]
    if space == "gray":
        return (0.0, 0.0, 0.0, round(1.0 - values[0], 4))
    r, g, b = values
    if abs(r - g) < 1e-3 and abs(g - b) < 1e-3:
        return (0.0, 0.0, 0.0, round(1.0 - r, 4))
    k = 1.0 - max(r, g, b)
    scale = 1.0 - k
    return tuple(round(v, 4) for v in ((scale - r) / scale, (scale - g) / scale,
                                        (scale - b) / scale, k))  # type: ignore[return-value]
