"""``orgcheck init``: write an ``orgcheck.toml`` holding every default, with comments.

The file is generated from the rule registry, so it lists exactly the rules and
options this version has. No pandas on this path.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from orgcheck.commands import CONTEXT_SETTINGS

DEFAULT_NAME = "orgcheck.toml"


class CannotWrite(click.ClickException):
    """The file cannot be written as asked: exit 2, like every unusable command line."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Same prefix as every other orgcheck error (``orgcheck: error: ...``)."""
        click.echo(f"orgcheck: error: {self.format_message()}", err=True, file=file)


def limit_defaults() -> dict[str, Any]:
    """The reader's ``[limits]`` defaults, when the reader exposes them."""
    from orgcheck.config import _limits_class

    limits = _limits_class()
    if limits is None or not dataclasses.is_dataclass(limits):
        return {}
    return {f.name: f.default for f in dataclasses.fields(limits)}


@click.command("init", context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path | None, force: bool) -> None:
    """Write a commented orgcheck.toml with every setting at its default.

    PATH is the file to write (default ./orgcheck.toml; a folder gets orgcheck.toml).

    \b
    Examples:
        orgcheck init
        orgcheck init config/orgcheck.toml --force
    """
    from orgcheck.config import default_toml

    target = path or Path(DEFAULT_NAME)
    if target.is_dir():
        target = target / DEFAULT_NAME
    if target.exists() and not force:
        raise CannotWrite(f"{target} already exists; use --force to overwrite it")
    if not target.parent.is_dir():
        raise CannotWrite(f"folder {target.parent} does not exist")
    try:
        target.write_text(default_toml(limit_defaults()), encoding="utf-8")
    except OSError as exc:
        raise CannotWrite(f"cannot write {target}: {exc.strerror}") from None
    click.echo(f"wrote {target}")
