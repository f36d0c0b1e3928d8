"""Manager matching: keys for ids, emails and names, sentinels, and the column/key choice."""

from __future__ import annotations

import os

import numpy as np
import pytest

from orgcheck import managers
from orgcheck.build import org_from_records
from orgcheck.managers import AMBIGUOUS, UNKNOWN, Lookup
from orgcheck.names import display_id, email_key, id_key, is_sentinel, name_key, name_words
from orgcheck.read import helper


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1001", "1001.0"),
        ("1001", " 1001 "),
        ("1001", "1001.00"),
        ("1001", "001001"),
        ("E-17", "e-17"),
        ("0", "000"),
        ("1001", "1,001"),
        ("1234567", "1,234,567.0"),
    ],
)
def test_id_keys_meet(a, b):
    assert id_key(a) == id_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("1001", "1001.5"), ("1001", "10010"), ("E17", "E-17"), ("1001", "1,0,01")]
)
def test_id_keys_stay_apart(a, b):
    assert id_key(a) != id_key(b)


def test_display_id_keeps_leading_zeros_but_drops_float_tail():
    assert display_id(" 001001.0 ") == "001001"
    assert display_id("1001.0") == "1001"
    assert display_id("1001.5") == "1001.5"


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("Ada.Lovelace@Example.COM", "ada.lovelace@example.com"),
        (" mailto:ada@example.com ", "ada@example.com"),
        ("Ada Lovelace <ada@example.com>", "ada@example.com"),
        ("Ada Lovelace (ada@x.com)", "ada@x.com"),
        ("MAILTO:Ada@X.com", "ada@x.com"),
        ("ada@x.com; bob@x.com", "ada@x.com"),
        ("ada@x.com.", "ada@x.com"),
        ("Ada Lovelace", ""),
        ("", ""),
    ],
)
def test_email_keys(value, key):
    assert email_key(value) == key


@pytest.mark.parametrize(
    "spelling",
    [
        "Renee Becker",
        "Becker, Renee",
        "Becker,  Renee  ",
        "  renee   BECKER",
        "Renée Becker",
        "Becker, Renee A.",
        "Renee A Becker",
        "Renee Becker, Jr.",
        "<b>Renee Becker</b>",
    ],
)
def test_name_spellings_meet(spelling):
    assert name_key(spelling) == "renee becker"


def test_name_words_keep_what_the_key_drops():
    assert name_words("Aarav M. Müller") == {"aarav", "m", "muller"}
    assert name_key("Aarav M. Müller") == "aarav muller"
    assert name_words("O'Neil, Mary-Ann") == {"oneil", "mary", "ann"}


def test_name_key_punctuation():
    assert name_key("George O'Neil") == name_key("O’Neil, George") == "george oneil"
    assert name_key("Smith-Jones, Ann") == name_key("Ann Smith Jones")
    assert name_key("R&amp;D Lead") == name_key("R&D Lead")


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "NO_MANAGER",
        "NO_MGR",
        "none",
        "N/A",
        "-",
        "—",
        "0",
        "null",
        "Board of Directors",
        "n.a.",
        "(blank)",
        "Unassigned",
        "XX",
    ],
)
def test_sentinels(cell):
    assert is_sentinel(cell)


@pytest.mark.parametrize("cell", ["Ada Lovelace", "1001", "ada@example.com", "Nonesuch"])
def test_not_sentinels(cell):
    assert not is_sentinel(cell)


def test_lookup_marks_shared_keys_ambiguous():
    keys = np.array(["a", "b", "b", "", "c"], dtype=object)
    look = Lookup(keys, np.arange(5))
    assert look.find(["a", "b", "c", "zz", ""]).tolist() == [0, AMBIGUOUS, 4, UNKNOWN, UNKNOWN]
    assert look.shared == {"b": [1, 2]}


def test_lookup_same_person_twice_is_not_ambiguous():
    # one person reachable by display name and by first + last: same key, same position
    look = Lookup(np.array(["ada", "bob", "ada", "bob"], dtype=object), np.array([0, 1, 0, 1]))
    assert look.find(["ada", "bob"]).tolist() == [0, 1]


