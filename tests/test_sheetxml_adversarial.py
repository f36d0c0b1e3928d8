"""Adversarial review of the plain-sheet reader (``sheetxml``): unusual but valid XML,
malformed XML, odd number formats and styles, odd packages, and the kept parse of the
size check. For every workbook the fast path must give calamine's grid, or decline
(calamine then reads the sheet), never a different value; the kept parse must never
serve one file's cells for another.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import warnings
import zipfile
from pathlib import Path

import pytest

from orgcheck.read import read_table, sheetxml, workbook
from orgcheck.read.limits import Limits

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
import make_hostile as mh

NS = mh.SHEET_NS
HEAD = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
STRINGS = ["Name", "Title", "v0", "v1"]


def _c(ref: str, value: str, t: str = "", s: str = "") -> str:
    attrs = (f' s="{s}"' if s else "") + (f' t="{t}"' if t else "")
    return f'<c r="{ref}"{attrs}><v>{value}</v></c>'


def _styles(xfs: str, formats: str = "") -> str:
    return (
        f'<styleSheet xmlns="{NS}"><numFmts>{formats}</numFmts>'
        f"<cellXfs>{xfs}</cellXfs></styleSheet>"
    )


STYLES = _styles('<xf numFmtId="0"/><xf numFmtId="14"/>')


def _xlsx(path: Path, rows: str = "", sheet: str | None = None, **members: str) -> Path:
    if sheet is None:
        sheet = f'<worksheet xmlns="{NS}"><sheetData>{HEAD}{rows}</sheetData></worksheet>'
    shared = f'<sst xmlns="{NS}">' + "".join(f"<si><t>{t}</t></si>" for t in STRINGS) + "</sst>"
    extra = {"xl/styles.xml": STYLES, **members}
    return mh.write_xlsx(path, sheet, shared, extra)


def _grid(path: Path, fast: bool):
    """The sheet's text grid (or the error's type and text) through either path."""
    saved = workbook.read_plain_sheet
    if not fast:
        workbook.read_plain_sheet = lambda *a: None
    try:
        wb = workbook.open_workbook(path) if fast else workbook._calamine_workbook(path)
        name = workbook.worksheet_names(wb)[0]
        grid = workbook.load_sheet(wb, name, path, Limits())
        return grid.frame.to_numpy().tolist(), grid.rows.tolist()
    except Exception as exc:  # the two paths must fail alike, or the fast one decline
        return type(exc).__name__
    finally:
        workbook.read_plain_sheet = saved


def _same_as_calamine(path: Path) -> bool:
    """Whether the fast path took the sheet; its grid must be calamine's either way."""
    taken = sheetxml.read_plain_sheet(path, "People") is not None
    assert _grid(path, fast=True) == _grid(path, fast=False)
    return taken


def _row2(cells: str) -> str:
    return f'<row r="2">{cells}</row>'


# --- number formats: calamine reads the part before the first ';' outside quotes --


@pytest.mark.parametrize(
    "code",
    [
        "0&quot;d",  # an unclosed quote: the d is quoted text
        "0;dd",  # calamine stops at ';': a number
        "#;#;dd",
        "0;0;0;dd",
        "dd;0",
        "0\\d",
        "0 &quot;days&quot;",
        "&quot;a&quot;&quot;b&quot;dd",
        "\\&quot;dd",
        "yyyy;@",
        "General;dd",
        "DD/MM/YYYY",
        "0.0E+0",
        "mm:ss",
    ],
)
def test_custom_number_formats_read_as_calamine_reads_them(tmp_path, code):
    styles = _styles(
        '<xf numFmtId="0"/><xf numFmtId="164"/>',
        f'<numFmt numFmtId="164" formatCode="{code}"/>',
    )
    path = _xlsx(tmp_path / "f.xlsx", _row2(_c("A2", "45000", s="1")), **{"xl/styles.xml": styles})
    _same_as_calamine(path)


@pytest.mark.parametrize("written", ["014", " 14", "+14", "1_4", "14.0"])
def test_format_ids_not_written_plainly_are_left_to_calamine(tmp_path, written):
    # calamine looks built-in formats up by their text; int() would read 14 in each
    styles = _styles(f'<xf numFmtId="0"/><xf numFmtId="{written}"/>')
    path = _xlsx(tmp_path / "f.xlsx", _row2(_c("A2", "45000", s="1")), **{"xl/styles.xml": styles})
    assert not _same_as_calamine(path)


@pytest.mark.parametrize("s", ["", "0"])
def test_a_cell_without_a_style_is_general_even_when_the_first_format_is_a_date(tmp_path, s):
    styles = _styles('<xf numFmtId="14"/>')
    path = _xlsx(tmp_path / "f.xlsx", _row2(_c("A2", "45000", s=s)), **{"xl/styles.xml": styles})
    assert _same_as_calamine(path)


