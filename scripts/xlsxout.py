"""Write .xlsx files the way Excel saves them: a shared strings table, dates as styled serials.

openpyxl (3.1) writes every text cell as an inline string (``t="inlineStr"``), which no
file saved by Excel contains, and stamps the current time into the package, so two
runs never give the same bytes. This writer streams rows straight into the zip, puts
each distinct text once into ``xl/sharedStrings.xml`` (``t="s"`` cells point at it),
writes numbers as numbers and dates as serial numbers with a date format, and fixes
every timestamp, so the output is byte-for-byte reproducible and shaped like Excel's.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

_EPOCH = date(1899, 12, 30)
_STAMP = (2026, 1, 1, 0, 0, 0)
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

Cell = str | int | float | date | None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _clean(text: str) -> str:
    """XML-escaped text without the control characters XML 1.0 forbids."""
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        text = "".join(c for c in text if ord(c) >= 32 or c in "\t\n\r")
    return escape(text)


class _Strings:
    """The shared strings table: each distinct text gets the index of its first use."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def ref(self, text: str) -> int:
        self.count += 1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> Iterable[str]:
        yield (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_NS}" '
            f'count="{self.count}" uniqueCount="{len(self.index)}">'
        )
        for text in self.index:
            space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
            yield f"<si><t{space}>{_clean(text)}</t></si>"
        yield "</sst>"


def _row_xml(r: int, row: Sequence[Cell], letters: list[str], strings: _Strings) -> str:
    cells = []
    for c, value in enumerate(row):
        if value is None or value == "":
            continue
        ref = f"{letters[c]}{r}"
        if isinstance(value, str):
            cells.append(f'<c r="{ref}" t="s"><v>{strings.ref(value)}</v></c>')
        elif isinstance(value, datetime):
            serial = (value - datetime(1899, 12, 30)).total_seconds() / 86400
            cells.append(f'<c r="{ref}" s="2"><v>{serial:.10g}</v></c>')
        elif isinstance(value, date):
            cells.append(f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>')
        else:
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
    return f'<row r="{r}">{"".join(cells)}</row>'


def _sheet(zf: zipfile.ZipFile, n: int, rows: Iterable[Sequence[Cell]], strings: _Strings):
    info = _info(f"xl/worksheets/sheet{n}.xml")
    letters = [column_letter(i) for i in range(64)]
    with zf.open(info, "w", force_zip64=True) as out:
        out.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
            f'xmlns="{_NS}" xmlns:r="{_REL}"><sheetData>'.encode()
        )
        buf: list[str] = []
        for r, row in enumerate(rows, start=1):
            buf.append(_row_xml(r, row, letters, strings))
            if len(buf) >= 2000:
                out.write("".join(buf).encode())
                buf.clear()
        out.write("".join(buf).encode())
        out.write(b"</sheetData></worksheet>")


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_xlsx(path: str | Path, sheets: Sequence[tuple[str, Iterable[Sequence[Cell]]]]) -> None:
    """Write ``[(sheet name, rows), ...]``; each row a sequence of str/int/float/date/None."""
    strings = _Strings()
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        names = [name for name, _ in sheets]
        zf.writestr(_info("[Content_Types].xml"), _content_types(len(names)))
        zf.writestr(
            _info("_rels/.rels"),
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(_info("xl/workbook.xml"), _workbook(names))
        zf.writestr(_info("xl/_rels/workbook.xml.rels"), _workbook_rels(len(names)))
        zf.writestr(_info("xl/styles.xml"), _STYLES)
        for n, (_, rows) in enumerate(sheets, start=1):
            _sheet(zf, n, rows, strings)
        with zf.open(_info("xl/sharedStrings.xml"), "w", force_zip64=True) as out:
            for chunk in strings.xml():
                out.write(chunk.encode())
    tmp.replace(path)


def _content_types(n: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns='
        '"http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>{sheets}'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        "</Types>"
    )


def _workbook(names: list[str]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_NS}" '
        f'xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>'
    )


def _workbook_rels(n: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    rels += (
        f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" '
        'Target="sharedStrings.xml"/>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG}">{rels}</Relationships>'
    )


# Style 0: general; 1: short date (built-in format 14, m/d/yyyy); 2: date and time (22).
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