def people(*rows):
    """(id, name, manager, email) tuples as records."""
    return [
        {"id": i, "name": n, "title": "Product Manager", "manager": m, "email": e}
        for i, n, m, e in rows
    ]


def test_manager_by_email_case_insensitive():
    org = org_from_records(
        people(
            ("1", "Ada Lovelace", "", "ada@x.com"),
            ("2", "Bob Li", "ADA@X.COM", "bob@x.com"),
            ("3", "Cy Ng", " bob@x.com", "cy@x.com"),
        )
    )
    assert org.source.manager_key == "email"
    assert org.parent.tolist() == [-1, 0, 1]
    assert org.data_findings == []


def test_manager_by_last_first_name():
    org = org_from_records(
        people(
            ("1", "Ada Lovelace", "", ""),
            ("2", "Bob Li", "Lovelace, Ada", ""),
            ("3", "Chloé Martin", "LI,  BOB", ""),
            ("4", "Dan Ek", "Chloe Martin", ""),
        )
    )
    assert org.source.manager_key == "name"
    assert org.parent.tolist() == [-1, 0, 1, 2]


def test_middle_name_reference_resolves_by_first_and_last():
    org = org_from_records(
        people(("1", "Mary Ann Smith", "", ""), ("2", "Bob Li", "Mary Smith", ""))
    )
    assert org.parent.tolist() == [-1, 0]


def _namesakes(*rows):
    """People without ids (so managers are read by name): (name, manager) pairs."""
    return [{"name": n, "title": "Product Manager", "manager": m} for n, m in rows]


def test_namesake_reference_goes_to_the_one_written_exactly_alike():
    org = org_from_records(
        _namesakes(
            ("Aarav M. Müller", ""),
            ("Aarav Q. Müller", ""),
            ("Ana Lee", ""),
            ("Bo Chan", "Aarav M. Müller"),
            ("Cy Ng", "Aarav  Q.  Müller"),  # cells are compared clean
        )
    )
    assert org.parent.tolist() == [-1, -1, -1, 0, 1]
    assert not [f for f in org.data_findings if f.rule != "multiple-roots"]
    (note,) = [n for n in org.source.notes if n.startswith("manager column")]
    assert "(2 told apart from namesakes by their exact spelling)" in note, note


def test_namesakes_stay_ambiguous_without_one_exact_spelling():
    org = org_from_records(
        _namesakes(
            ("Aarav M. Müller", ""),
            ("Aarav Q. Müller", ""),
            ("Ana Lee", ""),
            ("Ana Lee", ""),
            ("Bo Chan", "Aarav Müller"),  # written like neither
            ("Cy Ng", "Ana Lee"),  # written like both
            ("Di Fox", "Aarav M Muller"),  # like one, but not exactly
            ("Ed Yu", "aarav m. müller"),  # nor in case
        )
    )
    assert org.parent.tolist()[4:] == [-1, -1, -1, -1]
    ambiguous = [f for f in org.data_findings if "matches 2 people" in f.message]
    assert len(ambiguous) == 4
    assert not [n for n in org.source.notes if "exact spelling" in n]


def test_a_name_without_the_initial_stays_ambiguous_beside_one_with_it():
    # "Ana Lee" may be Ana B. Lee with her initial left out: no guess
    org = org_from_records(_namesakes(("Ana Lee", ""), ("Ana B. Lee", ""), ("Bo Chan", "Ana Lee")))
    assert org.parent.tolist() == [-1, -1, -1]
    assert [f for f in org.data_findings if "matches 2 people" in f.message]


@pytest.mark.parametrize(
    ("plain", "initialled"),
    [
        ("Dr. Ana Lee", "Dr. Ana B. Lee"),
        ("Ana Lee, PhD", "Ana B. Lee, PhD"),
        ("Ana Lee Jr.", "Ana B. Lee Jr."),
        ("Ana Lee (Contractor)", "Ana B. Lee (Contractor)"),
        ("Ana O&#39;Neil", "Ana B. O&#39;Neil"),
    ],
)
def test_titles_suffixes_and_notes_are_no_initial(plain, initialled):
    # what the key drops besides initials says nothing about which namesake is meant
    org = org_from_records(_namesakes((plain, ""), (initialled, ""), ("Bo Chan", plain)))
    assert org.parent.tolist() == [-1, -1, -1]


