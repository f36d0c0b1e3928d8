"""Legacy .xls workbooks are parsed in a child process.

calamine's BIFF/OLE2 reader can abort the whole process on a damaged .xls (a failed
allocation of 140 GB was seen while fuzzing the fixtures); a Rust abort cannot be
caught. An .xls holds at most 65,536 rows, so reading it in a child with a memory
cap costs a few tenths of a second and turns any crash into a clear InputError.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from orgcheck.errors import InputError

TIMEOUT = 120
MEMORY_CAP = 4 * 1024**3

_CHILD = r"""
import pickle, resource, sys
cap = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from python_calamine import CalamineWorkbook
try:
    wb = CalamineWorkbook.from_path(sys.argv[1])
    meta = [(m.name, str(m.typ), str(m.visible)) for m in wb.sheets_metadata]
    sheets = {}
    for name in wb.sheet_names:
        s = wb.get_sheet_by_name(name)
        sheets[name] = (s.start, s.height, s.width, s.to_python())
    out = ("ok", list(wb.sheet_names), meta, sheets)
except BaseException as exc:
    out = ("error", f"{type(exc).__name__}: {exc}")
sys.stdout.buffer.write(pickle.dumps(out))
"""


class _Meta:
    def __init__(self, name: str, typ: str, visible: str) -> None:
        self.name, self.typ, self.visible = name, typ, visible


class _Sheet:
    def __init__(self, start, height: int, width: int, rows: list) -> None:
        self.start, self.height, self.width, self._rows = start, height, width, rows

    def to_python(self) -> list:
        return self._rows


class IsolatedWorkbook:
    """The parts of CalamineWorkbook the reader uses, filled from the child's answer."""

    def __init__(self, names: list[str], meta: list[tuple], sheets: dict) -> None:
        self.sheet_names = names
        self.sheets_metadata = [_Meta(*m) for m in meta]
        self._sheets = sheets

    def get_sheet_by_name(self, name: str) -> _Sheet:
        return _Sheet(*self._sheets[name])


def open_isolated(path: Path) -> IsolatedWorkbook | str:
    """The workbook, or calamine's error message as text (the caller words the error)."""
    env = {**os.environ, "RUST_BACKTRACE": "0"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), str(MEMORY_CAP)],
            capture_output=True,
            timeout=TIMEOUT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InputError(
            f"reading this .xls took longer than {TIMEOUT} s; it is probably damaged",
            path=str(path),
            hint="open it in Excel and save it as .xlsx",
        ) from None
    if done.returncode != 0 or not done.stdout:
        raise InputError(
            "this .xls workbook is damaged: the reader stopped on it",
            path=str(path),
            hint="open it in Excel (it may offer to repair it) and save it as .xlsx",
        )
    answer = pickle.loads(done.stdout)  # written by our own child process above
    if answer[0] == "error":
        return answer[1]
    return IsolatedWorkbook(*answer[1:])
