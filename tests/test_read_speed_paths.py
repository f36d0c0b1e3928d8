"""The readers' fast paths give exactly what the plain, per-cell way would.

Each shortcut (block-wise sheet text, skipping the strip or unescape pass, the
longest-cell bound) is checked against a straightforward oracle on small inputs
built to hit its edges: sheet offsets, blocks of a few rows, quotes around ', '.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgcheck.read import delimited, read_table, workbook
from orgcheck.read.celltext import cell_text
from orgcheck.read.delimited import (
    _line_count,
    _may_escape,
    _stripped_unless,
    _unicode_space,
    sniff_delimiter,
)
from orgcheck.read.header import unescape
from orgcheck.read.limits import Limits
from orgcheck.read.textlen import longest


def _offset_workbook(path: Path) -> None:
    """Cells from C3 on, every cell type calamine hands back, dates across blocks."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "People"
    ws.append([])
    ws.append([])
    ws.append([None, None, "Employee ID", "Name ", "Hired", "Manager", "Active"])
    for i in range(9):
        ws.append(
            [
                None,
                None,
                1001 + i,
                f" Person {i}" if i % 2 else f"Person {i}",
                dt.date(2020, 1, 1 + i % 3),
                "" if i == 0 else 1001.0 + i // 2,
                i % 2 == 0,
            ]
        )
    ws["D13"] = 2.5
    ws["E14"] = dt.datetime(2021, 5, 6, 7, 8)
    ws["F14"] = dt.time(9, 30)
    wb.save(path)


def _oracle(sheet) -> list[list[str]]:
    """The sheet's text cell by cell, the slow and obvious way."""
    return [
        [v.strip() if isinstance(v, str) else cell_text(v) for v in row]
        for row in sheet.to_python()
    ]


@pytest.mark.parametrize("block_rows", [1, 2, 3, 65_536])
def test_sheet_text_in_blocks_equals_cell_by_cell(tmp_path, monkeypatch, block_rows):
    path = tmp_path / "people.xlsx"
    _offset_workbook(path)
    monkeypatch.setattr(workbook, "BLOCK_ROWS", block_rows)
    wb = workbook.open_workbook(path)
    grid = workbook.load_sheet(wb, "People", path, Limits())
    want = _oracle(wb.get_sheet_by_name("People"))
    assert grid.frame.to_numpy().tolist() == want
    assert grid.rows.tolist() == list(range(3, 3 + len(want)))  # the sheet starts on row 3
    assert grid.max_cell == max(len(c) for row in want for c in row)
    assert grid.stripped and gc.isenabled()


def test_gc_comes_back_on_after_a_failure_and_stays_off_if_it_was_off(tmp_path):
    class Broken:
        start, height, width = (0, 0), 2, 1

        def iter_rows(self):
            yield ["a"]
            raise RuntimeError("damaged")

    class Book:
        def get_sheet_by_name(self, name):
            return Broken()

    with pytest.raises(Exception, match="damaged"):
        workbook.load_sheet(Book(), "x", tmp_path / "x.xlsx", Limits())
    assert gc.isenabled()
    gc.disable()
    try:
        with workbook._gc_paused():
            pass
        assert not gc.isenabled()  # a caller who turned it off keeps it off
    finally:
        gc.enable()


def test_sheet_object_without_iter_rows_reads_through_to_python(tmp_path):
    class Plain:  # the shape of the isolated .xls reader's sheets
        start, height, width = (4, 0), 2, 2

        def to_python(self):
            return [[" a", 7.0], [True, dt.date(2020, 2, 3)]]

    class Book:
        def get_sheet_by_name(self, name):
            return Plain()

    grid = workbook.load_sheet(Book(), "x", tmp_path / "x.xls", Limits())
    assert grid.frame.to_numpy().tolist() == [["a", "7"], ["TRUE", "2020-02-03"]]
    assert grid.rows.tolist() == [5, 6]


def test_column_text_reuses_date_text_across_blocks_without_mixing_types():
    seen: dict = {}
    first = np.array([dt.date(2020, 1, 2), True, 1, 1.0], dtype=object)
    second = np.array([1, True, dt.date(2020, 1, 2), dt.datetime(2020, 1, 2, 3)], dtype=object)
    assert list(workbook._column_text(first, seen)) == ["2020-01-02", "TRUE", "1", "1"]
    assert list(workbook._column_text(second, seen)) == [
        "1",
        "TRUE",
        "2020-01-02",
        "2020-01-02 03:00:00",
    ]


