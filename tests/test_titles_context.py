"""classify_org: every person placed, titles table, and the tree refining ambiguous titles."""

from __future__ import annotations

import numpy as np
import pandas as pd

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


def test_head_of_product_at_a_startup_is_a_director() -> None:
    rows = [("1", "CEO", None), ("2", "Head of Product", "1"), ("3", "PM", "2"), ("4", "PM", "2")]
    org = org_of(rows + engineers(10, "1"))
    classify_org(org, CLF)
    head = person(org, "2")
    assert head["level"] == 4
    assert "at a company of 14 people" in head["level_note"]
    classify_org(org, CLF, company_size=400)  # the file is only part of a bigger company
    head = person(org, "2")
    assert head["level"] == 5
    assert "no product leader above" in head["level_note"]


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


def test_configured_company_size_and_startup_headcount() -> None:
    from types import SimpleNamespace

    rows = [("1", "CEO", None), ("2", "Head of Product", "1"), ("3", "PM", "2"), ("4", "PM", "2")]
    org = org_of(rows + engineers(10, "1"))
    big = Classifier.from_config(SimpleNamespace(company_size=400, startup_headcount=50))
    classify_org(org, big)
    assert person(org, "2")["level"] == 5
    tiny = Classifier.from_config(SimpleNamespace(company_size=None, startup_headcount=10))
    classify_org(org, tiny)
    assert person(org, "2")["level"] == 5  # 14 people is above a startup headcount of 10
