"""Hostile and broken inputs for the reader: small ones committed, large ones made on demand.

Each ``make_*`` function writes one file into a folder and returns its path, so tests
can build the large cases (zip bomb, 3 MB cell, a million columns) in ``tmp_path`` and
the small ones are kept in ``tests/hostile/files/`` for anyone to try by hand:

    python tests/hostile/make_hostile.py     # rewrites tests/hostile/files/

The encrypted workbook needs ``msoffcrypto-tool`` to be made; the committed copy is
used by the tests, which never need that package. ``damaged.xls`` is kept as found by
fuzzing: the Visio fixture with a few bytes flipped, which made calamine abort.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"
STAMP = (2026, 1, 31, 12, 0, 0)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet_xml(rows: list[list[int]], doctype: str = "") -> str:
    """A worksheet whose cells point at shared strings by index."""
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{chr(65 + c)}{r}" t="s"><v>{idx}</v></c>' for c, idx in enumerate(row)
        )
        body.append(f'<row r="{r}">{cells}</row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="{SHEET_NS}">'
        f"<sheetData>{''.join(body)}</sheetData></worksheet>"
    )


def shared_xml(strings: list[str], doctype: str = "") -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<sst xmlns="{SHEET_NS}" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )


def write_xlsx(path: Path, sheet: str, shared: str, extra: dict | None = None) -> Path:
    """A hand-built xlsx, so its XML can say things openpyxl would never write."""
    members = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": shared,
        **(extra or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, body)
    return path


PEOPLE_STRINGS = ["Name", "Title", "Manager", "Alice Chen", "CEO", "", "Bob Li", "PM"]
PEOPLE_ROWS = [[0, 1, 2], [3, 4, 5], [6, 7, 3]]


def make_xxe(folder: Path, secret: Path) -> Path:
    """External entity pointing at a local file, used in a shared string and a cell."""
    doctype = f'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    strings = [*PEOPLE_STRINGS[:3], "&xxe;", *PEOPLE_STRINGS[4:]]
    return write_xlsx(folder / "xxe.xlsx", sheet_xml(PEOPLE_ROWS), shared_xml(strings, doctype))


def make_xxe_sheet(folder: Path, secret: Path) -> Path:
    """The same attack in the worksheet XML itself, as an inline string."""
    doctype = f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    sheet = sheet_xml(PEOPLE_ROWS, doctype).replace(
        "<sheetData>",
        '<sheetData><row r="9"><c r="A9" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
    )
    return write_xlsx(folder / "xxe_sheet.xlsx", sheet, shared_xml(PEOPLE_STRINGS))


def make_billion_laughs(folder: Path) -> Path:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    doctype = "<!DOCTYPE sst [" + "".join(lol) + "]>"
    strings = [*PEOPLE_STRINGS[:3], "&lol9;", *PEOPLE_STRINGS[4:]]
    return write_xlsx(
        folder / "billion_laughs.xlsx", sheet_xml(PEOPLE_ROWS), shared_xml(strings, doctype)
    )


def make_far_cell(folder: Path, ref: str = "XFD1048576", name: str = "far_cell.xlsx") -> Path:
    """Three real rows and one cell far away: a dense grid of billions of empty cells."""
    row = "".join(ch for ch in ref if ch.isdigit())
    sheet = sheet_xml(PEOPLE_ROWS).replace(
        "</sheetData>", f'<row r="{row}"><c r="{ref}" t="s"><v>3</v></c></row></sheetData>'
    )
    return write_xlsx(folder / name, sheet, shared_xml(PEOPLE_STRINGS))


def make_ods_repeats(folder: Path, rows: int, cols: int, valued: bool = True) -> Path:
    """An .ods whose one row/cell is repeated rows x cols times by attribute alone."""
    value = ' office:value-type="string"><text:p>x</text:p></table:table-cell>'
    cell = f'<table:table-cell table:number-columns-repeated="{cols}"'
    cell += value if valued else "/>"
    body = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>Title'
        "</text:p></table:table-cell></table:table-row>"
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Al</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>CEO'
        "</text:p></table:table-cell></table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">{cell}</table:table-row>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
        '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:'
        'tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:'
        'xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="People">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = folder / ("ods_repeats.ods" if valued else "ods_empty_repeats.ods")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            zipfile.ZipInfo("mimetype", STAMP), "application/vnd.oasis.opendocument.spreadsheet"
        )
        z.writestr(zipfile.ZipInfo("META-INF/manifest.xml", STAMP), ODS_MANIFEST)
        z.writestr(zipfile.ZipInfo("content.xml", STAMP), content, zipfile.ZIP_DEFLATED)
    return path


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
    'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
    'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-'
    'type="text/xml"/></manifest:manifest>'
)


def make_zip_bomb(folder: Path, inflated_mb: int = 200) -> Path:
    """A sheet member that inflates to ``inflated_mb`` MB from a few hundred KB."""
    path = folder / "zip_bomb.xlsx"
    write_xlsx(path, sheet_xml(PEOPLE_ROWS), shared_xml(PEOPLE_STRINGS))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("xl/media/padding.bin", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                fh.write(block)
    return path


def make_huge_cell_csv(folder: Path, chars: int = 3 * 1024 * 1024) -> Path:
    path = folder / "huge_cell.csv"
    path.write_text("Name,Title,Manager\nAlice,CEO,\nBob," + "x" * chars + ",Alice\n")
    return path


def make_million_columns(folder: Path) -> Path:
    path = folder / "million_columns.csv"
    path.write_bytes(b"Name,Title" + b"," * 1_000_000 + b"\nAlice,CEO\n")
    return path


def make_many_rows(folder: Path, rows: int) -> Path:
    path = folder / "many_rows.csv"
    lines = ["Name,Title,Manager"] + [f"P{i},Engineer,P{i // 2}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


SMALL: dict[str, bytes] = {
    "empty.csv": b"",
    "header_only.csv": b"Name,Title,Manager\r\n",
    "blank_lines_only.csv": b"\r\n\r\n ,  ,\r\n",
    "random_bytes.csv": random.Random(7).randbytes(4096),
    "random_bytes.xlsx": random.Random(8).randbytes(4096),
    "nul_bytes.csv": b"Name,Title,Manager\r\nAl\x00ice,CEO,\r\nBob,P\x00M,Alice\r\n",
    "mostly_nul.csv": b"Name,Title\n" + b"\x00" * 4000,
    "mismatched_quote.csv": b"Name,Title,Manager\r\nAlice,CEO,\r\n"
    b'"Bob,PM,Alice\r\nCara,PM,Alice\r\n',
    "html_merged.xls": b"<html><body><table><tr><th colspan='2'>People</th></tr>"
    b"<tr><td>Name</td><td>Title</td></tr><tr><td>Al</td><td>CEO</td></tr></table></body></html>",
    "html_no_table.xls": b"<!DOCTYPE html><html><body><p>Session expired</p></body></html>",
    "truncated.xlsx": b"PK\x03\x04" + bytes(range(200)),
    "spreadsheetml_2003.xls": b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-'
    b'com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data>Name'
    b"</Data></Cell></Row></Table></Worksheet></Workbook>",
}


def not_a_spreadsheet_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("word/document.xml", STAMP), "<w:document/>")
    return buf.getvalue()


def encrypted_xlsx() -> bytes:
    """A real password-protected workbook (ECMA-376 agile encryption, password 'secret')."""
    import msoffcrypto.format.ooxml as ooxml
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Name", "Title", "Manager"])
    wb.active.append(["Alice", "CEO", ""])
    plain = io.BytesIO()
    wb.save(plain)
    plain.seek(0)
    out = io.BytesIO()
    ooxml.OOXMLFile(plain).encrypt("secret", out)
    return out.getvalue()


def main() -> int:
    FILES.mkdir(exist_ok=True)
    files = dict(SMALL)
    files["word_document.xlsx"] = not_a_spreadsheet_zip()
    for name, data in files.items():
        (FILES / name).write_bytes(data)
    secret = Path("/etc/hostname")
    make_xxe(FILES, secret)
    make_xxe_sheet(FILES, secret)
    make_billion_laughs(FILES)
    make_far_cell(FILES)
    make_ods_repeats(FILES, 1_048_576, 16_384)
    try:
        (FILES / "encrypted.xlsx").write_bytes(encrypted_xlsx())
    except ImportError:
        print("msoffcrypto-tool not installed: encrypted.xlsx kept as it was", file=sys.stderr)
    print(f"wrote {FILES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
