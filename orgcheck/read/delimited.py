"""Delimited text (.csv .tsv .txt): sniff encoding and delimiter, parse with pandas' C engine.

Everything is read as text (object columns of str, no NA guessing) so ``007`` and ``1001.0``
reach the org builder exactly as written. Rows are records, counted the way a
spreadsheet numbers them, so a finding can cite "row 7" and the user finds it.
"""

from __future__ import annotations

import html
import io
import re
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from orgcheck.errors import InputError
from orgcheck.read import textlen
from orgcheck.read.grid import Grid
from orgcheck.read.limits import Limits, over
from orgcheck.read.textcodec import SCAN_CHUNK, decode, refuse_binary

DELIMITERS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_QUOTED = re.compile(r'"(?:[^"]|"")*"')
_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_A = TypeVar("_A")
_B = TypeVar("_B")
_EOF_QUOTE = re.compile(r"EOF inside string starting (?:at|with) (?:row|line) (\d+)")


def read_delimited(path: Path, data: bytes, limits: Limits) -> Grid:
    name = str(path)
    head = _utf8_head(data) if b"\x00" not in data else None
    if head is not None:
        # Plain UTF-8, the common case: only the head becomes str, and the C parser
        # checks the rest as it reads (0.2-0.4 s and 160-330 MB less at 1M rows).
        refuse_binary(head, name)
        try:
            return _read(data, head, "encoding UTF-8", limits, name)
        except UnicodeDecodeError:  # a byte past the head is not UTF-8 after all
            pass
    text, enc_note = decode(data, name)
    if "\x00" in text:
        return _read(text, text, enc_note, limits, name)
    # parsed as UTF-8 bytes, like a UTF-8 file, so the checks on the bytes can spare the
    # strip and unescape passes; the text itself is let go of first
    head, data = text[:65536], text.encode("utf-8")
    del text
    return _read(data, head, enc_note, limits, name)


