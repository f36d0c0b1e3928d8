"""Classify a whole org: each distinct title once, then let the tree refine the few
titles that are ambiguous on their own.

"Head of Product" is a Director at one company and a VP at the next; "Product Lead"
may be a senior IC or the first-line manager of PMs. The title alone cannot say, the
org chart can: who the person leads and who they report to. The size of the company
never moves a rung (a Head of Product with three PMs leads a team at any size).
Only people whose title has a rung range (``Placement.rungs``) are looked at, in
vectorised passes over those people.

Refinement rules, in order (``low``-``high`` is the title's range):
1. leads product leaders (rung 4 or above, and at least ``low``) -> one rung above
   the highest of them, at most ``high`` ("leads 2 Directors -> rung 5"); a Group PM
   who leads other Group PMs counts as leading leaders once they are placed;
2. a leader-level title (range starting at 4+, "Head of Product") that leads people
   who lead product teams themselves, over a product org of at least ``VP_ORG``
   (15) people -> ``high``: a leader of leaders with a VP-sized org;
3. manages product people -> the managing rung (4), within the range: a first-line
   product leader, whatever the size of the company ("Head of Product" with 2-6 PMs
   is a Director, as the ladder's rung 4 "leads a team of PMs" says);
4. manages no one -> an IC: the title's own rung, at most 3 (at least ``low``);
   "Product Lead" and "Group PM" without reports are rung 3, a pay-banded PM stays 2;
5. under a product leader: at most one rung below them ("Product Lead" under a
   Director -> 3), except that a leader of Senior PMs is never put on their rung: a
   Group PM leading Senior PMs stays at 4 under a Director (their Director then
   shares their rung, which the same-rung note reports once per Director). Above
   rung 4 the boss decides: a Head of Product leading Directors under a VP is 4.
Rules 1-4 are applied until nothing moves, reading reports at their uncapped rung
(so a Head of Product over Group PMs sees first-line leaders); rule 5 comes last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from orgcheck.model import LEVEL_NAMES
from orgcheck.titles.classifier import Classifier, Placement

if TYPE_CHECKING:
    from orgcheck.model import Org

_SHORT = {1: "APM", 2: "PM", 3: "Senior PM", 4: "Director", 5: "VP", 6: "CPO"}


def classify_org(org: Org, classifier: Classifier) -> None:
    """Fill ``level, level_name, function, confidence, level_note`` and ``org.titles``.

    Only the tree moves an ambiguous title, never the company's size: a Head of
    Product with three PMs leads a team of PMs at 40 people and at 4,000.
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
    refined: dict[int, tuple[list[int], str]] = {}
    refined_people = np.zeros(0, dtype=np.intp)
    if ambiguous and n:
        who = refined_people = np.flatnonzero(np.isin(codes, ambiguous))
        arrays = {"level": level, "function": function, "confidence": confidence, "note": note}
        _refine(org, codes, placements, uniques, arrays, who)
        order = who[np.argsort(codes[who], kind="stable")]
        keys, starts = np.unique(codes[order], return_index=True)
        for k, group in zip(keys.tolist(), np.split(order, starts[1:]), strict=True):
            texts, freq = np.unique(note[group].astype(str), return_counts=True)
            refined[k] = (level[group].tolist(), str(texts[np.argmax(freq)]))

    names = pd.array(["", *(LEVEL_NAMES[r] for r in range(1, 7))], dtype="str")
    people["level"] = level.astype(np.int8)
    # Text columns are taken from small tables of checked strings: building them from
    # a million-element list would check every string again (0.05 s a column at 1M).
    people["level_name"] = names.take(level.astype(np.intp))
    people["function"] = pd.array([p.function for p in table], dtype="str").take(codes)
    people["confidence"] = confidence
    people["level_note"] = _notes_column(note, refined_people)
    org.titles = _titles_table(uniques, codes, placements, refined)


