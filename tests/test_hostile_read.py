"""Hostile and broken files: each ends in one clear OrgcheckError naming the file, fast.

Small cases are committed in tests/hostile/files/ (made by tests/hostile/make_hostile.py);
large ones are made here in tmp_path. Bounds: every case under 10 s (most take
milliseconds); the zip bomb is refused from the zip directory before anything inflates.
"""

from __future__ import annotations

import importlib.util
import io
import os
import resource
import time
import zipfile
from pathlib import Path

import pytest

from orgcheck.errors import InputError, LimitError, OrgcheckError
from orgcheck.read import Limits, read_table

HERE = Path(__file__).parent / "hostile"
FILES = HERE / "files"
_spec = importlib.util.spec_from_file_location("make_hostile", HERE / "make_hostile.py")
mh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mh)

SECONDS = 10


def refused(path, expect=InputError, **kw) -> OrgcheckError:
    """Read ``path`` expecting one OrgcheckError that names the file, within the bound."""
    start = time.perf_counter()
    with pytest.raises(OrgcheckError) as info:
        read_table(path, **kw)
    assert time.perf_counter() - start < SECONDS
    err = info.value
    assert isinstance(err, expect), repr(err)
    assert str(path) in str(err) and err.path == str(path)
    assert err.hint, "every refusal says what to do"
    return err


# file -> words the message must contain
COMMITTED = {
    "empty.csv": "empty",
    "header_only.csv": "no data rows",
    "blank_lines_only.csv": "no data",
    "random_bytes.csv": "binary",
    "random_bytes.xlsx": "binary",
    "mostly_nul.csv": "binary",
    "mismatched_quote.csv": "never closed",
    "html_merged.xls": "merged cells",
    "html_no_table.xls": "no table",
    "truncated.xlsx": "damaged",
    "spreadsheetml_2003.xls": "Excel 2003 XML",
    "word_document.xlsx": "not a spreadsheet",
    "encrypted.xlsx": "password-protected (encrypted)",
    "billion_laughs.xlsx": "entities",
    "xxe.xlsx": "entities",
    "xxe_sheet.xlsx": "entities",
    "far_cell.xlsx": "max_cells",
    "ods_repeats.ods": "repeated",
    "damaged.xls": "damaged",
    "no_sheets.xls": "no worksheets",  # also found by fuzzing
}


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_committed_hostile_file_is_refused_clearly(name):
    path = FILES / name
    before = path.read_bytes()
    err = refused(path)
    assert COMMITTED[name] in str(err)
    assert path.read_bytes() == before, "the input is never modified"


def test_committed_corpus_is_complete():
    on_disk = {p.name for p in FILES.iterdir()} - {"nul_bytes.csv"}
    assert on_disk == set(COMMITTED)


def test_mismatched_quote_names_the_row():
    assert refused(FILES / "mismatched_quote.csv").row == 3


def test_header_only_names_the_header_row():
    assert refused(FILES / "header_only.csv").row == 1


def test_a_few_nul_bytes_are_removed_and_said():
    raw = read_table(FILES / "nul_bytes.csv")
    assert list(raw.frame["Name"]) == ["Alice", "Bob"] and list(raw.frame["Title"]) == ["CEO", "PM"]
    assert any("NUL" in n for n in raw.notes)


@pytest.mark.parametrize("maker", [mh.make_xxe, mh.make_xxe_sheet])
def test_external_entity_never_reads_a_local_file(tmp_path, maker):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-7f3a")
    path = maker(tmp_path, secret)
    try:
        raw = read_table(path)
    except OrgcheckError as err:
        assert "TOPSECRET" not in str(err) and "TOPSECRET" not in repr(err.__dict__)
        return
    everything = " ".join(raw.notes) + " ".join(raw.headers)
    everything += " ".join(raw.frame.astype(str).to_numpy().ravel())
    assert "TOPSECRET" not in everything


def test_missing_file(tmp_path):
    assert "not found" in str(refused(tmp_path / "nope.csv"))


def test_directory(tmp_path):
    assert "folder" in str(refused(tmp_path))


