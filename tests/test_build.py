"""build_org / org_from_records: people, skipped rows and the tree from small record lists."""

from __future__ import annotations

import numpy as np
import pytest

from orgcheck.build import org_from_records


def rec(id_, name, title="Product Manager", manager="", **extra):
    return {"id": id_, "name": name, "title": title, "manager": manager, **extra}


SMALL = [
    rec("1", "Ada Lovelace", "CEO"),
    rec("2", "Bob Li", "VP of Product", "1"),
    rec("3", "Cy Okafor", "Director of Product", "2"),
    rec("4", "Dee Park", "Product Manager", "3"),
    rec("5", "Eli Ruiz", "Product Manager", "3"),
]


def test_small_org_tree_and_metrics():
    org = org_from_records(SMALL)
    assert org.people["id"].tolist() == ["1", "2", "3", "4", "5"]
    assert org.people["row"].tolist() == [2, 3, 4, 5, 6]
    assert org.parent.tolist() == [-1, 0, 1, 2, 2]
    assert org.depth.tolist() == [0, 1, 2, 3, 3]
    assert org.direct_reports.tolist() == [1, 1, 2, 0, 0]
    assert org.org_size.tolist() == [4, 3, 2, 0, 0]
    assert org.roots.tolist() == [0]
    assert org.layers == 4
    assert not org.in_cycle.any()
    assert org.source.manager_key == "id"
    assert org.source.columns["manager"] == "manager"
    assert org.data_findings == []
    assert org.skipped == {}


def test_people_columns_are_the_model_contract():
    org = org_from_records(SMALL)
    assert list(org.people.columns) == [
        "id", "row", "name", "title", "email", "department", "location",
        "start_date", "status", "level_code", "manager_ref", "dotted_ref",
    ]  # fmt: skip
    assert org.people["row"].dtype == np.int64
    assert org.people["email"].tolist() == [""] * 5


@pytest.mark.parametrize("raw_id", ["1001", "1001.0", " 1001 ", "1001.00", "001001"])
def test_id_spellings_resolve(raw_id):
    org = org_from_records([rec("1001", "Ada Lovelace", "CEO"), rec("2", "Bob Li", manager=raw_id)])
    assert org.parent.tolist() == [-1, 0]
    assert org.data_findings == []


def test_float_ids_are_shown_as_integers():
    org = org_from_records(
        [rec("1001.0", "Ada Lovelace", "CEO"), rec("1002.0", "Bob", manager="1001")]
    )
    assert org.people["id"].tolist() == ["1001", "1002"]
    assert org.parent.tolist() == [-1, 0]


def rules_of(org):
    return [f.rule for f in org.data_findings]


def only(org, rule):
    found = [f for f in org.data_findings if f.rule == rule]
    assert len(found) == 1, [f.message for f in org.data_findings]
    return found[0]


# --- data-quality findings: one firing and one quiet case each -----------------------


def test_unknown_manager_fires_and_names_row_value_person():
    org = org_from_records([*SMALL, rec("6", "Fay Wong", manager="Jon Smyth")])
    f = only(org, "unknown-manager")
    assert f.code == "OC101"
    assert f.people == ("6",)
    assert f.rows == (7,)
    assert f.message.startswith("row 7: manager 'Jon Smyth' of Fay Wong matches nobody")
    assert "Correct the manager cell" in f.suggestion
    assert org.parent[5] == -1


def test_unknown_manager_groups_people_by_value():
    org = org_from_records(
        [
            *SMALL,
            rec("6", "Fay", manager="99"),
            rec("7", "Gus", manager="99"),
            rec("8", "Hal", manager="98"),
        ]
    )
    unknown = [f for f in org.data_findings if f.rule == "unknown-manager"]
    assert [f.people for f in unknown] == [("6", "7"), ("8",)]
    assert "named by 2 people: Fay (row 7), Gus (row 8)" in unknown[0].message


