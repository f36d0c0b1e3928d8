"""From a raw table and a column mapping to the org: people, manager links, tree metrics.

This is where cells get meaning: ids are normalised, names assembled, leavers left out,
manager references resolved (see ``orgcheck.managers``), cycles cut so the rest is a
forest, and every data problem met on the way becomes a finding naming its rows
(``orgcheck.quality``). Nothing here raises on bad data: a problem in the data is a
finding or a count in ``Org.skipped``, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from orgcheck import managers, quality
from orgcheck.model import FIELDS, Org, RawTable, Source
from orgcheck.names import clean_text, display_id, email_key, id_key, name_key
from orgcheck.status import inactive_mask
from orgcheck.tree import cycle_members, tree_metrics

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


def column(frame: pd.DataFrame, header: str) -> pd.Series:
    """One column's cells as clean text ('' for blank), each distinct value cleaned once."""
    cells = frame[header]
    if isinstance(cells, pd.DataFrame):  # a repeated header: the first one counts
        cells = cells.iloc[:, 0]
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    cleaned = np.array([clean_text(str(u)) for u in uniques] + [""], dtype=object)
    return pd.Series(cleaned[codes], index=frame.index, dtype=object)


def _apply(values: pd.Series, fn: Callable[[str], str]) -> pd.Series:
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    out = np.array([fn(str(u)) for u in uniques] + [""], dtype=object)
    return pd.Series(out[codes], index=values.index, dtype=object)


def _names(cells: dict[str, pd.Series], n: int) -> pd.Series:
    """``name``, or "First Last" where the name is blank or there is no name column."""
    blank = pd.Series([""] * n, dtype=object)
    name = cells.get("name", blank)
    if "first_name" in cells or "last_name" in cells:
        both = cells.get("first_name", blank) + " " + cells.get("last_name", blank)
        both = _apply(both, clean_text)
        name = name.where(name != "", both)
    return name


def _keep_rows(cells: dict[str, pd.Series], name: pd.Series, columns: dict[str, str], n: int):
    """Which rows are people; the others counted by reason (blank, no name, inactive)."""
    skipped: dict[str, int] = {}
    notes: list[str] = []
    any_cell = np.zeros(n, dtype=bool)
    for series in cells.values():
        any_cell |= (series != "").to_numpy()
    has_id = (cells["id"] != "").to_numpy() if "id" in cells else np.zeros(n, dtype=bool)
    nameless = ~has_id & (name == "").to_numpy()
    blank = nameless & ~any_cell
    keep = ~nameless
    if blank.any():
        skipped["blank"] = int(blank.sum())
    if (nameless & any_cell).any():
        skipped["no name or id"] = int((nameless & any_cell).sum())
        notes.append(
            f"{skipped['no name or id']:,} rows with neither a name nor an id were left out"
        )
    if "status" in cells:
        inactive = inactive_mask(cells["status"], columns["status"]) & keep
        if inactive.any():
            skipped["terminated"] = int(inactive.sum())
            seen = cells["status"][inactive].value_counts().head(5)
            shown = ", ".join(f"{v!r} ({c:,})" for v, c in seen.items())
            notes.append(f"left out by status ({skipped['terminated']:,} rows): {shown}")
            keep &= ~inactive
    return keep, skipped, notes


def _people(cells, name, rows, keep) -> pd.DataFrame:
    idx = np.flatnonzero(keep)
    kept_rows = rows[idx]
    if "id" in cells:
        ids = _apply(cells["id"], display_id).to_numpy()[idx]
        blank = ids == ""
        ids[blank] = np.array([f"row-{r}" for r in kept_rows[blank].tolist()], dtype=object)
    else:
        ids = kept_rows.astype(str).astype(object)
    data: dict[str, object] = {"id": ids, "row": kept_rows, "name": name.to_numpy()[idx]}
    empty = np.full(len(idx), "", dtype=object)
    for f in TEXT_FIELDS:
        data[f] = cells[f].to_numpy()[idx] if f in cells else empty
    data["manager_ref"] = cells["manager"].to_numpy()[idx] if "manager" in cells else empty
    data["dotted_ref"] = (
        cells["dotted_manager"].to_numpy()[idx] if "dotted_manager" in cells else empty
    )
    people = pd.DataFrame(data)
    people["row"] = people["row"].astype(np.int64)
    return people


