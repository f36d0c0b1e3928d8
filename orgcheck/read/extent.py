"""How far a worksheet's cells reach, checked before calamine builds its dense grid.

calamine stores a sheet as a full rectangle from the first to the last cell, so a
hostile .xlsx with one cell at A1 and one at XFD1048576 would ask for 17 billion
cells and kill the process (a Rust allocation failure cannot be caught). Scanning the
sheet XML as it inflates, with a few regex searches per chunk rather than per cell,
bounds the rectangle first; the exact extent is computed only when the quick bound is
too large.

A plain sheet (see ``sheetxml``) is instead parsed here, once: its rectangle is then
known exactly, and the parsed cells are kept for the reader, so its XML is neither
inflated nor searched a second time.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
import zipfile
from pathlib import Path

from orgcheck.read import sheetxml
from orgcheck.read.limits import Limits, over
from orgcheck.read.sniff import zip_damaged

CHUNK = 8 * 1024 * 1024
EXCEL_ROWS = 1_048_576
# Quick classes by regex search (a search stops at its first hit and rarely hits):
_WIDE = re.compile(rb'r="(?:[A-Z]{2}|[A-Z]{0,3}[0-9]{8})')  # column >= AA, or row >= 10^7
_COL3 = re.compile(rb'r="[A-Z]{3}[0-9]')
_ROW8 = re.compile(rb'r="[A-Z]{0,3}[0-9]{8}')
_ROW7 = re.compile(rb'r="[A-Z]{0,3}[0-9]{7}"')
_ROW6 = re.compile(rb'r="[A-Z]{0,3}[0-9]{6}"')
_REF = re.compile(rb'r="([A-Z]{1,3})([0-9]{1,9})"')
_ROW_REF = re.compile(rb'<row\b[^>]*?\sr="([0-9]{1,9})"')
_ESCAPED = sheetxml.ESCAPED


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip whose members would inflate past the limit (a zip bomb), unopened."""
    with zip_damaged(path, "the workbook's zip structure"), zipfile.ZipFile(path) as z:
        infos = z.infolist()
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise over(
            "max_uncompressed_bytes",
            total,
            limits,
            "the workbook would inflate to this many bytes",
            path=str(path),
        )


#: A size check made by ``begin`` ahead of the read, per thread: (file, limits, answer).
_BEGUN = threading.local()


def begin(path: Path, limits: Limits) -> None:
    """The size check of ``path`` ahead of ``read_table`` (see ``orgcheck.read.begin``),
    kept for its ``check_sheets`` with the same limits. Raises what the check raises.

    While a helper process parses a big sheet, this process imports pandas and the
    modules of the rest of the read (``sheetxml.meanwhile``)."""
    _BEGUN.done = None
    check_zip(path, limits)
    sheetxml.meanwhile([] if "pandas" in sys.modules else [_import_the_rest])
    try:
        escaped = check_sheets(path, limits)
    finally:
        sheetxml.meanwhile([])
    _BEGUN.done = (sheetxml.file_identity(path), limits, escaped)


def _import_the_rest() -> None:
    """pandas, and the modules the rest of the read and the org builder run."""
    for module in ("pandas", "orgcheck.read.header", "orgcheck.read.workbook", "orgcheck.build"):
        importlib.import_module(module)


def check_sheets(path: Path, limits: Limits) -> bool:
    """Refuse a workbook whose sheet rectangle would exceed ``max_cells``.

    Returns whether any cell text holds an HTML entity, found on the same pass, so the
    reader only unescapes cells when there is something to unescape.

    Plain sheets parsed here are kept for the reader of this one read: whatever an
    earlier read left behind is dropped first."""
    begun, _BEGUN.done = getattr(_BEGUN, "done", None), None
    if begun is not None and begun[1] == limits and begun[0] == sheetxml.file_identity(path):
        return begun[2]  # ``begin`` checked this very file: its sheets are kept
    sheetxml.forget_checked()
    try:
        with zip_damaged(path, "the workbook's compressed data"):
            return _check(path, limits)
    except BaseException:  # a refused workbook is not read: keep none of it
        sheetxml.forget_checked()
        raise


def _check(path: Path, limits: Limits) -> bool:
    escaped = False
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name = info.filename
            if name == "xl/sharedStrings.xml":
                book = sheetxml.book_checked(path, z)  # read once, for the plain sheets too
                found = book.escaped if book else any(_ESCAPED.search(c) for c in _chunks(z, info))
                escaped = escaped or found
            if not _is_sheet(z, info):
                continue
            parsed = sheetxml.parse_checked(path, z, info)
            if parsed is not None and _within(parsed, limits):
                escaped = escaped or parsed.escaped or bool(_ESCAPED.search(parsed.outside))
                continue
            sheetxml.forget_checked(name)
            rows, cols, inline, unreferenced = _columns_bound(z, info)
            escaped = escaped or inline
            if rows * cols > limits.max_cells:
                rows = _rows_bound(z, info)
            if rows * cols > limits.max_cells:
                rows, cols = _exact(z, info)
                cols = max(cols, unreferenced)
            if rows * cols > limits.max_cells:
                raise over(
                    "max_cells",
                    rows * cols,
                    limits,
                    f"cells in the rectangle of {name} ({rows:,} rows x {cols:,} columns)",
                    path=str(path),
                )
    return escaped


