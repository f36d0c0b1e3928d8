"""Resolve manager references to people: decide what the manager column holds, then match.

A manager cell may hold an id, an email or a name, and an export may carry several
manager-like columns of which only one points at people (public HR data sets carry a
``ManagerID`` that is not an employee id next to a ``ManagerName`` that is). Rather than
trusting header names, every plausible (column, key) pair is tried and the one that
resolves the most references wins; the reason is written into the source notes.

Everything is keyed per *distinct* value: a dict from normalised key to person position
is built once, each distinct reference is normalised once, and numpy takes the result
back to every row. No step walks people one by one in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from orgcheck.names import email_key, id_key, is_sentinel, loose_name_key, name_key

TOP = -1  # no manager: blank, sentinel or the person themself
AMBIGUOUS = -2  # the reference matches more than one person
UNKNOWN = -3  # the reference matches nobody

KEYERS: dict[str, Callable[[str], str]] = {"id": id_key, "email": email_key, "name": name_key}

#: Past this many rows the column choice is made on an evenly spaced sample of rows;
#: the winner is then resolved in full.
SAMPLE_ROWS = 20_000
#: A (column, key) pair resolving this share of references is taken without trying more.
GOOD_ENOUGH = 0.98


@dataclass
class KeySpace:
    """Normalised key -> person position (or ``AMBIGUOUS``) for one way of naming people."""

    kind: str  # "id" | "email" | "name"
    target: str  # the people-side header(s) the keys come from
    keys: dict[str, int]
    loose: dict[str, int] | None = None  # names only: first + last token
    shared: dict[str, list[int]] = field(default_factory=dict)  # ambiguous key -> people


@dataclass
class Resolution:
    """One manager column read one way: a position (or TOP/AMBIGUOUS/UNKNOWN) per person."""

    header: str
    space: KeySpace
    pos: np.ndarray  # int64 per person
    codes: np.ndarray  # index into ``values`` per person
    values: np.ndarray  # distinct raw cell values (object)
    references: int  # non-blank, non-sentinel references (and resolved sentinels)
    resolved: int
    self_refs: int = 0


@dataclass
class Choice:
    """The manager column and key chosen for a file, and what the others scored."""

    resolution: Resolution | None
    notes: list[str] = field(default_factory=list)


def row_keys(values: pd.Series, keyer: Callable[[str], str]) -> np.ndarray:
    """``keyer`` applied to every row, computing each distinct value once."""
    codes, uniques = pd.factorize(values.fillna(""), use_na_sentinel=True)
    ukeys = np.array([keyer(str(u)) for u in uniques] + [""], dtype=object)
    return ukeys[codes]  # code -1 (missing) picks the trailing ''


def _lookup(keys: np.ndarray, positions: np.ndarray) -> tuple[dict[str, int], dict]:
    """Key -> position, and key -> positions for keys two or more people share.

    A shared key maps to ``AMBIGUOUS`` in the first dict: guessing between two
    "Alex Kim"s would silently build a wrong tree.
    """
    df = pd.DataFrame({"key": keys, "pos": positions}, dtype=object)
    df = df[df["key"] != ""].drop_duplicates()
    counts = df["key"].map(df["key"].value_counts())
    single = df[counts == 1]
    out = dict(zip(single["key"].tolist(), single["pos"].tolist(), strict=True))
    many = df[counts > 1]
    shared = {k: sorted(g) for k, g in many.groupby("key", sort=False)["pos"]}
    out.update(dict.fromkeys(shared, AMBIGUOUS))
    return out, shared


def key_space(kind: str, target: str, key_arrays: Iterable[np.ndarray]) -> KeySpace:
    """Build the lookup for one kind from one or more per-person key arrays."""
    arrays = list(key_arrays)
    n = len(arrays[0]) if arrays else 0
    keys = np.concatenate(arrays) if arrays else np.array([], dtype=object)
    positions = np.tile(np.arange(n, dtype=np.int64), len(arrays))
    lookup, shared = _lookup(keys, positions)
    space = KeySpace(kind, target, lookup, shared=shared)
    if kind == "name":
        loose = np.array([loose_name_key(k) for k in keys.tolist()], dtype=object)
        space.loose, loose_shared = _lookup(loose, positions)
        for k, v in loose_shared.items():
            space.shared.setdefault(k, v)
    return space


def _resolve_value(raw: str, space: KeySpace, keyer: Callable[[str], str]) -> int:
    if not raw:
        return TOP
    key = keyer(raw)
    pos = space.keys.get(key, UNKNOWN) if key else UNKNOWN
    if pos == UNKNOWN and key and space.loose is not None:
        pos = space.loose.get(loose_name_key(key), UNKNOWN)
    if pos == UNKNOWN and is_sentinel(raw):
        return TOP
    return pos


def resolve(
    header: str, refs: pd.Series, space: KeySpace, rows: np.ndarray | None = None
) -> Resolution:
    """Match each reference in ``refs`` against ``space``; ``rows`` limits it to a sample."""
    values = refs.fillna("")
    own = np.arange(len(values), dtype=np.int64)
    if rows is not None:
        values = values.iloc[rows]
        own = own[rows]
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    keyer = KEYERS[space.kind]
    upos = np.array([_resolve_value(str(u), space, keyer) for u in uniques], dtype=np.int64)
    pos = upos[codes]
    is_self = pos == own
    pos[is_self] = TOP
    blank = np.array([not str(u) for u in uniques], dtype=bool)[codes]
    references = int(np.count_nonzero((pos != TOP) | (is_self & ~blank)))
    return Resolution(
        header=header,
        space=space,
        pos=pos,
        codes=codes,
        values=np.asarray(uniques, dtype=object),
        references=references,
        resolved=int(np.count_nonzero(pos >= 0) + np.count_nonzero(is_self)),
        self_refs=int(np.count_nonzero(is_self)),
    )


def sample_rows(n: int, limit: int = SAMPLE_ROWS) -> np.ndarray | None:
    """Evenly spaced rows to judge a column on, or ``None`` to use them all."""
    if n <= limit:
        return None
    return np.unique(np.linspace(0, n - 1, limit).astype(np.int64))


def choose(
    candidates: list[tuple[str, pd.Series]],
    spaces: list[Callable[[], KeySpace | None]],
) -> Choice:
    """Try each candidate column against each key space; keep the pair resolving most.

    ``candidates`` are (header, cleaned cells) best first; ``spaces`` build key spaces
    lazily (name keys for a million people cost seconds, so they are built only when
    a cheaper reading has not already resolved nearly everything). Ties go to the
    earlier column, then the earlier space.
    """
    if not candidates:
        return Choice(None)
    n = len(candidates[0][1])
    rows = sample_rows(n)
    scored: list[tuple[tuple[int, int, int], Resolution]] = []  # (rank, resolution)
    for space_i, make in enumerate(spaces):
        space = make()
        if space is None:
            continue
        for col_i, (header, refs) in enumerate(candidates):
            if space.kind == "email" and not refs.str.contains("@", regex=False).any():
                continue
            res = resolve(header, refs, space, rows)
            scored.append(((res.resolved, -col_i, -space_i), res))
        if scored and _good(max(scored, key=lambda s: s[0])[1], candidates[0][0]):
            break
    best = max(scored, key=lambda s: s[0])[1] if scored else None
    if best is None:
        return Choice(None)
    final = (
        best if rows is None else resolve(best.header, dict(candidates)[best.header], best.space)
    )
    return Choice(final, _choice_notes(final, [r for _, r in scored if r is not best], rows))


def _good(res: Resolution, first_header: str) -> bool:
    """The detected column already resolves nearly everything: no need to try more."""
    return (
        res.header == first_header
        and res.references > 0
        and res.resolved >= GOOD_ENOUGH * res.references
    )


def _choice_notes(
    final: Resolution, others: list[Resolution], rows: np.ndarray | None
) -> list[str]:
    kind = final.space.kind
    target = f" (people's {final.space.target!r})" if kind != "name" else ""
    text = (
        f"manager column {final.header!r} matched by {kind}{target}: "
        f"{final.resolved:,} of {final.references:,} references resolved"
    )
    seen = {(final.header, kind, final.space.target)}
    rivals = []
    for r in sorted(others, key=lambda r: -r.resolved):
        tag = (r.header, r.space.kind, r.space.target)
        if tag in seen:
            continue
        seen.add(tag)
        sampled = " in a sample" if rows is not None else ""
        rivals.append(f"{r.header!r} by {r.space.kind} resolved {r.resolved:,}{sampled}")
        if len(rivals) == 3:
            break
    if rivals:
        text += "; " + "; ".join(rivals)
    if final.self_refs:
        text += f"; {final.self_refs:,} people name themselves as manager and count as tops"
    return [text]
