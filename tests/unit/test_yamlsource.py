"""Tier 1: the one YAML reader (edition.yaml, front matter, style sheets).

Contract: plain values plus the line of every key (with an offset for front matter); hostile
input — alias bombs, recursive aliases, Python tags, huge texts — refused with a LayoutError.
"""
from pathlib import Path

import pytest

from layout.errors import LayoutError
from layout import yamlsource
from layout.yamlsource import format_key_path, load_yaml


def test_load_yaml_records_lines_with_offset():
    located = load_yaml("a:\n  b:\n    - x\n    - y\n", Path("front.md"), line_offset=1)
    assert (located.line_of(("a", "b")), located.line_of(("a", "b", 1))) == (3, 5)


def test_lines_of_keys_inside_list_items():
    doc = load_yaml("a: 1\nb:\n  - c: 2\n", Path("f.yaml"), line_offset=4)
    assert doc.value == {"a": 1, "b": [{"c": 2}]}
    assert (doc.line_of(("a",)), doc.line_of(("b", 0, "c"))) == (5, 7)


def test_nearest_line_falls_back_to_the_parent():
    located = load_yaml("a:\n  b: 1\n", Path("f.yaml"))
    assert (located.line_of(("a", "c")), located.nearest_line(("a", "c"))) == (None, 1)


def test_unquoted_scalars_keep_their_text():
    located = load_yaml("headline: 1984\nsection: yes\nquoted: '7'\n", Path("f.md"))
    assert located.plain[("headline",)] == "1984"
    assert located.plain[("section",)] == "yes"
    assert ("quoted",) not in located.plain


def test_list_positions_print_as_indexes():
    located = load_yaml("images:\n  - file: a.jpg\n", Path("f.md"))
    path = next(p for p in located.positions if len(p) == 3)
    assert format_key_path(path) == "images[0].file"


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
        for i in range(8))
    with pytest.raises(LayoutError, match="billion laughs"):
        load_yaml(bomb, Path("bomb.yaml"))


def test_recursive_alias_is_refused():
    with pytest.raises(LayoutError, match="refers to the list or mapping that contains it"):
        load_yaml("a: &x [1, *x]\n", Path("f.yaml"))


def test_python_tags_are_refused():
    with pytest.raises(LayoutError, match="unsupported YAML tag|cannot read value"):
        load_yaml("a: !!python/object/apply:os.system ['true']\n", Path("f.yaml"))


def test_huge_yaml_is_refused():
    with pytest.raises(LayoutError, match="refusing more than"):
        load_yaml("a: " + "x" * (5 * 1024 * 1024), Path("big.yaml"))


def test_empty_yaml_is_none():
    assert load_yaml("# nothing\n", Path("f.yaml")).value is None


@pytest.mark.parametrize("text", ["a: x\ty\n", "a: [1, 2\n", "a: b: c\n", "a: \"x\x07\"\n",
                                  "- &a [*a]\n", "a: 1\na: 2\n"])
def test_the_fast_and_the_python_composer_accept_and_refuse_alike(text, monkeypatch):
    def outcome():
        try:
            return ("value", load_yaml(text, Path("f.yaml")).value)
        except LayoutError as error:
            return ("error", error.format())
    fast = outcome()
    monkeypatch.setattr(yamlsource, "_FAST_LOADER", None)
    assert fast == outcome()
