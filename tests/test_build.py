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
