"""Data-quality findings met while building the org, each naming the rows to fix.

These are facts about the file (a manager nobody matches, a cycle, a repeated id), not
judgements about the org's design, so they are made where the facts are known: while
the tree is built. The rules engine may re-stamp severities from its registry; the
defaults here are what a reader would expect when nothing is configured.

Findings are grouped so a report stays readable: one per distinct unmatched manager
value (not one per person who names it), one per cycle, one per repeated id or email,
one for all tops, one for all missing titles. Past ``MAX_PER_RULE`` groups the rest is
summed up in one closing finding rather than dropped silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from itertools import islice

import numpy as np
import pandas as pd

from orgcheck.managers import AMBIGUOUS, UNKNOWN, Resolution
from orgcheck.model import Finding, Severity
from orgcheck.names import name_key
from orgcheck.tree import TreeMetrics

#: rule -> (code, default severity)
RULES: dict[str, tuple[str, Severity]] = {
    "unknown-manager": ("OC101", "warning"),
    "ambiguous-manager": ("OC102", "warning"),
    "reporting-cycle": ("OC103", "error"),
    "duplicate-person": ("OC104", "warning"),
    "multiple-roots": ("OC105", "warning"),
    "missing-title": ("OC106", "warning"),
}
MAX_PER_RULE = 200  # groups reported one by one before the rest is summed up
SHOWN = 5  # names written into one message
MAX_PEOPLE = 10_000  # ids carried by one finding
#: "Did you mean" compares each unmatched value with every key (about 20 µs a key):
#: keys x unmatched values is held under this, so suggestions cost at most ~2 s.
_FUZZY_BUDGET = 100_000


def finding(
    rule: str,
    message: str,
    people: Iterable[str] = (),
    rows: Iterable[int] = (),
    suggestion: str = "",
    severity: Severity | None = None,
) -> Finding:
    code, default = RULES[rule]
    return Finding(
        rule=rule,
        code=code,
        severity=severity or default,
        message=message,
        people=tuple(islice(people, MAX_PEOPLE)),
        suggestion=suggestion,
        rows=tuple(int(r) for r in islice(rows, MAX_PEOPLE)),
    )


def label(people: pd.DataFrame, i: int) -> str:
    """A person's name, or their id when the name is blank."""
    return people["name"].iat[i] or f"id {people['id'].iat[i]}"


def who(people: pd.DataFrame, i: int) -> str:
    """How a person is named in a message: their name (or id) and source row."""
    return _whos(people, [i])[0]


def _whos(people: pd.DataFrame, positions: Sequence[int]) -> list[str]:
    """``who`` of several people, each column looked up once (a column lookup costs
    10 us, and a data-quality check lists five people for each of 400 findings)."""
    names, ids, rows = people["name"].array, people["id"].array, people["row"].array
    return [f"{names[i] or f'id {ids[i]}'} (row {rows[i]})" for i in map(int, positions)]


def row_of(people: pd.DataFrame, i: int) -> str:
    return f"row {people['row'].iat[i]}"


def _people(n: int, adjective: str = "") -> str:
    return f"{n:,} {adjective}{'person' if n == 1 else 'people'}"


def listing(people: pd.DataFrame, positions: Sequence[int], limit: int = SHOWN) -> str:
    shown = ", ".join(_whos(people, positions[:limit]))
    more = len(positions) - limit
    return shown + (f" and {more:,} more" if more > 0 else "")