def test_namesake_found_by_first_and_last_name_columns():
    recs = [
        {"name": "Rob Smith", "first_name": "Robert M.", "last_name": "Smith",
         "title": "CEO", "manager": ""},
        {"name": "Robert Q. Smith", "first_name": "Robert Q.", "last_name": "Smith",
         "title": "VP", "manager": ""},
        {"name": "Cy Ng", "first_name": "Cy", "last_name": "Ng",
         "title": "PM", "manager": "Robert M. Smith"},
    ]  # fmt: skip
    assert org_from_records(recs).parent.tolist() == [-1, -1, 0]


def test_a_namesake_naming_themself_is_a_top_not_a_spelled_match():
    org = org_from_records(
        _namesakes(
            ("Aarav M. Müller", "Aarav M. Müller"),
            ("Aarav Q. Müller", ""),
            ("Bo Chan", "Aarav Q. Müller"),
        )
    )
    assert org.parent.tolist() == [-1, -1, 1]
    (note,) = [n for n in org.source.notes if n.startswith("manager column")]
    assert "(1 told apart" in note and "1 people name themselves" in note, note


def test_namesake_found_by_the_name_as_written_before_turning():
    org = org_from_records(
        _namesakes(
            ("Müller, Aarav M.", ""),
            ("Müller, Aarav Q.", ""),
            ("Chan, Bo", "Müller, Aarav Q."),
        )
    )
    assert org.people["name"].tolist()[0] == "Aarav M. Müller"  # shown turned round
    assert org.parent.tolist() == [-1, -1, 1]


def test_first_and_last_columns_make_the_name():
    org = org_from_records(
        [
            {
                "id": "1",
                "first_name": "Ada",
                "last_name": "Lovelace",
                "title": "CEO",
                "manager": "",
            },
            {
                "id": "2",
                "first_name": "Bob",
                "last_name": "Li",
                "title": "PM",
                "manager": "Ada Lovelace",
            },
        ]
    )
    assert org.people["name"].tolist() == ["Ada Lovelace", "Bob Li"]
    assert org.parent.tolist() == [-1, 0]


def test_legal_name_also_matches_when_display_name_differs():
    recs = [
        {"id": "1", "name": "Bob Smith", "first_name": "Robert", "last_name": "Smith",
         "title": "CEO", "manager": ""},
        {"id": "2", "name": "Ann Lee", "first_name": "Ann", "last_name": "Lee",
         "title": "PM", "manager": "Robert Smith"},
    ]  # fmt: skip
    org = org_from_records(recs)
    assert org.parent.tolist() == [-1, 0]


@pytest.mark.parametrize("cell", ["NO_MANAGER", "NO_MGR", "none", "n/a", "-", "0", "", "  "])
def test_sentinel_manager_is_a_top(cell):
    org = org_from_records(people(("1", "Ada", cell, ""), ("2", "Bob", "1", "")))
    assert org.parent.tolist() == [-1, 0]
    assert [f.rule for f in org.data_findings] == []


def test_zero_is_a_manager_when_someone_has_id_zero():
    org = org_from_records(people(("0", "Ada", "", ""), ("1", "Bob", "0", "")))
    assert org.parent.tolist() == [-1, 0]


def test_self_manager_is_a_top_without_finding():
    org = org_from_records(people(("1", "Ada", "1", ""), ("2", "Bob", "1", "")))
    assert org.parent.tolist() == [-1, 0]
    assert org.data_findings == []
    assert not org.in_cycle.any()
    assert any("name themselves" in n for n in org.source.notes)


def test_id_interpretation_needs_an_id_column():
    # no id column: ids are row numbers, and "2" in the manager column must not match them
    recs = [
        {"name": "Ada", "title": "CEO", "manager": ""},
        {"name": "Bob", "title": "PM", "manager": "2"},
    ]
    org = org_from_records(recs)
    assert org.people["id"].tolist() == ["2", "3"]
    assert org.parent.tolist() == [-1, -1]
    assert [f.rule for f in org.data_findings] == ["unknown-manager", "multiple-roots"]


