"""Unit: page ranges as ``--lock`` and ``lock:`` take them (sources/locks.parse_pages)."""
from __future__ import annotations

import pytest

from layout.sources.locks import format_pages, parse_pages


@pytest.mark.parametrize("value,pages", [
    ("1-3", (1, 2, 3)), ("2", (2,)), (4, (4,)), ("1, 4-5", (1, 4, 5)),
    ([1, "3-4", 3], (1, 3, 4)), (" 7 - 8 ", (7, 8)),
])
def test_pages_and_ranges_are_read(value, pages):
    assert parse_pages(value) == pages


@pytest.mark.parametrize("value,fragment", [
    ("3-1", "backwards"), ("0-2", "from 1"), ("a", "not a page"), ("1-", "not a page"),
    (True, "expected page numbers"), ([1.5], "expected page numbers"), ("", "not a page"),
    ({"1": 2}, "expected page numbers"), ("1-5000", "past any edition"),
])
def test_bad_ranges_say_what_is_wrong(value, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_pages(value)


def test_pages_are_written_back_as_ranges():
    assert format_pages((1, 2, 3, 5, 7, 8)) == "1-3, 5, 7-8"