def test_styles_outside_the_spreadsheet_namespace_are_left_to_calamine(tmp_path):
    styles = '<styleSheet><cellXfs><xf numFmtId="14"/><xf numFmtId="14"/></cellXfs></styleSheet>'
    path = _xlsx(tmp_path / "f.xlsx", _row2(_c("A2", "45000", s="0")), **{"xl/styles.xml": styles})
    assert not _same_as_calamine(path)


def test_a_1904_flag_in_another_namespace_is_seen(tmp_path):
    book = mh.WORKBOOK.replace("<sheets>", '<y:workbookPr xmlns:y="urn:y" date1904="1"/><sheets>')
    path = _xlsx(tmp_path / "f.xlsx", _row2(_c("A2", "45000", s="1")), **{"xl/workbook.xml": book})
    assert not _same_as_calamine(path)


# --- cell values ------------------------------------------------------------------


@pytest.mark.parametrize("value", ["01", "00", "2", "true", ""])
def test_bools_other_than_0_and_1_are_left_to_calamine(tmp_path, value):
    path = _xlsx(tmp_path / "b.xlsx", _row2(_c("A2", value, "b")))
    assert not _same_as_calamine(path)


@pytest.mark.parametrize(
    "value",
    [
        *("1E+15", "-0", ".5", "1001.0", "5.", "+.5", "1e400", "-1e400", "4.9e-324", "00001"),
        *("9007199254740993", "0.30000000000000004", "1e23", "123456789012345.6"),
    ],
)
def test_unusual_numbers_read_as_calamine_reads_them(tmp_path, value):
    assert _same_as_calamine(_xlsx(tmp_path / "n.xlsx", _row2(_c("A2", value))))


@pytest.mark.parametrize(
    "cells",
    [
        _c("A2", "2", "e"),
        _c("A2", "x", "str"),
        _c("A2", "2023-01-05", "d"),
        _c("A2", "-1", "s"),
        _c("A2", "1e3", "s"),
        _c("A2", "99", "s"),
        _c("A2", " 2 ", "s"),
        _c("A2", ".e5"),
        _c("A2", "1,5"),
        _c("B2", "1") + _c("A2", "2"),
        _c("A2", "1") + _c("A2", "2"),
        '<c t="s"><v>2</v></c>',
        "<c r='A2' t='s'><v>2</v></c>",
        '<c r="A2" t="inlineStr"><is><r><t>a</t></r></is></c>',
        '<c r="A2" t="inlineStr"><is><t>x</t><rPh sb="0" eb="1"><t>y</t></rPh></is></c>',
        '<c r="A2" t="inlineStr"><is><t><![CDATA[x]]></t></is></c>',
        '<c r="A2"><v>1</v></c><!-- note --><c r="B2"><v>2</v></c>',
        '<c r="A2"><v>1</v></c><?pi x?><c r="B2"><v>2</v></c>',
    ],
)
def test_cells_the_fast_path_leaves_to_calamine(tmp_path, cells):
    assert not _same_as_calamine(_xlsx(tmp_path / "c.xlsx", _row2(cells)))


@pytest.mark.parametrize(
    "cells",
    [
        '<c r="A2" t="s" s="0"><v>2</v></c>',  # attributes swapped
        '<c r="A2" t="s"><v>3</v></c><c r="B2"/>',
        '<c r="A2" t="inlineStr"><is><t>&#x41;&amp;amp;&lt;</t></is></c>',
        '<c r="A02"><v>1</v></c>',
        _c("XFD2", "1"),
    ],
)
def test_unusual_but_plain_cells_match_calamine(tmp_path, cells):
    assert _same_as_calamine(_xlsx(tmp_path / "c.xlsx", _row2(cells)))


_INLINE_TEXTS = [
    "Ada Lovelace",
    "",
    "  spaced  ",
    "\u00a0Ren\u00e9e\u00a0",  # no-break spaces are stripped too
    "Zo\u00eb",
    "&#32;entity at the edge&#x20;",
    "a &amp; b &lt;c&gt;",
    "\u6771\u4eac",
    "tab\tinside",
]


def _inline(ref: str, text: str) -> str:
    tag = '<t xml:space="preserve">' if text != text.strip() else "<t>"
    return f'<c r="{ref}" t="inlineStr"><is>{tag}{text}</t></is></c>'


def test_inline_texts_with_spaces_entities_and_wide_letters_match_calamine(tmp_path):
    rows = "".join(
        f'<row r="{r}">'
        + _inline(f"A{r}", _INLINE_TEXTS[r % len(_INLINE_TEXTS)])
        + _inline(f"B{r}", _INLINE_TEXTS[(r * 5) % len(_INLINE_TEXTS)])
        + "</row>"
        for r in range(2, 40)
    )
    assert _same_as_calamine(_xlsx(tmp_path / "inline.xlsx", rows))


