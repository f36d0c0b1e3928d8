"""Company overrides: ``--title-map CSV`` (title,level) and ``[ladder] aliases``.

Some titles only a company can place ("Tribe Lead", "Product Specialist III"); a pin
beats every rule. Levels are written the way people write them: ``3``, ``Senior
Product Manager`` or ``none`` for "not on the ladder".
"""

from __future__ import annotations

import csv
from pathlib import Path

from orgcheck.errors import InputError
from orgcheck.titles.ladder import RUNG_NAMES as LEVEL_NAMES

_OFF = {"none", "off", "0", "no", "n/a", "na", "-", "off ladder", "off-ladder", "not on ladder"}
_NAMES = {name.lower(): rung for rung, name in LEVEL_NAMES.items()}
_NAMES |= {"apm": 1, "pm": 2, "senior pm": 3, "director": 4, "vp": 5, "vp product": 5, "cpo": 6}


def parse_level(value: object) -> int | None:
    """Rung 1-6, 0 for "not on the ladder", or None when the value cannot be read."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= 6 else None
    text = " ".join(str(value).strip().lower().split())
    if text in _OFF:
        return 0
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 6 else None
    if text.startswith("rung ") and text[5:].isdigit():
        return parse_level(text[5:])
    return _NAMES.get(text)


_HOW = (
    "point --title-map (or title_map in orgcheck.toml) at a CSV file with one "
    "'title,level' row per line, e.g. 'Product Lead,3'"
)


def _problem(path: Path, message: str, hint: str = _HOW) -> InputError:
    return InputError(f"title map {message}", hint=hint, path=str(path))


def read_title_map_text(path: str | Path) -> str:
    """The text of a title-map file, or an InputError saying what is wrong and what to do.

    Spreadsheet programs save CSV as UTF-8 (with or without a byte-order mark) or, on
    Windows, as cp1252; both are read. A raw OS message ("[Errno 2] ...") tells a
    user nothing they can act on, so each failure gets its own sentence.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _problem(path, "not found", "check the path, or " + _HOW) from None
    except IsADirectoryError:
        raise _problem(path, "is a folder, not a file", _HOW) from None
    except PermissionError:
        raise _problem(
            path, "cannot be read: permission denied", "check the file's permissions"
        ) from None
    except OSError as exc:
        raise _problem(path, f"cannot be read ({exc.strerror or 'system error'})") from None
    if b"\0" in data:
        raise _problem(path, "is not a text file (a spreadsheet? save it as CSV)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _problem(path, "is not UTF-8 or Windows-1252 text", "save it as CSV UTF-8")
    if not text.strip():
        raise _problem(path, "is empty", _HOW)
    return text


def load_title_map(path: str | Path) -> dict[str, int]:
    """Read a title,level CSV; a header row is optional. Raises InputError naming the row."""
    path = Path(path)
    text = read_title_map_text(path)
    out: dict[str, int] = {}
    for row_no, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise InputError(
                "a title map row needs two columns: title,level",
                hint="example: Product Lead,3",
                path=str(path),
                row=row_no,
                value=",".join(row),
            )
        title, raw = row[0].strip(), row[1].strip()
        level = parse_level(raw)
        if level is None:
            if row_no == 1 and raw.lower() in {"level", "rung", "ladder"}:
                continue  # header
            raise InputError(
                "level must be 1-6, a rung name, or 'none'",
                hint="rungs: " + ", ".join(f"{k} {v}" for k, v in LEVEL_NAMES.items()),
                path=str(path),
                row=row_no,
                value=raw,
            )
        if not title:
            raise InputError("empty title in the title map", path=str(path), row=row_no)
        out[title] = level
    return out
