"""The whole-column checks behind ``names.normalise``: never "unchanged" when a cell
would change, and "unchanged" for the plain columns real exports are made of (else the
fast path is lost without any test noticing)."""

import numpy as np
import pytest

from orgcheck.names import _unchanged, clean_text, display_id, email_key, id_key, joined

PLAIN = {
    clean_text: [
        ["Ada Lovelace", "", "Björn H. Tanaka-Wu", "Ayşe Yılmaz"],
        ["Platform – Engineering", "李 小龙", "𝐀 Bold"],
        ["2025-03-16", "", "Sales"],
    ],
    display_id: [["1001", "", "0017"]],
    id_key: [["1001", "", "17"]],
    email_key: [
        ["ada@x.com", "", "bjornh..tanaka-wu@acme.example"],
        ["ayşe.yılmaz@x.com", "ünal@x.de"],
        ["𝐚@x.com"],
    ],
}

CHANGED = {
    clean_text: [
        [" lead", "x"],
        ["x", "lead "],
        ["a  b"],
        ["ok", "a\tb"],
        ["ı", "a\u2000b"],
        ["ı", "a\u3000b"],
        ["ı", "a\x85b"],
        ["ı", "a\x1cb"],
        ["a\u2028b"],
        ["ı", " x"],
    ],
    email_key: [
        ["Ada@x.com"],
        ["ı@x.com", "ADA@x.com"],
        ["ada@x.com", "nobody"],
        ["a@b@c", "d"],
        ["@x.com"],
        ["ada@", "b@c"],
        ["ada@x.com."],
        ["ada@x.com.", "b@x.com"],
        ["ıx@x.com.", "b@x.com"],
        ["İ@x.com"],
        ["ſ@x.com"],
        ["a@x.com", "straße@x.de"],
        ["a@x.com", "Σ@x.com"],
        ["a@x.com", "<b@x.com>"],
        ["a@x.com", "b@x.com;"],
        ["𐐀ı@x.com"],
    ],
    id_key: [["0017"], ["1001", "1.0"], ["ıE1"]],
    display_id: [["1001", "1.0"], ["12", "3.00"]],
}


@pytest.mark.parametrize(("fn", "cells"), [(fn, c) for fn, cases in PLAIN.items() for c in cases])
def test_plain_columns_take_the_fast_path(fn, cells):
    arr = np.array(cells, dtype=object)
    assert [fn(c) for c in cells] == cells
    assert _unchanged(fn)(joined(arr), arr, fn is not clean_text)


@pytest.mark.parametrize(("fn", "cells"), [(fn, c) for fn, cases in CHANGED.items() for c in cases])
def test_a_cell_that_would_change_is_seen(fn, cells):
    arr = np.array(cells, dtype=object)
    assert [fn(c) for c in cells] != cells
    assert not _unchanged(fn)(joined(arr), arr, fn is not clean_text)


def test_a_second_look_at_cleaned_repetitive_cells_reads_the_same_values():
    """The leaver check reuses the codes the cleaning made: same answer as per cell."""
    from orgcheck.names import map_distinct, normalise, release
    from orgcheck.status import inactive_mask, is_leaver

    raw = np.array([" Active", "Terminated ", "Active", "", "On  Leave"] * 5000, dtype=object)
    status = normalise(raw, clean_text)[0]
    assert map_distinct(status, len, dtype=np.int64).tolist() == [len(v) for v in status]
    want = [is_leaver(v, "Status") for v in status]
    assert inactive_mask(status, "Status").tolist() == want
    release()
    assert inactive_mask(status, "Status").tolist() == want


def test_factorizing_by_address_gives_pandas_codes_and_values():
    """Shared string objects, equal strings in separate objects, missing cells, numbers
    and a strided view: the same answer as ``pd.factorize``."""
    import pandas as pd

    from orgcheck.names import factorize_objects

    rng = np.random.default_rng(3)
    pool = ["a", "b", "".join(["a"]), None, float("nan"), "", " ", 1, 1.0, "c"]
    for _ in range(500):
        cells = np.empty(int(rng.integers(0, 40)), dtype=object)
        for i in range(len(cells)):
            fresh = "x" * int(rng.integers(0, 3)) + "y"  # a new object each time
            cells[i] = pool[int(rng.integers(0, len(pool)))] if rng.random() < 0.8 else fresh
        for arr in (cells, cells[::2]):
            codes, uniques = factorize_objects(arr)
            want_codes, want_uniques = pd.factorize(arr, use_na_sentinel=True)
            assert codes.tolist() == want_codes.tolist()
            assert list(uniques) == list(want_uniques)


@pytest.mark.parametrize("where", [-2, -1, 0, 1])
def test_the_clean_check_sees_across_its_chunks(where):
    """Text is checked a chunk at a time: a space run, a space before a NUL or a
    control on either side of a cut is still seen."""
    from orgcheck.names import _CHUNK

    cut = _CHUNK + where
    for bad in ("a  b", "a \0b", "a\tb", "a\0 b", "a\u3000b"):
        text = "x" * (cut - 1) + bad + "y" * 10
        cells = np.array(text.split("\0"), dtype=object)
        assert joined(cells) == text
        assert not _unchanged(clean_text)(text, cells, False), (where, bad)
    fine = "x" * (cut - 1) + "a\0\0b c" + "y" * 10
    cells = np.array(fine.split("\0"), dtype=object)
    assert _unchanged(clean_text)(fine, cells, False)
