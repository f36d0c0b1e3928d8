"""Column detection from real HR-export header names, overrides, and refusals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcheck.columns import ALIASES, candidate_headers, detect_columns, key
from orgcheck.errors import InputError, OrgcheckError, UsageError
from orgcheck.model import FIELDS, RawTable


def table(headers: list[str], rows: list[list[str]] | None = None) -> RawTable:
    rows = rows or [[f"v{i}" for i in range(len(headers))]]
    frame = pd.DataFrame(rows, columns=headers, dtype=object)
    return RawTable(
        path="people.csv",
        sheet=None,
        headers=list(headers),
        frame=frame,
        rows=np.arange(2, len(rows) + 2),
    )


# (headers, expected subset of the mapping, fields that must NOT be mapped)
CASES = [
    (
        ["Worker", "Business Title", "Current Job Profile", "Supervisory Organization", "Manager"],
        {
            "name": "Worker",
            "title": "Business Title",
            "manager": "Manager",
            "department": "Supervisory Organization",
        },
        [],
    ),
    (
        ["Full_Name", "Employee_ID", "Business_Title", "Manager_Name", "Manager_ID"],
        {"name": "Full_Name", "id": "Employee_ID", "title": "Business_Title"},
        [],
    ),
    (
        [
            "Display name",
            "work.title",
            "work.department",
            "work.reportsTo",
            "work.site",
            "work.startDate",
        ],
        {
            "name": "Display name",
            "title": "work.title",
            "department": "work.department",
            "manager": "work.reportsTo",
            "location": "work.site",
            "start_date": "work.startDate",
        },
        [],
    ),
    (
        ["Employee name", "Title", "Manager - Work email", "Work email", "Employment status"],
        {"manager": "Manager - Work email", "email": "Work email", "status": "Employment status"},
        [],
    ),
    (
        ["first_name", "last_name", "title", "gusto_employee_id", "manager_id"],
        {"first_name": "first_name", "id": "gusto_employee_id", "manager": "manager_id"},
        [],
    ),
    (
        ["Vorname", "Nachname", "Titel", "Stellenbezeichnung", "Abteilung", "Vorgesetzter"],
        {
            "first_name": "Vorname",
            "last_name": "Nachname",
            "title": "Stellenbezeichnung",
            "department": "Abteilung",
            "manager": "Vorgesetzter",
        },
        [],
    ),
    (["Vorname", "Nachname", "Titel", "Position"], {"title": "Position"}, []),
    (
        ["login", "displayName", "title", "managerId", "manager", "employeeNumber", "email"],
        {"email": "email", "name": "displayName", "id": "employeeNumber"},
        [],
    ),
    (
        ["userPrincipalName", "displayName", "jobTitle", "department"],
        {"email": "userPrincipalName", "title": "jobTitle"},
        ["manager"],
    ),
    (
        [
            "First Name [Required]",
            "Last Name [Required]",
            "Employee Title",
            "Manager Email",
            "Email Address [Required]",
        ],
        {
            "first_name": "First Name [Required]",
            "title": "Employee Title",
            "manager": "Manager Email",
            "email": "Email Address [Required]",
        },
        [],
    ),
    (["Name", "Reports_To", "Title"], {"manager": "Reports_To"}, []),
    (
        ["PersonID", "SupervisorID", "Name", "Title"],
        {"id": "PersonID", "manager": "SupervisorID"},
        [],
    ),
    (["ID", "First Name", "Last Name", "Boss ID", "Job Title"], {"manager": "Boss ID"}, []),
    (
        [
            "Post Unique Reference",
            "Name",
            "Job Title",
            "Reports to Senior Post",
            "Grade (or equivalent)",
        ],
        {
            "id": "Post Unique Reference",
            "manager": "Reports to Senior Post",
            "level_code": "Grade (or equivalent)",
        },
        [],
    ),
    (
        ["Employee_Name", "EmpID", "Position", "ManagerName", "ManagerID", "DateofHire"],
        {"name": "Employee_Name", "id": "EmpID", "title": "Position", "start_date": "DateofHire"},
        [],
    ),
    (
        ["Name", "Job Title", "Job Level", "Department Manager", "Department"],
        {"title": "Job Title", "level_code": "Job Level", "department": "Department"},
        ["manager"],
    ),
    (
        ["Name", "Job Title Overwrite", "Reports To Overwrite"],
        {"title": "Job Title Overwrite", "manager": "Reports To Overwrite"},
        [],
    ),
    (
        ["Name", "Title", "Manager", "Matrix Manager", "MATRIX_MANAGER_2"],
        {"manager": "Manager", "dotted_manager": "Matrix Manager"},
        [],
    ),
    (["Employee #", "Name", "Job Title", "Is Manager", "Manager?"], {"id": "Employee #"}, []),
    (["Emp ID", "Name", "Title", "Mgr ID", "Mgr Name"], {"manager": "Mgr ID"}, []),
    (["Employee ID", "Name", "Occupation", "Manager ID"], {"title": "Occupation"}, []),
    (  # abbreviations of other people's managers, and the manager's other facts
        ["Employee ID", "Name", "Title", "Acct Mgr", "Proj Mgr", "Mgr Start Date", "Is Mgr"],
        {"id": "Employee ID", "name": "Name", "title": "Title"},
        ["manager", "start_date"],
    ),
    (["Emp ID", "Name", "Title", "Mgr Email Address"], {"manager": "Mgr Email Address"}, ["email"]),
    (["Emp ID", "Name", "Title", "Line Mgr"], {"manager": "Line Mgr"}, []),
    (  # the manager's name is not the person's name
        ["Employee ID", "First Name", "Last Name", "Title", "Reporting To Name", "Reporting To ID"],
        {"manager": "Reporting To ID"},
        ["name"],
    ),
    (
        ["Name", "Title", "Reporting Period To", "Reporting Unit To"],
        {"title": "Title"},
        ["manager"],
    ),
    (["Employee ID", "Name", "Role Name", "Manager ID"], {"title": "Role Name"}, []),
    (["Name", "Title", "Mngr Email", "Email"], {"manager": "Mngr Email", "email": "Email"}, []),
    (  # Zoho People; "Reporting To Name" style columns are names of the same people
        ["Employee ID", "First Name", "Last Name", "Designation", "Reporting To"],
        {"id": "Employee ID", "title": "Designation", "manager": "Reporting To"},
        [],
    ),
    (
        ["Name", "Title", "Salary (USD)", "Personal Email", "Work Email"],
        {"email": "Work Email"},
        [],
    ),
]


@pytest.mark.parametrize(("headers", "want", "absent"), CASES)
def test_real_export_headers(headers, want, absent):
    got = detect_columns(table(headers))
    assert {f: got.get(f) for f in want} == want
    for field in absent:
        assert field not in got
    assert len(set(got.values())) == len(got), "a header was given to two fields"


def test_key_normalisation():
    assert key("First Name [Required]") == "first name"
    assert key("managerId") == "manager id"
    assert key("Manager - Work email") == "manager work email"
    assert key("Employee #") == "employee number"
    assert key("Reports To Overwrite") == "reports to"
    assert key("Grade (or equivalent)") == "grade"


def test_alias_table_has_no_alias_under_two_fields():
    owner: dict[str, str] = {}
    for field, aliases in ALIASES.items():
        for alias in aliases:
            assert owner.setdefault(alias, field) == field, alias


def test_manager_candidates_ranked_by_resolution():
    rows = [["Chen, Alice", "10001", "Alice Chen", "9"], ["Li,  Bob ", "10002", "Alice Chen", "9"]]
    raw = table(["Employee_Name", "EmpID", "ManagerName", "ManagerID"], rows)
    assert candidate_headers(raw, "manager") == ["ManagerName", "ManagerID"]
    assert detect_columns(raw, {"title": "EmpID"})["manager"] == ("ManagerName")


def test_yes_no_manager_flag_is_not_the_manager_column():
    rows = [["1", "Alice", "CEO", "Yes", ""], ["2", "Bob", "PM", "No", "1"]]
    raw = table(["Employee #", "Name", "Job Title", "Manager?", "Reports To ID"], rows)
    assert detect_columns(raw)["manager"] == "Reports To ID"
    flag_only = table(["Name", "Title", "Manager?"], [["Al", "CEO", "Y"], ["Bo", "PM", "N"]])
    assert "manager" not in detect_columns(flag_only)


def test_id_column_is_the_one_managers_point_at():
    rows = [
        ["achen", "1001", "NO_MANAGER", "Alice", "Chen", "CEO"],
        ["bli", "1002", "achen", "Bob", "Li", "PM"],
    ]
    raw = table(["USERID", "EMPID", "MANAGER", "FIRSTNAME", "LASTNAME", "TITLE"], rows)
    assert detect_columns(raw)["id"] == "USERID"


def test_email_sniffed_from_values_when_no_header_says_so():
    rows = [["Alice", "CEO", "alice@example.com"], ["Bob", "PM", "bob@example.com"]]
    assert detect_columns(table(["Name", "Title", "Login Handle"], rows))["email"] == (
        "Login Handle"
    )


def test_overrides_match_headers_case_and_space_insensitively():
    raw = table(["Person", "Job", "Boss Person", "Role Text"])
    got = detect_columns(raw, {"title": "role  text", "manager": "BOSS PERSON"})
    assert got["title"] == "Role Text" and got["manager"] == "Boss Person"


def test_override_unknown_field_or_header_is_a_usage_error():
    raw = table(["Name", "Title"])
    with pytest.raises(UsageError, match="unknown field"):
        detect_columns(raw, {"boss": "Name"})
    with pytest.raises(UsageError) as err:
        detect_columns(raw, {"manager": "Supervisor"})
    assert "'Name', 'Title'" in str(err.value)


@pytest.mark.parametrize(
    ("headers", "missing"),
    [
        (["Colleague", "Job Title"], "name"),
        (["Name", "Titel", "Abteilung"], "title"),
        (["A", "B"], "name and title"),
    ],
)
def test_missing_name_or_title_is_an_input_error_with_the_fix(headers, missing):
    with pytest.raises(InputError) as err:
        detect_columns(table(headers))
    text = str(err.value)
    assert f"no {missing} column" in text and "people.csv" in text
    assert "--column" in text and repr(headers[0]) in text


header_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(header_text, min_size=1, max_size=12, unique=True))
def test_detector_never_raises_anything_else(headers):
    raw = table(headers)
    try:
        got = detect_columns(raw)
    except OrgcheckError:
        return
    assert set(got) <= set(FIELDS)
    assert set(got.values()) <= set(headers)
    assert len(set(got.values())) == len(got)
    for field in FIELDS:
        assert set(candidate_headers(raw, field)) <= set(headers)


# Non-English exports: LOGA, Personio DE, French and Spanish HRIS headers.
FOREIGN = [
    (
        ["Kürzel", "Titel", "Vorname", "Nachname", "Stellenbezeichnung", "Vorgesetzter"],
        {"id": "Kürzel", "title": "Stellenbezeichnung", "manager": "Vorgesetzter"},
    ),
    (
        ["Personal-Nr.", "Name", "Funktion", "Führungskraft"],
        {"id": "Personal-Nr.", "title": "Funktion", "manager": "Führungskraft"},
    ),
    (
        ["Personalnummer", "Name", "Jobtitel", "Manager/in"],
        {"id": "Personalnummer", "title": "Jobtitel", "manager": "Manager/in"},
    ),
    (
        ["Matricule", "Nom complet", "Intitulé du poste", "Supérieur hiérarchique"],
        {"id": "Matricule", "title": "Intitulé du poste", "manager": "Supérieur hiérarchique"},
    ),
    (
        ["Numéro d'employé", "Prénom", "Nom de famille", "Poste", "Responsable"],
        {"id": "Numéro d'employé", "title": "Poste", "manager": "Responsable"},
    ),
    (
        ["Número de empleado", "Nombre completo", "Puesto", "Jefe directo"],
        {"id": "Número de empleado", "title": "Puesto", "manager": "Jefe directo"},
    ),
    (
        ["ID dipendente", "Nome completo", "Cargo", "Responsabile"],
        {"id": "ID dipendente", "title": "Cargo", "manager": "Responsabile"},
    ),
]


@pytest.mark.parametrize(("headers", "want"), FOREIGN)
def test_non_english_headers(headers, want):
    got = detect_columns(table(headers))
    assert {f: h for f, h in got.items() if f in want} == want


def test_academic_titel_is_never_the_job_title():
    raw = table(["Kürzel", "Titel", "Vorname", "Nachname", "Vorgesetzter"])
    with pytest.raises(InputError, match="no title column"):
        detect_columns(raw)


SALUTE = ["Mr", "Ms", "Mrs", "Dr", "Mx", "Miss", "Prof.", "Herr", "Frau", "Prof. Dr."]


def _people(title_values, position_values=None):
    heads = ["Title", "First Name", "Last Name", "Line Manager"]
    rows = []
    for i, t in enumerate(title_values):
        row = [t, f"F{i}", f"L{i}", "F0 L0" if i else ""]
        if position_values is not None:
            row.append(position_values[i])
        rows.append(row)
    return table(heads + (["Position"] if position_values is not None else []), rows)


def test_salutation_title_column_gives_way_to_position_and_says_so():
    jobs = [f"Product Manager {i}" for i in range(len(SALUTE))]
    raw = _people(SALUTE, jobs)
    assert detect_columns(raw)["title"] == "Position"
    assert any("'Title' holds salutations" in n and "'Position'" in n for n in raw.notes)
    assert candidate_headers(raw, "title") == ["Title", "Position"]  # wording order kept


def test_salutation_title_without_alternative_is_kept_and_noted():
    raw = _people(SALUTE)
    assert detect_columns(raw)["title"] == "Title"
    assert any("--column title=" in n for n in raw.notes)


def test_few_short_values_give_way_but_real_short_titles_stay():
    raw = _people(["A", "B", "C"] * 4, [f"Engineer {i}" for i in range(12)])
    assert detect_columns(raw)["title"] == "Position"
    codes = ["PM", "SPM", "APM", "EM", "CTO", "VP", "CEO", "SWE", "PMM", "UXR"]
    raw = _people(codes, [f"Product Manager {i}" for i in range(10)])
    assert detect_columns(raw)["title"] == "Title" and not raw.notes


def test_job_titles_are_never_taken_for_salutations():
    raw = _people(["Director", "Dr", "Head of Product", "Mr"], ["x", "y", "z", "w"])
    assert detect_columns(raw)["title"] == "Title" and not raw.notes


def test_id_found_from_manager_references_when_no_header_names_it():
    rows = [
        ["AK", "Ann Kim", "CEO", ""],
        ["BL", "Bo Lee", "CPO", "AK"],
        ["CM", "Cy Ma", "PM", "BL"],
    ]
    raw = table(["Code", "Name", "Job Title", "Manager"], rows)
    assert detect_columns(raw)["id"] == "Code"
    assert any("'Code' is used as the id" in n for n in raw.notes)


def test_id_not_guessed_when_managers_resolve_by_name():
    rows = [["AK", "Ann Kim", "CEO", ""], ["BL", "Bo Lee", "CPO", "Ann Kim"]]
    raw = table(["Code", "Name", "Job Title", "Manager"], rows)
    assert "id" not in detect_columns(raw)


def test_unnamed_email_column_stays_the_email_not_the_id():
    rows = [
        ["Ann Kim", "CEO", "ann@x.com", ""],
        ["Bo Lee", "CPO", "bo@x.com", "ann@x.com"],
        ["Cy Ma", "PM", "cy@x.com", "bo@x.com"],
    ]
    raw = table(["Name", "Job Title", "Correo", "Manager"], rows)
    got = detect_columns(raw)
    assert got["email"] == "Correo" and "id" not in got


# Cells that exercise the key forms: case (final sigma, dotted I), commas, dots, '.0' ids.
_CELL = st.sampled_from(
    [
        "", "1001", "1001.0", "1002", "Chen, Alice", "Alice Chen", "alice.chen@x.io",
        "ALICE.CHEN@X.IO", "ΟΔΥΣΣΕΥΣ", "οδυσσευς", "İlkay Öz", "Öz, İlkay", ".", "Bo",
        "Bo ", "José  Ruiz", "Ruiz,José", "AliceChen", "chen alice",
    ]
)  # fmt: skip


def _reference_share(frame: pd.DataFrame, header: str, mapping: dict[str, str]) -> float:
    """The resolve share as first written: one key set from whole columns, per-value forms."""
    from orgcheck.columns import _compact, _ref_variants

    keys: set[str] = set()
    if "id" in mapping:
        keys |= set(frame[mapping["id"]])
    if "email" in mapping:
        keys |= {v.lower() for v in frame[mapping["email"]]}
    if "name" in mapping:
        keys |= {_compact(v) for v in frame[mapping["name"]]}
    if "first_name" in mapping and "last_name" in mapping:
        full = frame[mapping["first_name"]] + frame[mapping["last_name"]]
        keys |= {_compact(v) for v in full}
    keys.discard("")
    refs = [v for v in pd.unique(frame[header].to_numpy(dtype=object)) if v and v.strip()]
    return sum(1 for r in refs if _ref_variants(r) & keys) / len(refs) if refs else 0.0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(*[_CELL] * 6), min_size=1, max_size=12), st.booleans())
def test_resolve_share_equals_whole_column_key_sets(rows, split_name):
    """The lazy, verbatim-first share is exactly the share against every person's keys."""
    from orgcheck.columns import _Probe, _resolve_share

    headers = ["ID", "Email", "Name", "First", "Last", "Manager"]
    raw = table(headers, [list(r) for r in rows])
    mapping = {"id": "ID", "email": "Email", "name": "Name"}
    if split_name:
        mapping = {"id": "ID", "first_name": "First", "last_name": "Last"}
    want = _reference_share(raw.frame, "Manager", mapping)
    assert _resolve_share(_Probe(raw), "Manager", mapping) == want


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(*[_CELL] * 7), min_size=1, max_size=12))
def test_a_probe_shared_by_candidates_scores_each_as_its_own_would(rows):
    """The references of all candidates looked up together first, then each candidate
    scored from what the probe knows (names tried before emails when no reference has
    an "@"): every share is still the share against every person's keys."""
    from orgcheck.columns import _look_up_together, _Probe, _resolve_share

    headers = ["ID", "Email", "Name", "First", "Last", "Manager", "Reports To"]
    raw = table(headers, [list(r) for r in rows])
    mapping = {"id": "ID", "email": "Email", "name": "Name"}
    shared = _Probe(raw)
    _look_up_together(shared, ["Manager", "Reports To"], mapping)
    for header in ("Reports To", "Manager"):
        want = _reference_share(raw.frame, header, mapping)
        assert _resolve_share(shared, header, mapping) == want


