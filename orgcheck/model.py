"""The data every pipeline step shares: raw table, findings, and the org itself.

The org is columnar (a DataFrame of people plus numpy arrays indexed by person
position) so that 1,000,000 people cost arrays, not a million Python objects.
Position ``i`` in every array is row ``i`` of ``Org.people``; ``-1`` means "nobody".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # annotations only: the rule catalogue and CLI load without pandas
    import numpy as np
    import pandas as pd

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: Fields orgcheck knows how to read (SPEC §4), in the order the report lists them.
FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "first_name",
    "last_name",
    "title",
    "manager",
    "email",
    "department",
    "location",
    "start_date",
    "status",
    "dotted_manager",
    "level_code",
)

#: Rung number -> canonical name (SPEC §2). Rung 0 / None means "not on the ladder".
LEVEL_NAMES: dict[int, str] = {
    1: "Associate Product Manager",
    2: "Product Manager",
    3: "Senior Product Manager",
    4: "Director of Product",
    5: "VP of Product",
    6: "Chief Product Officer",
}

FUNCTIONS: tuple[str, ...] = (
    "product",
    "engineering",
    "design",
    "marketing",
    "data",
    "program",
    "executive",
    "other",
    "unknown",
)


@dataclass(frozen=True)
class Finding:
    """One problem found in the org, explained well enough to act on."""

    rule: str
    code: str
    severity: Severity
    message: str
    people: tuple[str, ...] = ()  # person ids, most relevant first
    suggestion: str = ""
    rows: tuple[int, ...] = ()  # source rows, for data-quality findings

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "people": list(self.people),
            "suggestion": self.suggestion,
        }


@dataclass
class RawTable:
    """A sheet as read: header names and text cells, before any meaning is given.

    ``frame`` holds strings only ('' for an empty cell) so that ids like ``1001.0``
    and ``"1001"`` can be normalised in one place rather than guessed by a reader.
    """

    path: str
    sheet: str | None
    headers: list[str]
    frame: pd.DataFrame
    rows: np.ndarray  # 1-based row number in the source for each frame row
    header_row: int = 1  # 1-based row of the (last) header row
    notes: list[str] = field(default_factory=list)  # "encoding cp1252", "header on row 3"
    blank_rows: int = 0
    #: rows left out at read time (footers, subtotals, group headers): reason -> count
    skipped: dict[str, int] = field(default_factory=dict)


@dataclass
class Source:
    """Where the people came from and how the file was understood (SPEC §5 ``source``)."""

    path: str
    sheet: str | None
    rows: int
    columns: dict[str, str]  # field -> header
    manager_key: str | None  # "id" | "email" | "name" | None (no manager column)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "sheet": self.sheet,
            "rows": self.rows,
            "columns": dict(self.columns),
            "manager_key": self.manager_key,
        }


@dataclass
class Org:
    """People and their solid-line tree, with per-person metrics as arrays.

    ``people`` columns: ``id, row, name, title, email, department, location,
    start_date, status, level_code, manager_ref, dotted_ref`` (all str except ``row``),
    and after classification ``level`` (int8, 0 = off the ladder), ``function`` (str),
    ``confidence`` (float).
    """

    source: Source
    people: pd.DataFrame
    parent: np.ndarray  # int64, solid-line manager position or -1
    depth: np.ndarray  # int32, 0 at a top of the tree (cycles are cut before metrics)
    direct_reports: np.ndarray  # int32
    org_size: np.ndarray  # int64, everyone beneath (not counting the person)
    roots: np.ndarray  # positions of tops of the tree
    in_cycle: np.ndarray  # bool
    dotted_parent: np.ndarray | None = None  # int64 or None when no dotted column
    data_findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> rows left out
    titles: pd.DataFrame | None = None  # distinct titles after classification

    def __len__(self) -> int:
        return len(self.people)

    @property
    def layers(self) -> int:
        valid = self.depth[self.depth >= 0]
        return int(valid.max()) + 1 if len(valid) else 0
