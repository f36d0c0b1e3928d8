"""The JSON writer's fast path against the per-person formatter it replaced.

``orgcheck.jsonout`` builds each person's line from a few pieces (free text, and
segments coded by their fields' distinct values), joins narrow and wide text apart,
and escapes only the values that need it. The oracle below is the earlier writer, one
``%`` per person: both must give the same bytes on awkward input.
"""

from __future__ import annotations

import json
from dataclasses import replace
from json.encoder import encode_basestring

import numpy as np
import pandas as pd
import pytest

from orgcheck import jsonout
from orgcheck.model import LEVEL_NAMES
from tests.report_orgs import HOSTILE_STRINGS, hostile_result, make_result, synthetic_result


def _strings(values: np.ndarray) -> np.ndarray:
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    encoded = np.array([encode_basestring(str(u)) for u in uniques] + ["null"], dtype=object)
    return encoded[np.where(codes < 0, len(uniques), codes)]


def _numbers(values, present=None) -> np.ndarray:
    values = np.asarray(values)
    return values if present is None else np.where(present, values.astype(object), "null")


def oracle_lines(result) -> list[str]:
    """Each person's line, formatted one by one (the writer before the fast path)."""
    org = result.org
    p = org.people
    n = len(p)
    id_json = _strings(p["id"].to_numpy(dtype=object))
    has_parent = org.parent >= 0
    level = p["level"].to_numpy() if "level" in p else np.zeros(n, dtype=np.int8)
    level_names = _strings(np.array([None, *LEVEL_NAMES.values()], dtype=object))
    function = p["function"].to_numpy(dtype=object) if "function" in p else np.full(n, "unknown")
    confidence = p["confidence"].to_numpy(dtype=np.float64) if "confidence" in p else np.zeros(n)
    cols = {
        "id": id_json,
        "row": _numbers(p["row"].to_numpy()),
        "name": _strings(p["name"].to_numpy(dtype=object)),
        "title": _strings(p["title"].to_numpy(dtype=object)),
        "manager_id": np.where(has_parent, id_json[np.maximum(org.parent, 0)], "null"),
        "level": _numbers(level, level > 0),
        "level_name": level_names[np.clip(level.astype(np.int64), 0, 6)],
        "function": _strings(function),
        "confidence": _numbers(np.round(confidence, 2)),
        "depth": _numbers(org.depth),
        "direct_reports": _numbers(org.direct_reports),
        "org_size": _numbers(org.org_size),
    }
    if org.dotted_parent is not None:
        dp = org.dotted_parent
        cols["dotted_manager_id"] = np.where(dp >= 0, id_json[np.maximum(dp, 0)], "null")
    template = "{" + ", ".join(f"{encode_basestring(k)}: %s" for k in cols) + "}"
    rows = zip(*[c.tolist() for c in cols.values()], strict=True)
    return [template % row for row in rows]


def people_text(doc: str) -> str:
    """The people array's text inside a document."""
    start = doc.index('"people": [') + len('"people": [')
    end = doc.index('],\n  "findings"', start)
    return doc[start:end]


def expected_people(result) -> str:
    lines = oracle_lines(result)
    return "\n    " + ",\n    ".join(lines) + "\n  " if lines else ""


def with_people(result, **columns):
    people = result.org.people.copy()
    for name, values in columns.items():
        people[name] = values
    return replace(result, org=replace(result.org, people=people))


AWKWARD = [
    'Robert "Bob" Smith',
    "back\\slash",
    "tab\there",
    "new\nline",
    "bell\x07",
    "Dvořák",
    "Yılmaz",
    "Björn",
    "emoji 🙂",
    "lone \ud800 surrogate",
    "\u2028line\u2029",
    "",
    " padded ",
    "nul\x00inside",
]


def _check(result, valid: bool = True) -> None:
    doc = jsonout.render_json(result)
    assert people_text(doc) == expected_people(result)
    if valid:
        json.loads(doc.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))


def test_small_and_hostile_orgs_match_the_oracle():
    _check(make_result())
    _check(hostile_result())


