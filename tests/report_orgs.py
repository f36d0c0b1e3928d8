"""Orgs and Results made by hand for the report tests (no reader, classifier or rules).

The report must render whatever the pipeline hands it, so these tests build the
Result directly: a small org with known rungs and findings, a hostile one whose every
text cell is an injection attempt, and a synthetic org of any size made with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from orgcheck.analysis import Result
from orgcheck.model import LEVEL_NAMES, Finding, Org, Source
from orgcheck.tree import tree_metrics

#: The real-export fixtures (one org in the shape of each HR system's export).
EXPORTS = sorted(
    p
    for p in (Path(__file__).parent / "fixtures" / "exports").iterdir()
    if p.suffix not in (".md", ".json")
)

#: title -> (rung, function, confidence)
TITLES: dict[str, tuple[int, str, float]] = {
    "Chief Executive Officer": (0, "executive", 0.95),
    "Chief Product Officer": (6, "product", 0.95),
    "VP of Product": (5, "product", 0.95),
    "Director of Product": (4, "product", 0.95),
    "Senior Product Manager": (3, "product", 0.95),
    "Product Manager": (2, "product", 0.95),
    "Associate Product Manager": (1, "product", 0.95),
    "Product Owner": (2, "product", 0.5),
    "VP of Engineering": (0, "engineering", 0.9),
    "Software Engineer": (0, "engineering", 0.9),
    "Senior Software Engineer": (0, "engineering", 0.9),
    "Product Designer": (0, "design", 0.8),
    "Chief Vibes Officer": (0, "unknown", 0.0),
}

# (id, name, title, manager id, email)
SMALL = [
    ("1", "Maya Chen", "Chief Executive Officer", "", "maya@acme.example"),
    ("2", "Ravi Patel", "Chief Product Officer", "1", "ravi@acme.example"),
    ("3", "Lena Vogel", "VP of Product", "2", "lena@acme.example"),
    ("4", "Tom Okafor", "Director of Product", "3", "tom@acme.example"),
    ("5", "Ana Silva", "Senior Product Manager", "4", "ana@acme.example"),
    ("6", "Ben Adler", "Product Manager", "4", "ben@acme.example"),
    ("7", "Chloe Martin", "Associate Product Manager", "5", "chloe@acme.example"),
    ("8", "Dev Rao", "VP of Engineering", "1", "dev@acme.example"),
    ("9", "Eli Brooks", "Software Engineer", "8", "eli@acme.example"),
    ("10", "Fay Lund", "Senior Software Engineer", "8", "fay@acme.example"),
    ("11", "Gus Moreau", "Product Owner", "3", "gus@acme.example"),
    ("12", "Hana Ito", "Chief Vibes Officer", "1", "hana@acme.example"),
]

HOSTILE_STRINGS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '"',
    "{{ 7*7 }}",
    "</script><script>alert(2)</script>",
    "' onmouseover='alert(3)",
    "<svg onload=alert(4)>",
    "&lt;b&gt;entity&amp;",
    "`${alert(5)}`",
    "\u2028line\u2029sep",
]


@dataclass
class StubMetrics:
    """Stand-in for orgcheck.metrics.Metrics: the report only calls ``to_json()``."""

    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return self.data


def make_org(rows: list[tuple[str, str, str, str, str]], path: str = "acme.csv") -> Org:
    ids = [r[0] for r in rows]
    index = {pid: i for i, pid in enumerate(ids)}
    parent = np.array([index.get(r[3], -1) for r in rows], dtype=np.int64)
    tm = tree_metrics(parent)
    info = [TITLES.get(r[2], (0, "unknown", 0.0)) for r in rows]
    people = pd.DataFrame(
        {
            "id": ids,
            "row": np.arange(2, len(rows) + 2),
            "name": [r[1] for r in rows],
            "title": [r[2] for r in rows],
            "email": [r[4] for r in rows],
            "manager_ref": [r[3] for r in rows],
            "level": np.array([i[0] for i in info], dtype=np.int8),
            "function": [i[1] for i in info],
            "confidence": [i[2] for i in info],
        }
    )
    people["level_name"] = people["level"].map(LEVEL_NAMES)
    titles = (
        people.groupby("title", sort=True)
        .agg(count=("id", "size"), level=("level", "first"), function=("function", "first"))
        .reset_index()
    )
    titles["confidence"] = [TITLES.get(t, (0, "", 0.0))[2] for t in titles["title"]]
    titles["reason"] = np.where(titles["function"] == "unknown", "no rule matched", "alias")
    source = Source(
        path=f"/data/{path}",
        sheet=None,
        rows=len(rows),
        columns={"id": "Employee ID", "name": "Name", "title": "Job Title", "manager": "Mgr"},
        manager_key="id",
        notes=["encoding utf-8"],
    )
    return Org(
        source=source,
        people=people,
        parent=parent,
        depth=tm.depth,
        direct_reports=tm.direct_reports,
        org_size=tm.org_size,
        roots=tm.roots,
        in_cycle=np.zeros(len(rows), dtype=bool),
        skipped={"status says terminated": 2},
        titles=titles,
    )


def small_findings() -> list[Finding]:
    return [
        Finding(
            "missing-director-layer",
            "OC201",
            "warning",
            "Lena Vogel (VP of Product) leads Gus Moreau directly with no Director between.",
            ("3", "11"),
            "Put a Director of Product between Lena Vogel and the PMs.",
        ),
        Finding(
            "unmapped-title",
            "OC107",
            "info",
            "The title 'Chief Vibes Officer' (Hana Ito) matches no rung or function.",
            ("12",),
            "Map it with --title-map.",
        ),
        Finding(
            "unknown-manager",
            "OC101",
            "error",
            "Row 13 names manager 'Zed Unknown' <zed@acme.example>, who matches nobody.",
            (),
            "Fix the manager cell.",
            rows=(13,),
        ),
    ]


def make_result(rows=SMALL, findings=None, path: str = "acme.csv") -> Result:
    org = make_org(rows, path)
    metrics = StubMetrics(
        {
            "headcount": len(org),
            "product_headcount": int((org.people["level"] > 0).sum()),
            "layers": org.layers,
            "metrics": {"company_size": len(org), "company_size_reason": "the file holds all"},
        }
    )
    return Result(org, metrics, small_findings() if findings is None else findings, None)


def hostile_rows() -> list[tuple[str, str, str, str, str]]:
    """The small org with every name and most titles replaced by injection attempts."""
    rows = []
    for i, (pid, _name, title, mgr, _email) in enumerate(SMALL):
        bad = HOSTILE_STRINGS[i % len(HOSTILE_STRINGS)]
        rows.append((pid, f"{bad} N{pid}", bad if i % 2 else title, mgr, f"x{pid}@e.example"))
    return rows


def hostile_result() -> Result:
    rows = hostile_rows()
    findings = [
        Finding(
            "wide-span", "OC401", "warning", f"{rows[0][1]} has {HOSTILE_STRINGS[1]}", ("1", "2")
        ),
        Finding("unmapped-title", "OC107", "info", HOSTILE_STRINGS[4], ("3",), HOSTILE_STRINGS[0]),
    ]
    result = make_result(rows, findings, path="<img src=x onerror=alert(9)>.csv")
    result.org.source.notes.append(HOSTILE_STRINGS[0])
    result.org.source.columns["department"] = HOSTILE_STRINGS[1]
    result.org.skipped[HOSTILE_STRINGS[0]] = 1
    return result


FIRST = np.array(["Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gia", "Hal", "Ines", "Jon"])
LAST = np.array(["Ng", "Ortiz", "Park", "Quinn", "Rossi", "Sato", "Tran", "Ueda", "Vance", "Wu"])
SYN_TITLES = np.array(list(TITLES))


def synthetic_result(n: int, seed: int = 7, span: int = 7) -> Result:
    """A random tree of ``n`` people (about ``span`` reports per manager), made with numpy."""
    rng = np.random.default_rng(seed)
    idx = np.arange(n)
    parent = np.maximum(0, (idx - 1) // span + rng.integers(-3, 4, n))
    parent = np.minimum(parent, np.maximum(idx - 1, 0))
    parent[0] = -1
    tm = tree_metrics(parent)
    names = np.char.add(
        np.char.add(FIRST[rng.integers(0, 10, n)], " "),
        np.char.add(LAST[rng.integers(0, 10, n)], idx.astype(str)),
    )
    t = SYN_TITLES[np.minimum(rng.integers(0, len(SYN_TITLES), n), len(SYN_TITLES) - 1)]
    info = np.array([TITLES[x] for x in SYN_TITLES], dtype=object)
    code = pd.Index(SYN_TITLES).get_indexer(t)
    level = np.array([i[0] for i in info], dtype=np.int8)[code]
    people = pd.DataFrame(
        {
            "id": idx.astype(str),
            "row": idx + 2,
            "name": names.astype(object),
            "title": t.astype(object),
            "email": np.char.add(idx.astype(str), "@big.example").astype(object),
            "level": level,
            "function": np.array([i[1] for i in info], dtype=object)[code],
            "confidence": np.array([i[2] for i in info])[code],
        }
    )
    titles = people.groupby("title").agg(
        count=("id", "size"), level=("level", "first"), function=("function", "first")
    )
    titles = titles.reset_index()
    titles["confidence"] = 0.9
    titles["reason"] = "alias"
    source = Source(f"/data/big{n}.csv", None, n, {"id": "ID", "name": "Name"}, "id")
    org = Org(
        source,
        people,
        parent,
        tm.depth,
        tm.direct_reports,
        tm.org_size,
        tm.roots,
        np.zeros(n, dtype=bool),
        titles=titles,
    )
    wide = np.flatnonzero(tm.direct_reports > 12)
    findings = [
        Finding(
            "wide-span",
            "OC401",
            "warning",
            f"{names[p]} has {tm.direct_reports[p]} reports",
            (str(p),),
            "Split the team.",
        )
        for p in wide[:50]
    ]
    findings.append(
        Finding(
            "wide-span",
            "OC401",
            "warning",
            f"{len(wide)} more managers like this",
            tuple(str(p) for p in wide[50:150]),
            "Split the team.",
        )
    )
    metrics = StubMetrics({"headcount": n, "layers": org.layers})
    return Result(org, metrics, findings, None)