def test_many_unknown_manager_values_listed_in_row_order_then_summed_up(monkeypatch):
    """Past the cap, the first values by row are listed and the rest summed up in one
    finding that counts all their people and carries the first MAX_PEOPLE of them."""
    from orgcheck import quality

    monkeypatch.setattr(quality, "MAX_PER_RULE", 3)
    monkeypatch.setattr(quality, "MAX_PEOPLE", 3)
    missing = ["95", "99", "95", "97", "96", "99", "98", "96", "94"]
    recs = [rec(str(10 + i), f"P{i}", manager=m) for i, m in enumerate(missing)]
    unknown = [f for f in org_from_records([*SMALL, *recs]).data_findings
               if f.rule == "unknown-manager"]  # fmt: skip
    assert [f.people for f in unknown[:3]] == [("10", "12"), ("11", "15"), ("13",)]
    assert unknown[3].message.startswith("3 more manager values (4 people), not listed")
    assert unknown[3].people == ("14", "17", "16") and unknown[3].rows == (11, 14, 13)
    assert len(unknown) == 4


def test_unknown_manager_suggests_a_close_name():
    recs = [rec("1", "Ada Lovelace", "CEO"), rec("2", "Bob Li", manager="Ada Lovelace"),
            rec("3", "Cy Ng", manager="Ada Lovelance")]  # fmt: skip
    f = only(org_from_records(recs), "unknown-manager")
    assert f.suggestion.startswith("Did you mean Ada Lovelace (row 2)?")


def test_unknown_manager_quiet_when_every_manager_exists():
    assert "unknown-manager" not in rules_of(org_from_records(SMALL))


def test_ambiguous_manager_fires_for_two_people_with_one_name():
    recs = [
        rec("1", "Ada Lovelace", "CEO"),
        rec("2", "Alex Kim", "VP of Product", "Ada Lovelace"),
        rec("3", "Alex Kim", "VP of Engineering", "Ada Lovelace"),
        rec("4", "Bea Ruiz", "Product Manager", "Alex Kim"),
    ]
    org = org_from_records(recs)
    f = only(org, "ambiguous-manager")
    assert f.code == "OC102"
    assert f.people == ("4",)
    assert "matches 2 people: Alex Kim (row 3), Alex Kim (row 4)" in f.message
    assert "left unresolved" in f.message
    assert org.parent.tolist() == [-1, 0, 0, -1]


def test_ambiguous_manager_quiet_for_distinct_names():
    recs = [
        rec("1", "Ada Lovelace", "CEO"),
        rec("2", "Alex Kim", manager="Ada Lovelace"),
        rec("3", "Alex Kimball", manager="Ada Lovelace"),
        rec("4", "Bo", manager="Alex Kim"),
    ]
    org = org_from_records(recs)
    assert rules_of(org) == []
    assert org.parent.tolist() == [-1, 0, 0, 1]


def test_reporting_cycle_fires_names_members_and_cuts():
    recs = [
        *SMALL,
        rec("6", "Fay", manager="8"),
        rec("7", "Gus", manager="6"),
        rec("8", "Hal", manager="7"),
    ]
    org = org_from_records(recs)
    f = only(org, "reporting-cycle")
    assert f.code == "OC103"
    assert f.severity == "error"
    assert set(f.people) == {"6", "7", "8"}
    assert "Fay (row 7) → Hal (row 9) → Gus (row 8) → Fay" in f.message
    assert org.in_cycle.tolist() == [False] * 5 + [True] * 3
    assert org.parent.tolist()[5:] == [-1, 5, 6]  # cut above Fay, the first row
    assert (org.depth >= 0).all()


def test_reporting_cycle_quiet_for_a_tree():
    org = org_from_records(SMALL)
    assert "reporting-cycle" not in rules_of(org)
    assert not org.in_cycle.any()


def test_duplicate_id_fires_and_makes_references_ambiguous():
    recs = [*SMALL, rec("4", "Dana Poe", manager="3"), rec("9", "Ivy", manager="4")]
    org = org_from_records(recs)
    dup = only(org, "duplicate-person")
    assert dup.code == "OC104"
    assert dup.people == ("4", "4")
    assert dup.rows == (5, 7)
    assert dup.message.startswith("id '4' is on 2 rows: Dee Park (row 5), Dana Poe (row 7)")
    assert dup.suggestion.endswith("matches all of them and is left unresolved.")
    assert len(org) == 7  # both rows kept
    assert only(org, "ambiguous-manager").people == ("9",)


