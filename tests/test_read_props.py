"""Property tests: arbitrary tables written as CSV read back whole, or fail cleanly."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgcheck.errors import OrgcheckError
from orgcheck.read import read_table

HEADERS = ["Name", "Title", "Manager"]
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Printable text without the other delimiters, so the comma is the only sensible one.
plain_cell = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=";|"),
    max_size=20,
) | st.sampled_from(["", " ", "1001.0", "Doe, John", 'say "hi"', "a\nb", "R&amp;D"])
any_cell = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([HEADERS, *rows])
    path.write_bytes(buf.getvalue().encode(encoding))


def expected(cell: str) -> str:
    return html.unescape(cell.strip())


@SETTINGS
@given(
    rows=st.lists(st.lists(plain_cell, min_size=3, max_size=3), min_size=1, max_size=25),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_text_table_reads_back_without_losing_rows(tmp_path, rows, encoding):
    path = tmp_path / "people.csv"
    write_csv(path, rows, encoding)
    nonblank = [r for r in rows if any(c.strip() for c in r)]
    try:
        raw = read_table(path)
    except OrgcheckError as err:
        assert not nonblank, f"refused a table with data: {err}"
        return
    assert raw.headers == HEADERS
    left_out = sum(raw.skipped.values())  # totals and footer notes, counted
    assert len(raw.frame) + left_out == len(nonblank)
    assert len(raw.frame) + raw.blank_rows + left_out == len(rows)
    numbered = [(i + 2, r) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    kept = set(raw.rows.tolist())
    assert kept <= {n for n, _ in numbered}
    got = raw.frame.to_numpy().tolist()
    assert got == [[expected(c) for c in r] for n, r in numbered if n in kept]


@SETTINGS
@given(
    rows=st.lists(st.lists(any_cell, min_size=0, max_size=6), max_size=15),
    sep=st.sampled_from([",", ";", "\t", "|"]),
)
def test_any_text_never_raises_anything_but_orgcheck_errors(tmp_path, rows, sep):
    path = tmp_path / "people.txt"
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep).writerows([HEADERS, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        raw = read_table(path)
    except OrgcheckError as err:
        assert str(path) in str(err)
        return
    assert len(raw.frame) == len(raw.rows) <= len(rows)
    assert all(isinstance(v, str) for v in raw.frame.to_numpy().ravel())


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".ods"]))
def test_any_bytes_never_raise_anything_but_orgcheck_errors(tmp_path, data, suffix):
    path = tmp_path / f"people{suffix}"
    path.write_bytes(data)
    try:
        read_table(path)
    except OrgcheckError as err:
        assert str(path) in str(err)


EXPORTS = Path(__file__).parent / "fixtures" / "exports"
WORKBOOKS = ["workday.xlsx", "cover_sheet.xlsx", "orgchart_now.ods", "visio.xls", "okta.txt"]


@SETTINGS
@given(
    name=st.sampled_from(WORKBOOKS),
    flips=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=8
    ),
)
def test_damaged_real_files_never_raise_anything_but_orgcheck_errors(tmp_path, name, flips):
    data = bytearray((EXPORTS / name).read_bytes())
    for where, xor in flips:
        data[int(where * len(data))] ^= xor
    path = tmp_path / name
    path.write_bytes(bytes(data))
    try:
        raw = read_table(path)
    except OrgcheckError as err:
        assert str(path) in str(err)
        return
    assert len(raw.frame) == len(raw.rows)