HRDATASET = [
    # Employee_Name, EmpID, ManagerName, ManagerID (ManagerID is not an EmpID)
    ("Chen, Alice", "10001", "Board of Directors", ""),
    ("Diaz,  Bruno ", "10002", "Alice Chen", "1"),
    ("Martin, Chloé", "10003", "Alice Chen", "1"),
    ("Ivanov, Dmitri  K", "10004", "Bruno Diaz", "2"),
    ("Khan, Farah", "10005", "Dmitri K. Ivanov", "3"),
    ("Sato, Hana", "10006", "Chloe Martin", "4"),
    ("Gray, Elijiah", "10007", "Chloe Martin", "4"),
]


def _hrdataset(manager_column):
    recs = [
        {"Employee_Name": n, "EmpID": i, "Position": "Product Manager", "ManagerName": mn,
         "ManagerID": mi}
        for n, i, mn, mi in HRDATASET
    ]  # fmt: skip
    cols = {"name": "Employee_Name", "id": "EmpID", "title": "Position", "manager": manager_column}
    return recs, cols


def test_hrdataset_manager_name_beats_manager_id(monkeypatch):
    """The detector offers ManagerID first; ManagerName resolves, so it wins."""
    import orgcheck.columns

    monkeypatch.setattr(
        orgcheck.columns,
        "candidate_headers",
        lambda raw, field: ["ManagerID", "ManagerName"] if field == "manager" else [],
    )
    recs, cols = _hrdataset("ManagerID")
    org = org_from_records(recs, columns=cols)
    assert org.source.columns["manager"] == "ManagerName"
    assert org.source.manager_key == "name"
    assert org.parent.tolist() == [-1, 0, 0, 1, 3, 2, 2]
    assert org.data_findings == []
    note = next(n for n in org.source.notes if n.startswith("manager column"))
    assert "'ManagerName' matched by name: 6 of 6" in note
    assert note.endswith("; 'ManagerID' resolved 0 (best by id)")


def test_hrdataset_override_is_respected(monkeypatch):
    import orgcheck.columns

    # a detector offering every column for every field must not make ids of manager cells
    monkeypatch.setattr(
        orgcheck.columns, "candidate_headers", lambda raw, field: ["ManagerID", "ManagerName"]
    )
    recs, cols = _hrdataset("ManagerID")
    org = org_from_records(recs, columns=cols, overrides={"manager": "ManagerID"})
    assert org.source.columns["manager"] == "ManagerID"
    assert (org.parent == -1).all()
    assert {f.rule for f in org.data_findings} == {"unknown-manager", "multiple-roots"}


def test_hrdataset_with_real_candidate_headers():
    """The reader's own candidate_headers, not a stand-in, leads to ManagerName."""
    recs, cols = _hrdataset("ManagerID")
    org = org_from_records(recs, columns=cols)
    assert org.source.columns["manager"] == "ManagerName"
    assert org.parent.tolist() == [-1, 0, 0, 1, 3, 2, 2]


def test_manager_column_of_ids_pointing_at_another_id_column(monkeypatch):
    """SuccessFactors: MANAGER holds USERIDs while the id field may be EMPID."""
    import orgcheck.columns

    monkeypatch.setattr(
        orgcheck.columns,
        "candidate_headers",
        lambda raw, field: ["USERID", "EMPID"] if field == "id" else [],
    )
    recs = [
        {"USERID": "ada", "EMPID": "1", "NAME": "Ada", "TITLE": "CEO", "MANAGER": "NO_MANAGER"},
        {"USERID": "bob", "EMPID": "2", "NAME": "Bob", "TITLE": "PM", "MANAGER": "ada"},
    ]
    cols = {"id": "EMPID", "name": "NAME", "title": "TITLE", "manager": "MANAGER"}
    org = org_from_records(recs, columns=cols)
    assert org.parent.tolist() == [-1, 0]
    assert org.source.manager_key == "id"
    assert "people's 'USERID'" in org.source.notes[-1]


