"""Turn ids, emails and names into comparison keys, so that two spellings of one person meet.

HR exports spell the same reference many ways: Excel turns ``1001`` into ``1001.0``,
one column says ``Becker, Renee  `` and another ``Renee Becker``, a manager email is
typed in capitals. Each function here takes one cell's text and returns the key the
matcher compares; ``''`` means "no usable key". They are applied once per *distinct*
value (the caller factorizes first), so they may be plain Python.

Decisions, documented here because they change which references resolve:

- ids: surrounding space and case are ignored; ``1001.0`` / ``1001.00`` / ``1,001`` read
  as ``1001``;
  leading zeros of all-digit ids are dropped (``00123`` == ``123``), because Excel keeps
  them in a text column and drops them in a number column of the same export. Two ids
  that differ only by leading zeros therefore count as the same person.
- emails: case-insensitive, ``mailto:`` and ``Name <addr>`` wrappers removed.
- names: HTML entities and tags removed, accents stripped (NFKD), case folded,
  ``Last, First`` turned round to ``first last``, apostrophes dropped, other punctuation
  read as space, courtesy and academic titles ("Dr.") and suffixes ("Jr.") dropped, and
  single-letter *middle* tokens (initials) dropped. A second, looser key (first and
  last token, in sorted order) is tried only when the exact key finds nobody. When a
  key is shared by several people, a reference written exactly like one of them that
  says more than the key (``Aarav M. Müller`` beside ``Aarav Q. Müller``) goes to that
  person (``managers._spelled_alike``); ``Ana Lee`` beside ``Ana B. Lee`` stays ambiguous.
"""

from __future__ import annotations

import ctypes
import html
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd

_TAG = re.compile(r"<[^>]*>")
_BRACKETED = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_APOSTROPHE = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[\W_]+")
_EMAIL = re.compile(r"[^\s<>()\[\]\"',;:]+@[^\s<>()\[\]\"',;:]+")

#: Name suffixes that follow a comma ("John Smith, Jr.") rather than a first name.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "esq", "mba"})
#: Courtesy and academic titles before a name ("Dr. Eva Müller", "Prof. Dr. Jan Berg").
_HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "miss", "sir", "herr", "frau"})

#: Cells in a manager column that mean "nobody": the person is a top of the tree.
#: Compared after case folding and turning ``_``/``-``/space runs into one space.
SENTINELS = frozenset(
    {
        "",
        "no manager",
        "no mgr",
        "nomanager",
        "none",
        "n/a",
        "na",
        "#n/a",
        "null",
        "nil",
        "nan",
        "0",
        "self",
        "nobody",
        "no one",
        "vacant",
        "top",
        "board",
        "the board",
        "board of directors",
        "n.a.",
        "k.a.",  # German "keine Angabe"
        "(blank)",  # Excel pivot tables
        "unassigned",
        "tbd",
        "no supervisor",
        "xx",  # UK government organograms: the top post reports to "XX"
        "kein",
        "keine",
        "keiner",
    }
)
_SENTINEL_SEP = re.compile(r"[\s_\-–—]+")


#: Every character ``str.split()`` splits on (``str.isspace``), checked by a test.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def joined(values: np.ndarray) -> str | None:
    """All cells joined by NUL, or None when a cell is not text or holds a NUL itself.

    One C-level pass; ``str`` methods on the result (``in``, ``isdigit``, ``islower``)
    then answer questions about a million cells without a Python call per cell.
    """
    cells = values.tolist()
    try:
        text = "\0".join(cells)
    except TypeError:  # a missing cell (NaN) or a number
        return None
    return text if _nuls(text) == max(len(cells) - 1, 0) else None


def _nuls(text: str) -> int:
    """``text.count("\\0")``; for long text counted in its units, which the checks that
    follow the join read next anyway (numpy counts a chunk in a fraction of the time)."""
    if len(text) < _CHUNK:
        return text.count("\0")
    return sum(int(np.count_nonzero(part == 0)) for part in _chunks(_units(text)))


def _units(text: str) -> np.ndarray:
    """``text`` as an array of code units: bytes when every character is below U+0100
    (ASCII or Latin-1; read in place, see :func:`_stored_units`), else UTF-16.

        A joined column of a million cells is 10-70 million characters; numpy compares
        all of them in a few milliseconds where a ``str`` method on text with one non-Latin
        letter (``'ı'`` makes the whole string two bytes a character) takes far longer.
    """
    if _UNITS[0] is not text:
        units = _stored_units(text)
        if units is None:
            data = text.encode("ascii" if text.isascii() else "utf-16-le", "surrogatepass")
            units = np.frombuffer(data, dtype=np.uint8 if text.isascii() else np.uint16)
        _UNITS[:] = [text, units]
    return _UNITS[1]


def _stored_units(text: str) -> np.ndarray | None:
    """:func:`_units` read where CPython keeps the characters, when it keeps them as
    one or two bytes each (ASCII, Latin-1, UCS-2); None otherwise.

    Encoding a copy of tens of megabytes costs its time and as much again in fresh
    memory pages; a view costs neither. The layout is checked on a probe at import.
    """
    if not _LAYOUT or not text or type(text) is not str:
        return None
    is_ascii = text.isascii()
    offset, kinds = (_LAYOUT[0], (1,)) if is_ascii else (_LAYOUT[1], (1, 2))
    size = sys.getsizeof(text)
    kind = (size - offset) // (len(text) + 1)  # bytes a character
    if kind not in kinds or size != offset + kind * (len(text) + 1):
        return None  # UCS-4 (left to the UTF-16 encoder) or not a compact string
    store = (ctypes.c_uint8 if kind == 1 else ctypes.c_uint16) * len(text)
    view = store.from_address(id(text) + offset)
    view.text = text  # the view keeps the text alive
    units = np.frombuffer(view, dtype=np.uint8 if kind == 1 else np.uint16)
    units.flags.writeable = False  # the text's own memory: a str must never change
    if units[0] != ord(text[0]) or units[-1] != ord(text[-1]):
        return None
    return units