def test_symlink_loop(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    os.symlink(b, a)
    os.symlink(a, b)
    assert "loop" in str(refused(a))


def test_dangling_symlink(tmp_path):
    link = tmp_path / "people.csv"
    os.symlink(tmp_path / "gone.csv", link)
    assert "missing file" in str(refused(link))


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)
    assert "regular file" in str(refused(fifo))


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "people.csv"
    path.write_text("Name,Title\nA,B\n")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything; simulate the permission check failing
        monkeypatch.setattr("orgcheck.read.sniff.os.access", lambda *a: False)
    assert "permission denied" in str(refused(path))


def test_zip_bomb_refused_from_the_directory_before_inflating(tmp_path):
    path = mh.make_zip_bomb(tmp_path, inflated_mb=64)
    limits = Limits(max_uncompressed_bytes=32 * 1024 * 1024)
    start = time.perf_counter()
    err = refused(path, LimitError, limits=limits)
    assert time.perf_counter() - start < 1.0
    assert "max_uncompressed_bytes" in str(err) and "[limits]" in str(err)
    # under the default limit the same file is an ordinary workbook
    assert len(read_table(path).frame) == 2


def test_far_cell_is_refused_before_the_grid_is_built(tmp_path):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    err = refused(mh.make_far_cell(tmp_path), LimitError)
    assert "1,048,576 rows x 16,384 columns" in str(err)
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 200
    # a cell a little further out is fine: the bound only refuses what cannot fit
    raw = read_table(mh.make_far_cell(tmp_path, "AB200", "near.xlsx"))
    assert len(raw.frame) == 3 and raw.blank_rows > 100


@pytest.mark.parametrize("at", [0.3, 0.5, 0.7, 0.9])
def test_corrupted_compressed_data(tmp_path, at):
    good = (Path(__file__).parent / "fixtures" / "exports" / "workday.xlsx").read_bytes()
    cut = int(len(good) * at)
    bad = tmp_path / "damaged.xlsx"
    bad.write_bytes(good[:cut] + bytes(b ^ 0x5A for b in good[cut : cut + 200]) + good[cut + 200 :])
    try:
        read_table(bad)
    except OrgcheckError as err:
        assert str(bad) in str(err)


def test_ods_repeats_bounded_but_empty_trailing_area_is_fine(tmp_path):
    err = refused(mh.make_ods_repeats(tmp_path, 20_000, 10_000), LimitError)
    assert "max_cells" in str(err)
    # LibreOffice pads sheets with huge repeats of EMPTY cells: those cost nothing
    raw = read_table(mh.make_ods_repeats(tmp_path, 1_048_000, 1_000, valued=False))
    assert raw.frame.to_numpy().tolist() == [["Al", "CEO"]]


def test_three_megabyte_cell_names_row_and_column(tmp_path):
    err = refused(mh.make_huge_cell_csv(tmp_path), LimitError)
    assert (err.row, err.column) == (3, "Title")
    assert "max_cell_chars" in str(err) and "orgcheck.toml" in str(err)
    raw = read_table(mh.make_huge_cell_csv(tmp_path), limits=Limits(max_cell_chars=4 * 2**20))
    assert len(raw.frame.loc[1, "Title"]) == 3 * 1024 * 1024


def test_a_million_columns_of_nothing(tmp_path):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    err = refused(mh.make_million_columns(tmp_path), LimitError)
    assert "max_columns" in str(err)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 200


def test_row_limit_is_a_setting(tmp_path):
    path = mh.make_many_rows(tmp_path, 500)
    err = refused(path, LimitError, limits=Limits(max_rows=100))
    assert "max_rows" in str(err) and "500" in str(err)
    assert len(read_table(path, limits=Limits(max_rows=500)).frame) == 500


def test_limits_from_config_mapping():
    limits = Limits.from_mapping({"max_rows": "10", "unknown": 1})
    assert limits.max_rows == 10 and limits.max_cell_chars == 32_767
    with pytest.raises(ValueError, match="max_rows"):
        Limits(max_rows=0)


