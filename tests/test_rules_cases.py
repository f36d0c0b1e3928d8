"""Every rule against its data-driven cases (tests/rule_cases/cases.py)."""

from __future__ import annotations

import pytest

from orgcheck.rules import REGISTRY
from tests.rule_cases import Case, run_case
from tests.rule_cases.cases import CASES as BASE_CASES
from tests.rule_cases.qa_cases import QA_CASES

CASES = [*BASE_CASES, *QA_CASES]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}:{c.id}" for c in CASES])
def test_case(case: Case) -> None:
    findings = run_case(case)
    shown = "\n".join(f"{f.severity} {f.message} {f.people}" for f in findings)
    if not case.fires:
        assert findings == [], f"expected silence, got:\n{shown}"
        return
    assert findings, "expected a finding, got none"
    assert len(findings) == len(case.people), shown
    for finding, lead in zip(findings, case.people, strict=True):
        assert finding.people[: len(lead)] == lead, shown
        assert finding.message and finding.suggestion
    if case.severity:
        assert {f.severity for f in findings} == {case.severity}, shown
    if case.message:
        assert case.message in findings[0].message, shown
    if case.suggestion:
        assert case.suggestion in findings[0].suggestion, findings[0].suggestion
    for text in case.absent:
        for f in findings:
            assert text not in f.message and text not in f.suggestion, shown


def test_every_ladder_rule_has_a_firing_and_a_quiet_case() -> None:
    """The builder's data-quality rules are tested in test_rules_data_quality.py."""
    for rule in REGISTRY:
        if rule.from_builder:
            continue
        mine = [c for c in CASES if c.rule == rule.name]
        assert any(c.fires for c in mine), f"{rule.name} has no firing case"
        assert any(not c.fires for c in mine), f"{rule.name} has no quiet case"