@pytest.mark.parametrize("form", ["_compact", "_lower"])
def test_joined_forms_equal_per_value_forms(form):
    """Lowering one joined string is exact, final sigma and NUL inside a value included."""
    import orgcheck.columns as columns

    fn = getattr(columns, form)
    values = ["ΟΔΥΣΣΕΥΣ", "Σ", "ΑΣ", "ΣΑ", "İlkay", "Chen, A.", "", " ", "a\x00b", "ß", "Ǆ"]
    ascii_first = ["Chen, A.", "AB CD"] * 500  # the first values send all down the joined path
    for chunk in (values, ascii_first + values, ascii_first + values[:8], [], [""], ascii_first):
        assert columns._each(chunk, fn) == [fn(v) for v in chunk]


def test_first_distinct_is_a_prefix_of_the_distinct_values():
    from orgcheck.columns import _first_distinct

    values = np.array([str(i % 7000) for i in range(50_000)], dtype=object)
    full = pd.unique(values)
    some = _first_distinct(values, lambda found: len(found) >= 5000)
    assert len(some) >= 5000 and list(some) == list(full[: len(some)])
    assert list(_first_distinct(values, lambda found: False)) == list(full)


def _ids_and_names(gone: int) -> RawTable:
    """200 people; people 2-200 report to one of managers 1-40 by id and by name.
    ``gone`` of the 40 managers are not in the file (their ids resolve nothing), but
    their names are the names of other people (so by name they seem to resolve)."""
    rows = []
    for i in range(1, 201):
        boss = "" if i == 1 else str(1 + (i % 40))
        missing = boss and int(boss) > 40 - gone
        name = f"Person {i}" if i <= 40 or i > 40 + gone else f"Person {i - 40 + (40 - gone)}"
        boss_name = f"Person {boss}" if boss else ""
        rows.append([str(i), name, "PM", "9" + boss if missing else boss, boss_name])
    rows = [r for r in rows if not (1 < int(r[0]) <= 40 and int(r[0]) > 40 - gone)]
    return table(["Employee ID", "Name", "Title", "Manager ID", "Manager Name"], rows)


def test_ids_win_over_names_that_resolve_only_a_little_more():
    """5 % of the ids point outside the file; the names resolve a few of those too, by
    a shared name: within ``CLOSE`` the wording decides, and ids come first."""
    raw = _ids_and_names(gone=2)
    assert candidate_headers(raw, "manager") == ["Manager ID", "Manager Name"]
    assert detect_columns(raw)["manager"] == "Manager ID"


def test_names_win_over_ids_that_resolve_clearly_less():
    raw = _ids_and_names(gone=8)  # a fifth of the ids point outside the file
    assert candidate_headers(raw, "manager") == ["Manager Name", "Manager ID"]


def test_candidate_headers_after_detection_reuse_its_probe_until_released():
    from orgcheck import columns

    raw = _ids_and_names(gone=2)
    detect_columns(raw)
    kept = columns._LOCAL.probe
    assert kept is not None and kept.raw is raw
    assert candidate_headers(raw, "manager") == ["Manager ID", "Manager Name"]
    assert columns._LOCAL.probe is kept
    other = _ids_and_names(gone=2)
    candidate_headers(other, "manager")
    assert columns._LOCAL.probe is not kept  # another table: a probe of its own
    columns.release()
    assert columns._LOCAL.probe is None