def test_dotted_line_resolves_but_never_builds_the_tree():
    recs = [
        {"id": "1", "name": "Ada", "title": "CEO", "manager": "", "dotted_manager": ""},
        {"id": "2", "name": "Bob", "title": "VP", "manager": "1", "dotted_manager": ""},
        {"id": "3", "name": "Cy", "title": "PM", "manager": "2", "dotted_manager": "1"},
        {"id": "4", "name": "Di", "title": "PM", "manager": "2", "dotted_manager": "77"},
    ]
    org = org_from_records(recs)
    assert org.parent.tolist() == [-1, 0, 1, 1]
    assert org.dotted_parent.tolist() == [-1, -1, 0, -1]
    unknown = [f for f in org.data_findings if f.rule == "unknown-manager"]
    assert len(unknown) == 1
    assert unknown[0].severity == "info"
    assert "dotted-line manager '77'" in unknown[0].message


def test_no_dotted_column_means_no_dotted_parent():
    org = org_from_records(people(("1", "Ada", "", ""), ("2", "Bob", "1", "")))
    assert org.dotted_parent is None


def test_mixed_column_emails_names_and_ids_all_resolve():
    """Pingboard's Reports To takes an email, a "First Last" name or a user id."""
    org = org_from_records(
        people(
            ("1", "Ada Lovelace", "", "ada@x.com"),
            ("2", "Bob Li", "ada@x.com", "bob@x.com"),
            ("3", "Cy Ng", "ada@x.com", "cy@x.com"),
            ("4", "Di Ro", "Bob Li", "di@x.com"),
            ("5", "Ed Po", "3", "ed@x.com"),
        )
    )
    assert org.source.manager_key == "email"
    assert org.parent.tolist() == [-1, 0, 0, 1, 2]
    assert org.data_findings == []
    assert any("matched by name" in n and "instead" in n for n in org.source.notes)


@pytest.mark.parametrize("spelling", ["Dr. Eva Müller", "Prof. Dr. Eva Muller", "Müller, Dr. Eva"])
def test_academic_titles_do_not_block_a_name_match(spelling):
    assert name_key(spelling) == "eva muller"


def test_multi_valued_manager_cell_uses_the_first_value():
    """Workday puts a second manager of a multi-position worker on a new line."""
    recs = [
        {"id": "1", "name": "Ada Lovelace", "title": "CEO", "manager": ""},
        {"id": "2", "name": "Bob Li", "title": "VP", "manager": "Ada Lovelace"},
        {"id": "3", "name": "Cy Ng", "title": "PM", "manager": "Bob Li\nAda Lovelace"},
    ]
    org = org_from_records(recs)
    assert org.parent.tolist() == [-1, 0, 1]
    assert org.people["manager_ref"].tolist() == ["", "Ada Lovelace", "Bob Li"]


def test_family_name_first_without_comma_resolves():
    org = org_from_records(
        people(("1", "Ada Lovelace", "", ""), ("2", "Bob Li", "LOVELACE Ada", ""))
    )
    assert org.parent.tolist() == [-1, 0]


def test_exact_name_wins_over_the_loose_key():
    # "Kim Lee" and "Lee Kim" share a loose key, but each exact name finds its own person
    org = org_from_records(
        people(
            ("1", "Kim Lee", "", ""),
            ("2", "Lee Kim", "Kim Lee", ""),
            ("3", "Bo Ek", "Lee Kim", ""),
        )
    )
    assert org.parent.tolist() == [-1, 0, 1]


def test_manager_written_as_name_and_id_in_brackets():
    org = org_from_records(
        people(
            ("1001", "Ada Lovelace", "", ""),
            ("1002", "Bob Li", "1001", ""),
            ("1003", "Cy Ng", "Lovelace, Ada (1001)", ""),
            ("1004", "Di Ro", "Bob Li (1002)", ""),
        )
    )
    assert org.source.manager_key == "id"
    assert org.parent.tolist() == [-1, 0, 0, 1]
    assert org.data_findings == []


