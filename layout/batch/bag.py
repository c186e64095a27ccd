"""A BagIt 1.0 bag (RFC 8493) around a folder whose payload is already under ``data/``.

The hashing, manifests, Payload-Oxum and tag manifests are the ``bagit`` package's
(``Bag.save(manifests=True)``). What it gets wrong for us is fixed here: ``make_bag`` writes
``BagIt-Version: 0.97`` and wants to move the payload into ``data/`` itself, so the bag
declaration is written first (1.0) and bagit is asked to hash the payload in place.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import bagit

from .. import __version__

CHECKSUMS = ("sha256", "sha512")
DECLARATION = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def tag_files(folder: Path) -> list[Path]:
    """The tag files of a bag (everything at its top level but ``data/``)."""
    return [path for path in folder.iterdir() if path.name != "data"] if folder.is_dir() else []


def write_bag(folder: Path, info: dict[str, str], *, processes: int = 1) -> None:
    """Make ``folder`` (holding ``data/``) a complete BagIt 1.0 bag with sha256 and sha512
    manifests; any tag files it had are written anew (a bag interrupted while being made is
    simply made again)."""
    for path in tag_files(folder):
        path.unlink()
    (folder / "bagit.txt").write_text(DECLARATION, encoding="utf-8")
    bag = bagit.Bag(str(folder))
    bag.info = {"Bagging-Date": dt.date.today().isoformat(),
                "Bag-Software-Agent": f"Newsprint {__version__} (bagit.py {bagit.VERSION})",
                **info}
    bag.algorithms = list(CHECKSUMS)
    bag.save(processes=processes, manifests=True)


def is_complete(folder: Path) -> bool:
    """Whether ``folder`` is a bag whose payload agrees with its Payload-Oxum (fast check)."""
    if not (folder / "bagit.txt").is_file():
        return False
    try:
        return bagit.Bag(str(folder)).is_valid(fast=True)
    except bagit.BagError:
        return False
