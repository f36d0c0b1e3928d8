"""Orgs for rule tests, written as indented outlines instead of tables.

One line per person: ``id: Title`` with optional ``= Name``, ``@ Department`` and
``^ MANAGER`` (a manager cell written as is, e.g. an id that matches nobody);
indentation gives the manager otherwise (the nearest line above with less
indentation).
``pm*3: Product Manager`` makes pm1, pm2, pm3. Example::

    ceo: CEO = Pat Lee
      vp: VP of Product = Dana Kim
        pm*6: Product Manager @ Payments

Orgs are built by the real builder and classified by the real title classifier, so
a case tests the rule as it runs on a user's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from orgcheck.build import org_from_records
from orgcheck.model import Finding, Org
from orgcheck.titles import Classifier, classify_org

LINE = re.compile(
    r"^(?P<indent> *)(?P<id>[\w.-]+)(?:\*(?P<times>\d+))?:\s*(?P<title>[^=@^]*?)"
    r"\s*(?:=\s*(?P<name>[^@^]+?))?\s*(?:@\s*(?P<dept>[^^]+?))?"
    r"\s*(?:\^\s*(?P<manager>\S*))?\s*$"
)


def records(outline: str) -> list[dict[str, str]]:
    """The records (id, name, title, manager, department) an outline describes."""
    out: list[dict[str, str]] = []
    stack: list[tuple[int, str]] = []  # (indent, id) of the open ancestors
    for raw in outline.splitlines():
        if not raw.strip() or raw.strip().startswith("#"):
            continue
        m = LINE.match(raw.rstrip())
        if m is None:
            raise ValueError(f"bad outline line: {raw!r}")
        indent = len(m["indent"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        manager = stack[-1][1] if stack else ""
        if m["manager"] is not None:
            manager = m["manager"]
        times = int(m["times"]) if m["times"] else None
        ids = [f"{m['id']}{i}" for i in range(1, times + 1)] if times else [m["id"]]
        for pid in ids:
            out.append(
                {
                    "id": pid,
                    "name": m["name"] or f"Person {pid}",
                    "title": m["title"],
                    "manager": manager,
                    "department": m["dept"] or "",
                }
            )
        stack.append((indent, ids[-1]))
    return out


def build(outline: str) -> Org:
    """A classified org from an outline."""
    org = org_from_records(records(outline))
    classify_org(org, Classifier())
    return org


@dataclass
class Case:
    """One org and what one rule should say about it.

    ``people``: ids the rule's findings must name, first finding first (each inner
    tuple is one finding's leading ids). Empty with ``fires=False`` means silence.
    """

    id: str
    rule: str
    outline: str
    fires: bool
    people: tuple[tuple[str, ...], ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    company_size: int | None = None
    severity: str | None = None  # expected severity of every finding, when given
    message: str | None = None  # text the first message must contain
    suggestion: str | None = None  # text the first suggestion must contain
    absent: tuple[str, ...] = ()  # text no message or suggestion may contain


def run_case(case: Case) -> list[Finding]:
    """Run every rule on the case's org (so deferral between rules is exercised)."""
    from orgcheck.config import Config
    from orgcheck.metrics import compute_metrics
    from orgcheck.rules import run_rules

    cfg = Config(
        rules={case.rule: dict(case.options)} if case.options else {},
        company_size=case.company_size,
        company_size_source="--company-size" if case.company_size else None,
    )
    org = build(case.outline)
    metrics = compute_metrics(org, cfg)
    return [f for f in run_rules(org, metrics, cfg) if f.rule == case.rule]
