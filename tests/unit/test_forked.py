"""layout.forked: values computed ahead in a forked child are the values the caller would
compute, in order; a failure in the child leaves the caller to compute (and raise) itself."""
import os

import pytest
from fresh import run_fresh

from layout.forked import computed_ahead, fork_allowed


def _square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_values_come_from_the_child_in_order():
    run_fresh(__file__, "check_values_come_from_the_child_in_order")


def check_values_come_from_the_child_in_order():
    assert fork_allowed()
    with computed_ahead(list(range(50)), _square_with_pid, 2) as value:
        results = [value(index) for index in range(50)]
    assert [square for square, _ in results] == [n * n for n in range(50)]
    assert {pid for _, pid in results} - {os.getpid()}, "no value came from a child"


def test_one_worker_computes_at_home():
    with computed_ahead([1, 2, 3], _square_with_pid, 1) as value:
        assert [value(i) for i in range(3)] == [(1, os.getpid()), (4, os.getpid()),
                                                (9, os.getpid())]


def _fails_on_three(number: int) -> int:
    if number == 3:
        raise ValueError(f"bad item {number}")
    return number


def test_a_failure_in_the_child_is_raised_by_the_caller():
    done = run_fresh(__file__, "check_a_failure_in_the_child_is_raised_by_the_caller")
    assert "Traceback" not in done.stderr          # the child printed nothing


def check_a_failure_in_the_child_is_raised_by_the_caller():
    assert fork_allowed()
    with computed_ahead([1, 2, 3, 4], _fails_on_three, 2) as value:
        assert value(0) == 1 and value(1) == 2
        with pytest.raises(ValueError, match="bad item 3"):
            value(2)
        assert value(3) == 4           # computed at home: the child stopped at the failure