def _groups(keys: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    """Positions where ``mask`` holds, grouped by ``keys``, groups in order of first row."""
    idx = np.flatnonzero(mask)
    if not len(idx):
        return []
    order = np.argsort(keys[idx], kind="stable")
    sorted_idx, sorted_keys = idx[order], keys[idx][order]
    starts = np.flatnonzero(np.append(True, sorted_keys[1:] != sorted_keys[:-1]))
    ends = np.append(starts[1:], len(sorted_idx))
    first = np.argsort(sorted_idx[starts])  # a group's first row is its smallest
    # slices of one array: np.split and a sort by key cost 3 us a group (40,000 at 1M)
    bounds = zip(starts[first].tolist(), ends[first].tolist(), strict=True)
    return [sorted_idx[a:b] for a, b in bounds]


def _capped(rule: str, groups: list[np.ndarray], people: pd.DataFrame, what: str) -> list:
    """The groups to report one by one, and a closing finding for the rest."""
    if len(groups) <= MAX_PER_RULE:
        return [groups, []]
    rest = groups[MAX_PER_RULE:]
    pos = np.concatenate(rest)
    carried = pos[:MAX_PEOPLE]  # all a finding carries: listing 300,000 ids cost 0.1 s
    tail = finding(
        rule,
        f"{len(rest):,} more {what} ({len(pos):,} people), not listed one by one",
        people=people["id"].to_numpy()[carried].tolist(),
        rows=people["row"].to_numpy()[carried].tolist(),
        suggestion="Fix the ones listed above first; the same fix usually applies.",
    )
    return [groups[:MAX_PER_RULE], [tail]]


def _did_you_mean(res: Resolution, value: str, people: pd.DataFrame) -> str:
    space = res.space
    if space.kind == "id":
        return ""
    key = space.keyer(value)
    if not key:
        return ""
    known = space.keys.index.tolist()
    if space.kind == "email":  # compare the part before '@' within the same domain
        local, _, domain = key.partition("@")
        same = {k.partition("@")[0]: k for k in known if k.endswith("@" + domain)}
        close = difflib.get_close_matches(local, list(same), n=1, cutoff=0.8)
        close = [same[c] for c in close]
    else:
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
    pos = space.keys.get(close[0]) if close else UNKNOWN
    return f"Did you mean {who(people, pos)}? " if pos >= 0 else ""


#: Names the left-out leaver a manager value points at, or None.
Gone = Callable[[str], str | None]


def unresolved(
    res: Resolution, people: pd.DataFrame, *, dotted: bool = False, gone: Gone | None = None
) -> list[Finding]:
    """``unknown-manager`` and ``ambiguous-manager``, one per distinct manager value.

    ``gone`` recognises managers who are in the file but were left out as leavers.
    """
    role = "dotted-line manager" if dotted else "manager"
    severity: Severity | None = "info" if dotted else None
    out: list[Finding] = []
    ids, rows = people["id"].to_numpy(), people["row"].to_numpy()
    for status, rule in ((UNKNOWN, "unknown-manager"), (AMBIGUOUS, "ambiguous-manager")):
        groups, tail = _capped(
            rule, _groups(res.codes, res.pos == status), people, f"{role} values"
        )
        suggest = len(res.space.keys) * len(groups) <= _FUZZY_BUDGET
        for g in groups:
            value = str(res.values[res.codes[g[0]]])
            if status == UNKNOWN:
                message, suggestion = _unknown_text(res, value, role, people, g, gone, suggest)
            else:
                message, suggestion = _ambiguous_text(res, value, role, people, g)
            out.append(
                finding(rule, message, ids[g].tolist(), rows[g].tolist(), suggestion, severity)
            )
        out += [Finding(**{**t.__dict__, "severity": severity or t.severity}) for t in tail]
    return out


def _unknown_text(
    res, value, role, people, g, gone: Gone | None, suggest: bool = True
) -> tuple[str, str]:
    left = gone(value) if gone else None
    what = f"is {left}, who was left out as a leaver" if left else "matches nobody"
    what += f" (matching by {res.space.kind})"
    if len(g) == 1:
        i = int(g[0])
        message = f"{row_of(people, i)}: {role} {value!r} of {label(people, i)} {what}"
        until = "until then this person counts as a top of their own tree."
    else:
        message = f"{role} {value!r} {what}; named by {len(g):,} people: {listing(people, g)}"
        until = "until then these people count as tops of their own trees."
    if left:
        return message, "Give them their current manager in the export; " + until
    suggestion = (_did_you_mean(res, value, people) if suggest else "") + (
        f"Correct the {role} cell, or add that person to the export; " + until
        if role == "manager"
        else f"Correct the {role} cell; dotted lines do not change the tree."
    )
    return message, suggestion


def _ambiguous_text(res, value, role, people, g) -> tuple[str, str]:
    matches = res.space.shared(res.space.keyer(value))
    whom = people["name"].iat[int(g[0])] or people["id"].iat[int(g[0])]
    named = (
        f"row {people['row'].iat[int(g[0])]}: {role} {value!r} of {whom}"
        if len(g) == 1
        else (f"{role} {value!r} (named by {len(g):,} people: {listing(people, g)})")
    )
    message = (
        f"{named} matches {len(matches)} people: {listing(people, matches)}; "
        "the reporting line is left unresolved"
    )
    suggestion = (
        "Use the manager's employee id or email in the manager column "
        "(choose it with --column manager=HEADER), or make the names distinguishable."
    )
    return message, suggestion


Keys = np.ndarray | tuple[np.ndarray, np.ndarray] | None


def _keys_and_shared(keys: Keys) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Keys, and which rows share a non-blank key (worked out unless given with them)."""
    if keys is None or isinstance(keys, tuple):
        return keys if keys is not None else (None, None)
    series = pd.Series(keys, dtype=object)
    return keys, ((series != "") & series.duplicated(keep=False)).to_numpy()


def duplicates(people: pd.DataFrame, id_keys: Keys, email_keys: Keys) -> list[Finding]:
    """``duplicate-person``: one id, or one email, on more than one row. Both rows are kept.

    ``id_keys`` / ``email_keys`` are the matching keys per person (None without the column),
    so "1001" and "1001.0" count as the same id, as they do for manager references. Each
    may come as (keys, shared) when the caller already knows which rows share a key.
    """
    out: list[Finding] = []
    reported: set[tuple[int, ...]] = set()
    id_keys, id_shared = _keys_and_shared(id_keys)
    for label, given in (("id", (id_keys, id_shared)), ("email", email_keys)):
        keys, mask = _keys_and_shared(given)
        if keys is None:
            continue
        groups, tail = _capped(
            "duplicate-person", _groups(keys, mask), people, f"repeated {label}s"
        )
        for g in groups:
            if label == "email" and id_keys is not None and len(set(id_keys[g].tolist())) == 1:
                continue  # the same person twice: already reported by id
            if tuple(g.tolist()) in reported:
                continue
            reported.add(tuple(g.tolist()))
            value = people[label].iat[int(g[0])]
            if len({name_key(n) for n in people["name"].to_numpy()[g].tolist()}) == 1:
                then = f"references to it were linked to the first, {row_of(people, int(g[0]))}."
            else:
                then = (
                    f"a manager reference to this {label} matches all of them "
                    "and is left unresolved."
                )
            out.append(
                finding(
                    "duplicate-person",
                    f"{label} {value!r} is on {len(g)} rows: {listing(people, g)}",
                    people["id"].to_numpy()[g].tolist(),
                    people["row"].to_numpy()[g].tolist(),
                    f"Remove the repeated row or give each person their own {label}; " + then,
                )
            )
        out += tail
    return out


def cycles(people, parent, on_cycle, cycle_id) -> list[Finding]:
    """``reporting-cycle``: one per cycle, all members named in reporting order."""
    groups, tail = _capped("reporting-cycle", _groups(cycle_id, on_cycle), people, "cycles")
    out: list[Finding] = []
    for g in groups:
        start = int(cycle_id[g[0]])
        chain = [start]
        while len(chain) < min(len(g), 8):
            chain.append(int(parent[chain[-1]]))
        path = " → ".join(who(people, i) for i in chain)
        path += f" → … ({len(g) - len(chain):,} more)" if len(g) > len(chain) else ""
        first = label(people, start)
        out.append(
            finding(
                "reporting-cycle",
                f"reporting cycle of {len(g):,} people, each reporting to the next: "
                f"{path} → {first}",
                people["id"].to_numpy()[g].tolist(),
                people["row"].to_numpy()[g].tolist(),
                f"Correct the manager of one of them. To analyse the rest, {first} was "
                "treated as a top of the tree (the link above them was cut).",
            )
        )
    return out + tail


def multiple_roots(
    people: pd.DataFrame, parent: np.ndarray, metrics: TreeMetrics, cut: np.ndarray
) -> list[Finding]:
    """``multiple-roots``: more than one top. Reported once, tops largest first.

    A real org has one head. Extra tops come from people whose manager cell is blank or
    unmatched, or from cycles cut open. Tops with people under them are listed as
    separate trees with their sizes; tops with nobody under them are counted apart,
    because a lone contractor without a manager is a lesser problem than a split org.
    Files without a manager column get no such finding: they have no tree at all.
    """
    roots = metrics.roots
    if len(roots) <= 1:
        return []
    size = metrics.org_size[roots]
    order = roots[np.lexsort((roots, -size))]
    heads = order[metrics.org_size[order] > 0]
    alone = order[metrics.org_size[order] == 0]

    def part(pos):
        return ", ".join(
            f"{who(people, int(i))} with {int(metrics.org_size[i]):,} beneath" for i in pos[:SHOWN]
        ) + (f" and {len(pos) - SHOWN:,} more" if len(pos) > SHOWN else "")

    if len(heads) > 1:
        message = f"the org splits into {len(heads):,} separate trees: {part(heads)}"
        if len(cut):
            message += f" ({len(cut):,} of them only because a reporting cycle was cut)"
        if len(alone):
            message += f"; plus {_people(len(alone))} with no manager and nobody under them"
    elif len(heads) == 1:
        verb = "has" if len(alone) == 1 else "have"
        message = (
            f"{who(people, int(heads[0]))} heads the org, but {_people(len(alone), 'other ')} "
            f"{verb} no manager and nobody under them: {listing(people, alone)}"
        )
    else:
        alone_list = listing(people, alone)
        message = f"nobody reports to anybody; {_people(len(alone))} stand alone: {alone_list}"
    return [
        finding(
            "multiple-roots",
            message,
            people["id"].to_numpy()[order].tolist(),
            people["row"].to_numpy()[order].tolist(),
            "Give every top except the real head of the org a manager. People whose manager "
            "cell did not match anyone are also listed under unknown-manager.",
        )
    ]


def missing_titles(people: pd.DataFrame) -> list[Finding]:
    """``missing-title``: one finding for everyone with a blank title."""
    pos = np.flatnonzero(people["title"].to_numpy(dtype=object) == "")
    if not len(pos):
        return []
    if len(pos) == 1:
        i = int(pos[0])
        message = f"{row_of(people, i)}: {label(people, i)} has no title"
    else:
        message = f"{len(pos):,} people have no title: {listing(people, pos)}"
    return [
        finding(
            "missing-title",
            message,
            people["id"].to_numpy()[pos].tolist(),
            people["row"].to_numpy()[pos].tolist(),
            "Fill in the job title; without one a person cannot be placed on the ladder.",
        )
    ]
