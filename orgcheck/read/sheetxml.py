"""Plain .xlsx sheets read straight from their XML, column by column, with numpy.

calamine spends about 0.7 us per cell building its grid and then one Python object
per cell (7.3 s + 1.3 s for 10 million cells), and the reader then strips each text
cell again. Most HR exports are plain: every cell a shared string, a number, a bool
or a date, written as ``<c r="B7" s="1" t="s"><v>12</v></c>``. For those, the tags are
found with one vectorised pass per chunk, shared strings are split from their XML in
one go and stripped once per distinct string, and each column is assembled by
indexing. Plain inline text (``<is><t>..</t></is>``, as openpyxl writes) is taken
too, one Python step per cell. Anything else (formulas, rich text, unusual number
formats, cells out of order, a 1904 date system, a DTD, ...) makes
``read_plain_sheet`` answer None, and the caller reads the sheet through calamine as
before: this path only ever gives calamine's own values, and tests compare the two.

The size check (``extent``) parses each plain sheet here once, measures its
rectangle exactly from the parsed references and keeps the result for the reader;
nothing is built densely before that measurement passes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import posixpath
import queue
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

import numpy as np
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from numpy.lib.stride_tricks import sliding_window_view

from orgcheck.read import helper, textlen
from orgcheck.read.celltext import floats_text
from orgcheck.read.helper import Helper
from orgcheck.read.member import Member
from orgcheck.read.sniff import ZIP_ERRORS

CHUNK = 8 * 1024 * 1024
#: Largest shared-strings part split here (a million-row export's is ~50 MB); calamine
#: reads a larger one.
SHARED_MOST = 512 * 1024 * 1024
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: Built-in number formats calamine reads as plain numbers, and as dates.
_NUMBER_FORMATS = frozenset([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49])
_DATE_FORMATS = frozenset([14, 15, 16, 17, 22])
_NUMBER, _DATE = 1, 2  # style kinds; 0 = not handled here
#: Whole date serials this path converts: 1900-03-01 (after Excel's phantom 29 Feb
#: 1900) to 9999-12-31; others go to calamine.
_FIRST_SERIAL, _LAST_SERIAL = 61, 2_958_465
_EPOCH = dt.date(1899, 12, 30)
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
#: Text that, once the XML is decoded, still holds an HTML entity ('&amp;amp;' -> '&amp;');
#: the size check (``extent``) looks for it in the parts it scans itself.
ESCAPED = re.compile(rb"&amp;(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});")
#: A damaged zip (as ``sniff`` lists it; ValueError covers UnicodeDecodeError) or XML.
_ERRORS = (*ZIP_ERRORS, ParseError, DefusedXmlException)


class NotPlain(Exception):
    """The sheet uses something this reader leaves to calamine."""


@dataclass
class PlainSheet:
    """One sheet's text columns, as ``workbook.load_sheet`` builds them from calamine."""

    columns: list[np.ndarray]
    first_row: int  # 1-based row of the first column entry
    width: int
    height: int
    longest: int


def read_plain_sheet(path: Path, name: str, check=None) -> PlainSheet | None:
    """The named sheet's text columns, or None when it is not plain (see the module).

    ``check(height, width)`` sees the sheet's shape before any column is built, and
    may refuse it by raising."""
    try:
        return plain_sheet(path, name, check)
    except (NotPlain, *_ERRORS):
        return None


def plain_sheet(path: Path, name: str, check=None) -> PlainSheet:
    """``read_plain_sheet``, raising NotPlain (with the reason) instead of answering None.

    A sheet the size check already parsed (``parse_checked``) is taken from there."""
    with zipfile.ZipFile(path) as z:
        part = _sheet_part(z, name)
        book, parsed = _checked(path, z, part)
        if parsed is None:
            book = book or Book.read(z)
            parsed = parse_sheet(z, z.getinfo(part), book)
    strings, longest = book.strings, book.longest
    if parsed.inline:
        inline = np.fromiter(parsed.inline, dtype=object, count=len(parsed.inline))
        strings = np.concatenate([strings, inline])
        longest = max(longest, textlen.longest(inline))
    return _assemble(parsed.cells, strings, longest, check)


@dataclass
class Book:
    """What the sheets of one workbook share: shared strings (stripped) and styles."""

    strings: np.ndarray
    longest: int  # the longest shared string: a bound for any cell that uses one
    escaped: bool  # a shared string holds an escaped HTML entity ('&amp;amp;')
    kinds: np.ndarray

    @classmethod
    def read(cls, z: zipfile.ZipFile) -> Book:
        """The workbook's shared parts, or NotPlain when they need calamine."""
        _workbook_checks(z)
        names = set(z.namelist())
        strings, escaped = _shared_strings(
            z, "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else None
        )
        kinds = _book_kinds(z)
        return cls(strings, textlen.longest(strings), escaped, kinds)


@dataclass
class Parsed:
    """One worksheet part parsed, with what the size check needs to know of it."""

    cells: _Cells
    inline: list[str]  # inline texts, stripped; cells index them after the shared strings
    rows: int  # largest row number a cell or row tag in sheetData names, or the row count
    cols: int  # largest column a cell in sheetData names
    escaped: bool  # text in sheetData holds an escaped HTML entity ('&amp;amp;')
    outside: bytes  # the part's XML before and after sheetData, for the size check


#: Cells kept that way at most (about 20 bytes each): a workbook of several big sheets
#: must not hold them all at once, as ``choose`` holds one sheet besides the best.
KEEP_CELLS = 20_000_000
#: Sheets parsed by the size check of the last workbook, until the reader takes them;
#: one store per thread, so two threads reading workbooks cannot swap their parts.
_LOCAL = threading.local()


def _kept() -> dict:
    if not hasattr(_LOCAL, "checked"):
        _LOCAL.checked = {"key": None, "book": None, "sheets": {}}
    return _LOCAL.checked


def file_identity(path: Path) -> tuple:
    """What must not change for work kept on a file to still be this file's: its path,
    device, inode, size, modified and changed times (a copy that restores the modified
    time still changes the other)."""
    stat = Path(path).stat()
    file = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    return (str(Path(path).resolve()), file)


