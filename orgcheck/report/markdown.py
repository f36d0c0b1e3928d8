"""The report as Markdown, to paste into a document, a wiki or a pull request.

Every value from the spreadsheet goes through ``esc``: Markdown punctuation is
backslash-escaped and ``<``, ``>``, ``&`` become entities, so a name can neither
break a table nor smuggle HTML into a renderer that allows it.
"""

from __future__ import annotations

import re

from orgcheck.model import LEVEL_NAMES
from orgcheck.report import words
from orgcheck.report.structure import FindingView, Report
from orgcheck.report.text import clean

_MD = re.compile(r"([\\`*_\[\]|~])")
_LEAD = re.compile(r"^([#+=-])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def esc(value: object) -> str:
    text = clean(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD.sub(r"\\\1", text)
    # a value opening a list item must not turn it into a heading, rule or new list
    text = _LEAD.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def _table(head: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return out


def _people(f: FindingView) -> str:
    names = [f"{esc(p.name or '(no name)')} ({esc(p.title)})" for p in f.people]
    if f.more_people:
        names.append(f"and {f.more_people:,} more")
    return ", ".join(names)


def _findings(r: Report) -> list[str]:
    out = ["## Findings", ""]
    for g in r.severities:
        out += [f"### {g.label} ({g.count:,})", ""]
        if not g.rules:
            out += ["None.", ""]
        for rg in g.rules:
            out += [f"#### {rg.code} {esc(rg.rule)} ({rg.total:,})", ""]
            if rg.why:
                out += [f"*Why it matters:* {esc(rg.why)}", ""]
            if rg.fix:
                out += [f"*What to do:* {esc(rg.fix)}", ""]
            for f in rg.findings:
                line = f"- {esc(f.message)}"
                if f.people:
                    line += f"  \n  People: {_people(f)}"
                if f.suggestion:
                    line += f"  \n  What to do: {esc(f.suggestion)}"
                out.append(line)
            if rg.more:
                out.append(f"- … {rg.more:,} more in the JSON output")
            out.append("")
    return out


def _summary(r: Report) -> list[str]:
    out = [f"# Org check: {esc(r.source_name)}", ""]
    if r.anonymized:
        out += ["_Names are replaced by pseudonyms._", ""]
    figures = [(label, value) for label, value in r.headline]
    figures += [(words.SEVERITY_LABELS[s], f"{c:,}") for s, c in r.counts.items()]
    out += [*_table([label for label, _ in figures], [[v for _, v in figures]]), ""]
    if r.top:
        out += ["**Read these first**", ""]
        for i, f in enumerate(r.top, 1):
            out.append(f"{i}. **{f.severity}** `{f.code}` {esc(f.rule)}: {esc(f.message)}")
        out.append("")
    return out


def _shape(r: Report) -> list[str]:
    out = ["## The product ladder", "", esc(words.HEALTHY_SHAPE), ""]
    rows = [
        [f"{x.rung} {x.name}", f"{x.count:,}", x.healthy or "—", x.status or "—"] for x in r.ladder
    ]
    out += [*_table(["Rung", "People", "Healthy", "Status"], rows), ""]
    out += ["## Spans and layers", "", esc(words.SPAN_NOTE), ""]
    out += [*_table(["Span band", "Managers", "Share"], [list(x) for x in r.span_rows]), ""]
    out += [*_table(["Layer", "People"], [[b.label, b.text] for b in r.layers.bars]), ""]
    if r.layers_more:
        out += [f"{r.layers_more:,} people sit deeper than the layers shown.", ""]
    return out


def _tree(r: Report) -> list[str]:
    out = ["## Top of the org tree", ""]
    for line in r.tree_lines:
        badge = f"[{line.badge}] " if line.badge else ""
        meta = f" — {line.reports:,} direct, {line.org_size:,} in org" if line.reports else ""
        mark = f" ({line.severity})" if line.severity else ""
        out.append(
            f"{'  ' * line.depth}- {esc(badge)}**{esc(line.name or '(no name)')}**, "
            f"{esc(line.title)}{meta}{mark}"
        )
    if r.tree_more:
        out.append(f"\n{r.tree_more:,} more people are in the HTML report and the JSON output.")
    return [*out, ""]


def _rest(r: Report) -> list[str]:
    out = ["## How titles were read", ""]
    out += [*_table(r.titles.columns, list(r.titles.rows)), ""]
    if r.titles.more:
        out += [f"{r.titles.more:,} more titles are in the JSON output.", ""]
    q = r.quality
    out += ["## Data quality and assumptions", ""]
    out += [f"- {esc(k)}: {esc(v)}" for k, v in q.facts] + [f"- {esc(q.manager_note)}"]
    out += [f"- Left out: {c:,} {esc(reason)}" for reason, c in q.skipped]
    out += [f"- {esc(n)}" for n in q.notes] + [""]
    if q.columns:
        out += [*_table(["Field", "Column in the file"], [list(c) for c in q.columns]), ""]
    out += ["## Methodology", ""]
    rungs = [[f"{k} {LEVEL_NAMES[k]}", v[1]] for k, v in words.RUNGS.items()]
    out += [*_table(["Rung", "What the rung is for"], rungs), ""]
    out += [esc(words.BEYOND_LADDER), "", esc(words.CONTEXT), ""]
    if r.rules:
        rows = [[d.code, d.name, d.severity, d.why or d.summary or "—"] for d in r.rules]
        out += [*_table(["Code", "Rule", "Default", "Why it matters"], rows), ""]
    return out


def render_markdown(r: Report) -> str:
    lines = _summary(r) + _shape(r) + _findings(r) + _tree(r) + _rest(r)
    return "\n".join(lines).rstrip() + "\n"
