"""``orgcheck classify``: how titles map to the ladder, before running an analysis.

People check their own ladder with this ("is our 'Product Lead' a Senior PM?"), so
it must start instantly: no pandas import anywhere on this path.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import click

from orgcheck.commands import CONTEXT_SETTINGS
from orgcheck.errors import UsageError

FORMATS = ("table", "json", "csv")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_titles(args: tuple[str, ...], file: str | None) -> list[str]:
    """Titles from the command line and from --file (one a line; '-' is stdin)."""
    titles = [t for t in args if t.strip()]
    if file:
        try:
            if file == "-":
                text = sys.stdin.read()
            else:
                with open(file, encoding="utf-8-sig") as fh:
                    text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read titles from {file}: {exc}") from None
        titles += [line.strip() for line in text.splitlines() if line.strip()]
    if not titles:
        raise UsageError(
            "no titles given",
            hint='example: orgcheck classify "Sr. PM, Growth"  or  --file titles.txt',
        )
    return titles


def load_classifier(config_path: str | None, title_map: str | None):
    """A Classifier from the configuration (when there is one) plus --title-map."""
    from orgcheck.titles import Classifier

    try:
        from orgcheck import config as config_mod
    except ImportError:  # built before the configuration module existed
        config_mod = None
    if config_mod is None and config_path:
        raise UsageError("--config is not supported by this build")
    cfg = config_mod.load_config(config_path) if config_mod is not None else None
    return Classifier.from_config(cfg, title_map=title_map)


def safe_cell(value: Any) -> str:
    """Spreadsheet-safe text: a cell starting with = + - @ would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_rows(titles: list[str], classifier) -> list[dict[str, Any]]:
    """Distinct titles in first-seen order, each a SPEC §5 ``titles`` object."""
    counts: dict[str, int] = {}
    for t in titles:
        counts[t] = counts.get(t, 0) + 1
    return [classifier.classify(t).to_json(t, n) for t, n in counts.items()]


def render_table(rows: list[dict[str, Any]]) -> str:
    heads = ("TITLE", "RUNG", "FUNCTION", "CONF", "WHY")
    cells = [
        (
            r["title"] if len(r["title"]) <= 48 else r["title"][:47] + "…",
            str(r["level"]) if r["level"] is not None else "-",
            r["function"],
            f"{r['confidence']:.2f}",
            r["reason"],
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads[:-1])]
    lines = []
    for row in [heads, *cells]:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        )
    return "\n".join(line.rstrip() for line in lines) + "\n"


def render_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    fields = ["title", "count", "level", "function", "confidence", "reason"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for r in rows:
        writer.writerow([safe_cell("" if r[f] is None else r[f]) for f in fields])
    return out.getvalue()


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("titles", nargs=-1)
@click.option(
    "--file", "-f", "file", metavar="F", help="Read titles from F, one a line ('-' = stdin)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for reading, json (SPEC titles objects) or csv for tools.",
)
@click.option("--title-map", metavar="CSV", help="title,level overrides (level 1-6 or none).")
@click.option(
    "--config", "config_path", metavar="PATH", help="orgcheck.toml to read [ladder] from."
)
def classify(
    titles: tuple[str, ...],
    file: str | None,
    fmt: str,
    title_map: str | None,
    config_path: str | None,
) -> None:
    """Show where job titles sit on the product ladder, and why.

    \b
    Examples:
        orgcheck classify "Sr. PM, Growth" "Head of Product"
        orgcheck classify --file titles.txt --format json
        cut -d, -f3 people.csv | orgcheck classify --file - --format csv
    """
    classifier = load_classifier(config_path, title_map)
    rows = to_rows(read_titles(titles, file), classifier)
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = render_csv(rows)
    else:
        text = render_table(rows)
    click.echo(text, nl=False)
