"""An HTML table saved as .xls (the "Excel export" of many web apps).

Read with the standard library's tokenizer, which never fetches anything and has no
entity expansion beyond HTML's fixed set. Only simple tables are read: one header row,
no merged cells. Anything fancier is refused with a clear message rather than guessed.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd

from orgcheck.errors import InputError
from orgcheck.read.grid import Grid
from orgcheck.read.textcodec import decode


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.depth = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.merged = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
        elif self.depth == 1 and tag == "tr":
            self.row = []
        elif self.depth == 1 and tag in ("td", "th") and self.row is not None:
            self.cell = []
            spans = {k: v for k, v in attrs if k in ("colspan", "rowspan")}
            if any(v not in (None, "1") for v in spans.values()):
                self.merged = True
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            if self.row is not None:
                self.row.append("".join(self.cell))
            self.cell = None
        elif self.depth == 1 and tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def read_html(path: Path, data: bytes) -> Grid:
    name = str(path)
    text, note = decode(data, name)
    parser = _Tables()
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.tables if t]
    if not tables:
        raise InputError(
            "this .xls is really a web page (HTML) and holds no table",
            path=name,
            hint="export the people list as .xlsx or .csv instead",
        )
    if parser.merged:
        raise InputError(
            "this .xls is really a web page (HTML) whose table has merged "
            "cells, which orgcheck does not guess at",
            path=name,
            hint="open it in Excel and save it as .xlsx or .csv",
        )
    table = max(tables, key=len)
    width = max(len(r) for r in table)
    padded = [r + [""] * (width - len(r)) for r in table]
    frame = pd.DataFrame(padded, dtype=object)
    frame.columns = range(width)
    notes = [f"HTML table saved with a spreadsheet name; read as a table ({note})"]
    return Grid(
        frame=frame,
        rows=np.arange(1, len(frame) + 1, dtype=np.int64),
        notes=notes,
        may_escape=False,
    )
