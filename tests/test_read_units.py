"""The reader's small parts: encodings, delimiters, stripping shortcuts, cell text."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from orgcheck.errors import InputError
from orgcheck.read import read_table
from orgcheck.read.celltext import cell_text
from orgcheck.read.delimited import _stripped_unless, sniff_delimiter
from orgcheck.read.header import find_header, is_label_row
from orgcheck.read.textcodec import decode
from orgcheck.read.workbook import _column_text


@pytest.mark.parametrize(
    ("data", "text", "note"),
    [
        (b"Name\nJos\xc3\xa9\n", "Name\nJosé\n", "encoding UTF-8"),
        (b"\xef\xbb\xbfName\n", "Name\n", "UTF-8 with BOM"),
        ("\ufeffName\nJosé\n".encode("utf-16-le"), "Name\nJosé\n", "UTF-16-LE with BOM"),
        ("\ufeffName\n".encode("utf-16-be"), "Name\n", "UTF-16-BE with BOM"),
        ("Name\nZoë Müller\n".encode("utf-16-le"), "Name\nZoë Müller\n", "no BOM"),
        (b"Name\nJos\xe9 \x80\n", "Name\nJosé €\n", "Windows-1252 (cp1252)"),
        (b"Jos\xc3\xa9\nM\xfcller\n", "José\nMüller\n", "UTF-8 with some Windows-1252"),
        (b"undefined \x81 byte\n", "undefined \x81 byte\n", "cp1252"),
    ],
)
def test_decode(data, text, note):
    got, said = decode(data, "f.csv")
    assert got == text and note in said


@pytest.mark.parametrize(
    ("sample", "delim"),
    [
        ("Name,Title\nA,B\n", ","),
        ('Name;Title;Manager\n"Doe, John";PM;\nA;B;C\n', ";"),
        ("Name\tTitle\nDoe, John\tPM\n", "\t"),
        ("Name|Title\nA|B, C\n", "|"),
        ("Name\nAlice\n", ","),
    ],
)
def test_sniff_delimiter(sample, delim):
    assert sniff_delimiter(sample)[0] == delim


@pytest.mark.parametrize(
    ("data", "delim", "clean"),
    [
        (b"a,b\nx,y\n", ",", True),
        (b"a,b \nx,y\n", ",", False),
        (b"a, b\n", ",", False),
        (b'"a ",b\n', ",", False),
        (b"a,b\r\nx y,z\r\n", ",", True),
        ("a,b\u00a0\n".encode(), ",", False),
        ("a,é\n".encode(), ",", True),
        (b"a,b\tc\n", ",", False),
        (b"a\tb c\n", "\t", True),
    ],
)
def test_already_stripped_is_exact_or_conservative(data, delim, clean):
    assert _stripped_unless(data, delim)(None) is clean


def test_cell_text():
    assert cell_text(1001.0) == "1001"
    assert cell_text(1.5) == "1.5"
    assert cell_text(1711380000000.0) == "1711380000000"
    assert cell_text(True) == "TRUE"
    assert cell_text(dt.datetime(2020, 1, 2)) == "2020-01-02"
    assert cell_text(dt.datetime(2020, 1, 2, 9, 30)) == "2020-01-02 09:30:00"
    assert cell_text(dt.date(2020, 1, 2)) == "2020-01-02"
    assert cell_text(float("nan")) == ""


def test_column_text_mixed_types_vectorised():
    col = np.array(
        ["Employee ID", 1001.0, 1002.0, 2.5, "", dt.date(2021, 5, 1), True, " x "], dtype=object
    )
    assert list(_column_text(col)) == [
        "Employee ID",
        "1001",
        "1002",
        "2.5",
        "",
        "2021-05-01",
        "TRUE",
        "x",
    ]
    assert list(_column_text(np.array([1.0, 2.0], dtype=object))) == ["1", "2"]
    assert list(_column_text(np.array([" a", "b "], dtype=object))) == ["a", "b"]


def test_header_found_below_title_rows_and_label_row_recognised():
    head = pd.DataFrame(
        [
            ["Headcount report", "", ""],
            ["As of 2026-01-31", "", ""],
            ["Name", "Title", "Manager"],
            ["Alice", "CEO", ""],
        ]
    )
    assert find_header(head) == 2
    assert is_label_row(["USERID", "FIRSTNAME", "MANAGER"], ["User ID", "First Name", "Manager"])
    assert not is_label_row(["USERID", "FIRSTNAME", "MANAGER"], ["achen", "Alice", "NO_MANAGER"])


def test_scientific_ids_are_kept_and_noted(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Name,Title,Employee ID\nAl,CEO,1.71138E+12\nBo,PM,1.71138E+12\n")
    raw = read_table(path)
    assert list(raw.frame["Employee ID"]) == ["1.71138E+12"] * 2
    (note,) = [n for n in raw.notes if "1.71138E+12" in n]
    assert note.startswith("id column 'Employee ID' holds numbers in scientific notation")
    assert "only 1 distinct value(s) in 2 filled rows" in note


def test_scientific_manager_ids_are_noted_without_a_uniqueness_claim(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Name,Title,Manager ID\nAl,CEO,\nBo,PM,1.71138E+12\nCy,PM,1.71138E+12\n")
    (note,) = [n for n in read_table(path).notes if "scientific" in n]
    assert note.startswith("manager column 'Manager ID'") and "distinct" not in note


def test_columns_without_header_get_a_name_and_duplicates_a_suffix(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Name,Title,,Name\nAl,CEO,x,Al2\n")
    raw = read_table(path)
    assert raw.headers == ["Name", "Title", "Column C", "Name (2)"]


def test_short_and_long_rows(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Name,Title\nAl\nBo,PM,extra,more\n")
    raw = read_table(path)
    assert raw.frame.to_numpy().tolist()[0][:2] == ["Al", ""]
    assert len(raw.frame) == 2


def test_utf16_bom_with_bad_bytes_is_refused(tmp_path):
    path = tmp_path / "p.txt"
    path.write_bytes(b"\xff\xfeN\x00a\x00\x00\xd8")
    with pytest.raises(InputError, match="UTF-16"):
        read_table(path)


def test_rows_array_is_int64():
    from pathlib import Path

    raw = read_table(Path(__file__).parent / "fixtures" / "exports" / "visio.xlsx")
    assert raw.rows.dtype == np.int64 and raw.rows[0] == 4


def test_wider_row_hidden_by_a_quote_is_not_dropped(tmp_path):
    """Mid-cell quotes fool the width sniff; pandas would then drop the last cells."""
    path = tmp_path / "p.csv"
    path.write_bytes(b'Name,Ti"tle,Man"ager\nAl,C"EO,B"o\n')
    raw = read_table(path)
    assert raw.headers == ["Name", 'Ti"tle', 'Man"ager']
    assert raw.frame.to_numpy().tolist() == [["Al", 'C"EO', 'B"o']]


def test_only_complete_character_references_are_decoded(tmp_path):
    from orgcheck.read import read_table

    path = tmp_path / "t.csv"
    path.write_text(
        "Name,Title\nAl,PM - Legal&regulatory\nBo,R&amp;D Lead\nCy,PM Content&copy\n",
        encoding="utf-8",
    )
    titles = read_table(path).frame["Title"].tolist()
    assert titles == ["PM - Legal&regulatory", "R&D Lead", "PM Content&copy"]
