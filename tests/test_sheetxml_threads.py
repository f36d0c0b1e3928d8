"""The sheet inflated by a worker thread (``sheetxml._Ahead``) changes only the time.

Every workbook here is read twice: threaded, and through ``_Inline``, the
single-threaded twin that reads the member in the caller's thread as the reader did
before. Cells, decisions (plain or not) and errors (type and message) must agree, the
worker's error must be raised in the reading thread where the member's own read
raised it, and no worker thread or open member may outlive a read, also when the
parser declines the sheet after its first block.
"""

from __future__ import annotations

import copy
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

from orgcheck.read import extent, read_table, sheetxml
from orgcheck.read.limits import Limits

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
import make_hostile as mh
from xlsxout import column_letter, write_xlsx

NS = mh.SHEET_NS
SHEET = "xl/worksheets/sheet1.xml"


class _Inline:
    """The single-threaded twin of ``_Ahead``: the member read in the caller's thread."""

    def __init__(self, z: zipfile.ZipFile, info: zipfile.ZipInfo):
        self._member = z.open(info)

    def read(self, n: int) -> bytes:
        return self._member.read(n)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._member.close()


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sheetxml-inflate"]


@pytest.fixture(autouse=True)
def _no_worker_left():
    yield
    assert not _workers(), "a worker thread outlived the read"


def _parsed(path: Path):
    """parse_sheet's answer as plain values, or the error's type and text."""
    try:
        with zipfile.ZipFile(path) as z:
            book = sheetxml.Book.read(z)
            p = sheetxml.parse_sheet(z, z.getinfo(SHEET), book)
    except Exception as exc:
        return type(exc), str(exc)
    cells = [getattr(p.cells, f).tolist() for f in ("row", "col", "kind", "number")]
    return cells, p.inline, p.rows, p.cols, p.escaped, p.outside


def _read(path: Path):
    """The whole read (size check, kept parse, reader), or the error's type and text."""
    try:
        raw = read_table(path)
    except Exception as exc:
        return type(exc), str(exc)
    return raw.frame.to_numpy().tolist(), raw.frame.columns.tolist()


def _twice(path: Path, monkeypatch, read=_parsed):
    threaded = read(path)
    with monkeypatch.context() as m:
        m.setattr(sheetxml, "_Ahead", _Inline)
        alone = read(path)
    assert threaded == alone
    return threaded


def _rows(n: int, first: int = 2, extra: str = "") -> str:
    return "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>{r % 3}</v></c><c r="B{r}"><v>{r}.5</v></c>'
        f'<c r="C{r}" t="inlineStr"><is><t> t{r} </t></is></c>{extra if r == first else ""}'
        "</row>"
        for r in range(first, first + n)
    )


def _book(path: Path, body: str, tail: str = "") -> Path:
    sheet = f'<worksheet xmlns="{NS}"><sheetData>{body}</sheetData>{tail}</worksheet>'
    return mh.write_xlsx(path, sheet, mh.shared_xml(["Name", "Ann", "Bo &amp; Cy"]))


HEAD = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
LONG = "".join(f'<c r="{column_letter(c)}2"><v>{c}</v></c>' for c in range(99))


@pytest.mark.parametrize("chunk", [2048, 65536, sheetxml.CHUNK])
def test_a_benchmark_like_workbook_reads_the_same(tmp_path, monkeypatch, chunk):
    import generate

    path = tmp_path / "org.xlsx"
    people = generate.rows(400)
    write_xlsx(path, [("Workers", [generate.HEADER, *people])])
    monkeypatch.setattr(sheetxml, "CHUNK", chunk)
    got = _twice(path, monkeypatch)
    assert isinstance(got[0], list), got
    frame, header = _twice(path, monkeypatch, _read)
    assert len(frame) == len(people) and header[0] == "Employee ID"


SHEETS = {
    "plain, many blocks": (HEAD + _rows(300), ""),
    "a formula in the first row": (HEAD + _rows(300, extra='<c r="D2"><f>1</f></c>'), ""),
    "a formula in the last block": (HEAD + _rows(300) + _rows(1, 302, '<c r="D302"><f/></c>'), ""),
    "cells out of order across blocks": (HEAD + _rows(200, 100) + _rows(50, 2), ""),
    "a row longer than a chunk": (HEAD + f"<row r='2'>{LONG}</row>", ""),
    "a long tail after sheetData": (HEAD + _rows(20), "<extLst>" + " " * 5000 + "</extLst>"),
    "a short tail": (HEAD + _rows(20), "<pageMargins/>"),
    "no row at all": ("", ""),
}


@pytest.mark.parametrize("name", SHEETS)
def test_adversarial_sheets_read_the_same(tmp_path, monkeypatch, name):
    monkeypatch.setattr(sheetxml, "CHUNK", 1024)
    monkeypatch.setattr(sheetxml, "PIECE", 100)  # blocks read in pieces, the last short
    path = _book(tmp_path / "a.xlsx", *SHEETS[name])
    _twice(path, monkeypatch)
    _twice(path, monkeypatch, _read)