def _utf8_head(data: bytes) -> str | None:
    """The first 65,536 characters if the file starts as plain UTF-8 (no BOM), else None."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    head = data[: 4 * 65536]  # at least 65,536 characters, whatever their width
    try:
        return head.decode("utf-8")[:65536]
    except UnicodeDecodeError as exc:
        if len(head) == len(data) or exc.reason != "unexpected end of data":
            return None
        return head[: exc.start].decode("utf-8")[:65536]  # a character cut at the end


def _read(source: str | bytes, text: str, enc_note: str, limits: Limits, name: str) -> Grid:
    """Parse ``source`` (the file's bytes, or its decoded text); ``text`` holds at least
    its first 65,536 characters, for sniffing."""
    notes = [enc_note]
    had_nul = "\x00" in text
    if had_nul:
        notes.append(f"{text.count(chr(0)):,} NUL characters removed")
        text = text.replace("\x00", "")
        source = text
    sample = text[:65536]
    del text
    delim, width = sniff_delimiter(sample)
    notes.append(f"delimiter {_NAMES[delim]}")
    if width > limits.max_columns:
        raise over("max_columns", width, limits, "columns (at least) in the first lines", path=name)
    if isinstance(source, bytes):
        frame, (stripped_if, may_escape) = _beside(
            lambda: _parse(source, delim, width, limits, name),
            lambda: (_stripped_unless(source, delim), _may_escape(source)),
        )
        stripped = stripped_if(len(frame))
    else:
        frame = _parse(source, delim, width, limits, name)
        stripped, may_escape = False, _may_escape(source)
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    frame.columns = range(frame.shape[1])
    return Grid(
        stripped=stripped,
        frame=frame,
        rows=rows,
        notes=notes,
        may_escape=may_escape,
        max_cell=max((textlen.longest(frame[c].to_numpy()) for c in frame.columns), default=0),
    )


def _beside(main: Callable[[], _A], side: Callable[[], _B]) -> tuple[_A, _B]:
    """``main()`` and ``side()`` at the same time: the C parser releases the GIL while it
    splits the text, and numpy while it scans the bytes, so on two cores the checks of
    the raw bytes (about 0.4 s at 1,000,000 rows) cost no wall time. ``side`` must
    not raise for any input; an error of ``main`` is raised after ``side`` has ended.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(side)
        out = main()
        return out, pending.result()


#: Every non-ASCII character ``str.strip()`` removes, as UTF-8 (U+0085, U+00A0, U+1680,
#: U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
_UNICODE_SPACES = tuple(c.encode() for c in map(chr, range(0x80, 0x3001)) if c.isspace())
#: ASCII whitespace other than space, CR and LF (tab is a delimiter's business).
_ODD_SPACES = (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\x1f")


def _unicode_space(data: bytes) -> bool:
    """True if any Unicode whitespace character is in UTF-8 ``data``.

    Each lead byte is looked for at memchr speed first; only a lead that occurs
    (0xE2 is common: dashes and curly quotes) costs a numpy pass over the bytes.
    """
    if any(seq in data[-4:] for seq in _UNICODE_SPACES):
        return True
    arr = np.frombuffer(data, dtype=np.uint8)
    for lead in sorted({seq[0] for seq in _UNICODE_SPACES}):
        if bytes([lead]) not in data:
            continue
        tails = [seq[1:] for seq in _UNICODE_SPACES if seq[0] == lead]
        for lo in range(0, len(arr) - 2, _CHUNK):  # the last bytes were checked above
            at = np.flatnonzero(arr[lo : min(lo + _CHUNK, len(arr) - 2)] == lead) + lo
            if len(tails[0]) == 1:
                found = np.isin(arr[at + 1], [t[0] for t in tails])
            else:
                pair = arr[at + 1].astype(np.uint16) << 8 | arr[at + 2]
                found = np.isin(pair, [t[0] << 8 | t[1] for t in tails])
            if found.any():
                return True
    return False


def _never(records: int | None) -> bool:
    return False


def _stripped_unless(data: bytes, delim: str) -> Callable[[int | None], bool]:
    """Whether no cell can have surrounding whitespace, as a function of the number of
    records the parser made, so that the bytes can be checked while the parser runs.

    A space is only suspicious next to a delimiter, a quote or a line end, found with
    a few substring searches that cost a fraction of stripping 10 million cells. A
    quoted cell that spans lines could end in a line break, so quotes only pass when
    the parser made one record per line.
    """
    odd = _ODD_SPACES if delim == "\t" else (*_ODD_SPACES, b"\t")
    if any(c in data for c in odd):  # one-byte searches run at memchr speed
        return _never
    quoted = b'"' in data
    if quoted and delim == "\t":
        return _never  # a tab inside quotes is invisible from here
    lines = _line_count(data) if quoted else None
    if not _no_spaces_at_edges(data, delim):
        return _never
    # A line break inside quotes is invisible from here: the records must be the lines.
    return lambda records: lines is None or records == lines


def _no_spaces_at_edges(data: bytes, delim: str) -> bool:
    """True if no space touches a delimiter, quote or line end outside a quoted cell
    (and no Unicode space is anywhere): then no cell has whitespace to strip."""
    if not data.isascii() and _unicode_space(data):
        return False
    if data[:1].isspace() or data[-1:] == b" ":
        return False
    spaced = _spaces_at_delimiters(np.frombuffer(data, dtype=np.uint8), ord(delim))
    if spaced is None:
        return False
    # 'San Francisco, CA' puts ", " inside quotes on every row: look closer.
    return not len(spaced) or (b'"' in data and _all_inside_quotes(data, ord(delim), spaced))


_CHUNK = SCAN_CHUNK  # a name of its own here: tests make it small


def _spaces_at_delimiters(arr: np.ndarray, delim: int) -> np.ndarray | None:
    """Offsets of spaces next to a delimiter; None if a space touches a quote or a
    line end (which always means a cell to strip).

    One numpy pass, chunk by chunk: substring searches for ' \\n' and the like run
    slowly on text full of spaces (about 1 s for 160 MB).
    """
    found = [np.zeros(0, dtype=np.int64)]
    for lo in range(0, max(len(arr) - 1, 0), _CHUNK):
        a = arr[lo : lo + _CHUNK + 1]  # one byte more: pairs across the chunk's end
        space, at_delim = a == 32, a == delim
        edge = (a == 10) | (a == 13) | (a == 34)
        if (space[:-1] & edge[1:]).any() or (edge[:-1] & space[1:]).any():
            return None
        found.append(np.flatnonzero(space[:-1] & at_delim[1:]) + lo)
        found.append(np.flatnonzero(at_delim[:-1] & space[1:]) + lo)
    return np.concatenate(found)


def _all_inside_quotes(data: bytes, delim: int, spaced: np.ndarray) -> bool:
    """True if every space next to a delimiter sits inside a quoted cell.

    Quotes are taken in order as open, close, open...; a doubled quote inside a cell
    is a close and an open. That reading holds only if each opening quote follows a
    delimiter, a line end or a quote and each closing one precedes one; any other
    quote (5" screen) makes this answer False, which only costs a strip.
    """
    arr = np.frombuffer(data, dtype=np.uint8)
    quotes = np.concatenate(
        [np.flatnonzero(arr[lo : lo + _CHUNK] == 34) + lo for lo in range(0, len(arr), _CHUNK)]
    )
    if len(quotes) % 2:
        return False
    bounds = np.array([delim, 10, 13, 34], dtype=np.uint8)
    opens, closes = quotes[0::2], quotes[1::2]
    before = arr[opens[opens > 0] - 1]
    after = arr[closes[closes < len(arr) - 1] + 1]
    if not (np.isin(before, bounds).all() and np.isin(after, bounds).all()):
        return False
    # An even number of quotes before a position: it is outside every quoted cell.
    return not (np.searchsorted(quotes, spaced, side="right") % 2 == 0).any()


def _line_count(data: bytes) -> int:
    """Records the C parser makes from ``data`` if no quoted cell spans lines (CR LF,
    LF and a lone CR each end one), counted with numpy chunk by chunk."""
    arr = np.frombuffer(data, dtype=np.uint8)
    lines = 0
    for lo in range(0, len(arr), _CHUNK):
        body, after = arr[lo : lo + _CHUNK], arr[lo + 1 : lo + _CHUNK + 1]
        cr = body == 13
        lines += int(np.count_nonzero(body == 10)) + int(np.count_nonzero(cr))
        if cr.any():  # CR LF ends one line, not two
            lines -= int(np.count_nonzero(cr[: len(after)] & (after == 10)))
    return lines + (not data.endswith((b"\n", b"\r")))


#: The part of an HTML character reference that decides whether it is one: '&', then
#: a name or number (never more than 32 characters) and an optional ';'.
_ENTITY = re.compile(rb"&[#A-Za-z0-9]{1,33};")


def _may_escape(source: str | bytes) -> bool:
    """False when no cell can change under ``html.unescape``, so that pass is skipped.

    'FP&A' or 'R & D' hold an ampersand but no character reference; each distinct
    reference-like piece is unescaped once here to tell (a few microseconds) instead
    of unescaping every cell of every column that has an '&' (1.5 s at 1M rows).
    """
    if isinstance(source, str):
        return "&" in source
    if b"&" not in source:
        return False
    pieces = set(_ENTITY.findall(source))
    return any(html.unescape(p.decode("latin-1")) != p.decode("latin-1") for p in pieces)


def sniff_delimiter(sample: str) -> tuple[str, int]:
    """The delimiter whose count is the same on most lines, and the widest line's fields.

    Quoted cells vote first: a quote opens a cell only right after the delimiter (or
    at a line start), so '...;,"a\nb"' is comma-separated even if semicolons agree.
    """
    lines = [ln for ln in _QUOTED.sub("", sample).splitlines()[:100] if ln.strip()]
    if len(sample) == 65536 and len(lines) > 1:
        lines = lines[:-1]  # the last line of a cut sample is partial
    before = [sample[m.start() - 1 : m.start()] for m in _QUOTED.finditer(sample[:16384])]
    best, best_score = ",", (0, 0.0, 0)
    for d in DELIMITERS:
        counts = [ln.count(d) for ln in lines]
        if not counts or max(counts) == 0:
            continue
        mode, agree = Counter(c for c in counts if c).most_common(1)[0]
        score = (before.count(d), agree / len(counts), mode)
        if score > best_score:
            best, best_score = d, score
    width = max((ln.count(best) for ln in lines), default=0) + 1
    return best, width


def _parse(source: str | bytes, delim: str, width: int, limits: Limits, name: str) -> pd.DataFrame:
    """Parse with ``width`` columns, widening when a row turns out to have more.

    The C parser either raises ("Expected 3 fields in line 7, saw 5") or, when the first
    row is the wide one, only warns that data would be lost: both mean "try wider",
    so no cell is ever silently dropped.
    """
    for _ in range(12):
        try:
            frame = _read_csv(source, delim, width, limits)
        except _TooNarrow:
            width = min(width * 2, limits.max_columns + 1)
            if width > limits.max_columns:
                raise over("max_columns", width, limits, "fields in a row", path=name) from None
            continue
        except pd.errors.ParserError as exc:
            message = str(exc)
            wider = _FIELDS.search(message)
            if wider and int(wider.group(3)) > width:
                width = int(wider.group(3))
                if width > limits.max_columns:
                    raise over(
                        "max_columns", width, limits, f"fields on line {wider.group(2)}", path=name
                    ) from None
                continue
            raise _parse_error(message, name) from None
        except pd.errors.EmptyDataError:
            raise InputError(
                "the file is empty", path=name, hint="export the people list again"
            ) from None
        except UnicodeDecodeError:
            raise  # bytes that are not UTF-8: the caller decodes them and tries again
        except (ValueError, MemoryError, OverflowError) as exc:
            raise _parse_error(str(exc), name) from None
        return frame
    raise InputError(
        "rows have too many different numbers of fields",
        path=name,
        hint="open the file in a spreadsheet program and save it as CSV",
    )


class _TooNarrow(Exception):
    """pandas would drop the cells past the last named column."""


def _read_csv(source: str | bytes, delim: str, width: int, limits: Limits) -> pd.DataFrame:
    buf = io.BytesIO(source) if isinstance(source, bytes) else io.StringIO(source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        frame = pd.read_csv(
            buf,
            encoding="utf-8",
            sep=delim,
            header=None,
            names=range(width),
            dtype=object,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            quotechar='"',
            doublequote=True,
            index_col=False,
            nrows=limits.max_rows + 1000,
        )
    if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
        raise _TooNarrow
    return frame


def _parse_error(message: str, name: str) -> InputError:
    quote = _EOF_QUOTE.search(message)
    if quote:
        return InputError(
            "a quoted cell is never closed (mismatched quote)",
            path=name,
            row=int(quote.group(1)) + 1,
            hint="look for a stray double quote in that row, or re-export the file",
        )
    return InputError(
        f"cannot parse the text as a table: {message.strip()}",
        path=name,
        hint="open the file in a spreadsheet program and save it as CSV UTF-8",
    )
