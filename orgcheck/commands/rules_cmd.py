"""``orgcheck rules``: the rule catalogue, or one rule's full documentation.

Reads the registry only: no pandas on this path, so it answers instantly.
"""

from __future__ import annotations

import difflib
import json

import click

from orgcheck.commands import CONTEXT_SETTINGS

FORMATS = ("text", "md", "json")


@click.command("rules", context_settings=CONTEXT_SETTINGS)
@click.argument("rule", required=False, metavar="[NAME|CODE]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for the terminal, md for Markdown, json for tools.",
)
def rules(rule: str | None, fmt: str) -> None:
    """List the rules, or show one rule's documentation and options.

    \b
    Examples:
        orgcheck rules
        orgcheck rules missing-director-layer
        orgcheck rules OC401 --format md
    """
    from orgcheck.rules import REGISTRY, docs, get_rule

    if rule is None:
        if fmt == "json":
            click.echo(json.dumps([docs.rule_json(r) for r in REGISTRY], indent=2))
        elif fmt == "md":
            click.echo(docs.catalogue_markdown(), nl=False)
        else:
            click.echo(docs.catalogue_text())
        return
    found = get_rule(rule)
    if found is None:
        keys = [r.name for r in REGISTRY] + [r.code for r in REGISTRY]
        close = difflib.get_close_matches(rule, keys, n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise click.UsageError(f"no rule called {rule!r}{hint} (`orgcheck rules` lists them)")
    if fmt == "json":
        click.echo(json.dumps(docs.rule_json(found), indent=2))
    elif fmt == "md":
        click.echo(docs.rule_markdown(found), nl=False)
    else:
        click.echo(docs.rule_text(found))
