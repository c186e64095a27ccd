"""Shared fixtures: the project's sample editions, built once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ROOT / "editions"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build a sample edition once; ``built("defense-daily-en")`` → BuildResult."""
    from layout.build import build_edition
    cache = {}

    def get(name: str):
        if name not in cache:
            out = tmp_path_factory.mktemp(name)
            cache[name] = build_edition(EDITIONS / name, out=out)
        return cache[name]
    return get


@pytest.fixture
def edition_copy(tmp_path):
    """A private copy of a sample edition that a test may break."""
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(EDITIONS / name, target)
        return target
    return copy


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens/* from the current output instead of comparing")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def small_edition(tmp_path):
    """A copy of the English sample cut to its first ``stories`` stories (two pages for four):
    ``small_edition(4)`` → the folder. For tests that build often (designer tools)."""
    import yaml

    def make(stories: int = 4, name: str = "small") -> Path:
        target = tmp_path / name
        shutil.copytree(EDITIONS / "defense-daily-en", target)
        data = yaml.safe_load((target / "edition.yaml").read_text(encoding="utf-8"))
        keep = data["articles"][:stories]
        for article in (target / "articles").iterdir():
            if article.name not in keep:
                article.unlink()
        data["articles"] = keep
        (target / "edition.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                             encoding="utf-8")
        return target
    return make
