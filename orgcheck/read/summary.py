"""Rows that are not people: totals, subtotals, report footers and group headers.

HR reports end with "Total employees: 30", "Report generated … by hr-admin" or
"CONFIDENTIAL", and grouped reports put a "Department: Data" line above each group and a
"Subtotal | 3" line below it. Counted as people they inflate the headcount and raise
false findings, so they are left out here, counted by reason and named in the notes.

A row is only dropped when it both *starts* with a summary wording and lacks what a
person row has: a total's other cells are numbers only, a note or group header is the
row's only cell. A person called "Total" with a title, or a "Total Rewards" department,
is therefore kept. Only rows with at most three filled cells are looked at, so a large
export of full rows costs one vectorised count.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from orgcheck.columns import header_field

#: Sum rows: 'Total', 'Subtotal', 'Grand Total', 'Count: 12', 'Total employees: 30'.
_TOTAL = re.compile(
    r"(?:grand[\s-]*total|sub[\s-]*totals?|totals?|sum|count|headcount|record count|"
    r"row count|number of (?:employees|people|records|rows|staff|workers)|anzahl|"
    r"gesamt(?:summe)?|summe|zwischensumme|sous[\s-]total|total g[ée]n[ée]ral)"
    r"(?:\s*$|\s*[:=(#\-\u2013]|\s+\d|\s+(?:employees?|people|persons?|records?|rows?|"
    r"headcount|staff|workers?|users?|for|of|count|number|mitarbeiter(?:innen)?|personen)\b)",
    re.IGNORECASE,
)
#: Notes printed under (or over) a report, alone on their row.
_NOTE = re.compile(
    r"(?:report\s+(?:generated|run|created|printed|date|as\s+of)|"
    r"generated\s+(?:on|by|at|from)|printed\s+(?:on|by|at)|exported\s+(?:on|by|at|from)|"
    r"run\s+(?:date|on|by|at)|as\s+of\b|source\s*:|(?:strictly\s+)?confidential|"
    r"internal\s+(?:use\s+)?only|do\s+not\s+distribute|page\s+\d+|"
    r"end\s+of\s+(?:report|file|data)|filters?\s*:|prompts?\s*:|created\s+(?:on|by)|"
    r"erstellt\s+(?:am|von)|stand\s*:|vertraulich|\*{3})",
    re.IGNORECASE,
)
#: A group header alone in the first column: 'Department: Data', 'Engineering (12)'.
_GROUP = re.compile(r"[^\W\d][\w .&/'-]{0,40}:\s*\S.*|\D.*\(\s*\d+\s*\)")
_ANY = re.compile(f"(?:{_TOTAL.pattern})|(?:{_NOTE.pattern})", re.IGNORECASE)
#: The first three letters of every _TOTAL and _NOTE wording: a C-speed sieve.
_STARTS_TEXT = (
    "tot|sub|gra|sum|cou|hea|rec|row|num|anz|ges|zwi|sou|rep|gen|pri|exp|run|as |con|"
    "str|int|do |pag|end|fil|pro|cre|ers|sta|ver|***"
)
_STARTS = np.array(_STARTS_TEXT.split("|"), dtype="U3")
_NUMBER = re.compile(r"[-+]?[\d.,\s%]*\d[\d.,\s%]*")
_GROUPED_BY = ("department", "location", "status")
_SHOWN = 2  # example rows per reason in the note

REASONS = {
    "total": "total or subtotal rows",
    "note": "report note rows (footer text)",
    "group": "group header rows",
}


def summary_kind(cells: list[str], first_column: bool) -> str | None:
    """'total', 'note', 'group' or None for one row's filled cells (in column order)."""
    if not cells:
        return None
    head, rest = cells[0], cells[1:]
    if _TOTAL.match(head) and all(_NUMBER.fullmatch(c) for c in rest):
        return "total"
    if rest or "@" in head:
        return None
    if _NOTE.match(head):
        return "note"
    if first_column and _GROUP.fullmatch(head):
        return "group"
    return None


def find_summary_rows(
    arrays: dict[str, np.ndarray], filled: np.ndarray
) -> tuple[np.ndarray, dict[str, list[tuple[int, str]]]]:
    """Rows to drop (mask) and, per reason, their (position, first cell).

    ``filled`` is the rows x columns "cell not empty" matrix. Only rows of one to three
    cells whose first cell starts like a summary are looked at one by one.
    """
    counts = filled.sum(axis=1)
    cand = np.flatnonzero((counts >= 1) & (counts <= 3))
    drop = np.zeros(len(counts), dtype=bool)
    found: dict[str, list[tuple[int, str]]] = {}
    if not len(cand):
        return drop, found
    columns = list(arrays.values())
    first_col = filled[cand].argmax(axis=1)
    first = np.empty(len(cand), dtype=object)
    for j in np.unique(first_col).tolist():
        at = first_col == j
        first[at] = columns[j][cand[at]]
    hit = np.isin(np.char.lower(first.astype("U3")), _STARTS)  # cheap C-level sieve
    if hit.any():
        hit[hit] = np.fromiter(map(bool, map(_ANY.match, first[hit])), dtype=bool)
    lone = np.flatnonzero((counts[cand] == 1) & (first_col == 0) & ~hit)
    if len(lone):  # group headers: few rows, so the slower checks are made on these only
        groups = _group_values(arrays)
        hit[lone] = [bool(_GROUP.fullmatch(v)) or v in groups for v in first[lone].tolist()]
    groups = None
    for i in cand[hit].tolist():
        where = np.flatnonzero(filled[i])
        cells = [columns[j][i] for j in where]
        kind = summary_kind(cells, first_column=bool(where[0] == 0))
        if kind is None and len(cells) == 1 and where[0] == 0:
            groups = _group_values(arrays) if groups is None else groups
            kind = "group" if cells[0] in groups else None
        if kind:
            drop[i] = True
            found.setdefault(kind, []).append((i, cells[0]))
    return drop, found


def _group_values(arrays: dict[str, np.ndarray]) -> set[str]:
    """Values of the columns a report is grouped by (department, location, status).

    A Workday report grouped by department repeats the department alone on a row above
    its people; that value also fills the Department column of each person below.
    """
    out: set[str] = set()
    for name, values in arrays.items():
        if header_field(name) in _GROUPED_BY:
            out.update(pd.unique(values).tolist())
    out.discard("")
    return out


def describe(found: dict[str, list[tuple[int, str]]], rows: np.ndarray) -> list[str]:
    """One note per reason: how many rows, with the first ones shown."""
    notes = []
    for kind, where in found.items():
        shown = ", ".join(f"row {rows[i]} {text[:40]!r}" for i, text in where[:_SHOWN])
        more = f" and {len(where) - _SHOWN} more" if len(where) > _SHOWN else ""
        notes.append(f"left out {len(where)} {REASONS[kind]}, not people: {shown}{more}")
    return notes


def drop_summary_rows(arrays: dict[str, np.ndarray], filled: np.ndarray, rows: np.ndarray):
    """(arrays, rows, skipped reason -> count, notes) with the non-people rows taken out.

    When every row looks like a summary nothing is dropped: the file is then not a
    people list at all, and the column check says so better than an empty table would.
    """
    drop, found = find_summary_rows(arrays, filled)
    if not found or drop.all():
        return arrays, rows, {}, []
    keep = ~drop
    skipped = {REASONS[k]: len(v) for k, v in found.items()}
    notes = describe(found, rows)
    return {n: v[keep] for n, v in arrays.items()}, np.asarray(rows)[keep], skipped, notes
