"""``orgcheck analyze``: one report per input file, exit code like a linter."""

from __future__ import annotations

from pathlib import Path

import click

from orgcheck.commands import CONTEXT_SETTINGS
from orgcheck.errors import InputError, OrgcheckError, UsageError

FORMATS = ("html", "json", "md", "text")
EXTENSIONS = {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".txt": "text"}
SUFFIX = {"html": "html", "json": "json", "md": "md", "text": "txt"}


def parse_columns(pairs: tuple[str, ...]) -> dict[str, str]:
    """``FIELD=HEADER`` pairs from repeated --column options."""
    out: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise UsageError(
                f"--column {pair!r} is not FIELD=HEADER",
                hint='for example: --column title="Business Title"',
            )
        out[field.strip().lower()] = header.strip()
    headers = [h.casefold() for h in out.values()]
    twice = sorted({h for h in out.values() if headers.count(h.casefold()) > 1})
    if twice:
        raise UsageError(
            f"--column gives the header {twice[0]!r} to more than one field",
            hint="each header can hold one field; check the --column options",
        )
    return out


def split_list(values: tuple[str, ...]) -> list[str] | None:
    """--select a,b --select c -> [a, b, c]; None when the option was not given."""
    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return items or None


def choose_format(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output and output != "-" and not Path(output).is_dir():
        ext = Path(output).suffix.lower()
        if ext in EXTENSIONS:
            return EXTENSIONS[ext]
        raise UsageError(
            f"cannot tell the report format from {output!r}",
            hint="use an .html, .json, .md or .txt name, or say --format html|json|md|text",
        )
    return "text" if output == "-" else "html"


def destination(src: Path, output: str | None, fmt: str, many: bool) -> Path | str:
    """Where one input's report goes: -o as given, a folder, or <stem>.orgcheck.<ext> here."""
    name = f"{src.stem}.orgcheck.{SUFFIX[fmt]}"
    if output is None:
        return Path(name)
    if output == "-":
        if many:
            raise UsageError(
                "-o - (standard output) takes one input; several were given",
                hint="give -o an existing folder, or run orgcheck once per file",
            )
        return "-"
    out = Path(output)
    if out.is_dir():
        return out / name
    if many:
        raise UsageError(
            "-o names one file but several inputs were given",
            hint="give -o an existing folder, or run orgcheck once per file",
        )
    return out


def report_writer(result, fmt: str, anonymize: bool):
    """What write_atomic needs: the report text, or for JSON a function that streams it."""
    if fmt == "json":
        from orgcheck.jsonout import write_json

        return lambda fh: write_json(result, fh, anonymize=anonymize)
    from orgcheck.report import render as render_report

    return render_report(result, fmt, anonymize=anonymize)


def clean(text: str) -> str:
    """Spreadsheet text made safe for a terminal: no escape or control characters."""
    from orgcheck.report.text import clean as clean_text

    return clean_text(text)


def summary_line(src: Path, result, dest: Path | str) -> str:
    org, counts = result.org, result.counts()
    product = int((org.people["function"] == "product").sum()) if "function" in org.people else 0
    where = "" if dest == "-" else f" -> {dest}"
    return (
        f"{src}: {len(org):,} people ({product:,} in product), {org.layers} layers; "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info{where}"
    )


def notes_for_user(src: Path, result) -> list[str]:
    """Things the user must know that the report alone would leave them to discover."""
    from orgcheck.rules import skipped_without_tree

    notes = []
    skipped = skipped_without_tree(result.org, result.config)
    if skipped:
        notes.append(
            f"orgcheck: note: {src} has no manager column, so {len(skipped)} rules that need "
            "reporting lines were skipped; if a column holds managers, name it with "
            '--column manager="HEADER"'
        )
    given = getattr(result.config, "company_size", None)
    if given and given < len(result.org):
        notes.append(f"orgcheck: note: {result.metrics.company_size_reason}")
    return notes


def top_findings(result, anonymize: bool, limit: int = 3) -> list[str]:
    """The worst few findings for the terminal, scrubbed of names under --anonymize."""
    from orgcheck.config import SEVERITY_RANK

    ranked = sorted(result.findings, key=lambda f: -SEVERITY_RANK[f.severity])[:limit]
    messages = [f.message for f in ranked]
    if anonymize:
        from orgcheck.report.anonymize import Anonymizer

        messages = Anonymizer(result.org).scrub(messages)
    return [f"  {f.severity:<7} {f.code} {clean(m)}" for f, m in zip(ranked, messages, strict=True)]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", help="Report path ('-' for stdout), or a folder for several inputs."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Report format (default: from -o, else html).",
)
@click.option("--sheet", help="Workbook sheet to read (default: the one that holds people).")
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Use HEADER for FIELD (repeatable).",
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="orgcheck.toml to use."
)
@click.option("--select", multiple=True, help="Only these rules (names, codes or code prefixes).")
@click.option("--ignore", multiple=True, help="Skip these rules (names, codes or code prefixes).")
@click.option(
    "--company-size",
    type=click.IntRange(min=1),
    help="Whole-company headcount when the file holds part of it.",
)
@click.option("--title-map", type=click.Path(path_type=Path), help="CSV of title,level overrides.")
@click.option("--anonymize", is_flag=True, help="Replace names and emails with stable pseudonyms.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def analyze(
    files,
    output,
    fmt,
    sheet,
    columns,
    config_path,
    select,
    ignore,
    company_size,
    title_map,
    anonymize,
    fail_on,
    quiet,
) -> int:
    """Analyse HR exports and write one report per file.

    \b
    Examples:
        orgcheck analyze team.xlsx
        orgcheck analyze export.csv -o report.html --company-size 400
        orgcheck analyze team.xlsx --format json -o - | jq .summary
    """
    from orgcheck import config as config_mod
    from orgcheck.analysis import analyze as run
    from orgcheck.output import check_destination, write_atomic
    from orgcheck.progress import Progress

    fmt = choose_format(output, fmt)
    column_map = parse_columns(columns)
    # settings are checked once, before any file is read: a bad --select is not a file's fault
    cfg = config_mod.load_config(config_path).with_overrides(
        company_size=company_size,
        title_map=title_map,
        select=split_list(select),
        ignore=split_list(ignore),
    )
    fail_on = fail_on or cfg.fail_on
    say = (lambda *a, **k: None) if quiet else click.echo
    to_stdout = output == "-"
    failed, exit_findings = False, 0
    destinations = [destination(src, output, fmt, many=len(files) > 1) for src in files]
    clashes = {str(d) for d in destinations if d != "-" and destinations.count(d) > 1}
    if clashes:
        raise UsageError(
            f"several inputs would write the same report: {', '.join(sorted(clashes))}",
            hint="inputs with the same file name need separate runs with their own -o",
        )
    for src, dest in zip(files, destinations, strict=True):
        try:
            if dest != "-":
                check_destination(Path(dest), list(files))
            progress = Progress()
            try:
                result = run(src, sheet=sheet, columns=column_map, config=cfg, progress=progress)
                progress("render")
                content = report_writer(result, fmt, anonymize)
                progress("write")
                write_atomic(dest, content)
            finally:
                progress.close()
        except OrgcheckError as exc:
            if isinstance(exc, InputError) and exc.path is None:
                exc.path = str(src)
            click.echo(f"orgcheck: error: {exc}", err=True)
            failed = True
            continue
        exit_findings = max(exit_findings, config_mod.exit_code(result.findings, fail_on))
        for note in notes_for_user(src, result):
            click.echo(note, err=True)
        say(summary_line(src, result, dest), err=to_stdout)
        for line in top_findings(result, anonymize):
            say(line, err=to_stdout)
    if failed:
        return 2
    return exit_findings
