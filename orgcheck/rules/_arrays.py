"""The org as flat numpy arrays, computed once and shared by metrics and every rule.

Rules compare whole arrays (a person's rung against their manager's rung, say) and
only touch Python objects for the few people they end up naming, which keeps the
whole rule set linear in headcount. pandas is used through the org's own objects
only, never imported here, so the rule registry loads without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from orgcheck.model import FUNCTIONS

if TYPE_CHECKING:
    from orgcheck.model import Org

FUNCTION_NAMES: tuple[str, ...] = FUNCTIONS  # index order is the int8 code below


@dataclass
class OrgArrays:
    """Per-person arrays, position ``i`` = row ``i`` of ``org.people``."""

    n: int
    parent: np.ndarray  # int64, -1 for nobody
    level: np.ndarray  # int8, 0 off the ladder
    function: np.ndarray  # int8 index into FUNCTION_NAMES
    depth: np.ndarray  # int32, -1 in or under a cycle
    direct_reports: np.ndarray
    org_size: np.ndarray
    valid: np.ndarray  # bool: in the tree (not in or under a reporting cycle)
    _cache: dict = field(default_factory=dict, repr=False)

    @staticmethod
    def function_code(name: str) -> int:
        return FUNCTION_NAMES.index(name)

    def is_function(self, name: str) -> np.ndarray:
        return self.function == FUNCTION_NAMES.index(name)

    @property
    def has_parent(self) -> np.ndarray:
        return self.parent >= 0

    @property
    def manager_level(self) -> np.ndarray:
        """Rung of each person's manager (0 with no manager or an off-ladder one)."""
        if "manager_level" not in self._cache:
            safe = np.where(self.parent >= 0, self.parent, 0)
            self._cache["manager_level"] = np.where(self.parent >= 0, self.level[safe], 0).astype(
                np.int8
            )
        return self._cache["manager_level"]

    @property
    def is_product(self) -> np.ndarray:
        """On the PM ladder, or classified as product without a rung."""
        return (self.level > 0) | self.is_function("product")

    @property
    def is_junior(self) -> np.ndarray:
        """Rungs 1-3: APM, PM, Senior PM."""
        return (self.level >= 1) & (self.level <= 3)

    def namer(self, org: Org) -> Namer:
        """One ``Namer`` per org, shared by every rule of a run."""
        if "namer" not in self._cache:
            self._cache["namer"] = Namer(org)
        return self._cache["namer"]

    def nearest(self, name: str, mark: np.ndarray) -> np.ndarray:
        """Nearest strict ancestor with ``mark`` set, cached under ``name``."""
        if name not in self._cache:
            self._cache[name] = nearest_marked_ancestor(self.parent, mark)
        return self._cache[name]


def org_arrays(org: Org) -> OrgArrays:
    """Build the arrays from an org (classified or not: missing columns read as unknown)."""
    n = len(org.people)
    people = org.people
    if "level" in people.columns:
        level = people["level"].fillna(0).to_numpy().astype(np.int8)
    else:
        level = np.zeros(n, dtype=np.int8)
    function = np.full(n, FUNCTION_NAMES.index("unknown"), dtype=np.int8)
    if "function" in people.columns and n:
        codes, uniques = people["function"].factorize()
        lookup = np.array(
            [FUNCTION_NAMES.index(u) if u in FUNCTION_NAMES else 7 for u in uniques] + [8],
            dtype=np.int8,
        )
        function = lookup[codes]  # code -1 (missing) picks the trailing "unknown"
    depth = np.asarray(org.depth, dtype=np.int32)
    in_cycle = np.asarray(org.in_cycle, dtype=bool)
    return OrgArrays(
        n=n,
        parent=np.asarray(org.parent, dtype=np.int64),
        level=level,
        function=function,
        depth=depth,
        direct_reports=np.asarray(org.direct_reports),
        org_size=np.asarray(org.org_size),
        valid=(depth >= 0) & ~in_cycle,
    )


