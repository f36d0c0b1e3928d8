"""What a file really is, decided from its first bytes rather than its name.

A CSV renamed to .xlsx, an "Excel export" that is an HTML page, an encrypted workbook
(an OLE2 container holding ``EncryptedPackage``) and random bytes are all common; each
gets the right reader or a clear refusal.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from orgcheck.errors import InputError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
HEAD = 8192

#: Everything zipfile and zlib raise for a damaged or unsupported archive.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    KeyError,
    NotImplementedError,  # unknown compression method or zip version
    RuntimeError,  # an encrypted zip member
)


@contextmanager
def zip_damaged(path: Path | str, what: str, hint: str = "open it in Excel and save it again"):
    """Any of the many ways a damaged zip fails becomes one InputError naming ``what``."""
    try:
        yield
    except ZIP_ERRORS as exc:
        detail = f" ({exc})" if str(exc) else ""
        raise InputError(f"{what} is damaged{detail}", path=str(path), hint=hint) from None


def open_checked(path: Path) -> int:
    """Size of a readable regular file, or an ``InputError`` saying what is wrong."""
    name = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(
                "the path is a symbolic link loop",
                path=name,
                hint="point orgcheck at the export file itself",
            ) from None
        if path.is_symlink():
            raise InputError(
                "the path is a symbolic link to a missing file",
                path=name,
                hint="point orgcheck at the export file itself",
            ) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputError(
                "file not found", path=name, hint="check the path and the file name"
            ) from None
        raise InputError(f"cannot open the file ({exc.strerror})", path=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            "this is a folder, not a file",
            path=name,
            hint="give the path of the export file inside it",
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            "not a regular file (a device, pipe or socket)",
            path=name,
            hint="save the export to a file and give its path",
        )
    if not os.access(path, os.R_OK):
        raise InputError(
            "cannot read the file (permission denied)",
            path=name,
            hint="check the file's permissions, or copy it somewhere readable",
        )
    if info.st_size == 0:
        raise InputError(
            "the file is empty",
            path=name,
            hint="export the people list again; this file has no bytes",
        )
    return info.st_size


def read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=str(path)) from None


#: Files people mistake for an export, by kind: what to call them in the refusal.
DOCUMENTS = {
    "pdf": "a PDF document",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "webp": "a WebP image",
    "rtf": "a rich-text (RTF) document",
    "archive": "a compressed archive (gzip, 7-Zip or RAR)",
    "docx": "a Word document",
    "doc": "a Word document",
    "pptx": "a PowerPoint presentation",
    "ppt": "a PowerPoint presentation",
    "odt": "an OpenDocument text document",
    "odp": "an OpenDocument presentation",
    "iwork": "an Apple Numbers, Pages or Keynote file",
}
_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b\x08", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"Rar!\x1a\x07", "archive"),
)


def kind(path: Path, head: bytes) -> str:
    """One of: xlsx, xlsb, ods, xls, encrypted, html, xml2003, text, zip-other, or a
    ``DOCUMENTS`` key (a PDF, image, Word or PowerPoint file: not a table at all)."""
    if head.startswith(ZIP):
        return _zip_kind(path)
    if head.startswith(OLE2):
        return _ole_kind(path)
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if is_spreadsheetml(head):
        return "xml2003"
    if looks_html(head):
        return "html"
    return "text"


def _zip_kind(path: Path) -> str:
    hint = "open it in Excel and save it again as .xlsx or .csv"
    with (
        zip_damaged(path, "the file looks like a zip archive but", hint),
        zipfile.ZipFile(path) as z,
    ):
        names = set(z.namelist())
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "xl/workbook.bin" in names:
            return "xlsb"
        if "content.xml" in names and "mimetype" in names:
            mime = z.read("mimetype")[:100]
            if b"spreadsheet" in mime:
                return "ods"
            if b"opendocument.text" in mime:
                return "odt"
            if b"opendocument.presentation" in mime:
                return "odp"
        if "word/document.xml" in names:
            return "docx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
            return "iwork"
    return "zip-other"


def _ole_kind(path: Path) -> str:
    """encrypted, xls, doc or ppt, from the stream names of an OLE2 container.

    Password-protected .xlsx files are OLE2 containers with an EncryptedPackage stream;
    old Word and PowerPoint files hold WordDocument / PowerPoint Document streams. The
    directory entry names are UTF-16; they sit in the first sectors of small files but
    can be anywhere, so scan up to the first 4 MiB.
    """
    try:
        with path.open("rb") as fh:
            data = fh.read(4 * 1024 * 1024)
    except OSError:
        return "xls"

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "encrypted"
    if has("Workbook") or has("Book"):
        return "xls"
    if has("WordDocument"):
        return "doc"
    if has("PowerPoint Document"):
        return "ppt"
    return "xls"


def looks_html(head: bytes) -> bool:
    """An HTML page or bare table (what many web apps save as "Excel" .xls)."""
    text = head[:4096]
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = text.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    text = text.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in text and b"<html" not in text:
        return False  # SpreadsheetML 2003: refused by the text reader's binary check
    return text.startswith((b"<!doctype html", b"<html", b"<table")) or (
        text.startswith(b"<") and b"<table" in text
    )


def is_spreadsheetml(head: bytes) -> bool:
    return b"urn:schemas-microsoft-com:office:spreadsheet" in head[:4096]
