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
        for arr, sentinel in ((cells, True), (cells[::2], True), (cells, False)):
            codes, uniques = factorize_objects(arr, use_na_sentinel=sentinel)
            want_codes, want_uniques = pd.factorize(arr, use_na_sentinel=sentinel)
            assert codes.tolist() == want_codes.tolist()
            assert [str(u) for u in uniques] == [str(u) for u in want_uniques]


def test_factorize_text_takes_the_address_road_only_where_objects_repeat():
    """A manager column (each manager's text one object, as workbooks and cleaning
    give it) goes by address, a column of unique emails by value; both give pandas'
    codes and values, as does a column of equal texts in separate objects."""
    import pandas as pd

    from orgcheck.names import _shares_objects, factorize_text

    rng = np.random.default_rng(5)
    bosses = [f"boss{i}@x.example" for i in range(3000)]
    shared = np.array([bosses[i] for i in rng.integers(0, 3000, 60_000)], dtype=object)
    shared[rng.random(60_000) < 0.05] = ""
    unique = np.array([f"p{i}@x.example" for i in rng.permutation(60_000)], dtype=object)
    copies = np.array(["".join(["boss", str(i % 3000)]) for i in range(60_000)], dtype=object)
    assert _shares_objects(shared)
    assert not _shares_objects(unique) and not _shares_objects(copies)
    assert not _shares_objects(shared[:1000])  # short columns: not worth a look
    for cells in (shared, unique, copies):
        for sentinel in (True, False):
            codes, uniques = factorize_text(cells, use_na_sentinel=sentinel)
            want_codes, want_uniques = pd.factorize(cells, use_na_sentinel=sentinel)
            assert codes.tolist() == want_codes.tolist()
            assert uniques.tolist() == want_uniques.tolist()


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


#: Cells the email check is tried on: capitals, NBSP, tabs, dotless i, sharp s, final
#: sigma, astral letters, controls, wrappers, "@" anywhere, dots at the end, blanks.
_EMAIL_BITS = ["a", "z", "@", ".", "", "A", " ", "\t", "\xa0", "ı", "İ", "ß", "Σ", "σ", "é"]
_EMAIL_BITS += ["𝐚", "\x01", "\x7f", "<", ">", ",", ";", ":", "(", "x.com", "@x.com", "b@y"]


@pytest.mark.parametrize("seed", range(4))
def test_the_email_check_says_unchanged_only_when_no_cell_changes(seed):
    """The one-pass email check against ``email_key`` cell by cell, on random cells."""
    import random

    from orgcheck.names import release

    rng = random.Random(seed)
    seen = set()
    for _ in range(3000):
        cells = [
            "".join(rng.choice(_EMAIL_BITS) for _ in range(rng.randint(0, 5)))
            for _ in range(rng.randint(1, 4))
        ]
        arr = np.array(cells, dtype=object)
        fast = _unchanged(email_key)(joined(arr), arr, False)
        release()
        if fast:
            assert [email_key(c) for c in cells] == cells, cells
        seen.add(fast)
    assert seen == {True, False}


@pytest.mark.parametrize("where", [-2, -1, 0, 1])
def test_the_email_check_sees_across_its_chunks(where):
    """An "@" or a "." at the end of a cell on either side of a chunk's cut is seen."""
    from orgcheck.names import _CHUNK, release

    cut = _CHUNK + where
    for bad in ("a@\0b@c", "a\0@b", "a.\0b@c", "a@b.\0", "a@b@c"):
        text = "x" * (cut - 4) + "@x" + bad + "\0y@z"
        cells = np.array(text.split("\0"), dtype=object)
        assert not _unchanged(email_key)(text, cells, True), (where, bad)
        release()
    fine = "x" * (cut - 4) + "@x\0\0b@c\0y@z"
    cells = np.array(fine.split("\0"), dtype=object)
    assert _unchanged(email_key)(fine, cells, True)
    release()


@pytest.mark.parametrize(
    "text", ["abc\0d", "héllo\0x", "ı\0ab", "a\u3000b", "𝐀\0b", "a", "\0", "é" * 5000]
)
def test_units_read_in_place_are_the_encoded_text(text):
    """Where CPython keeps the characters, read as they are, must be the characters'
    UTF-16 units (one byte each below U+0100); and the units keep their text alive."""
    import gc

    from orgcheck.names import _units, release

    text = text + str(len(text))  # made at run time, like a joined column
    want = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16).tolist()
    units = _units(text)
    assert units.tolist() == want
    assert units.dtype == (np.uint8 if max(text) < "\u0100" else np.uint16)
    release()
    del text
    gc.collect()
    assert units.tolist() == want


