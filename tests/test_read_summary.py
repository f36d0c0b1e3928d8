"""Footer, total and group-header rows are left out and counted; people never are."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcheck.build import build_org
from orgcheck.columns import detect_columns
from orgcheck.read import read_table
from orgcheck.read.summary import REASONS, find_summary_rows, summary_kind

HEAD = "Employee ID,Name,Job Title,Manager ID,Department\n"
PEOPLE = "1,Ana Ruiz,CEO,,Exec\n2,Ben Cho,CPO,1,Product\n3,Cy Dunn,Product Manager,2,Product\n"


@pytest.mark.parametrize(
    ("cells", "first", "kind"),
    [
        (["Total employees: 30"], True, "total"),
        (["Total: 12 people"], True, "total"),
        (["Subtotal", "3"], True, "total"),
        (["Grand Total", "1,234"], False, "total"),
        (["Count: 12"], True, "total"),
        (["TOTAL"], True, "total"),
        (["Report generated 24/11/2026 by hr-admin"], True, "note"),
        (["CONFIDENTIAL - do not distribute"], True, "note"),
        (["Source: BambooHR, exported 2026-11-24"], True, "note"),
        (["Page 3 of 7"], False, "note"),
        (["As of 2026-11-24"], True, "note"),
        (["Number of employees: 30"], True, "total"),
        (["Sous-total", "4"], True, "total"),
        (["Gesamtsumme", "30"], True, "total"),
        (["Erstellt am 24.11.2026"], True, "note"),
        (["*** End of Report ***"], True, "note"),
        (["Department: Data"], True, "group"),
        (["Engineering (12)"], True, "group"),
        # people and real values that merely start like a summary
        (["Total", "Product Manager"], True, None),
        (["Total Rewards Manager"], True, None),
        (["1001", "Total Rewards", "Analyst"], True, None),
        (["Sum Lee", "PM", "1001"], True, None),
        (["Count Dracula"], True, None),
        (["Subtotal", "Head of Design"], True, None),
        (["Department: Data", "Data Analyst"], True, None),
        (["Department: Data"], False, None),  # a lone cell elsewhere is not a group header
        (["Ana Ruiz"], True, None),
        (["source: ana@example.com"], True, None),
    ],
)
def test_summary_kind(cells, first, kind):
    assert summary_kind(cells, first_column=first) == kind
    # the vectorised sieve in front of summary_kind lets every such row through
    width = len(cells) + (0 if first else 1)
    row = ([] if first else [""]) + cells + [""] * (4 - width)
    arrays = {str(j): np.array([v], dtype=object) for j, v in enumerate(row)}
    filled = np.array([[v != "" for v in row]])
    drop, found = find_summary_rows(arrays, filled)
    assert bool(drop[0]) == (kind is not None) and list(found) == ([kind] if kind else [])


def test_only_short_rows_are_candidates():
    names = np.array(["Total", "Ana"], dtype=object)
    cols = {c: np.array(["x", "x"], dtype=object) for c in "abcd"}
    drop, found = find_summary_rows({"n": names, **cols}, np.ones((2, 5), dtype=bool))
    assert not drop.any() and found == {}


def _org(path):
    raw = read_table(path)
    return raw, build_org(raw, detect_columns(raw))


def test_footer_rows_after_the_data_are_left_out_and_counted(tmp_path):
    f = tmp_path / "f.csv"
    footer = "\nTotal employees: 3\nReport generated 24/11/2026 by hr-admin\nCONFIDENTIAL\n"
    f.write_text(HEAD + PEOPLE + footer)
    raw, org = _org(f)
    assert len(raw.frame) == 3 and list(raw.rows) == [2, 3, 4]
    assert raw.skipped == {REASONS["total"]: 1, REASONS["note"]: 2}
    assert org.skipped[REASONS["note"]] == 2 and len(org.people) == 3
    assert any("row 6 'Total employees: 3'" in n for n in raw.notes)


def test_name_first_footer(tmp_path):
    f = tmp_path / "f.csv"
    f.write_text(
        "Name,Title,Manager\nAna Ruiz,CEO,\nBen Cho,CPO,Ana Ruiz\n"
        'Total: 2 people\n"Source: BambooHR, exported 2026-11-24"\n'
    )
    raw, org = _org(f)
    assert list(org.people["name"]) == ["Ana Ruiz", "Ben Cho"]
    assert sum(raw.skipped.values()) == 2


def test_grouped_workbook_group_headers_and_subtotals(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Employee ID", "Name", "Title", "Manager ID"])
    ws.append(["Department: Exec"])
    ws.append(["1", "Ana Ruiz", "CEO", None])
    ws.append(["Subtotal", 1])
    ws.append([])
    ws.append(["Department: Product"])
    ws.append(["2", "Ben Cho", "CPO", "1"])
    ws.append(["3", "Cy Dunn", "Product Manager", "2"])
    ws.append(["Subtotal", 2])
    ws.append(["Grand Total", 3])
    wb.save(tmp_path / "g.xlsx")
    raw, org = _org(tmp_path / "g.xlsx")
    assert sorted(org.people["name"]) == ["Ana Ruiz", "Ben Cho", "Cy Dunn"]
    assert raw.skipped == {REASONS["group"]: 2, REASONS["total"]: 3}
    assert not [f for f in org.data_findings if f.rule in ("duplicate-person", "missing-title")]


def test_people_who_look_like_totals_are_kept(tmp_path):
    f = tmp_path / "f.csv"
    f.write_text(
        HEAD
        + PEOPLE
        + "4,Total,Product Manager,2,Product\n"
        + "5,Sam Count,Total Rewards Lead,1,Total Rewards\n"
        + "Total Rewards Partner,,,,\n"
    )
    raw, _ = _org(f)
    assert len(raw.frame) == 6 and raw.skipped == {}


def test_a_file_of_only_totals_is_not_emptied(tmp_path):
    f = tmp_path / "f.csv"
    f.write_text("Name,Title\nTotal: 0 people\n")
    raw = read_table(f)
    assert len(raw.frame) == 1 and raw.skipped == {}


_WORDS = [
    "Total",
    "SUBTOTAL",
    "Grand Total",
    "Count:",
    "Report generated",
    "As of",
    "Page 2",
    "Source:",
    "Confidential",
    "Department: Data",
    "Ana",
    "Total Rewards",
    "12",
    "3.5",
    "Erstellt am",
    "Number of people",
    "*** End",
    "Sum",
    "Lee",
    "",
    "Product Manager",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=4), max_size=12))
def test_vectorised_sieve_agrees_with_the_row_rule(rows):
    """The C-speed prefilter never hides a row the per-row rule would drop."""
    if not rows:
        return
    arrays = {str(j): np.array([r[j] for r in rows], dtype=object) for j in range(4)}
    filled = np.array([[v != "" for v in r] for r in rows])
    drop, _ = find_summary_rows(arrays, filled)
    want = [
        1 <= len([v for v in r if v]) <= 3
        and summary_kind([v for v in r if v], first_column=r[0] != "") is not None
        for r in rows
    ]
    assert drop.tolist() == want


def test_plain_group_header_repeating_a_department_is_left_out(tmp_path):
    f = tmp_path / "f.csv"
    f.write_text(
        "Employee ID,Name,Job Title,Manager ID,Department\n"
        "Exec,,,,\n1,Ana Ruiz,CEO,,Exec\n"
        "Product,,,,\n2,Ben Cho,CPO,1,Product\n3,Cy Dunn,Product Manager,2,Product\n"
    )
    raw = read_table(f)
    assert list(raw.frame["Name"]) == ["Ana Ruiz", "Ben Cho", "Cy Dunn"]
    assert raw.skipped == {REASONS["group"]: 2}


def test_lone_name_that_is_also_a_manager_is_a_person(tmp_path):
    f = tmp_path / "f.csv"
    f.write_text("Name,Title,Manager\nAna Ruiz,,\nBen Cho,CPO,Ana Ruiz\n")
    raw = read_table(f)
    assert len(raw.frame) == 2 and raw.skipped == {}
