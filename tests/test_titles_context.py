"""classify_org: every person placed, titles table, and the tree refining ambiguous titles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from orgcheck.build import org_from_records
from orgcheck.model import Org, Source
from orgcheck.titles import Classifier, classify_org
from orgcheck.tree import tree_metrics

CLF = Classifier()


def org_of(rows: list[tuple[str, str | None, str | None]]) -> Org:
    """(id, title, manager id) rows -> an Org through the real builder."""
    records = [
        {"id": i, "name": f"Person {i}", "title": t or "", "manager": m or ""} for i, t, m in rows
    ]
    return org_from_records(records)


def hand_org(parent: np.ndarray, titles: list | np.ndarray) -> Org:
    """An Org straight from a parent array, without the builder."""
    m = tree_metrics(parent)
    n = len(parent)
    return Org(
        source=Source("x.csv", None, n, {}, "id"),
        people=pd.DataFrame({"id": np.arange(n).astype(str), "title": titles}),
        parent=parent,
        depth=m.depth,
        direct_reports=m.direct_reports,
        org_size=m.org_size,
        roots=m.roots,
        in_cycle=np.zeros(n, dtype=bool),
    )


def engineers(n: int, manager: str, start: int = 1000) -> list[tuple[str, str, str]]:
    return [(str(start + k), "Software Engineer", manager) for k in range(n)]


def person(org: Org, pid: str) -> pd.Series:
    return org.people.loc[org.people["id"] == pid].iloc[0]


def test_columns_dtypes_and_values() -> None:
    org = org_of([("1", "CEO", None), ("2", "Sr. PM", "1"), ("3", None, "1"), ("4", "Sr. PM", "1")])
    classify_org(org, CLF)
    people = org.people
    assert people["level"].dtype == np.int8
    assert people["confidence"].dtype == np.float32
    assert people["level"].tolist() == [0, 3, 0, 3]
    assert people["level_name"].tolist() == [
        "",
        "Senior Product Manager",
        "",
        "Senior Product Manager",
    ]
    assert people["function"].tolist() == ["executive", "product", "unknown", "product"]
    assert people["confidence"].iloc[2] == 0.0


def test_titles_table_is_distinct_counted_and_stably_ordered() -> None:
    org = org_of(
        [
            ("1", "CEO", None),
            ("2", "PM", "1"),
            ("3", "Designer", "1"),
            ("4", "PM", "1"),
            ("5", "", "1"),
            ("6", "Analyst", "1"),
        ]
    )
    classify_org(org, CLF)
    table = org.titles
    assert list(table.columns) == ["title", "count", "level", "function", "confidence", "reason"]
    assert table["title"].tolist() == ["PM", "Analyst", "CEO", "Designer"]
    assert table["count"].tolist() == [2, 1, 1, 1]
    assert str(table["level"].dtype) == "Int8"
    assert table["level"].iloc[0] == 2 and pd.isna(table["level"].iloc[1])


def test_head_of_product_leading_directors_is_a_vp() -> None:
    rows = [("1", "CEO", None), ("2", "Head of Product", "1")]
    rows += [("3", "Director of Product", "2"), ("4", "Director, Product", "2")]
    rows += [("5", "Senior PM", "3"), ("6", "PM", "4"), *engineers(60, "1")]
    org = org_of(rows)
    classify_org(org, CLF)
    head = person(org, "2")
    assert head["level"] == 5
    assert head["level_note"] == (
        "'Head of Product' is rung 4-5; reports to 'CEO' and leads 2 Directors -> rung 5"
    )
    row = org.titles.loc[org.titles["title"] == "Head of Product"].iloc[0]
    assert row["level"] == 5 and "leads 2 Directors" in row["reason"]


def pms(first: int, n: int, manager: str, title: str = "Product Manager") -> list:
    return [(str(first + k), title, manager) for k in range(n)]


@pytest.mark.parametrize("company", [14, 75, 400, 5000])
@pytest.mark.parametrize("team", [2, 6])
def test_head_of_product_leading_pms_is_first_line_at_any_size(company: int, team: int) -> None:
    """Rung 4 is 'leads a team of PMs': a big company does not make it a VP."""
    rows = [("1", "CEO", None), ("2", "Head of Product", "1"), *pms(10, team, "2")]
    org = org_of(rows + engineers(company - len(rows), "1"))
    classify_org(org, CLF)
    head = person(org, "2")
    assert head["level"] == 4
    assert head["level_note"] == (
        f"'Head of Product' is rung 4-5; reports to 'CEO' and manages {team} product "
        "people and no product leaders: a first-line product leader -> rung 4"
    )


def test_head_of_product_over_a_player_coach_and_a_small_team_stays_first_line() -> None:
    rows = [("1", "CEO", None), ("2", "Head of Product", "1"), ("3", "Senior PM", "2")]
    rows += pms(10, 2, "3") + pms(20, 3, "2") + engineers(300, "1")
    org = org_of(rows)
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 4


def test_head_of_product_leading_leaders_of_a_big_org_is_a_vp() -> None:
    """Three Senior PMs who each lead 5 PMs: 18 product people through other managers."""
    rows = [("1", "CEO", None), ("2", "Head of Product", "1")]
    for k in range(3):
        lead = str(3 + k)
        rows += [(lead, "Senior PM", "2"), *pms(10 + 10 * k, 5, lead)]
    org = org_of(rows)
    classify_org(org, CLF)
    head = person(org, "2")
    assert head["level"] == 5
    assert "leads 3 managers of product teams, 18 product people in all" in head["level_note"]


def test_head_of_product_over_group_pms_is_a_vp_and_they_stay_first_line() -> None:
    """Both titles are ambiguous: each reads the other at its uncapped rung."""
    rows = [("1", "CEO", None), ("2", "Head of Product", "1")]
    rows += [("3", "Group Product Manager", "2"), ("4", "Group Product Manager", "2")]
    rows += pms(10, 3, "3") + pms(20, 3, "4", "Senior Product Manager")
    org = org_of(rows)
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 5
    assert "leads 2 Directors -> rung 5" in person(org, "2")["level_note"]
    assert person(org, "3")["level"] == 4 and person(org, "4")["level"] == 4


def test_configured_company_size_does_not_move_a_head_of_product() -> None:
    from types import SimpleNamespace

    rows = [("1", "CEO", None), ("2", "Head of Product", "1"), ("3", "PM", "2"), ("4", "PM", "2")]
    org = org_of(rows + engineers(10, "1"))
    big = Classifier.from_config(SimpleNamespace(company_size=4000, startup_headcount=10))
    classify_org(org, big)
    assert person(org, "2")["level"] == 4


def test_group_pm_leading_senior_pms_under_a_director_stays_above_them() -> None:
    """GitLab's Group Manager, Product leads Senior PMs: rung 4, one same-rung line up."""
    rows = [("1", "VP, Product Management", None), ("2", "Director, Product Management", "1")]
    rows += [("3", "Group Manager, Product", "2"), ("4", "Group Product Manager", "2")]
    rows += [*pms(10, 2, "3", "Senior Product Manager"), *pms(20, 2, "3")]
    rows += [*pms(30, 2, "4", "Senior PM"), ("5", "GPM", "2")]
    org = org_of(rows)
    classify_org(org, CLF)
    for pid in ("3", "4"):
        gpm = person(org, pid)
        assert gpm["level"] == 4
        assert (
            "works under a Director but leads Senior PMs, so stays above them"
            in (gpm["level_note"])
        )
    assert person(org, "5")["level"] == 3  # a Group PM who manages nobody is an IC
    assert "manages no one -> rung 3" in person(org, "5")["level_note"]
    row = org.titles.loc[org.titles["title"] == "Group Manager, Product"].iloc[0]
    assert row["level"] == 4 and "leads Senior PMs" in row["reason"]