def test_units_of_a_str_subclass_are_encoded():
    from orgcheck.names import _stored_units

    class Text(str):
        pass

    assert _stored_units(Text("abc\0d")) is None


_WORDS = ["Ada", "Lovelace", "dr", "Dr", "jr", "JR", "Sr", "ii", "Mx", "O", "a", "B", "phd", "Prof"]
_MIDDLES = ["K", "k.", "Q.", "Dr", "Dr.", "ab", "Jr", "ii."]


@pytest.mark.parametrize("first", _WORDS)
def test_name_key_shortcuts_key_as_the_tokens_do(first):
    """``name_key`` keys "First Last", "Last, First" and "First M. Last" without
    ``name_tokens``: the same key, honorifics and suffixes included."""
    from orgcheck.names import name_key, name_tokens

    names = []
    for last in _WORDS:
        names += [f"{first} {last}", f"{first}, {last}"]
        names += [f"{first} {m} {last}" for m in _MIDDLES]
    for name in names:
        assert name_key(name) == " ".join(name_tokens(name)), name


_PARTS = [
    *["Ada", "Lovelace", "K.", "J", "van", "O'Neil", "Mary-Ann", "José", "García", "Zoë"],
    *["Tanaka-Wu", "H.", "Øster", "Łukasz", "Straße", "İlker", "Ĳssel", "Æsa", "Nguyễn"],
    *["ﬁona", "jr", "Jr.", "III", "PhD", "Dr.", "Mrs", "sir", "ii", "x", "-", ".", "'"],
    *["&amp;", "(Bob)", "<i>", "7"],
]


@pytest.mark.parametrize("seed", range(4))
def test_latin_names_key_as_the_tokens_do(seed):
    """The accented, hyphenated and 'Last, First M.' names ``name_key`` keys on its own
    (``_latin_key``) get the key ``name_tokens`` gives, and so do the names it leaves
    to ``name_tokens`` (a letter without an ASCII base, a second comma, a bracket)."""
    import random

    from orgcheck.names import name_key, name_tokens

    rng = random.Random(seed)
    for _ in range(5000):
        head = " ".join(rng.choice(_PARTS) for _ in range(rng.randint(0, 3)))
        tail = " ".join(rng.choice(_PARTS) for _ in range(rng.randint(0, 3)))
        name = head + rng.choice([", ", ",", " , ", " ", "  "]) + tail
        assert name_key(name) == " ".join(name_tokens(name)), name


_SPELLINGS = [*_PARTS, "a", "B", "dr", "Dr", "mba", "iv", "", " ", "--", "'x'", "e.", "-a-", "a.b."]


@pytest.mark.parametrize("seed", range(4))
def test_names_keyed_as_one_text_key_as_one_by_one(seed):
    """``name_keys`` against ``name_key`` name by name: honorifics first and suffixes
    last (keyed alone), initials in a row, stray spaces and punctuation, accents with
    and without an ASCII base, commas, brackets, blanks; mostly-odd columns too."""
    import random

    from orgcheck.names import name_key, name_keys

    rng = random.Random(seed)
    odd = [0.0, 0.1, 0.4, 0.9][seed]
    names = []
    for _ in range(6000):
        name = " ".join(rng.choice(_SPELLINGS) for _ in range(rng.randint(0, 5)))
        if rng.random() < odd:
            name += rng.choice([",", ", ", " ,"]) + rng.choice(_SPELLINGS)
        names.append(rng.choice(["", " "]) + name + rng.choice(["", " "]))
    want = [name_key(v) for v in names]
    assert name_keys(names) == want
    assert name_keys(names, lambda vs: [name_key(v) for v in vs]) == want
    assert name_keys([*names[:3000], "Ada\nLovelace", *names[3000:]]) == [
        *want[:3000],
        name_key("Ada\nLovelace"),
        *want[3000:],
    ]


