"""Every export-shaped fixture reads to the right rows, header row and column mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgcheck.columns import candidate_headers, detect_columns
from orgcheck.errors import UsageError
from orgcheck.read import read_table

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
EXPECTED = json.loads((EXPORTS / "expected.json").read_text())
FILES = EXPECTED["files"]
ACTIVE_NAMES = {name for _, name, _, _ in EXPECTED["org"]["active"]}


@pytest.mark.parametrize("name", sorted(FILES))
def test_fixture_reads_to_expected_rows_and_columns(name):
    want = FILES[name]
    raw = read_table(EXPORTS / name)
    assert len(raw.frame) == want["rows"], raw.notes
    assert len(raw.rows) == want["rows"]
    assert raw.header_row == want.get("header_row", 1)
    assert raw.rows[0] == want.get("first_data_row", raw.header_row + 1)
    assert detect_columns(raw) == want["columns"]
    assert all(h for h in raw.headers)


@pytest.mark.parametrize("name", sorted(FILES))
def test_fixture_people_and_text_cells(name):
    """Names come through intact (accents, apostrophes) and cells are plain stripped text."""
    raw = read_table(EXPORTS / name)
    cols = detect_columns(raw)
    if "name" in cols:
        names = {_first_last(v) for v in raw.frame[cols["name"]]}
    else:
        first, last = raw.frame[cols["first_name"]], raw.frame[cols["last_name"]]
        names = set(first + " " + last)
    assert names >= ACTIVE_NAMES
    for col in raw.headers:
        values = raw.frame[col]
        assert values.map(type).eq(str).all()
        assert (values == values.str.strip()).all()


def _first_last(value: str) -> str:
    """'Chen,  Alice' -> 'Alice Chen' (BambooHR and HRDataset write names last first)."""
    last, comma, first = value.partition(",")
    return " ".join(f"{first} {last}".split()) if comma else value


def test_notes_say_what_was_detected():
    notes = {n: " | ".join(read_table(EXPORTS / n).notes) for n in FILES}
    assert "Windows-1252" in notes["personio.csv"] and "semicolon" in notes["personio.csv"]
    assert "UTF-16-LE with BOM" in notes["okta.txt"] and "tab" in notes["okta.txt"]
    assert "UTF-8 with BOM" in notes["google_workspace.csv"]
    assert "some Windows-1252 bytes" in notes["pingboard_mixed.txt"]
    assert "pipe" in notes["pingboard_mixed.txt"]
    assert "header on row 4" in notes["workday.xlsx"]
    assert "display labels" in notes["successfactors.csv"]
    assert "sheet 'People' chosen" in notes["cover_sheet.xlsx"]
    assert "HTML table" in notes["hibob_html.xls"]
    assert "named .xlsx but holds delimited text" in notes["gusto_renamed.xlsx"]


def test_workbook_cells_become_text_like_a_user_sees_them():
    raw = read_table(EXPORTS / "workday.xlsx")
    alice = raw.frame.iloc[0]
    assert alice["Hire Date"] == "2015-03-02"  # a date cell, as ISO
    assert alice["Employee ID"] == "1001"
    assert "\n" in raw.frame.loc[raw.frame["Worker"] == "Kofi Mensah", "Cost Center"].iloc[0]
    ids = read_table(EXPORTS / "workday_raas.xlsx").frame
    assert ids["Employee_ID"].iloc[0] == "1001"  # a float cell 1001.0 -> '1001'
    assert ids["Manager_ID"].iloc[0] == "" and ids["Manager_ID"].iloc[1] == "1001"
    ods = read_table(EXPORTS / "orgchart_now.ods").frame
    assert list(ods["PersonID"][:2]) == ["1001", "1002"]


def test_csv_text_is_kept_exactly_as_written():
    raw = read_table(EXPORTS / "workday_raas.csv")
    assert raw.frame["Employee_ID"].iloc[0] == "1001.0"  # normalised by the org builder
    personio = read_table(EXPORTS / "personio.csv").frame
    assert personio["Hire date"].iloc[0] == "02.03.2015"
    assert "Chloé" in set(personio["First name"])


def test_html_entities_are_unescaped_and_blanks_dropped():
    raw = read_table(EXPORTS / "cover_sheet.xlsx")
    assert "R&D" in set(raw.frame["Department"])
    assert raw.blank_rows == 2
    assert raw.sheet == "People"
    assert "Alice Chen" in set(raw.frame["Name"])  # padded "  Alice Chen " stripped
    by_id = dict(zip(raw.frame["ID"], raw.rows, strict=True))
    assert by_id["1005"] == 7  # rows cite the spreadsheet row, past a blank row


def test_successfactors_keys_row_kept_and_rows_cited_from_3():
    raw = read_table(EXPORTS / "successfactors.csv")
    assert raw.headers[:3] == ["STATUS", "USERID", "USERNAME"]
    assert raw.rows[0] == 3 and raw.frame["MANAGER"].iloc[0] == "NO_MANAGER"


def test_hrdataset_manager_candidates_put_the_resolving_column_first():
    raw = read_table(EXPORTS / "hrdataset.csv")
    assert candidate_headers(raw, "manager") == ["ManagerName", "ManagerID"]
    okta = read_table(EXPORTS / "okta.txt")
    assert candidate_headers(okta, "manager") == ["managerId", "manager"]


def test_sheet_by_name_and_missing_sheet_lists_the_sheets():
    raw = read_table(EXPORTS / "cover_sheet.xlsx", sheet="summary")
    assert raw.sheet == "Summary" and raw.headers == ["Department", "Headcount"]
    with pytest.raises(UsageError) as err:
        read_table(EXPORTS / "cover_sheet.xlsx", sheet="Staff")
    assert "'About', 'People', 'Summary'" in str(err.value)
    assert "cover_sheet.xlsx" in str(err.value)


def test_sheet_option_on_a_csv_is_a_usage_error():
    with pytest.raises(UsageError, match="not a workbook"):
        read_table(EXPORTS / "bamboohr.csv", sheet="People")


def test_generator_is_deterministic(tmp_path):
    import subprocess
    import sys

    script = Path(__file__).parent.parent / "scripts" / "make_export_fixtures.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
