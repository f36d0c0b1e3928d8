"""Rules at scale: capped findings, and the whole rule set on 1,000,000 people."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from orgcheck.config import Config
from orgcheck.metrics import compute_metrics
from orgcheck.model import Org, Source
from orgcheck.rules import MAX_FINDINGS, run_rules
from orgcheck.tree import tree_metrics
from tests.rule_cases import build


def test_many_hits_are_capped_with_a_summary() -> None:
    lines = ["ceo: CEO", "  cpo: Chief Product Officer"]
    for i in range(MAX_FINDINGS + 7):
        lines += [f"    d{i}x: Director of Product", f"      s{i}x: Senior Product Manager"]
        lines.append(f"      p{i}x*13: Product Manager")
    findings = [f for f in run_rules(build("\n".join(lines))) if f.rule == "wide-span"]
    # The CPO (57 direct reports) comes first, then the Directors (14 each), then a summary.
    assert len(findings) == MAX_FINDINGS + 1
    assert findings[0].people == ("cpo",)
    assert findings[-1].message.startswith("8 more managers like this")
    assert len(findings[-1].people) == 8
    named = {f.people[0] for f in findings[:-1]} | set(findings[-1].people)
    assert len(named) == MAX_FINDINGS + 8


def synthetic_org(n: int, seed: int = 0) -> Org:
    """An 8-ary tree with random rungs and functions: many hits for every rule."""
    rng = np.random.default_rng(seed)
    parent = np.full(n, -1, dtype=np.int64)
    parent[1:] = (np.arange(1, n) - 1) // 8
    level = rng.choice(np.array([0, 0, 0, 1, 2, 2, 3, 4, 5, 6], dtype=np.int8), size=n)
    others = np.array(["engineering", "design", "executive", "other", "unknown"])
    function = np.where(level > 0, "product", others[rng.integers(0, 5, n)])
    ids = np.arange(n).astype(str)
    people = pd.DataFrame(
        {
            "id": pd.array(ids, dtype="str"),
            "name": pd.array(np.char.add("P", ids), dtype="str"),
            "title": pd.array(np.where(level > 0, "Product Manager", "Engineer"), dtype="str"),
            "department": pd.array(rng.choice(["A", "B", "C", ""], n), dtype="str"),
            "level": level,
            "function": pd.array(function, dtype="str"),
            "confidence": np.full(n, 0.9),
        }
    )
    tm = tree_metrics(parent)
    return Org(
        source=Source("synthetic", None, n, {}, "id"),
        people=people,
        parent=parent,
        depth=tm.depth,
        direct_reports=tm.direct_reports,
        org_size=tm.org_size,
        roots=tm.roots,
        in_cycle=np.zeros(n, dtype=bool),
    )


@pytest.mark.slow
def test_a_million_people_keep_findings_capped() -> None:
    """Timing belongs to benchmarks/run.py; this checks the output stays bounded."""
    org = synthetic_org(1_000_000)
    cfg = Config()
    metrics = compute_metrics(org, cfg)
    findings = run_rules(org, metrics, cfg)
    assert metrics.headcount == 1_000_000
    per_rule = {}
    for f in findings:
        per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
    # Each rule: its first hits, one summary, and (inverted-reporting) the same-rung note.
    assert max(per_rule.values()) <= MAX_FINDINGS + 2, per_rule
    assert all(len(f.people) <= 100 for f in findings)