def _within(parsed: sheetxml.Parsed, limits: Limits) -> bool:
    """A plain sheet's rectangle, measured exactly while it was parsed, is within
    ``max_cells``: the sheet needs no scan of its own. The XML around sheetData is
    measured the way ``_exact`` measures a whole sheet."""
    rows, cols = _exact_in(parsed.outside)
    rows = max(rows, parsed.rows + parsed.outside.count(b"<row"))
    cols = max(cols, parsed.cols)
    cols = max(cols, _cells_without_reference(parsed.outside))
    return rows * cols <= limits.max_cells


def _is_sheet(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A worksheet wherever the package keeps it: calamine follows the workbook's
    relationships, so a sheet moved out of xl/worksheets/ must be checked too."""
    name = info.filename
    if not name.endswith(".xml") or name == "xl/sharedStrings.xml":
        return False
    if name.startswith("xl/worksheets/"):
        return True
    return any(b"sheetData" in chunk for chunk in _chunks(z, info))


def _cells_without_reference(chunk: bytes) -> int:
    """Most cells in one row of this chunk when some cells carry no ``r`` attribute
    (optional in the format: such cells follow one another), else 0.

    Only tags that start at least 6 bytes before the chunk's end are compared, so one
    cut in two at the end (``<c r`` | ``="B7"``) does not look unreferenced; the next
    chunk starts with those bytes. Two counts settle the usual case, where every tag
    starting ``<c`` is a referenced cell."""
    end = len(chunk)
    refs = chunk.count(b'<c r="')
    if chunk.count(b"<c", 0, end - 4) == refs:
        return 0
    tags = chunk.count(b"<c ", 0, end - 3) + chunk.count(b"<c>", 0, end - 3)
    if tags + chunk.count(b"<c/>", 0, end - 2) <= refs:
        return 0
    return max(r.count(b"<c ") + r.count(b"<c>") + r.count(b"<c/>") for r in chunk.split(b"<row"))


def _chunks(z: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The member's bytes in overlapping chunks, so no reference is cut in two."""
    tail = b""
    with z.open(info) as fh:
        while block := fh.read(CHUNK):
            yield tail + block
            tail = block[-64:]


def _columns_bound(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int, bool, int]:
    """(rows, columns) upper bounds from one usually fruitless search per chunk, whether
    inline text holds an escaped entity, and the widest run of unreferenced cells."""
    rows, cols, escaped, unreferenced = EXCEL_ROWS, 26, False, 0
    for chunk in _chunks(z, info):
        escaped = escaped or bool(_ESCAPED.search(chunk))
        unreferenced = max(unreferenced, _cells_without_reference(chunk))
        cols = max(cols, unreferenced)
        if rows == EXCEL_ROWS and cols == 26 and not _WIDE.search(chunk):
            continue
        if cols < 16_384:
            cols = 16_384 if _COL3.search(chunk) else max(cols, 702 if _WIDE.search(chunk) else 26)
        if rows == EXCEL_ROWS and _ROW8.search(chunk):
            rows = 10**9
    return rows, cols, escaped, unreferenced


def _rows_bound(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    rows = 99_999
    for chunk in _chunks(z, info):
        if _ROW8.search(chunk):
            return 10**9
        if rows < EXCEL_ROWS and _ROW7.search(chunk):
            rows = EXCEL_ROWS
        elif rows < 999_999 and _ROW6.search(chunk):
            rows = 999_999
    return rows


def _exact(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """The rectangle from cell and row references, and from the number of row tags
    (rows without a reference follow one another)."""
    rows = cols = row_tags = 0
    for chunk in _chunks(z, info):
        row_tags += chunk.count(b"<row")
        chunk_rows, chunk_cols = _exact_in(chunk)
        rows, cols = max(rows, chunk_rows), max(cols, chunk_cols)
    return max(rows, row_tags), cols


def _exact_in(chunk: bytes) -> tuple[int, int]:
    """Largest row and column the references in these bytes name (0, 0 if none)."""
    rows = cols = 0
    for digits in _ROW_REF.findall(chunk):
        rows = max(rows, int(digits))
    for letters, digits in _REF.findall(chunk):
        rows = max(rows, int(digits))
        col = 0
        for ch in letters:
            col = col * 26 + ch - 64
        cols = max(cols, col)
    return rows, cols


_ODS_ROW = re.compile(
    rb'<table:table-row\b[^>]*?number-rows-repeated="([0-9]+)"[^>]*>(.*?)'
    rb"</table:table-row>",
    re.S,
)
_ODS_CELL = re.compile(rb'<table:table-cell\b[^>]*?number-columns-repeated="([0-9]+)"[^>]*>')


def check_ods(path: Path, limits: Limits) -> bool:
    """OpenDocument repeats identical rows and cells by count; calamine expands every
    repeat that holds a value, so a two-cell file can ask for billions of cells."""
    damaged = zip_damaged(path, "the spreadsheet's content", "open it and save it again")
    with damaged, zipfile.ZipFile(path) as z:
        content = z.read("content.xml")
    cols = max(
        (int(m.group(1)) for m in _ODS_CELL.finditer(content) if b"value-type" in m.group(0)),
        default=1,
    )
    rows = sum(int(m.group(1)) for m in _ODS_ROW.finditer(content) if b"value-type" in m.group(2))
    if cols > limits.max_columns:
        raise over("max_columns", cols, limits, "repeated cells in one row", path=str(path))
    if rows > limits.max_rows:
        raise over("max_rows", rows, limits, "repeated rows", path=str(path))
    if rows * cols > limits.max_cells:
        raise over("max_cells", rows * cols, limits, "repeated cells", path=str(path))
    return bool(_ESCAPED.search(content))