@pytest.mark.parametrize(
    "spelling", ["Robert (Bob) Smith", "Robert Smith [C]", "Smith, Robert (1001)"]
)
def test_bracketed_parts_of_names_are_ignored(spelling):
    assert name_key(spelling) == "robert smith"


@pytest.mark.parametrize(
    ("refs", "key"),
    [
        (["Jon Smyth", "Mo Farah"], "name"),
        (["x@y.com", "z@y.com"], "email"),
        (["E-901", "E-902"], "id"),
    ],
)
def test_key_follows_the_values_when_nothing_resolves(refs, key):
    """A partial export whose managers are all missing still says what the column holds."""
    recs = people(
        ("E-1", "Ada Lovelace", refs[0], "ada@x.com"), ("E-2", "Bob Li", refs[1], "bob@x.com")
    )
    org = org_from_records(recs)
    assert org.source.manager_key == key
    assert all(
        f"(matching by {key})" in f.message
        for f in org.data_findings
        if f.rule == "unknown-manager"
    )


def _with_leavers(manager_of_leaver_reports: str) -> list[dict[str, str]]:
    """Thirty people under one boss; ten report to a manager who left (not in the file)."""
    recs = [{"id": "1", "name": "Ada Lovelace", "manager": ""}]
    for i in range(2, 32):
        boss = manager_of_leaver_reports if i % 3 == 0 else "1"
        recs.append({"id": str(i), "name": f"Person {chr(64 + i)} Smith", "manager": boss})
    return recs


def test_ids_of_people_not_in_the_file_build_no_name_keys(monkeypatch):
    """A manager id column that resolves 2/3 (the rest are leavers' ids) is read by id;
    its values hold no letter, so the name keys (seconds at a million people) are never
    made to try them as names."""
    import orgcheck.managers as managers

    made = []
    real = managers.coded_keys
    monkeypatch.setattr(managers, "coded_keys", lambda *a: made.append(1) or real(*a))
    org = org_from_records(_with_leavers("9999"))
    assert org.source.manager_key == "id" and not made
    assert (org.parent == 0).sum() == 20 and {f.rule for f in org.data_findings} >= {
        "unknown-manager"
    }


def test_names_among_unresolved_ids_are_still_tried_as_names(monkeypatch):
    """The same org with the leavers' reports naming a person: names are built, and
    those references find Ada by name."""
    import orgcheck.managers as managers

    made = []
    real = managers.coded_keys
    monkeypatch.setattr(managers, "coded_keys", lambda *a: made.append(1) or real(*a))
    org = org_from_records(_with_leavers("Lovelace, Ada"))
    assert made and (org.parent == 0).sum() == 30


def test_names_are_not_compared_with_ids_that_resolve_nine_in_ten(monkeypatch):
    """Manager ids resolve 95 % (the rest point outside the file); the manager names
    column is not read by name (the name keys of everyone), and the note says so."""
    import orgcheck.columns
    import orgcheck.managers as managers

    monkeypatch.setattr(
        orgcheck.columns,
        "candidate_headers",
        lambda raw, field: ["Manager ID", "Manager Name"] if field == "manager" else [],
    )
    recs = [{"id": "1", "name": "Ada Lovelace", "Manager ID": "", "Manager Name": ""}]
    for i in range(2, 41):
        boss, boss_name = ("9999", "Gone Person") if i in (2, 3) else ("1", "Ada Lovelace")
        recs.append(
            {"id": str(i), "name": f"Person {i}", "Manager ID": boss, "Manager Name": boss_name}
        )
    cols = {"id": "id", "name": "name", "manager": "Manager ID"}
    made = []
    real = managers.coded_keys
    monkeypatch.setattr(managers, "coded_keys", lambda *a: made.append(1) or real(*a))
    org = org_from_records(recs, columns=cols)
    assert org.source.columns["manager"] == "Manager ID" and not made
    note = next(n for n in org.source.notes if n.startswith("manager column"))
    assert note.endswith("'Manager Name' not read by name (95% resolve by id already)")
    monkeypatch.setattr(managers, "STRONG", 0.99)  # below the bar: names are compared
    org = org_from_records(recs, columns=cols)
    assert made and org.source.columns["manager"] == "Manager ID"