def test_longest_counts_characters_and_accepts_read_only_arrays():
    col = pd.Series(["ab", "ü" * 5, "😀" * 3], dtype=object).to_numpy()
    assert not col.flags.writeable
    assert longest(col) == 5
    assert longest(np.array([], dtype=object)) == 0


# -- delimited text ---------------------------------------------------------------


@pytest.mark.parametrize("chunk", [5, 1 << 22])
def test_every_unicode_space_is_known_and_found_anywhere(monkeypatch, chunk):
    monkeypatch.setattr(delimited, "_CHUNK", chunk)
    spaces = [c for c in map(chr, range(0x80, sys.maxunicode + 1)) if c.isspace()]
    assert sorted(s.encode() for s in spaces) == sorted(delimited._UNICODE_SPACES)
    for c in spaces:
        for data in (f"a,b{c}\n", f"a,{c}b,c\n", f"{c}", f"x{c}", f"abcdefghijk{c}lmnopq"):
            assert _unicode_space(data.encode()), repr(data)
    assert not _unicode_space("Product – Search, “quoted” Müller …\n".encode())


@pytest.mark.parametrize(
    ("data", "clean"),
    [
        (b'a,"b, c"\n', True),
        (b'"x, y",b\r\n"p, q",z\r\n', True),
        (b'a,"x ,y"\n', True),
        (b"a, b\n", False),
        (b'a,"b, c", d\n', False),
        (b'a,5" x, y\n', False),  # a stray quote: no telling inside from outside
        (b'a," b"\n', False),
        (b"a,b\r\n c,d\r\n", False),
        (b"a,bc,d,e,f,g ,h", False),
        (b'a,"x\n",b\n', False),  # a quoted line break could end a cell
        (b"a,b\x1c\n", False),
    ],
)
def test_already_stripped_with_quotes_is_exact_or_conservative(data, clean):
    assert _stripped_unless(data, ",")(_records(data)) is clean


def _records(data: bytes) -> int:
    return len(pd.read_csv(io.BytesIO(data), header=None, dtype=object, skip_blank_lines=False))