@pytest.mark.parametrize("field", ["name", "id", "title", "function"])
def test_awkward_strings_match_the_oracle(field):
    result = synthetic_result(60)
    values = result.org.people[field].to_numpy(dtype=object).copy()
    for i, text in enumerate(AWKWARD + HOSTILE_STRINGS):
        values[i * 2 + 1] = text
    _check(with_people(result, **{field: pd.Series(values, dtype=object)}))


@pytest.mark.parametrize("missing", [None, np.nan, pd.NA])
def test_missing_names_and_ids_are_null(missing):
    result = synthetic_result(40)
    names = result.org.people["name"].to_numpy(dtype=object).copy()
    ids = result.org.people["id"].to_numpy(dtype=object).copy()
    names[[0, 5, 39]] = missing
    ids[[3, 7]] = missing  # person 3 manages others: their manager_id is null too
    titles = result.org.people["title"].to_numpy(dtype=object).copy()
    titles[2] = missing
    people = {"name": pd.Series(names, dtype=object), "id": pd.Series(ids, dtype=object)}
    _check(with_people(result, title=pd.Series(titles, dtype=object), **people))


def test_numbers_of_other_types_print_as_before():
    result = synthetic_result(30)
    n = len(result.org)
    ids = pd.Series(np.arange(100, 100 + n), dtype=object)  # ints, not str
    level = (np.arange(n) % 7).astype(np.float64)  # floats print as 3.0
    conf = np.linspace(-0.004, 1.0, n)  # rounds to -0.0 first
    _check(with_people(result, id=ids, level=level, confidence=conf))
    conf[4] = np.nan  # printed 'nan' before, and still (not JSON, but unchanged)
    _check(with_people(result, confidence=conf), valid=False)
    _check(with_people(result, row=np.arange(n) * 1.5))  # rows that are not ints
    _check(with_people(result, row=np.arange(n) - 5))  # negative rows
    _check(with_people(result, row=np.arange(n) * 999 + 998))  # thousands and units


def test_large_counts_and_dotted_lines():
    result = synthetic_result(3000, span=400)  # spans and sizes beyond the coded range
    org = result.org
    dotted = np.where(np.arange(len(org)) % 5 == 0, (np.arange(len(org)) * 7) % len(org), -1)
    _check(replace(result, org=replace(org, dotted_parent=dotted.astype(np.int64))))
    sizes = org.org_size.astype(np.int64) * 10**12  # a huge key space: hashed down
    _check(replace(result, org=replace(org, org_size=sizes)))


def test_wide_names_across_chunk_boundaries(monkeypatch):
    monkeypatch.setattr(jsonout, "CHUNK", 7)
    result = synthetic_result(50)
    names = result.org.people["name"].to_numpy(dtype=object).copy()
    for i in (0, 6, 7, 8, 13, 14, 20, 21, 22, 23, 49):
        names[i] = f"Dvořák {i}"
    _check(with_people(result, name=pd.Series(names, dtype=object)))
    names[:] = "Ωmega"  # everyone wide
    _check(with_people(result, name=pd.Series(names, dtype=object)))


def _first(result, k: int):
    """The result cut to its first ``k`` people (no findings; a lone person leads nobody)."""
    org = result.org
    alone = k == 1
    return replace(
        result,
        org=replace(
            org,
            people=org.people.iloc[:k],
            parent=org.parent[:k],
            depth=org.depth[:k],
            direct_reports=org.direct_reports[:k] * (not alone),
            org_size=org.org_size[:k] * (not alone),
            in_cycle=org.in_cycle[:k],
        ),
        findings=[],
    )


def test_empty_org_and_one_person():
    doc = jsonout.render_json(_first(make_result(), 0))
    assert '"people": []' in doc and json.loads(doc)["people"] == []
    _check(_first(make_result(), 1))


def test_streamed_and_whole_documents_are_the_same(tmp_path):
    result = synthetic_result(2000)
    path = tmp_path / "out.json"
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        jsonout.write_json(result, fh)
    assert path.read_text(encoding="utf-8") == jsonout.render_json(result)
