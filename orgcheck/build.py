"""From a raw table and a column mapping to the org: people, manager links, tree metrics.

This is where cells get meaning: ids are normalised, names assembled, leavers left out,
manager references resolved (see ``orgcheck.managers``), cycles cut so the rest is a
forest, and every data problem met on the way becomes a finding naming its rows
(``orgcheck.quality``). Nothing here raises on bad data: a problem in the data is a
finding or a count in ``Org.skipped``, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from orgcheck import managers, quality
from orgcheck.model import FIELDS, Org, RawTable, Source
from orgcheck.names import (
    clean_text,
    display_id,
    first_value,
    know_numbers,
    map_distinct,
    name_key,
    name_keys,
    normalise,
    release,
)
from orgcheck.status import inactive_mask
from orgcheck.tree import cycles_and_depths, tree_metrics

#: Text columns of ``Org.people`` taken straight from a field (cleaned), '' when absent.
TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "email",
    "department",
    "location",
    "start_date",
    "status",
    "level_code",
)


def org_from_records(
    records: list[dict[str, str]],
    *,
    columns: dict[str, str] | None = None,
    path: str = "<records>",
    overrides: dict[str, str] | None = None,
) -> Org:
    """Build an org from dicts (keys are headers): the quick way to make orgs in tests.

    Without ``columns`` every key that is a field name maps to itself. Rows are numbered
    as in a file with one header row: the first record is row 2.
    """
    headers = list(dict.fromkeys(k for r in records for k in r))
    data = {h: ["" if r.get(h) is None else str(r.get(h)) for r in records] for h in headers}
    frame = pd.DataFrame(data, columns=headers, dtype=object).astype(str)
    raw = RawTable(
        path=path,
        sheet=None,
        headers=headers,
        frame=frame,
        rows=np.arange(2, len(records) + 2, dtype=np.int64),
    )
    if columns is None:
        columns = {h: h for h in headers if h in FIELDS}
    return build_org(raw, columns, overrides=overrides)


class Cells:
    """Clean cell text and matching keys per header, for the people kept, each made once.

    The manager choice may try several headers with several key kinds, and the
    duplicate check needs the same id and email keys: caching keeps every distinct
    value normalised exactly once per (header, kind). Text and keys are always made for
    the whole column (where a joined-text check usually shows nothing needs changing)
    and the kept rows take their slice of it.
    """

    def __init__(self, frame: pd.DataFrame, keep: np.ndarray | None = None) -> None:
        self.frame = frame
        self.keep = keep
        self.parent: Cells | None = None
        self._text: dict[str, np.ndarray] = {}
        self._joined: dict[str, str | None] = {}
        self._keys: dict[tuple[str, Callable[[str], str]], np.ndarray] = {}
        self._coded: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}

    def kept(self, keep: np.ndarray) -> Cells:
        """The same table restricted to the rows that are people (reusing cleaned text)."""
        out = Cells(self.frame, np.flatnonzero(keep))
        out.parent = self  # columns are cut to the kept rows when first asked for
        return out

    def _cleaned(self, header: str, tag: str, clean) -> np.ndarray:
        if (tag + header) not in self._text:
            other = "\0refs\0" + header if tag == "" else header
            if self.parent is not None:
                full = self.parent._cleaned(header, tag, clean)
                same = other in self._text and self.parent._text.get(other) is full
                self._text[tag + header] = self._text[other] if same else full[self.keep]
                if tag and not same:  # manager references: numbers wanted for the lookup
                    self._know_numbers(header, tag)
                return self._text[tag + header]
            if self._joined.get(other) is not None:  # left as it was: clean for both uses
                self._text[tag + header] = self._text[other]
                self._joined[tag + header] = self._joined[other]
                return self._text[tag + header]
            cells = self.frame[header]
            if isinstance(cells, pd.DataFrame):  # a repeated header: the first one counts
                cells = cells.iloc[:, 0]
            # copy=False: the people table only ever gets the kept rows, gathered anew
            out, text = normalise(cells.to_numpy(dtype=object), clean, copy=False)
            self._text[tag + header], self._joined[tag + header] = out, text
        return self._text[tag + header]

    def _know_numbers(self, header: str, tag: str) -> None:
        """Numbers of a kept column of plain ids from the whole column's joined text."""
        text = self.parent._joined.get(tag + header) if self.parent is not None else None
        if text is not None and self.keep is not None:
            know_numbers(self._text[tag + header], text, self.keep)

    def text(self, header: str) -> np.ndarray:
        """A column's cells as clean text ('' for blank)."""
        return self._cleaned(header, "", clean_text)

    def refs(self, header: str) -> np.ndarray:
        """A manager column's cells: only the first of several values in one cell counts."""
        return self._cleaned(header, "\0refs\0", first_value)

    def mapped(self, header: str, fn: Callable[[str], str]) -> np.ndarray:
        """``fn`` (a key or display normaliser) of each clean cell, made for the whole
        column once; do not change the array in place."""
        if (header, fn) not in self._keys:
            if self.parent is not None:
                full = self.parent.mapped(header, fn)
                same = full is self.parent._text.get(header)  # left as they were
                self._keys[header, fn] = self.text(header) if same else full[self.keep]
            else:
                text = self.text(header)
                joined = self._joined.get(header)
                self._keys[header, fn] = normalise(text, fn, joined, True, copy=False)[0]
        return self._keys[header, fn]

    def keys(self, header: str, kind: str) -> np.ndarray:
        return self.mapped(header, managers.KEYERS[kind])

    def coded(self, header: str, kind: str) -> tuple[np.ndarray, np.ndarray]:
        """``keys`` factorized: a code per row (-1 for a blank key) and the distinct keys.

        One hashing pass serves both the duplicate check and the manager lookup.
        """
        if (header, kind) not in self._coded:
            keys = self.keys(header, kind)
            plain = kind == "id" and keys is self.text(header)  # id_key kept every cell
            if plain:
                self._know_numbers(header, "")
            self._coded[header, kind] = managers.factorize_keys(keys, plain)
        return self._coded[header, kind]

    def repeated(self, header: str, kind: str) -> np.ndarray:
        """Rows whose non-blank key another row shares.

        Emails repeat in few files: when no two keys even share a hash, nobody shares a
        key, and the emails need no factorizing (ids are factorized anyway, for lookup).
        """
        if kind != "id" and (header, kind) not in self._coded:
            keys = self.keys(header, kind)
            if len(keys) > 10_000 and not _maybe_shared(keys).any():
                self._coded[header, kind] = _distinct_coded(keys)  # for the lookup
                return np.zeros(len(keys), dtype=bool)
        codes, uniques = self.coded(header, kind)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        return (codes >= 0) & (counts[np.maximum(codes, 0)] > 1)


