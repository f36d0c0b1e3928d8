"""A sheet parsed with a forked helper process gives what this process alone gives.

``sheetxml._parse_helped`` lets a helper parse the second part of a big sheet. Each
workbook here is parsed with the helper and without it (``helper.ENABLED`` off), with
chunks made small so that a few hundred rows make many pieces, and the answers must
be the same: cells, inline texts (the helper's are renumbered after this process's),
extents, the escaped flag, the XML around sheetData, or "not plain" for both. A helper
that fails in any way leaves the work to this process.
"""

from __future__ import annotations

import io
import os
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from orgcheck.read import helper, read_table, sheetxml
from orgcheck.read.helper import Helper
from orgcheck.read.member import Member

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
import make_hostile as mh

pytestmark = pytest.mark.skipif(not helper.ENABLED, reason="no fork here")

NS = mh.SHEET_NS
SHEET = "xl/worksheets/sheet1.xml"
STYLES = (
    f'<styleSheet xmlns="{NS}"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
    '<xf numFmtId="164"/></cellXfs></styleSheet>'
)


def _row(r: int, odd: str = "") -> str:
    cells = [
        f'<c r="A{r}" t="s"><v>{r % 7}</v></c>',
        f'<c r="B{r}"><v>{r * 1.25}</v></c>',
        f'<c r="C{r}" s="1"><v>{40000 + r}</v></c>',
    ]
    if r % 5 == 0:  # inline text in both processes' parts
        cells.append(f'<c r="D{r}" t="inlineStr"><is><t>inline {r}</t></is></c>')
    return f'<row r="{r}">{"".join(cells)}{odd}</row>'


def _book(tmp_path: Path, rows: int = 400, late: str = "", at: int = 350) -> Path:
    body = "".join(_row(r, late if r == at else "") for r in range(1, rows + 1))
    sheet = f'<worksheet xmlns="{NS}"><sheetData>{body}</sheetData><pageMargins/></worksheet>'
    strings = "".join(f"<si><t>s{i}</t></si>" for i in range(7))
    shared = f'<sst xmlns="{NS}">{strings}</sst>'
    return mh.write_xlsx(tmp_path / "book.xlsx", sheet, shared, {"xl/styles.xml": STYLES})


@pytest.fixture(autouse=True)
def _small_pieces(monkeypatch):
    monkeypatch.setattr(sheetxml, "CHUNK", 2048)
    monkeypatch.setattr(sheetxml, "HELPED_LEAST", 4096)


def _checked(path: Path, *, helped: bool, monkeypatch):
    """parse_checked's answer as plain values (None: not plain), and whether a helper
    process was started for it."""
    started = []
    start = Helper.start
    with monkeypatch.context() as m:
        m.setattr(helper, "ENABLED", helped)
        m.setattr(Helper, "start", lambda *a, **k: started.append(1) or start(*a, **k))
        sheetxml.forget_checked()
        with zipfile.ZipFile(path) as z:
            parsed = sheetxml.parse_checked(path, z, z.getinfo(SHEET))
        sheetxml.forget_checked()
    if parsed is None:
        return None, bool(started)
    cells = [getattr(parsed.cells, f).tolist() for f in ("row", "col", "kind", "number")]
    answer = cells, parsed.inline, parsed.rows, parsed.cols, parsed.escaped, parsed.outside
    return answer, bool(started)


def test_a_helped_parse_is_the_same_as_one_alone(tmp_path, monkeypatch):
    path = _book(tmp_path)
    helped, started = _checked(path, helped=True, monkeypatch=monkeypatch)
    alone, _ = _checked(path, helped=False, monkeypatch=monkeypatch)
    assert started and helped == alone
    cells, inline = helped[0], helped[1]
    assert len(inline) == 80 and inline[-1] == "inline 400"
    kinds, numbers = np.array(cells[2]), np.array(cells[3])
    assert sorted(numbers[(kinds == 0) & (numbers >= 7)].tolist()) == list(range(7, 87))


def test_what_only_the_helper_sees_counts(tmp_path, monkeypatch):
    # an escaped entity in a late inline text: the flag comes from the helper's part
    path = _book(tmp_path, late='<c r="E350" t="inlineStr"><is><t>R&amp;amp;D</t></is></c>')
    helped, started = _checked(path, helped=True, monkeypatch=monkeypatch)
    assert started and helped == _checked(path, helped=False, monkeypatch=monkeypatch)[0]
    assert helped[4] is True and "R&amp;D" in helped[1]


