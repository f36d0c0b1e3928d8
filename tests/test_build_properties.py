"""Property tests: arbitrary people and manager links never break the builder.

Whatever the links (cycles, self-references, dangling ids, shared names, sentinels,
leavers, blank rows), building never raises, never loses a row (each row is a person
or counted in ``Org.skipped``), and leaves a forest whose metrics add up.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgcheck.build import build_org, org_from_records
from orgcheck.managers import KEYERS
from orgcheck.model import RawTable
from orgcheck.names import (
    WHITESPACE,
    _strip_accents,
    _tokens,
    clean_text,
    display_id,
    first_value,
    id_key,
    is_sentinel,
    loose_name_key,
    name_key,
    name_tokens,
    normalise,
)
from orgcheck.tree import cycle_members

IDS = st.sampled_from(["1", "2", "3", "4", "5", "6", "7", "8", "1.0", "007", " 3 ", "x9", ""])
NAMES = st.sampled_from(
    ["Ada Lovelace", "Lovelace, Ada", "Alex Kim", "alex  kim", "Bo", "Renée Roy", "", "  "]
)
STATUS = st.sampled_from(["", "Active", "Terminated", "inactive", "On Leave", "False"])
TITLES = st.sampled_from(["", "Product Manager", "VP of Product", "CEO"])


@st.composite
def records(draw):
    n = draw(st.integers(0, 25))
    rows = []
    for _ in range(n):
        manager = draw(
            st.one_of(
                IDS,
                NAMES,
                st.sampled_from(["NO_MANAGER", "n/a", "-", "0", "ada@x.com", "99"]),
                st.text(max_size=8),
            )
        )
        rows.append(
            {
                "id": draw(IDS),
                "name": draw(NAMES),
                "title": draw(TITLES),
                "manager": manager,
                "email": draw(st.sampled_from(["", "ada@x.com", "ADA@x.com", "bo@x.com"])),
                "status": draw(STATUS),
            }
        )
    return rows


def check_invariants(org, n_rows: int) -> None:
    n = len(org)
    assert n + sum(org.skipped.values()) == n_rows
    assert all(v > 0 for v in org.skipped.values())
    parent = org.parent
    assert parent.dtype == np.int64
    assert ((parent >= -1) & (parent < n)).all()
    assert not (parent == np.arange(n)).any()
    on_cycle, _ = cycle_members(parent)
    assert not on_cycle.any(), "cycles must be cut"
    assert (org.depth >= 0).all()
    assert org.direct_reports.sum() == np.count_nonzero(parent >= 0)
    assert org.org_size[org.roots].sum() + len(org.roots) == n
    assert org.people["row"].is_unique
    assert len(org.in_cycle) == len(org.depth) == len(org.org_size) == n
    ids = set(org.people["id"])
    for f in org.data_findings:
        assert set(f.people) <= ids
        assert f.code.startswith("OC1")
        assert f.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_arbitrary_links_never_break_the_build(recs):
    org = org_from_records(recs)
    check_invariants(org, len(recs))
    # every top is explained: no manager given, a self-reference, a finding, or a cut cycle
    named = {p for f in org.data_findings if f.rule.endswith("-manager") for p in f.people}
    for i in org.roots.tolist():
        ref = org.people["manager_ref"].iat[i]
        explained = (
            is_sentinel(ref)
            or org.in_cycle[i]
            or org.people["id"].iat[i] in named
            or refers_to_self(org, i, ref)
        )
        assert explained, (i, ref, org.source.manager_key)


def refers_to_self(org, i: int, ref: str) -> bool:
    """The reference names the person themself, by any key (a mixed column may use any)."""
    for kind, column in (("id", "id"), ("email", "email"), ("name", "name")):
        mine, theirs = KEYERS[kind](org.people[column].iat[i]), KEYERS[kind](ref)
        if kind == "name":
            mine, theirs = loose_name_key(mine), loose_name_key(theirs)
        if mine and mine == theirs:
            return True
    return False


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-3, 30), max_size=30))
def test_arbitrary_parent_arrays(links):
    """Managers given as positions: dangling, self and cyclic links all end in a forest."""
    recs = [
        {"id": str(i), "name": f"P{i}", "title": "PM", "manager": str(m) if m >= 0 else ""}
        for i, m in enumerate(links)
    ]
    org = org_from_records(recs)
    check_invariants(org, len(recs))
    cycle_people = {p for f in org.data_findings if f.rule == "reporting-cycle" for p in f.people}
    assert cycle_people == set(org.people["id"][org.in_cycle])


CELLS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CELLS, CELLS, CELLS, CELLS, CELLS), max_size=20))
def test_arbitrary_text_cells(rows):
    """Any text at all in any mapped column (unicode, NULs, spaces, numbers as text)."""
    headers = ["Employee ID", "Name", "Title", "Manager", "Status"]
    frame = pd.DataFrame(rows, columns=headers, dtype=object).astype(str)
    raw = RawTable("<h>", None, headers, frame, np.arange(2, len(rows) + 2))
    cols = dict(zip(["id", "name", "title", "manager", "status"], headers, strict=True))
    org = build_org(raw, cols)
    check_invariants(org, len(rows))


#: Letters of real names: ASCII plus accented Latin letters and a few other scripts.
WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèüöäßçñøåłśžÉÜÖØĆΣλжЖ李",
    min_size=2,
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(WORD, WORD, st.sampled_from(["", " ", "  "]))
def test_name_orders_and_spacing_meet(first, last, pad):
    plain = name_key(f"{first} {last}")
    assert name_key(f"{pad}{last},{pad} {first}{pad}") == plain
    assert name_key(f"{first.upper()}  {last.lower()}") == plain
    assert loose_name_key(name_key(f"{last} {first}")) == loose_name_key(plain)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**12), st.sampled_from(["", ".0", ".00", " "]), st.integers(0, 3))
def test_id_spellings_meet(number, tail, zeros):
    assert id_key("0" * zeros + str(number) + tail) == id_key(str(number))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_keys_never_raise_on_any_text(text):
    for keyer in KEYERS.values():
        assert isinstance(keyer(text), str)
    assert isinstance(is_sentinel(text), bool)
    assert isinstance(first_value(text), str)


# Cells made of the characters the joined-column fast paths look at.
FAST_CELLS = st.lists(
    st.text(alphabet="09aA@. \t\xa0\u3000\n,<é\0", max_size=6)
    # wide text (one 'ı' makes the joined column two bytes a character), odd case
    # folding, controls that are and are not whitespace, beyond the BMP, lone surrogates
    | st.text(alphabet="0aZ@. ıßſİΣ\u2000\u2028\x85\x1c\x01\x7f\U0001d400\ud800>'", max_size=6)
    | st.sampled_from(["1001", "ada@x.com", "Ada Lovelace", ""]),
    max_size=12,
)


@settings(max_examples=500, deadline=None)
@given(FAST_CELLS)
def test_whole_column_shortcuts_agree_with_each_cell(cells):
    """A column left as it is must be exactly what the normaliser makes of each cell."""
    arr = np.array(cells, dtype=object)
    for fn in (clean_text, first_value, display_id, *KEYERS.values()):
        assert normalise(arr, fn)[0].tolist() == [fn(c) for c in cells]
    tidy = [clean_text(c) for c in cells]
    for fn in (display_id, *KEYERS.values()):  # cells known to be clean text already
        assert normalise(np.array(tidy, dtype=object), fn, clean=True)[0].tolist() == [
            fn(c) for c in tidy
        ]


def test_whitespace_list_is_what_split_splits_on():
    assert set(WHITESPACE) == {chr(c) for c in range(0x110000) if chr(c).isspace()}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AbZy .'-", max_size=24))
def test_simple_name_shortcut_is_the_general_path(value):
    assert name_tokens(value) == _tokens(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aéøØłЮ\u0301\u0327\u05b0\u1dc0ﬁ½ ", max_size=12))
def test_accent_shortcut_drops_every_combining_mark(value):
    decomposed = unicodedata.normalize("NFKD", value)
    assert _strip_accents(value) == "".join(c for c in decomposed if not unicodedata.combining(c))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["PM", " PM ", "Lead\tEng", "", "Dr  Who", "ÉCOLE"]), min_size=1))
def test_long_repetitive_columns_are_normalised_per_distinct_value(pool):
    """Past 16,384 cells a column that repeats itself is factorized first."""
    cells = np.array((pool * 20_000)[:20_000], dtype=object)
    for fn in (clean_text, first_value, display_id, *KEYERS.values()):
        assert normalise(cells, fn)[0].tolist() == [fn(c) for c in cells.tolist()]