def test_head_of_product_leading_directors_under_a_vp_is_rung_4() -> None:
    """Above the first-line rung the boss decides, as for a Senior Director."""
    rows = [("1", "VP of Product", None), ("2", "Head of Product", "1")]
    rows += [("3", "Director of Product", "2"), ("4", "Director of Product", "2")]
    rows += pms(10, 3, "3") + pms(20, 3, "4")
    org = org_of(rows)
    classify_org(org, CLF)
    head = person(org, "2")
    assert head["level"] == 4
    assert "leads 2 Directors, but works under a VP -> rung 4" in head["level_note"]


def test_group_pm_managing_pms_under_a_vp_is_first_line() -> None:
    rows = [("1", "VP Product", None), ("2", "Group Product Manager", "1"), *pms(10, 3, "2")]
    org = org_of(rows)
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 4
    assert "manages 3 product people -> rung 4" in person(org, "2")["level_note"]


@pytest.mark.parametrize("title", ["Lead Product Manager", "Product Lead"])
def test_lead_titles_managing_senior_pms_are_rung_4(title: str) -> None:
    rows = [("1", "Director of Product", None), ("2", title, "1"), ("3", title, "1")]
    rows += pms(10, 2, "2", "Senior Product Manager")
    org = org_of(rows)
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 4
    assert person(org, "3")["level"] == 3  # manages no one