# --- malformed XML: calamine refuses it, so the fast path must not read it ---------


@pytest.mark.parametrize(
    "rows",
    [
        _row2(_c("A2", "1")) + "</row>",  # a stray </row>
        '<row r="2">' + _c("A2", "1"),  # a row never closed
        '<row r="2"/>' + _c("A3", "1") + "</row>",  # a cell outside any row
        _c("A2", "1"),
        '<row r="2">text<c r="A2"><v>1</v></c></row>',
    ],
)
def test_rows_that_do_not_nest_are_left_to_calamine(tmp_path, rows):
    assert not _same_as_calamine(_xlsx(tmp_path / "m.xlsx", rows))


def test_pretty_printed_rows_are_still_read(tmp_path):
    rows = '\n  <row r="2">\n    <c r="A2"><v>1</v></c>\n  </row>\n  <row r="3"/>\n'
    assert _same_as_calamine(_xlsx(tmp_path / "p.xlsx", rows))


# --- the package --------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["worksheets/../worksheets/sheet1.xml", "./worksheets/sheet1.xml"]
)
def test_relationship_targets_that_calamine_takes_literally_are_left_to_it(tmp_path, target):
    rels = mh.WORKBOOK_RELS.replace('Target="worksheets/sheet1.xml"', f'Target="{target}"')
    path = _xlsx(tmp_path / "r.xlsx", _row2(_c("A2", "1")), **{"xl/_rels/workbook.xml.rels": rels})
    assert not _same_as_calamine(path)


def test_a_dotted_target_does_not_pick_another_member(tmp_path):
    # calamine reads the member literally named 'xl/worksheets/x/../sheet1.xml'
    rels = mh.WORKBOOK_RELS.replace(
        'Target="worksheets/sheet1.xml"', 'Target="worksheets/x/../sheet1.xml"'
    )
    path = _xlsx(tmp_path / "r.xlsx", _row2(_c("A2", "1")), **{"xl/_rels/workbook.xml.rels": rels})
    rows = HEAD + _row2(_c("A2", "2"))
    other = f'<worksheet xmlns="{NS}"><sheetData>{rows}</sheetData></worksheet>'
    with warnings.catch_warnings(), zipfile.ZipFile(path, "a") as z:
        warnings.simplefilter("ignore")
        z.writestr("xl/worksheets/x/../sheet1.xml", other)
    assert not _same_as_calamine(path)


def test_a_long_tail_after_sheet_data_is_not_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(sheetxml, "CHUNK", 256)
    tail = "<extLst>" + " " * 2000 + "</extLst>"
    rows = HEAD + _row2(_c("A2", "2", "s"))
    sheet = f'<worksheet xmlns="{NS}"><sheetData>{rows}</sheetData>{tail}</worksheet>'
    path = _xlsx(tmp_path / "t.xlsx", sheet=sheet)
    with zipfile.ZipFile(path) as z:
        book = sheetxml.Book.read(z)
        with pytest.raises(sheetxml.NotPlain, match="after sheetData"):
            sheetxml.parse_sheet(z, z.getinfo("xl/worksheets/sheet1.xml"), book)
    assert _grid(path, fast=True) == _grid(path, fast=False)
    assert read_table(path).frame.iloc[:, 0].tolist() == ["v0"]  # the check scans it


def test_a_row_longer_than_a_chunk_is_not_joined_block_by_block(tmp_path, monkeypatch):
    monkeypatch.setattr(sheetxml, "CHUNK", 256)
    cells = "".join(_c(f"{chr(65 + i)}2", str(i)) for i in range(20))
    path = _xlsx(tmp_path / "w.xlsx", _row2(cells))
    with zipfile.ZipFile(path) as z:
        book = sheetxml.Book.read(z)
        with pytest.raises(sheetxml.NotPlain, match="longer than a chunk"):
            sheetxml.parse_sheet(z, z.getinfo("xl/worksheets/sheet1.xml"), book)
    assert _grid(path, fast=True) == _grid(path, fast=False)


# --- the size check's kept parse --------------------------------------------------


def _people(path: Path, first: str, second: str) -> Path:
    rows = _row2(_c("A2", "2", "s")) + '<row r="3">' + _c("A3", "3", "s") + "</row>"
    global STRINGS
    saved, STRINGS = STRINGS, ["Name", "Title", first, second]
    try:
        return _xlsx(path, rows)
    finally:
        STRINGS = saved


