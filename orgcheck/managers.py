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

import functools
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from orgcheck.names import (
    blanks_among,
    bracketed,
    email_key,
    factorize_text,
    id_key,
    is_sentinel,
    loose_name_key,
    name_key,
    name_words,
    normalise,
    plain_numbers,
)
from orgcheck.read.helper import Helper

TOP = -1  # no manager: blank, sentinel or the person themself
AMBIGUOUS = -2  # the reference matches more than one person
UNKNOWN = -3  # the reference matches nobody

KEYERS: dict[str, Callable[[str], str]] = {"id": id_key, "email": email_key, "name": name_key}

#: Past this many rows the column choice is made on an evenly spaced sample of rows;
#: the winner is then resolved in full.
SAMPLE_ROWS = 20_000
#: Up to this many rows the first (column, key) pair is resolved in full rather than on
#: a sample: it usually wins, and is then not resolved a second time.
WHOLE_FIRST = 200_000
#: A (column, key) pair resolving this share of references is taken without trying more.
GOOD_ENOUGH = 0.98


class Lookup:
    """Key -> person position, hashed in C: ``find`` matches a whole list of keys at once.

    A key two or more people share maps to ``AMBIGUOUS`` (guessing between two
    "Alex Kim"s would silently build a wrong tree); ``shared`` keeps who they are.
    """

    def __init__(
        self,
        keys: np.ndarray,
        positions: np.ndarray,
        coded: tuple[np.ndarray, np.ndarray] | None = None,
        one_key_each: bool = False,
    ) -> None:
        """``coded`` is ``keys`` already factorized (code -1 for no key), when known;
        ``one_key_each`` says no position comes twice (so no person carries a key twice)."""
        if coded is None:
            keys = np.asarray(keys, dtype=object)
            valid = keys != ""
            codes, uniq = pd.factorize(keys[valid])
        else:
            valid = coded[0] >= 0
            codes, uniq = coded[0][valid], coded[1]
        pos = positions[valid]
        if len(pos) and not one_key_each:  # one entry per (key, person)
            _, first = np.unique(
                codes.astype(np.int64) * (int(pos.max()) + 1) + pos, return_index=True
            )
            codes, pos = codes[first], pos[first]
        counts = np.bincount(codes, minlength=len(uniq))
        self._uniq = uniq
        numbers = plain_numbers(uniq) if len(uniq) > 10_000 else None
        self._numbers = _number_index(numbers) if numbers is not None else None
        self.shared: dict[str, list[int]] = {}
        if counts.max(initial=0) <= 1:  # nobody shares a key (ids): no groups to find
            self.pos = np.full(len(uniq), UNKNOWN, dtype=np.int64)
            self.pos[codes] = pos
            self._found = np.append(self.pos, UNKNOWN)
            return
        self.pos = np.full(len(uniq), AMBIGUOUS, dtype=np.int64)
        single = counts[codes] == 1
        self.pos[codes[single]] = pos[single]
        self.pos[counts == 0] = UNKNOWN  # a coded key nobody kept (blanked as a repeat)
        self._found = np.append(self.pos, UNKNOWN)
        multi = np.flatnonzero(~single)
        if len(multi):  # slices of one list: np.split costs 2 us a group, and names have
            order = multi[np.lexsort((pos[multi], codes[multi]))]  # tens of thousands
            starts = np.flatnonzero(np.diff(codes[order], prepend=-1))
            ends = np.append(starts[1:], len(order)).tolist()
            members = pos[order].tolist()
            keys = np.asarray(uniq, dtype=object)[codes[order[starts]]].tolist()
            self.shared = {
                k: members[a:b] for k, a, b in zip(keys, starts.tolist(), ends, strict=True)
            }

    @functools.cached_property
    def index(self) -> pd.Index:
        """The distinct keys, for matching text (plain ids are matched as numbers)."""
        return pd.Index(self._uniq, dtype=object)

    def __len__(self) -> int:
        return len(self._uniq)

    def find(self, keys: list[str]) -> np.ndarray:
        """Position (or ``AMBIGUOUS`` / ``UNKNOWN``) for each key."""
        if not len(keys):
            return np.empty(0, dtype=np.int64)
        if self._numbers is not None:  # plain ids, matched as numbers
            at = self._numbers.get_indexer(_as_numbers(keys))
        else:
            at = self.index.get_indexer(pd.Index(keys, dtype=object))
        return self._found[at]  # -1 (not found) picks the trailing UNKNOWN

    def get(self, key: str) -> int:
        return int(self.find([key])[0])


