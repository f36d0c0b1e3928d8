"""The JSON of SPEC §5 (schema_version 1), byte-identical across runs on one file.

People are written one per line (a diffable file between two snapshots of an org),
built column-wise from a few pieces per person (see below): a million Python dicts for
``json.dumps``, or a ``%`` format per person, would cost seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, TextIO

import numpy as np
import pandas as pd

from orgcheck import __version__
from orgcheck.model import LEVEL_NAMES
from orgcheck.names import joined
from orgcheck.pandas_mode import python_strings

if TYPE_CHECKING:
    from orgcheck.analysis import Result

SCHEMA_VERSION = 1


# --- people: per-field pieces, laid out row by row -----------------------------------------
#
# A person's line is ``{"id": ..., "row": ..., ...}`` in SPEC order. Formatting a
# million lines one by one (a tuple and a ``%`` per person) took seconds, so the line is
# cut into a few pieces per person: the free text (id, name, manager ids) as it stands,
# and between them *segments* whose text depends only on fields with few distinct
# values (title, rung, function, confidence, depth, ...). A segment is keyed by the
# codes of its fields, its text is built once per distinct key, and the pieces of a
# chunk of people are interleaved into one list and joined in C.
#
# CPython stores a string one, two or four bytes a character, as its widest character
# needs. 2.5 % of a real org's names (Dvořák, Yılmaz) need two, and joining them with
# Latin-1 text widens every other piece one at a time. So each piece also says which
# people's text is wide, and runs of narrow people are joined apart from wide ones.


@dataclass
class _Coded:
    """A field with few distinct values: per-person codes into the JSON text of each."""

    codes: np.ndarray  # int64, 0 <= code < len(texts)
    texts: list[str]


@dataclass
class _Piece:
    """One piece of every person's line: a constant or a text per person. In a line's
    layout, a piece is a field whose text differs person by person (ids, names)."""

    text: str | np.ndarray
    wide: bool | np.ndarray  # the text holds a character above U+00FF


#: Cuts a segment in two on purpose (the row number's thousands and units).
_BREAK = object()
#: Integer fields whose values span fewer than this are coded by value, not hashed.
_RANGE = 4096


def _quote(null: np.ndarray | None) -> str | _Coded:
    """The quote around a string field: none where the value is null (``null`` is bare)."""
    if null is None or not null.any():
        return '"'
    return _Coded(null.astype(np.int64), ['"', ""])


def _inner(values: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """JSON string contents without their quotes, where the value is null (or None),
    and which values hold a character above U+00FF.

    The common case, all ``str``, is checked on the UTF-8 bytes of the joined column
    with numpy (a byte below 0x80 is always that ASCII character; a character above
    U+00FF starts with a byte from 0xC4), and returns the values themselves with only
    those that need escaping escaped. Anything else (missing values, numbers, a NUL)
    goes through ``_inner_slow``.
    """
    n = len(values)
    text = joined(values)
    if text is None:  # a non-str value (None, NaN, a number) or a NUL inside a value
        return _inner_slow(values)
    raw = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    ends = np.flatnonzero(raw == 0)
    wide = np.zeros(n, dtype=bool)
    wide[np.searchsorted(ends, np.flatnonzero(raw >= 0xC4))] = True
    bad = np.flatnonzero(escaped_bytes(raw) & (raw != 0))  # the NULs are the separators
    if not len(bad):
        return values, None, wide
    out = values.copy()
    for i in np.unique(np.searchsorted(ends, bad)).tolist():
        out[i] = encode_basestring(out[i])[1:-1]
    return out, None, wide


def escaped_bytes(raw: np.ndarray) -> np.ndarray:
    """Which bytes of UTF-8 text JSON must escape: a quote, a backslash or a control
    character (a byte below 0x80 is always that ASCII character)."""
    return (raw < 0x20) | (raw == 0x22) | (raw == 0x5C)


def _inner_slow(values: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """``_inner`` for columns with missing or non-str values: each distinct value once."""
    coded = _coded_strings(values)  # its last text is the null
    inner = [t[1:-1] for t in coded.texts[:-1]] + ["null"]
    at = coded.codes
    return np.array(inner, dtype=object)[at], at == len(inner) - 1, _is_wide(inner)[at]


def _is_wide(texts: list[str]) -> np.ndarray:
    return np.array([not t.isascii() and max(t) > "\xff" for t in texts], dtype=bool)


def _coded_strings(values: np.ndarray) -> _Coded:
    """JSON text of each distinct string (null for a missing one)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    texts = [encode_basestring(str(u)) for u in uniques] + ["null"]
    return _Coded(np.where(codes < 0, len(uniques), codes).astype(np.int64), texts)