def _maybe_shared(keys: np.ndarray) -> np.ndarray:
    """Rows whose non-blank key's hash another row's key has: every repeated key among
    them, for a third of the cost of factorizing text."""
    hashes = np.fromiter(map(hash, keys.tolist()), dtype=np.int64, count=len(keys))
    buckets = 1 << (4 * len(keys)).bit_length()  # four to eight per row
    bucket = (hashes & (buckets - 1)).astype(np.intp)  # low bits first: most rows are
    crowded = np.flatnonzero(np.bincount(bucket, minlength=buckets)[bucket] > 1)  # alone
    out = np.zeros(len(keys), dtype=bool)
    out[crowded] = pd.Series(hashes[crowded]).duplicated(keep=False).to_numpy()
    blank = np.flatnonzero(hashes == hash(""))  # only these can be blank: no compare
    out[blank[keys[blank] == ""]] = False  # of every key with ''
    return out


def _distinct_coded(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``managers.factorize_keys`` of keys no two of which are equal, blanks aside:
    each non-blank key its own code, without hashing a million emails a second time."""
    blank = keys == ""
    if not blank.any():  # a copy, as factorizing gives: the keys are cached elsewhere
        return np.arange(len(keys), dtype=np.int64), np.array(keys, dtype=object)
    listed = ~blank
    listed[np.argmax(blank)] = True  # factorize lists '' where it first appears
    codes = np.cumsum(listed, dtype=np.int64) - 1
    codes[blank] = -1
    return codes, np.asarray(keys, dtype=object)[listed]


_LAST_FIRST = r"[^,]+,\s*[^,]+"


def first_last(name: np.ndarray) -> np.ndarray | None:
    """ "Doe, Jane" shown as "Jane Doe" when the whole column is written last-name-first.

    Reports read better in the order people say names; matching is unaffected (name
    keys ignore the order). Decided on the column, not per cell, so "Smith, Jr." in a
    "First Last" file is left alone. None when the column is not last-name-first.
    """
    head = name[:5000]
    while np.count_nonzero(head != "") < 5000 and len(head) < len(name):  # mostly blank
        head = name[: len(head) * 4]
    filled = pd.Series(head[head != ""][:5000], dtype=object)
    if "".join(filled.tolist()).count(",") < 0.8 * len(filled):  # cheap "no"
        return None
    if not len(filled) or filled.str.fullmatch(_LAST_FIRST).mean() < 0.8:
        return None

    def swap(value: str) -> str:
        last, sep, first = value.partition(",")
        return f"{first.strip()} {last.strip()}" if sep and "," not in first else value

    return map_distinct(name, swap)


def _names(cells: Cells, columns: dict[str, str], n: int) -> tuple[np.ndarray, list[str]]:
    """``name``, or "First Last" where the name is blank or there is no name column."""
    blank = np.full(n, "", dtype=object)
    notes = []
    name = cells.text(columns["name"]) if "name" in columns else blank
    swapped = first_last(name)
    if swapped is not None:
        name = swapped
        notes.append(f"names in {columns['name']!r} are written 'Last, First'; shown 'First Last'")
    if "first_name" in columns or "last_name" in columns:
        first = cells.text(columns["first_name"]) if "first_name" in columns else blank
        last = cells.text(columns["last_name"]) if "last_name" in columns else blank
        both = map_distinct(first + " " + last, clean_text)
        name = np.where(name != "", name, both)
    return name, notes


def _keep_rows(cells: Cells, columns: dict[str, str], name: np.ndarray, n: int):
    """Which rows are people; the others counted by reason (blank, no name, inactive)."""
    skipped: dict[str, int] = {}
    notes: list[str] = []
    inactive = np.zeros(n, dtype=bool)
    has_id = cells.text(columns["id"]) != "" if "id" in columns else np.zeros(n, dtype=bool)
    nameless = ~has_id & (name == "")
    any_cell = np.zeros(n, dtype=bool)
    if nameless.any():  # blank rows, or rows with other cells but no name or id
        for header in columns.values():
            any_cell |= cells.text(header) != ""
    keep = ~nameless
    if (nameless & ~any_cell).any():
        skipped["blank"] = int((nameless & ~any_cell).sum())
    if (nameless & any_cell).any():
        skipped["no name or id"] = int((nameless & any_cell).sum())
        nameless_rows = _count(skipped["no name or id"], "row")
        notes.append(f"left out for having neither a name nor an id: {nameless_rows}")
    if "status" in columns:
        status = cells.text(columns["status"])
        inactive = inactive_mask(status, columns["status"]) & keep
        if inactive.any():
            skipped["terminated"] = int(inactive.sum())
            seen = pd.Series(status[inactive]).value_counts().head(5)
            shown = ", ".join(f"{v!r} ({c:,})" for v, c in seen.items())
            notes.append(f"left out by status ({_count(skipped['terminated'], 'row')}): {shown}")
            keep &= ~inactive
    return keep, inactive, skipped, notes


def _people(
    cells: Cells, columns: dict[str, str], name: np.ndarray, rows: np.ndarray
) -> pd.DataFrame:
    """The people table of the model from the kept rows (``cells`` is already restricted)."""
    n = len(rows)
    empty = np.full(n, "", dtype=object)
    if "id" in columns:
        ids = cells.mapped(columns["id"], display_id).copy()
        blank = ids == ""
        ids[blank] = np.array([f"row-{r}" for r in rows[blank].tolist()], dtype=object)
    else:
        ids = rows.astype(str).astype(object)
    data: dict[str, object] = {"id": ids, "row": rows.astype(np.int64), "name": name}
    for f in TEXT_FIELDS:
        data[f] = cells.text(columns[f]) if f in columns else empty
    data["manager_ref"] = cells.refs(columns["manager"]) if "manager" in columns else empty
    dotted = columns.get("dotted_manager")
    data["dotted_ref"] = cells.refs(dotted) if dotted else empty
    return _frame(data)


def _text_dtype():
    """The dtype pandas gives a column of text (``str`` from pandas 3, ``object`` before),
    asked at each call: its storage follows the option ``orgcheck.pandas_mode`` sets."""
    return pd.DataFrame({"x": np.array(["a"], dtype=object)})["x"].dtype


def _frame(data: dict[str, object]) -> pd.DataFrame:
    """``pd.DataFrame(data)``, wrapping the text columns without copying them (a copy
    of a million-row column of text costs as much as the check pandas makes)."""
    text_dtype = _text_dtype()
    if pd.api.types.is_object_dtype(text_dtype):
        return pd.DataFrame(data)
    seen: set[int] = set()
    columns = {}
    for k, v in data.items():
        if isinstance(v, np.ndarray) and v.dtype == object:
            shared = id(v) in seen  # one array for two columns ('' for absent fields)
            seen.add(id(v))
            v = pd.array(v, dtype=text_dtype, copy=shared)
        columns[k] = v
    return pd.DataFrame(columns, copy=False)


def repeats(keys: np.ndarray, names: np.ndarray, shared: np.ndarray | None = None) -> np.ndarray:
    """Rows repeating an earlier row's key under the same name: one person listed twice
    (Workday lists a worker once per position). References go to the first row; the
    repeat is still reported as a duplicate. Same key, different names stays ambiguous.
    ``shared`` (rows whose non-blank key another row has) is worked out when not given."""
    keys = np.asarray(keys, dtype=object)
    out = np.zeros(len(keys), dtype=bool)
    if shared is None:
        series = pd.Series(keys, dtype=object)
        shared = ((series != "") & series.duplicated(keep=False)).to_numpy()
    idx = np.flatnonzero(shared)
    if not len(idx):
        return out
    group = pd.DataFrame({"key": keys[idx], "name": map_distinct(names[idx], name_key)})
    one_name = group.groupby("key", sort=False)["name"].transform("nunique").to_numpy() == 1
    later = group["key"].duplicated(keep="first").to_numpy()
    out[idx] = later & one_name
    return out


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _id_notes(cells: Cells, columns: dict[str, str], people: pd.DataFrame) -> list[str]:
    """Say how ids were read when that was not verbatim (floats, blanks)."""
    if "id" not in columns:
        return ["no id column: people are known by their row number"]
    raw_ids, ids = cells.text(columns["id"]), people["id"].to_numpy()
    out = []
    if cells.mapped(columns["id"], display_id) is raw_ids:  # shown as written
        changed = np.empty(0, dtype=np.int64)
    else:
        changed = np.flatnonzero((raw_ids != "") & (ids != raw_ids))
    if len(changed):
        i = int(changed[0])
        out.append(
            f"{_count(len(changed), 'id')} written as decimals read as whole numbers "
            f"({raw_ids[i]!r} as {ids[i]!r})"
        )
    blank = int(np.count_nonzero(raw_ids == ""))
    if blank:
        out.append(f"{_count(blank, 'person', 'people')} without an id known by row ('row-N')")
    return out


def _spaces(
    cells: Cells, columns: dict[str, str], people: pd.DataFrame, extra: dict
) -> list[managers.LazySpace]:
    """Lazy key-space builders: ids, then emails, then names (the costliest) last."""

    def from_header(kind: str, header: str):
        def make() -> managers.KeySpace:
            keys, shared = cells.keys(header, kind), cells.repeated(header, kind)
            codes, uniques = cells.coded(header, kind)
            codes = np.where(repeats(keys, people["name"].to_numpy(), shared), -1, codes)
            return managers.key_space(kind, header, [keys], coded=(codes, uniques))

        return make

    out = []
    for kind in ("id", "email"):
        headers = [columns[kind]] if kind in columns else []
        headers += [h for h in extra.get(kind, []) if h not in headers]
        out += [
            managers.LazySpace(kind, from_header(kind, h))
            for h in headers
            if h in cells.frame.columns
        ]

    def names() -> managers.KeySpace:
        keyer = managers.Memoised(name_key, batch=name_keys)
        shown = people["name"].to_numpy(dtype=object)
        keys, coded = managers.coded_keys(shown, keyer)
        spellings = [shown]
        if "name" in columns:  # as written: "Lovelace, Ada" before it was turned round
            spellings.append(cells.text(columns["name"]))
        if "first_name" in columns and "last_name" in columns and "name" in columns:
            both = cells.text(columns["first_name"]) + " " + cells.text(columns["last_name"])
            space = managers.key_space("name", "name", [keys, map_distinct(both, keyer)], keyer)
            spellings.append(both)
        else:
            space = managers.key_space("name", "name", [keys], keyer, coded)
        space.spellings = tuple(spellings)
        return space

    # what choose compares a column of names with before it makes the name keys
    out.append(managers.LazySpace("name", names, people["name"].to_numpy(dtype=object)))
    return out  # each made once, and shared with dotted lines


def _release_probe() -> None:
    """Drop column detection's kept probe (whole columns lowered or compacted)."""
    import orgcheck.columns as detection  # imported when used, as by _candidates

    detection.release()


def _candidates(raw: RawTable, columns: dict[str, str], fields: tuple[str, ...]) -> dict:
    """Other headers the column detector thinks could hold each of ``fields``."""
    from orgcheck.columns import candidate_headers

    out = {}
    for f in fields:
        taken = {h for other, h in columns.items() if other != f}  # e.g. never the manager
        found = candidate_headers(raw, f)
        out[f] = [
            h for h in found if h not in taken and h != columns.get(f) and h in raw.frame.columns
        ]
    return out


def _choose_manager(raw, columns, cells: Cells, spaces, overrides) -> managers.Choice | None:
    """The detected manager column, unless it resolves poorly and another column does better.

    Other candidates are only fetched when needed: ranking them reads whole columns,
    which the column detector has already done once for a million rows.
    """
    detected = [columns["manager"]] if "manager" in columns else []
    choice = managers.choose([(h, cells.refs(h)) for h in detected], spaces) if detected else None
    if (choice is not None and choice.good) or (overrides and "manager" in overrides):
        return choice
    more = _candidates(raw, columns, ("manager",)).get("manager", [])
    if not more:
        return choice
    return managers.choose([(h, cells.refs(h)) for h in detected + more], spaces)


def _leaver_finder(cells: Cells, columns, leavers, name, rows, space) -> quality.Gone | None:
    """For an unmatched manager: the left-out leaver it names, if any ("Peter Jones, row 17,
    status 'Terminated'"), so the finding says the manager left rather than "nobody"."""
    idx = np.flatnonzero(leavers)
    if not len(idx):
        return None
    own = name if space.kind == "name" else cells.text(space.target)
    look = managers.Lookup(map_distinct(own[idx], space.keyer), np.arange(len(idx)))
    status = cells.text(columns["status"])

    def gone(value: str) -> str | None:
        found = look.get(space.keyer(value))
        if found < 0:
            return None
        i = int(idx[found])
        return f"{name[i] or value} (row {rows[i]}, status {status[i]!r})"

    return gone


@dataclass
class _Links:
    """The solid line as resolved: parent positions, and what was used to get them."""

    parent: np.ndarray
    columns: dict[str, str]
    resolution: managers.Resolution | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str | None:
        return self.resolution.space.kind if self.resolution is not None else None


def _link_managers(raw, columns, overrides, cells: Cells, spaces, people) -> _Links:
    """Choose the manager column and key, and resolve every person's manager."""
    link = _Links(np.full(len(people), -1, dtype=np.int64), dict(columns))
    choice = _choose_manager(raw, columns, cells, spaces, overrides)
    if choice is None or choice.resolution is None:
        link.notes.append("no manager column: every person is a top of the tree")
        return link
    res = link.resolution = choice.resolution
    link.columns["manager"] = res.header
    people["manager_ref"] = cells.refs(res.header)
    link.parent = np.where(res.pos >= 0, res.pos, -1)
    link.notes += choice.notes
    return link


def _dotted_lines(columns, cells: Cells, spaces, people) -> tuple[np.ndarray | None, list]:
    """Dotted-line managers, resolved like the solid line but never part of the tree."""
    if "dotted_manager" not in columns:
        return None, []
    header = columns["dotted_manager"]
    res = managers.choose([(header, cells.refs(header))], spaces).resolution
    if res is None:
        return None, []
    return np.where(res.pos >= 0, res.pos, -1), quality.unresolved(res, people, dotted=True)


#: A number Excel displayed in scientific notation and saved that way: ``1.71138E+12``.
_EXCEL_SCIENTIFIC = r"[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+"


def damaged_ids(frame: pd.DataFrame, columns: dict[str, str]) -> str | None:
    """The id column, when Excel's scientific notation has merged different ids into one.

    ``1.71138E+12`` keeps six digits of a 13-digit id: people who differed only in
    the lost digits now share an id, so the column can no longer tell them apart.
    Only a sample is pattern-checked; uniqueness is checked only when it matches.
    """
    header = columns.get("id")
    if header is None or header not in frame:
        return None
    cells = frame[header].to_numpy(dtype=object)

    def filled(upto: int) -> pd.Series:
        values = pd.Series(cells[:upto]).astype(str)
        return values[values != ""]

    upto = 8192  # the sample comes from the first rows: read only as many as it takes
    while len(sample := filled(upto)) < 5000 and upto < len(cells):
        upto *= 4
    sample = sample.iloc[:5000]
    try:
        written = "".join(sample.tolist())
    except TypeError:  # a missing cell: left to the pattern check, as before
        written = "e"
    if "e" not in written and "E" not in written:
        return None  # none even has an exponent
    if not len(sample) or sample.str.fullmatch(_EXCEL_SCIENTIFIC).mean() < 0.5:
        return None
    every = filled(len(cells))
    return header if every.nunique() < len(every) else None


def build_org(
    raw: RawTable, columns: dict[str, str], *, overrides: dict[str, str] | None = None
) -> Org:
    """The org in ``raw`` read through ``columns`` (field -> header).

    ``overrides`` are the fields the user fixed with ``--column``; when the manager is
    among them no other manager column is tried.
    """
    try:
        return _build_org(raw, columns, overrides)
    finally:
        release()  # the one-slot caches of names hold tens of MB of this table's text
        _release_probe()


def _build_org(raw: RawTable, columns: dict[str, str], overrides: dict[str, str] | None) -> Org:
    frame = raw.frame
    n = len(frame)
    columns = {f: h for f, h in columns.items() if h in frame.columns}
    damaged = damaged_ids(frame, columns)
    if damaged:
        columns = {f: h for f, h in columns.items() if f != "id"}
    all_cells = Cells(frame)
    name, name_notes = _names(all_cells, columns, n)
    keep, leavers, skipped, notes = _keep_rows(all_cells, columns, name, n)
    notes = name_notes + notes
    for kind in ("id", "email"):  # each key check right after its column's clean check:
        if kind in columns:  # both read the same joined text
            all_cells.keys(columns[kind], kind)
    cells = all_cells.kept(keep)
    people = _people(cells, columns, name[keep], np.asarray(raw.rows, dtype=np.int64)[keep])
    if damaged:
        notes.append(
            f"id column {damaged!r} holds ids Excel saved in scientific notation, which "
            "no longer tell people apart; people are known by row number instead "
            "(re-export with the column formatted as text to keep the real ids)"
        )
    else:
        notes += _id_notes(cells, columns, people)
    extra = _candidates(raw, columns, ("id", "email"))
    findings = quality.duplicates(
        people,
        *(
            (cells.keys(columns[k], k), cells.repeated(columns[k], k)) if k in columns else None
            for k in ("id", "email")
        ),
    )
    spaces = _spaces(cells, columns, people, extra)

    link = _link_managers(raw, columns, overrides, cells, spaces, people)
    _release_probe()  # the last question for column detection has been asked
    if link.resolution is not None:
        space = link.resolution.space
        gone = _leaver_finder(all_cells, columns, leavers, name, raw.rows, space)
        findings += quality.unresolved(link.resolution, people, gone=gone)
    notes += link.notes
    parent = link.parent
    dotted, dotted_findings = _dotted_lines(columns, cells, spaces, people)
    findings += dotted_findings

    on_cycle, cycle_id, depth = cycles_and_depths(parent)
    cut = np.unique(cycle_id[on_cycle])
    findings += quality.cycles(people, parent, on_cycle, cycle_id)
    parent[cut] = -1
    metrics = tree_metrics(parent, None if len(cut) else depth)
    if link.key is not None:
        findings += quality.multiple_roots(people, parent, metrics, cut)
    if "title" in columns:
        findings += quality.missing_titles(people)

    source = Source(
        path=raw.path,
        sheet=raw.sheet,
        rows=n,
        columns=link.columns,
        manager_key=link.key,
        notes=[*raw.notes, *notes],
    )
    return Org(
        source=source,
        people=people,
        parent=parent,
        depth=metrics.depth,
        direct_reports=metrics.direct_reports,
        org_size=metrics.org_size,
        roots=metrics.roots,
        in_cycle=on_cycle,
        dotted_parent=dotted,
        data_findings=findings,
        skipped={**raw.skipped, **skipped},
    )
