"""The page's packed tree columns and the fast lookups behind the report structure.

Each fast path is checked against the simple version it replaced: packed columns
against the arrays, the top-of-tree children against a full sort, finding positions
against a hash table of every id.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from orgcheck.model import Finding
from orgcheck.report import structure, treedata
from orgcheck.report.treedata import DIGITS, names_text, pack, unpack


@pytest.mark.parametrize(
    "values",
    [
        [],
        [0],
        [-1],
        [5, 5, 5],
        [-1, 0, 1, 2, 63, 64, 4095, 4096, 2**24, 2**31 - 1],
        [0] * 500 + [7, 0, 3] + [0] * 500,  # mostly zero: sparse
        [0] * 10,
        list(range(-3, 300)),
    ],
)
def test_pack_round_trips(values):
    packed = pack(np.array(values, dtype=np.int64))
    assert unpack(packed).tolist() == values
    assert set(packed["d"]) <= set(DIGITS)


def test_mostly_zero_columns_send_their_non_zero_values_only():
    values = np.zeros(10_000, dtype=np.int64)
    values[[3, 500, 9999]] = [1, 2, 4]
    packed = pack(values)
    assert packed["n"] == 10_000 and len(packed["d"]) == 3
    assert len(pack(np.arange(10_000))["d"]) == 10_000 * 3  # dense: 3 digits a value


def test_names_are_cut_at_a_separator_none_of_them_holds():
    assert names_text(np.array(["Ann", "Bo"], dtype=object)) == {"n": "Ann|Bo", "ns": "|"}
    taken = np.array(["A|nn", "B\tob", "C\x1fy", "D\ue000i"], dtype=object)
    assert names_text(taken[:1]) == {"n": "A|nn", "ns": "\t"}  # the page would cut it
    assert names_text(taken[:2])["ns"] == "\x1f"
    assert names_text(taken) == {"n": list(taken), "ns": None}
    assert names_text(np.array([], dtype=object)) == {"n": "", "ns": "|"}


def _full_children(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(parent)
    has = parent >= 0
    kids = np.flatnonzero(has)[np.argsort(parent[has], kind="stable")]
    start = np.zeros(n + 1, dtype=np.int64)
    start[1:] = np.cumsum(np.bincount(parent[has], minlength=n))
    return kids, start


@pytest.mark.parametrize("seed", range(5))
def test_top_children_match_a_full_sort(seed):
    rng = np.random.default_rng(seed)
    n = 400
    parent = np.where(rng.random(n) < 0.05, -1, rng.integers(0, n, n))
    parent = np.where(parent >= np.arange(n), -1, parent)  # a forest: managers come first
    kids, start = treedata._children(parent, 2)
    full_kids, full_start = _full_children(parent)
    depth = np.zeros(n, dtype=np.int64)
    for i in range(n):
        depth[i] = 0 if parent[i] < 0 else depth[parent[i]] + 1
    for p in np.flatnonzero(depth < 2):
        assert kids[start[p] : start[p + 1]].tolist() == (
            full_kids[full_start[p] : full_start[p + 1]].tolist()
        )


def _positions_by_full_index(people: pd.DataFrame, findings: list[Finding]) -> list[list[int]]:
    ids = people["id"].astype(str)
    first = ~ids.duplicated().to_numpy()
    index = pd.Index(ids.to_numpy()[first])
    where = np.flatnonzero(first)
    out = []
    for f in findings:
        found = index.get_indexer([str(p) for p in f.people]) if f.people else np.empty(0, int)
        out.append(where[found[found >= 0]].tolist())
    return out


@pytest.mark.parametrize("ids", [["a", "b", "a", "c", "d"], [10, 11, 10, 12, 13]])
def test_finding_positions_match_a_full_index(ids):
    people = pd.DataFrame({"id": pd.Series(ids, dtype=object)})
    findings = [
        Finding("r", "OC1", "info", "m", tuple(str(i) for i in (ids[2], "zz", ids[4], ids[0]))),
        Finding("r", "OC2", "info", "m", ()),
        Finding("r", "OC3", "info", "m", (str(ids[3]),)),
    ]
    got = [p.tolist() for p in structure._positions(people, findings)]
    assert got == _positions_by_full_index(people, findings)
    assert got[0] == [0, 4, 0]