@pytest.mark.parametrize(
    "late",
    [
        '<c r="E350"><f>1+1</f><v>2</v></c>',  # a formula: left to calamine
        '<c r="E350" t="s"><v>7</v></c>',  # a shared string that does not exist
        '<c r="E350" t="e"><v>#N/A</v></c>',  # an error cell
    ],
)
def test_a_late_cell_the_reader_declines_is_declined_either_way(tmp_path, monkeypatch, late):
    path = _book(tmp_path, late=late)
    alone = []
    parse_alone = sheetxml._parse_alone
    monkeypatch.setattr(sheetxml, "_parse_alone", lambda *a: alone.append(1) or parse_alone(*a))
    assert _checked(path, helped=True, monkeypatch=monkeypatch) == (None, True)
    # a part the helper found not plain is not parsed again here (but a bad shared
    # index is only found here, after the helper's cells came back)
    assert not alone
    assert _checked(path, helped=False, monkeypatch=monkeypatch)[0] is None


def test_a_failing_helper_leaves_the_work_to_this_process(tmp_path, monkeypatch):
    path = _book(tmp_path)
    alone, _ = _checked(path, helped=False, monkeypatch=monkeypatch)

    def broken(*args):
        raise MemoryError("the helper ran out")

    monkeypatch.setattr(sheetxml, "_parse_rest", broken)
    assert _checked(path, helped=True, monkeypatch=monkeypatch) == (alone, True)


def test_a_small_sheet_is_parsed_alone(tmp_path, monkeypatch):
    path = _book(tmp_path, rows=3)
    answer, started = _checked(path, helped=True, monkeypatch=monkeypatch)
    assert answer is not None and not started


def test_the_whole_read_is_the_same_with_a_helper(tmp_path, monkeypatch):
    path = _book(tmp_path)
    frames, started = [], []
    start = Helper.start
    monkeypatch.setattr(Helper, "start", lambda *a, **k: started.append(1) or start(*a, **k))
    for on in (True, False):
        monkeypatch.setattr(helper, "ENABLED", on)
        raw = read_table(path)
        frames.append((raw.frame.to_numpy().tolist(), raw.rows.tolist()))
    assert started and frames[0] == frames[1] and len(frames[0][0]) == 399  # and a header


def test_a_damaged_member_is_refused_as_before(tmp_path, monkeypatch):
    path = _book(tmp_path)
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(SHEET)] != SHEET.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 16] ^= 0xFF  # the sheet's CRC-32, as the central directory records it
    path.write_bytes(bytes(data))
    assert _checked(path, helped=True, monkeypatch=monkeypatch) == (None, True)
    assert _checked(path, helped=False, monkeypatch=monkeypatch)[0] is None


# -- the helper and the member reader on their own ---------------------------------------


def _arrays(n: int) -> list[np.ndarray]:
    return [np.arange(n, dtype=np.int32), np.arange(n, dtype=np.int16) % 9, np.linspace(0, 1, n)]


@pytest.mark.parametrize("room", [0, 64, 10_000_000])
def test_arrays_come_back_through_shared_memory_or_the_pipe(room):
    aid = Helper.start(lambda n: (("meta", n), _arrays(n)), 100_000, room=room)
    meta, arrays = aid.result(timeout=30)
    assert meta == ("meta", 100_000)
    assert all(np.array_equal(a, b) for a, b in zip(arrays, _arrays(100_000), strict=True))


def test_a_helper_that_raises_or_dies_answers_none():
    def die():
        os.kill(os.getpid(), 9)

    assert Helper.start(lambda: 1 / 0).result(timeout=30) is None
    assert Helper.start(die).result(timeout=30) is None


def test_a_helper_that_takes_too_long_is_stopped_and_answers_none():
    aid = Helper.start(lambda: __import__("time").sleep(60))
    pid = aid._pid
    assert aid.result(timeout=0.2) is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_a_helper_that_stalls_halfway_through_its_answer_is_stopped(monkeypatch):
    def send_a_little_then_stall(fd, data):  # runs in the child, after the work
        os.write(fd, bytes(memoryview(data).cast("B"))[:4])
        time.sleep(60)

    monkeypatch.setattr(helper, "_send", send_a_little_then_stall)
    aid = Helper.start(lambda: ((), []))
    pid = aid._pid
    began = time.monotonic()
    assert aid.result(timeout=0.5) is None
    assert time.monotonic() - began < 20  # not held for the child's 60 s
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_a_helper_nobody_waits_for_is_stopped():
    aid = Helper.start(lambda: __import__("time").sleep(60))
    pid = aid._pid
    aid.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped: no such child any more


