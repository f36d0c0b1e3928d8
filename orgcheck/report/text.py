"""The report as plain text for a terminal: the same structure, laid out in columns.

Control characters from the spreadsheet are replaced so a hostile cell cannot move
the cursor or recolour the terminal.
"""

from __future__ import annotations

import re
import textwrap

from orgcheck.model import LEVEL_NAMES
from orgcheck.report import words
from orgcheck.report.charts import Chart
from orgcheck.report.structure import Report

WIDTH = 88
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: object) -> str:
    return _CONTROL.sub("?", " ".join(str(value).split()))


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(clean(text), WIDTH, initial_indent=indent, subsequent_indent=indent)


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "=" * len(title)]


def _bars(chart: Chart, label_w: int = 34, bar_w: int = 30) -> list[str]:
    top = max((b.value for b in chart.bars), default=0) or 1
    out = []
    for b in chart.bars:
        bar = "#" * round(b.value / top * bar_w)
        out.append(f"  {clean(b.label)[:label_w]:<{label_w}} {bar:<{bar_w}} {clean(b.text)}")
    return out


def _summary(r: Report) -> list[str]:
    out = [f"Org check: {clean(r.source_name)}"]
    if r.anonymized:
        out.append("(names replaced by pseudonyms)")
    out.append("")
    out.append("  " + "   ".join(f"{label}: {value}" for label, value in r.headline))
    out.append("  " + "   ".join(f"{words.SEVERITY_LABELS[s]}: {c:,}" for s, c in r.counts.items()))
    if r.top:
        out += ["", "Read these first:"]
        for i, f in enumerate(r.top, 1):
            out += _wrap(f"{i}. [{f.severity}] {f.code} {f.rule}: {f.message}")
    return out


def _findings(r: Report) -> list[str]:
    out = _heading("Findings")
    for g in r.severities:
        out += ["", f"{g.label} ({g.count:,})"]
        for rg in g.rules:
            out += ["", f"  {rg.code} {clean(rg.rule)} ({rg.total:,})"]
            if rg.why:
                out += _wrap(f"Why it matters: {rg.why}", "    ")
            if rg.fix:
                out += _wrap(f"What to do: {rg.fix}", "    ")
            for f in rg.findings:
                out += _wrap(f"- {f.message}", "    ")
                names = [f"{p.name or '(no name)'} ({p.title})" for p in f.people]
                if f.more_people:
                    names.append(f"and {f.more_people:,} more")
                if names:
                    out += _wrap("people: " + ", ".join(names), "      ")
                if f.suggestion:
                    out += _wrap(f"what to do: {f.suggestion}", "      ")
            if rg.more:
                out.append(f"    ... {rg.more:,} more in the JSON output")
    return out


def _shape(r: Report) -> list[str]:
    out = _heading("The product ladder") + _wrap(words.HEALTHY_SHAPE) + [""]
    for x in r.ladder:
        healthy = f"healthy {x.healthy}" if x.healthy else ""
        out.append(f"  {x.rung} {x.name:<27} {x.count:>8,}  {healthy:<16} {x.status}")
    out += _heading("Spans and layers") + _bars(r.spans) + [""] + _bars(r.layers)
    if r.layers_more:
        out.append(f"  {r.layers_more:,} people sit deeper than the layers shown")
    return out


def _tree(r: Report) -> list[str]:
    out = _heading("Top of the org tree")
    for line in r.tree_lines:
        badge = f"[{line.badge}] " if line.badge else ""
        meta = f" - {line.reports:,} direct, {line.org_size:,} in org" if line.reports else ""
        mark = f" ({line.severity})" if line.severity else ""
        text = f"{badge}{line.name or '(no name)'}, {line.title}{meta}{mark}"
        out.append("  " + "    " * line.depth + clean(text))
    if r.tree_more:
        out.append(f"  ... {r.tree_more:,} more people in the HTML report and the JSON output")
    return out


def _rest(r: Report) -> list[str]:
    out = _heading("How titles were read")
    for row, mark in zip(r.titles.rows, r.titles.marks, strict=True):
        flag = f" [{mark}]" if mark else ""
        out += _wrap(f"{row[0]} ({row[1]}): {row[2]}, {row[3]}, {row[4]}{flag} - {row[5]}")
    if r.titles.more:
        out.append(f"  ... {r.titles.more:,} more titles in the JSON output")
    q = r.quality
    out += _heading("Data quality and assumptions")
    out += [f"  {clean(k)}: {clean(v)}" for k, v in q.facts] + _wrap(q.manager_note)
    out += [f"  left out: {c:,} {clean(reason)}" for reason, c in q.skipped]
    out += [f"  column {clean(h)!r} -> {f}" for f, h in q.columns]
    for note in q.notes:
        out += _wrap(note)
    out += _heading("Methodology")
    for k, (badge, text) in words.RUNGS.items():
        out += _wrap(f"{k} {LEVEL_NAMES[k]} ({badge}): {text}")
    out += _wrap(words.BEYOND_LADDER) + _wrap(words.CONTEXT)
    for d in r.rules:
        out += _wrap(f"{d.code} {d.name} [{d.severity}]: {d.why or d.summary or '-'}")
    return out


def render_text(r: Report) -> str:
    lines = _summary(r) + _shape(r) + _findings(r) + _tree(r) + _rest(r)
    return "\n".join(line.rstrip() for line in lines) + "\n"
