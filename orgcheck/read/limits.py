"""Safety limits for reading a file, as settings (``[limits]`` in orgcheck.toml).

Defaults never get in a real user's way: a 1,000,000-row export passes with room to
spare, and the cell and column limits are Excel's own (a file Excel can open cannot
exceed them). Above a limit the reader refuses with a ``LimitError`` that names the
limit and the setting that raises it, rather than running out of memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgcheck.errors import LimitError

GIB = 1024**3


@dataclass(frozen=True)
class Limits:
    """Largest input the reader accepts.

    ``max_cell_chars`` is an error, not a truncation: a longer cell cannot come from
    Excel (32,767 is its own limit), so it is a damaged or hostile file, and silently
    cutting a name or an id would change who is who.
    """

    max_rows: int = 5_000_000
    max_cell_chars: int = 32_767
    max_uncompressed_bytes: int = 4 * GIB
    max_columns: int = 16_384  # Excel's column limit (XFD)
    # A sheet's rectangle (rows x columns from A1 to its last cell): 1,000,000 people
    # with 100 columns fit; a file that puts one cell at XFD1048576 does not.
    max_cells: int = 100_000_000

    def __post_init__(self) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"limits.{name} must be a whole number above 0, not {value!r}")

    @classmethod
    def from_mapping(cls, data: dict | None) -> Limits:
        """Build from a ``[limits]`` table; unknown keys are ignored by design."""
        data = data or {}
        known = {k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def over(limit: str, value: int, limits: Limits, what: str, **where) -> LimitError:
    """The error for one exceeded limit, saying how to raise it."""
    allowed = getattr(limits, limit)
    return LimitError(
        f"{what}: {value:,} is over the limit {limit} = {allowed:,}",
        hint=f"if the file is genuine, raise it in orgcheck.toml: [limits] {limit} = {value}",
        **where,
    )