def test_same_person_twice_is_reported_but_keeps_their_reports():
    """Workday lists a worker once per position: same id, same name."""
    recs = [
        *SMALL,
        rec("3", "Okafor, Cy", "Director of Platform", "2"),
        rec("9", "Ivy", manager="3"),
    ]
    org = org_from_records(recs)
    dup = only(org, "duplicate-person")
    assert dup.rows == (4, 7)
    assert dup.suggestion.endswith("references to it were linked to the first, row 4.")
    assert "ambiguous-manager" not in rules_of(org)
    assert org.parent.tolist() == [-1, 0, 1, 2, 2, 1, 2]


def test_duplicate_email_fires():
    recs = [rec("1", "Ada", "CEO", email="a@x.com"), rec("2", "Bob", manager="1", email="A@X.com")]
    f = only(org_from_records(recs), "duplicate-person")
    assert f.message.startswith("email 'a@x.com' is on 2 rows: Ada (row 2), Bob (row 3)")
    assert f.people == ("1", "2")


def test_duplicate_quiet_for_blank_emails_and_distinct_ids():
    recs = [rec("1", "Ada", "CEO", email=""), rec("2", "Bob", manager="1", email="")]
    assert "duplicate-person" not in rules_of(org_from_records(recs))


def test_multiple_roots_lists_trees_with_sizes():
    recs = [*SMALL, rec("6", "Fay", "CTO"), rec("7", "Gus", manager="6"), rec("8", "Hal", "Intern")]
    f = only(org_from_records(recs), "multiple-roots")
    assert f.code == "OC105"
    assert f.people == ("1", "6", "8")  # largest tree first
    assert (
        "2 separate trees: Ada Lovelace (row 2) with 4 beneath, Fay (row 7) with 1 beneath"
        in f.message
    )
    assert "plus 1 person with no manager and nobody under them" in f.message


def test_multiple_roots_one_head_and_loners():
    f = only(org_from_records([*SMALL, rec("6", "Fay", manager="nobody-here")]), "multiple-roots")
    assert f.message.startswith(
        "Ada Lovelace (row 2) heads the org, but 1 other person has no manager and nobody "
        "under them: Fay (row 7)"
    )


def test_multiple_roots_quiet_for_one_top():
    assert "multiple-roots" not in rules_of(org_from_records(SMALL))


def test_multiple_roots_quiet_without_a_manager_column():
    recs = [{"id": "1", "name": "Ada", "title": "CEO"}, {"id": "2", "name": "Bob", "title": "PM"}]
    org = org_from_records(recs)
    assert rules_of(org) == []
    assert org.source.manager_key is None
    assert "no manager column" in org.source.notes[-1]


def test_missing_title_fires_once_for_all():
    org = org_from_records([*SMALL, rec("6", "Fay", "", "1"), rec("7", "Gus", " ", "1")])
    f = only(org, "missing-title")
    assert f.code == "OC106"
    assert f.people == ("6", "7")
    assert f.message == "2 people have no title: Fay (row 7), Gus (row 8)"


def test_missing_title_single_person_message():
    f = only(org_from_records([*SMALL, rec("6", "Fay", "", "1")]), "missing-title")
    assert f.message == "row 7: Fay has no title"


def test_missing_title_quiet_when_all_titled():
    assert "missing-title" not in rules_of(org_from_records(SMALL))


# --- rows left out --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "header", "left_out"),
    [
        ("Terminated", "status", True),
        ("Voluntarily Terminated", "status", True),
        ("Terminated for Cause", "status", True),
        ("Inactive", "status", True),
        ("inactive", "status", True),
        ("DEPROVISIONED", "status", True),
        ("Deactivated", "status", True),
        ("Former employee", "status", True),
        ("ausgetreten", "status", True),
        ("Inaktiv", "status", True),
        ("False", "accountEnabled", True),
        ("Ex-Employee", "status", True),
        ("Laid off", "status", True),
        ("Suspended", "Status [READ ONLY]", True),
        ("Active", "status", False),
        ("PASSWORD_EXPIRED", "status", False),
        ("LOCKED_OUT", "status", False),
        ("Long Term Leave", "status", False),
        ("Pre-hire", "status", False),
        ("Hired", "status", False),
        ("Accepted", "status", False),
        ("On Leave", "status", False),
        ("Leave of Absence", "status", False),
        ("Future Start", "status", False),
        ("True", "accountEnabled", False),
        ("False", "status", False),  # only a yes/no header makes False mean "left"
        ("", "status", False),
    ],
)
def test_leaver_statuses(status, header, left_out):
    recs = [
        {"id": "1", "name": "Ada", "title": "CEO", "manager": "", header: ""},
        {"id": "2", "name": "Bob", "title": "PM", "manager": "1", header: status},
    ]  # fmt: skip
    org = org_from_records(recs, columns={"id": "id", "name": "name", "title": "title",
                                          "manager": "manager", "status": header})  # fmt: skip
    assert len(org) == (1 if left_out else 2)
    assert org.skipped == ({"terminated": 1} if left_out else {})


