"""Builder-found data problems come out of run_rules with the registry's code and
severity, obey select/ignore, and a clean file raises none of them."""

from __future__ import annotations

import pytest

from orgcheck.build import org_from_records
from orgcheck.config import Config, config_from_dict
from orgcheck.rules import run_rules
from orgcheck.titles import Classifier, classify_org


def org_of(rows: list[tuple[str, str, str, str]]):
    records = [{"id": i, "name": n, "title": t, "manager": m} for i, n, t, m in rows]
    org = org_from_records(records)
    classify_org(org, Classifier())
    return org


CLEAN = [
    ("1", "Maya Chen", "CEO", ""),
    ("2", "Ravi Patel", "Director of Product", "1"),
    ("3", "Ana Silva", "Senior Product Manager", "2"),
    ("4", "Ben Adler", "Product Manager", "2"),
]

BROKEN = {
    "unknown-manager": [*CLEAN, ("5", "Cy Dorn", "Product Manager", "99")],
    "reporting-cycle": [
        *CLEAN,
        ("5", "Cy Dorn", "Product Manager", "6"),
        ("6", "Di Eng", "Product Manager", "5"),
    ],
    "duplicate-person": [*CLEAN, ("4", "Ben Adler", "Product Manager", "2")],
    "missing-title": [*CLEAN, ("5", "Cy Dorn", "", "2")],
    "multiple-roots": [
        *CLEAN,
        ("5", "Cy Dorn", "Chief Financial Officer", ""),
        ("6", "Di Eng", "Accountant", "5"),
    ],
}
CODES = {
    "unknown-manager": ("OC101", "warning"),
    "reporting-cycle": ("OC103", "error"),
    "duplicate-person": ("OC104", "warning"),
    "missing-title": ("OC106", "warning"),
    "multiple-roots": ("OC105", "warning"),
}


def test_clean_file_has_no_data_findings() -> None:
    findings = run_rules(org_of(CLEAN), None, Config())
    assert not [f for f in findings if f.code.startswith("OC1")]


@pytest.mark.parametrize("rule", list(BROKEN))
def test_builder_finding_is_stamped_and_selectable(rule: str) -> None:
    org = org_of(BROKEN[rule])
    mine = [f for f in run_rules(org, None, Config()) if f.rule == rule]
    assert mine, f"{rule} not reported"
    assert {(f.code, f.severity) for f in mine} == {CODES[rule]}
    assert all(f.message and f.people for f in mine)
    ignored = run_rules(org, None, config_from_dict({"ignore": [rule]}))
    assert not [f for f in ignored if f.rule == rule]
    only = run_rules(org, None, config_from_dict({"select": ["OC1"]}))
    assert only and all(f.code.startswith("OC1") for f in only)