def _spaces(frame: pd.DataFrame, keep: np.ndarray, columns, people, extra) -> list:
    """Lazy key-space builders: ids, then emails, then names (the costliest) last."""
    kept = frame.iloc[np.flatnonzero(keep)].reset_index(drop=True)

    def from_header(kind, header, keyer):
        return lambda: managers.key_space(
            kind, header, [managers.row_keys(column(kept, header), keyer)]
        )

    out = []
    for kind, keyer in (("id", id_key), ("email", email_key)):
        headers = [columns[kind]] if kind in columns else []
        headers += [h for h in extra.get(kind, []) if h not in headers]
        out += [from_header(kind, h, keyer) for h in headers if h in frame.columns]

    def names():
        arrays = [managers.row_keys(pd.Series(people["name"]), name_key)]
        if "first_name" in columns and "last_name" in columns and "name" in columns:
            both = column(kept, columns["first_name"]) + " " + column(kept, columns["last_name"])
            arrays.append(managers.row_keys(both, name_key))
        return managers.key_space("name", "name", arrays)

    out.append(names)
    return out


def _candidates(raw: RawTable, columns: dict[str, str], overrides: dict[str, str] | None) -> dict:
    """Other headers worth trying for the manager (and for the ids/emails it may point at)."""
    if overrides and "manager" in overrides:
        return {}
    try:
        from orgcheck.columns import candidate_headers
    except ImportError:  # the column detector is optional for direct callers
        return {}
    taken = {h for f, h in columns.items() if f not in ("manager", "id", "email")}
    out = {}
    for f in ("manager", "id", "email"):
        try:
            found = candidate_headers(raw, f)
        except Exception:  # a heuristic helper must not stop the build
            found = []
        out[f] = [h for h in found if h not in taken and h != columns.get(f)]
    return out


def build_org(
    raw: RawTable, columns: dict[str, str], *, overrides: dict[str, str] | None = None
) -> Org:
    """The org in ``raw`` read through ``columns`` (field -> header).

    ``overrides`` are the fields the user fixed with ``--column``; when the manager is
    among them no other manager column is tried.
    """
    frame = raw.frame
    n = len(frame)
    rows = np.asarray(raw.rows, dtype=np.int64)
    columns = {f: h for f, h in columns.items() if h in frame.columns}
    cells = {f: column(frame, h) for f, h in columns.items()}
    name = _names(cells, n)
    keep, skipped, notes = _keep_rows(cells, name, columns, n)
    people = _people(cells, name, rows, keep)
    extra = _candidates(raw, columns, overrides)
    kept = frame.iloc[np.flatnonzero(keep)].reset_index(drop=True)
    findings = quality.duplicates(people)

    parent = np.full(len(people), -1, dtype=np.int64)
    manager_key = None
    used = dict(columns)
    if "manager" in columns or extra.get("manager"):
        headers = ([columns["manager"]] if "manager" in columns else []) + extra.get("manager", [])
        candidates = [(h, column(kept, h)) for h in headers]
        choice = managers.choose(candidates, _spaces(frame, keep, columns, people, extra))
        if choice.resolution is not None:
            res = choice.resolution
            manager_key = res.space.kind
            used["manager"] = res.header
            people["manager_ref"] = column(kept, res.header).to_numpy()
            parent = np.where(res.pos >= 0, res.pos, -1)
            findings += quality.unresolved(res, people)
            notes += choice.notes
    else:
        notes.append("no manager column: every person is a top of the tree")

    dotted = None
    if "dotted_manager" in columns:
        choice = managers.choose(
            [(columns["dotted_manager"], cells["dotted_manager"][keep].reset_index(drop=True))],
            _spaces(frame, keep, columns, people, extra),
        )
        res = choice.resolution
        if res is not None:
            dotted = np.where(res.pos >= 0, res.pos, -1)
            findings += quality.unresolved(res, people, dotted=True)
            notes += [f"dotted line: {t}" for t in choice.notes]

    on_cycle, cycle_id = cycle_members(parent)
    cut = np.unique(cycle_id[on_cycle])
    findings += quality.cycles(people, parent, on_cycle, cycle_id)
    parent[cut] = -1
    metrics = tree_metrics(parent)
    if manager_key is not None:
        findings += quality.multiple_roots(people, parent, metrics, cut)
    if "title" in columns:
        findings += quality.missing_titles(people)

    source = Source(
        path=raw.path,
        sheet=raw.sheet,
        rows=n,
        columns=used,
        manager_key=manager_key,
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
        skipped=skipped,
    )
