"""The command line: a thin layer over the library.

Subcommands are imported only when used, so ``orgcheck --help`` and ``orgcheck rules``
start without loading pandas. Every ``OrgcheckError`` becomes a short message on
stderr and exit code 2; anything else is a bug and says so (traceback with --debug).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import traceback

import click

from orgcheck import __version__
from orgcheck.commands import CONTEXT_SETTINGS
from orgcheck.errors import OrgcheckError

#: command name -> "module:attribute" of its click command
COMMANDS = {
    "analyze": "orgcheck.commands.analyze:analyze",
    "classify": "orgcheck.commands.classify:classify",
    "rules": "orgcheck.commands.rules_cmd:rules",
    "init": "orgcheck.commands.init_cmd:init",
}

EXIT_USAGE = 2


class LazyGroup(click.Group):
    """Imports a subcommand's module only when that subcommand is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="orgcheck")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Audit how a product-management team is built, from an HR export.

    \b
    Example:
        orgcheck analyze team.xlsx            writes team.orgcheck.html
        orgcheck classify "Sr. PM, Growth"    shows how a title maps to the ladder
        orgcheck rules missing-director-layer
    """
    ctx.obj = {"debug": debug}


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: maps every outcome to an exit code."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="orgcheck", standalone_mode=False)
    except OrgcheckError as exc:
        click.echo(f"orgcheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("orgcheck: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("orgcheck: interrupted", err=True)
        sys.exit(130)
    except MemoryError:
        click.echo(
            "orgcheck: error: ran out of memory; try a smaller file or raise the machine's memory",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    except Exception as exc:
        internal_error(exc, debug)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else 0)


def run() -> None:
    """The installed ``orgcheck`` command and ``python -m orgcheck``: :func:`main`, then
    leave without the interpreter's teardown.

    Once the report is written and the summary printed, freeing every module and object
    one by one only delays the shell prompt (about 0.08 s, whatever the org's size); the
    operating system takes the whole process back at once. Standard output and error
    are flushed first. Nothing else is pending by then: reports are written to a
    temporary file and renamed before the command returns, and orgcheck's worker
    threads are joined. Library callers and tests use :func:`main`, which exits
    normally.
    """
    try:
        main()
    except SystemExit as exc:  # main always ends in sys.exit with an int
        code = exc.code
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None: started with the stream closed (>&-)
            with contextlib.suppress(OSError, ValueError):  # a closed pipe (... | head)
                stream.flush()
    os._exit(code or 0)


def internal_error(exc: BaseException, debug: bool) -> None:
    """An unexpected failure is our bug, not the user's: say so and how to report it."""
    if debug:
        traceback.print_exception(exc)
    click.echo(
        f"orgcheck: internal error: {type(exc).__name__}: {exc}\n"
        "  This is a bug in orgcheck. Please report it with the command you ran"
        + ("" if debug else " and the output of the same command with --debug")
        + ".",
        err=True,
    )
