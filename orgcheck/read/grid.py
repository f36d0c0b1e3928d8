"""The shape every format reader hands on: cells as text, with their source row numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class Grid:
    """A sheet before its header is found: integer column labels, str cells ('' if empty).

    ``rows`` is the 1-based row each frame row came from, so a header found on row 4 and
    blank rows dropped later still leave every data row citing its real row.
    """

    frame: pd.DataFrame
    rows: np.ndarray
    notes: list[str] = field(default_factory=list)
    sheet: str | None = None
    stripped: bool = False  # cells already have no surrounding whitespace
    may_escape: bool = True  # cells may hold HTML entities such as &amp;
    max_cell: int = 2**62  # an upper bound on any cell's length, when known cheaply
