"""Writing outputs so that a failed or interrupted run leaves nothing half-written.

Every output goes to a temporary file beside its destination and is renamed into
place only once complete: a rename within one folder is atomic, so a reader sees
either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from orgcheck.errors import UsageError


def check_destination(dest: Path, inputs: list[Path]) -> None:
    """Refuse before any work is done when the output cannot be written or would clobber input."""
    folder = dest.parent if str(dest.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            f"cannot write {dest}: the folder {folder} does not exist",
            hint="create the folder first, or choose another path with -o",
        )
    if dest.is_dir():
        raise UsageError(f"cannot write {dest}: it is a folder", hint="give a file name with -o")
    for src in inputs:
        with contextlib.suppress(OSError):
            if dest.exists() and dest.resolve() == src.resolve():
                raise UsageError(
                    f"refusing to overwrite the input file {src} with the report",
                    hint="choose another output path with -o",
                )
    if not os.access(folder, os.W_OK):
        raise UsageError(
            f"cannot write {dest}: the folder {folder} is not writable",
            hint="choose a writable place with -o",
        )


Writer = Callable[[TextIO], None]


def write_atomic(dest: Path | str, content: str | Writer) -> None:
    """Write to dest via a temporary file and an atomic rename; '-' means stdout.

    ``content`` is the text, or a function that writes it to a file object (so a large
    document can be streamed rather than held in memory whole).
    """
    write: Writer = (lambda fh: fh.write(content)) if isinstance(content, str) else content
    if str(dest) == "-":
        try:
            write(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader went away (`| head`): stop quietly with the shell's SIGPIPE code
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(141) from None
        return
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(
            f"cannot write {dest}: {exc.strerror or exc}",
            hint="choose a writable place with -o",
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise UsageError(
                f"cannot write {dest}: {exc.strerror or exc}",
                hint="check free disk space and permissions, or choose another path with -o",
            ) from None
        raise
