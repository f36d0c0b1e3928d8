"""A non-text cell as the text a user sees: ``1001.0`` -> ``'1001'``, a date -> ISO.

Shared by the calamine reader (``workbook``) and the plain-sheet reader (``sheetxml``),
which must give the same text for the same cell; numpy only, so the sheet reader
imports no pandas.
"""

from __future__ import annotations

import datetime as dt

import numpy as np


def floats_text(arr: np.ndarray) -> np.ndarray:
    """1001.0 -> '1001' for whole numbers (ids Excel stored as numbers); others as repr."""
    whole = np.isfinite(arr) & (arr == np.round(arr)) & (np.abs(arr) < 2**53)
    out = np.empty(len(arr), dtype=object)
    ints = arr[whole].astype(np.int64).tolist()
    out[whole] = np.fromiter(map(str, ints), dtype=object, count=len(ints))
    rest = np.flatnonzero(~whole)  # fractions (salaries with cents), huge, nan or inf:
    finite = np.isfinite(arr[rest])  # as cell_text gives them, repr or ''
    out[rest[~finite]] = ""
    out[rest[finite]] = list(map(repr, arr[rest[finite]].tolist()))
    return out


def cell_text(value) -> str:
    """One non-text cell as the text a user sees: 1001.0 -> '1001', a date -> ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