class _Table:
    """``pd.Index(numbers).get_indexer`` for distinct numbers in a narrow range: a table
    indexed by the number (ids fill their range densely; no hash table to build)."""

    def __init__(self, numbers: np.ndarray, low: int, span: int) -> None:
        self.low = low
        self.at = np.full(span, -1, dtype=np.int64)
        self.at[numbers - low] = np.arange(len(numbers), dtype=np.int64)

    def get_indexer(self, numbers: np.ndarray) -> np.ndarray:
        slot = numbers - self.low
        inside = (slot >= 0) & (slot < len(self.at))
        return np.where(inside, self.at[np.where(inside, slot, 0)], -1)


def _number_index(numbers: np.ndarray) -> pd.Index | _Table:
    """What finds the position of a number among ``numbers`` (distinct)."""
    low = int(numbers.min()) if len(numbers) else 0
    span = int(numbers.max()) - low + 1 if len(numbers) else 0
    if 0 < span <= 4 * len(numbers) + 4096:
        return _Table(numbers, low, span)
    return pd.Index(numbers)


def _as_numbers(keys: list[str]) -> np.ndarray:
    """Keys as the numbers of :func:`plain_numbers`; a key that is no plain id cannot
    match a plain id and becomes -2, which no plain id or blank (-1) is."""
    numbers = plain_numbers(np.array(keys, dtype=object))
    if numbers is not None:
        return numbers
    out = [int(k) if k.isascii() and k.isdigit() and k[0] != "0" else -2 if k else -1 for k in keys]
    return np.array([n if n < 2**63 else -2 for n in out], dtype=np.int64)


@dataclass
class KeySpace:
    """How one kind of reference (id, email or name) finds people."""

    kind: str  # "id" | "email" | "name"
    target: str  # the people-side header(s) the keys come from
    keys: Lookup
    keyer: Callable[[str], str]
    loose: Lookup | None = None  # names only: first + last token
    #: names only: arrays aligned with the people, the first the name as shown, then as
    #: written in the file and as first + last; they tell apart people who share a key
    #: (see ``_spelled_alike``). Empty: no telling apart.
    spellings: tuple[np.ndarray, ...] = ()

    def shared(self, key: str) -> list[int]:
        """The people an ambiguous key points at."""
        found = self.keys.shared.get(key)
        if found is None and self.loose is not None:
            found = self.loose.shared.get(loose_name_key(key))
        return found or []


class LazySpace:
    """A key space made when first asked for, once: the name keys of a million people
    take seconds. Its kind is known before it is made, and so, for names, are the
    people's names, which ``choose`` compares a column of names with before deciding
    whether it needs the space at all."""

    def __init__(
        self, kind: str, make: Callable[[], KeySpace | None], people: np.ndarray | None = None
    ) -> None:
        self.kind = kind
        self.people = people
        self._make: Callable[[], KeySpace | None] | None = make
        self._space: KeySpace | None = None

    def __call__(self) -> KeySpace | None:
        if self._make is not None:
            self._space, self._make = self._make(), None
        return self._space


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
    spelled: int = 0  # references resolved by their exact spelling among namesakes


@dataclass
class Choice:
    """The manager column and key chosen for a file, and what the others scored."""

    resolution: Resolution | None
    notes: list[str] = field(default_factory=list)

    @property
    def good(self) -> bool:
        """Nearly every reference resolved: no need to look at other columns."""
        res = self.resolution
        return (
            res is not None and res.references > 0 and res.resolved >= GOOD_ENOUGH * res.references
        )


#: Keys many values at once; those it cannot it hands to the second argument.
Batch = Callable[[list[str], Callable[[list[str]], list[str]]], list[str]]