def _notes_column(note: np.ndarray, who: np.ndarray) -> Any:
    """The notes as a 'str' column: blank but for the refined people ``who``."""
    import pandas as pd

    out = pd.array([""], dtype="str").take(np.zeros(len(note), dtype=np.intp))
    if len(who):
        out[who] = note[who]
    return out


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
) -> None:
    """Move each ambiguous person within their title's range, all at once.

    A refined report can change how their manager reads (a Head of Product over
    Product Leads who turn out to lead teams), so rules 1-4 repeat until nothing
    moves (three passes at most: ambiguous titles rarely stack deeper).
    """
    level, function = arrays["level"], arrays["function"]
    parent = np.asarray(org.parent, dtype=np.int64)
    reports = np.asarray(org.direct_reports)[who]
    is_product = function == "product"
    ranges = np.array([p.rungs or (0, 0) for p in placements], dtype=np.int16)
    low, high = ranges[codes[who], 0], ranges[codes[who], 1]
    base = level[who].astype(np.int16)
    product_org = _product_below(parent, np.asarray(org.depth), is_product)[who]
    sub_leaders = _product_leaders_below(parent, is_product)[who]
    for _ in range(3):
        top, count, managed = _product_reports(parent, level, is_product)
        new, why = _decide(
            (low, high, base), top[who], managed[who], sub_leaders, product_org, reports
        )
        if np.array_equal(level[who], new):
            break
        level[who] = new
    boss = parent[who]
    has_boss = boss >= 0
    boss_safe = np.where(has_boss, boss, 0)
    boss_level = np.where(has_boss & is_product[boss_safe], level[boss_safe], 0)
    capped, kept = _cap(new, low, high, top[who], boss_level)
    new = np.where(capped, np.maximum(low, boss_level - 1), new)
    new = np.where(kept, np.minimum(high, np.maximum(low, top[who] + 1)), new)
    level[who] = new
    arrays["confidence"][who] = 0.8
    figures = np.stack([count[who], managed[who], sub_leaders, product_org, reports], axis=1)
    arrays["note"][who] = _notes(
        who,
        codes,
        uniques,
        (low, high, new, why),
        capped + 2 * kept,
        top[who],
        figures,
        boss,
        boss_level,
    )


def _cap(new, low, high, top, boss_level):
    """Rule 5: who is brought below their product manager, and who keeps their rung.

    ``capped``: at or above the boss's rung, brought to one rung below it. ``kept``:
    that would put a leader of Senior PMs or PMs on or below the rung of their own
    reports, so they stay one rung above them (a Group PM leading Senior PMs under a
    Director is a first-line leader, rung 4). Above rung 4 the boss decides: a Head
    of Product leading Directors under a VP is rung 4, as a Senior Director is.
    """
    over = (boss_level > 0) & (new >= boss_level)
    below_reports = np.maximum(low, boss_level - 1) <= top
    kept = over & below_reports & (new > top) & (top < 4)
    return over & ~kept, kept


def _product_reports(parent: np.ndarray, level: np.ndarray, is_product: np.ndarray):
    """Per person: highest rung among product reports, how many sit there, how many in all."""
    n = len(parent)
    kids = np.flatnonzero((parent >= 0) & is_product & (level > 0))
    boss, rung = parent[kids], level[kids].astype(np.int16)
    top = np.zeros(n, dtype=np.int16)
    np.maximum.at(top, boss, rung)
    count = np.bincount(boss[rung == top[boss]], minlength=n)
    return top, count, np.bincount(boss, minlength=n)


def _product_leaders_below(parent: np.ndarray, is_product: np.ndarray) -> np.ndarray:
    """Per person: product direct reports who manage product people themselves."""
    n = len(parent)
    kids = np.flatnonzero((parent >= 0) & is_product)
    leads_product = np.bincount(parent[kids], minlength=n) > 0
    leaders = kids[leads_product[kids]]
    return np.bincount(parent[leaders], minlength=n)


def _product_below(parent: np.ndarray, depth: np.ndarray, is_product: np.ndarray):
    """Per person: product people anywhere beneath them (one pass per layer, deepest first)."""
    total = is_product.astype(np.int64)
    order = np.flatnonzero((depth > 0) & (parent >= 0))
    order = order[np.argsort(-depth[order], kind="stable")]
    bounds = np.flatnonzero(np.diff(depth[order])) + 1
    for layer in np.split(order, bounds):
        np.add.at(total, parent[layer], total[layer])
    return total - is_product


#: Product people a leader of leaders must have beneath them to be read at the top of
#: their range (rule 2): above what missing-director-layer lets one Director run.
VP_ORG = 15

#: Why a person moved, as codes (rules 1-4 of the module docstring and their variants).
LEADS, LEADERS, MANAGES, NO_ONE, NO_PRODUCT, OUTSIDE = range(6)


