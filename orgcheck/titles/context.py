"""Classify a whole org: each distinct title once, then let the tree refine the few
titles that are ambiguous on their own.

"Head of Product" is a Director at one company and a VP at the next; "Product Lead"
may be a senior IC or the first-line manager of PMs. The title alone cannot say, the
org chart can: who the person leads, who they report to, how big the company is.
Only people whose title has a rung range (``Placement.rungs``) are looked at, in
vectorised passes over those people.

Refinement rules, in order (``low``-``high`` is the title's range):
1. leads product leaders (rung 4 or above, and at least ``low``) -> one rung above
   the highest of them, at most ``high`` ("leads 2 Directors -> rung 5");
2. manages product people below that -> the managing rung (4), within the range;
   and a leader-level title (range starting at 4+) with no product leader above, at a
   company larger than the startup headcount (configuration ``startup_headcount``,
   default 50) -> ``high`` (the top of product);
3. manages no one -> rung 3 (or ``low`` if higher): an IC, however the title reads;
4. never at or above a product manager's own rung: under a Director -> at most 3.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from orgcheck.model import LEVEL_NAMES
from orgcheck.titles.classifier import Classifier, Placement

if TYPE_CHECKING:
    from orgcheck.model import Org

_SHORT = {1: "APM", 2: "PM", 3: "Senior PM", 4: "Director", 5: "VP", 6: "CPO"}


def classify_org(org: Org, classifier: Classifier, company_size: int | None = None) -> None:
    """Fill ``level, level_name, function, confidence, level_note`` and ``org.titles``.

    ``company_size`` (else the classifier's configured one, else the headcount of the
    file) decides whether a lone Head of Product is a startup's Director or a VP.
    """
    import pandas as pd

    people = org.people
    n = len(people)
    titles = people["title"] if "title" in people else pd.Series([""] * n, dtype="str")
    codes, uniques = _distinct_titles(titles)
    placements = classifier.classify_many(list(uniques))
    missing = Placement(None, None, "unknown", 0.0, "no title")
    table = [*placements, missing]  # code -1 (no title) picks the last entry
    level = np.array([p.level or 0 for p in table], dtype=np.int8)[codes]
    function = np.array([p.function for p in table], dtype=object)[codes]
    confidence = np.array([p.confidence for p in table], dtype=np.float32)[codes]
    note = np.full(n, "", dtype=object)

    ambiguous = [k for k, p in enumerate(placements) if p.rungs and p.rungs[0] != p.rungs[1]]
    refined: dict[int, list[int]] = {}
    if ambiguous and n:
        size = company_size or classifier.company_size or n
        who = np.flatnonzero(np.isin(codes, ambiguous))
        arrays = {"level": level, "function": function, "confidence": confidence, "note": note}
        startup = classifier.startup_headcount
        _refine(org, codes, placements, uniques, arrays, who, (size, startup))
        order = who[np.argsort(codes[who], kind="stable")]
        keys, starts = np.unique(codes[order], return_index=True)
        for k, group in zip(keys.tolist(), np.split(order, starts[1:]), strict=True):
            refined[k] = (level[group].tolist(), note[group[0]])

    names = np.array(["", *(LEVEL_NAMES[r] for r in range(1, 7))], dtype=object)
    people["level"] = level.astype(np.int8)
    people["level_name"] = pd.array(names[level].tolist(), dtype="str")
    people["function"] = pd.array(function.tolist(), dtype="str")
    people["confidence"] = confidence
    people["level_note"] = pd.array(note.tolist(), dtype="str")
    org.titles = _titles_table(uniques, codes, placements, refined)


def _distinct_titles(titles: Any) -> tuple[np.ndarray, list]:
    """Codes per person and the distinct non-blank titles; blank or missing -> code -1."""
    import pandas as pd

    codes, uniques = pd.factorize(titles, use_na_sentinel=True)
    keep = np.array([isinstance(t, str) and bool(t.strip()) for t in uniques], dtype=bool)
    if keep.all():
        return codes, list(uniques)
    new_code = np.cumsum(keep) - 1
    valid = codes >= 0
    valid[valid] = keep[codes[valid]]
    codes = np.where(valid, new_code[np.maximum(codes, 0)], -1)
    return codes, [t for t, k in zip(uniques, keep, strict=True) if k]


def _refine(
    org: Org,
    codes: np.ndarray,
    placements: list[Placement],
    uniques: list,
    arrays: dict[str, np.ndarray],
    who: np.ndarray,
    sizes: tuple[int, int],
) -> None:
    """Move each ambiguous person within their title's range, all at once.

    A refined report can change how their manager reads (a Head of Product over
    Product Leads who turn out to be Directors), so the pass repeats until nothing
    moves (three passes at most: ambiguous titles rarely stack deeper).
    """
    level, function = arrays["level"], arrays["function"]
    parent = np.asarray(org.parent, dtype=np.int64)
    reports = np.asarray(org.direct_reports)[who]
    is_product = function == "product"
    ranges = np.array([p.rungs or (0, 0) for p in placements], dtype=np.int16)
    low, high = ranges[codes[who], 0], ranges[codes[who], 1]
    base = level[who].astype(np.int16)
    boss = parent[who]
    has_boss = boss >= 0
    boss_safe = np.where(has_boss, boss, 0)
    for _ in range(3):
        top, count, managed = _product_reports(parent, level, is_product)
        boss_level = np.where(has_boss & is_product[boss_safe], level[boss_safe], 0)
        new, why = _decide(low, high, base, top[who], managed[who], reports, boss_level, sizes)
        capped = (boss_level > 0) & (new >= boss_level)
        new = np.where(capped, np.maximum(low, boss_level - 1), new)
        if np.array_equal(level[who], new):
            break
        level[who] = new
    company_size = sizes[0]
    arrays["confidence"][who] = 0.8
    arrays["note"][who] = _notes(
        who,
        codes,
        uniques,
        low,
        high,
        new,
        why,
        capped,
        top[who],
        count[who],
        managed[who],
        reports,
        boss,
        boss_level,
        company_size,
    )


def _product_reports(parent: np.ndarray, level: np.ndarray, is_product: np.ndarray):
    """Per person: highest rung among product reports, how many sit there, how many in all."""
    n = len(parent)
    kids = np.flatnonzero((parent >= 0) & is_product & (level > 0))
    boss, rung = parent[kids], level[kids].astype(np.int16)
    top = np.zeros(n, dtype=np.int16)
    np.maximum.at(top, boss, rung)
    count = np.bincount(boss[rung == top[boss]], minlength=n)
    return top, count, np.bincount(boss, minlength=n)


#: Why a person moved, as codes (rules 1-3 of the module docstring and their variants).
LEADS, TOP, SMALL, MANAGES, NO_ONE, NO_PRODUCT, OUTSIDE = range(7)


def _decide(low, high, base, top, managed, reports, boss_level, sizes):
    """New rung and the reason code for each person, by the rules in the module docstring."""
    leader_title = (low >= 4) & (boss_level < 4)
    big = sizes[0] > sizes[1]
    leads = top >= np.maximum(low, 4)
    manages = ~leads & (managed > 0)
    no_one = ~leads & ~manages & (reports == 0)
    conditions = [
        leads,
        manages & leader_title & big,
        manages & leader_title,
        manages,
        no_one,
        ~leads & ~manages & ~no_one & leader_title & big,
    ]
    rungs = [
        np.minimum(high, top + 1),
        high,
        np.minimum(high, np.maximum(low, 4)),
        np.minimum(high, np.maximum(low, 4)),
        np.minimum(high, np.maximum(low, 3)),
        base,
    ]
    new = np.select(conditions, rungs, default=base).astype(np.int16)
    why = np.select(conditions, [LEADS, TOP, SMALL, MANAGES, NO_ONE, NO_PRODUCT], OUTSIDE)
    return new, why


def _notes(
    who,
    codes,
    uniques,
    low,
    high,
    new,
    why,
    capped,
    top,
    count,
    managed,
    reports,
    boss,
    boss_level,
    company_size,
) -> np.ndarray:
    """'Head of Product' is rung 4-5; reports to 'CEO' and leads 2 Directors -> rung 5.

    People with the same title, manager's title and situation share one sentence, so
    the text is built once per distinct situation, not once per person.
    """
    boss_code = np.where(boss >= 0, codes[np.maximum(boss, 0)], -2)  # -1 untitled, -2 none
    shown_reports = np.where(why == OUTSIDE, reports, 0)
    columns = [codes[who], boss_code, why, count, managed, shown_reports, new, capped]
    keys = np.stack([*columns, boss_level, top, low, high], axis=1).astype(np.int64)
    inverse, first = _group_rows(keys)
    texts = []
    for code, bcode, w, cnt, man, rep, rung, cap, blevel, t, lo, hi in keys[first].tolist():
        if bcode == -2:
            above = "reports to no one in the file"
        elif bcode == -1:
            above = "has a manager without a title"
        else:
            above = f"reports to {uniques[bcode]!r}"
        reason = _why(w, cnt, man, rep, company_size, t)
        if cap:
            reason += f", but works under a {_SHORT[blevel]}"
        texts.append(f"{uniques[code]!r} is rung {lo}-{hi}; {above} and {reason} -> rung {rung}")
    return np.array(texts, dtype=object)[inverse]


def _group_rows(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group id of each row of an int matrix and the first row of each group (hashing)."""
    import pandas as pd

    group = np.zeros(len(keys), dtype=np.int64)
    for column in keys.T:
        shifted = column - column.min() if len(column) else column
        group, _ = pd.factorize(group * (int(shifted.max(initial=0)) + 1) + shifted)
    _, first = np.unique(group, return_index=True)
    return group, first


