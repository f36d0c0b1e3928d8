"""The header module's whole-column passes: over-long cells and HTML entities.

Both are answered from one NUL-joined string per column; these tests hold that shortcut
to the per-cell definitions it replaces.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcheck.errors import LimitError
from orgcheck.read.grid import Grid
from orgcheck.read.header import _cells_within, to_raw, unescape
from orgcheck.read.limits import Limits

_PIECES = ["&amp;", "&lt", "&", "&#38;", "&#x26", "&copy;", "&notit;", "&#0;", "&D", "R&D", "amp;"]
_TEXT = st.lists(st.sampled_from([*_PIECES, "a", " ", "\x00", "é", "\n"]), max_size=6).map("".join)


def _grid(rows: list[list[str]], may_escape: bool = True) -> Grid:
    import pandas as pd

    frame = pd.DataFrame(rows, dtype=object)
    frame.columns = range(frame.shape[1])
    rows_no = np.arange(1, len(rows) + 1, dtype=np.int64)
    return Grid(frame=frame, rows=rows_no, sheet=None, may_escape=may_escape, stripped=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=8))
def test_cells_are_unescaped_exactly_as_one_call_per_cell(cells):
    raw = to_raw(_grid([["Name", "Title"], *[[c, "PM"] for c in cells]]), "t.csv", Limits(), 10)
    kept = [unescape(c) for c in cells]
    got = dict(zip(raw.rows.tolist(), raw.frame["Name"], strict=True))
    assert all(got[i + 2] == kept[i] for i in range(len(cells)) if i + 2 in got)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=12), st.integers(1, 17))
def test_length_screen_never_passes_a_column_with_a_longer_cell(lengths, limit):
    cells = ["x" * n for n in lengths]
    joined = "\x00".join(cells)
    if _cells_within(joined, len(cells), limit):
        assert max(lengths) <= limit


def test_length_screen_passes_short_cells_and_doubts_nul_inside_a_cell():
    cells = ["abc"] * 5000
    assert _cells_within("\x00".join(cells), len(cells), 10)
    hidden = ["abc"] * 10 + ["xxxx\x00" * 5] + ["abc"] * 10  # 25 chars, no 5 without NUL
    assert not _cells_within("\x00".join(hidden), len(hidden), 10)


@pytest.mark.parametrize("escape", [True, False])
def test_over_long_cell_is_refused_with_its_row_and_column(escape):
    rows = [["Name", "Title"], *[["Ann", "PM"]] * 50, ["Bo", "x" * 40], ["Cy", "PM"]]
    with pytest.raises(LimitError) as err:
        to_raw(_grid(rows, may_escape=escape), "t.csv", Limits(max_cell_chars=30), 10**6)
    assert (err.value.row, err.value.column) == (52, "Title")