def _by_value(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes and the distinct values they stand for (a small integer range needs no hash)."""
    values = np.asarray(values)
    if values.dtype.kind in "iu" and len(values):
        low, high = int(values.min()), int(values.max())
        if high - low < _RANGE:
            return values.astype(np.int64) - low, np.arange(low, high + 1).astype(values.dtype)
    if values.dtype.kind == "f":  # by bit pattern: -0.0 and 0.0 print differently
        bits = values.astype(np.float64).view(np.int64)
        codes, uniques = pd.factorize(bits, use_na_sentinel=False)
        return codes.astype(np.int64), uniques.view(np.float64).astype(values.dtype)
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64), np.asarray(uniques)


def _coded_numbers(values: np.ndarray) -> _Coded:
    """Numbers as ``str`` prints them (ints as ints, floats as Python's repr)."""
    codes, uniques = _by_value(values)
    return _Coded(codes, [str(u) for u in uniques.tolist()])


def _coded_level(level: np.ndarray) -> _Coded:
    """``level`` (null off the ladder) and ``level_name`` together: both follow the rung."""
    codes, u = _by_value(level)
    names = [None, *LEVEL_NAMES.values()]
    shown = np.where(u > 0, u.astype(object), "null").tolist()
    rung = np.clip(u.astype(np.int64), 0, 6).tolist()
    texts = [
        f'{s}, "level_name": {"null" if names[r] is None else encode_basestring(names[r])}'
        for s, r in zip(shown, rung, strict=True)
    ]
    return _Coded(codes, texts)


def _row_parts(rows: np.ndarray) -> list:
    """The row number as thousands and units, each a coded field (no string per person)."""
    rows = np.asarray(rows)
    if rows.dtype.kind not in "iu" or not len(rows) or int(rows.min()) < 0:
        text = [str(r) for r in rows.tolist()]
        return [_Piece(np.array(text, dtype=object), np.zeros(len(text), dtype=bool))]
    high, low = np.divmod(rows.astype(np.int64), 1000)
    hcodes, hvalues = _by_value(high)
    htexts = [str(h) if h else "" for h in hvalues.tolist()]
    units = [str(u) for u in range(1000)] + [f"{u:03d}" for u in range(1000)]
    return [_Coded(hcodes, htexts), _BREAK, _Coded(low + 1000 * (high > 0), units)]


def _strings_parts(inner: np.ndarray, null: np.ndarray | None, wide: np.ndarray) -> list:
    q = _quote(null)
    return [q, _Piece(inner, wide), q]


def _layout(result: Result) -> list:
    """One person's line as constants, coded fields and free text, in SPEC order."""
    org = result.org
    p = org.people
    n = len(p)
    ids, id_null, id_wide = _inner(p["id"].to_numpy(dtype=object))
    names, name_null, name_wide = _inner(p["name"].to_numpy(dtype=object))

    def manager(pos: np.ndarray) -> list:
        null, at = pos < 0, np.maximum(pos, 0)
        if id_null is not None:
            null = null | id_null[at]
        text = ids[at]
        text[null] = "null"
        return _strings_parts(text, null, id_wide[at] & ~null)

    level = p["level"].to_numpy() if "level" in p else np.zeros(n, dtype=np.int8)
    function = p["function"].to_numpy(dtype=object) if "function" in p else np.full(n, "unknown")
    confidence = p["confidence"].to_numpy(dtype=np.float64) if "confidence" in p else np.zeros(n)
    parts = [
        '{"id": ',
        *_strings_parts(ids, id_null, id_wide),
        ', "row": ',
        *_row_parts(p["row"].to_numpy()),
        ', "name": ',
        *_strings_parts(names, name_null, name_wide),
        ', "title": ',
        _coded_strings(p["title"].to_numpy(dtype=object)),
        ', "manager_id": ',
        *manager(org.parent),
        ', "level": ',
        _coded_level(level),
        ', "function": ',
        _coded_strings(function),
        ', "confidence": ',
        _coded_numbers(np.round(confidence, 2)),
        ', "depth": ',
        _coded_numbers(org.depth),
        ', "direct_reports": ',
        _coded_numbers(org.direct_reports),
        ', "org_size": ',
        _coded_numbers(org.org_size),
    ]
    if org.dotted_parent is not None:
        parts += [', "dotted_manager_id": ', *manager(org.dotted_parent)]
    return [*parts, "}"]


def _segment(parts: list, n: int, suffix: str) -> _Piece:
    """Constants and coded fields between two free fields: their text per person.

    The fields' codes are combined into one key per person (hashed down to the keys
    that occur when the combinations would run large), and the text is built once
    per key that occurs.
    """
    coded = [p for p in parts if isinstance(p, _Coded)]
    if not coded:
        text = "".join(parts) + suffix
        return _Piece(text, bool(_is_wide([text])[0]))
    key, size = np.zeros(n, dtype=np.int64), 1
    for c in coded:
        if size * len(c.texts) >= 1 << 62:
            key, size = _dense(key)
        key = key * len(c.texts) + c.codes
        size *= len(c.texts)
    if size > 2 * n + _RANGE:
        key, size = _dense(key)
    rep = np.zeros(size, dtype=np.int64)
    rep[key] = np.arange(n)  # any person with the key shows what its fields are
    present = np.flatnonzero(np.bincount(key, minlength=size))
    rows = rep[present]
    columns = iter([[c.texts[k] for k in c.codes[rows].tolist()] for c in coded])
    pieces = [next(columns) if isinstance(p, _Coded) else [p] * len(rows) for p in parts]
    texts = ["".join(t) + suffix for t in zip(*pieces, strict=True)]
    table = np.empty(size, dtype=object)
    table[present] = texts
    wide = np.zeros(size, dtype=bool)
    wide[present] = _is_wide(texts)
    return _Piece(table[key], wide[key])


def _dense(key: np.ndarray) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(key)
    return codes.astype(np.int64), len(uniques)


#: Between two people's lines.
_NEXT = ",\n    "


def _pieces(result: Result) -> tuple[str, list[_Piece], str]:
    """(text before the first person, pieces per person, text after the last one).

    A constant start of the line is moved to the end of the previous person's last
    piece, after the separator, so each person costs one piece fewer.
    """
    parts = _layout(result)
    n = len(result.org)
    runs: list[list] = [[]]
    for p in parts:
        if isinstance(p, _Piece):
            runs += [p, []]
        elif p is _BREAK:
            runs += [[]]
        else:
            runs[-1].append(p)
    lead = ""
    if not any(isinstance(p, _Coded) for p in runs[0]):
        lead = "".join(runs.pop(0))
    tail = _NEXT + lead
    pieces: list[_Piece] = []
    for i, run in enumerate(runs):
        if isinstance(run, _Piece):
            pieces.append(run)
        elif run or i == len(runs) - 1:
            pieces.append(_segment(run, n, tail if i == len(runs) - 1 else ""))
    return lead, pieces, tail


#: People formatted per write: bounds the extra memory of a million-person document.
CHUNK = 5_000


def people_chunks(result: Result) -> Iterator[list[str]]:
    """The people array's text, CHUNK people at a time (the first opens the array).

    A chunk is a few strings: runs of people whose text is all Latin-1 are joined
    apart from people with a wider character (see above).
    """
    n = len(result.org)
    if not n:
        return
    lead, pieces, tail = _pieces(result)
    k = len(pieces)
    wide = np.zeros(n, dtype=bool)
    for piece in pieces:
        wide |= piece.wide
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        m = stop - start
        flat: list = [None] * (m * k)
        for j, piece in enumerate(pieces):
            text = piece.text
            flat[j::k] = [text] * m if isinstance(text, str) else text[start:stop].tolist()
        w = wide[start:stop]
        bounds = [0, *((np.flatnonzero(w[1:] != w[:-1]) + 1) * k).tolist(), m * k]
        blocks = ["".join(flat[a:b]) for a, b in pairwise(bounds)]
        if start == 0:
            blocks.insert(0, "\n    " + lead)
        if stop == n:
            blocks[-1] = blocks[-1][: len(blocks[-1]) - len(tail)]
        yield blocks


def titles_list(titles: pd.DataFrame | None) -> list[dict]:
    if titles is None or not len(titles):
        return []
    out = []
    for rec in titles.to_dict(orient="records"):
        level = rec.get("level")
        level = None if level is None or pd.isna(level) or int(level) == 0 else int(level)
        out.append(
            {
                "title": rec["title"],
                "count": int(rec["count"]),
                "level": level,
                "function": rec["function"],
                "confidence": round(float(rec["confidence"]), 2),
                "reason": rec["reason"],
            }
        )
    return out


def summary(result: Result) -> dict:
    data = dict(result.metrics.to_json())
    data["findings"] = result.counts()
    return data


def anonymized(result: Result) -> Result:
    """The same result with names, emails and email-like ids replaced by stable pseudonyms.

    Uses the report's anonymizer so a person has the same pseudonym in the JSON as in
    the HTML, Markdown and text reports of the same file.
    """
    from orgcheck.report.anonymize import Anonymizer, pseudo_emails

    anon = Anonymizer(result.org)
    people = result.org.people.copy()
    people["name"] = anon.names
    if "email" in people:
        people["email"] = pseudo_emails(len(people))
    ids = people["id"].astype(str)
    renamed: dict[str, str] = {}
    if ids.str.contains("@", regex=False).any():
        new_ids = np.char.add("P", people["row"].to_numpy().astype(str)).astype(object)
        renamed = dict(zip(ids.tolist(), new_ids.tolist(), strict=True))
        people["id"] = new_ids
    texts = [t for f in result.findings for t in (f.message, f.suggestion)]
    scrubbed = iter(anon.scrub(texts))
    findings = [
        replace(
            f,
            message=next(scrubbed),
            suggestion=next(scrubbed),
            people=tuple(renamed.get(p, p) for p in f.people),
        )
        for f in result.findings
    ]
    people["title"] = anon.scrub_column(people["title"].to_numpy(dtype=object))
    titles = result.org.titles
    if titles is not None and len(titles):
        titles = titles.copy()
        for col in ("title", "reason"):
            titles[col] = anon.scrub_column(titles[col].to_numpy(dtype=object))
    source = replace(result.org.source, notes=anon.scrub(list(result.org.source.notes)))
    org = replace(result.org, people=people, source=source, titles=titles)
    return replace(result, org=org, findings=findings)


def render_json(result: Result, *, anonymize: bool = False) -> str:
    """The whole document as one string (the library's entry; the CLI streams)."""
    parts: list[str] = []
    write_json(result, _Collect(parts), anonymize=anonymize)
    return "".join(parts)


class _Collect:
    """A file that keeps what is written as a list (joined once: StringIO copies more)."""

    def __init__(self, parts: list[str]) -> None:
        self.write = parts.append
        self.writelines = parts.extend


@python_strings
def write_json(result: Result, fh: TextIO, *, anonymize: bool = False) -> None:
    """Write the document to fh; people one per line, the rest indented.

    People are formatted and written in chunks, so a million-person document never
    exists in memory as one string.
    """
    if anonymize:
        result = anonymized(result)
    head = {
        "schema_version": SCHEMA_VERSION,
        "orgcheck_version": __version__,
        "source": {
            **result.org.source.to_json(),
            "skipped": dict(sorted(result.org.skipped.items())),
            "notes": list(result.org.source.notes),
        },
        "summary": summary(result),
    }
    tail = {
        "findings": [f.to_json() for f in result.findings],
        "titles": titles_list(result.org.titles),
    }

    def block(obj: dict) -> str:
        return json.dumps(obj, indent=2, ensure_ascii=False, default=_default)[1:-2]

    fh.write("{" + block(head) + ',\n  "people": [')
    for blocks in people_chunks(result):
        fh.writelines(blocks)
    fh.write("\n  ]" if len(result.org) else "]")
    fh.write(",\n" + block(tail)[1:] + "\n}\n")


def _default(obj: object) -> object:
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")
