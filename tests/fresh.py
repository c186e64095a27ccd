"""Run a check in a fresh interpreter: for what a test session's own state would change.

Forking is refused in a process that runs other threads (a session has Dask's and the preview
server's), so the checks of layout.forked and of two-process builds run in a new interpreter,
where they first assert that forking is allowed.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_fresh(module_file: str, check: str, *args: str) -> subprocess.CompletedProcess:
    """Call ``check(*args)`` of the module at ``module_file`` in a new interpreter; fail the
    calling test with the check's error output if it raises. Returns the finished process
    (its ``stderr`` for what the check printed)."""
    path = Path(module_file).resolve()
    code = (f"import sys; sys.path[:0] = [{str(path.parent)!r}, {str(ROOT / 'tests')!r}]; "
            f"import {path.stem} as module; module.{check}(*sys.argv[1:])")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done