def nearest_marked_ancestor(parent: np.ndarray, mark: np.ndarray) -> np.ndarray:
    """For each person, the closest manager up the chain with ``mark`` set, else -1.

    Pointer jumping: an unresolved person points at an unmarked ancestor whose answer
    is theirs too; each round either copies that ancestor's answer or doubles the
    jump, so log2(n) vectorised rounds suffice. Chains caught in a cycle stay -1.
    """
    n = len(parent)
    result = np.full(n, -1, dtype=np.int64)
    ptr = parent.astype(np.int64, copy=True)
    has = ptr >= 0
    safe = np.where(has, ptr, 0)
    hit = has & mark[safe]
    result[hit] = ptr[hit]
    done = ~has | hit
    for _ in range(max(1, n.bit_length() + 1)):
        idx = np.flatnonzero(~done)
        if not len(idx):
            break
        up = ptr[idx]
        up_done = done[up]
        settled = idx[up_done]
        result[settled] = result[up[up_done]]
        moving = idx[~up_done]
        ptr[moving] = ptr[up[~up_done]]
        done[settled] = True
    return result


def groups(keys: np.ndarray, members: np.ndarray) -> dict[int, np.ndarray]:
    """``members`` (positions) grouped by ``keys[members]``, each group in position order."""
    if not len(members):
        return {}
    k = keys[members]
    order = np.argsort(k, kind="stable")
    k_sorted = k[order]
    m_sorted = members[order]
    cuts = np.flatnonzero(np.diff(k_sorted)) + 1
    starts = np.concatenate(([0], cuts))
    return {
        int(k_sorted[s]): part for s, part in zip(starts, np.split(m_sorted, cuts), strict=True)
    }


class Namer:
    """Ids and readable labels for the few people a finding names.

    Looks people up row by row while that is cheap; after ``EAGER_AFTER`` look-ups
    (a big org with many findings) it converts the columns it reads to arrays once.
    """

    EAGER_AFTER = 64

    def __init__(self, org: Org) -> None:
        self.people = org.people
        self.calls = 0
        self.columns: dict[str, np.ndarray] = {}

    def _col(self, column: str, positions: np.ndarray | list[int]) -> list[Any]:
        if column not in self.people.columns:
            return [""] * len(positions)
        self.calls += 1
        if column in self.columns or self.calls > self.EAGER_AFTER:
            if column not in self.columns:
                self.columns[column] = self.people[column].to_numpy(dtype=object)
            return self.columns[column][np.asarray(positions, dtype=np.int64)].tolist()
        return self.people[column].iloc[list(positions)].tolist()

    def _text(self, column: str, positions: np.ndarray | list[int]) -> list[str]:
        return [v.strip() if isinstance(v, str) else "" for v in self._col(column, positions)]

    def ids(self, positions: np.ndarray | list[int]) -> list[str]:
        return [str(v) for v in self._col("id", positions)]

    def labels(self, positions: np.ndarray | list[int]) -> list[str]:
        """``"VP of Product Dana Kim"`` (short titles) or ``"Dana Kim (long title)"``."""
        ids = self.ids(positions)
        names = self._text("name", positions)
        titles = self._text("title", positions)
        out = []
        for pid, name, title in zip(ids, names, titles, strict=True):
            who = name or f"person {pid}"
            if not title:
                out.append(who)
            elif len(title) <= 32 and not any(c in title for c in ",()/-|;"):
                out.append(f"{title} {who}")
            else:
                out.append(f"{who} ({title})")
        return out

    def label(self, position: int) -> str:
        return self.labels([position])[0]


def name_list(labels: list[str], total: int | None = None, most: int = 4) -> str:
    """``"A, B and C"``, or ``"A, B, C, D and 6 more"`` past ``most`` names."""
    total = len(labels) if total is None else total
    shown = labels[:most]
    rest = total - len(shown)
    if rest > 0:
        return ", ".join(shown) + f" and {rest:,} more"
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
