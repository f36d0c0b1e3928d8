"""Read an HR export into a RawTable: ``read_table(path, sheet=None, limits=None)``.

The real format is decided from the bytes (``sniff``), each format has one small
reader producing a text ``Grid``, and ``header`` turns any grid into a RawTable. Every
way a file can be unusable ends as an ``InputError`` (or ``LimitError``) naming the
file and what to do; nothing else escapes for a bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from orgcheck.errors import InputError, LimitError, UsageError
from orgcheck.model import RawTable
from orgcheck.read.limits import Limits, over

if TYPE_CHECKING:  # importing the package imports no pandas (see ``begin``)
    from orgcheck.read.grid import Grid

__all__ = ["Limits", "RawTable", "begin", "read_table"]

_WORKBOOK_KINDS = ("xlsx", "xlsb", "xls", "ods")
SUPPORTED = ".csv .tsv .txt .xlsx .xlsm .xls .ods"
#: Names of documents that are no table; text under such a name is read, but doubted.
_DOCUMENT_SUFFIXES = frozenset(
    [
        ".pdf",
        ".doc",
        ".docx",
        ".ppt",
        ".pptx",
        ".odt",
        ".odp",
        ".rtf",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".tif",
        ".tiff",
        ".webp",
        ".numbers",
        ".pages",
        ".key",
        ".zip",
        ".gz",
        ".7z",
        ".rar",
    ]
)


def begin(path, limits: Limits | None = None) -> None:
    """Start reading ``path`` before pandas is imported; ``read_table`` of the same file
    with the same limits then goes on from there. Never raises: whatever is wrong with
    the file, ``read_table`` finds it again and says so.

    For a workbook this is the size check, which parses its plain sheets; a big sheet
    is parsed with a helper process, and this process imports pandas while the helper
    works (0.2 s that the read of a 100,000-row workbook then hides). Other files: nothing.
    """
    from orgcheck.read import extent, sniff

    try:
        p = Path(path)
        size = sniff.open_checked(p)
        if size > (limits or Limits()).max_uncompressed_bytes:
            return
        if sniff.kind(p, sniff.read_head(p)) == "xlsx":
            extent.begin(p, limits or Limits())
    except Exception:  # read_table meets it again and reports it
        return


def read_table(path, sheet: str | None = None, limits: Limits | None = None) -> RawTable:
    """Read one export; ``sheet`` picks a workbook sheet by name (else the people sheet)."""
    from orgcheck.read import sniff
    from orgcheck.read.header import to_raw

    limits = limits or Limits()
    p = Path(path)
    name = str(path)
    size = sniff.open_checked(p)
    if size > limits.max_uncompressed_bytes:
        raise over("max_uncompressed_bytes", size, limits, "bytes in the file", path=name)
    head = sniff.read_head(p)
    kind = sniff.kind(p, head)
    notes: list[str] = []
    if kind in _WORKBOOK_KINDS:
        grid, notes = _read_workbook(p, kind, sheet, limits)
        return _finish(to_raw(grid, name, limits, size), notes)
    if sheet is not None:
        raise UsageError(
            f"--sheet {sheet!r} given but the file is not a workbook",
            path=name,
            hint="leave out --sheet for .csv and text files",
        )
    if kind == "encrypted":
        raise InputError(
            "the workbook is password-protected (encrypted)",
            path=name,
            hint="open it in Excel, remove the password (File > Info > "
            "Protect Workbook), save it and run orgcheck again",
        )
    if kind in sniff.DOCUMENTS:
        raise InputError(
            f"this is {sniff.DOCUMENTS[kind]}, not a spreadsheet",
            path=name,
            hint="export the people list from the HR system as CSV or Excel "
            f"(orgcheck reads {SUPPORTED})",
        )
    if kind == "zip-other":
        raise InputError(
            "this is a zip archive but not a spreadsheet",
            path=name,
            hint="unzip it and give the .xlsx or .csv inside",
        )
    if kind == "xml2003":
        raise InputError(
            "this is an Excel 2003 XML spreadsheet, which orgcheck does not read",
            path=name,
            hint="open it in Excel and save it as .xlsx",
        )
    data = _read_bytes(p)
    if kind == "html":
        from orgcheck.read.htmltable import read_html

        grid = read_html(p, data)
        notes = [_renamed_note(p, "an HTML table")] if p.suffix.lower() != ".html" else []
    else:
        return _read_text(p, data, limits, size)
    del data
    return _finish(to_raw(grid, name, limits, size), notes)


def _read_text(p: Path, data: bytes, limits: Limits, size: int) -> RawTable:
    """A delimited text file; text named like a PDF or Word file is read but doubted.

    If such a file does not read as a table, the refusal says it is not a spreadsheet
    rather than quoting a CSV detail ("no data rows") that would puzzle its owner.
    """
    from orgcheck.read.delimited import read_delimited
    from orgcheck.read.header import to_raw

    suffix = p.suffix.lower()
    notes = []
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb") or suffix in _DOCUMENT_SUFFIXES:
        notes = [_renamed_note(p, "delimited text")]
    try:
        return _finish(to_raw(read_delimited(p, data, limits), str(p), limits, size), notes)
    except InputError as err:
        if suffix not in _DOCUMENT_SUFFIXES or isinstance(err, LimitError):
            raise
        raise InputError(
            f"the file is named {p.suffix} but holds plain text that is not a people "
            f"table ({err.message})",
            path=str(p),
            hint=f"export the people list as CSV or Excel (orgcheck reads {SUPPORTED})",
        ) from None


def _finish(raw: RawTable, notes: list[str]) -> RawTable:
    raw.notes[:0] = notes
    return raw


def _renamed_note(p: Path, what: str) -> str:
    return f"the file is named {p.suffix} but holds {what}; read as such"


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=str(p)) from None
    except MemoryError:
        raise InputError("the file is too large to read into memory", path=str(p)) from None


def _read_workbook(p: Path, kind: str, sheet: str | None, limits: Limits):
    from orgcheck.read import extent, workbook
    from orgcheck.read.choose import choose_sheet

    if kind in ("xlsx", "xlsb", "ods"):
        extent.check_zip(p, limits)
    escaped = True  # unknown for .xls/.xlsb: the reader looks at the cells instead
    if kind in ("xlsx", "ods"):
        escaped = (extent.check_sheets if kind == "xlsx" else extent.check_ods)(p, limits)
    wb = workbook.open_workbook(p, kind)
    notes = []
    expected = {"xlsx": (".xlsx", ".xlsm"), "xlsb": (".xlsb",), "xls": (".xls",), "ods": (".ods",)}[
        kind
    ]
    if p.suffix.lower() not in expected:
        notes.append(_renamed_note(p, f"a {kind} workbook"))
    if sheet is not None:
        name = workbook.pick_name(wb, sheet, p)
        grid: Grid = workbook.load_sheet(wb, name, p, limits)
        grid.may_escape = escaped
        return grid, [*notes, f"sheet {name!r} (chosen with --sheet)"]
    grid, why = choose_sheet(wb, p, limits)
    grid.may_escape = escaped
    return grid, [*notes, why]
