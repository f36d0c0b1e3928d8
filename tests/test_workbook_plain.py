"""The plain-sheet reader (``sheetxml``) gives exactly calamine's grid, or declines.

Each workbook is read twice: through ``read_plain_sheet`` and through calamine with
the fast path switched off; the text grids, row numbers and longest-cell bound must
agree. Sheets the fast path must not take (formulas, rich text, a 1904 date system,
cells out of order, ...) must make it answer None, so calamine reads them.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgcheck.read import sheetxml, workbook
from orgcheck.read.limits import Limits

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
import make_hostile as mh

NS = mh.SHEET_NS
STYLES = (
    f'<styleSheet xmlns="{NS}"><numFmts count="3">'
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/>'
    '<numFmt numFmtId="166" formatCode="#,##0.00 &quot;EUR&quot;"/>'
    '<numFmt numFmtId="167" formatCode="[h]:mm"/></numFmts>'
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
    '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="2"/><xf numFmtId="167"/>'
    "</cellXfs></styleSheet>"
)


def _book(tmp_path: Path, rows: str, strings: list[str], **extra: str) -> Path:
    sheet = f'<worksheet xmlns="{NS}"><sheetData>{rows}</sheetData></worksheet>'
    shared = f'<sst xmlns="{NS}">' + "".join(strings) + "</sst>"
    members = {"xl/styles.xml": STYLES, **extra}
    return mh.write_xlsx(tmp_path / "book.xlsx", sheet, shared, members)


def _both(path: Path, monkeypatch) -> tuple[list, list]:
    """(fast grid, calamine grid), each as rows of text, row numbers and stripped."""
    wb = workbook.open_workbook(path)
    name = workbook.worksheet_names(wb)[0]
    plain = sheetxml.read_plain_sheet(path, name)
    assert plain is not None, "the fast path declined a plain sheet"
    fast = workbook.load_sheet(wb, name, path, Limits())
    with monkeypatch.context() as m:
        m.setattr(workbook, "read_plain_sheet", lambda *a: None)
        slow = workbook.load_sheet(wb, name, path, Limits())

    def shape(g):
        return g.frame.to_numpy().tolist(), g.rows.tolist(), g.stripped

    # the fast bound counts every shared string, used or not: it must still hold
    assert fast.max_cell >= slow.max_cell == max(len(c) for row in shape(slow)[0] for c in row)
    return shape(fast), shape(slow)


def _shared(*texts: str) -> list[str]:
    return [f"<si><t>{t}</t></si>" for t in texts]


def _c(ref: str, value: str, t: str = "", s: str = "") -> str:
    attrs = (f' s="{s}"' if s else "") + (f' t="{t}"' if t else "")
    return f'<c r="{ref}"{attrs}><v>{value}</v></c>'


def test_every_handled_cell_kind_matches_calamine(tmp_path, monkeypatch):
    strings = _shared("Name", " Ada  Lovelace ", "R&amp;D &#233;t&#xE9;", "", "CEO")
    strings.append('<si><t xml:space="preserve">  padded </t></si>')
    rows = (
        '<row r="3">'
        + _c("C3", "0", "s")
        + _c("D3", "1", "s")
        + _c("E3", "2", "s")
        + '<c r="F3" t="inlineStr"><is><t xml:space="preserve"> in &amp; line </t></is></c>'
        + "</row>"
        + '<row r="5" spans="3:9">'
        + _c("C5", "1001")
        + _c("D5", "1.5", "n")
        + _c("E5", "-2.25E-3")
        + _c("F5", "12345678901234567")
        + _c("G5", "1", "b")
        + _c("H5", "0", "b")
        + _c("I5", "007")
        + "</row>"
        + '<row r="6">'
        + _c("C6", "45000", s="1")
        + _c("D6", "45001", s="2")
        + _c("E6", "45002", s="3")
        + _c("F6", "3", "s", "1")
        + _c("G6", "4.5", s="5")
        + '<c r="H6" s="1"/><c r="I6" s="2"></c>'
        + _c("J6", "5", "s")
        + "</row>"
        + '<row r="9"><c r="D9" t="inlineStr"><is><t>x</t></is></c><c r="K9" s="3"/></row>'
    )
    fast, slow = _both(_book(tmp_path, rows, strings), monkeypatch)
    assert fast == slow
    grid, row_numbers, _stripped = fast
    assert row_numbers == [3, 4, 5, 6, 7, 8, 9]
    assert grid[0][:4] == ["Name", "Ada  Lovelace", "R&D été", "in & line"]
    assert grid[2][:7] == [
        "1001",
        "1.5",
        "-0.00225",
        "1.2345678901234568e+16",
        "TRUE",
        "FALSE",
        "7",
    ]
    assert grid[3][:5] == ["2023-03-15", "2023-03-16", "2023-03-17", "", "4.5"]


def test_the_benchmark_layout_matches_calamine(tmp_path, monkeypatch):
    strings = _shared("Employee ID", "Full Name", "Hire Date", "Ravi Kumar", "Ana Lee")
    rows = '<row r="1">' + "".join(_c(f"{c}1", str(i), "s") for i, c in enumerate("ABC"))
    rows += "</row>"
    for r in range(2, 40):
        rows += f'<row r="{r}">' + _c(f"A{r}", str(1_010_000 + r)) + _c(f"B{r}", "3", "s")
        rows += _c(f"C{r}", str(38_000 + r * 37), s="1") + "</row>"
    fast, slow = _both(_book(tmp_path, rows, strings), monkeypatch)
    assert fast == slow


@pytest.mark.parametrize(
    ("rows", "strings", "extra"),
    [
        ('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" t="str"><v>x</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" t="e"><v>#N/A</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["<si><r><t>rich</t></r></si>"], {}),
        ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["<si><t>a_x000D_b</t></si>"], {}),
        ('<row r="1"><c r="A1" t="s"><v>1</v></c></row>', ["<si><t>only one</t></si>"], {}),
        ('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>', [], {}),
        ('<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>', [], {}),
        ('<row r="1"><c t="n"><v>1</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" s="6"><v>1</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" s="9"><v>1</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" s="1"><v>45000.5</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" s="1"><v>59</v></c></row>', [], {}),
        ('<row r="1"><c r="A1"> <v>1</v></c></row>', [], {}),
        ('<row r="1"><c r="A1" t="inlineStr"><is><t/></is></c></row>', [], {}),
        ('<row r="1"><c r="A1"><v>0x10</v></c></row>', [], {}),
        (
            '<row r="1"><c r="A1" s="1"><v>45000</v></c></row>',
            [],
            {
                "xl/workbook.xml": mh.WORKBOOK.replace(
                    "<sheets>", '<workbookPr date1904="1"/><sheets>'
                )
            },
        ),
    ],
)
def test_what_the_fast_path_leaves_to_calamine(tmp_path, rows, strings, extra):
    path = _book(tmp_path, rows, strings, **extra)
    assert sheetxml.read_plain_sheet(path, "People") is None


def test_a_doctype_in_the_sheet_is_left_to_calamine(tmp_path):
    sheet = mh.sheet_xml(mh.PEOPLE_ROWS, '<!DOCTYPE worksheet [<!ENTITY e "x">]>')
    path = mh.write_xlsx(tmp_path / "dtd.xlsx", sheet, mh.shared_xml(mh.PEOPLE_STRINGS))
    assert sheetxml.read_plain_sheet(path, "People") is None


@pytest.mark.parametrize("chunk", [128, 150, 257])
def test_rows_cut_across_chunks_read_the_same(tmp_path, monkeypatch, chunk):
    strings = _shared(*(f"person {i}" for i in range(30)))
    rows = "".join(
        f'<row r="{r}">' + _c(f"A{r}", str(r - 1), "s") + _c(f"B{r}", str(r * 1.5)) + "</row>"
        for r in range(1, 31)
    )
    path = _book(tmp_path, rows, strings)
    monkeypatch.setattr(sheetxml, "CHUNK", chunk)
    fast, slow = _both(path, monkeypatch)
    assert fast == slow and len(fast[0]) == 30


_cell = st.one_of(
    st.none(),
    st.text(alphabet=" ab&<>\"'é\t\n", max_size=6),
    st.integers(-(10**17), 10**17),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(9999, 12, 31)),
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _written(value, ref: str, strings: list[str], inline: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _c(ref, str(int(value)), "b")
    if isinstance(value, dt.date):
        return _c(ref, str((value - dt.date(1899, 12, 30)).days), s="2")
    if isinstance(value, int | float):
        return _c(ref, repr(float(value)) if isinstance(value, float) else str(value))
    if inline:
        return (
            f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_escape(value)}</t></is></c>'
        )
    strings.append(f'<si><t xml:space="preserve">{_escape(value)}</t></si>')
    return _c(ref, str(len(strings) - 1), "s")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    grid=st.lists(st.lists(_cell, min_size=1, max_size=4), min_size=1, max_size=6),
    inline=st.booleans(),
    top=st.integers(1, 3),
)
def test_random_plain_sheets_match_calamine(tmp_path, monkeypatch, grid, inline, top):
    strings: list[str] = []
    rows = []
    for r, values in enumerate(grid, start=top):
        cells = "".join(
            _written(v, f"{'ABCD'[c]}{r}", strings, inline) for c, v in enumerate(values)
        )
        rows.append(f'<row r="{r}">{cells}</row>')
    if not any("<c " in row for row in rows):
        return  # an empty sheet: calamine's business
    fast, slow = _both(_book(tmp_path, "".join(rows), strings), monkeypatch)
    assert fast == slow


def test_a_wide_sparse_sheet_matches_calamine(tmp_path, monkeypatch):
    # more than 64 columns: cells are grouped by one sort instead of a pass per column
    letters = [chr(65 + i) for i in range(26)] + [f"A{chr(65 + i)}" for i in range(26)]
    letters += [f"B{chr(65 + i)}" for i in range(26)]
    strings = _shared(*(f"h{i}" for i in range(78)))
    rows = '<row r="2">' + "".join(_c(f"{c}2", str(i), "s") for i, c in enumerate(letters))
    rows += "</row>"
    rows += '<row r="4">' + "".join(_c(f"{c}4", str(i)) for i, c in enumerate(letters) if i % 3)
    rows += "</row>"
    fast, slow = _both(_book(tmp_path, rows, strings), monkeypatch)
    assert fast == slow and len(fast[0][0]) == 78


def test_rows_out_of_order_across_chunks_are_left_to_calamine(tmp_path, monkeypatch):
    strings = _shared("a", "b")
    rows = "".join(f'<row r="{r}">' + _c(f"A{r}", "0", "s") + "</row>" for r in range(20, 0, -1))
    path = _book(tmp_path, rows, strings)
    monkeypatch.setattr(sheetxml, "CHUNK", 128)
    assert sheetxml.read_plain_sheet(path, "People") is None


def test_sheet_list_from_workbook_xml_is_calamines(tmp_path):
    import openpyxl
    from python_calamine import CalamineWorkbook

    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["About"])
    for title, state in [("Old people", "hidden"), ("Very", "veryHidden"), ("R&D <team>", None)]:
        sheet = book.create_sheet(title)
        sheet.append(["Name", "Title"])
        if state:
            sheet.sheet_state = state
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    names, metadata = sheetxml.sheet_list(path)
    calamine = CalamineWorkbook.from_path(str(path))
    assert names == calamine.sheet_names
    assert [(m.name, m.typ, m.visible) for m in metadata] == [
        (m.name, str(m.typ), str(m.visible)) for m in calamine.sheets_metadata
    ]
    assert workbook.worksheet_names(workbook.open_workbook(path)) == ["Cover", "R&D <team>"]


def test_the_size_check_parses_a_plain_sheet_once_for_the_reader(tmp_path, monkeypatch):
    from orgcheck.read import read_table

    rows = "".join(
        f'<row r="{r}">' + _c(f"A{r}", str(r % 3), "s") + _c(f"B{r}", str(r)) + "</row>"
        for r in range(1, 6)
    )
    path = _book(tmp_path, rows, _shared("Name", "Ann", "Bo"))
    calls = []
    parse = sheetxml.parse_sheet
    monkeypatch.setattr(sheetxml, "parse_sheet", lambda *a: calls.append(1) or parse(*a))
    raw = read_table(path)
    assert len(calls) == 1 and len(raw.frame) == 4
    assert sheetxml._kept()["sheets"] == {}  # handed over, nothing kept


def test_a_workbook_found_not_plain_reads_its_shared_strings_once(tmp_path, monkeypatch):
    """Rich text sends the book to calamine: the size check finds that once, not once per
    sheet and again for the reader (a shared-strings part can be hundreds of MB)."""
    from orgcheck.read import read_table

    rows = "".join(f'<row r="{r}">' + _c(f"A{r}", "0", "s") + "</row>" for r in range(1, 4))
    path = _book(tmp_path, rows, ["<si><r><t>rich</t></r></si>"])
    calls = []
    split = sheetxml._shared_strings
    monkeypatch.setattr(sheetxml, "_shared_strings", lambda *a: calls.append(1) or split(*a))
    raw = read_table(path)
    assert len(calls) == 1 and raw.frame.shape == (2, 1)


def test_sheets_over_the_keeping_budget_are_parsed_again_by_the_reader(tmp_path, monkeypatch):
    from orgcheck.read import read_table

    rows = "".join(f'<row r="{r}">' + _c(f"A{r}", str(r % 2), "s") + "</row>" for r in range(1, 9))
    path = _book(tmp_path, rows, _shared("Name", "Ann"))
    monkeypatch.setattr(sheetxml, "KEEP_CELLS", 3)
    calls = []
    parse = sheetxml.parse_sheet
    monkeypatch.setattr(sheetxml, "parse_sheet", lambda *a: calls.append(1) or parse(*a))
    assert len(read_table(path).frame) == 7 and len(calls) == 2


def test_the_shape_limits_apply_before_the_columns_are_built(tmp_path):
    from orgcheck.errors import LimitError

    rows = "".join(f'<row r="{r}">' + _c(f"A{r}", str(r)) + "</row>" for r in range(1, 1103))
    path = _book(tmp_path, rows, [])
    wb = workbook.open_workbook(path)
    seen = []
    assert sheetxml.read_plain_sheet(path, "People", lambda h, w: seen.append((h, w)))
    assert seen == [(1102, 1)]
    with pytest.raises(LimitError, match="max_rows"):
        workbook.load_sheet(wb, "People", path, Limits(max_rows=100))
