"""Workbooks (.xlsx .xlsm .xlsb .xls .ods) through calamine, with the safety checks first.

calamine (Rust) was chosen by measurement: a 100,000-row x 10 column .xlsx reads in
about 1.0 s in a fresh process, against 0.96 s for fastexcel (which also needs the
55 MB pyarrow to hand data to Python) and 14.7 s for openpyxl. Its XML parser does
not resolve external entities or expand user-defined ones, so a workbook cannot make
it read a local file; zip sizes are checked before it opens anything.

A plain .xlsx sheet (shared or inline strings, numbers, bools, whole-day dates) is
read without calamine, by ``sheetxml``: 1,000,000 rows in about 5 s instead of 15 s,
with calamine's exact values (tests compare the two). Any other sheet, and .xlsb,
.xls and .ods, go through calamine as before.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
from pathlib import Path

import numpy as np
import pandas as pd

from orgcheck.errors import InputError, UsageError
from orgcheck.read import textlen
from orgcheck.read.celltext import cell_text, floats_text
from orgcheck.read.grid import Grid
from orgcheck.read.limits import Limits, over
from orgcheck.read.sheetxml import NotPlain, forget_checked, read_plain_sheet, sheet_list


def open_workbook(path: Path, kind: str = "xlsx"):
    """calamine's workbook; legacy .xls is parsed in a child process (see ``isolated``)."""
    if kind == "xls":
        from orgcheck.read.isolated import open_isolated

        opened = open_isolated(path)
        if isinstance(opened, str):
            raise _calamine_error(RuntimeError(opened), path)
        return opened
    if kind == "xlsx" and (listed := sheet_list(path)) is not None:
        return LazyWorkbook(path, *listed)
    return _calamine_workbook(path)


def _calamine_workbook(path: Path):
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # calamine raises its own types, and panics on some files
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _calamine_error(exc, path) from None


class LazyWorkbook:
    """An .xlsx whose sheet list was read from its workbook.xml; calamine opens it only
    when a sheet is not plain (``sheetxml``), since opening parses every shared string
    (0.7 s for a million rows) that the plain reader parses anyway."""

    def __init__(self, path: Path, names: list[str], metadata: list) -> None:
        self.path, self.sheet_names, self.sheets_metadata = path, names, metadata
        self._opened = None

    def get_sheet_by_name(self, name: str):
        if self._opened is None:
            self._opened = _calamine_workbook(self.path)
        return self._opened.get_sheet_by_name(name)


def _calamine_error(exc: Exception, path: Path, sheet: str | None = None) -> InputError:
    text = str(exc)
    low = text.lower()
    if "password" in low or "encrypt" in low:
        return InputError(
            "the workbook is password-protected (encrypted)",
            path=str(path),
            sheet=sheet,
            hint="open it in Excel, remove the password, save it and run orgcheck again",
        )
    if "entity" in low or "doctype" in low or "dtd" in low:
        return InputError(
            "the workbook's XML declares its own entities (a DOCTYPE), which real "
            "spreadsheets never do; refused as unsafe",
            path=str(path),
            sheet=sheet,
            hint="open it in Excel and save it again, or ask for a fresh export",
        )
    if "panic" in low or "panic" in type(exc).__name__.lower():
        text = "it is damaged (" + text.removeprefix("PanicException: ")[:120] + ")"
    return InputError(
        f"the workbook cannot be read: {text[:200]}",
        path=str(path),
        sheet=sheet,
        hint="open it in Excel and save it again as .xlsx or .csv",
    )


def worksheet_names(wb) -> list[str]:
    """Visible worksheets in workbook order (chart sheets and hidden sheets left out)."""
    names = []
    for meta in wb.sheets_metadata:
        typ = str(getattr(meta, "typ", "WorkSheet"))
        visible = str(getattr(meta, "visible", "Visible"))
        if "WorkSheet" in typ and visible.endswith("Visible"):
            names.append(meta.name)
    return names or list(wb.sheet_names)


def pick_name(wb, wanted: str, path: Path) -> str:
    names = list(wb.sheet_names)
    if wanted in names:
        return wanted
    folded = {n.strip().casefold(): n for n in names}
    if wanted.strip().casefold() in folded:
        return folded[wanted.strip().casefold()]
    raise UsageError(
        f"no sheet named {wanted!r}",
        path=str(path),
        hint="sheets in this workbook: " + ", ".join(repr(n) for n in names),
    )


def load_sheet(wb, name: str, path: Path, limits: Limits, keep_checked: bool = False) -> Grid:
    """One sheet as a text grid; numbers that are whole become '1001', dates ISO.

    A plain .xlsx sheet is read from its XML directly (``sheetxml``, several times
    faster); any other sheet, or one that path declines, goes through calamine.
    The other sheets the size check parsed are then dropped, unless ``keep_checked``
    (``choose`` reads them next): nothing of this file outlives its read."""
    try:
        return _load_sheet(wb, name, path, limits)
    finally:
        if not keep_checked:
            forget_checked()