class Memoised:
    """A keyer remembering its answers, so a name met as a person and as a manager is
    normalised once per build (name keys are the costliest). ``batch(values, rest)``,
    when given, keys many values at once, handing those it cannot to ``rest``."""

    def __init__(self, keyer: Callable[[str], str], batch: Batch | None = None) -> None:
        self.keyer = keyer
        self._batch = batch
        self._memo: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        found = self._memo.get(value)
        if found is None:
            found = self._memo[value] = self.keyer(value)
        return found

    def many(self, values: list[str]) -> list[str]:
        """The keys of ``values``; new ones by the batch keyer where it can, the others
        two processes at a time."""
        memo = self._memo
        new = [v for v in values if v not in memo]
        if new:
            halves = functools.partial(in_halves, self.keyer)
            keys = self._batch(new, halves) if self._batch is not None else halves(new)
            memo.update(zip(new, keys, strict=True))
        return [memo[v] for v in values]


#: Past this many values, a forked helper keys the second half meanwhile (measured: at
#: 20,000 names the fork costs what the helper saves; 30,000: 0.046 -> 0.036 s).
HALVES_LEAST = 30_000


def in_halves(keyer: Callable[[str], str], values: list[str]) -> list[str]:
    """``[keyer(v) for v in values]``, the second half made by a helper process.

    A name key is plain Python, 2-5 us a name, and a million-person org managed by name
    has half a million distinct names: seconds on one core. The helper hands its keys
    back pickled (a few ms for 100,000 short strings). Without a helper (not Linux, or it
    failed or took too long) this process keys them all, with the same result.
    """
    half = len(values) // 2
    aid = Helper.start(_keys_of, keyer, values[half:]) if len(values) >= HALVES_LEAST else None
    if aid is None:
        return [keyer(v) for v in values]
    with aid:
        began = time.perf_counter()
        first = [keyer(v) for v in values[:half]]
        # the helper has as much to do: twice as long, and it is late (a busy machine)
        got = aid.result(timeout=1.0 + 2 * (time.perf_counter() - began))
    rest = got[0] if got is not None else None
    if not isinstance(rest, list) or len(rest) != len(values) - half:
        rest = [keyer(v) for v in values[half:]]
    return first + rest


def _keys_of(keyer: Callable[[str], str], values: list[str]) -> tuple[list[str], list]:
    return [keyer(v) for v in values], []


def key_space(
    kind: str,
    target: str,
    key_arrays: Iterable[np.ndarray],
    keyer: Callable[[str], str] | None = None,
    coded: tuple[np.ndarray, np.ndarray] | None = None,
) -> KeySpace:
    """Build the lookup for one kind from one or more per-person key arrays (``coded``:
    the single array already factorized, see :class:`Lookup`)."""
    arrays = list(key_arrays)
    n = len(arrays[0]) if arrays else 0
    if len(arrays) == 1:
        keys = arrays[0]
    else:
        keys = np.concatenate(arrays) if arrays else np.array([], dtype=object)
    positions = np.tile(np.arange(n, dtype=np.int64), len(arrays))
    if coded is None:
        coded = factorize_keys(keys)
    single = len(arrays) == 1
    look = Lookup(keys, positions, coded, one_key_each=single)
    space = KeySpace(kind, target, look, keyer or KEYERS[kind])
    if kind == "name":  # the loose key of each distinct key, not of each person
        codes, uniques = coded
        loose = factorize_keys(np.array([loose_name_key(k) for k in uniques.tolist()] or [""]))
        loose_codes = np.where(codes >= 0, loose[0][np.maximum(codes, 0)], -1)
        space.loose = Lookup(keys, positions, (loose_codes, loose[1]), one_key_each=single)
    return space