def test_no_helper_where_fork_is_off(monkeypatch):
    monkeypatch.setattr(helper, "ENABLED", False)
    assert Helper.start(lambda: ((), [])) is None


@pytest.mark.parametrize("kind", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_the_member_reader_reads_what_zipfile_reads(tmp_path, kind):
    body = b"".join(b"<row r=%d>%d</row>" % (i, i * i) for i in range(20_000))
    path = tmp_path / "m.zip"
    with zipfile.ZipFile(path, "w", kind) as z:
        z.writestr("a.xml", body)
    with zipfile.ZipFile(path) as z:
        member = Member.open(z, z.getinfo("a.xml"))
    parts = []
    while block := member.read(7777):
        parts.append(block)
    assert b"".join(parts) == body


def test_arrays_split_between_shared_memory_and_the_pipe():
    arrays = _arrays(100_000)
    room = arrays[0].nbytes + 100  # the first fits, the others come through the pipe
    aid = Helper.start(lambda: ((), _arrays(100_000)), room=room)
    _, back = aid.result(timeout=30)
    assert all(np.array_equal(a, b) for a, b in zip(back, arrays, strict=True))


def _zip(tmp_path: Path, body: bytes, kind=zipfile.ZIP_DEFLATED) -> Path:
    path = tmp_path / "m.zip"
    with zipfile.ZipFile(path, "w", kind) as z:
        z.writestr("a.xml", body)
    return path


def _read_all(member: Member) -> bytes:
    parts = []
    while block := member.read(4096):
        parts.append(block)
    return b"".join(parts)


def test_the_member_reader_refuses_a_bad_crc_and_a_cut_stream(tmp_path):
    body = b"<row>1</row>" * 5000
    path = _zip(tmp_path, body)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("a.xml")
        info.CRC ^= 1
        with pytest.raises(zipfile.BadZipFile):
            _read_all(Member.open(z, info))
        info.CRC ^= 1
        info.file_size += 10  # the stream ends before the size the directory gives
        with pytest.raises(zipfile.BadZipFile):
            _read_all(Member.open(z, info))


def test_the_member_reader_leaves_what_it_does_not_read_to_zipfile(tmp_path):
    path = _zip(tmp_path, b"<row/>" * 100)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("a.xml")
        info.compress_size = 10**15  # more than the file holds
        assert Member.open(z, info) is None
    lzma = _zip(tmp_path, b"<row/>" * 100, zipfile.ZIP_LZMA)
    with zipfile.ZipFile(lzma) as z:
        assert Member.open(z, z.getinfo("a.xml")) is None
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:  # no file of its own
        assert Member.open(z, z.getinfo("a.xml")) is None


def test_rich_shared_strings_are_declined_either_way(tmp_path, monkeypatch):
    path = _book(tmp_path)
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    members["xl/sharedStrings.xml"] = members["xl/sharedStrings.xml"].replace(
        b"<si><t>s3</t></si>", b"<si><r><t>s</t></r><r><t>3</t></r></si>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    assert _checked(path, helped=True, monkeypatch=monkeypatch)[0] is None
    assert _checked(path, helped=False, monkeypatch=monkeypatch)[0] is None


# -- read.begin: the size check ahead of pandas ------------------------------------------


def test_the_read_package_and_the_sheet_parser_import_no_pandas():
    import subprocess

    code = (
        "import sys, orgcheck.read, orgcheck.read.extent, orgcheck.read.sheetxml;"
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_begin_then_read_parses_each_sheet_once_and_reads_the_same(tmp_path, monkeypatch):
    from orgcheck.read import begin

    path = _book(tmp_path)
    alone = read_table(path).frame.to_numpy().tolist()
    parsed = []
    real = sheetxml.parse_checked
    monkeypatch.setattr(sheetxml, "parse_checked", lambda *a: parsed.append(1) or real(*a))
    begin(path)
    assert parsed == [1]
    assert read_table(path).frame.to_numpy().tolist() == alone
    assert parsed == [1]  # the read took the check begin made
    read_table(path)
    assert parsed == [1, 1]  # a second read checks again


def test_begin_never_raises_and_the_read_says_what_is_wrong(tmp_path):
    from orgcheck.errors import InputError
    from orgcheck.read import begin

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    for path in (broken, tmp_path / "missing.xlsx"):
        begin(path)
        with pytest.raises(InputError):
            read_table(path)