def test_wide_workbook_within_limits_reads(tmp_path):
    """40 columns (AA..AN) pass the quick bound without the slow exact scan."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Name", "Title"] + [f"Extra {i}" for i in range(38)])
    for i in range(50):
        ws.append([f"P{i}", "Engineer"] + [str(i)] * 38)
    wb.save(tmp_path / "wide.xlsx")
    raw = read_table(tmp_path / "wide.xlsx")
    assert raw.frame.shape == (50, 40)


def _zip(member: str, mimetype: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if mimetype:
            z.writestr("mimetype", mimetype)
        z.writestr(member, "<x/>")
    return buf.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504

# name -> (bytes, what the refusal calls it)
DOCUMENTS = {
    "r.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "a PDF document"),
    "scan.png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "a PNG image"),
    "chart.jpg": (b"\xff\xd8\xff\xe0\0\x10JFIF" + b"\0" * 64, "a JPEG image"),
    "chart.gif": (b"GIF89a" + b"\0" * 64, "a GIF image"),
    "org.docx": (_zip("word/document.xml"), "a Word document"),
    "org.pptx": (_zip("ppt/presentation.xml"), "a PowerPoint presentation"),
    "org.odt": (_zip("content.xml", b"application/vnd.oasis.opendocument.text"), "OpenDocument"),
    "org.numbers": (_zip("Index/Document.iwa"), "Apple Numbers"),
    "org.doc": (OLE2 + "WordDocument".encode("utf-16-le"), "a Word document"),
    "org.ppt": (OLE2 + "PowerPoint Document".encode("utf-16-le"), "a PowerPoint presentation"),
    "org.rtf": (b"{\\rtf1\\ansi Name, Title\\par}", "RTF"),
    "people.csv.gz": (b"\x1f\x8b\x08\0" + b"\0" * 64, "compressed archive"),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_documents_and_images_are_named_for_what_they_are(tmp_path, name):
    data, what = DOCUMENTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    err = refused(path)
    assert what in err.message and "not a spreadsheet" in err.message
    assert ".csv" in err.hint and ".xlsx" in err.hint


def test_text_named_pdf_is_read_when_it_is_a_table(tmp_path):
    path = tmp_path / "people.pdf"
    path.write_text("Name,Title,Manager\nAna Ruiz,CEO,\nBo Lee,PM,Ana Ruiz\n")
    raw = read_table(path)
    assert len(raw.frame) == 2 and any(
        "named .pdf but holds delimited text" in n for n in raw.notes
    )


def test_text_named_pdf_that_is_no_table_says_not_a_people_table(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_text("Minutes of the board meeting\n")
    err = refused(path)
    assert "named .pdf but holds plain text that is not a people table" in err.message


def test_real_workbook_named_docx_is_still_read(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Name", "Title"])
    wb.active.append(["Ana Ruiz", "CEO"])
    wb.save(tmp_path / "people.docx")
    raw = read_table(tmp_path / "people.docx")
    assert raw.frame.iloc[0].tolist() == ["Ana Ruiz", "CEO"]


def _package(path: Path, sheet_xml: str, sheet_path: str = "worksheets/sheet1.xml") -> Path:
    """A minimal workbook with its one sheet at ``xl/<sheet_path>``."""
    import zipfile

    ns = "http://schemas.openxmlformats.org"
    rel = f"{ns}/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{ns}/package/2006/content-types"><Default Extension="xml" '
            'ContentType="application/xml"/><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{rel}"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{rel}/worksheet" Target="{sheet_path}"/></Relationships>',
        )
        z.writestr(f"xl/{sheet_path}", sheet_xml)
    return path


def _sheet(last_row: str, cells: str) -> str:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    head = '<c t="inlineStr"><is><t>Name</t></is></c><c t="inlineStr"><is><t>Title</t></is></c>'
    rows = f'<row>{head}</row><row r="{last_row}">{cells}</row>'
    return f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>'


def test_cells_without_references_cannot_slip_past_the_size_check(tmp_path):
    # the r attribute is optional: 16,000 unreferenced cells on row 1,048,576
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 16_000
    err = refused(_package(tmp_path / "bomb.xlsx", _sheet("1048576", cells)), expect=LimitError)
    assert "max_cells" in str(err)


def test_a_sheet_stored_outside_worksheets_is_checked_too(tmp_path):
    cell = '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
    path = _package(tmp_path / "moved.xlsx", _sheet("1048576", cell), "other/data.xml")
    err = refused(path, expect=LimitError)
    assert "max_cells" in str(err)
