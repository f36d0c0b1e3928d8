"""Metrics: counts, span bands, ratios, company size and the JSON summary shape."""

from __future__ import annotations

import json

import numpy as np

from orgcheck.config import Config
from orgcheck.metrics import SPAN_BANDS, compute_metrics, span_bands
from tests.rule_cases import build

ORG = """
ceo: CEO
  vp: VP of Product
    dir: Director of Product
      spm: Senior Product Manager @ Payments
      pmp*2: Product Manager @ Payments
      apm: Associate Product Manager @ Growth
  cto: CTO
    em: Engineering Manager @ Payments
      engp*9: Software Engineer @ Payments
    eng*3: Software Engineer @ Infra
  des: Product Designer
"""


def test_counts() -> None:
    m = compute_metrics(build(ORG), Config())
    assert m.headcount == 22
    assert m.product_headcount == 6
    assert m.levels == {"1": 1, "2": 2, "3": 1, "4": 1, "5": 1, "6": 0}
    assert m.functions == {"product": 6, "engineering": 13, "design": 1, "executive": 2}
    assert m.layers == 4
    assert m.managers == 5  # ceo, vp, dir, cto, em
    assert (m.pms, m.engineers) == (4, 12)  # engineers who manage nobody
    assert m.engineers_per_pm == 3.0
    assert m.leaders == 2
    assert m.leader_share == round(2 / 6, 4)


def test_departments_need_both_pms_and_engineers() -> None:
    m = compute_metrics(build(ORG), Config())
    # Growth has only an APM, Infra only engineers: neither is a staffed team.
    assert m.departments == {"Payments": {"pms": 3, "engineers": 9, "engineers_per_pm": 3.0}}


def test_span_bands_count_and_share() -> None:
    spans = np.array([0, 1, 2, 3, 5, 8, 12, 13, 16, 17, 40, 0])
    bands = span_bands(spans)
    assert [b[0] for b in SPAN_BANDS] == list(bands)
    assert {k: v["count"] for k, v in bands.items()} == {
        "1": 1,
        "2-3": 2,
        "4-7": 1,
        "8-12": 2,
        "13-16": 2,
        "17+": 2,
    }
    assert bands["17+"]["share"] == 0.2
    assert sum(v["count"] for v in bands.values()) == 10


def test_company_size_from_file_or_override() -> None:
    org = build(ORG)
    m = compute_metrics(org, Config())
    assert m.company_size == 22
    assert m.company_size_reason == "the file holds 22 people; no company size was given"
    assert m.is_startup
    big = compute_metrics(org, Config().with_overrides(company_size=700))
    assert (big.company_size, big.is_startup) == (700, False)
    assert (
        big.company_size_reason == "company size 700 from --company-size (the file holds 22 people)"
    )
    small = compute_metrics(org, Config().with_overrides(company_size=5))
    assert small.company_size == 22  # the file cannot hold more people than the company
    assert small.company_size_reason == (
        "company size 5 from --company-size is smaller than the 22 people in the file; using 22"
    )


def test_startup_threshold_is_configurable() -> None:
    from orgcheck.config import config_from_dict

    m = compute_metrics(build(ORG), config_from_dict({"startup_headcount": 20}))
    assert not m.is_startup


def test_json_summary_shape() -> None:
    data = compute_metrics(build(ORG), Config()).to_json()
    assert list(data) == [
        "headcount",
        "product_headcount",
        "layers",
        "levels",
        "functions",
        "metrics",
    ]
    assert set(data["levels"]) == {"1", "2", "3", "4", "5", "6"}
    extra = data["metrics"]
    assert extra["span_bands"]["1"] == {"count": 1, "share": 0.2}  # the VP
    assert extra["company_size"] == 22
    json.dumps(data)  # plain JSON types only


def test_empty_org() -> None:
    m = compute_metrics(build("ceo: CEO"), None)
    assert (m.headcount, m.managers, m.median_span, m.leader_share) == (1, 0, None, None)
    assert m.engineers_per_pm is None