def _decide(ranges, top, managed, sub_leaders, product_org, reports):
    """New rung and the reason code for each person, by rules 1-4 of the module docstring."""
    low, high, base = ranges
    leader_title = low >= 4
    leads = top >= np.maximum(low, 4)
    leaders = ~leads & leader_title & (sub_leaders > 0) & (product_org >= VP_ORG)
    manages = ~leads & ~leaders & (managed > 0)
    no_one = ~leads & ~leaders & ~manages & (reports == 0)
    conditions = [leads, leaders, manages, no_one, ~leads & ~leaders & ~manages & ~no_one]
    rungs = [
        np.minimum(high, top + 1),
        high,
        np.minimum(high, np.maximum(low, 4)),
        np.minimum(high, np.maximum(low, np.minimum(base, 3))),
        base,
    ]
    new = np.select(conditions, rungs, default=base).astype(np.int16)
    outside = np.where(leader_title, NO_PRODUCT, OUTSIDE)
    why = np.select(conditions[:4], [LEADS, LEADERS, MANAGES, NO_ONE], outside)
    return new, why


def _notes(who, codes, uniques, placed, cap, top, figures, boss, boss_level) -> np.ndarray:
    """'Head of Product' is rung 4-5; reports to 'CEO' and leads 2 Directors -> rung 5.

    People with the same title, manager's title and situation share one sentence, so
    the text is built once per distinct situation, not once per person.
    """
    low, high, new, why = placed
    boss_code = np.where(boss >= 0, codes[np.maximum(boss, 0)], -2)  # -1 untitled, -2 none
    shown = figures * (why[:, None] != NO_ONE)
    columns = [codes[who], boss_code, why, new, cap, boss_level, top, low, high]
    keys = np.concatenate([np.stack(columns, axis=1), shown], axis=1).astype(np.int64)
    inverse, first = _group_rows(keys)
    texts = []
    for code, bcode, w, rung, c, blevel, t, lo, hi, *fig in keys[first].tolist():
        if bcode == -2:
            above = "reports to no one in the file"
        elif bcode == -1:
            above = "has a manager without a title"
        else:
            above = f"reports to {uniques[bcode]!r}"
        reason = _why(w, t, hi, *fig)
        if c == 1:
            reason += f", but works under a {_SHORT[blevel]}"
        elif c == 2:
            reason += (
                f"; works under a {_SHORT[blevel]} but leads {_SHORT[t]}s, so stays above them"
            )
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


def _why(code, top, high, count, managed, sub_leaders, product_org, reports) -> str:
    if code == LEADS:
        return f"leads {count} {_SHORT[top]}" + ("s" if count > 1 else "")
    if code == LEADERS:
        return (
            f"leads {sub_leaders} {_people(sub_leaders, 'manager')} of product teams, "
            f"{product_org} product people in all: a leader of leaders"
        )
    if code == MANAGES:
        reason = f"manages {managed} product {_people(managed, 'person')}"
        if high >= 5:
            reason += " and no product leaders: a first-line product leader"
        return reason
    if code == NO_ONE:
        return "manages no one"
    if code == NO_PRODUCT:
        return "leads no product people"
    return f"manages {reports} people outside product"


def _people(n: int, noun: str) -> str:
    if n == 1:
        return noun
    return "people" if noun == "person" else noun + "s"


def _titles_table(uniques: Any, codes: np.ndarray, placements: list[Placement], refined: dict):
    """One row per distinct title; refined titles show their most common placed rung
    and the most common reason the tree gave for it."""
    import pandas as pd

    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    rows = []
    for k, (title, p) in enumerate(zip(uniques, placements, strict=True)):
        level, reason = p.level, p.reason
        if k in refined and refined[k][0]:
            placed, common_note = refined[k]
            values, freq = np.unique(placed, return_counts=True)
            level = int(values[np.argmax(freq)])
            if len(placed) == 1:
                reason = f"{p.reason}; {common_note}"
            else:
                spread = ", ".join(f"{f} at rung {v}" for v, f in zip(values, freq, strict=True))
                reason = f"{p.reason}; placed by position in the tree: {spread}; most often "
                reason += common_note
        rows.append((str(title), int(counts[k]), level, p.function, p.confidence, reason))
    columns = ["title", "count", "level", "function", "confidence", "reason"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["level"] = frame["level"].astype("Int8")
    frame = frame.sort_values(["count", "title"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True)
