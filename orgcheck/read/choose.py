"""Which sheet of a workbook holds the people (a cover or summary sheet often comes first)."""

from __future__ import annotations

from pathlib import Path

from orgcheck.columns import header_field
from orgcheck.errors import InputError
from orgcheck.read.grid import Grid
from orgcheck.read.header import SCAN, find_header, strip_cells
from orgcheck.read.limits import Limits
from orgcheck.read.sheetxml import forget_checked
from orgcheck.read.workbook import load_sheet, worksheet_names


def sheet_score(grid: Grid) -> tuple[int, int, int]:
    """(has name and title headers, known headers, rows): bigger is more likely people."""
    if grid.frame.empty:
        return (0, 0, 0)
    frame = strip_cells(grid.frame.head(SCAN + 5))
    frame = frame[(frame != "").any(axis=1)]
    if frame.empty:
        return (0, 0, 0)
    h = find_header(frame)
    fields = {header_field(c) for c in frame.iloc[h] if c}
    has_name = "name" in fields or {"first_name", "last_name"} <= fields
    core = int(has_name and "title" in fields)
    return core, len(fields - {None}), len(grid.frame)


def choose_sheet(wb, path: Path, limits: Limits) -> tuple[Grid, str]:
    names = worksheet_names(wb)
    if not names:
        raise InputError(
            "the workbook has no worksheets",
            path=str(path),
            hint="open it in Excel and check it holds the people list",
        )
    try:
        return _choose(wb, names, path, limits)
    finally:
        forget_checked()  # sheets parsed by the size check and not read (hidden ones)


def _choose(wb, names: list[str], path: Path, limits: Limits) -> tuple[Grid, str]:
    if len(names) == 1:
        return load_sheet(wb, names[0], path, limits), f"sheet {names[0]!r}"
    # one sheet in memory besides the best so far: a workbook of several big sheets
    # must not hold them all at once just to compare them
    best, best_grid, best_score = 0, None, None
    for i, name in enumerate(names):
        grid = load_sheet(wb, name, path, limits, keep_checked=True)
        score = sheet_score(grid)
        if best_score is None or score > best_score:
            best, best_grid, best_score = i, grid, score
        del grid
    core, known, _rows = best_score
    others = ", ".join(repr(n) for i, n in enumerate(names) if i != best)
    why = (
        f"sheet {names[best]!r} chosen from {len(names)} sheets: "
        + ("it has name and title columns" if core else f"{known} known header(s)")
        + f"; the others ({others}) look less like a people list; --sheet picks another"
    )
    return best_grid, why
