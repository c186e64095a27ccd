"""The quick tests that stand in front of exact per-character checks keep their promise."""
import random
import unicodedata
from collections import Counter

from layout.build import RTL_BLOCKS
from layout.sources.text import _INVISIBLE, NO_BREAK_SPACES, Cleaner, _is_control


def test_every_right_to_left_character_is_in_the_quick_test_blocks():
    missed = [hex(code) for code in range(0x110000)
              if unicodedata.bidirectional(chr(code)) in ("R", "AL")
              and not RTL_BLOCKS.match(chr(code))]
    assert missed == []


def _collapse_one_character_at_a_time(text: str, removed: Counter) -> str:
    """The contract of Cleaner.collapse, written out character by character."""
    out: list[str] = []
    for ch in text:
        if ch in NO_BREAK_SPACES or ch == "\u00ad":
            out.append(ch)
        elif ch.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
        elif ch in _INVISIBLE or _is_control(ch):
            removed[ch] += 1
        else:
            out.append(ch)
    return "".join(out)


def test_collapse_removes_counts_and_folds_as_the_contract_says():
    alphabet = ("ab 가\t\n\u00a0\u202f\u00ad\u200b\ufeff\x00\x07\x1f\x7f\x85\u2028\u3000"
                "\u200d\x0b\u1680\u2000\u200a\u202e\u2066")
    randomly = random.Random(7)
    for _ in range(5000):
        text = "".join(randomly.choice(alphabet) for _ in range(randomly.randint(0, 24)))
        cleaner, expected = Cleaner(), Counter()
        assert cleaner.collapse(text) == _collapse_one_character_at_a_time(text, expected)
        assert cleaner.removed == expected
