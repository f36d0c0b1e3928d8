"""From a text grid to a RawTable: find the header row, drop blanks, tidy the cells.

Exports put report titles and dates above the header (Workday), a display-label row
under a row of system keys (SAP SuccessFactors), blank rows and columns anywhere
(hand-made workbooks). The header is the early row whose cells most look like known
HR headers; everything is done per column, never per cell in Python.
"""

from __future__ import annotations

import html
import re
import string

import numpy as np
import pandas as pd

from orgcheck.columns import header_field, key
from orgcheck.errors import InputError
from orgcheck.model import RawTable
from orgcheck.read.grid import Grid
from orgcheck.read.limits import Limits, over
from orgcheck.read.summary import drop_summary_rows

SCAN = 30  # header rows are looked for among the first non-blank rows
_SCI = r"[0-9](?:\.[0-9]+)?[eE]\+[0-9]+"

#: A complete character reference. html.unescape alone also expands legacy names
#: without ';' ("Legal&regulatory" -> "Legal®ulatory"), which real titles contain.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape(text: str) -> str:
    """HTML character references that end in ';' decoded; anything else left as written."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda m: html.unescape(m[0]), text)


def column_arrays(frame: pd.DataFrame, stripped: bool = False) -> list[np.ndarray]:
    """Each column as an object array of stripped text ('' for missing).

    Plain ``map(str.strip, ...)`` is about ten times faster than pandas' ``.str.strip``
    on object-backed text, which matters at 1,000,000 rows.
    """
    out = []
    for c in frame.columns:
        vals = frame[c].to_numpy(dtype=object)  # readers give '' for empty, never NaN
        if not stripped:
            vals = np.fromiter(map(str.strip, vals), dtype=object, count=len(vals))
        out.append(vals)
    return out


def strip_cells(frame: pd.DataFrame) -> pd.DataFrame:
    cols = column_arrays(frame)
    return pd.DataFrame(dict(enumerate(cols)), index=frame.index, dtype=object) if cols else frame


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
    cols = column_arrays(grid.frame, grid.stripped)
    width = len(cols)
    filled = _filled(cols) if cols else np.zeros((0, 0), bool)
    keep = filled.any(axis=1) if width else np.zeros(0, bool)
    if not keep.any():
        raise InputError(
            "the sheet has no data (every cell is blank)",
            path=path,
            sheet=grid.sheet,
            hint="check you exported the right report or sheet",
        )
    kept = np.flatnonzero(keep)
    head = pd.DataFrame([[c[i] for c in cols] for i in kept[:SCAN]])
    h = find_header(head)
    headers = list(head.iloc[h])
    notes = list(grid.notes)
    if h or kept[0]:
        skipped = f" ({h} title row(s) above it skipped)" if h else ""
        notes.append(f"header on row {grid.rows[kept[h]]}{skipped}")
    start = h + 1
    if start < len(head) and is_label_row(headers, list(head.iloc[start])):
        notes.append(
            f"row {grid.rows[kept[start]]} repeats the headers as display labels; "
            f"the row {grid.rows[kept[h]]} keys are used as headers"
        )
        start += 1
    header_row = int(grid.rows[kept[start - 1]])
    first = kept[start - 1] + 1
    data_idx = kept[start:]
    blank_rows = int(len(keep) - first - len(data_idx)) + int((~keep[kept[0] : kept[h]]).sum())
    whole = len(data_idx) == len(keep) - first  # no blank rows: slice, don't gather
    use, names = _columns(headers, filled[first:], notes)
    if len(data_idx) == 0:
        raise InputError(
            "the file has a header row but no data rows below it",
            path=path,
            sheet=grid.sheet,
            row=header_row,
            hint="export the report again with the people in it",
        )
    if len(data_idx) > limits.max_rows:
        raise over("max_rows", len(data_idx), limits, "data rows", path=path, sheet=grid.sheet)
    data_rows = grid.rows[first:] if whole else grid.rows[data_idx]
    arrays = {
        n: (cols[j][first:] if whole else cols[j][data_idx])
        for n, j in zip(names, use, strict=True)
    }
    check = file_bytes > limits.max_cell_chars and grid.max_cell > limits.max_cell_chars
    if check or grid.may_escape:
        _tidy_cells(arrays, data_rows, limits, path, grid.sheet, check, grid.may_escape)
    data_filled = (filled[first:] if whole else filled[data_idx])[:, use]
    arrays, data_rows, skipped, dropped = drop_summary_rows(arrays, data_filled, data_rows)
    notes += dropped
    data = pd.DataFrame(arrays, dtype=object, copy=False)
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
        skipped=skipped,
    )


def _filled(cols: list[np.ndarray]) -> np.ndarray:
    """The rows x columns "cell not empty" matrix, stored column by column: each column
    is compared straight into place (no stacking copy), and a row's "any" or count is
    then a vectorised pass across a few columns (25x quicker than along C-order rows)."""
    out = np.empty((len(cols[0]), len(cols)), dtype=bool, order="F")
    for j, cells in enumerate(cols):
        np.not_equal(cells, "", out=out[:, j])
    return out


def _columns(headers: list[str], filled: np.ndarray, notes: list[str]):
    """Columns kept (a header or any data) and their unique names; blank ones dropped."""
    use = [j for j in range(len(headers)) if headers[j] or filled[:, j].any()]
    dropped = len(headers) - len(use)
    if dropped:
        notes.append(f"{dropped} blank column(s) dropped")
    named = [headers[j] or _column_name(j) for j in use]
    for j, name in zip(use, named, strict=True):
        if not headers[j]:
            notes.append(f"a column without a header is called {name!r}")
    return use, _unique(named)


def _tidy_cells(arrays: dict, rows, limits: Limits, path, sheet, check: bool, escape: bool):
    """Refuse an over-long cell (``check``) and unescape HTML entities (``escape``).

    Column by column, so the first over-long column is the one reported, as when every
    column is checked before any is unescaped. Where entities are possible the column is
    joined into one string on NUL once: whether it holds '&' at all, whether unescaping
    changes anything, and whether any cell can be too long are then C-speed questions.
    ('R&amp;D' -> 'R&D': web exports escape twice.) ``html.unescape`` of the joined
    string equals it exactly when no cell changes: a match starts at '&', cannot take
    the next cell's '&', and a part running over the NUL names no entity.
    """
    limit = limits.max_cell_chars
    for col, vals in arrays.items():
        joined = "\x00".join(vals.tolist()) if escape else None
        if check and not (joined is not None and _cells_within(joined, len(vals), limit)):
            _check_cells({col: vals}, rows, limits, path, sheet)
        if joined is not None and "&" in joined and unescape(joined) != joined:
            arrays[col] = np.fromiter(map(unescape, vals), dtype=object, count=len(vals))


def _cells_within(joined: str, cells: int, limit: int) -> bool:
    """True when no cell of a NUL-joined column can be longer than ``limit``.

    A cell longer than ``limit`` is a NUL-free run of at least 2 * half characters, so it
    covers one whole aligned window of ``half`` characters; if every window holds a NUL
    (``find`` stops at the first), no cell is that long. False means "look closer", as
    does a NUL inside a cell, which would hide a long cell.
    """
    half = (limit + 1) // 2
    if len(joined) <= limit:
        return True
    if joined.count("\x00") != cells - 1:
        return False
    starts = range(0, len(joined) - half + 1, half)
    return all(joined.find("\x00", i, i + half) >= 0 for i in starts)


def _check_cells(arrays: dict, rows: np.ndarray, limits: Limits, path, sheet) -> None:
    for col, vals in arrays.items():
        if not len(vals) or max(map(len, vals)) <= limits.max_cell_chars:
            continue
        lengths = np.fromiter(map(len, vals), dtype=np.int64, count=len(vals))
        if lengths.max() > limits.max_cell_chars:
            i = int(lengths.argmax())
            err = over(
                "max_cell_chars",
                int(lengths[i]),
                limits,
                "characters in one cell",
                path=path,
                sheet=sheet,
            )
            err.row, err.column, err.value = int(rows[i]), str(col), vals[i][:60]
            raise err


def _sci_notes(data: pd.DataFrame) -> list[str]:
    """Say which (id) column Excel turned into scientific notation, and what was lost.

    '1.71138E+12' keeps six digits of a twelve-digit id, so different people end up with
    the same "id". Whether to trust such a column is the org builder's call; this note
    names the column and how many distinct values survive so it (and the user) can act.
    """
    notes = []
    head = data.head(2000)
    for col in data.columns:
        hits = head[col].str.fullmatch(_SCI)
        if not hits.any():
            continue
        example = head[col][hits].iloc[0]
        values = data[col].to_numpy(dtype=object)
        filled = values[values != ""]
        distinct = len(set(filled))
        role = header_field(col)
        what = f"{role} column" if role in ("id", "manager", "dotted_manager") else "column"
        lost = (
            f"; only {distinct:,} distinct value(s) in {len(filled):,} filled rows, so these "
            "ids no longer tell people apart"
            if distinct < len(filled) and role not in ("manager", "dotted_manager")
            else ""
        )
        notes.append(
            f"{what} {col!r} holds numbers in scientific notation like {example} "
            f"(Excel rounded them){lost}; re-export with the column formatted as text"
        )
    return notes