def _why(code: int, count: int, managed: int, reports: int, company_size: int, top: int) -> str:
    if code == LEADS:
        return f"leads {count} {_SHORT[top]}" + ("s" if count > 1 else "")
    if code == TOP:
        return f"manages {managed} product people with no product leader above"
    if code == SMALL:
        return f"manages {managed} product people at a company of {company_size} people"
    if code == MANAGES:
        return f"manages {managed} product people"
    if code == NO_ONE:
        return "manages no one"
    if code == NO_PRODUCT:
        return "leads no product people"
    return f"manages {reports} people outside product"


def _quote(title: Any) -> str:
    return repr(title) if isinstance(title, str) else "the title"


def _titles_table(uniques: Any, codes: np.ndarray, placements: list[Placement], refined: dict):
    """One row per distinct title; refined titles show their most common placed rung."""
    import pandas as pd

    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    rows = []
    for k, (title, p) in enumerate(zip(uniques, placements, strict=True)):
        level, reason = p.level, p.reason
        if k in refined and refined[k][0]:
            placed, first_note = refined[k]
            values, freq = np.unique(placed, return_counts=True)
            level = int(values[np.argmax(freq)])
            if len(placed) == 1:
                reason = f"{p.reason}; {first_note}"
            else:
                spread = ", ".join(f"{f} at rung {v}" for v, f in zip(values, freq, strict=True))
                reason = f"{p.reason}; placed by position in the tree: {spread}"
        rows.append((str(title), int(counts[k]), level, p.function, p.confidence, reason))
    columns = ["title", "count", "level", "function", "confidence", "reason"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["level"] = frame["level"].astype("Int8")
    frame = frame.sort_values(["count", "title"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True)
