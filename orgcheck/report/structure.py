"""The report's content, built once from a Result and shared by every output format.

Like ydata-profiling's report structure, this is plain data (sections, rows, chart
geometry) with no markup: the HTML, Markdown and text renderers only lay it out.
Long lists are capped here, with a count of what was left out, so no format can
grow with the org; the full data lives in the JSON output.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from orgcheck.model import FIELDS, LEVEL_NAMES, SEVERITIES, Finding, Org
from orgcheck.report import charts, words
from orgcheck.report.anonymize import Anonymizer
from orgcheck.report.catalogue import RuleDoc, rule_docs
from orgcheck.report.treedata import (
    CYCLE_BIT,
    PRINT_TREE_DEPTH,
    PRINT_TREE_NODES,
    TreeLine,
    print_tree,
    tree_data,
)

if TYPE_CHECKING:
    from orgcheck.analysis import Result

PEOPLE_PER_FINDING = 8
FINDINGS_PER_RULE = 25
TITLE_ROWS = 200
MAX_LAYERS_SHOWN = 30
LOW_CONFIDENCE = 0.6
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass
class PersonRef:
    pos: int
    name: str
    title: str
    badge: str  # rung badge or ""


@dataclass
class FindingView:
    code: str
    rule: str
    severity: str
    message: str
    people: list[PersonRef]
    more_people: int
    suggestion: str


@dataclass
class RuleGroup:
    code: str
    rule: str
    severity: str
    summary: str
    why: str
    fix: str  # shared suggestion, when every finding of the rule gives the same one
    findings: list[FindingView]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.findings)


@dataclass
class SeverityGroup:
    severity: str
    label: str
    count: int
    rules: list[RuleGroup]


@dataclass
class LadderRow:
    rung: int
    name: str
    badge: str
    count: int
    healthy: str  # "3–6" or ""
    status: str  # "in range", "above range", "below range", "empty", ""


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    marks: list[str]  # per row: "unmapped", "low", ""
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


@dataclass
class Quality:
    facts: list[tuple[str, str]]
    columns: list[tuple[str, str]]
    skipped: list[tuple[str, int]]
    manager_note: str
    notes: list[str]


@dataclass
class Report:
    title: str
    source_name: str
    anonymized: bool
    headline: list[tuple[str, str]]  # (label, value) key figures
    counts: dict[str, int]
    top: list[FindingView]
    ladder: list[LadderRow]
    pyramid: charts.Chart
    severities: list[SeverityGroup]
    spans: charts.Chart
    span_rows: list[tuple[str, int, str]]  # (band, managers, share)
    layers: charts.Chart
    layers_more: int  # people deeper than the layers shown
    titles: Table
    quality: Quality
    rules: list[RuleDoc]
    tree_lines: list[TreeLine]
    tree_more: int
    tree: dict[str, Any] = field(default_factory=dict)  # compact arrays for the page


def build(result: Result, *, anonymize: bool = False, with_tree: bool = True) -> Report:
    """Turn an analysis result into report content (capped, format-neutral)."""
    ctx = _Context(result, anonymize)
    docs = rule_docs()
    severities = _severity_groups(ctx, docs)
    ladder, pyramid = _ladder(ctx.org)
    spans, span_rows = _spans(ctx.org)
    layers, layers_more = _layers(ctx.org)
    lines, more = print_tree(ctx)
    return Report(
        title="Org check",
        source_name=PurePath(ctx.org.source.path or "").name or "input",
        anonymized=anonymize,
        headline=_headline(ctx),
        counts=ctx.counts,
        top=_top(ctx),
        ladder=ladder,
        pyramid=pyramid,
        severities=severities,
        spans=spans,
        span_rows=span_rows,
        layers=layers,
        layers_more=layers_more,
        titles=_titles(ctx.org, ctx.text),
        quality=_quality(ctx),
        rules=_rules_used(docs, ctx.findings),
        tree_lines=lines,
        tree_more=more,
        tree=tree_data(ctx) if with_tree else {},
    )


__all__ = ["CYCLE_BIT", "PRINT_TREE_DEPTH", "PRINT_TREE_NODES", "Report", "build"]


class _Context:
    """Per-person columns as plain arrays, names already pseudonymised when asked."""

    def __init__(self, result: Result, anonymize: bool) -> None:
        self.result = result
        self.org: Org = result.org
        people = self.org.people
        n = len(people)
        self.anon = Anonymizer(self.org) if anonymize else None
        self.names = self.anon.names if self.anon else _text(people, "name", n)
        self.titles = _text(people, "title", n)
        if self.anon:
            self.titles = self.anon.scrub_column(self.titles)
        self.level = _levels(people)
        self.metrics = _metrics_json(result.metrics)
        self.findings = sorted(
            result.findings, key=lambda f: (_RANK.get(f.severity, 9), f.code, f.message)
        )
        self.counts = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            self.counts[f.severity] = self.counts.get(f.severity, 0) + 1
        self.positions = _positions(people, self.findings)
        self._scrubbed: dict[str, str] = {}
        if self.anon:
            texts = [f.message for f in self.findings] + [f.suggestion for f in self.findings]
            texts += [*self.org.source.notes, *result.notes]
            texts = list(dict.fromkeys(texts))
            self._scrubbed = dict(zip(texts, self.anon.scrub(texts), strict=True))

    def text(self, message: str) -> str:
        """Free text by another step (messages, notes), with names scrubbed if asked."""
        if not self.anon:
            return message
        found = self._scrubbed.get(message)
        return found if found is not None else self.anon.text(message)

    def person(self, pos: int) -> PersonRef:
        lvl = int(self.level[pos])
        return PersonRef(pos, self.names[pos], self.titles[pos], _badge(lvl))

    def view(self, f: Finding, idx: int) -> FindingView:
        pos = self.positions[idx]
        shown = [self.person(p) for p in pos[:PEOPLE_PER_FINDING]]
        return FindingView(
            code=f.code,
            rule=f.rule,
            severity=f.severity,
            message=self.text(f.message),
            people=shown,
            more_people=max(len(f.people), len(pos)) - len(shown),
            suggestion=self.text(f.suggestion),
        )


def _text(people: pd.DataFrame, col: str, n: int) -> np.ndarray:
    """The column as str, '' where empty (a column of str only is taken as it is)."""
    if col not in people:
        return np.full(n, "", dtype=object)
    values = people[col].to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty"):
        return values
    text = people[col].astype(object).where(people[col].notna(), "").astype(str)
    return text.to_numpy(dtype=object)


def _levels(people: pd.DataFrame) -> np.ndarray:
    if "level" not in people:
        return np.zeros(len(people), dtype=np.int8)
    return people["level"].fillna(0).to_numpy().astype(np.int8)


def _badge(level: int) -> str:
    return words.RUNGS[level][0] if level in words.RUNGS else ""


def _metrics_json(metrics: Any) -> dict:
    try:
        data = metrics.to_json() if metrics is not None else {}
    except Exception:  # a renderer must not fail on a half-built metrics object
        data = {}
    return data if isinstance(data, dict) else {}


def _positions(people: pd.DataFrame, findings: list[Finding]) -> list[np.ndarray]:
    """Each finding's person ids as positions (first person wins a duplicated id).

    The few ids the findings name are hashed and the people's ids looked up in them,
    not the other way round: no hash table of a million ids.
    """
    flat = [str(p) for f in findings for p in f.people]
    if "id" not in people or not flat:
        return [np.empty(0, dtype=np.int64) for _ in findings]
    wanted = pd.Index(pd.unique(np.array(flat, dtype=object)))
    hit = wanted.get_indexer(_text_ids(people["id"]))
    rows = np.flatnonzero(hit >= 0)
    named, first = np.unique(hit[rows], return_index=True)
    where = np.full(len(wanted), -1, dtype=np.int64)  # -1: no one has the id
    where[named] = rows[first]
    found = where[wanted.get_indexer(flat)]
    out, start = [], 0
    for f in findings:
        chunk = found[start : start + len(f.people)]
        start += len(f.people)
        out.append(chunk[chunk >= 0])
    return out


def _text_ids(ids: pd.Series) -> np.ndarray:
    """Ids as str, as findings name them (a column of str only is taken as it is)."""
    values = ids.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values
    return ids.astype(str).to_numpy(dtype=object)


# --- summary -----------------------------------------------------------------------


def _headline(ctx: _Context) -> list[tuple[str, str]]:
    org, m = ctx.org, ctx.metrics
    summary = m.get("summary", m)
    head = int(summary.get("headcount", len(org)))
    product = summary.get("product_headcount")
    if product is None:
        product = int((ctx.level > 0).sum())
    layers = int(summary.get("layers", org.layers))
    managers = int((org.direct_reports > 0).sum())
    return [
        ("People", f"{head:,}"),
        ("Product people", f"{int(product):,}"),
        ("Layers", str(layers)),
        ("Managers", f"{managers:,}"),
    ]


def _top(ctx: _Context) -> list[FindingView]:
    """Three findings worth reading first: worst severity, most people, one per rule."""
    order = sorted(
        range(len(ctx.findings)),
        key=lambda i: (
            _RANK.get(ctx.findings[i].severity, 9),
            -len(ctx.findings[i].people),
            ctx.findings[i].code,
        ),
    )
    seen: set[str] = set()
    top = []
    for i in order:
        f = ctx.findings[i]
        if f.code in seen:
            continue
        seen.add(f.code)
        top.append(ctx.view(f, i))
        if len(top) == 3:
            break
    return top


# --- findings ----------------------------------------------------------------------


def _severity_groups(ctx: _Context, docs: dict[str, RuleDoc]) -> list[SeverityGroup]:
    groups = []
    for sev in SEVERITIES:
        by_rule: dict[str, list[int]] = {}
        for i, f in enumerate(ctx.findings):
            if f.severity == sev:
                by_rule.setdefault(f.code, []).append(i)
        rules = []
        for code, idx in by_rule.items():
            first = ctx.findings[idx[0]]
            doc = docs.get(code)
            suggestions = {ctx.findings[i].suggestion for i in idx}
            shared = ctx.text(first.suggestion) if len(suggestions) == 1 else ""
            views = [ctx.view(ctx.findings[i], i) for i in idx[:FINDINGS_PER_RULE]]
            if shared:
                for v in views:
                    v.suggestion = ""
            rules.append(
                RuleGroup(
                    code=code,
                    rule=first.rule,
                    severity=sev,
                    summary=doc.summary if doc else "",
                    why=doc.why if doc else "",
                    fix=shared or (doc.fix if doc else ""),
                    findings=views,
                    total=len(idx),
                )
            )
        groups.append(SeverityGroup(sev, words.SEVERITY_LABELS[sev], ctx.counts[sev], rules))
    return groups


# --- ladder, spans, layers ----------------------------------------------------------


def _healthy(rung: int, counts: dict[int, int]) -> tuple[int, int] | None:
    """The range of people a rung should hold, from the rung(s) below it (NORMS.md)."""
    ic = counts[1] + counts[2] + counts[3]
    if rung == 4 and ic:
        return math.ceil(ic / 6), math.ceil(ic / 3)
    if rung == 5 and (counts[4] or ic):
        d = counts[4]
        return (math.ceil(d / 6), max(1, math.ceil(d / 2))) if d else (0, 1)
    if rung == 6 and (ic or counts[4] or counts[5]):
        return 0, 1
    return None


def _ladder(org: Org) -> tuple[list[LadderRow], charts.Chart]:
    level = _levels(org.people)
    counts = {r: int(c) for r, c in enumerate(np.bincount(level.clip(0, 6), minlength=7))}
    present = [r for r in range(1, 7) if counts[r]]
    rows, bars, ranges = [], [], []
    for rung in range(6, 0, -1):
        rng = _healthy(rung, counts)
        c = counts[rung]
        status = ""
        if rng:
            status = "above range" if c > rng[1] else "below range" if c < rng[0] else "in range"
        elif present and min(present) < rung < max(present) and not c:
            status = "empty"
        healthy = "" if not rng else f"{rng[0]}–{rng[1]}" if rng[0] != rng[1] else str(rng[0])
        rows.append(LadderRow(rung, LEVEL_NAMES[rung], _badge(rung), c, healthy, status))
        style = "hatch" if status in ("above range", "empty") else "solid"
        bars.append(charts.Bar(f"{rung} {LEVEL_NAMES[rung]}", c, f"{c:,}", style, status))
        ranges.append(rng)
    return rows, charts.pyramid("People per rung", bars, ranges)


def _spans(org: Org) -> tuple[charts.Chart, list[tuple[str, int, str]]]:
    reports = org.direct_reports[org.direct_reports > 0]
    total = len(reports)
    bars, rows = [], []
    for low, high, label, on_target in words.SPAN_BANDS:
        mask = reports >= low if high is None else (reports >= low) & (reports <= high)
        n = int(mask.sum())
        share = n / total * 100 if total else 0.0
        band = f"{low}+" if high is None else str(low) if low == high else f"{low}–{high}"
        style = "solid" if on_target else "hatch" if low > 12 else "dots"
        text = f"{share:.0f} % ({n:,})"
        bars.append(charts.Bar(f"{band} · {label}", share, text, style))
        rows.append((f"{band} ({label})", n, f"{share:.0f} %"))
    legend = [("dots", "narrower than target"), ("solid", "on target"), ("hatch", "wider")]
    return charts.hbars("Span of control: share of managers", bars, legend=legend), rows


def _layers(org: Org) -> tuple[charts.Chart, int]:
    depth = org.depth[org.depth >= 0]
    counts = np.bincount(depth) if len(depth) else np.zeros(0, dtype=np.int64)
    shown = counts[:MAX_LAYERS_SHOWN]
    bars = [charts.Bar(f"Layer {i + 1}", int(c), f"{int(c):,}") for i, c in enumerate(shown)]
    return charts.hbars("People per layer", bars), int(counts[MAX_LAYERS_SHOWN:].sum())


# --- titles, data quality -------------------------------------------------------------


def _titles(org: Org, text=lambda s: s) -> Table:
    """The title mapping table; ``text`` scrubs names out of titles and reasons."""
    cols = ["Title", "People", "Rung", "Function", "Confidence", "Why"]
    t = org.titles
    if t is None or not len(t):
        return Table(cols, [], [], 0)
    t = t.reset_index(drop=True)
    conf = pd.to_numeric(t.get("confidence", 0), errors="coerce").fillna(0).to_numpy()
    func = t["function"].astype(str).to_numpy() if "function" in t else np.full(len(t), "")
    unmapped = func == "unknown"
    mark = np.where(unmapped, "unmapped", np.where(conf < LOW_CONFIDENCE, "low", ""))
    group = np.where(unmapped, 0, np.where(conf < LOW_CONFIDENCE, 1, 2))
    count = pd.to_numeric(t["count"], errors="coerce").fillna(0).to_numpy().astype(np.int64)
    order = np.lexsort((-count, group))[:TITLE_ROWS]
    level = pd.to_numeric(t.get("level", 0), errors="coerce").fillna(0).to_numpy()
    title = t["title"].to_numpy(dtype=object)
    reasons = t["reason"].to_numpy(dtype=object) if "reason" in t else np.full(len(t), "")
    rows = []
    for i in order.tolist():
        lvl = int(level[i])
        rung = f"{lvl} · {_badge(lvl)}" if lvl in LEVEL_NAMES else "—"
        reason = str(reasons[i])
        rows.append(
            [
                text(str(title[i])),
                f"{count[i]:,}",
                rung,
                func[i],
                f"{conf[i]:.2f}",
                text(reason),
            ]
        )
    return Table(cols, rows, [str(mark[i]) for i in order.tolist()], len(t))


def _quality(ctx: _Context) -> Quality:
    org, src = ctx.org, ctx.org.source
    extra = ctx.metrics.get("metrics", {}) if isinstance(ctx.metrics.get("metrics"), dict) else {}
    skipped = sorted(org.skipped.items(), key=lambda kv: -kv[1])
    facts = [
        ("File", PurePath(src.path or "").name or "input"),
        ("Sheet", src.sheet or "—"),
        ("Rows read", f"{src.rows:,}"),
        ("People in the report", f"{len(org):,}"),
        ("Rows left out", f"{sum(org.skipped.values()):,}"),
    ]
    if org.dotted_parent is not None:
        facts.append(("Dotted-line managers", f"{int((org.dotted_parent >= 0).sum()):,}"))
    size = _company_size(extra)
    if size:
        facts.append(("Company size assumed", size))
    if int(org.in_cycle.sum()):
        facts.append(("People on reporting cycles", f"{int(org.in_cycle.sum()):,}"))
    columns = [(f, src.columns[f]) for f in FIELDS if f in src.columns]
    columns += [(f, h) for f, h in src.columns.items() if f not in FIELDS]
    key = src.manager_key
    note = words.MANAGER_KEYS.get(key or "", words.NO_MANAGER_COLUMN)
    notes = [ctx.text(n) for n in [*src.notes, *ctx.result.notes]]
    return Quality(facts, columns, [(r, int(c)) for r, c in skipped], note, notes)


def _company_size(extra: dict) -> str:
    size = extra.get("company_size", extra.get("company_size_assumed"))
    if isinstance(size, dict):
        value, reason = size.get("value", size.get("size")), size.get("reason", "")
    else:
        value, reason = size, extra.get("company_size_reason", "")
    if value is None:
        return ""
    text = f"{int(value):,}" if isinstance(value, int | float) else str(value)
    return f"{text} ({reason})" if reason else text


def _rules_used(docs: dict[str, RuleDoc], findings: list[Finding]) -> list[RuleDoc]:
    """Every rule in the catalogue; without a catalogue, the rules that fired."""
    if docs:
        return sorted(docs.values(), key=lambda d: d.code)
    seen = {f.code: RuleDoc(f.code, f.rule, f.severity, "", "", "") for f in findings}
    return sorted(seen.values(), key=lambda d: d.code)
