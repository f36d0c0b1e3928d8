"""From a text grid to a RawTable: find the header row, drop blanks, tidy the cells.

Exports put report titles and dates above the header (Workday), a display-label row
under a row of system keys (SAP SuccessFactors), blank rows and columns anywhere
(hand-made workbooks). The header is the early row whose cells most look like known
HR headers; everything is done per column, never per cell in Python.
"""

from __future__ import annotations

import html
import string

import numpy as np
import pandas as pd

from orgcheck.columns import header_field, key
from orgcheck.errors import InputError
from orgcheck.model import RawTable
from orgcheck.read.grid import Grid
from orgcheck.read.limits import Limits, over

SCAN = 30  # header rows are looked for among the first non-blank rows
_SCI = r"[0-9](?:\.[0-9]+)?[eE]\+[0-9]+"


def strip_cells(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda col: col.str.strip()) if frame.shape[1] else frame


def header_score(cells: list[str]) -> tuple[int, int]:
    """(cells that name a known field, filled cells): higher is more header-like."""
    filled = [c for c in cells if c]
    known = sum(1 for c in filled if len(c) <= 80 and header_field(c) is not None)
    return known, len(filled)


def find_header(frame: pd.DataFrame) -> int:
    """Position (in ``frame``) of the header row among the first non-blank rows."""
    head = frame.head(SCAN)
    scores = [header_score(list(head.iloc[i])) for i in range(len(head))]
    best_known = max((k for k, _ in scores), default=0)
    if best_known >= 2:
        return next(i for i, (k, _) in enumerate(scores) if k == best_known)
    widest = max((f for _, f in scores), default=0)
    return next(i for i, (_, f) in enumerate(scores) if f >= max(1, 0.6 * widest))


def is_label_row(headers: list[str], below: list[str]) -> bool:
    """A second header row whose cells restate the first (USERID / 'User ID')."""
    pairs = [(h, b) for h, b in zip(headers, below, strict=True) if h]
    if len(pairs) < 2:
        return False
    same = sum(1 for h, b in pairs if b and key(h).replace(" ", "") == key(b).replace(" ", ""))
    return same >= max(2, len(pairs) // 2)


def _column_name(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = string.ascii_uppercase[r] + letters
    return f"Column {letters}"


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        n = seen.get(h.casefold(), 0) + 1
        seen[h.casefold()] = n
        out.append(h if n == 1 else f"{h} ({n})")
    return out


def to_raw(grid: Grid, path: str, limits: Limits, file_bytes: int) -> RawTable:
    frame = strip_cells(grid.frame)
    filled = (frame != "").to_numpy()
    keep_rows = filled.any(axis=1)
    if not keep_rows.any():
        raise InputError(
            "the sheet has no data (every cell is blank)",
            path=path,
            sheet=grid.sheet,
            hint="check you exported the right report or sheet",
        )
    frame, rows, filled = frame[keep_rows], grid.rows[keep_rows], filled[keep_rows]
    blank_rows = int((~keep_rows[np.argmax(keep_rows) :]).sum())
    h = find_header(frame)
    headers = list(frame.iloc[h])
    notes = list(grid.notes)
    if grid.rows[0] != rows[h] or h:
        notes.append(
            f"header on row {rows[h]}" + (f" ({h} title rows above it skipped)" if h else "")
        )
    start = h + 1
    if start < len(frame) and is_label_row(headers, list(frame.iloc[start])):
        notes.append(
            f"row {rows[start]} repeats the headers as display labels; "
            f"the row {rows[h]} keys are used as headers"
        )
        start += 1
    header_row = int(rows[start - 1])
    data, data_rows, data_filled = frame.iloc[start:], rows[start:], filled[start:]
    cols = [j for j in range(frame.shape[1]) if headers[j] or data_filled[:, j].any()]
    dropped = frame.shape[1] - len(cols)
    if dropped:
        notes.append(f"{dropped} blank column(s) dropped")
    named = [headers[j] or _column_name(j) for j in cols]
    for j, name in zip(cols, named, strict=True):
        if not headers[j]:
            notes.append(f"a column without a header is called {name!r}")
    names = _unique(named)
    data = data.iloc[:, cols]
    data.columns = names
    if len(data) == 0:
        raise InputError(
            "the file has a header row but no data rows below it",
            path=path,
            sheet=grid.sheet,
            row=header_row,
            hint="export the report again with the people in it",
        )
    if len(data) > limits.max_rows:
        raise over("max_rows", len(data), limits, "data rows", path=path, sheet=grid.sheet)
    data = data.reset_index(drop=True)
    if file_bytes > limits.max_cell_chars:
        _check_cells(data, data_rows, limits, path, grid.sheet)
    data = _unescape(data)
    notes += _sci_notes(data)
    if blank_rows:
        notes.append(f"{blank_rows} blank row(s) skipped")
    return RawTable(
        path=path,
        sheet=grid.sheet,
        headers=names,
        frame=data,
        rows=np.asarray(data_rows, dtype=np.int64),
        header_row=header_row,
        notes=notes,
        blank_rows=blank_rows,
    )


def _check_cells(data: pd.DataFrame, rows: np.ndarray, limits: Limits, path, sheet) -> None:
    for col in data.columns:
        lengths = data[col].str.len().to_numpy()
        if len(lengths) and lengths.max() > limits.max_cell_chars:
            i = int(lengths.argmax())
            err = over(
                "max_cell_chars",
                int(lengths[i]),
                limits,
                "characters in one cell",
                path=path,
                sheet=sheet,
            )
            err.row, err.column = int(rows[i]), str(col)
            err.value = data[col].iloc[i][:60]
            raise err


def _unescape(data: pd.DataFrame) -> pd.DataFrame:
    """'R&amp;D' -> 'R&D' (web exports escape twice); only cells holding '&' are touched."""
    for col in data.columns:
        has = data[col].str.contains("&", regex=False)
        if has.any():
            fixed = data.loc[has, col].map(html.unescape)
            data[col] = data[col].where(~has, fixed)
    return data


def _sci_notes(data: pd.DataFrame) -> list[str]:
    notes = []
    head = data.head(2000)
    for col in data.columns:
        if head[col].str.fullmatch(_SCI).any():
            notes.append(
                f"column {col!r} holds numbers like 1.71138E+12: Excel rounded "
                "them; re-export with the column formatted as text to keep ids"
            )
    return notes