def _layout() -> tuple[int, int] | None:
    """Where CPython's compact strings keep their characters: (offset for ASCII, offset
    for others), or None when a probe does not read back as written."""
    if sys.implementation.name != "cpython":
        return None
    ascii_at, other_at = sys.getsizeof("") - 1, sys.getsizeof("\u0100") - 4
    probes = (("ab\x00c", ascii_at, "ascii"), ("\xe9\x00b", other_at, "latin-1"))
    for probe, at, encoding in (*probes, ("a\u0100\x00\xe9", other_at, "utf-16-le")):
        text = probe + str(len(probe))  # made at run time, like a joined column
        data = text.encode(encoding)
        if ctypes.string_at(id(text) + at, len(data)) != data:
            return None
    return ascii_at, other_at


_LAYOUT = _layout()


#: The text :func:`_units` was last asked for, and its units: a column's key check
#: follows its clean-text check on the same joined text (see :func:`release`).
_UNITS: list = [None, None]


def release() -> None:
    """Let go of the last joined column and its units (tens of megabytes for a million
    rows) once a table is done with."""
    _UNITS[:] = [None, None]
    _DIGITS[:] = [None, False]
    _NUMBERS[:] = [None, None]
    _DISTINCT[:] = [None, None, None]
    _KNOWN.clear()


