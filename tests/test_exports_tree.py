"""End to end on the reader's export fixtures: every shape of the same 15-person org
(tests/fixtures/exports, see its README) reads to the same people and the same tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgcheck.build import build_org
from orgcheck.columns import detect_columns
from orgcheck.names import name_key
from orgcheck.read import read_table

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
EXPECTED = json.loads((EXPORTS / "expected.json").read_text(encoding="utf-8"))
ACTIVE = {str(a[0]): a for a in EXPECTED["org"]["active"]}
#: name key -> name key of the solid-line manager (None at the top)
TREE = {
    name_key(a[1]): (name_key(ACTIVE[str(a[3])][1]) if a[3] else None)
    for a in EXPECTED["org"]["active"]
}


def build(file: str):
    raw = read_table(EXPORTS / file)
    return build_org(raw, detect_columns(raw))


@pytest.mark.parametrize("file", sorted(EXPECTED["files"]))
def test_export_reads_to_the_same_org(file):
    want = EXPECTED["files"][file]
    org = build(file)
    assert len(org) == want["headcount"]
    assert len(org) + sum(org.skipped.values()) == want["rows"]
    assert org.source.manager_key == want["manager_key"]
    names = [name_key(n) for n in org.people["name"]]
    assert set(names) == set(TREE)
    rules = [f.rule for f in org.data_findings]
    assert rules == [], [f.message for f in org.data_findings]
    if want["manager_key"] is None:
        assert (org.parent == -1).all()
        return
    got = {names[i]: (names[p] if p >= 0 else None) for i, p in enumerate(org.parent.tolist())}
    assert got == TREE
    assert org.layers == 5
    assert org.org_size[org.roots[0]] == 14


@pytest.mark.parametrize("file", ["successfactors.csv"])
def test_matrix_manager_becomes_a_dotted_line(file):
    org = build(file)
    names = [name_key(n) for n in org.people["name"]]
    dotted = {names[i]: names[p] for i, p in enumerate(org.dotted_parent.tolist()) if p >= 0}
    want = {
        name_key(ACTIVE[person][1]): name_key(ACTIVE[str(boss)][1])
        for person, boss in EXPECTED["org"]["dotted"].items()
    }
    assert dotted == want


def test_hrdataset_picks_manager_name_over_manager_id():
    org = build("hrdataset.csv")
    assert org.source.columns["manager"] == "ManagerName"
    assert org.source.manager_key == "name"
    assert any(
        n.startswith("manager column 'ManagerName' matched by name") for n in org.source.notes
    )


def test_hrdataset_forced_to_manager_id_explains_and_does_not_crash():
    raw = read_table(EXPORTS / "hrdataset.csv")
    org = build_org(
        raw, detect_columns(raw, {"manager": "ManagerID"}), overrides={"manager": "ManagerID"}
    )
    assert org.source.columns["manager"] == "ManagerID"
    unknown = [f for f in org.data_findings if f.rule == "unknown-manager"]
    assert unknown and all("matches nobody" in f.message for f in unknown)


def test_leavers_are_counted_not_lost():
    for file, want in EXPECTED["files"].items():
        org = build(file)
        left = want["rows"] - want["headcount"]
        assert org.skipped.get("terminated", 0) == left, file