def test_bank_pay_band_pms_are_placed_by_whom_they_lead() -> None:
    """'VP, Product Manager' leading AVP PMs is their lead (3); the AVPs stay PMs (2)."""
    rows = [("1", "Executive Director, Product Management", None)]
    rows += [("2", "Vice President, Product Manager", "1"), ("3", "Product Manager, VP", "1")]
    rows += pms(10, 2, "2", "AVP, Product Manager") + pms(20, 2, "3", "Product Manager, AVP")
    org = org_of(rows)
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 3 and person(org, "3")["level"] == 3
    assert set(org.people["level"].iloc[3:].tolist()) == {2}
    assert "manages no one -> rung 2" in person(org, "10")["level_note"]


def test_titles_table_gives_the_most_common_tree_reason() -> None:
    rows = [("1", "VP Product", None)]
    rows += [("2", "Product Lead", "1"), ("3", "Product Lead", "1"), ("4", "Product Lead", "1")]
    rows += pms(10, 2, "2") + pms(20, 2, "3")
    org = org_of(rows)
    classify_org(org, CLF)
    row = org.titles.loc[org.titles["title"] == "Product Lead"].iloc[0]
    assert "2 at rung 4" in row["reason"] and "1 at rung 3" in row["reason"]
    assert (
        "most often 'Product Lead' is rung 2-4; reports to 'VP Product' and manages 2"
        in (row["reason"])
    )


def test_product_lead_who_manages_no_one_is_rung_3() -> None:
    org = org_of(
        [("1", "VP of Product", None), ("2", "Product Lead", "1"), ("3", "Product Lead", "1")]
    )
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 3
    assert "manages no one -> rung 3" in person(org, "2")["level_note"]


def test_product_lead_managing_pms_is_a_director_unless_under_one() -> None:
    rows = [
        ("1", "VP Product", None),
        ("2", "Product Lead", "1"),
        ("3", "PM", "2"),
        ("4", "APM", "2"),
    ]
    rows += [
        ("5", "Director of Product", "1"),
        ("6", "Group Product Manager", "5"),
        ("7", "PM", "6"),
    ]
    org = org_of(rows)
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 4
    assert "manages 2 product people" in person(org, "2")["level_note"]
    gpm = person(org, "6")
    assert gpm["level"] == 3
    assert "works under a Director" in gpm["level_note"]


def test_unambiguous_titles_are_not_touched_by_the_tree() -> None:
    org = org_of([("1", "Senior PM", None), ("2", "Director of Product", "1")])
    classify_org(org, CLF)
    assert person(org, "2")["level"] == 4  # an inverted line is a rule's business, not ours
    assert org.people["level_note"].tolist() == ["", ""]


def test_works_on_an_org_built_by_hand() -> None:
    parent = np.array([-1, 0, 1, 1], dtype=np.int64)
    org = hand_org(parent, ["CEO", "Head of Product", "PM", np.nan])
    classify_org(org, CLF)
    assert org.people["level"].tolist() == [0, 4, 2, 0]
    assert org.titles["title"].tolist() == ["CEO", "Head of Product", "PM"]


def test_many_people_few_titles() -> None:
    """One classification per distinct title: 60,000 people, a handful of titles."""
    n = 60_000
    parent = np.concatenate([[-1], np.zeros(99, dtype=np.int64), 1 + np.arange(n - 100) % 99])
    titles = np.array(
        ["VP Product"] + ["Product Lead"] * 99 + ["PM", "Sr. PM", "Engineer"] * 20_000
    )
    org = hand_org(parent, titles[:n])
    counting = Classifier()
    calls: list[str] = []
    original = counting._read
    counting._read = lambda text, title: calls.append(title) or original(text, title)  # type: ignore[method-assign]
    classify_org(org, counting)
    assert sorted(calls) == sorted(set(titles[:n]))
    leads = org.people["level"].to_numpy()[1:100]
    manages_pms = np.arange(99) % 3 != 2  # the others lead only engineers
    assert (leads[manages_pms] == 4).all() and (leads[~manages_pms] == 3).all()
    assert len(org.titles) == 5
