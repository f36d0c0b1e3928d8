"""The sample orgs raise the findings their stories (sample_data/README.md) imply."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgcheck

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"

STORIES = [
    ("startup_bamboohr.csv", "title-inflation", "Sofia"),
    ("startup_bamboohr.csv", "leader-without-team", "Daniel"),
    ("scaleup_workday.xlsx", "missing-director-layer", "Grace Rahman"),
    ("scaleup_workday.xlsx", "inverted-reporting", "Olga Williams"),
    ("scaleup_workday.xlsx", "product-reports-outside-product", "Dmitri Abe"),
    ("enterprise_successfactors.csv", "no-successor", "Wei Nielsen"),
    ("enterprise_successfactors.csv", "wide-span", "Abigail Kaur"),
    ("enterprise_successfactors.csv", "deep-hierarchy", "10 layers"),
]


@pytest.fixture(scope="module")
def results() -> dict:
    return {}


def analyse(name: str, cache: dict):
    if name not in cache:
        cache[name] = orgcheck.analyze(SAMPLES / name)
    return cache[name]


@pytest.mark.parametrize(("sample", "rule", "text"), STORIES)
def test_story_finding(results: dict, sample: str, rule: str, text: str) -> None:
    findings = analyse(sample, results).findings
    mine = [f.message for f in findings if f.rule == rule]
    assert any(text in m for m in mine), f"{rule} in {sample}: {mine}"


@pytest.mark.parametrize(
    "sample", ["startup_bamboohr.csv", "scaleup_workday.xlsx", "enterprise_successfactors.csv"]
)
def test_no_data_quality_findings_where_the_story_says_none(results: dict, sample: str) -> None:
    findings = analyse(sample, results).findings
    assert not [f.message for f in findings if f.code < "OC107"]  # OC107: unmapped titles


def test_enterprise_scale_is_judged_as_large(results: dict) -> None:
    metrics = analyse("enterprise_successfactors.csv", results).metrics
    assert not metrics.is_startup
    assert metrics.company_size > 2500