def test_blank_and_nameless_rows_are_counted():
    recs = [*SMALL, rec("", "", "", ""), rec("", "", "Product Manager", "1")]
    org = org_from_records(recs)
    assert len(org) == 5
    assert org.skipped == {"blank": 1, "no name or id": 1}
    assert org.source.rows == 7


def test_id_without_name_is_kept_and_name_without_id_gets_a_row_id():
    org = org_from_records([*SMALL, rec("6", "", manager="1"), rec("", "Gus", manager="1")])
    assert org.people["id"].tolist()[-2:] == ["6", "row-8"]
    assert len(org) == 7


def test_manager_of_a_leaver_is_unknown():
    recs = [*SMALL, rec("6", "Fay", status="Terminated", manager="1"), rec("7", "Gus", manager="6")]
    org = org_from_records(recs)
    assert org.skipped == {"terminated": 1}
    assert only(org, "unknown-manager").people == ("7",)


def test_every_row_is_a_person_or_skipped():
    recs = [
        *SMALL,
        rec("", "", "", ""),
        rec("6", "Fay", status="Inactive"),
        rec("7", "Gus", status="Active"),
    ]
    org = org_from_records(recs)
    assert len(org) + sum(org.skipped.values()) == len(recs)


def test_empty_records():
    org = org_from_records([])
    assert len(org) == 0
    assert org.data_findings == []
    assert org.layers == 0


def test_unknown_manager_says_when_the_manager_is_a_leaver():
    recs = [
        rec("1", "Ada", "CEO", status="Active"),
        rec("2", "Peter Jones", manager="1", status="Terminated"),
        rec("3", "Gus", manager="2", status="Active"),
    ]
    f = only(org_from_records(recs), "unknown-manager")
    assert f.message == (
        "row 4: manager '2' of Gus is Peter Jones (row 3, status 'Terminated'), "
        "who was left out as a leaver (matching by id)"
    )
    assert f.suggestion.startswith("Give them their current manager")


def test_multiple_roots_mentions_cut_cycles():
    recs = [*SMALL, rec("6", "Fay", manager="7"), rec("7", "Gus", manager="6")]
    f = only(org_from_records(recs), "multiple-roots")
    assert "(1 of them only because a reporting cycle was cut)" in f.message


@pytest.mark.parametrize(
    ("typo", "hint"),
    [
        ("ada.lovelance@x.com", "Did you mean Ada Lovelace (row 2)? "),
        ("ada.lovelace@y.com", ""),  # another domain is not a typo of this one
        ("daria.laurent@x.com", ""),  # a shared domain alone does not make two people close
    ],
)
def test_unknown_email_suggestion(typo, hint):
    recs = [
        rec("1", "Ada Lovelace", "CEO", email="ada.lovelace@x.com"),
        rec("2", "Tomas Laurent", manager="ada.lovelace@x.com", email="tomas.laurent@x.com"),
        rec("3", "Cy Ng", manager=typo, email="cy@x.com"),
    ]
    f = only(org_from_records(recs), "unknown-manager")
    assert f.suggestion.startswith(hint + "Correct the manager cell")


def test_notes_say_how_ids_were_read():
    org = org_from_records([rec("1001.0", "Ada", "CEO"), rec("", "Bob", manager="1001")])
    assert "1 id written as decimals read as whole numbers ('1001.0' as '1001')" in org.source.notes
    assert "1 person without an id known by row ('row-N')" in org.source.notes
    assert org.people["id"].tolist() == ["1001", "row-3"]


