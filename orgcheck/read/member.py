"""A zip member inflated in this thread from its compressed bytes, read whole at once.

``zipfile`` reads a member through the archive's open file, whose position a forked
process would share with its parent. Here every bit of the stream's state (the
compressed bytes, the inflater, the running CRC) is in this process's memory, so a
helper forked midway (``helper``) carries on from where the stream was, on its own,
and the parent can go on with its share or drop the stream.

The member is opened through zipfile first (which checks its local header, name,
flags and overlap, and reads none of its data), then taken only if it is stored or
deflated and its compressed bytes lie within the file; the CRC and size are checked
at the end, as zipfile checks them. Anything else is left to zipfile (None).
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib

#: Compressed bytes handed to zlib per call: bounds the copy of its unconsumed input.
_FEED = 4 << 20
_LOCAL = b"PK\x03\x04"
_KINDS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class Member:
    """``read(n)``: up to ``n`` bytes, fewer only at the member's end (as zipfile's)."""

    def __init__(self, data: bytes, info: zipfile.ZipInfo) -> None:
        self._data = memoryview(data)
        self._at = 0
        self._left = info.file_size
        self._crc, self._want_crc = 0, info.CRC
        stored = info.compress_type == zipfile.ZIP_STORED
        self._inflate = None if stored else zlib.decompressobj(-15)

    @classmethod
    def open(cls, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Member | None:
        """The member, or None when it is not one this class reads (zipfile will)."""
        if info.flag_bits & 0x1 or info.compress_type not in _KINDS:  # encrypted, or LZMA..
            return None
        if not z.filename:  # an archive read from a stream: no file of our own to open
            return None
        z.open(info).close()  # zipfile's own checks of the member (they raise as it would)
        with open(z.filename, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            f.seek(info.header_offset)
            header = f.read(30)
            if len(header) != 30 or header[:4] != _LOCAL:
                return None
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            start = info.header_offset + 30 + name_length + extra_length
            if start + info.compress_size > size:  # a size no file this long can hold
                return None
            f.seek(start)
            data = f.read(info.compress_size)
        return cls(data, info) if len(data) == info.compress_size else None

    def read(self, n: int) -> bytes:
        want = min(n, self._left)
        if want <= 0:
            return b""
        if self._inflate is None:
            out = bytes(self._data[self._at : self._at + want])
            self._at += len(out)
        else:
            out = self._inflated(want)
        if len(out) != want:
            raise zipfile.BadZipFile("the member's data ends early")
        self._left -= want
        self._crc = zlib.crc32(out, self._crc)
        if not self._left and self._crc != self._want_crc:
            raise zipfile.BadZipFile("Bad CRC-32 for a member")
        return out

    def _inflated(self, want: int) -> bytes:
        parts, have = [], 0
        while have < want:
            feed = self._inflate.unconsumed_tail
            if not feed:
                feed = self._data[self._at : self._at + _FEED]
                self._at += len(feed)
            got = self._inflate.decompress(feed, want - have)
            if not got and not feed:
                break  # no input left and nothing more comes out: ends early
            parts.append(got)
            have += len(got)
        return b"".join(parts)
