"""Fast paths of the org builder against their plain twins, on tricky cells."""

import numpy as np
import pandas as pd
import pytest

from orgcheck.build import Cells, _maybe_shared

#: Emails as exports write them: case variants, NBSP, spaces, non-ASCII, blanks, repeats.
_EMAILS = ["ada@x.com", "Ada@x.com", "ADA@X.COM", "", " ada@x.com", "ada@x.com\xa0"]
_EMAILS += ["ayşe@x.de", "AYŞE@x.de", "bo@x.com", "<bo@x.com>", "mailto:bo@x.com", "none"]


@pytest.mark.parametrize("seed", range(3))
def test_emails_repeated_only_where_keys_repeat(seed):
    """Past 10,000 rows a hash check may rule repeats out: same rows as an exact count."""
    rng = np.random.default_rng(seed)
    unique = [f"p{i}@x.com" for i in range(12_000)]
    cells = np.array(unique, dtype=object)
    picked = rng.integers(0, len(cells), 40)
    cells[picked] = rng.choice(np.array(_EMAILS, dtype=object), 40)
    frame = pd.DataFrame({"Email": cells}, dtype=object)
    got = Cells(frame).repeated("Email", "email")
    keys = Cells(frame).keys("Email", "email")
    series = pd.Series(keys, dtype=object)
    assert got.tolist() == ((series != "") & series.duplicated(keep=False)).tolist()


@pytest.mark.parametrize("blanks", [0, 1, 500])
def test_unrepeated_emails_are_coded_as_factorizing_would(blanks):
    """When the hash check finds no repeat, the lookup's codes are made without
    hashing: the same codes and distinct keys as factorizing them."""
    from orgcheck.managers import factorize_keys

    rng = np.random.default_rng(blanks)
    cells = np.array([f"P{i}@X.com" for i in rng.permutation(12_000)], dtype=object)
    cells[rng.choice(len(cells), blanks, replace=False)] = rng.choice(["", " ", "\xa0"], blanks)
    built = Cells(pd.DataFrame({"Email": cells}, dtype=object))
    assert not built.repeated("Email", "email").any()
    codes, uniques = built.coded("Email", "email")
    want_codes, want_uniques = factorize_keys(built.keys("Email", "email"))
    assert codes.tolist() == want_codes.tolist()
    assert uniques.tolist() == want_uniques.tolist()


def test_maybe_shared_never_misses_a_repeated_key_and_never_names_a_blank():
    keys = np.array(["a", "", "b", "a", "", "c", "c", "", "d"] * 3000 + ["e"], dtype=object)
    series = pd.Series(keys, dtype=object)
    exact = ((series != "") & series.duplicated(keep=False)).to_numpy()
    got = _maybe_shared(keys)
    assert (got >= exact).all() and not got[keys == ""].any()


@pytest.mark.parametrize("shared", [False, True])
def test_a_lookup_finds_as_a_dict_of_keys_would(shared):
    """Unique keys take a shortcut past the search for groups: same answers either way,
    a key nobody kept (blanked as a repeat) included."""
    from orgcheck.managers import AMBIGUOUS, UNKNOWN, Lookup

    keys = np.array(["1001", "", "1002", "ada@x.com", "1003", "Ada@x.com"], dtype=object)
    if shared:
        keys[4] = "1001"
    codes, uniques = pd.factorize(keys)
    codes = np.where(keys == "", -1, codes)
    codes[2] = -1  # "1002" blanked: known as a key, kept by nobody
    look = Lookup(keys, np.arange(len(keys)), (codes, uniques), one_key_each=True)
    want = {}
    for i, (key, code) in enumerate(zip(keys.tolist(), codes.tolist(), strict=True)):
        if code >= 0:
            want[key] = AMBIGUOUS if key in want else i
    asked = ["1001", "1002", "1003", "ada@x.com", "Ada@x.com", "nobody", ""]
    assert look.find(asked).tolist() == [want.get(k, UNKNOWN) for k in asked]
    assert look.shared == ({"1001": [0, 4]} if shared else {})
    assert len(look) == len(uniques) and look.index.tolist() == list(uniques)