def test_only_names_keyed_one_by_one_go_to_the_helper():
    """Latin names, "Last, First" among them, never reach ``rest`` (the two-process
    keyer); the others do, and every key is ``name_key``'s."""
    from orgcheck.names import name_key, name_keys

    def letters(i: int) -> str:
        return "".join(chr(97 + (i // 26**k) % 26) for k in range(3))

    latin = [f"José-{letters(i)} K. O'Neil" for i in range(3000)]
    latin[::3] = [f"O'Neil, José-{letters(i)} K." for i in range(1000)]
    alone = ["Łukasz Øster", "Dr. Ada Lovelace", "Ada Lovelace Jr", "R2 D2", "Lee, Ada, PhD"]
    alone += ["John Smith, Jr.", "Smith, Dr. John"]
    asked = []

    def rest(values):
        asked.extend(values)
        return [name_key(v) for v in values]

    names = [*latin[:1500], *alone, *latin[1500:]]
    assert name_keys(names, rest) == [name_key(v) for v in names]
    assert asked == alone


@pytest.mark.parametrize("seed", range(3))
def test_whole_column_key_roads_key_as_one_by_one(seed):
    """Text ids, Excel's float ids, capitalised emails and shown ids, keyed a column at
    a time when every cell allows it, otherwise one by one: always the per-cell result."""
    import random

    from orgcheck.names import clean_text, display_id, email_key, id_key, normalise

    rng = random.Random(seed)
    junk = ["a", "A", "Z", ".", "@", "-", "_", " ", "<", ":", "mailto:", "ß", "İ", "\t", ",",
            "1", "0", "x.com", "É", "'"]  # fmt: skip
    for _ in range(40):
        odd = rng.choice([0.0, 0.0, 0.001, 0.3])
        cells = []
        for i in range(rng.choice([30, 12_000])):
            email = f"{rng.choice(['Ada', 'ada', 'BO.LI'])}{i}@{rng.choice(['Acme.com', 'x.org'])}"
            floats = [f"{i}.0", f"{i:05d}.00", f"{i}.", "0.0"]
            cells.append(rng.choice([email, f"E{i:08d}", f"emp-{i}", str(i), "", *floats]))
            if rng.random() < odd:
                cells[-1] = "".join(rng.choice(junk) for _ in range(rng.randint(0, 5)))
        kind = rng.choice([None, "E", "@", "."])  # mostly one kind of cell, as columns are
        if kind is not None:
            cells = [c for c in cells if kind in c or not c] or cells
        for clean in (False, True):
            arr = np.array([clean_text(v) if clean else v for v in cells], dtype=object)
            for fn in (id_key, email_key, display_id):
                got = normalise(arr, fn, clean=clean)[0].tolist()
                assert got == [fn(v) for v in arr.tolist()], (fn.__name__, clean)


def test_text_ids_float_ids_and_capitalised_emails_take_the_whole_column_road():
    """The roads are taken (not only correct when skipped): no call per cell."""
    from unittest import mock

    from orgcheck import names

    ids = np.array([f"E{i:08d}" for i in range(20_000)] + [""], dtype=object)
    floats = np.array([f"{i:03d}.0" for i in range(20_000)] + [""], dtype=object)
    emails = np.array([f"Ada.Lee{i}@Acme.com" for i in range(20_000)] + [""], dtype=object)
    with mock.patch.object(names, "_per_distinct", side_effect=AssertionError("per cell")):
        assert names.normalise(ids, names.id_key)[0][:2].tolist() == ["e00000000", "e00000001"]
        assert names.normalise(ids, names.display_id)[0] is not ids  # a copy, unchanged
        assert names.normalise(floats, names.id_key)[0][:2].tolist() == ["0", "1"]
        assert names.normalise(floats, names.display_id)[0][:2].tolist() == ["000", "001"]
        assert names.normalise(emails, names.email_key)[0][-2:].tolist() == [
            "ada.lee19999@acme.com",
            "",
        ]


@pytest.mark.parametrize(
    "odd", [".0", "1.", "0.0", "00.000", "1,001.0", "1.0.0", "١٢٣.0", "1e3", " 7", "E 1", ""]
)
def test_one_odd_id_among_float_and_text_ids(odd):
    """A column of float ids or text ids with one odd cell, first, amid or last: the
    same keys and shown ids as cell by cell."""
    from orgcheck.names import display_id, id_key, normalise

    for base in ([f"{i}.0" for i in range(20_000)], [f"E{i:06d}" for i in range(20_000)]):
        for at in (0, 10_000, 20_000):
            cells = np.array([*base[:at], odd, *base[at:]], dtype=object)
            for fn in (id_key, display_id):
                assert normalise(cells, fn)[0].tolist() == [fn(v) for v in cells.tolist()]


_ODD_EMAILS = ["İ@x.com", "ΑΣ@x.gr", "Straße@x.de", "ẞ@x.de", "K@x.com", "<A@x.com>"]
_ODD_EMAILS += ["MAILTO:A@x.com", "A@x.com.", "A@@x.com", ""]


@pytest.mark.parametrize("odd", _ODD_EMAILS)
def test_one_odd_email_among_capitalised_ones(odd):
    """Capitalised addresses with one odd cell (folding differs from lowering, a
    wrapper, a trailing dot, two "@"): the same keys as cell by cell."""
    from orgcheck.names import email_key, normalise

    base = [f"Ada.Lee{i}@Acme.com" for i in range(20_000)]
    for at in (0, 20_000):
        cells = np.array([*base[:at], odd, *base[at:]], dtype=object)
        assert normalise(cells, email_key)[0].tolist() == [email_key(v) for v in cells.tolist()]
