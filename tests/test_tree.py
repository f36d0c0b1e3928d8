"""The tree as built: depth, span, org size and tops, checked against a plain walk, and
the sizes that must stay fast (a 1,000,000-deep chain, a 1,000,000-person org)."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from orgcheck.build import build_org, org_from_records
from orgcheck.model import RawTable


def walk_metrics(parent: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Depth, direct reports and org size by walking up from every person (slow, obvious)."""
    n = len(parent)
    depth, reports, size = [0] * n, [0] * n, [0] * n
    for i in range(n):
        p = parent[i]
        if p >= 0:
            reports[p] += 1
        while p >= 0:
            depth[i] += 1
            size[p] += 1
            p = parent[p]
    return depth, reports, size


def records_from_parents(parents: list[int]) -> list[dict[str, str]]:
    return [
        {
            "id": str(i + 1),
            "name": f"P{i + 1}",
            "title": "PM",
            "manager": str(p + 1) if p >= 0 else "",
        }
        for i, p in enumerate(parents)
    ]


@pytest.mark.parametrize("seed", range(5))
def test_metrics_match_a_plain_walk(seed):
    rng = np.random.default_rng(seed)
    n = 200
    parents = [-1] + [int(rng.integers(0, i)) for i in range(1, n)]
    for extra_top in rng.choice(n, 5, replace=False):
        parents[int(extra_top)] = -1
    org = org_from_records(records_from_parents(parents))
    depth, reports, size = walk_metrics(parents)
    assert org.parent.tolist() == parents
    assert org.depth.tolist() == depth
    assert org.direct_reports.tolist() == reports
    assert org.org_size.tolist() == size
    assert org.roots.tolist() == [i for i, p in enumerate(parents) if p < 0]


def test_people_under_a_cycle_hang_from_the_cut():
    # 1 -> 2 -> 3 -> 1 is a cycle; 4 and 5 report into it from below
    parents = [2, 0, 1, 2, 3]
    org = org_from_records(records_from_parents(parents))
    assert org.in_cycle.tolist() == [True, True, True, False, False]
    assert org.parent.tolist() == [-1, 0, 1, 2, 3]
    assert org.depth.tolist() == [0, 1, 2, 3, 4]
    assert org.org_size.tolist() == [4, 3, 2, 1, 0]
    cycles = [f for f in org.data_findings if f.rule == "reporting-cycle"]
    assert len(cycles) == 1
    assert set(cycles[0].people) == {"1", "2", "3"}


def test_two_cycles_two_findings():
    parents = [1, 0, 3, 2, -1]
    org = org_from_records(records_from_parents(parents))
    cycles = [f for f in org.data_findings if f.rule == "reporting-cycle"]
    assert [set(f.people) for f in cycles] == [{"1", "2"}, {"3", "4"}]
    assert org.parent.tolist() == [-1, 0, -1, 2, -1]


def _raw(df: pd.DataFrame) -> RawTable:
    return RawTable("<big>", None, list(df.columns), df, np.arange(2, len(df) + 2))


COLUMNS = {"id": "id", "name": "name", "title": "title", "manager": "manager"}


@pytest.mark.slow
def test_million_deep_chain_builds_quickly():
    n = 1_000_000
    ids = np.arange(1, n + 1)
    df = pd.DataFrame(
        {
            "id": ids.astype(str),
            "name": np.char.add("P", ids.astype(str)),
            "title": "Product Manager",
            "manager": np.where(ids > 1, (ids - 1).astype(str), ""),
        }
    )
    start = time.process_time()
    org = build_org(_raw(df), COLUMNS)
    spent = time.process_time() - start
    assert org.layers == n
    assert org.org_size[0] == n - 1
    assert org.depth[-1] == n - 1
    assert org.data_findings == []
    assert spent < 15, f"{spent:.1f}s of CPU for a 1,000,000-deep chain"


@pytest.mark.slow
def test_million_person_org_with_float_ids_builds_quickly():
    n = 1_000_000
    rng = np.random.default_rng(7)
    ids = np.arange(1, n + 1)
    managers = np.concatenate([[0], (rng.random(n - 1) * np.arange(1, n)).astype(np.int64) + 1])
    df = pd.DataFrame(
        {
            "id": np.char.add(ids.astype(str), ".0"),
            "name": np.char.add("Person ", ids.astype(str)),
            "title": rng.choice(["Product Manager", "Software Engineer", "Director"], n),
            "manager": np.where(managers > 0, managers.astype(str), "NO_MANAGER"),
        }
    )
    start = time.process_time()
    org = build_org(_raw(df), COLUMNS)
    spent = time.process_time() - start
    assert len(org) == n
    assert org.roots.tolist() == [0]
    assert org.org_size[0] == n - 1
    assert org.data_findings == []
    assert spent < 15, f"{spent:.1f}s of CPU for 1,000,000 people"


@pytest.mark.parametrize("seed", range(6))
def test_cycles_and_depths_is_both_passes_in_one(seed):
    from orgcheck.tree import cycle_members, cycles_and_depths, depths

    rng = np.random.default_rng(seed)
    n = 300
    parent = np.array([-1] + [int(rng.integers(0, i)) for i in range(1, n)], dtype=np.int64)
    for i in rng.choice(n, seed, replace=False):  # seed 0: a forest; later seeds: cycles
        parent[int(i)] = int(rng.integers(0, n))
    on_cycle, cycle_id, depth = cycles_and_depths(parent)
    expected = cycle_members(parent)
    assert on_cycle.tolist() == expected[0].tolist()
    assert cycle_id.tolist() == expected[1].tolist()
    assert depth.tolist() == depths(parent).tolist()