def factorize_keys(keys: np.ndarray, plain: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Keys as codes into their distinct values, -1 for a blank key (as Lookup takes them);
    ``plain``: every key is known to be blank or a plain id (see ``plain_numbers``)."""
    codes, uniques = factorize_text(keys, plain=plain)
    blank = blanks_among(uniques)
    if len(blank):
        codes = np.where(codes == blank[0], -1, codes)
    return codes, np.asarray(uniques, dtype=object)


def coded_keys(values: np.ndarray, keyer: Memoised) -> tuple[np.ndarray, tuple]:
    """``keyer`` of each value and the keys factorized, hashing the values once and
    the distinct keys once (never the keys of every row again)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
    ukeys = np.array(keyer.many(uniques.tolist()) or [""], dtype=object)
    kcodes, kuniques = factorize_keys(ukeys)
    return ukeys[codes], (kcodes[codes], kuniques)


def _second_chance(values: list[str], keys: list[str], space: KeySpace) -> np.ndarray:
    """For references the exact key missed: the loose name key, else a "no manager" sentinel."""
    pos = np.full(len(values), UNKNOWN, dtype=np.int64)
    if space.loose is not None:
        pos = space.loose.find([loose_name_key(k) if k else "" for k in keys])
    if space.kind != "name":  # "Ada Lovelace (1001)": the id or email in brackets
        inner = [next(iter(bracketed(v)), "") if "(" in v or "[" in v else "" for v in values]
        again = (pos == UNKNOWN) & np.array([bool(v) for v in inner], dtype=bool)
        if again.any():
            found = space.keys.find(
                [space.keyer(v) for v, a in zip(inner, again, strict=True) if a]
            )
            pos[again] = found
    sentinel = np.array([is_sentinel(v) for v in values], dtype=bool)
    pos[(pos == UNKNOWN) & sentinel] = TOP
    return pos


def _spelled_alike(values: list[str], keys: list[str], space: KeySpace) -> np.ndarray:
    """For references whose name key several people share: the one person whose name is
    written exactly as the reference, when the reference says more than its key (a
    middle initial the key drops); else still ``AMBIGUOUS``.

    Keys drop middle initials so that "Ada Lovelace" finds "Ada K. Lovelace"; in a big
    org that makes "Aarav M. Müller" share a key with "Aarav Q. Müller", though the
    export names exactly one of them. "Ana Lee" beside "Ana Lee" and "Ana B. Lee" stays
    ambiguous: it may be Ana B. Lee with her initial left out. Each person's spellings
    are hashed once against the references (a million-person org by name has millions
    of reference-namesake pairs).
    """
    index = pd.Index(values, dtype=object)  # distinct references: a unique index
    first = space.spellings[0]
    matched: list[np.ndarray] = []  # per spelling: the reference each person is written as
    for spelling in space.spellings:
        at = np.full(len(first), -1, dtype=np.int64)
        todo = np.flatnonzero(spelling != first) if matched else slice(None)
        at[todo] = index.get_indexer(spelling[todo])
        for earlier in matched:  # a person counts once per reference
            at[at == earlier] = -1
        matched.append(at)
    ref = np.concatenate([at[at >= 0] for at in matched])
    person = np.concatenate([np.flatnonzero(at >= 0) for at in matched])
    out = np.full(len(values), AMBIGUOUS, dtype=np.int64)
    one = np.bincount(ref, minlength=len(values))[ref] == 1
    for i, p in zip(ref[one].tolist(), person[one].tolist(), strict=True):
        key = keys[i]
        if name_words(values[i]) - set(key.split()) and p in space.shared(key):
            out[i] = p
    return out


def resolve(
    header: str, refs: np.ndarray, space: KeySpace, rows: np.ndarray | None = None
) -> Resolution:
    """Match each reference (clean text, '' for blank) against ``space``.

    ``rows`` limits the work to a sample of rows when only a score is wanted.
    """
    return _resolve(header, refs, space, rows)[0]


def _resolve(
    header: str, refs: np.ndarray, space: KeySpace, rows: np.ndarray | None, both: bool = False
) -> tuple[Resolution, Resolution | None]:
    """:func:`resolve`; with ``both``, of every row, handing back the sample of ``rows``
    (read off the whole, as each row's answer depends only on its own cell) and the whole."""
    own = np.arange(len(refs), dtype=np.int64)
    if rows is not None and not both:
        refs, own = refs[rows], own[rows]
    codes, distinct = factorize_text(refs, use_na_sentinel=False)
    blanks = distinct == ""
    if isinstance(space.keyer, Memoised) and len(distinct):  # names: many at once
        ukeys = np.array(space.keyer.many(distinct.tolist()), dtype=object)
    else:
        ukeys = normalise(distinct, space.keyer)[0] if len(distinct) else distinct
    ukeys[blanks] = ""
    uniques, ukeys = distinct.tolist(), ukeys.tolist()
    upos = space.keys.find(ukeys)
    missed = np.flatnonzero(upos == UNKNOWN)
    upos[missed] = _second_chance(
        [uniques[i] for i in missed.tolist()], [ukeys[i] for i in missed.tolist()], space
    )
    spelled = np.zeros(len(uniques), dtype=bool)
    tied = np.flatnonzero(upos == AMBIGUOUS)
    if space.spellings and len(tied):
        upos[tied] = _spelled_alike(
            [uniques[i] for i in tied.tolist()], [ukeys[i] for i in tied.tolist()], space
        )
        spelled[tied] = upos[tied] >= 0
    pos = upos[codes]
    is_self = pos == own
    pos[is_self] = TOP
    values = np.array(uniques, dtype=object)

    def made(pos: np.ndarray, codes: np.ndarray, is_self: np.ndarray) -> Resolution:
        blank = blanks[codes]
        return Resolution(
            header=header,
            space=space,
            pos=pos,
            codes=codes,
            values=values,
            references=int(np.count_nonzero((pos != TOP) | (is_self & ~blank))),
            resolved=int(np.count_nonzero(pos >= 0) + np.count_nonzero(is_self)),
            self_refs=int(np.count_nonzero(is_self)),
            spelled=int(np.count_nonzero(spelled[codes] & (pos >= 0))),
        )

    whole = made(pos, codes, is_self)
    if not both or rows is None:
        return whole, None
    return made(pos[rows], codes[rows], is_self[rows]), whole


def sample_rows(n: int, limit: int = SAMPLE_ROWS) -> np.ndarray | None:
    """Evenly spaced rows to judge a column on, or ``None`` to use them all."""
    if n <= limit:
        return None
    return np.unique(np.linspace(0, n - 1, limit).astype(np.int64))


def choose(
    candidates: list[tuple[str, np.ndarray]],
    spaces: list[LazySpace],
) -> Choice:
    """Try each candidate column against each key space; keep the pair resolving most.

    ``candidates`` are (header, cleaned cells) best first; ``spaces`` build key spaces
    lazily (name keys for a million people cost seconds, so they are built only when
    a cheaper reading has not already resolved nearly everything, when some candidate
    holds a letter, and not when an id or email reading resolves ``STRONG`` and the
    columns of names name the same people on the rows it resolved). Ties go to the
    earlier column, then the earlier space.
    """
    if not candidates:
        return Choice(None)
    n = len(candidates[0][1])
    rows = sample_rows(n)
    whole: dict[int, Resolution] = {}  # sampled reading -> the same in full, when made
    shape = functools.cache(lambda header: looks_like(dict(candidates)[header]))
    scored: list[tuple[tuple[int, int], Resolution]] = []  # ((-column, -space), resolution)
    unnamed: list[str] = []  # columns of names not read by name: ids resolve enough
    share = 0.0  # of the references those ids resolve
    lettered = functools.cache(lambda header: _has_letter(dict(candidates)[header]))
    for space_i, make in enumerate(spaces):
        if make.kind == "name" and any(r.resolved for _, r in scored):
            if not any(lettered(h) for h, _ in candidates):
                continue  # no letter, no name: ids, some of people not in the file
            strong = _strong(scored)
            if strong is not None and _names_agree(strong, candidates, rows, make.people, lettered):
                unnamed = [h for h, _ in candidates if lettered(h)]
                share = strong.resolved / strong.references
                continue
        space = make()
        if space is None:
            continue
        for col_i, (header, refs) in enumerate(candidates):
            if space.kind == "email" and not _has_at(refs):
                continue
            # the first reading usually wins: up to WHOLE_FIRST rows it is read in full once
            first = rows is not None and not scored and n <= WHOLE_FIRST
            res, full = _resolve(header, refs, space, rows, both=first)
            if full is not None:
                whole[id(res)] = full
            scored.append(((-col_i, -space_i), res))
        if scored and _good(_best(scored, shape), candidates[0][0]):
            break
    best = _best(scored, shape) if scored else None
    if best is None:
        return Choice(None)
    final = best if rows is None else whole.get(id(best))
    if final is None:
        final = resolve(best.header, dict(candidates)[best.header], best.space)
    others = [r for _, r in scored if r is not best]
    notes = _choice_notes(final, others, rows, (unnamed, share))
    return Choice(final, notes + mix_in(final, spaces))


def _best(scored: list, shape: Callable[[str], str]) -> Resolution:
    """The reading resolving most; among equals the one whose key is what the column's
    values look like (say when nothing resolves), then the earlier column and space.
    What the values look like is only worked out when there is such a tie."""
    top = max(res.resolved for _, res in scored)
    tied = [(rank, res) for rank, res in scored if res.resolved == top]
    if len(tied) == 1:
        return tied[0][1]
    return max(tied, key=lambda s: (int(s[1].space.kind == shape(s[1].header)), *s[0]))[1]


def mix_in(res: Resolution, spaces: list[LazySpace]) -> list[str]:
    """Give references the chosen key missed a try by the other keys, in place.

    Some columns mix kinds (Pingboard's "Reports To" takes an email, a name or a user id),
    so a name among emails should still find its person. Only the distinct values still
    unmatched are tried, and only a unique match counts.
    """
    notes = []
    own = np.arange(len(res.pos), dtype=np.int64)
    for make in spaces:
        missed = np.unique(res.codes[res.pos == UNKNOWN])
        if not len(missed):
            break
        values = res.values[missed].tolist()
        if make.kind == "name" and not _LETTER.search("\n".join(values)):
            continue  # no letter, no name: ids of people not in the file (say leavers)
        space = make()  # (the name keys of a million people take seconds to make)
        if space is None or space is res.space:
            continue
        keys = [space.keyer(v) for v in values]
        found = space.keys.find(keys)
        if space.loose is not None:
            again = found == UNKNOWN
            retry = [loose_name_key(k) for k, a in zip(keys, again.tolist(), strict=True) if a]
            found[again] = space.loose.find(retry)
        by_value = np.full(len(res.values), UNKNOWN, dtype=np.int64)
        by_value[missed] = np.where(found >= 0, found, UNKNOWN)
        new = np.where(res.pos == UNKNOWN, by_value[res.codes], UNKNOWN)
        hit = new >= 0
        if not hit.any():
            continue
        is_self = hit & (new == own)
        res.pos[hit] = np.where(is_self[hit], TOP, new[hit])
        res.resolved += int(hit.sum())
        res.self_refs += int(is_self.sum())
        notes.append(
            f"{int(hit.sum()):,} references in {res.header!r} matched by {space.kind} "
            f"({space.target!r}) instead"
        )
    return notes


#: Any letter, in any script.
_LETTER = re.compile(r"[^\W\d_]")


def _has_letter(refs: np.ndarray) -> bool:
    """Whether any cell holds a letter: the first cells first (a column of names shows
    one at once), then all of them (a column of ids is read to the end: as bytes when
    it is ASCII, a few milliseconds for a million ids)."""
    head = refs[:1000].tolist()
    if _LETTER.search("\n".join(v for v in head if isinstance(v, str))):
        return True
    try:  # joining every cell costs less than hashing them to join the distinct ones
        text = "\n".join(refs.tolist())
    except TypeError:  # a cell that is not text
        text = "\n".join(v for v in pd.unique(refs).tolist() if isinstance(v, str))
    if not text.isascii():
        return bool(_LETTER.search(text))
    units = np.frombuffer(text.encode("ascii"), dtype=np.uint8) | 0x20  # A-Z -> a-z
    return bool(((units >= ord("a")) & (units <= ord("z"))).any())


#: An id or email reading resolving this share of its references is not compared with
#: readings by name: a manager column whose names beat such ids is rare (names are
#: shared at scale), and the name keys of a million people take seconds to make. Ids
#: of people outside the export (leavers, another division) commonly leave a few
#: percent unresolved.
STRONG = 0.9


#: Share of the rows a strong reading resolved on which a column of names must name the
#: person resolved to, for that column not to be read by name.
AGREE = 0.9


def _strong(scored: list) -> Resolution | None:
    """The id or email reading resolving the largest share, if that is ``STRONG``."""
    readings = [r for _, r in scored if r.space.kind != "name" and r.references]
    best = max(readings, key=lambda r: r.resolved / r.references, default=None)
    return best if best is not None and best.resolved >= STRONG * best.references else None


def _names_agree(strong: Resolution, candidates, rows, people, lettered) -> bool:
    """Whether each column holding letters names, on rows ``strong`` resolved, the
    person it resolved them to (a 'Manager Name' beside a 'Manager ID'): then reading
    it by name would find the same people. About 2,000 rows are compared by name key;
    a 'ManagerID' that is no employee id but happens to resolve is told apart here."""
    if people is None:
        return False
    hit = np.flatnonzero(strong.pos >= 0)  # positions in the sample (or in all rows)
    if not len(hit):
        return False
    hit = hit[:: max(1, len(hit) // 2000)]
    at = rows[hit] if rows is not None else hit
    named = [name_key(v) if isinstance(v, str) else "" for v in people[strong.pos[hit]].tolist()]
    for header, refs in candidates:
        if header == strong.header or not lettered(header):
            continue
        given = [name_key(v) if isinstance(v, str) else "" for v in refs[at].tolist()]
        if sum(a == b for a, b in zip(given, named, strict=True)) < AGREE * len(hit):
            return False
    return True


def _has_at(refs: np.ndarray) -> bool:
    return any("@" in v for v in pd.unique(refs[: SAMPLE_ROWS * 5]).tolist())


def looks_like(refs: np.ndarray) -> str:
    """What most distinct non-blank values look like: "email", "id" or "name".

    Only a tie-breaker: when no reading resolves more than another, say in a partial
    export whose managers are all missing, the key reported is the one the values show.
    """
    values = [v for v in pd.unique(refs[: SAMPLE_ROWS * 5]).tolist() if v and not is_sentinel(v)]
    if not values:
        return "name"
    if sum("@" in v for v in values) * 2 > len(values):
        return "email"
    idlike = sum(" " not in v and any(c.isdigit() for c in v) for v in values)
    return "id" if idlike * 2 > len(values) else "name"


def _good(res: Resolution, first_header: str) -> bool:
    """The detected column already resolves nearly everything: no need to try more."""
    return (
        res.header == first_header
        and res.references > 0
        and res.resolved >= GOOD_ENOUGH * res.references
    )


def _choice_notes(
    final: Resolution,
    others: list[Resolution],
    rows: np.ndarray | None,
    unnamed: tuple[list[str], float],
) -> list[str]:
    kind = final.space.kind
    target = f" (people's {final.space.target!r})" if kind != "name" else ""
    text = (
        f"manager column {final.header!r} matched by {kind}{target}: "
        f"{final.resolved:,} of {final.references:,} references resolved"
    )
    if final.spelled:
        text += f" ({final.spelled:,} told apart from namesakes by their exact spelling)"
    sampled = " in a sample" if rows is not None else ""
    best: dict[str, Resolution] = {}  # per other column, its best reading
    for r in sorted(others, key=lambda r: -r.resolved):
        if r.header == final.header:
            continue
        best.setdefault(r.header, r)
    headers, share = unnamed
    skipped = f"not read by name ({share:.0%} resolve by {kind} already)"
    rivals = [
        f"{r.header!r} {skipped}"
        if r.header in headers and not r.resolved
        else f"{r.header!r} resolved {r.resolved:,}{sampled} (best by {r.space.kind})"
        for r in list(best.values())[:3]
    ]
    rivals += [f"{h!r} {skipped}" for h in headers if h != final.header and h not in best]
    if rivals:
        text += "; " + "; ".join(rivals)
    if final.self_refs:
        text += f"; {final.self_refs:,} people name themselves as manager and count as tops"
    return [text]