def _lut(chars: str) -> np.ndarray:
    table = np.zeros(1 << 16, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


#: Whitespace ``clean_text`` would change, by code unit (all of it is in the BMP).
_OTHER_SPACE = _lut(WHITESPACE.replace(" ", ""))


def _all_clean(text: str, cells: np.ndarray | None = None, clean: bool = False) -> bool:
    """No cell has surrounding space, a run of spaces or any other whitespace."""
    if clean:
        return True
    if text[:1].isdigit() and _all_digits(text):  # ids: no whitespace at all
        return True
    if text[:1] == " " or text[-1:] == " ":
        return False
    units = _units(text)
    one = units.dtype.type(1)  # a control besides the NULs between cells: 1-31 (0 wraps)
    if any(((part - one) < 0x1F).any() for part in _chunks(units)):
        return _all_clean_controls(units)
    for start in range(0, len(units), _CHUNK):
        part = units[start : start + _CHUNK + 1]  # one unit more: pairs across the cut
        if _OTHER_SPACE[part[part >= 0x85]].any():
            return False
        # Below 33 only spaces and NULs: no two may meet, but for the NULs of a blank cell.
        low = part <= 32
        pairs = np.flatnonzero(low[1:] & low[:-1])
        if not ((part[pairs] == 0).all() and (part[pairs + 1] == 0).all()):
            return False
    return True


#: Code units checked at a time: the masks of a chunk stay in the CPU's cache, where
#: masks of a whole column (35 MB each for a million emails) would be fresh memory.
_CHUNK = 1 << 18


def _all_clean_controls(units: np.ndarray) -> bool:
    """:func:`_all_clean` for text holding control characters besides the NULs."""
    space, nul = units == 32, units == 0
    if (space[1:] & (space[:-1] | nul[:-1])).any() or (space[:-1] & nul[1:]).any():
        return False  # a run of spaces, or a space at the start or end of a cell
    return not _OTHER_SPACE[units[(units < 0x20) | (units >= 0x85)]].any()


def _all_digits(text: str, cells: np.ndarray | None = None, clean: bool = False) -> bool:
    """Every cell is blank or ASCII digits (remembered for the last text: the clean check
    of an id column asks first, its key check next)."""
    if not text.isascii():
        return False
    if _DIGITS[0] is not text:
        units = _units(text)
        _DIGITS[:] = [text, all(map(_digits_or_nuls, _chunks(units)))]  # stops at a "-"
    return _DIGITS[1]


def _chunks(units: np.ndarray):
    return (units[i : i + _CHUNK] for i in range(0, len(units), _CHUNK))


def _digits_or_nuls(part: np.ndarray) -> bool:
    digits = np.count_nonzero((part - part.dtype.type(48)) < 10)
    return digits + np.count_nonzero(part == 0) == len(part)


#: The text :func:`_all_digits` last answered for, and its answer.
_DIGITS: list = [None, False]


def _all_plain_ids(text: str, cells: np.ndarray | None = None, clean: bool = False) -> bool:
    """Every cell is blank or ASCII digits without a leading zero: ``id_key`` keeps them."""
    return _all_digits(text) and text[:1] != "0" and "\x000" not in text


#: Classes of code units for :func:`_all_plain_emails`, so one gather per chunk answers
#: every per-character question: ordinary, a NUL between cells, "@", a character decided
#: per distinct value (controls, DEL and non-ASCII), and one ``email_key`` would change
#: or stop at (ASCII upper case, space, the address pattern's punctuation).
_PLAIN, _NUL, _AT, _ODD, _BAD = range(5)


def _email_classes() -> np.ndarray:
    table = np.full(1 << 16, _ODD, dtype=np.uint8)
    table[0x20:0x7F] = _PLAIN
    table[[ord(c) for c in " <>()[]\"',;:"]] = _BAD
    table[ord("A") : ord("Z") + 1] = _BAD
    table[ord("@")] = _AT
    table[0] = _NUL
    return table


_EMAIL_CLASS = _email_classes()


def _all_plain_emails(text: str, cells: np.ndarray, clean: bool = False) -> bool:
    """Every cell is blank or an address ``email_key`` returns as it is: lower case, no
    wrapper, no space or punctuation the address pattern stops at, one ``@`` inside.

    The characters are classed a chunk at a time (see :data:`_EMAIL_CLASS`); only the
    last "@" or NUL, and the distinct odd characters, outlive a chunk."""
    units = _units(text)
    table = _EMAIL_CLASS if units.dtype == np.uint16 else _EMAIL_CLASS[:256]
    odd = [np.empty(0, dtype=units.dtype)]
    last = (-1, False)  # the mark before the chunk: the text's start counts as a NUL
    for start in range(0, len(units), _CHUNK):  # in chunks: see _all_clean
        part = units[start : start + _CHUNK]
        kind = table.take(part)  # take: twice as quick as indexing
        top = kind.max()
        if top == _BAD:
            return False
        if top == _ODD:
            odd.append(np.unique(part[kind == _ODD]))
        marks = np.flatnonzero((kind - np.uint8(_NUL)) < 2)  # every NUL and "@"
        is_at = kind[marks] == _AT
        if not _one_at_inside(units, marks + start, is_at, last):
            return False
        last = (start + int(marks[-1]), bool(is_at[-1])) if len(marks) else last
    end = np.array([len(units)]), np.zeros(1, dtype=bool)  # the text's end: a NUL too
    if not _one_at_inside(units, *end, last):
        return False
    chars = np.unique(np.concatenate(odd)).tolist()
    if not clean and not _printable(chars):  # tabs, breaks...
        return False
    return _casefolded([c for c in chars if c >= 0x80], text)


def _one_at_inside(units: np.ndarray, marks: np.ndarray, is_at: np.ndarray, last) -> bool:
    """Each cell around ``marks`` (positions of "@" and NUL, in order, after the mark
    ``last``) is blank or holds one "@", neither first nor last, and no "." at its end.

    Between two neighbouring marks lies a blank cell, the part of a cell before or
    after its "@", or a cell without one: exactly one of the two is an "@" when and
    only when something lies between them."""
    bounds = np.concatenate(([last[0]], marks))
    ats = np.concatenate(([last[1]], is_at)).view(np.uint8)
    ats = ats[1:] + ats[:-1]
    if ((ats == 1) != (np.diff(bounds) > 1)).any() or (ats == 2).any():
        return False
    ends = marks[~is_at] - 1  # the last unit of each cell (-1 or a NUL if blank)
    return not (units[ends[ends >= 0]] == 46).any()  # none ends in "."


def _printable(chars: list[int]) -> bool:
    """No character (a code unit, NUL excluded) that ``str.isprintable`` refuses."""
    if any(0xD800 <= c < 0xE000 for c in chars):
        return False  # beyond the BMP (or a lone surrogate): left to the normaliser
    return "".join(map(chr, chars)).isprintable()


def _casefolded(chars: list[int], text: str) -> bool:
    """``text.casefold() == text``, given the distinct non-ASCII code units of ``text``
    (case folding maps each character on its own; ASCII upper case is ruled out by the
    caller)."""
    if any(0xD800 <= c < 0xE000 for c in chars):  # beyond the BMP: fold the text
        return _casefolded_text(text)
    rest = "".join(map(chr, chars))
    return rest.casefold() == rest


_ASCII = bytes(range(128))


def _casefolded_text(text: str) -> bool:
    """``text.casefold() == text``, without case-folding megabytes of ASCII in Python's
    slower general path: ASCII is checked as bytes, the rest as the few odd letters."""
    data = text.encode("utf-8", "surrogatepass")
    if data.lower() != data:
        return False
    rest = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    return rest.casefold() == rest


def plain_numbers(values: np.ndarray, plain: bool = False) -> np.ndarray | None:
    """Each cell as an int64 when every cell is blank (-1) or a plain id (ASCII digits,
    no leading zero), else None; ``plain`` says the caller knows they are.

    Such cells and their numbers correspond one to one, and numpy hashes a million
    integers several times faster than pandas hashes a million strings.
    """
    arr = np.asarray(values, dtype=object)
    if _NUMBERS[0] is arr:
        return _NUMBERS[1]
    for cells, numbers in _KNOWN:
        if cells is arr:
            return numbers
    if not plain:
        sample = arr[:: max(1, len(arr) // 64)].tolist()  # emails, names: need no join
        if not all(isinstance(v, str) and (v.isdigit() or not v) for v in sample):
            return None
        text = joined(arr) if len(arr) else None
        if text is None or not _all_plain_ids(text):
            return None
        parsed = _parse_digits(text, len(arr))
        if parsed is not None:
            return parsed
    elif len(arr) > 10_000 and (text := joined(arr)) is not None:
        parsed = _parse_digits(text, len(arr))
        if parsed is not None:
            return parsed
    filled = arr != ""
    out = np.full(len(arr), -1, dtype=np.int64)
    try:
        out[filled] = arr[filled].astype(np.int64)
    except (OverflowError, ValueError, TypeError):  # 20 digits and more: keep them as text
        return None
    return out


def _parse_digits(text: str, n: int) -> np.ndarray | None:
    """The numbers of ``n`` cells of ASCII digits joined by NUL (blank: -1), read from
    the code units a digit place at a time: ``astype(int64)`` converts cell by cell in
    Python (50-70 ms for a million ids, this 10-20). None past 18 digits (int64's
    limit is left to ``astype``)."""
    if not text.isascii():
        return None
    units = _units(text)
    width = text.find("\0") if n > 1 else len(units)
    as_wide = 0 < width <= 18 and len(units) + 1 == n * (width + 1)  # as the first cell
    if as_wide and text.count("\0") == n - 1 and (units[width :: width + 1] == 0).all():
        return _number([units[k :: width + 1] for k in range(width)], n)  # strided: no copy
    nul = np.flatnonzero(units == 0)
    if len(nul) != n - 1:
        return None
    lengths = np.append(nul, len(units)) - np.concatenate(([0], nul + 1))
    if lengths.max() > 18:
        return None
    out = np.full(n, -1, dtype=np.int64)
    if not lengths.any():
        return out  # every cell blank
    alone = units[units != 0]  # cells of each width read at their offsets in the digits
    widths = (np.flatnonzero(np.bincount(lengths)[1:]) + 1).tolist()  # no sort
    if len(widths) == 1:  # blanks among ids all as wide: the digits are rows of a table
        table = alone.reshape(-1, widths[0])
        out[lengths != 0] = _number([table[:, k] for k in range(widths[0])], len(table))
        return out
    offsets = np.cumsum(lengths) - lengths
    for width in widths:
        rows = np.flatnonzero(lengths == width)
        at = offsets[rows]
        out[rows] = _number([alone[at + k] for k in range(width)], len(rows))
    return out


def _number(places: list[np.ndarray], n: int) -> np.ndarray:
    """int64 from the ASCII digits of each place, most significant first."""
    out = np.zeros(n, dtype=np.int64)
    for place in places:
        out *= 10
        out += place
    return out - 48 * int("1" * len(places))


def know_numbers(cells: np.ndarray, text: str, keep: np.ndarray) -> None:
    """Tell :func:`plain_numbers` the numbers of ``cells``, the rows ``keep`` of a column
    whose joined text is ``text``, when that column is all plain ids: read off the whole
    column's text, they spare joining and checking the kept cells again."""
    if _all_plain_ids(text):
        numbers = _parse_digits(text, text.count("\0") + 1)
        if numbers is not None:
            _KNOWN[:] = [*_KNOWN[-3:], (cells, numbers[keep])]


#: Cells whose :func:`plain_numbers` are known already, with them (see ``know_numbers``).
_KNOWN: list = []


#: The distinct values :func:`factorize_text` made last and their numbers: the lookup
#: of people by id is built from exactly those values next.
_NUMBERS: list = [None, None]


def factorize_text(
    values: np.ndarray, use_na_sentinel: bool = True, plain: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize``: the same codes, in order of first appearance, and the same
    distinct values, through integers when the cells are :func:`plain_numbers`."""
    arr = np.asarray(values, dtype=object)
    numbers = plain_numbers(arr, plain) if len(arr) > 10_000 else None
    if numbers is None:
        if _shares_objects(arr):  # a manager column: each manager's text one object
            codes, uniques = factorize_objects(arr, use_na_sentinel)
        else:
            codes, uniques = pd.factorize(arr, use_na_sentinel=use_na_sentinel)
        return codes, np.asarray(uniques, dtype=object)
    codes, first = _factorize_numbers(numbers)
    if len(first) == len(arr):  # every cell distinct (ids): they are their own uniques
        _NUMBERS[:] = [arr, numbers]
    else:
        _NUMBERS[:] = [arr[first], numbers[first]]
    return codes, _NUMBERS[0]


def blanks_among(uniques: np.ndarray) -> np.ndarray:
    """Positions of '' among distinct values; read off their numbers (-1 is blank) when
    :func:`factorize_text` made them through numbers, instead of comparing every one."""
    if _NUMBERS[0] is uniques:
        return np.flatnonzero(_NUMBERS[1] == -1)
    return np.flatnonzero(uniques == "")


def _factorize_numbers(numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` codes of int64 ``numbers`` and the row where each code first
    appears. Ids usually fill a range not much wider than their count: then a table
    indexed by the number itself replaces the hash table (a few gathers, no hashing)."""
    n = len(numbers)
    low = int(numbers.min())
    span = int(numbers.max()) - low + 1
    if span > 4 * n + 4096:
        codes = pd.factorize(numbers)[0]
        seen = np.maximum.accumulate(codes)  # a code appears first where the maximum grows
        return codes, np.flatnonzero(np.diff(seen, prepend=-1) > 0)
    slot = numbers - low
    rows = np.arange(n, dtype=np.int64)
    if np.bincount(slot, minlength=span).max() == 1:  # each number once: rows are codes
        return rows, np.arange(n, dtype=np.int64)
    earliest = np.full(span, n, dtype=np.int64)
    np.minimum.at(earliest, slot, rows)
    first = np.flatnonzero(earliest[slot] == rows)
    code = np.empty(span, dtype=np.int64)
    code[slot[first]] = np.arange(len(first), dtype=np.int64)
    return code[slot], first


#: The cells :func:`normalise` last made from their distinct values, with their codes
#: and the table of normalised values: the leaver check reads the status column next.
_DISTINCT: list = [None, None, None]


def factorize_objects(
    arr: np.ndarray, use_na_sentinel: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(arr)`` of an object array, by way of the objects' addresses.

    A reader hands over one string object for many cells of the same text (pandas' CSV
    parser and shared strings of workbooks do): hashing the addresses as integers and
    then only the distinct objects by value is 5x cheaper than hashing every cell's
    text. The same object has the same value, and objects meet in row order, so the
    codes and distinct values are pandas' own.
    """
    cells = np.ascontiguousarray(arr, dtype=object)
    if len(cells) < 2:
        return pd.factorize(cells, use_na_sentinel=use_na_sentinel)
    by_address = pd.factorize(_addresses(cells))[0]
    seen = np.maximum.accumulate(by_address)  # an object first appears where this grows
    first = np.flatnonzero(np.diff(seen, prepend=-1) > 0)
    codes, uniques = pd.factorize(cells[first], use_na_sentinel=use_na_sentinel)
    return codes[by_address], uniques


def _addresses(cells: np.ndarray) -> np.ndarray:
    """The object pointers of a contiguous object array, as integers (a view)."""
    pointers = ctypes.cast(cells.ctypes.data, ctypes.POINTER(ctypes.c_ssize_t))
    return np.ctypeslib.as_array(pointers, shape=(len(cells),))


def _shares_objects(cells: np.ndarray, sample: int = 4096) -> bool:
    """Whether a long column's cells share their string objects enough for
    :func:`factorize_objects` to pay: judged on evenly spaced cells.

    A million unique emails cost twice as much by address as by value (the addresses
    are hashed first, for nothing); a million manager emails, each manager's one
    object (workbook shared strings, cleaned cells), cost a third. It pays once a
    fifth of the cells repeat an earlier object, that is, with fewer than 0.8 n
    distinct objects; ``s`` cells drawn from ``d`` objects repeat about s^2 / 2d times.
    """
    if len(cells) <= 4 * sample:
        return False
    picked = np.ascontiguousarray(cells[:: len(cells) // sample])
    repeats = len(picked) - len(np.unique(_addresses(picked)))
    return repeats > len(picked) ** 2 / (1.6 * len(cells))


def _unchanged(fn: Callable[[str], Any]) -> Callable[[str, np.ndarray, bool], bool] | None:
    """For the normalisers that leave most real columns as they are, the check that says
    so for a whole joined column at once."""
    return {
        clean_text: _all_clean,
        first_value: _all_clean,
        id_key: _all_plain_ids,
        display_id: _shown_as_written,
        email_key: _all_plain_emails,
    }.get(fn)


def _shown_as_written(text: str, cells: np.ndarray | None = None, clean: bool = False) -> bool:
    """``display_id`` keeps every cell: digits, or clean text without a decimal point
    (text ids such as "E00012345", which would otherwise cost a call each)."""
    return _all_digits(text) or ("." not in text and _all_clean(text, cells, clean))


#: A cell of ASCII digits alone, between the NULs of ``"\0" + joined + "\0"``.
_DIGITS_CELL = re.compile(r"\x00[0-9]+\x00")
#: Excel's zero fraction at a cell's end ("1001.0", "1001.", "1001.00").
_ZERO_FRACTION = re.compile(r"\.0*(?=\x00|\Z)")
#: A number's leading zeros, but for its last digit ("007" -> "7", "000" -> "0").
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")

#: What a whole-column road makes: the cells as the normaliser would, and their joined text.
Made = tuple[np.ndarray, str]
Road = Callable[[str, np.ndarray, bool], Made | None]


def _lowered_ids(text: str, cells: np.ndarray, clean: bool = False) -> Made | None:
    """``id_key`` of a column of text ids ("E00012345", "emp-17") from its joined text,
    or None when some cell needs ``id_key``'s other steps.

    A clean ASCII cell without a comma or a point, and not of digits alone (whose
    leading zeros go), is its own key in lower case: a million such ids cost 2 s of
    calls, and one lowering and split of the joined text 0.15 s.
    """
    if not text.isascii() or "," in text or "." in text:
        return None
    if not _all_clean(text, cells, clean) or _DIGITS_CELL.search(f"\0{text}\0"):
        return None
    return _cells(text.lower())


def _whole_numbers(text: str, keep_zeros: bool) -> Made | None:
    """A column of Excel's float ids ("1001.0", as a CSV saved from Excel has them) as
    ``id_key`` (``keep_zeros=False``) or ``display_id`` reads each cell: digits with the
    zero fraction gone, and for keys leading zeros too; None unless every cell is
    ASCII digits with or without a zero fraction, or blank."""
    if "." not in text or not text.isascii() or "\0." in text or text.startswith("."):
        return None
    whole = _ZERO_FRACTION.sub("", text)
    if not _all_digits(whole):
        return None
    return _cells(whole if keep_zeros else _LEADING_ZEROS.sub("", whole))


def _id_keys(text: str, cells: np.ndarray, clean: bool = False) -> Made | None:
    return _lowered_ids(text, cells, clean) or _whole_numbers(text, keep_zeros=False)


def _shown_ids(text: str, cells: np.ndarray, clean: bool = False) -> Made | None:
    return _whole_numbers(text, keep_zeros=True)


def _lowered_emails(text: str, cells: np.ndarray, clean: bool = False) -> Made | None:
    """``email_key`` of every cell of a column of plain addresses with capitals in them
    ("Ada.Lovelace@Acme.com", as many systems write them): each is its own key in
    lower case when the lowered column passes the plain-address check.

    ``email_key`` case-folds where this lowers. For every character, folding it equals
    folding its lower case (checked over all of Unicode), and the check lets through
    only characters that folding keeps, so the lowered cells are their folded selves.
    """
    lower = text.lower()
    if lower == text or not _all_plain_emails(lower, cells, clean):
        return None
    return _cells(lower)


def _cells(text: str) -> Made:
    """A joined column (see :func:`joined`) as its cells again, with the text."""
    return np.array(text.split("\0"), dtype=object), text


def _road(fn: Callable[[str], Any]) -> Road | None:
    """For the id and email normalisers, a whole-column road (the cells as ``fn`` makes
    them, and their joined text) for columns ``_unchanged`` turns away."""
    return {id_key: _id_keys, display_id: _shown_ids, email_key: _lowered_emails}.get(fn)


def map_distinct(values: Any, fn: Callable[[str], Any], dtype: Any = object) -> np.ndarray:
    """``fn`` on every cell, called once per distinct value (a missing cell reads as '').

    Real columns repeat themselves (titles, departments, managers), and even a column of
    unique ids costs one hash per row here instead of one Python call per row twice.
    """
    arr = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else values
    if dtype is object and _unchanged(fn) is not None:
        return normalise(arr, fn)[0]
    return _per_distinct(arr, fn, dtype)


def _per_distinct(arr: Any, fn: Callable[[str], Any], dtype: Any) -> np.ndarray:
    if _DISTINCT[0] is arr:  # cells normalise just made from their distinct values
        codes, table = _DISTINCT[1], _DISTINCT[2]
        return np.array([fn(v) for v in table.tolist()], dtype=dtype)[codes]
    codes, uniques = pd.factorize(np.asarray(arr, dtype=object), use_na_sentinel=True)
    if len(uniques) and pd.api.types.infer_dtype(uniques, skipna=False) != "string":
        uniques = uniques.astype(str)  # a reader handing over numbers: read them as text
    done = [fn(u) for u in uniques.tolist()]
    return np.array([*done, fn("")], dtype=dtype)[codes]


def normalise(
    values: np.ndarray,
    fn: Callable[[str], str],
    text: str | None = None,
    clean: bool = False,
    copy: bool = True,
) -> tuple[np.ndarray, str | None]:
    """``map_distinct`` for a normaliser, and the result's :func:`joined` text when known.

    When a check on the joined column shows ``fn`` would change no cell (ids already
    plain digits, text already trimmed: the usual case), the cells come back as they
    are, with no hashing and no Python call per value. The joined text is handed back
    so that the next normaliser of the same cells (a key after cleaning) need not join
    them again. ``text`` is ``joined(values)`` when the caller has it already; ``clean``
    says the values are :func:`clean_text` already (no whitespace but single spaces);
    ``copy=False`` lets cells left as they are come back as ``values`` itself.
    """
    arr = np.asarray(values, dtype=object)
    check = _unchanged(fn)
    if check is None or not len(arr):
        return _per_distinct(arr, fn, object), None
    if text is None and _repetitive(arr):  # titles, places: the distinct values suffice
        codes, uniques = factorize_objects(arr)
        if pd.api.types.infer_dtype(uniques, skipna=False) != "string":
            uniques = uniques.astype(str)  # a reader handing over numbers: read them as text
        table = np.append(normalise(np.asarray(uniques, dtype=object), fn)[0], fn(""))
        out = table[codes]
        _DISTINCT[:] = [out, codes, table]
        return out, None
    text = joined(arr) if text is None else text
    if text is not None and check(text, arr, clean):
        return arr.copy() if copy else arr, text
    road = _road(fn)
    if text is not None and road is not None and (made := road(text, arr, clean)) is not None:
        return made
    return _per_distinct(arr, fn, object), None


def _repetitive(cells: np.ndarray, sample: int = 4096) -> bool:
    """Whether a long column repeats itself enough that hashing it beats scanning its
    text: judged on evenly spaced cells."""
    if len(cells) <= 4 * sample:
        return False
    picked = cells[:: len(cells) // sample]
    distinct = len(pd.unique(picked))
    if distinct < sample // 4:
        return True
    # long text half repeated (departments): hashing still beats checking every character
    return distinct < sample * 0.6 and sum(
        len(v) for v in picked.tolist() if isinstance(v, str)
    ) > 16 * len(picked)


def clean_text(value: str) -> str:
    """One cell as people will read it: trimmed, inner runs of space made single."""
    return " ".join(value.split())


def first_value(value: str) -> str:
    """The first line of a multi-valued cell (Workday puts a second manager on a new line),
    cleaned like any cell."""
    if "\n" in value or "\r" in value:
        lines = [line for line in value.splitlines() if line.strip()]
        value = lines[0] if lines else ""
    return " ".join(value.split())


def bracketed(value: str) -> list[str]:
    """What a cell holds in brackets: ``'Ada Lovelace (1001)'`` -> ``['1001']``.

    Some exports write a manager as "Name (employee id)"; the id inside is worth a try
    when the whole cell matches nobody.
    """
    return [m.strip() for m in _BRACKETED.findall(value) if m.strip()]


def is_sentinel(value: str) -> bool:
    """Whether a manager cell says "no manager" (blank, ``NO_MANAGER``, ``n/a``, ``-``...)."""
    return _SENTINEL_SEP.sub(" ", value.casefold()).strip() in SENTINELS


_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.0*)?$")


def _drop_zero_fraction(s: str) -> str:
    """``'1001.0'`` / ``'1001.00'`` (Excel's float ids) -> ``'1001'``; anything else unchanged."""
    head, dot, tail = s.partition(".")
    if dot and head.isdigit() and not tail.strip("0"):
        return head
    return s


def id_key(value: str) -> str:
    """Key for an employee id: ``' 001001.0 '`` -> ``'1001'``, ``'E-17'`` -> ``'e-17'``."""
    if value.isdigit() and value.isascii() and value[0] != "0":
        return value  # the common case, already a key
    s = value.strip()
    if "," in s and _THOUSANDS.match(s):  # Excel's number format: "1,001"
        s = s.replace(",", "")
    s = _drop_zero_fraction(s)
    if s.isdigit() and s.isascii():
        return s if s[0] != "0" else (s.lstrip("0") or "0")
    return " ".join(s.split()).casefold()


def email_key(value: str) -> str:
    """Key for an email address, or ``''`` when the cell holds no address at all.

    The address is taken from wrappers such as ``Ada <ada@x.com>``, ``mailto:ada@x.com``
    or ``Ada Lovelace (ada@x.com)``; case is ignored.
    """
    if "@" not in value:
        return ""
    m = _EMAIL.search(value.replace("mailto:", " ").replace("MAILTO:", " "))
    return m.group(0).casefold().rstrip(".") if m else ""


_LATIN_MARKS = re.compile("[\u0300-\u036f]+")


def _strip_accents(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    quick = _LATIN_MARKS.sub("", decomposed)  # the marks Latin letters decompose into
    if quick.isascii() or max(quick) <= "\xff":  # no combining mark is below U+0300
        return quick
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_PLAIN_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_SIMPLE_NAME = re.compile(r"[A-Za-z .'-]*")


def name_tokens(value: str, initials: bool = False) -> list[str]:
    """A name as comparable tokens, first name first, without initials in the middle
    (with them, if ``initials``)."""
    if _PLAIN_NAME.fullmatch(value):  # the common case: "Ada Lovelace"
        tokens = value.lower().split()
        return _tidy(tokens, initials) if len(tokens) > 2 else tokens
    s = value
    if "&" in s:
        s = html.unescape(s)
    if "<" in s:
        s = _TAG.sub(" ", s)
    if "(" in s or "[" in s:  # "Ada Lovelace (1001)", "Robert (Bob) Smith", "Ann Lee [C]"
        s = _BRACKETED.sub(" ", s)
    if not s.isascii():
        s = _strip_accents(s)
    if _SIMPLE_NAME.fullmatch(s):  # "Mary-Ann O'Neil R.": what _tokens does, quicker
        return _tidy(_spaced(s).lower().split(), initials)
    return _tokens(s, initials)


def _tokens(s: str, initials: bool = False) -> list[str]:
    """Tokens of a name already free of HTML, brackets and accents."""
    s = s.casefold()
    if "," in s:
        head, _, tail = s.partition(",")
        tail_tokens = _words(tail)
        suffix_only = (
            bool(tail_tokens)
            and all(t in _SUFFIXES for t in tail_tokens)
            and len(head.split()) >= 2  # "Smith, Jr" is still Last, First
        )
        # "John Smith, Jr." -> "john smith"; "Smith, John" -> "john smith"
        s = head if suffix_only else tail + " " + head
    return _tidy(_words(s), initials)


def _words(text: str) -> list[str]:
    """A name's words: apostrophes dropped, other punctuation read as space (for the
    letters, spaces, dots and hyphens most names are made of, by plain replacing)."""
    if _SIMPLE_NAME.fullmatch(text):
        return _spaced(text).split()
    return _NON_WORD.sub(" ", _APOSTROPHE.sub("", text)).split()


def _tidy(tokens: list[str], initials: bool = False) -> list[str]:
    """Drop leading honorifics, a trailing suffix and (unless ``initials``) single-letter
    middle tokens."""
    while len(tokens) > 2 and tokens[0] in _HONORIFICS:
        tokens.pop(0)
    if tokens and tokens[-1] in _SUFFIXES and len(tokens) > 2:
        tokens.pop()
    if len(tokens) >= 3 and not initials:
        tokens = [tokens[0], *(t for t in tokens[1:-1] if len(t) > 1), tokens[-1]]
    return tokens


#: The shapes most names have, keyed without ``name_tokens`` (2 us a name: seconds for
#: a million people): "Ada Lovelace", "Lovelace, Ada" and "Ada K. Lovelace".
_FIRST_LAST = re.compile(r"[A-Za-z]+ [A-Za-z]+")
_LAST_COMMA_FIRST = re.compile(r"([A-Za-z]+), ([A-Za-z]+)")
_FIRST_INITIAL_LAST = re.compile(r"([A-Za-z]+) [A-Za-z]\.? ([A-Za-z]+)")


def name_key(value: str) -> str:
    """Key for a name: ``'Lovelace, Ada  A.'`` and ``'ADA LOVELACE'`` -> ``'ada lovelace'``."""
    if _FIRST_LAST.fullmatch(value):
        return value.lower()
    if (m := _LAST_COMMA_FIRST.fullmatch(value)) is not None:
        return f"{m[2]} {m[1]}".lower()
    if (m := _FIRST_INITIAL_LAST.fullmatch(value)) is not None:
        first, last = m[1].lower(), m[2].lower()
        if first not in _HONORIFICS and last not in _SUFFIXES:
            return f"{first} {last}"
    if _LATIN_NAME.fullmatch(value):
        return _latin_key(value)
    return " ".join(name_tokens(value))


def _foldable() -> str:
    """The accented Latin letters whose accents ``_strip_accents`` takes off to leave
    ASCII letters ("é", "ĳ"; not "ø", "ł", "ß"). Stripping a name of such letters is
    stripping each letter: NFKD decomposes letter by letter into a base letter and
    marks, which never move past the next letter."""
    letters = []
    for code in range(0xC0, 0x250):
        plain = _strip_accents(chr(code))
        if plain.isascii() and plain.isalpha():
            letters.append(chr(code))
    return "".join(letters)


_LATIN = f"A-Za-z{_foldable()} .'-"
#: Names of such letters, ASCII letters, spaces, dots, hyphens and apostrophes, with at
#: most one comma ("José T. Suzuki-García", "Tanaka-Wu, Björn H."): the next most common
#: shapes, which ``name_tokens`` reads in more steps.
_LATIN_NAME = re.compile(f"[{_LATIN}]+(?:,[{_LATIN}]*)?")


def _spaced(text: str) -> str:
    """What ``_words``' punctuation steps do to the characters of ``_SIMPLE_NAME``."""
    return text.replace("'", "").replace(".", " ").replace("-", " ")


def _accents_off(text: str) -> str:
    """Text of ``_LATIN`` characters (or whole lines of them) with the accents taken off:
    ASCII, of the same letters and lines."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _latin_key(value: str) -> str:
    """``name_key`` of a ``_LATIN_NAME``: ``name_tokens`` without its checks, which such a
    name passes (no HTML or brackets; accents off, their marks being all that NFKD
    leaves outside ASCII)."""
    value = _accents_off(value)
    if "," in value:  # "Tanaka-Wu, Björn H."
        return " ".join(_tokens(value))
    return " ".join(_tidy(_spaced(value).lower().split()))


#: The suffixes as alternatives of a pattern, longest first ("iii" before "ii").
_SUFFIX_WORDS = "|".join(map(re.escape, sorted(_SUFFIXES, key=len, reverse=True)))
#: A character no ``_LATIN_NAME`` has (a newline parts names in a column).
_NOT_LATIN = re.compile(f"[^\n,{_LATIN}]")
#: A second comma in a name ("Smith, Ada, PhD"), which ``_tokens`` reads its own way.
_TWO_COMMAS = re.compile(r",[^\n]*,")
#: "John Smith, Jr.": after the comma only suffixes, which ``_tokens`` may drop.
_SUFFIX_TAIL = re.compile(rf",(?: *(?:{_SUFFIX_WORDS})(?=[ \n]))+ *\n")
#: ``str.partition`` at the first comma, for ``map``.
_at_comma = operator.methodcaller("partition", ",")
#: With single spaces and none at a line's ends, a letter between two spaces is a middle
#: initial of a name of three or more words.
_MIDDLE_INITIAL = re.compile(r" [a-z](?= )")
_HONORIFIC_FIRST = re.compile(f"\n(?:{'|'.join(map(re.escape, sorted(_HONORIFICS)))}) ")
_SUFFIX_LAST = re.compile(f" (?:{_SUFFIX_WORDS})\n")


def name_keys(values: list[str], rest: Callable[[list[str]], list[str]] | None = None) -> list[str]:
    """``[name_key(v) for v in values]``, the Latin names keyed a column at a time: the
    1M benchmark's half a million distinct names take 1.2 s one by one and 0.6 s as one
    text (written "Last, First": 2.3 s and 0.9 s).

    The names are joined by newlines and ``_latin_key``'s steps run on the whole text
    (accents off, lower case, punctuation to spaces, "Last, First" turned round, single
    spaces, middle initials out); each step keeps a name within its line. A name with
    another character or a second comma, one whose part after the comma is suffixes
    alone, and one starting with an honorific or ending in a suffix (whose place
    ``_tidy`` reads) is keyed alone, by ``rest`` when given (same keys, in order).
    """
    n = len(values)
    if n < 1000 or _mostly_odd(values):
        return _one_by_one(values, rest)
    text = "\n".join(values)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=n)
    if text.count("\n") != n - 1:  # a newline inside a name
        return _one_by_one(values, rest)
    starts = np.cumsum(lengths + 1) - lengths - 1
    alone = lengths == 0
    odd = [m.start() for m in _NOT_LATIN.finditer(text)]
    alone[np.searchsorted(starts, odd, side="right") - 1] = True
    text = _spaced(_accents_off(text).lower())
    if "," in text:
        text = _turned(text, alone)
    while "  " in text:
        text = text.replace("  ", " ")
    text = text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    text = _MIDDLE_INITIAL.sub("", text)
    firsts = _HONORIFIC_FIRST.finditer("\n" + text)
    _mark_lines(alone, text, firsts, _SUFFIX_LAST.finditer(text + "\n"))
    keys = text.split("\n")
    picked = np.flatnonzero(alone).tolist()
    for i, key in zip(picked, _one_by_one([values[i] for i in picked], rest), strict=True):
        keys[i] = key
    return keys


def _turned(text: str, alone: np.ndarray) -> str:
    """Each line's "last, first" as "first last", as ``_tokens`` reads a comma; the
    lines it reads otherwise are marked ``alone``."""
    _mark_lines(alone, text, _TWO_COMMAS.finditer(text), _SUFFIX_TAIL.finditer(text + "\n"))
    # a line without a comma gains a leading space, which the spacing steps take off
    return "\n".join([f"{tail} {head}" for head, _, tail in map(_at_comma, text.split("\n"))])


def _mark_lines(alone: np.ndarray, text: str, *found: Iterable[re.Match]) -> None:
    """Mark ``alone`` each line of ASCII ``text`` where a match starts (a match in the
    text with a newline put in front starts at the newline before its line)."""
    breaks = np.flatnonzero(np.frombuffer(text.encode("ascii"), dtype=np.uint8) == 10)
    at = [m.start() for matches in found for m in matches]
    alone[np.searchsorted(breaks, at)] = True


def _mostly_odd(values: list[str], sample: int = 1000) -> bool:
    """Whether most names would be keyed alone anyway (scripts other than Latin, ids or
    numbers in the names): judged on evenly spaced names."""
    picked = values[:: max(1, len(values) // sample)]
    return sum(1 for v in picked if _NOT_LATIN.search(v) or not v) > len(picked) // 2


def _one_by_one(values: list[str], rest: Callable[[list[str]], list[str]] | None) -> list[str]:
    return rest(values) if rest is not None else [name_key(v) for v in values]


def name_words(value: str) -> set[str]:
    """The tokens of a name as its key reads them, middle initials kept: "Dr. Aarav M.
    Müller (Contractor)" -> aarav, m, muller, where the key is "aarav muller"."""
    return set(name_tokens(value, initials=True))


def loose_name_key(key: str) -> str:
    """From a :func:`name_key`, the first and last token in sorted order.

    Used only when the exact key finds nobody: "Mary Smith" then finds "Mary Ann Smith",
    and "Lovelace Ada" (family name first, no comma) finds "Ada Lovelace".
    """
    parts = key.split(" ")
    if len(parts) < 2:
        return key
    a, b = parts[0], parts[-1]
    return f"{a} {b}" if a <= b else f"{b} {a}"


def display_id(value: str) -> str:
    """An id as shown to people: trimmed, and ``1001.0`` (Excel's float) shown as ``1001``."""
    if value.isdigit():
        return value
    return _drop_zero_fraction(" ".join(value.split()))