def test_names_still_beat_ids_that_resolve_to_the_wrong_people(monkeypatch):
    """A 'ManagerID' that is no employee id (a manager number that happens to be some
    people's ids) resolves 95 %, but to the wrong people: its rows do not name the
    people it points at, so the names are compared, and they win."""
    import orgcheck.columns

    monkeypatch.setattr(
        orgcheck.columns,
        "candidate_headers",
        lambda raw, field: ["ManagerID", "ManagerName"] if field == "manager" else [],
    )
    bosses = {"31": "Ada Lovelace", "32": "Bo Li"}  # employees 31 and 32 manage the rest
    recs = [
        {"id": str(i), "name": f"Person {i}", "ManagerID": "", "ManagerName": ""}
        for i in range(1, 31)
    ]
    recs += [
        {"id": "31", "name": "Ada Lovelace", "ManagerID": "", "ManagerName": ""},
        {"id": "32", "name": "Bo Li", "ManagerID": "1", "ManagerName": "Ada Lovelace"},
    ]
    for i, rec in enumerate(recs[:30]):  # manager numbers 1 and 2: ids of persons 1 and 2
        boss = "31" if i % 2 else "32"
        rec["ManagerID"] = "99" if i == 0 else str(int(boss) - 30)
        rec["ManagerName"] = bosses[boss]
    cols = {"id": "id", "name": "name", "manager": "ManagerID"}
    org = org_from_records(recs, columns=cols)
    assert org.source.columns["manager"] == "ManagerName"
    assert org.source.manager_key == "name"


def _many_names() -> list[str]:
    return [f"Person{i} Q. Name-{i % 97}" for i in range(managers.HALVES_LEAST + 11)]


def _count_helpers(monkeypatch) -> list:
    started = []
    start = managers.Helper.start

    def counted(*args, **kwargs):
        aid = start(*args, **kwargs)
        started.append(aid is not None)
        return aid

    monkeypatch.setattr(managers.Helper, "start", counted)
    return started


def test_keys_made_in_halves_are_the_keys_made_one_by_one(monkeypatch):
    started = _count_helpers(monkeypatch)
    values = _many_names()
    assert managers.in_halves(name_key, values) == [name_key(v) for v in values]
    assert started == [helper.ENABLED]


def test_few_keys_are_made_without_a_helper(monkeypatch):
    started = _count_helpers(monkeypatch)
    values = _many_names()[: managers.HALVES_LEAST - 1]
    assert managers.in_halves(name_key, values) == [name_key(v) for v in values]
    assert started == []


def test_keys_made_alone_when_the_helper_is_late(monkeypatch):
    monkeypatch.setattr(helper.Helper, "result", lambda self, timeout: None)
    values = _many_names()
    assert managers.in_halves(name_key, values) == [name_key(v) for v in values]


def test_keys_made_alone_when_no_helper_can_start(monkeypatch):
    monkeypatch.setattr(helper, "ENABLED", False)
    values = _many_names()
    assert managers.in_halves(name_key, values) == [name_key(v) for v in values]


def test_keys_made_alone_when_the_helper_fails():
    parent = os.getpid()

    def keyer(value: str) -> str:
        if os.getpid() != parent:
            raise RuntimeError("the helper's half fails")
        return name_key(value)

    values = _many_names()
    assert managers.in_halves(keyer, values) == [name_key(v) for v in values]


def test_memoised_keyer_keys_many_once_each():
    calls = []

    def keyer(value: str) -> str:
        calls.append(value)
        return value.lower()

    keyed = managers.Memoised(keyer)
    assert keyed("Ada") == "ada"
    assert keyed.many(["Ada", "Bob", "Ada"]) == ["ada", "bob", "ada"]
    assert calls == ["Ada", "Bob"]


def test_a_lazy_space_is_made_once_even_when_there_is_none():
    made = []
    lazy = managers.LazySpace("email", lambda: made.append(1))  # no email column: None
    assert lazy() is None
    assert lazy() is None
    assert made == [1] and lazy.kind == "email" and lazy.people is None
