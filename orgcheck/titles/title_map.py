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


def load_title_map(path: str | Path) -> dict[str, int]:
    """Read a title,level CSV; a header row is optional. Raises InputError naming the row."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the title map: {exc}", path=str(path)) from None
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
