"""Tree metrics over a parent array, without recursion and without per-person loops.

A reporting chain can be 1,000,000 people deep (a valid, if odd, file), so nothing
here walks the tree node by node on the normal path: depth comes from pointer
jumping (log2(n) vectorised rounds), subtree sizes from one vectorised pass per
layer. Only pathologically deep trees fall back to one linear pass in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Above this many layers a per-layer numpy pass costs more than one Python pass.
_LAYER_LOOP_LIMIT = 256


@dataclass
class TreeMetrics:
    depth: np.ndarray  # int32, 0 at a top
    direct_reports: np.ndarray  # int32
    org_size: np.ndarray  # int64, people beneath, not counting the person
    roots: np.ndarray  # int64 positions with no manager


def _rounds(n: int) -> int:
    return max(1, int(n).bit_length() + 1)


def cycle_members(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """People on a reporting cycle, and for each the smallest position on their cycle.

    After k rounds of pointer jumping an unresolved person points 2**k steps up; once
    2**k >= n that lands on a cycle, and every cycle member is reached from somebody
    on its own cycle. Returns ``(on_cycle, cycle_id)`` with ``cycle_id`` -1 off cycles.
    """
    n = len(parent)
    nxt = parent.astype(np.int64, copy=True)
    lowest = np.arange(n, dtype=np.int64)
    alive = nxt >= 0
    for _ in range(_rounds(n)):
        idx = np.flatnonzero(alive)
        if not len(idx):
            break
        hop = nxt[idx]
        lowest[idx] = np.minimum(lowest[idx], lowest[hop])
        nxt[idx] = nxt[hop]
        alive[idx] = nxt[idx] >= 0
    on_cycle = np.zeros(n, dtype=bool)
    stuck = np.flatnonzero(alive)
    if len(stuck):
        on_cycle[np.unique(nxt[stuck])] = True
    cycle_id = np.where(on_cycle, lowest, -1)
    return on_cycle, cycle_id


def cycles_and_depths(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``cycle_members`` and ``depths`` at once: cycles are looked for only when some
    chain never ends, which ``depths`` shows with -1 (a real org has no cycle)."""
    depth = depths(parent)
    if (depth < 0).any():
        return *cycle_members(parent), depth
    n = len(parent)
    return np.zeros(n, dtype=bool), np.full(n, -1, dtype=np.int64), depth


def depths(parent: np.ndarray) -> np.ndarray:
    """Steps from each person up to their top; -1 where the chain never ends (a cycle)."""
    n = len(parent)
    nxt = parent.astype(np.int64, copy=True)
    dist = (nxt >= 0).astype(np.int64)
    alive = nxt >= 0
    for _ in range(_rounds(n)):
        idx = np.flatnonzero(alive)
        if not len(idx):
            break
        hop = nxt[idx]
        dist[idx] += dist[hop]
        nxt[idx] = nxt[hop]
        alive[idx] = nxt[idx] >= 0
    dist[alive] = -1
    return dist.astype(np.int32)


def subtree_sizes(parent: np.ndarray, depth: np.ndarray) -> np.ndarray:
    """Everyone beneath each person, adding children into parents from the deepest layer up."""
    n = len(parent)
    size = np.ones(n, dtype=np.int64)
    valid = depth >= 0
    max_depth = int(depth[valid].max()) if valid.any() else 0
    if max_depth < np.iinfo(np.int16).max:  # a radix sort: ten times quicker than int32
        order = np.argsort(-depth.astype(np.int16), kind="stable")
    else:
        order = np.argsort(-depth, kind="stable")
    order = order[depth[order] > 0]
    if max_depth > _LAYER_LOOP_LIMIT:
        par = parent.tolist()
        sz = size.tolist()
        for i in order.tolist():
            sz[par[i]] += sz[i]
        size = np.asarray(sz, dtype=np.int64)
    else:
        layer_depths = depth[order]
        bounds = np.flatnonzero(np.diff(layer_depths)) + 1
        for chunk in np.split(order, bounds):
            if len(chunk):
                np.add.at(size, parent[chunk], size[chunk])
    return size - 1


def tree_metrics(parent: np.ndarray, depth: np.ndarray | None = None) -> TreeMetrics:
    """Depth, span and org size for a forest (cut cycles before calling); ``depth`` is
    ``depths(parent)`` when the caller has it already."""
    parent = np.asarray(parent, dtype=np.int64)
    if depth is None:
        depth = depths(parent)
    reports = np.bincount(parent[parent >= 0], minlength=len(parent)).astype(np.int32)
    return TreeMetrics(
        depth=depth,
        direct_reports=reports,
        org_size=subtree_sizes(parent, depth),
        roots=np.flatnonzero(parent < 0),
    )