def _names(path: Path, **kw) -> list[str]:
    return read_table(path, **kw).frame.iloc[:, 0].tolist()


def test_a_rewritten_file_with_its_old_size_and_time_is_read_afresh(tmp_path):
    path = _people(tmp_path / "p.xlsx", "Ann", "Bob")
    stat = path.stat()
    assert _names(path, sheet="People") == ["Ann", "Bob"]
    swapped = _people(tmp_path / "q.xlsx", "Bob", "Ann")
    assert swapped.stat().st_size == stat.st_size
    shutil.copyfile(swapped, path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as cp -p or rsync -t do
    assert _names(path, sheet="People") == ["Bob", "Ann"]
    assert _names(path) == ["Bob", "Ann"]


def test_a_read_leaves_nothing_kept(tmp_path):
    path = _people(tmp_path / "p.xlsx", "Ann", "Bob")
    for kw in ({}, {"sheet": "People"}):
        _names(path, **kw)
        assert sheetxml._kept() == {"key": None, "book": None, "sheets": {}}


def test_a_kept_parse_is_not_served_for_a_changed_file(tmp_path):
    from orgcheck.read import extent

    path = _people(tmp_path / "p.xlsx", "Ann", "Bob")
    stat = path.stat()
    extent.check_sheets(path, Limits())  # keeps the parse for a reader
    swapped = _people(tmp_path / "q.xlsx", "Bob", "Ann")
    shutil.copyfile(swapped, path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    plain = sheetxml.read_plain_sheet(path, "People")
    assert plain.columns[0].tolist() == ["Name", "Bob", "Ann"]


def test_another_workbook_read_after_a_check_gets_its_own_strings(tmp_path):
    from orgcheck.read import extent

    first = _people(tmp_path / "a.xlsx", "Ann", "Bob")
    second = _people(tmp_path / "b.xlsx", "Cy", "Di")
    extent.check_sheets(first, Limits())
    assert sheetxml.read_plain_sheet(second, "People").columns[0].tolist() == ["Name", "Cy", "Di"]
    assert _names(first) == ["Ann", "Bob"]
    assert _names(second) == ["Cy", "Di"]


def test_threads_keep_their_own_parses(tmp_path):
    from orgcheck.read import extent

    first = _people(tmp_path / "a.xlsx", "Ann", "Bob")
    second = _people(tmp_path / "b.xlsx", "Cy", "Di")
    extent.check_sheets(first, Limits())
    other = threading.Thread(target=extent.check_sheets, args=(second, Limits()))
    other.start()
    other.join()
    assert sheetxml._kept()["sheets"]  # this thread's parse of the first file survives
    assert sheetxml.read_plain_sheet(first, "People").columns[0].tolist() == ["Name", "Ann", "Bob"]


def test_a_workbook_the_size_check_refuses_leaves_nothing_kept(tmp_path):
    from orgcheck.errors import LimitError
    from orgcheck.read import extent

    path = _people(tmp_path / "p.xlsx", "Ann", "Bob")
    with pytest.raises(LimitError):
        extent.check_sheets(path, Limits(max_cells=2))
    assert sheetxml._kept() == {"key": None, "book": None, "sheets": {}}


def test_unreadable_members_make_the_fast_path_decline(tmp_path):
    # zipfile raises NotImplementedError for a compression method it lacks (and
    # RuntimeError for an encrypted member: caught alike, not built here)
    path = _xlsx(tmp_path / "e.xlsx", _row2(_c("A2", "1")))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        infos = {i.filename: i for i in z.infolist()}
    for method, name in [(9, "xl/worksheets/sheet1.xml"), (99, "xl/workbook.xml")]:
        local = infos[name].header_offset
        data[local + 8 : local + 10] = method.to_bytes(2, "little")
        central = data.find(b"PK\x01\x02")  # the central directory's entries
        while central >= 0:
            length = int.from_bytes(data[central + 28 : central + 30], "little")
            if data[central + 46 : central + 46 + length] == name.encode():
                data[central + 10 : central + 12] = method.to_bytes(2, "little")
            central = data.find(b"PK\x01\x02", central + 4)
        broken = tmp_path / f"m{method}.xlsx"
        broken.write_bytes(bytes(data))
        assert sheetxml.read_plain_sheet(broken, "People") is None
        assert sheetxml.sheet_list(broken) is None or name != "xl/workbook.xml"


def test_a_huge_shared_strings_part_is_left_to_calamine(tmp_path, monkeypatch):
    monkeypatch.setattr(sheetxml, "SHARED_MOST", 64)
    path = _xlsx(tmp_path / "s.xlsx", _row2(_c("A2", "2", "s")))
    assert not _same_as_calamine(path)
    assert read_table(path).frame.iloc[:, 0].tolist() == ["v0"]