def _load_sheet(wb, name: str, path: Path, limits: Limits) -> Grid:

    def check(height: int, width: int) -> None:
        _check_shape(height, width, limits, path, name)
        if height * width > limits.max_cells:  # only when the size check was skipped
            raise NotPlain("a rectangle left to the size check")

    plain = read_plain_sheet(path, name, check) if _is_package(wb) else None
    if plain is not None:
        return _grid(plain.columns, plain.first_row, name, plain.longest)
    try:
        sheet = wb.get_sheet_by_name(name)
        height, width = sheet.height, sheet.width
        _check_shape(height, width, limits, path, name)
        first_row = sheet.start[0] + 1 if sheet.start else 1
        columns, longest = _sheet_columns(sheet, height, width)
    except InputError:
        raise
    except BaseException as exc:  # a calamine panic is a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _calamine_error(exc, path, name) from None
    return _grid(columns, first_row, name, longest)


def _is_package(wb) -> bool:
    """A workbook calamine opened itself (the isolated .xls reader's stand-in is not)."""
    from python_calamine import CalamineWorkbook

    return isinstance(wb, CalamineWorkbook | LazyWorkbook)


def _check_shape(height: int, width: int, limits: Limits, path: Path, name: str) -> None:
    if width > limits.max_columns:
        raise over("max_columns", width, limits, "columns in the sheet", path=str(path), sheet=name)
    if height > limits.max_rows + 1000:
        raise over("max_rows", height, limits, "rows in the sheet", path=str(path), sheet=name)


def _grid(columns: list[np.ndarray], first_row: int, name: str, longest: int) -> Grid:
    if not columns or not len(columns[0]):
        return Grid(frame=pd.DataFrame(), rows=np.zeros(0, dtype=np.int64), sheet=name)
    frame = pd.DataFrame(dict(enumerate(columns)), dtype=object, copy=False)
    rows = np.arange(first_row, first_row + len(frame), dtype=np.int64)
    return Grid(frame=frame, rows=rows, sheet=name, stripped=True, max_cell=longest)


#: Rows converted at a time: the cells of one block live as Python objects only
#: until their column text is made, which keeps the peak near the text alone.
BLOCK_ROWS = 65_536


def _sheet_columns(sheet, height: int, width: int) -> tuple[list[np.ndarray], int]:
    """The sheet's cells as one text array per column, built block by block, and the
    length of the longest cell (so the reader's cell-length check can be skipped).

    ``iter_rows`` hands over one block of rows at a time instead of ``to_python``'s
    whole list of lists, and the garbage collector is paused meanwhile: a million
    row lists otherwise trigger hundreds of full collections that find nothing
    (to_python alone goes from 2.7 s to 0.9 s CPU at 1,000,000 rows).
    python-calamine 0.9's ``iter_rows`` also yields the blank rows above the
    sheet's first used row (``to_python`` skips them), so those are cut off here.
    """
    iter_rows = getattr(sheet, "iter_rows", None)
    rows = iter(iter_rows() if iter_rows else sheet.to_python())
    parts: list[list[np.ndarray]] = [[] for _ in range(width)]
    seen: list[dict] = [{} for _ in range(width)]
    done = longest = 0
    with _gc_paused():
        while block_rows := list(itertools.islice(rows, BLOCK_ROWS)):
            block = np.empty((len(block_rows), width), dtype=object)
            block[:] = block_rows
            del block_rows
            for j in range(width):
                text = _column_text(block[:, j], seen[j])
                longest = max(longest, textlen.longest(text))
                parts[j].append(text)
            done += len(block)
    skip = max(done - height, 0)  # iter_rows' leading blank rows, if it gave them
    columns = []
    for part in parts:  # one column at a time, so blocks are freed as they are joined
        columns.append(np.concatenate(part)[skip:])
        part.clear()
    return columns, longest


@contextlib.contextmanager
def _gc_paused():
    """Pause automatic garbage collection (only cyclic garbage waits; none is made)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _column_text(vals: np.ndarray, seen: dict | None = None) -> np.ndarray:
    """A column of cell values as text, vectorised by cell type (no per-cell conversion
    for the common cases: all text, whole-number floats such as ids, repeated dates).

    ``seen`` carries the text of dates, times and bools from one block of a column to
    the next (one dict per cell type), so each distinct hire date is formatted once.
    """
    if len(vals) and type(vals[0]) is str:  # most columns: text only, no type pass first
        with contextlib.suppress(TypeError):  # str.strip refuses the first non-text cell
            return np.fromiter(map(str.strip, vals), dtype=object, count=len(vals))
    kind = pd.api.types.infer_dtype(vals, skipna=False)
    if kind == "string":
        return np.fromiter(map(str.strip, vals), dtype=object, count=len(vals))
    if kind == "floating":
        return floats_text(vals.astype(np.float64))
    seen = {} if seen is None else seen
    kinds = np.fromiter(map(type, vals), dtype=object, count=len(vals))
    out = np.empty(len(vals), dtype=object)
    for typ in set(kinds.tolist()):
        mask = kinds == typ
        part = vals[mask]
        if typ is str:
            out[mask] = np.fromiter(map(str.strip, part), dtype=object, count=len(part))
        elif typ is float:
            out[mask] = floats_text(part.astype(np.float64))
        elif typ is int:  # .xls and .ods integers: as many distinct values as cells
            out[mask] = np.fromiter(map(str, part), dtype=object, count=len(part))
        else:  # dates, times, bools: few distinct values, each converted once
            text = seen.setdefault(typ, {})
            if len(text) > _SEEN_MAX:  # timestamps can all differ: don't hoard them
                text.clear()
            text.update((v, cell_text(v)) for v in set(part.tolist()) - text.keys())
            out[mask] = np.fromiter(map(text.__getitem__, part), dtype=object, count=len(part))
    return out


_SEEN_MAX = 100_000
