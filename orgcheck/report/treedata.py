"""The org tree for the page and for print: compact arrays and a capped outline.

The page's script draws the tree lazily from column arrays (parent position, name,
title code, rung, finding flags, org size), so 100,000 people cost a few megabytes
of JSON and no per-person markup. Print and the text formats get the top few
levels depth-first, capped, walked with an explicit stack (no recursion).
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


def _children(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Children lists in CSR form: kids[start[p]:start[p+1]] are p's reports."""
    n = len(parent)
    has = parent >= 0
    kids = np.flatnonzero(has)[np.argsort(parent[has], kind="stable")]
    start = np.zeros(n + 1, dtype=np.int64)
    start[1:] = np.cumsum(np.bincount(parent[has], minlength=n))
    return kids, start


def print_tree(ctx: Context) -> tuple[list[TreeLine], int]:
    """The top of the tree, depth-first, for print and for the text formats."""
    org = ctx.org
    parent = _tree_parent(org)
    kids, start = _children(parent)
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
    """Compact column arrays for the page's lazy tree: no per-person objects."""
    org = ctx.org
    codes, uniq = pd.factorize(pd.Series(ctx.titles, dtype=object))
    flags = _flags(ctx)
    marked: dict[int, set[str]] = {}
    for f, pos in zip(ctx.findings, ctx.positions, strict=True):
        for p in pos.tolist():
            marked.setdefault(p, set()).add(f.code)
    return {
        "p": _tree_parent(org).tolist(),
        "n": list(ctx.names),
        "t": codes.tolist(),
        "T": [str(u) for u in uniq],
        "l": ctx.level.tolist(),
        "f": flags.tolist(),
        "s": org.org_size.tolist(),
        "c": {str(p): " ".join(sorted(c)) for p, c in marked.items()},
        "b": [words.RUNGS[r][0] if r in words.RUNGS else "" for r in range(7)],
    }
