"""Shared edge utility: work done ahead in a forked child, handed back through a pipe.

A build uses its second core by forking: the child inherits everything loaded so far (the
edition, the fonts, the page plans) without copying or pickling it, computes values the parent
will ask for, and sends them back. Only pure computations are done ahead, so the parent's result
is the same whether a value came from the child or was computed at home (byte-identical PDFs).

Forking is allowed only on Linux (macOS has ``fork``, but its system libraries may not survive
it; Windows has none), in a process that runs no other thread (forking a threaded process — a
preview server — can deadlock the child) and is not itself a daemon (a pool's worker may have
no children; such pools already use every core). Elsewhere a build runs in one process.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Processes a build uses by default: two where the machine has two cores or more."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def fork_allowed() -> bool:
    """Whether this process may fork a helper now (see the module's docstring)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() \
        and threading.active_count() == 1 and not multiprocessing.current_process().daemon


@contextmanager
def child(target: Callable[..., None], *args) -> Iterator:
    """Fork a child running ``target(*args, sender)``; yield the parent's receiving end of the
    pipe. The child is killed on leaving the block."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_quietly, args=(target, *args, sender), daemon=True)
    process.start()
    sender.close()
    try:
        yield receiver
    finally:
        process.kill()
        process.join()
        receiver.close()


@contextmanager
def computed_ahead(items: Sequence[T], compute: Callable[[T], R],
                   workers: int) -> Iterator[Callable[[int], R]]:
    """Yield ``value(i)`` = ``compute(items[i])``, asked for in increasing ``i``. With
    ``workers`` ≥ 2 (and :func:`fork_allowed`) a child computes them in order ahead of the
    caller and ``value`` waits for the child's result (it is never further from it than the
    caller's own computation would be); if the child is gone, the caller computes. Results
    must pickle."""
    if workers < 2 or len(items) < 2 or not fork_allowed():
        yield lambda index: compute(items[index])
        return
    with child(_compute_all, items, compute) as receiver:
        received: dict[int, R] = {}
        alive = True

        def value(index: int) -> R:
            nonlocal alive
            while index not in received and alive:
                try:
                    number, result = pickle.loads(receiver.recv_bytes())
                except (EOFError, OSError):
                    alive = False
                    break
                received[number] = result
            if index in received:
                return received.pop(index)
            return compute(items[index])

        yield value


def _quietly(target: Callable[..., None], *args) -> None:
    """The child's body: ^C at the terminal reaches the whole process group, but only the
    parent answers it (and stops the child); the child just runs ``target``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    target(*args)


def _compute_all(items, compute, sender) -> None:
    try:
        for index, item in enumerate(items):
            sender.send_bytes(pickle.dumps((index, compute(item)), pickle.HIGHEST_PROTOCOL))
    except Exception:     # the parent has finished, or ``compute`` failed: the parent then
        pass              # computes that item itself and reports the error as its own
    finally:
        sender.close()