def test_ids_merged_by_excel_scientific_notation_fall_back_to_rows():
    records = [
        {"Employee_ID": "1.71138E+12", "Full_Name": n, "Title": t, "Manager_Name": m}
        for n, t, m in [
            ("Ada Top", "CEO", ""),
            ("Bo Vee", "VP of Product", "Ada Top"),
            ("Cy Pem", "Product Manager", "Bo Vee"),
        ]
    ]
    columns = {
        "id": "Employee_ID",
        "name": "Full_Name",
        "title": "Title",
        "manager": "Manager_Name",
    }
    org = org_from_records(records, columns=columns)
    assert org.people["id"].tolist() == ["2", "3", "4"]
    assert org.parent.tolist() == [-1, 0, 1]
    assert not [f for f in org.data_findings if f.rule == "duplicate-person"]
    assert any("scientific notation" in n for n in org.source.notes)


def test_unique_scientific_looking_ids_are_kept():
    records = [
        {"id": "1.1E+3", "name": "Ada Top", "title": "CEO", "manager": ""},
        {"id": "1.2E+3", "name": "Bo Vee", "title": "VP of Product", "manager": "1.1E+3"},
    ]
    org = org_from_records(records)
    assert org.people["id"].tolist() == ["1.1E+3", "1.2E+3"]
    assert org.parent.tolist() == [-1, 0]


@pytest.mark.parametrize(
    ("blanks", "sci", "plain", "damaged"),
    [
        (0, 2_600, 2_400, True),  # the first 5,000 filled ids decide: half look scientific
        (0, 2_400, 2_600, False),
        (30_000, 2_600, 40_000, True),  # blanks first: the sample reaches past them
        (0, 2_600, 0, True),  # fewer than 5,000 filled
    ],
)
def test_scientific_ids_are_judged_on_the_first_filled_cells(blanks, sci, plain, damaged):
    import pandas as pd

    from orgcheck.build import damaged_ids

    cells = [""] * blanks + ["1.71138E+12"] * sci + [str(i) for i in range(plain)] + ["7"] * 9
    frame = pd.DataFrame({"id": cells}, dtype=object)
    assert (damaged_ids(frame, {"id": "id"}) == "id") is damaged


def test_last_first_names_are_shown_first_last_and_still_match():
    records = [
        {"id": "1", "name": "Okafor, Maya", "title": "CEO", "manager": ""},
        {"id": "2", "name": "Lindqvist,  Sofia", "title": "VP of Product", "manager": ""},
    ]
    records[1]["manager"] = "Maya Okafor"
    org = org_from_records(records)
    assert org.people["name"].tolist() == ["Maya Okafor", "Sofia Lindqvist"]
    assert org.parent.tolist() == [-1, 0]
    assert any("Last, First" in n for n in org.source.notes)


def test_a_lone_comma_in_a_first_last_file_is_left_alone():
    names = ["Ann Lee", "Bo Chen", "Cy Park", "Dee Fox", "Martin Luther King, Jr."]
    records = [{"id": str(i), "name": n, "title": "PM", "manager": ""} for i, n in enumerate(names)]
    org = org_from_records(records)
    assert org.people["name"].tolist() == names


@pytest.mark.parametrize(
    ("value", "header", "left"),
    [
        ("No", "Inactive", False),
        ("Yes", "Inactive", True),
        ("Y", "TERMD", True),
        ("Active (not terminated)", "Status", False),
        ("not terminated", "Status", False),
        ("Not active", "Status", True),
        ("Inactive - not rehireable", "Status", True),
        ("false", "accountEnabled", True),
        ("On Leave", "Status", False),
    ],
)
def test_leaver_statuses_read_the_header_and_negations(value, header, left):
    from orgcheck.status import is_leaver

    assert is_leaver(value, header) is left


@pytest.mark.parametrize("blanks", [0, 5_000])
def test_a_repeated_email_is_found_in_a_long_file(blanks):
    """Past 10,000 rows emails are first compared by hash; a real repeat must survive."""
    n = 12_000
    records = [
        {"id": str(i + 1), "name": f"P{i}", "email": f"p{i}@x.com" if i >= blanks else ""}
        for i in range(n)
    ]
    org = org_from_records(records)
    assert not [f for f in org.data_findings if f.rule == "duplicate-person"]
    records[-1]["email"] = records[-2]["email"]
    org = org_from_records(records)
    (found,) = [f for f in org.data_findings if f.rule == "duplicate-person"]
    assert found.rows == (n, n + 1)