def _damage(path: Path, how: str) -> Path:
    """The sheet member with a wrong CRC, bytes overwritten late in its deflate stream, or
    its compressed size cut (as a truncated copy would leave it)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(SHEET)
    central = data.find(b"PK\x01\x02")  # the central directory's entries
    while data[central + 46 : central + 46 + len(SHEET)] != SHEET.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    if how == "crc":
        data[central + 16 : central + 20] = (info.CRC ^ 1).to_bytes(4, "little")
    elif how == "flipped":
        start = info.header_offset + 30 + len(SHEET)
        at = start + info.compress_size * 3 // 4
        data[at : at + 8] = b"\xff" * 8  # zlib: invalid block type
    else:
        size = info.compress_size * 2 // 3
        data[central + 20 : central + 24] = size.to_bytes(4, "little")
    out = path.with_name(f"{how}.xlsx")
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("how", ["crc", "flipped", "truncated"])
def test_a_damaged_member_fails_in_the_reading_thread_as_before(tmp_path, monkeypatch, how):
    monkeypatch.setattr(sheetxml, "CHUNK", 1024)
    monkeypatch.setattr(sheetxml, "PIECE", 300)
    rows = "".join(  # incompressible enough that the damage lies blocks after the start
        f'<row r="{r}"><c r="A{r}"><v>{zlib.crc32(str(r).encode())}</v></c></row>'
        for r in range(2, 3000)
    )
    path = _damage(_book(tmp_path / "d.xlsx", HEAD + rows), how)
    kind, message = _twice(path, monkeypatch)
    assert issubclass(kind, sheetxml._ERRORS) and kind is not sheetxml.NotPlain, message
    assert _twice(path, monkeypatch, _read)  # the size check's message, or calamine's


def test_an_error_opening_the_member_is_raised_before_any_worker_starts(tmp_path):
    path = _book(tmp_path / "o.xlsx", HEAD)
    with zipfile.ZipFile(path) as z:
        odd = copy.copy(z.getinfo(SHEET))
        odd.compress_type = 99  # a compression method zipfile lacks
        with pytest.raises(NotImplementedError):
            sheetxml._Ahead(z, odd)
        assert not _workers()
        assert sheetxml.parse_checked(path, z, odd) is None


def test_an_early_decline_stops_and_joins_the_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(sheetxml, "CHUNK", 256)
    path = _book(tmp_path / "f.xlsx", HEAD + _rows(2000, extra='<c r="D2"><f>1</f></c>'))
    made, reads = [], []

    class Spy(sheetxml._Ahead):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(self)

    counted = zipfile.ZipExtFile.read
    monkeypatch.setattr(sheetxml, "_Ahead", Spy)
    monkeypatch.setattr(
        zipfile.ZipExtFile, "read", lambda f, n=-1: reads.append(n) or counted(f, n)
    )
    with zipfile.ZipFile(path) as z:
        book = sheetxml.Book.read(z)
        reads.clear()
        with pytest.raises(sheetxml.NotPlain, match="a tag other than"):
            sheetxml.parse_sheet(z, z.getinfo(SHEET), book)
        (ahead,) = made
        assert not ahead._worker.is_alive() and ahead._member.closed
    # the sheet is 450 blocks long: the worker stopped a few blocks ahead of the parser
    assert sum(reads) <= (sheetxml.AHEAD + 4) * 256


def test_a_book_the_reader_declines_stops_the_prefetch(tmp_path, monkeypatch):
    sheet = f'<worksheet xmlns="{NS}"><sheetData>{HEAD + _rows(500)}</sheetData></worksheet>'
    shared = f'<sst xmlns="{NS}"><si><r><t>rich</t></r></si></sst>'  # not plain
    path = mh.write_xlsx(tmp_path / "r.xlsx", sheet, shared)
    monkeypatch.setattr(sheetxml, "CHUNK", 256)
    with zipfile.ZipFile(path) as z:
        assert sheetxml.parse_checked(path, z, z.getinfo(SHEET)) is None
    assert not _workers()
    _twice(path, monkeypatch, _read)


def test_two_threads_read_two_workbooks_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(sheetxml, "CHUNK", 512)
    paths = [_book(tmp_path / f"{i}.xlsx", HEAD + _rows(200 + 100 * i)) for i in range(2)]
    alone = [_read(p) for p in paths]
    got: dict[int, object] = {}
    barrier = threading.Barrier(2)

    def one(i: int) -> None:
        barrier.wait()
        for _ in range(3):
            extent.check_sheets(paths[i], Limits())
            got[i] = _read(paths[i])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[0], got[1]] == alone
    assert len(alone[1][0]) == len(alone[0][0]) + 100
