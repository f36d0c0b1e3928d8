"""Turn the bytes of a delimited text file into text, saying which encoding it was.

HR exports arrive as UTF-8, UTF-8 with a BOM, UTF-16 with a BOM (Excel's "Unicode
Text"), Windows-1252 (European Excel), or UTF-8 with a few Windows-1252 bytes pasted
in. Decoding UTF-8 with a Windows-1252 fallback for each invalid byte handles the last
two at once without guessing per file.
"""

from __future__ import annotations

import codecs
import re

from orgcheck.errors import InputError

# cp1252 leaves five bytes undefined; read them as Latin-1 so no byte is ever lost.
_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_CP1252[b] for b in bad), exc.end


codecs.register_error("orgcheck-cp1252", _cp1252_fallback)

#: A valid multi-byte UTF-8 sequence: its presence means "UTF-8 with stray bytes".
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and a note naming the encoding; raises ``InputError`` for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, note = _utf8(data[3:], "UTF-8 with BOM")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, note = _utf16(data, path)
    elif _utf16_without_bom(data[:4096]):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text, note = _strict(data, enc, path), f"encoding {enc.upper()} (no BOM)"
    else:
        text, note = _utf8(data, "UTF-8")
    refuse_binary(text, path)
    return text, note


def _utf8(data: bytes, label: str) -> tuple[str, str]:
    if data.isascii():  # the common case, checked at memory speed
        return data.decode("ascii"), f"encoding {label}"
    try:
        return data.decode("utf-8"), f"encoding {label}"
    except UnicodeDecodeError:
        pass
    if not _has_utf8_sequence(data):  # no byte is UTF-8's: each one is cp1252's
        return data.decode("cp1252", errors="orgcheck-cp1252"), "encoding Windows-1252 (cp1252)"
    text = data.decode("utf-8", errors="orgcheck-cp1252")
    return text, f"encoding {label} with some Windows-1252 bytes (read as cp1252)"


def _has_utf8_sequence(data: bytes) -> bool:
    """``_UTF8_SEQ.search(data)``, looking only where a lead byte is: the regex tries
    every position (0.26 s for 16 MB of cp1252 text, which has none)."""
    import numpy as np

    a = np.frombuffer(data, dtype=np.uint8)
    for lo in range(0, len(a), SCAN_CHUNK):
        part = a[lo : lo + SCAN_CHUNK]
        at = np.flatnonzero((part >= 0xC2) & (part <= 0xF4)) + lo
        need = np.where(a[at] >= 0xF0, 3, np.where(a[at] >= 0xE0, 2, 1))
        ok = np.ones(len(at), dtype=bool)
        for k in (1, 2, 3):
            after = np.minimum(at + k, len(a) - 1)
            cont = (at + k < len(a)) & (a[after] >= 0x80) & (a[after] <= 0xBF)
            ok &= cont | (need < k)
        if ok.any():
            return True
    return False


#: Bytes scanned at a time by the numpy checks of raw text (here and in ``delimited``),
#: so no temporary is file-sized.
SCAN_CHUNK = 1 << 22


def _utf16(data: bytes, path: str) -> tuple[str, str]:
    enc = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    return _strict(data[2:], enc, path), f"encoding {enc.upper()} with BOM"


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the file says it is {enc.upper()} but byte {exc.start} is not valid {enc}",
            path=path,
            hint="open it in Excel and save it again as CSV UTF-8",
        ) from None


def _utf16_without_bom(head: bytes) -> bool:
    if len(head) < 16:
        return False
    zeros_odd = head[1::2].count(0) / len(head[1::2])
    zeros_even = head[0::2].count(0) / len(head[0::2])
    return max(zeros_odd, zeros_even) > 0.4 and min(zeros_odd, zeros_even) < 0.05


def refuse_binary(text: str, path: str) -> None:
    """Random bytes and binary formats decode to text full of control characters."""
    sample = text[:65536]
    if not sample:
        return
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n\f\x00")
    nuls = sample.count("\x00")
    if controls > max(8, len(sample) // 100) or nuls > len(sample) // 10:
        raise InputError(
            "this is not a spreadsheet or a text table (it looks like binary data)",
            path=path,
            hint="export the people list from your HR system as .xlsx or .csv",
        )
