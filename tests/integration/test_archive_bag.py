"""``newsprint archive``: editions into one BagIt 1.0 bag — validated with ``bagit``, resumed
after ``kill -9``, unchanged when run again, run on a Dask ``LocalCluster``, and a bad edition
reported by name while the others go in."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import bagit
import pytest

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
NEWSPRINT = Path(sys.executable).with_name("newsprint")


def _tree(folder: Path) -> dict[str, tuple[str, float]]:
    """Every file under ``folder``: its content hash and modification time."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                         p.stat().st_mtime)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _valid_bag(path: Path) -> bagit.Bag:
    bag = bagit.Bag(str(path))
    bag.validate()                                   # every checksum, both algorithms
    assert bag.version_info == (1, 0)
    assert (path / "bagit.txt").read_text() == \
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    for name in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
                 "tagmanifest-sha512.txt", "bag-info.txt"):
        assert (path / name).is_file(), name
    for key in ("Payload-Oxum", "Bagging-Date", "Source-Organization", "External-Description",
                "Bag-Software-Agent"):
        assert bag.info.get(key), key
    return bag


@pytest.fixture
def editions(tmp_path):
    """Copies of two small sample editions and one broken edition."""
    folder = tmp_path / "editions"
    for name in ("defense-daily-ko", "wire-en"):
        shutil.copytree(ROOT / "editions" / name, folder / name)
    broken = folder / "broken-day"
    shutil.copytree(ROOT / "editions" / "defense-daily-ko", broken)
    (broken / "edition.yaml").write_text("title: Broken\ndate: '2026-11-31'\n",
                                         encoding="utf-8")
    return folder


def test_archive_reports_a_bad_edition_and_bags_the_others(editions, tmp_path, capsys):
    bag = tmp_path / "bag"
    code = main(["archive", str(editions / "defense-daily-ko"), str(editions / "broken-day"),
                 "-o", str(bag), "--workers", "2"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "failed: broken-day:" in out and "edition.yaml" in out
    assert "1 of 2 editions failed" in out
    assert "archive: 1/2" in err and "archive: 2/2" in err       # plain progress: not a tty
    _valid_bag(bag)
    assert sorted(p.name for p in (bag / "data").iterdir()) == ["defense-daily-ko"]
    edition = bag / "data" / "defense-daily-ko"
    assert (edition / "edition.pdf").is_file() and (edition / "mets.xml").is_file()
    assert len(list((edition / "alto").glob("page-*.xml"))) == 5
    assert not bag.with_name("bag.partial").exists()

    # Fixed, the same command adds it and reuses the other; run once more, nothing changes.
    shutil.rmtree(editions / "broken-day")
    shutil.copytree(ROOT / "editions" / "wire-en", editions / "broken-day")
    code = main(["archive", str(editions / "defense-daily-ko"), str(editions / "broken-day"),
                 "-o", str(bag), "--workers", "2"])
    out, _ = capsys.readouterr()
    assert code == 0 and "1 reused, 1 built" in out
    _valid_bag(bag)
    before = _tree(bag)
    code = main(["archive", str(editions / "defense-daily-ko"), str(editions / "broken-day"),
                 "-o", str(bag)])
    out, _ = capsys.readouterr()
    assert code == 0 and "nothing to do" in out
    assert _tree(bag) == before


def test_archive_refuses_two_editions_of_one_name_and_a_folder_that_is_not_a_bag(
        editions, tmp_path, capsys):
    other = tmp_path / "elsewhere" / "wire-en"
    shutil.copytree(editions / "wire-en", other)
    assert main(["archive", str(editions / "wire-en"), str(other), "-o",
                 str(tmp_path / "bag")]) == 1
    assert "both named 'wire-en'" in capsys.readouterr().err
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    assert main(["archive", str(editions / "wire-en"), "-o", str(tmp_path / "notes")]) == 1
    assert "is not a bag" in capsys.readouterr().err
    assert (tmp_path / "notes" / "todo.txt").read_text() == "keep me"


def test_archive_killed_midway_resumes_and_never_looks_complete(editions, tmp_path, capsys):
    bag = tmp_path / "bag"
    staging = tmp_path / "bag.partial"
    names = ["defense-daily-ko", "wire-en"]
    process = subprocess.Popen([str(NEWSPRINT), "archive", *(str(editions / n) for n in names),
                                "-o", str(bag), "--workers", "1"], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not any((staging / "data" / n / "source.json").exists() for n in names):
        assert process.poll() is None, "the archive finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not bag.exists()                       # nothing that looks like a finished bag
    finished = [p.name for p in (staging / "data").iterdir()]
    assert len(finished) == 1 and finished[0] in names   # the other is never half there
    assert (staging / "data" / finished[0] / "mets.xml").is_file()

    code = main(["archive", *(str(editions / n) for n in names), "-o", str(bag),
                 "--workers", "1"])
    out, _ = capsys.readouterr()
    assert code == 0 and "1 reused, 1 built" in out
    _valid_bag(bag)
    assert sorted(p.name for p in (bag / "data").iterdir()) == sorted(names)
    assert not staging.exists()


def test_archive_on_a_dask_local_cluster(editions, tmp_path, capsys):
    from dask.distributed import LocalCluster
    bag, local = tmp_path / "bag-dask", tmp_path / "bag-local"
    edition = str(editions / "defense-daily-ko")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        code = main(["archive", edition, "-o", str(bag), "--scheduler",
                     cluster.scheduler_address])
    out, _ = capsys.readouterr()
    assert code == 0 and f"Dask scheduler {cluster.scheduler_address}" in out
    _valid_bag(bag)
    assert main(["archive", edition, "-o", str(local), "--workers", "1"]) == 0
    # The same edition gives the same payload wherever it was built.
    payload = lambda b: sorted(line for line in (b / "manifest-sha256.txt").read_text()
                               .splitlines())
    assert payload(bag) == payload(local)


def test_archive_with_an_unreachable_scheduler_says_so(editions, tmp_path, capsys):
    code = main(["archive", str(editions / "wire-en"), "-o", str(tmp_path / "bag"),
                 "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 1
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
