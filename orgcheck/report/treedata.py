"""The org tree for the page and for print: compact arrays and a capped outline.

The page's script draws the tree lazily from column arrays (parent position, name,
title code, rung, finding flags, org size), so a million people cost no per-person
markup. The integer columns travel packed (``pack``): fixed-width base-64 digits made
by numpy, and only the non-zero entries of a mostly-zero column; the names travel as
one string cut by a separator none of them holds. Both are a fraction of the size of
JSON arrays and take no Python loop per person to write. Print and the text formats
get the top few levels depth-first, capped, walked with an explicit stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import pandas as pd

from orgcheck.model import SEVERITIES, Finding, Org
from orgcheck.report import words

if TYPE_CHECKING:
    from orgcheck.report.structure import PersonRef

PRINT_TREE_NODES = 250
PRINT_TREE_DEPTH = 3
SEVERITY_BITS = {"error": 1, "warning": 2, "info": 4}
CYCLE_BIT = 8


class Context(Protocol):
    """What the tree needs from the report's build context."""

    org: Org
    names: np.ndarray
    titles: np.ndarray
    level: np.ndarray
    findings: list[Finding]
    positions: list[np.ndarray]

    def person(self, pos: int) -> PersonRef: ...


@dataclass
class TreeLine:
    depth: int
    pos: int
    name: str
    title: str
    badge: str
    reports: int
    org_size: int
    severity: str  # worst severity of findings naming the person, or ""


# --- tree ------------------------------------------------------------------------------


def _tree_parent(org: Org) -> np.ndarray:
    """Solid-line parents: the builder has already cut reporting cycles, so this is a forest."""
    return org.parent.astype(np.int64, copy=False)


def _flags(ctx: Context) -> np.ndarray:
    flags = np.zeros(len(ctx.org), dtype=np.int64)
    for f, pos in zip(ctx.findings, ctx.positions, strict=True):
        if len(pos):
            flags[pos] |= SEVERITY_BITS.get(f.severity, 0)
    flags[ctx.org.in_cycle] |= CYCLE_BIT
    return flags


def _worst(flag: int) -> str:
    for sev in SEVERITIES:
        if flag & SEVERITY_BITS[sev]:
            return sev
    return ""


def _children(parent: np.ndarray, levels: int) -> tuple[np.ndarray, np.ndarray]:
    """Reports of the people in the top ``levels`` levels, in CSR form:
    kids[start[p]:start[p+1]] are p's reports, in position order (empty further down).

    Only the top of a big org is sorted, not its million leaves.
    """
    n = len(parent)
    has = parent >= 0
    above = ~has  # the people whose reports are wanted: the tops, then their reports
    below = np.zeros(n, dtype=bool)
    for _ in range(levels):
        step = has & above[np.maximum(parent, 0)]
        below |= step
        above = step
    sub = np.flatnonzero(below)
    kids = sub[np.argsort(parent[sub], kind="stable")]
    start = np.zeros(n + 1, dtype=np.int64)
    start[1:] = np.cumsum(np.bincount(parent[sub], minlength=n))
    return kids, start


def print_tree(ctx: Context) -> tuple[list[TreeLine], int]:
    """The top of the tree, depth-first, for print and for the text formats."""
    org = ctx.org
    parent = _tree_parent(org)
    kids, start = _children(parent, PRINT_TREE_DEPTH - 1)
    size = org.org_size
    flags = _flags(ctx)
    roots = np.flatnonzero(parent < 0)
    roots = roots[np.argsort(-size[roots], kind="stable")]
    stack = [(int(r), 0) for r in roots[::-1][-PRINT_TREE_NODES:]]
    lines: list[TreeLine] = []
    while stack and len(lines) < PRINT_TREE_NODES:
        pos, depth = stack.pop()
        ref = ctx.person(pos)
        lines.append(
            TreeLine(
                depth,
                pos,
                ref.name,
                ref.title,
                ref.badge,
                int(org.direct_reports[pos]),
                int(size[pos]),
                _worst(int(flags[pos])),
            )
        )
        if depth + 1 < PRINT_TREE_DEPTH:
            ch = kids[start[pos] : start[pos + 1]]
            ch = ch[np.argsort(-size[ch], kind="stable")]
            stack.extend((int(c), depth + 1) for c in ch[::-1][-PRINT_TREE_NODES:])
    return lines, len(org) - len(lines)


