"""Key figures about the org's shape, for the report, the JSON summary and the rules.

Spans are reported as the share of managers in each band (the bands org-design
practice uses: 1, 2-3, 4-7, 8-12, 13-16, 17+) rather than as an average, which hides
both the one-over-one managers and the overloaded ones. Everything is computed on
arrays, in time linear in headcount.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from orgcheck.rules._arrays import FUNCTION_NAMES, OrgArrays, org_arrays

#: (label, lowest span, highest span) per band; None means no upper bound.
SPAN_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("1", 1, 1),
    ("2-3", 2, 3),
    ("4-7", 4, 7),
    ("8-12", 8, 12),
    ("13-16", 13, 16),
    ("17+", 17, None),
)


@dataclass
class Metrics:
    headcount: int
    product_headcount: int
    layers: int
    levels: dict[str, int]
    functions: dict[str, int]
    managers: int
    span_bands: dict[str, dict[str, float]]
    median_span: float | None
    leaders: int  # product people at Director or above
    leader_share: float | None  # of product people on the ladder
    pms: int  # rungs 1-3
    engineers: int  # engineering individual contributors (no direct reports)
    engineers_per_pm: float | None
    departments: dict[str, dict[str, Any]]  # department -> pms, engineers, engineers_per_pm
    company_size: int
    company_size_reason: str
    startup_headcount: int
    is_startup: bool
    arrays: OrgArrays = field(repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """SPEC §5 ``summary`` fields (the lead adds ``findings``) plus ``metrics``."""
        return {
            "headcount": self.headcount,
            "product_headcount": self.product_headcount,
            "layers": self.layers,
            "levels": dict(self.levels),
            "functions": dict(self.functions),
            "metrics": {
                "managers": self.managers,
                "span_bands": {k: dict(v) for k, v in self.span_bands.items()},
                "median_span": self.median_span,
                "leaders": self.leaders,
                "leader_share": self.leader_share,
                "pms": self.pms,
                "engineers": self.engineers,
                "engineers_per_pm": self.engineers_per_pm,
                "departments": {k: dict(v) for k, v in self.departments.items()},
                "company_size": self.company_size,
                "company_size_reason": self.company_size_reason,
                "startup_headcount": self.startup_headcount,
                "is_startup": self.is_startup,
            },
        }


def compute_metrics(org: Any, cfg: Any = None) -> Metrics:
    """Figures for ``org`` (classified by ``orgcheck.titles.classify_org``) under ``cfg``."""
    a = org_arrays(org)
    product = a.is_product
    on_ladder = a.level > 0
    junior = a.is_junior
    # Engineers who build: engineering people who manage nobody. Ratio norms count
    # engineers per PM, and managers of engineers are not the capacity a PM steers.
    engineers = a.is_function("engineering") & (a.direct_reports == 0)
    size, reason = company_size(a.n, cfg)
    startup_headcount = int(getattr(cfg, "startup_headcount", 50) or 50)
    leaders = int((a.level >= 4).sum())
    ladder_total = int(on_ladder.sum())
    pms = int(junior.sum())
    eng = int(engineers.sum())
    return Metrics(
        headcount=a.n,
        product_headcount=int(product.sum()),
        layers=_layers(a),
        levels={
            str(r): int(n) for r, n in enumerate(np.bincount(a.level.clip(0, 6), minlength=7)) if r
        },
        functions=_functions(a),
        managers=int((a.direct_reports > 0).sum()),
        span_bands=span_bands(a.direct_reports),
        median_span=_median_span(a.direct_reports),
        leaders=leaders,
        leader_share=round(leaders / ladder_total, 4) if ladder_total else None,
        pms=pms,
        engineers=eng,
        engineers_per_pm=round(eng / pms, 2) if pms and eng else None,
        departments=_departments(org, junior, engineers),
        company_size=size,
        company_size_reason=reason,
        startup_headcount=startup_headcount,
        is_startup=size <= startup_headcount,
        arrays=a,
    )


def company_size(headcount: int, cfg: Any) -> tuple[int, str]:
    """The company headcount to judge by, and the reason, in words for the report."""
    given = getattr(cfg, "company_size", None)
    source = getattr(cfg, "company_size_source", None) or "configuration"
    in_file = f"the file holds {headcount:,} people"
    if given is None:
        return headcount, f"{in_file}; no company size was given"
    if given < headcount:
        # A company cannot be smaller than the people listed: trust the file, and say
        # so, rather than switch on startup judgement for a large org by mistake.
        return headcount, (
            f"company size {given:,} from {source} is smaller than the {headcount:,} people "
            f"in the file; using {headcount:,}"
        )
    return int(given), f"company size {given:,} from {source} ({in_file})"


def span_bands(direct_reports: np.ndarray) -> dict[str, dict[str, float]]:
    spans = direct_reports[direct_reports > 0]
    total = len(spans)
    out = {}
    for label, low, high in SPAN_BANDS:
        inside = spans >= low if high is None else (spans >= low) & (spans <= high)
        count = int(inside.sum())
        out[label] = {"count": count, "share": round(count / total, 4) if total else 0.0}
    return out


def _median_span(direct_reports: np.ndarray) -> float | None:
    spans = direct_reports[direct_reports > 0]
    return float(np.median(spans)) if len(spans) else None


def _layers(a: OrgArrays) -> int:
    depth = a.depth[a.depth >= 0]
    return int(depth.max()) + 1 if len(depth) else 0


def _functions(a: OrgArrays) -> dict[str, int]:
    counts = np.bincount(a.function, minlength=len(FUNCTION_NAMES))
    return {name: int(c) for name, c in zip(FUNCTION_NAMES, counts, strict=True) if c}


def _departments(org: Any, pms: np.ndarray, engineers: np.ndarray) -> dict[str, dict[str, Any]]:
    """PMs and engineers per department, for departments holding at least one of each.

    A department with only PMs or only engineers is a functional unit ("Product",
    "Engineering"): a ratio there says nothing about how teams are staffed.
    """
    if "department" not in org.people.columns:
        return {}
    either = np.flatnonzero(pms | engineers)
    if not len(either):
        return {}
    dept = org.people["department"].iloc[either]
    codes, names = dept.factorize()
    keep = codes >= 0
    codes = codes[keep]
    is_pm = pms[either][keep]
    pm_counts = np.bincount(codes[is_pm], minlength=len(names))
    eng_counts = np.bincount(codes[~is_pm], minlength=len(names))
    out = {}
    for i in np.flatnonzero((pm_counts > 0) & (eng_counts > 0)):
        name = str(names[i]).strip()
        if not name:
            continue
        p, e = int(pm_counts[i]), int(eng_counts[i])
        out[name] = {"pms": p, "engineers": e, "engineers_per_pm": round(e / p, 2)}
    return dict(sorted(out.items()))