def _key(path: Path, z: zipfile.ZipFile) -> tuple:
    """A kept parse's file (``file_identity``) and each zip member's name, size, CRC."""
    members = tuple(
        (i.filename, i.header_offset, i.compress_size, i.file_size, i.CRC) for i in z.infolist()
    )
    return (*file_identity(path), members)


def book_checked(path: Path, z: zipfile.ZipFile) -> Book | None:
    """The workbook's shared parts, read once per size check (None: not plain)."""
    kept = _kept()
    try:
        key = _key(path, z)
        if kept["key"] != key:
            forget_checked()
            kept["key"] = key  # a book found not plain is read once, not once per sheet
            kept["book"] = Book.read(z)
    except (NotPlain, *_ERRORS):
        return None
    return kept["book"]


def parse_checked(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Parsed | None:
    """Parse a worksheet during the size check and keep it for ``read_plain_sheet``, so
    a plain sheet's XML is inflated and scanned once. None: not plain (or the check's
    own scan must look at it)."""
    try:
        parsed = _parse_helped(path, z, info)
    except (NotPlain, *_ERRORS):
        return None
    if parsed is _UNHELPED:
        parsed = _parse_alone(path, z, info)
    if parsed is not None:
        _keep(info, parsed)
    return parsed


def _parse_alone(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Parsed | None:
    try:  # the sheet's first blocks inflate while the shared strings are split
        ahead = _Ahead(z, info)
    except _ERRORS:  # parse_sheet meets it again
        ahead = None
    with ahead or contextlib.nullcontext():
        book = book_checked(path, z)
        if book is None:
            return None
        try:
            parsed = parse_sheet(z, info, book, ahead)
        except (NotPlain, *_ERRORS):
            return None
    return parsed


def _keep(info: zipfile.ZipInfo, parsed: Parsed) -> None:
    sheets = _kept()["sheets"]
    kept = sum(len(p.cells.row) for p in sheets.values())
    if kept + len(parsed.cells.row) <= KEEP_CELLS:  # else the reader parses it again
        sheets[info.filename] = parsed


#: Sheets (inflated bytes) parsed with a helper process: from two pieces on.
HELPED_LEAST = 2 * CHUNK
#: Time to inflate, to parse a byte of a sheet, and to split a byte of shared strings
#: (ns, measured at a million rows): they share the work out between the processes.
_INFLATE_NS, _PARSE_NS, _BOOK_NS = 1.6, 7.8, 13.0


def meanwhile(work: list[Callable[[], None]]) -> None:
    """Work for this thread while a helper parses its part of a sheet, done once
    (``extent.begin`` gives it the imports of the rest of the read, so they cost no
    wall time); per thread, like the parts kept, so another thread's read cannot take
    it."""
    _LOCAL.meanwhile = work


def _meanwhile() -> list[Callable[[], None]]:
    return getattr(_LOCAL, "meanwhile", [])


#: What that work takes, as bytes of sheet this process then parses fewer (0.2 s).
_MEANWHILE_NS = 0.2e9
#: ``_parse_helped`` could not use a helper: parse alone.
_UNHELPED = object()


def _parse_helped(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Parsed | object:
    """``parse_checked``'s work with a helper process: a million-row sheet's numpy
    parse (3 s) and its shared strings (0.9 s) both hold the GIL, so threads cannot
    share them, but a forked process can.

    This process inflates the first part of the sheet, then forks: the helper inherits
    the stream where it stands and inflates and parses the rest, while this process
    splits the shared strings and parses its part. The parts are sized so that both
    end together. This process holds its part's XML (half a sheet, 150 MB at a million
    rows) until it is parsed, where reading alone held two blocks of 8 MB; the peak of
    a million-row read is elsewhere and did not move (0.92 GB with both processes).
    Answers ``_UNHELPED`` when there is no helper to share with (a small
    sheet, an unusual zip member, no fork, the helper failed): ``_parse_alone`` then
    does it all, so the result never depends on the helper."""
    if not helper.ENABLED or info.file_size < HELPED_LEAST:
        return _UNHELPED
    kept = _kept()
    split = kept["key"] == _key(path, z)  # the shared strings: split for another sheet
    if split and kept["book"] is None:
        return None  # another sheet found the workbook's shared parts not plain
    _workbook_checks(z)  # the cheap checks of Book.read, before any inflating
    kinds = _book_kinds(z)  # as Book.read reads them, for the helper
    member = Member.open(z, info)
    if member is None:
        return _UNHELPED
    rows = _Rows(member)
    pieces = iter(rows)
    mine, have, share = [], 0, _own_share(z, info, split)
    while have + CHUNK // 2 <= share and (piece := next(pieces, None)) is not None:
        mine.append(piece)
        have += len(piece)
    # a valued cell takes at least 20 bytes of XML and 15 bytes of arrays
    room = (info.file_size - have) * 15 // 20 + 1024
    aid = Helper.start(_parse_rest, pieces, rows, kinds, room=room)
    if aid is None:
        return _UNHELPED
    with aid:
        work = _meanwhile()
        while work:  # imports the rest of the read needs, while the helper works
            work.pop()()
        book = book_checked(path, z)
        if book is None:
            return None
        out = _Pieces(len(book.strings), kinds)
        while mine:
            out.add(mine.pop(0))
        got = aid.result(timeout=_patience(info.file_size - have))
    if got is None:
        return _UNHELPED
    (meta, outside), arrays = got
    if meta is None:  # the helper's part is not plain (parsed here, it would be too)
        raise NotPlain(outside)
    out.take(meta, arrays)
    return out.parsed(outside)


def _patience(size: int) -> float:
    """Seconds to wait for a helper parsing ``size`` bytes of XML (which takes it about
    0.01 s a MB) before parsing them here instead: it may be stuck on a lock another
    thread held when it was forked."""
    return 30.0 + size / 1e6


def _own_share(z: zipfile.ZipFile, info: zipfile.ZipInfo, split: bool) -> float:
    """Bytes of the sheet this process parses: it also splits the shared strings (unless
    ``split`` already), and the helper also inflates its part."""
    book = _MEANWHILE_NS if _meanwhile() else 0.0
    if "xl/sharedStrings.xml" in z.NameToInfo and not split:
        book += _BOOK_NS * z.getinfo("xl/sharedStrings.xml").file_size
    size = info.file_size
    helper_share = (book + _PARSE_NS * size) / (_INFLATE_NS + 2 * _PARSE_NS)
    return max(size - helper_share, 0.0)


def _parse_rest(pieces: Iterator[bytes], rows: _Rows, kinds: np.ndarray) -> tuple:
    """In the helper: the rest of the pieces, parsed, as ``_Pieces.take`` takes them."""
    out = _Pieces(_FAR, kinds)
    try:
        for piece in pieces:
            out.add(piece)
        meta, arrays = out.sent()
    except (NotPlain, *_ERRORS) as exc:  # the same pieces parsed by the parent, or their
        return (None, str(exc)), []  # XML read again, would come to the same
    return (meta, rows.outside), arrays


def forget_checked(part: str | None = None) -> None:
    """Drop one kept sheet (or all), e.g. one the size check goes on to refuse."""
    kept = _kept()
    if part is None:
        kept.update(key=None, book=None, sheets={})
    else:
        kept["sheets"].pop(part, None)


def _checked(path: Path, z: zipfile.ZipFile, part: str) -> tuple[Book | None, Parsed | None]:
    """The book and the sheet the size check parsed for this file, if it did."""
    kept = _kept()
    try:
        if kept["key"] is None or kept["key"] != _key(path, z):
            return None, None
    except OSError:
        return None, None
    if kept["book"] is None:  # read once already, and found not plain
        raise NotPlain("the size check found the workbook not plain")
    return kept["book"], kept["sheets"].pop(part, None)


@dataclass
class SheetMeta:
    """A sheet's name, type and visibility, written as calamine's metadata prints them."""

    name: str
    typ: str
    visible: str


_STATES = {None: "Visible", "visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}


def sheet_list(path: Path) -> tuple[list[str], list[SheetMeta]] | None:
    """Sheet names and metadata from workbook.xml, when every sheet is an ordinary
    worksheet whose part exists; None sends the workbook to calamine to list."""
    try:
        with zipfile.ZipFile(path) as z:
            _workbook_checks(z)
            rels = _relationships(z)
            names, metadata = [], []
            for sheet in _xml(z, "xl/workbook.xml").iter(f"{_MAIN}sheet"):
                target, typ = rels.get(sheet.get(f"{_REL}id"), (None, None))
                state = sheet.get("state")
                name = sheet.get("name")
                if typ != "worksheet" or target not in z.NameToInfo or state not in _STATES:
                    return None
                names.append(name)
                metadata.append(
                    SheetMeta(name, "SheetTypeEnum.WorkSheet", f"SheetVisibleEnum.{_STATES[state]}")
                )
    except (NotPlain, *_ERRORS):
        return None
    if not names or len(set(names)) != len(names) or not all(names):
        return None
    return names, metadata


def _relationships(z: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """The workbook's relationships: id -> (part, type's last word)."""
    out = {}
    for rel in _xml(z, "xl/_rels/workbook.xml.rels").iter(f"{_PKG}Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        if posixpath.normpath(target) != target:  # calamine takes 'a/../b' literally
            target = ""
        out[rel.get("Id")] = (target, rel.get("Type", "").rsplit("/", 1)[-1])
    return out


def _xml(z: zipfile.ZipFile, part: str):
    return fromstring(z.read(part), forbid_dtd=True)


def _workbook_checks(z: zipfile.ZipFile) -> None:
    """The workbook part where calamine reads it, and the 1900 date system."""
    root_rels = _xml(z, "_rels/.rels")
    books = [
        r.get("Target", "").lstrip("/")
        for r in root_rels.iter(f"{_PKG}Relationship")
        if r.get("Type", "").endswith("/officeDocument")
    ]
    if books != ["xl/workbook.xml"]:
        raise NotPlain("the workbook is not at xl/workbook.xml")
    for element in _xml(z, "xl/workbook.xml").iter():
        # calamine matches the local name, whatever the namespace (or its prefix)
        if not isinstance(element.tag, str) or not element.tag.endswith("workbookPr"):
            continue
        for key, value in element.attrib.items():
            if key.endswith("date1904") and value.lower() not in ("0", "false"):
                raise NotPlain("1904 date system")


def _sheet_part(z: zipfile.ZipFile, name: str) -> str:
    """The worksheet part of the sheet called ``name``, through the relationships.

    (Like calamine, shared strings and styles are read from their usual places,
    xl/sharedStrings.xml and xl/styles.xml, whatever the relationships say.)"""
    targets = {rid: part for rid, (part, _typ) in _relationships(z).items()}
    workbook = _xml(z, "xl/workbook.xml")
    ids = [s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == name]
    if len(ids) != 1 or ids[0] not in targets:
        raise NotPlain("sheet not found by name")
    return targets[ids[0]]


def _book_kinds(z: zipfile.ZipFile) -> np.ndarray:
    """The workbook's style kinds, from xl/styles.xml where calamine reads them."""
    return _style_kinds(z, "xl/styles.xml" if "xl/styles.xml" in z.NameToInfo else None)


def _style_kinds(z: zipfile.ZipFile, part: str | None) -> np.ndarray:
    """Per cell style (``s``): 1 number, 2 date, 0 a format left to calamine.

    Format ids must be written plainly ('14', not '014' or ' 14'): calamine looks
    built-in formats up by their text, where Python's int() reads all of them as 14."""
    if part is None:
        return np.array([_NUMBER], dtype=np.int8)
    styles = _xml(z, part)
    if styles.tag != f"{_MAIN}styleSheet":  # calamine matches local names only
        raise NotPlain("styles outside the spreadsheet namespace")
    codes = {
        _format_id(f.get("numFmtId")): f.get("formatCode", "")
        for f in styles.iter(f"{_MAIN}numFmt")
    }
    kinds = []
    for xfs in styles.iter(f"{_MAIN}cellXfs"):
        for xf in xfs.iter(f"{_MAIN}xf"):
            fmt = _format_id(xf.get("numFmtId", "0"))
            if fmt in codes:
                kinds.append(_code_kind(codes[fmt]))
            elif fmt in _NUMBER_FORMATS:
                kinds.append(_NUMBER)
            else:
                kinds.append(_DATE if fmt in _DATE_FORMATS else 0)
    return np.array(kinds or [_NUMBER], dtype=np.int8)


_FORMAT_ID = re.compile(r"0|[1-9][0-9]{0,4}")


def _format_id(text: str | None) -> int:
    if text is None or not _FORMAT_ID.fullmatch(text):
        raise NotPlain("a number format id not written plainly")
    return int(text)


_DATE_LETTERS = frozenset("ymdhs")


def _code_kind(code: str) -> int:
    """A custom number format: plain number codes and y/m/d-only date codes are handled.

    Read as calamine reads it: only the part before the first ';' outside quotes
    counts (at that ';' calamine answers 'not a date'), quoted text and a character
    after a backslash are literal, and an unclosed quote runs to the end. Brackets,
    fills and skips are left to calamine."""
    if code.strip().casefold() in ("general", "@"):
        return _NUMBER
    if "[" in code or "*" in code or "_" in code:
        return 0
    letters: set[str] = set()
    quoted = escaped = False
    for ch in code:
        if escaped:
            escaped = False
        elif quoted:
            quoted = ch != '"'
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = True
        elif ch == ";":
            break
        elif ch.isalpha():
            letters.add(ch.casefold())
    if not letters or letters == {"e"}:
        return _NUMBER
    # a date, or a date and time of day (whole serials only ever reach the text here,
    # and calamine's midnight datetime reads as the date alone)
    dated = letters <= _DATE_LETTERS and bool(letters & {"y", "d"})
    return _DATE if dated else 0


def _shared_strings(z: zipfile.ZipFile, part: str | None) -> tuple[np.ndarray, bool]:
    """Stripped text of each shared string, split from the XML at once, and whether
    the XML holds an escaped HTML entity (as the size check's scan would find).

    Only the plain form ``<si><t>text</t></si>`` (one after another, nothing between)
    is taken; rich text, whitespace between items, comments or CDATA do not split
    evenly and send the sheet to calamine."""
    if part is None:
        return np.empty(0, dtype=object), False
    if z.getinfo(part).file_size > SHARED_MOST:  # held about four times over while split
        raise NotPlain("shared strings too large to split at once")
    data = z.read(part)
    if b"<!" in data or b"\r" in data or b"_x" in data:  # DTD, CDATA; CR and _xHHHH_ escapes
        raise NotPlain("shared strings need an XML parser")
    escaped = bool(ESCAPED.search(data))
    text = data.decode("utf-8")
    if '<t xml:space="preserve">' in text:
        text = text.replace('<t xml:space="preserve">', "<t>")
    start = text.find("<sst")
    opened = text.find(">", start) + 1
    end = text.rfind("</sst>")
    if start < 0 or opened <= 0 or end < opened or text[opened - 2] == "/":
        raise NotPlain("no plain sst element")
    if end == opened:
        return np.empty(0, dtype=object), escaped
    if not text.startswith("<si><t>", opened) or not text.endswith("</t></si>", opened, end):
        raise NotPlain("shared strings are not all plain")
    items = text[opened + 7 : end - 9].split("</t></si><si><t>")
    if text.count("<", opened, end) != 4 * len(items):  # so no item holds a tag of its own
        raise NotPlain("shared strings are not all plain")
    if text.find("&", opened, end) >= 0:
        items = [_unescape(s) if "&" in s else s for s in items]
    out = np.fromiter(map(str.strip, items), dtype=object, count=len(items))
    return out, escaped


def _unescape(s: str) -> str:
    """XML's five entities and character references, as calamine's parser reads them."""

    def one(m: re.Match) -> str:
        if m.group(1):
            return _NAMED[m.group(1)]
        code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
        if (code < 0x20 and code not in (9, 10, 13)) or 0xD800 <= code < 0xE000 or code > 0x10FFFF:
            raise NotPlain("unusual character reference")
        if code == 13:
            raise NotPlain("carriage return")
        return chr(code)

    out = _ENTITY.sub(one, s)
    if "&" in _ENTITY.sub("", s):
        raise NotPlain("an entity XML does not define")
    return out


@dataclass
class _Cells:
    """Every valued cell, in sheet order: position and what it holds."""

    row: np.ndarray  # 1-based
    col: np.ndarray  # 1-based
    kind: np.ndarray  # 0 string, 1 number, 2 bool, 3 date
    number: np.ndarray  # float64: the value, or the string's index (exact below 2**53)


def parse_sheet(
    z: zipfile.ZipFile, info: zipfile.ZipInfo, book: Book, ahead: _Ahead | None = None
) -> Parsed:
    """A worksheet part's cells, parsed a chunk of whole rows at a time (from ``ahead``
    when the part is already being inflated)."""
    out = _Pieces(len(book.strings), book.kinds)
    with ahead or _Ahead(z, info) as fh:
        rows = _Rows(fh)
        for piece in rows:
            out.add(piece)
    return out.parsed(rows.outside)


class _Rows:
    """The XML in a worksheet's sheetData as pieces of whole rows, each cut at the last
    row end in about ``CHUNK`` bytes. Once all are read, ``outside`` is the part's XML
    before and after sheetData."""

    def __init__(self, fh: _Ahead | Member) -> None:
        self._fh = fh
        self.outside = b""

    def __iter__(self) -> Iterator[bytes]:
        fh = self._fh
        data = fh.read(CHUNK)
        at = data.find(b"<sheetData")
        opened = data.find(b">", at)
        if at < 0 or opened < 0 or b"<!" in data[:at]:  # a DTD, or a header past 8 MB
            raise NotPlain("no sheetData early in the sheet")
        if data[opened - 1 : opened] == b"/":
            raise NotPlain("an empty sheet")
        head, data = data[: opened + 1], data[opened + 1 :]
        while True:
            end = data.find(b"</sheetData>")
            cut = data.rfind(b"</row>")
            piece = data[:end] if end >= 0 else data[: cut + len(b"</row>")] if cut >= 0 else b""
            if piece:
                yield piece
            data = data[len(piece) :]
            if end >= 0:
                break
            if len(data) > CHUNK:  # a row longer than a chunk: not joined block by block
                raise NotPlain("a row longer than a chunk")
            block = fh.read(CHUNK)
            if not block:
                raise NotPlain("sheetData not closed")
            data += block
        tail = data + fh.read(CHUNK + 1)
        if len(tail) > CHUNK:  # the size check scans a long tail in chunks instead
            raise NotPlain("much XML after sheetData")
        self.outside = head + tail


#: Shared-string indices a helper gives its inline texts (it does not know how many
#: shared strings there are): above any index ``_whole`` reads, exact in a float64.
_FAR = 2**52


class _Pieces:
    """Cells parsed piece by piece, with what the size check needs to know of them."""

    def __init__(self, n_strings: int, kinds: np.ndarray) -> None:
        self.n_strings, self.kinds = n_strings, kinds
        self.cells: list[_Cells] = []
        self.inline: list[str] = []
        self.rows = self.cols = self.row_tags = 0
        self.escaped = False

    def add(self, piece: bytes) -> None:
        self.escaped = self.escaped or bool(ESCAPED.search(piece))
        cells, extent = _parse(piece, self.n_strings, self.kinds, self.inline)
        self._count(cells, extent)

    def _count(self, cells: _Cells, extent: tuple[int, int, int]) -> None:
        self.cells.append(cells)
        self.rows, self.cols = max(self.rows, extent[0]), max(self.cols, extent[1])
        self.row_tags += extent[2]

    def sent(self) -> tuple[tuple, list[np.ndarray]]:
        """What a helper sends back: its pieces' cells as arrays, and the rest."""
        cells = _cells_of(self.cells)
        meta = ((self.rows, self.cols, self.row_tags), self.escaped, self.inline)
        return meta, [cells.row, cells.col, cells.kind, cells.number]

    def take(self, meta: tuple, arrays: list[np.ndarray]) -> None:
        """Add a helper's cells (see ``sent``), made with ``_FAR`` for the count of
        shared strings: their indices are checked now, and inline texts renumbered."""
        extent, escaped, inline = meta
        cells = _Cells(*arrays)
        text = cells.kind == 0
        far = text & (cells.number >= _FAR)
        if (cells.number[text & ~far] >= self.n_strings).any():
            raise NotPlain("a shared-string index that is not one")
        cells.number[far] += self.n_strings + len(self.inline) - _FAR
        self.inline.extend(inline)
        self.escaped = self.escaped or escaped
        self._count(cells, extent)

    def parsed(self, outside: bytes) -> Parsed:
        rows = max(self.rows, self.row_tags)
        return Parsed(_cells_of(self.cells), self.inline, rows, self.cols, self.escaped, outside)


#: Blocks (of ``CHUNK`` bytes) the inflating thread may hold ready for the parser.
AHEAD = 2
PIECE = 256 * 1024


class _Ahead:
    """A zip member read in blocks that a worker thread inflates ahead of the reader.

    zlib's inflate and CRC release the GIL, so on two cores a sheet's inflation (a
    fifth of a million-row sheet's parse) runs while the numpy parse of the block
    before goes on. At most ``AHEAD`` blocks wait, so memory stays bounded. The member
    is opened here (an error opening it is raised as before); the worker's error (a
    damaged member, a bad CRC) is raised by the ``read`` that reaches it, as the
    member's own read would have raised it there. Leaving the ``with`` (done,
    NotPlain, or any error) stops the worker, joins it and closes the member: no
    thread or file handle outlives the read."""

    def __init__(self, z: zipfile.ZipFile, info: zipfile.ZipInfo):
        self._member = z.open(info)
        self._queue: queue.Queue = queue.Queue(AHEAD)
        self._stop = threading.Event()
        self._rest, self._ended = b"", False
        # every exit joins the worker; daemon only so that a Ctrl-C landing inside
        # ``__exit__`` cannot leave it holding the interpreter open
        self._worker = threading.Thread(
            target=self._inflate, args=(CHUNK,), name="sheetxml-inflate", daemon=True
        )
        try:
            self._worker.start()
        except BaseException:
            self._member.close()
            raise

    def _inflate(self, size: int) -> None:
        try:
            while not self._stop.is_set():
                block = self._block(size)
                self._queue.put(block)
                if not block:
                    return
        except BaseException as exc:  # handed to the reader, raised there
            self._queue.put(exc)

    def _block(self, size: int) -> bytes:
        """``member.read(size)``, in pieces: a big read copies its compressed input and
        its output a few times over while holding the GIL, stalling the parser (0.2 s
        of a million rows); small pieces are copied within the cache, and a stop is
        seen within one piece (the block is then cut short: no one reads it)."""
        pieces, have = [], 0
        while have < size and not self._stop.is_set():
            piece = self._member.read(min(PIECE, size - have))
            if not piece:
                break
            pieces.append(piece)
            have += len(piece)
        return b"".join(pieces)

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes, fewer only at the member's end (as ``member.read(n)``)."""
        parts = [self._rest] if self._rest else []
        have = len(self._rest)
        while have < n and not self._ended:
            block = self._queue.get()
            if isinstance(block, BaseException):
                self._ended = True
                raise block
            self._ended = not block
            parts.append(block)
            have += len(block)
        data = b"".join(parts)  # one block: itself, not a copy
        self._rest = data[n:]
        return data[:n]

    def __enter__(self) -> _Ahead:
        return self

    def __exit__(self, *exc) -> None:
        """Stop the worker (again is harmless): once the queue is emptied it puts at
        most one more block (a put waits only on a full queue), then sees the stop."""
        self._stop.set()
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()
        self._worker.join()
        self._member.close()


def _cells_of(pieces: list[_Cells]) -> _Cells:
    if not pieces:
        none = np.zeros(0, dtype=np.int32)
        return _Cells(none, none.astype(np.int16), none.astype(np.int8), none * 0.0)
    for before, after in itertools.pairwise(pieces):
        if len(before.row) and len(after.row) and _position(before, -1) >= _position(after, 0):
            raise NotPlain("cells out of order or repeated")
    return _Cells(
        *(np.concatenate([getattr(p, f) for p in pieces]) for f in _Cells.__annotations__)
    )


def _position(cells: _Cells, i: int) -> tuple[int, int]:
    return int(cells.row[i]), int(cells.col[i])


def _in_order(row: np.ndarray, col: np.ndarray) -> bool:
    """Cells strictly in sheet order (row by row, left to right), so none repeats."""
    down, right = np.diff(row), np.diff(col)
    return bool(((down > 0) | ((down == 0) & (right > 0))).all())


_LT, _GT, _SLASH, _QUOTE, _SPACE, _EQ = 60, 62, 47, 34, 32, 61
_PRESERVE = np.frombuffer(b'<t xml:space="preserve">', dtype=np.uint8)
_INLINE = np.frombuffer(b'inlineStr"', dtype=np.uint8)


def _window(a: np.ndarray, at: np.ndarray, width: int) -> np.ndarray:
    """The ``width`` bytes from each position, one row each (a strided view indexed
    by rows: five times faster than indexing with a matrix of positions)."""
    return sliding_window_view(a, width)[at]


def _matches(a: np.ndarray, at: np.ndarray, word: np.ndarray) -> np.ndarray:
    """Whether ``word`` is written at each position."""
    return (_window(a, at, len(word)) == word).all(axis=1)


#: Each tag's first two bytes -> its kind; anything else (0) is left to calamine.
_C, _C_END, _V, _V_END, _IS, _IS_END, _T, _T_END, _ROW, _ROW_END = range(1, 11)
_TAG_KINDS = np.zeros(65_536, dtype=np.uint8)
for _pair, _kind in {
    b"c ": _C,
    b"/c": _C_END,
    b"v>": _V,
    b"/v": _V_END,
    b"is": _IS,
    b"/i": _IS_END,
    b"t>": _T,
    b"t ": _T,
    b"/t": _T_END,
    b"ro": _ROW,
    b"/r": _ROW_END,
}.items():
    _TAG_KINDS[_pair[0] << 8 | _pair[1]] = _kind


def _parse(
    buf: bytes, n_strings: int, kinds: np.ndarray, inline: list[str]
) -> tuple[_Cells, tuple[int, int, int]]:
    """Cells of whole rows: every tag must be a row, a cell, a cell's single value or
    its plain inline text (``<is><t>text</t></is>``); inline texts join ``inline``.
    Also answers (largest row, largest column, row tags) for the size check.

    Tags are told apart by their first two bytes through one table lookup; a cell's
    parts must follow its tag directly (no whitespace between tags), so the cell tag
    ends just before the next tag starts."""
    a = np.frombuffer(buf + b"\0" * 32, dtype=np.uint8)
    lt = np.flatnonzero(a[: len(buf)] == _LT)
    kind = _TAG_KINDS[(a[lt + 1].astype(np.uint16) << 8) | a[lt + 2]]
    counts = np.bincount(kind, minlength=11).tolist()
    if counts[0]:
        raise NotPlain("a tag other than row, c, v or plain inline text")
    kind = np.append(kind, np.zeros(6, dtype=np.uint8))  # k + 5 stays in range
    lt = np.append(lt, np.full(6, len(buf)))
    k = np.flatnonzero(kind == _C)
    start, tag_end = lt[k], lt[k + 1] - 1
    referenced = (a[start + 3] == ord("r")) & (a[start + 4] == _EQ) & (a[start + 5] == _QUOTE)
    if not (referenced & (a[tag_end] == _GT)).all():
        raise NotPlain("a cell without r first, or space between tags")
    open_tag = a[tag_end - 1] != _SLASH
    k1, k2, k3 = kind[k + 1], kind[k + 2], kind[k + 3]
    has_value = open_tag & (k1 == _V) & (k2 == _V_END) & (k3 == _C_END)
    if counts[_IS]:
        has_text = open_tag & (k1 == _IS) & (k2 == _T) & (k3 == _T_END)
        has_text &= (kind[k + 4] == _IS_END) & (kind[k + 5] == _C_END)
    else:  # shared strings only, as big exports mostly are
        has_text = np.zeros(len(k), dtype=bool)
    empty_pair = open_tag & (k1 == _C_END)
    if not (~open_tag | has_value | has_text | empty_pair).all():
        raise NotPlain("a cell holding something other than one value")
    n_value, n_text = int(has_value.sum()), int(has_text.sum())
    parts = [counts[t] for t in (_V, _V_END, _IS, _IS_END, _T, _T_END)]
    if parts != [n_value] * 2 + [n_text] * 4 or counts[_C_END] != (
        n_value + n_text + int(empty_pair.sum())
    ):
        raise NotPlain("a value outside a cell")
    # each cell's last tag: itself (<c/>), or its </c> after <v>..</v> or <is><t>..</t></is>
    last = k + np.where(has_text, 5, np.where(has_value, 3, np.where(empty_pair, 1, 0)))
    _rows_nest(buf, a, lt, kind, last)
    valued = has_value | has_text
    kv, text = k[valued], has_text[valued]
    all_rows, all_cols, all_after = _refs(a, start + 6)  # empty cells count for the extent
    extent = (
        max(int(all_rows.max(initial=0)), _row_tags_max(a, lt, kind)),
        int(all_cols.max(initial=0)),
    )
    row_no, col_no, after = all_rows[valued], all_cols[valued], all_after[valued]
    style, typ = _attributes(a, after, tag_end[valued])
    if ((typ == ord("i")) != text).any():
        raise NotPlain("inline text in a cell not typed inlineStr, or the reverse")
    v_start, v_end = lt[kv + 1] + 3, lt[kv + 2]
    cells = _values(a, row_no, col_no, style, typ, v_start, v_end, n_strings, kinds)
    if n_text:
        kt = kv[text]
        t_at = lt[kt + 2]
        plain = a[t_at + 2] == _GT
        if not (a[lt[kt + 1] + 3] == _GT).all() or not _matches(a, t_at[~plain], _PRESERVE).all():
            raise NotPlain("an inline text element with attributes")
        first = t_at + np.where(plain, 3, len(_PRESERVE))
        cells.kind[text] = 0
        cells.number[text] = n_strings + len(inline) + np.arange(n_text)
        inline.extend(_texts(buf, first, lt[kt + 3]))
    # a reference in inline text counts for the size check's own scan: leave those to it
    if n_text and buf.count(b'r="') != len(k) + counts[_ROW]:
        raise NotPlain("a reference outside cell and row tags")
    return cells, (*extent, counts[_ROW])


_ROW_REF = np.frombuffer(b'<row r="', dtype=np.uint8)


_WHITESPACE = b" \t\n"


def _rows_nest(buf: bytes, a: np.ndarray, lt: np.ndarray, kind: np.ndarray, last: np.ndarray):
    """Rows and cells nest as XML requires (calamine refuses a stray ``</row>``): each
    tag is followed by one it may be followed by. Between rows: an open row, a closed
    (``<row/>``) one, or the end; in a row (after an open row tag or a cell): a cell or
    ``</row>``. The cells' own inner tags were matched already."""
    rows = np.flatnonzero(kind == _ROW)
    tag_end = lt[rows + 1] - 1
    loose = np.flatnonzero(a[tag_end] != _GT)  # whitespace after the tag: find its end
    for i in loose.tolist():
        start, following = int(lt[rows[i]]), int(lt[rows[i] + 1])
        end = buf.find(b">", start, following)
        if end < 0 or buf[end + 1 : following].strip(_WHITESPACE):
            raise NotPlain("text after a row tag")
        tag_end[i] = end
    closed = a[tag_end - 1] == _SLASH
    in_row = np.isin(kind[np.concatenate([rows[~closed], last]) + 1], (_C, _ROW_END))
    ends = np.flatnonzero(kind == _ROW_END)
    between = np.isin(kind[np.concatenate([rows[closed], ends]) + 1], (_ROW, 0))
    starts = kind[0] == _ROW if len(kind) > 6 else True  # 6 padding tags of kind 0
    if not (in_row.all() and between.all() and starts):
        raise NotPlain("rows and cells do not nest")


def _row_tags_max(a: np.ndarray, lt: np.ndarray, kind: np.ndarray) -> int:
    """The largest row number the row tags name (each must start ``<row r="``)."""
    opening = lt[kind == _ROW]
    if not len(opening):
        return 0
    if not _matches(a, opening, _ROW_REF).all():
        raise NotPlain("a row tag without r first")
    first = opening + len(_ROW_REF)
    quote = first + np.argmax(_window(a, first, 9) == _QUOTE, axis=1)
    number, ok = _whole(a, first, quote, 7)
    if not (ok & (a[quote] == _QUOTE)).all():
        raise NotPlain("a row tag without a row number")
    return int(number.max())


def _texts(buf: bytes, first: np.ndarray, end: np.ndarray) -> list[str]:
    """Stripped inline texts (one Python step per cell: inline text is not shared)."""
    if b"\r" in buf or b"_x" in buf:  # line-end normalising and _xHHHH_ escapes
        raise NotPlain("inline text needs an XML parser")
    out = [buf[i:j].decode("utf-8") for i, j in zip(first.tolist(), end.tolist(), strict=True)]
    return [(_unescape(t) if "&" in t else t).strip() for t in out]


def _is_digit(x: np.ndarray) -> np.ndarray:
    return (x >= ord("0")) & (x <= ord("9"))


def _whole(a: np.ndarray, start: np.ndarray, end: np.ndarray, most: int):
    """The whole number written in each ``a[start:end]``, and whether it is one (1 to
    ``most`` digits): all cells at once, one digit place per step from the right."""
    length = end - start
    ok = (length > 0) & (length <= most)
    width = int(length[ok].max(initial=1))
    value = np.zeros(len(start), dtype=np.int64)
    for i in range(width):
        digit = a[end - (width - i)] - np.uint8(ord("0"))  # a non-digit wraps past 9
        digit = np.where(length >= width - i, digit, np.uint8(0))
        ok &= digit < 10
        value = value * 10 + digit
    return value, ok


def _refs(a: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row and column of each ``r="B7"``, and where the attribute's closing quote is:
    one 12-byte window per cell holds letters, digits and the quote."""
    w = _window(a, at, 12)
    upper = (w[:, :4] - np.uint8(ord("A"))) < 26
    if not upper[:, 0].all() or upper[:, 3].any():
        raise NotPlain("a reference without 1-3 letters")
    two, three = upper[:, 1], upper[:, 1] & upper[:, 2]
    letters = 1 + two.astype(np.int64) + three
    c = w[:, :3].astype(np.int32) - (ord("A") - 1)
    col = np.where(two, c[:, 0] * 26 + c[:, 1], c[:, 0])
    col = np.where(three, col * 26 + c[:, 2], col)
    quote = np.argmax(w == _QUOTE, axis=1)
    length = quote - letters
    if not ((length > 0) & (length <= 7) & (w[np.arange(len(w)), quote] == _QUOTE)).all():
        raise NotPlain("a reference without a row number")
    row, digits = _whole(a, at + letters, at + quote, 7)
    if not digits.all():
        raise NotPlain("a reference with a stray character")
    row = row.astype(np.int32)
    if not (row > 0).all():
        raise NotPlain("row 0")
    return row, col.astype(np.int16), at + quote + 1


def _attributes(a: np.ndarray, at: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ``s`` (style) and ``t`` (type: one letter, or ``i`` for inlineStr) attributes
    after the reference; any other attribute or type ('str', 'e'...) is refused.
    A cell without ``s`` answers style -1: calamine gives it no format at all (not
    the first cell format's)."""
    style = np.full(len(at), -1, dtype=np.int64)
    typ = np.full(len(at), ord("n"), dtype=np.uint8)
    for _ in range(2):
        more = np.flatnonzero(at < end)
        if not len(more):
            break
        here = at[more]
        if not ((a[here] == _SPACE) & (a[here + 2] == _EQ) & (a[here + 3] == _QUOTE)).all():
            raise NotPlain("an attribute other than r, s and t")
        name = a[here + 1]
        is_s, is_t = name == ord("s"), name == ord("t")
        if not (is_s | is_t).all():
            raise NotPlain("an attribute other than r, s and t")
        s_at, t_at = more[is_s], more[is_t]
        first = at[s_at] + 4
        quote = first + np.argmax(_window(a, first, 8) == _QUOTE, axis=1)
        num, ok = _whole(a, first, quote, 6)
        if not (ok & (a[quote] == _QUOTE)).all():
            raise NotPlain("an unusual style")
        style[s_at] = num
        at[s_at] = quote + 1
        letter = a[at[t_at] + 4]
        one = a[at[t_at] + 5] == _QUOTE
        inline = ~one & (letter == ord("i"))
        inline[inline] = _matches(a, at[t_at[inline]] + 4, _INLINE)
        if not (one | inline).all():
            raise NotPlain("an unusual cell type")
        typ[t_at] = np.where(inline, ord("i"), letter)
        at[t_at] += np.where(inline, 4 + len(_INLINE), 6)
    if (at != end).any():
        raise NotPlain("more attributes than r, s and t")
    return style, typ


def _values(a, row, col, style, typ, v_start, v_end, n_strings, kinds) -> _Cells:
    """Each value as a shared-string index, a number, a bool or a date serial."""
    kind = np.full(len(row), 1, dtype=np.int8)
    number = np.zeros(len(row), dtype=np.float64)
    is_str, is_bool, is_text = typ == ord("s"), typ == ord("b"), typ == ord("i")
    if not (is_str | is_bool | is_text | (typ == ord("n"))).all():
        raise NotPlain("error or date-typed cells")
    length = v_end - v_start
    idx, whole = np.zeros(len(row), dtype=np.int64), np.zeros(len(row), dtype=bool)
    held = np.flatnonzero(~is_text)  # inline texts have no <v>
    idx[held], whole[held] = _whole(a, v_start[held], v_end[held], 15)
    if not whole[is_str].all() or (idx[is_str] >= n_strings).any():
        raise NotPlain("a shared-string index that is not one")
    kind[is_str], number[is_str] = 0, idx[is_str]
    if not (whole[is_bool] & (idx[is_bool] <= 1) & (length[is_bool] == 1)).all():
        raise NotPlain("a bool that is not 0 or 1")
    kind[is_bool], number[is_bool] = 2, idx[is_bool]
    num = ~(is_str | is_bool | is_text)
    exact = num & whole
    number[exact] = idx[exact]
    rest = np.flatnonzero(num & ~exact)
    if len(rest):
        number[rest] = _floats(a, v_start[rest], length[rest])
    if (style >= len(kinds)).any():
        raise NotPlain("a style the workbook does not define")
    style_kind = np.append(kinds, np.int8(_NUMBER))[style]  # no style (-1): General
    if (style_kind[num] == 0).any():
        raise NotPlain("a number format left to calamine")
    dated = num & (style_kind == _DATE)
    serial = number[dated]
    if not ((serial == np.floor(serial)) & (serial >= _FIRST_SERIAL)).all():
        raise NotPlain("a date with a time, or before March 1900")
    if (serial > _LAST_SERIAL).any():
        raise NotPlain("a date after 9999")
    kind[dated] = 3
    if not _in_order(row, col):
        raise NotPlain("cells out of order or repeated")
    return _Cells(row, col, kind, number)


def _floats(a: np.ndarray, at: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Numbers with a point, a sign or an exponent, parsed by C as calamine's Rust does."""
    if (length <= 0).any() or (length > 32).any():
        raise NotPlain("an empty or very long number")
    width = int(length.max())
    grid = _window(a, at, width).copy()
    grid[np.arange(width) >= length[:, None]] = 0
    allowed = _is_digit(grid) | np.isin(grid, list(b".eE+-\0"))
    if not allowed.all():
        raise NotPlain("a number calamine may read differently")
    return np.ascontiguousarray(grid).view(f"S{width}").ravel().astype(np.float64)


def _assemble(cells: _Cells, strings: np.ndarray, longest: int, check=None) -> PlainSheet:
    """Dense text columns over the used rectangle, as calamine's ``to_python`` gives."""
    if not len(cells.row):
        raise NotPlain("no cells")
    top, left = int(cells.row.min()), int(cells.col.min())
    height, width = int(cells.row.max()) - top + 1, int(cells.col.max()) - left + 1
    if check is not None:
        check(height, width)
    at = cells.row - top
    columns = []
    for pick in _by_column(cells.col, left, width):
        dense = len(pick) == height  # every row filled: no blank cells to place
        column = np.empty(height, dtype=object) if dense else np.full(height, "", dtype=object)
        kind = cells.kind[pick]
        present = np.flatnonzero(np.bincount(kind, minlength=4)).tolist()
        for code in present:
            sel = pick if len(present) == 1 else pick[kind == code]
            if code == 0:
                text = strings[cells.number[sel].astype(np.intp)]
            else:
                text = _text(code, cells.number[sel])
                longest = max(longest, textlen.longest(text))
            if dense and len(present) == 1:
                column = text
            else:
                column[at[sel]] = text
        columns.append(column)
    return PlainSheet(columns, top, width, height, longest)


def _by_column(col: np.ndarray, left: int, width: int):
    """Each column's cells, in sheet order: one comparison pass per column for the
    usual few columns, else one stable (radix) sort of the 16-bit column numbers."""
    if width <= 64:
        for j in range(width):
            yield np.flatnonzero(col == left + j)
        return
    order = np.argsort(col, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(col - left, minlength=width))])
    for j in range(width):
        yield order[bounds[j] : bounds[j + 1]]


def _text(code: int, number: np.ndarray) -> np.ndarray:
    """Numbers as celltext.cell_text writes them; bools TRUE/FALSE; dates ISO, each
    distinct date once."""
    if code == 1:
        return floats_text(number)
    if code == 2:
        return np.where(number == 1, "TRUE", "FALSE").astype(object)
    days = number.astype(np.int64)  # whole serials in [_FIRST_SERIAL, _LAST_SERIAL]
    low = int(days.min())
    distinct = np.flatnonzero(np.bincount(days - low))  # no sort: dates span few days
    iso = [(_EPOCH + dt.timedelta(days=int(d) + low)).isoformat() for d in distinct.tolist()]
    slot = np.zeros(int(distinct[-1]) + 1, dtype=np.intp)
    slot[distinct] = np.arange(len(distinct))
    return np.array(iso, dtype=object)[slot[days - low]]