def tree_data(ctx: Context) -> dict[str, Any]:
    """Compact columns for the page's lazy tree: no per-person objects or strings."""
    org = ctx.org
    codes, uniq = pd.factorize(pd.Series(ctx.titles, dtype=object))
    marked: dict[int, set[str]] = {}
    for f, pos in zip(ctx.findings, ctx.positions, strict=True):
        for p in pos.tolist():
            marked.setdefault(p, set()).add(f.code)
    return {
        "p": pack(_tree_parent(org)),
        **names_text(ctx.names),
        "t": pack(codes),
        "T": [str(u) for u in uniq],
        "l": pack(ctx.level),
        "f": pack(_flags(ctx)),
        "s": pack(org.org_size),
        "c": {str(p): " ".join(sorted(c)) for p, c in marked.items()},
        "b": [words.RUNGS[r][0] if r in words.RUNGS else "" for r in range(7)],
    }


# --- packed columns ----------------------------------------------------------------------

#: The digits of packed columns: safe raw in JSON and inside a <script> element.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_DIGIT_BYTES = np.frombuffer(DIGITS.encode("ascii"), dtype=np.uint8)
_TO_DIGITS = bytes.maketrans(bytes(range(64)), DIGITS.encode("ascii"))


def pack(values: np.ndarray) -> dict[str, Any]:
    """Integers as ``{"w": width, "o": offset, "d": digits}``: value = digits + offset.

    Each value is ``w`` base-64 digits, most significant first. A mostly-zero column
    (rungs, finding flags, org sizes) sends its non-zero values only, with their
    positions packed the same way in ``"i"`` and the length in ``"n"``.
    """
    values = np.asarray(values).astype(np.int64)
    nonzero = np.flatnonzero(values)
    some = values[nonzero]
    sparse = len(nonzero) * (_width(nonzero)[0] + _width(some)[0])
    if sparse < len(values) * _width(values)[0]:
        return {**_digits(some), "i": _digits(nonzero), "n": len(values)}
    return _digits(values)


def _width(values: np.ndarray) -> tuple[int, int]:
    """(digits a value, offset) for a column: the offset makes every value >= 0."""
    if not len(values):
        return 1, 0
    low = int(values.min())
    return max(1, -(-(int(values.max()) - low).bit_length() // 6)), low


def _digits(values: np.ndarray) -> dict[str, Any]:
    width, low = _width(values)
    shifted = (values - low).astype(np.uint32 if width <= 5 else np.uint64)
    digits = np.empty((len(values), width), dtype=np.uint8)
    for k in range(width):
        digits[:, width - 1 - k] = (shifted >> (6 * k)) & 63
    return {"w": width, "o": low, "d": digits.tobytes().translate(_TO_DIGITS).decode("ascii")}


def unpack(column: dict[str, Any]) -> np.ndarray:
    """``pack`` undone (the page's script does the same)."""
    width, text = column["w"], column["d"].encode("ascii")
    lookup = np.zeros(128, dtype=np.int64)
    lookup[_DIGIT_BYTES] = np.arange(64)
    digits = lookup[np.frombuffer(text, dtype=np.uint8)].reshape(-1, width)
    values = digits @ (64 ** np.arange(width - 1, -1, -1, dtype=np.int64)) + column["o"]
    if "i" not in column:
        return values
    full = np.zeros(column["n"], dtype=np.int64)
    full[unpack(column["i"])] = values
    return full


#: Separators the names may be cut at, first choice first: one that no name holds.
NAME_SEPARATORS = ("|", "\t", "\x1f", "\ue000")


def names_text(names: np.ndarray) -> dict[str, Any]:
    """``{"n": names joined, "ns": separator}``; a list only if every separator is taken."""
    values = names.tolist()
    for sep in NAME_SEPARATORS:
        text = sep.join(values)
        if text.count(sep) == max(len(values) - 1, 0):
            return {"n": text, "ns": sep}
    return {"n": values, "ns": None}
