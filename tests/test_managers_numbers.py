"""Plain ids are hashed as integers past 10,000 values: every answer must be the one
the text path gives (the small inputs of the other tests never reach this path)."""

import numpy as np
import pandas as pd
import pytest

from orgcheck.managers import Lookup, factorize_keys
from orgcheck.names import _factorize_numbers, _parse_digits, factorize_text, plain_numbers

N = 30_000


def column(seed: int, extra: list[str]) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = [str(v) for v in rng.integers(1, 20_000, N)] + extra
    values[::7] = [""] * len(values[::7])
    return np.array(values, dtype=object)


ODD = [[], ["0"], ["007"], ["E17"], ["1.0"], ["99999999999999999999"], ["9223372036854775807"]]


@pytest.mark.parametrize("extra", ODD)
@pytest.mark.parametrize("na", [True, False])
def test_factorize_text_is_pandas_factorize(extra, na):
    values = column(len(extra), extra)
    codes, uniques = factorize_text(values, use_na_sentinel=na)
    want_codes, want_uniques = pd.factorize(values, use_na_sentinel=na)
    assert codes.tolist() == want_codes.tolist()
    assert uniques.tolist() == list(want_uniques)


def test_plain_numbers_only_for_plain_ids():
    assert plain_numbers(np.array(["12", "", "3"], dtype=object)).tolist() == [12, -1, 3]
    for odd in ODD[1:-1]:
        assert plain_numbers(np.array(["12", *odd], dtype=object)) is None
    big = plain_numbers(np.array(["9223372036854775807"], dtype=object))
    assert big.tolist() == [2**63 - 1]


QUERIES = [
    "",
    "0",
    "00",
    "017",
    "17",
    "4999",
    "5000",
    "E17",
    "ada@x.com",
    "1.0",
    "9" * 19,
    "9" * 25,
]


@pytest.mark.parametrize("extra", ODD)
def test_lookup_by_numbers_finds_what_text_finds(extra):
    keys = column(3, extra)
    coded = factorize_keys(keys)
    fast = Lookup(keys, np.arange(len(keys)), coded)
    assert (fast._numbers is not None) == (extra in ([], ODD[-1]))
    slow = Lookup(keys, np.arange(len(keys)), coded)
    slow._numbers = None
    queries = QUERIES + extra + keys[:50].tolist()
    assert fast.find(queries).tolist() == slow.find(queries).tolist()
    plain = [q for q in queries if q.isdigit() and q[0] != "0" and len(q) < 19]
    assert fast.find(plain).tolist() == slow.find(plain).tolist()
    assert fast.shared == slow.shared


def test_known_plain_ids_skip_the_check_but_not_the_answer():
    values = column(1, [])
    codes, uniques = factorize_text(values, plain=True)
    want_codes, want_uniques = pd.factorize(values)
    assert codes.tolist() == want_codes.tolist()
    assert uniques.tolist() == list(want_uniques)
    huge = np.array([*values.tolist(), "9" * 25], dtype=object)
    assert factorize_text(huge, plain=True)[0].tolist() == pd.factorize(huge)[0].tolist()


@pytest.mark.parametrize("seed", range(6))
def test_digits_read_from_the_joined_text_are_the_cells_numbers(seed):
    rng = np.random.default_rng(seed)
    widths = rng.integers(0, 19, 200) if seed % 2 else np.where(rng.random(200) < 0.1, 0, 7)
    cells = ["" if w == 0 else str(rng.integers(10 ** (w - 1), 10**w)) for w in widths]
    got = _parse_digits("\0".join(cells), len(cells))
    assert got.tolist() == [int(c) if c else -1 for c in cells]
    assert _parse_digits("\0\0", 3).tolist() == [-1, -1, -1]
    same = [str(v) for v in rng.integers(10**6, 10**7, 50)]  # all as wide: strided views
    assert _parse_digits("\0".join(same), 50).tolist() == [int(c) for c in same]
    assert _parse_digits("12\0\0\0", 2) is None  # not two cells
    assert _parse_digits("12\0" + "9" * 19, 2) is None  # 19 digits: left to astype


def test_numbers_spread_wide_are_factorized_by_hashing():
    numbers = np.array([5, 10**15, 5, -1, 10**15, 7], dtype=np.int64)
    codes, first = _factorize_numbers(numbers)
    assert codes.tolist() == pd.factorize(numbers)[0].tolist()
    assert first.tolist() == [0, 1, 3, 5]
    dense = np.array([3, 1, 3, -1, 2, 1], dtype=np.int64)
    codes, first = _factorize_numbers(dense)
    assert codes.tolist() == pd.factorize(dense)[0].tolist() and first.tolist() == [0, 1, 3, 4]


def test_a_sample_read_off_the_whole_scores_as_the_sample_itself():
    """``choose`` resolves its first reading of a mid-sized file in full once and reads
    the sample's score off it: the score must be the sample's own."""
    from orgcheck.managers import _resolve, key_space, resolve, sample_rows

    ids = column(5, [])
    refs = column(6, ["", "17", "n/a", "nobody here"])[: len(ids)]
    refs[100:110] = ids[100:110]  # people naming themselves
    space = key_space("id", "id", [ids])
    rows = sample_rows(len(refs))
    sample, whole = _resolve("m", refs, space, rows, both=True)
    alone, full = resolve("m", refs, space, rows), resolve("m", refs, space)
    for got, want in ((sample, alone), (whole, full)):
        assert got.pos.tolist() == want.pos.tolist()
        assert (got.references, got.resolved, got.self_refs) == (
            want.references,
            want.resolved,
            want.self_refs,
        )
    assert whole.values[whole.codes].tolist() == full.values[full.codes].tolist()


def test_numbers_read_off_the_whole_column_are_the_kept_cells_numbers():
    from orgcheck.names import joined, know_numbers, release

    cells = column(7, [])
    keep = np.flatnonzero(np.arange(len(cells)) % 5 != 0)
    kept = cells[keep]
    know_numbers(kept, joined(cells), keep)
    assert plain_numbers(kept).tolist() == plain_numbers(kept.copy()).tolist()
    release()
    odd = column(8, ["007"])
    keep = np.flatnonzero(np.arange(len(odd)) % 5 != 1)  # "007" is kept
    kept = odd[keep]
    know_numbers(kept, joined(odd), keep)  # not all plain ids: nothing known
    assert plain_numbers(kept) is None


def test_a_long_org_with_leavers_links_the_same_with_or_without_known_numbers(monkeypatch):
    import orgcheck.build as build

    rng = np.random.default_rng(9)
    n = 12_000
    records = [
        {
            "id": str(1000 + i),
            "name": f"P {i}",
            "manager": "" if i == 0 else str(1000 + int(rng.integers(0, i))),
            "status": "Terminated" if i % 9 == 4 else "Active",
        }
        for i in range(n)
    ]
    fast = build.org_from_records(records)
    monkeypatch.setattr(build, "know_numbers", lambda *a: None)
    slow = build.org_from_records(records)
    assert fast.parent.tolist() == slow.parent.tolist()
    assert [f.to_json() for f in fast.data_findings] == [f.to_json() for f in slow.data_findings]


def test_ids_all_as_wide_among_blanks_are_read_as_a_table():
    for cells in (["", "1234", "5678"], ["12", "", "", "34", ""], ["", "", "9"], ["7", ""]):
        got = _parse_digits("\0".join(cells), len(cells))
        assert got.tolist() == [int(c) if c else -1 for c in cells], cells