cell = st.text(st.sampled_from(list('ab ,"\n\t\u00a0–&')), max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cell, min_size=2, max_size=2), min_size=1, max_size=6))
def test_already_stripped_never_claims_a_cell_that_needs_stripping(rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([["h1", "h2"], *rows])
    data = buf.getvalue().encode()
    frame = pd.read_csv(
        io.BytesIO(data), header=None, dtype=object, keep_default_na=False, na_filter=False
    )
    if _stripped_unless(data, ",")(len(frame)):
        cells = frame.to_numpy().ravel().tolist()
        assert all(c == c.strip() for c in cells)


@pytest.mark.parametrize(
    ("data", "escaped"),
    [
        (b"FP&A Analyst,R & D,AT&T\n", False),
        (b"R&amp;D\n", True),
        (b"O&#39;Brien\n", True),
        (b"&#x41;\n", True),
        (b"&ampx,\n", False),  # no ';': a legacy name html.unescape would expand, left alone
        (b"plain\n", False),
        (b"Caf&eacute;\n", True),
    ],
)
def test_may_escape_agrees_with_the_readers_unescape(data, escaped):
    assert _may_escape(data) is escaped
    text = data.decode()
    assert (unescape(text) != text) is escaped


@pytest.mark.parametrize("chunk", [3, 1 << 22])
@pytest.mark.parametrize(
    "data", [b"a\r\nb\r\nc", b"a\rb\nc\r\n", b"\r\n\r\n", b"", b"abc\r", b"ab\r\ncd\r\n"]
)
def test_line_count_matches_a_plain_count(monkeypatch, chunk, data):
    monkeypatch.setattr(delimited, "_CHUNK", chunk)
    plain = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    assert _line_count(data) == plain + (not data.endswith((b"\n", b"\r")))


def test_quoted_cells_vote_for_their_delimiter():
    sample = 'Name,Title,Manager\r\n,,,;\r\n;,"\n0"\r\n'
    assert sniff_delimiter(sample)[0] == ","
    assert sniff_delimiter('Name;Title\n"Doe, John";PM\n"Roe, Jane";VP\n')[0] == ";"


def _people_csv(rows: int, last: str) -> bytes:
    lines = ["Name,Title,Manager"] + [f"Jörg Müller {i},PM,Boss" for i in range(rows)]
    return ("\r\n".join([*lines, last]) + "\r\n").encode()


def test_a_windows_1252_byte_past_the_head_is_decoded_not_refused(tmp_path):
    data = _people_csv(12_000, "Zoë,PM,Boss").replace("Zoë".encode(), "Zoë".encode("cp1252"))
    assert len(data) > 4 * 65536  # the bad byte is past the part decoded up front
    path = tmp_path / "people.csv"
    path.write_bytes(data)
    raw = read_table(path)
    assert raw.frame["Name"].iloc[-1] == "Zoë"
    assert raw.frame["Name"].iloc[0] == "Jörg Müller 0"
    assert any("cp1252" in n for n in raw.notes)


def test_a_character_cut_at_the_end_of_the_head_still_reads_as_utf8(tmp_path):
    cuts = []
    for pad in range(6):  # move a two-byte 'ö' across the 262,144-byte boundary
        data = b"x" * pad + _people_csv(12_000, "Ann,PM,Boss")
        cuts.append(data[4 * 65536 - 1])
        path = tmp_path / f"people{pad}.csv"
        path.write_bytes(data)
        raw = read_table(path)
        assert raw.notes[0] == "encoding UTF-8"
        assert len(raw.frame) == 12_001
    assert 0xC3 in cuts  # some file really had 'ö' cut in two at the head's end


_HIGH = st.sampled_from([0x41, 0x20, 0x0A, 0x80, 0x81, 0x8D, 0x9D, 0xA0, 0xBF, 0xC1, 0xC2])
_LEADS = st.sampled_from([0xDF, 0xE0, 0xE9, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF])


@settings(max_examples=400, deadline=None)
@given(data=st.lists(st.one_of(_HIGH, _LEADS), max_size=16).map(bytes))
def test_the_utf8_sequence_check_and_the_cp1252_decode_agree_with_the_plain_ways(data):
    """``_has_utf8_sequence`` answers as the regex does, and without a sequence the
    cp1252 decode gives what UTF-8 with the per-byte cp1252 fallback gives."""
    from orgcheck.read import textcodec

    assert textcodec._has_utf8_sequence(data) == bool(textcodec._UTF8_SEQ.search(data))
    if not textcodec._UTF8_SEQ.search(data):
        fallback = data.decode("utf-8", errors="orgcheck-cp1252")
        assert data.decode("cp1252", errors="orgcheck-cp1252") == fallback


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("cp1252", ";"), ("utf-16", "\t"), ("utf-8-sig", ",")]
)
def test_decoded_text_read_as_utf8_bytes_reads_as_the_text_did(
    tmp_path, monkeypatch, encoding, delimiter
):
    """Text that is not plain UTF-8 is decoded, then parsed as UTF-8 bytes (so the
    strip and unescape passes can be skipped when the bytes show nothing to do): the
    table is what parsing the decoded text gives."""
    rows = [["Employee ID", "Name", "Title", "Manager"]]
    rows += [
        [str(i), f"Müller, Jörg {i}", " R&amp;D lead " if i % 3 else "PM", "1"]
        for i in range(2, 60)
    ]
    rows.append(["99", "Zoë “Zed” Ünal", "Dir", "1"])
    text = "\r\n".join(
        delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in r) for r in rows
    )
    path = tmp_path / "people.csv"
    path.write_bytes(text.encode(encoding))
    raw = read_table(path)
    real = delimited._read

    def from_text(source, text, *args):  # the way decoded text was parsed before
        if isinstance(source, bytes):
            source = text = source.decode("utf-8")
        return real(source, text, *args)

    monkeypatch.setattr(delimited, "_read", from_text)
    before = read_table(path)
    assert raw.frame.to_numpy().tolist() == before.frame.to_numpy().tolist()
    assert raw.notes == before.notes and "R&D lead" in raw.frame["Title"].tolist()
