"""Classify a whole org: each distinct title once, then let the tree refine the few
titles that are ambiguous on their own.

"Head of Product" is a Director at one company and a VP at the next; "Product Lead"
may be a senior IC or the first-line manager of PMs. The title alone cannot say, the
org chart can: who the person leads, who they report to, how big the company is.
Only people whose title has a rung range (``Placement.rungs``) are looked at, so the
cost is one vectorised pass plus a loop over those few people.

Refinement rules, in order (``low``-``high`` is the title's range):
1. leads product leaders (rung 4 or above, and at least ``low``) -> one rung above
   the highest of them, at most ``high`` ("leads 2 Directors -> rung 5");
2. manages product people below that -> the managing rung (4), within the range;
   and a leader-level title (range starting at 4+) with no product leader above, at a
   company larger than ``startup_headcount`` -> ``high`` (the top of product);
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

#: Company headcount at or below which a company is a startup (SPEC §6 default).
STARTUP_HEADCOUNT = 50
_SHORT = {1: "APM", 2: "PM", 3: "Senior PM", 4: "Director", 5: "VP", 6: "CPO"}


def classify_org(org: Org, classifier: Classifier, company_size: int | None = None) -> None:
    """Fill ``level, level_name, function, confidence, level_note`` and ``org.titles``."""
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
        size = company_size or n
        who = np.flatnonzero(np.isin(codes, ambiguous))
        _refine(org, codes, placements, level, function, confidence, note, who, size, titles)
        for k in ambiguous:
            mask = codes == k
            refined[k] = (level[mask].tolist(), note[mask][0] if mask.any() else "")

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
    level: np.ndarray,
    function: np.ndarray,
    confidence: np.ndarray,
    note: np.ndarray,
    who: np.ndarray,
    company_size: int,
    titles: Any,
) -> None:
    """Move each ambiguous person within their title's range; deepest people first."""
    parent = np.asarray(org.parent, dtype=np.int64)
    reports = np.asarray(org.direct_reports)
    is_product = function == "product"
    depth = np.asarray(org.depth)
    by_parent = np.argsort(parent, kind="stable")  # children of i: one slice, no scan
    sorted_parent = parent[by_parent]
    for i in who[np.argsort(-depth[who], kind="stable")].tolist():
        p = placements[codes[i]]
        low, high = p.rungs  # type: ignore[misc]
        start, stop = np.searchsorted(sorted_parent, [i, i + 1])
        kids = by_parent[start:stop]
        kids = kids[is_product[kids] & (level[kids] > 0)]
        kid_levels = level[kids]
        boss = int(parent[i])
        boss_level = int(level[boss]) if boss >= 0 and is_product[boss] else 0
        new, why = _decide(p, low, high, kid_levels, int(reports[i]), boss_level, company_size)
        if boss >= 0:
            boss_title = titles.iloc[boss]
            above = f"reports to {boss_title!r}" if isinstance(boss_title, str) else "has a manager"
        else:
            above = "reports to no one in the file"
        if boss_level and new >= boss_level:
            new = max(low, boss_level - 1)
            why = f"{why}, but works under a {_SHORT[boss_level]}"
        level[i] = new
        confidence[i] = 0.8
        note[i] = f"{_quote(titles.iloc[i])} is rung {low}-{high}; {above} and {why} -> rung {new}"


def _decide(
    p: Placement,
    low: int,
    high: int,
    kid_levels: np.ndarray,
    reports: int,
    boss_level: int,
    company_size: int,
) -> tuple[int, str]:
    top = int(kid_levels.max()) if len(kid_levels) else 0
    if top >= max(low, 4):
        count = int((kid_levels == top).sum())
        plural = "s" if count > 1 else ""
        return min(high, top + 1), f"leads {count} {_SHORT[top]}{plural}"
    if len(kid_levels):
        new = max(low, min(high, 4))
        why = f"manages {len(kid_levels)} product people"
        if low >= 4 and boss_level < 4:
            if company_size > STARTUP_HEADCOUNT:
                return high, f"{why} with no product leader above"
            why += f" at a company of {company_size} people"
        return new, why
    if reports == 0:
        return min(high, max(low, 3)), "manages no one"
    if low >= 4 and boss_level < 4 and company_size > STARTUP_HEADCOUNT:
        return p.level or low, "leads no product people"
    return p.level or low, f"manages {reports} people outside product"


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
